"""Runs the app under uvicorn on 127.0.0.1 (a free port, in a thread) and opens headless
Debian Chromium through Playwright, for the browser tests."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from allegiance.api import create_app
from allegiance.api.web import STATIC_DIR
from allegiance.store import Store
from conftest import browser_status

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parents[1]
SCREENSHOTS = REPO / "artifacts" / "screenshots"


def require_browser() -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests skipped: {browser_status()}")
    if not (STATIC_DIR / "index.html").is_file():
        pytest.fail("web assets not built: run `make web` (npm ci + web/build.sh)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serving(db: Path) -> Iterator[str]:
    """The app over ``db`` (read-only) on http://127.0.0.1:<port>, until the block ends."""
    import uvicorn

    with Store(db, read_only=True) as store:
        port = _free_port()
        config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(timeout=10)


@contextlib.contextmanager
def browser_page() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            yield page
        finally:
            browser.close()


def open_view(page: object, url: str) -> None:
    page.goto(url)  # type: ignore[attr-defined]
    page.wait_for_selector("body[data-ready='true']", state="attached", timeout=20_000)  # type: ignore[attr-defined]


def screenshot(page: object, name: str, *, also: Path | None = None) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    if also is not None:
        also.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(also))  # type: ignore[attr-defined]
    return path


def click_edge(page: object, edge_id: str) -> None:
    """A real mouse click on the middle of a cytoscape edge (as drawn on the canvas)."""
    point = page.evaluate(  # type: ignore[attr-defined]
        """(id) => { const cy = window.allegiance.cy; const edge = cy.getElementById(id);
             const mid = edge.renderedMidpoint();
             const box = cy.container().getBoundingClientRect();
             return {x: box.left + mid.x, y: box.top + mid.y}; }""",
        edge_id,
    )
    page.mouse.click(point["x"], point["y"])  # type: ignore[attr-defined]


def _rendered_point(page: object, selector_js: str, arg: str) -> dict[str, float]:
    return page.evaluate(  # type: ignore[attr-defined]
        f"""(id) => {{ const cy = window.allegiance.cy; const ele = cy.getElementById(id);
             const p = {selector_js};
             const box = cy.container().getBoundingClientRect();
             return {{x: box.left + p.x, y: box.top + p.y}}; }}""",
        arg,
    )


def click_node(page: object, node_id: str) -> None:
    """A real mouse click on the centre of a cytoscape node."""
    point = _rendered_point(page, "ele.renderedPosition()", node_id)
    page.mouse.click(point["x"], point["y"])  # type: ignore[attr-defined]


def hover(page: object, element_id: str) -> None:
    """Moves the mouse onto a node (its centre) or an edge (its midpoint)."""
    point = _rendered_point(
        page, "ele.isNode() ? ele.renderedPosition() : ele.renderedMidpoint()", element_id
    )
    page.mouse.move(point["x"], point["y"])  # type: ignore[attr-defined]
