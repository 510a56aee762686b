"""HTTP API and web UI over a store: ``create_app(store)``; ``serve(db, ...)`` runs it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from allegiance._lazy import lazy_exports

if TYPE_CHECKING:
    from allegiance.api.app import ApiOptions, create_app

log = logging.getLogger(__name__)


# FastAPI loads when the app is first asked for, not when the CLI registers `serve`
__getattr__ = lazy_exports(
    __name__, {"ApiOptions": "allegiance.api.app", "create_app": "allegiance.api.app"}
)

__all__ = ["ApiOptions", "create_app", "serve"]


def serve(
    db: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None
) -> None:
    """Serve the API and web UI. The store is opened read-only unless a token enables ingestion."""
    import uvicorn

    from allegiance.api.app import ApiOptions, create_app
    from allegiance.settings import Settings
    from allegiance.store import Store

    # Read-only: the file is opened per request (hold=False) so `allegiance ingest` in another
    # process can commit between requests. With a token the server is the store's writer.
    with Store(db, read_only=not token, hold=bool(token)) as store:
        options = ApiOptions(settings=Settings.from_env())
        app = create_app(store, ingest_token=token, options=options)
        mode = "ingestion enabled (token required)" if token else "read-only"
        log.info("serving %s on http://%s:%d (%s)", db, host, port, mode)
        uvicorn.run(app, host=host, port=port, log_level="info")
