"""The FastAPI application: JSON API, ingestion and the web UI over one store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from allegiance import __version__
from allegiance.api import analysis_routes, ingest, routes, web
from allegiance.api.deps import AppState
from allegiance.api.errors import install_handlers
from allegiance.api.security import BodyLimit, SecurityHeaders
from allegiance.settings import Settings
from allegiance.store import Store

DESCRIPTION = (
    "Who did what to whom, with evidence: articles, PLOVER events, actors, relations, blocs, "
    "aid flows, shifts and scenarios over an allegiance store. Errors are JSON "
    '`{"error": kind, "message": text}`.'
)


@dataclass(frozen=True, slots=True)
class ApiOptions:
    """How the app behaves beyond the store and token."""

    max_body_bytes: int = 20 * 1024 * 1024
    settings: Settings | None = None  # for the extractor built on the first ingestion
    make_extractor: Callable[[], Any] | None = None  # overrides ``settings``
    static_dir: Path | None = None  # default: the package's built static directory


def _extractor_factory(options: ApiOptions) -> Callable[[], Any]:
    if options.make_extractor is not None:
        return options.make_extractor

    def build() -> Any:
        from allegiance.pipeline import Extractor

        return Extractor(options.settings or Settings.from_env())

    return build


def create_app(
    store: Store, *, ingest_token: str | None = None, options: ApiOptions | None = None
) -> FastAPI:
    """The app over ``store``. Ingestion (``POST /api/articles``) needs ``ingest_token``."""
    options = options or ApiOptions()
    app = FastAPI(
        title="allegiance",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
    )
    app.state.allegiance = AppState(
        store=store,
        ingest_token=ingest_token or None,
        min_confidence=(options.settings or Settings()).min_confidence,
        max_body_bytes=options.max_body_bytes,
        make_extractor=_extractor_factory(options),
    )
    install_handlers(app)
    for router in (routes.router, analysis_routes.router, ingest.router, web.router):
        app.include_router(router)
    web.mount_static(app, options.static_dir or web.STATIC_DIR)
    app.add_middleware(BodyLimit, max_bytes=options.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    _extend_openapi(app)
    return app


def _extend_openapi(app: FastAPI) -> None:
    """Adds the ingestion body schema (the endpoint parses its body itself)."""
    from fastapi.openapi.utils import get_openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components["ArticleIn"] = ingest.ArticleIn.model_json_schema()
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
