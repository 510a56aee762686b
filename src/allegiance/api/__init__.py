"""HTTP API and web UI over a store: ``create_app(store)``; ``serve(db, ...)`` runs it."""

from __future__ import annotations

import errno
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

__all__ = ["ApiOptions", "check_port", "create_app", "serve"]


def check_port(host: str, port: int) -> None:
    """Raises :class:`ConfigError` when ``host:port`` cannot be listened on (another server
    holds it), before anything slow starts. Binds the way uvicorn does (SO_REUSEADDR)."""
    import socket

    from allegiance.errors import ConfigError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            reason = "already in use" if exc.errno == errno.EADDRINUSE else exc.strerror
            raise ConfigError(
                f"port {port} on {host} is {reason}; stop the other server or pick another "
                "with --port"
            ) from exc


def serve(
    db: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None
) -> None:
    """Serve the API and web UI. The store is opened read-only unless a token enables ingestion."""
    import uvicorn

    check_port(host, port)

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
