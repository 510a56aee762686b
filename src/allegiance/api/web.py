"""The web UI and the API docs page, both served from the built static directory."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)

STATIC_DIR = Path(__file__).parent / "static"
NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>allegiance</title></head>
<body><h1>allegiance</h1>
<p>The web assets are not built. From a checkout run <code>make web</code>
(npm ci, then web/build.sh). The JSON API works meanwhile: see <a href="/openapi.json">
/openapi.json</a>.</p></body></html>
"""


def static_dir(request: Request) -> Path:
    return request.app.state.static_dir


def _page(request: Request, name: str) -> Response:
    path = static_dir(request) / name
    if not path.is_file():
        return HTMLResponse(NOT_BUILT, status_code=503)
    return FileResponse(path, media_type="text/html", headers={"Cache-Control": "no-cache"})


@router.get("/")
def index(request: Request) -> Response:
    return _page(request, "index.html")


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)


@router.get("/docs")
def docs(request: Request) -> Response:
    """Swagger UI from the npm package swagger-ui-dist, started by our own script (no CDN,
    no inline script)."""
    return _page(request, "docs.html")


def mount_static(app: FastAPI, folder: Path) -> None:
    app.state.static_dir = folder
    if folder.is_dir():
        app.mount("/static", StaticFiles(directory=folder), name="static")
    else:
        log.warning("web assets not built (%s missing): run `make web`", folder)
