"""What `make test` tells about itself: the browser tests say when and why they were skipped;
the test client is the non-deprecated one."""

from __future__ import annotations

import warnings
from pathlib import Path
from types import SimpleNamespace

import conftest

REPO = Path(__file__).resolve().parents[1]


def test_missing_chromium_is_named_in_the_header_and_the_summary(monkeypatch):
    monkeypatch.setattr(conftest, "CHROMIUM", Path("/nonexistent/chromium"))
    header = conftest.pytest_report_header(None)
    assert header.startswith("browser tests: SKIPPED") and "/nonexistent/chromium missing" in header
    lines: list[str] = []
    skipped = SimpleNamespace(keywords={"browser": 1, "test_x": 1})
    reporter = SimpleNamespace(
        stats={"skipped": [skipped, SimpleNamespace(keywords={"other": 1})]},
        write_sep=lambda sep, text: lines.append(text),
    )
    conftest.pytest_terminal_summary(reporter, 0, None)
    assert len(lines) == 1
    assert lines[0].startswith("1 browser tests skipped: /nonexistent/chromium missing")


def test_present_chromium_says_the_browser_tests_run(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("")
    monkeypatch.setattr(conftest, "CHROMIUM", fake)
    assert conftest.pytest_report_header(None) == f"browser tests: run ({fake})"


def test_the_test_client_is_not_deprecated():
    """Starlette's TestClient over httpx is deprecated; httpx2 (in the lock) is its successor."""
    import importlib
    import sys

    import pytest

    assert "httpx2" in (REPO / "requirements" / "lock.txt").read_text()
    pytest.importorskip("httpx2", reason="httpx2 not installed in this venv: run `make install`")
    for name in ("fastapi.testclient", "starlette.testclient"):
        sys.modules.pop(name, None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # StarletteDeprecationWarning is a UserWarning
        importlib.import_module("fastapi.testclient")


def test_make_stops_before_pip_when_npm_is_missing():
    makefile = (REPO / "Makefile").read_text()
    assert "install: $(WEB_STAMP) $(STAMP)" in makefile
    assert "needs npm" in makefile
