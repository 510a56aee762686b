"""Every error becomes JSON ``{"error": kind, "message": text}``; never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from allegiance.errors import AllegianceError, StoreError

log = logging.getLogger(__name__)

_KINDS = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_parameter",
    503: "unavailable",
}


class BadParameter(Exception):
    """A request parameter that parsed but makes no sense (unknown type, since > until ...)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


def error_body(status: int, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": _KINDS.get(status, "error"), "message": message, **extra}


def _where(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("query", "path", "body", "header"):
        place = {
            "query": "query parameter",
            "path": "path parameter",
            "body": "body",
            "header": "header",
        }[parts[0]]
        rest = ".".join(parts[1:])
        return f"{place} '{rest}'" if rest else place
    return ".".join(parts) or "request"


def validation_message(exc: RequestValidationError) -> str:
    problems = [f"{_where(e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in exc.errors()]
    return "; ".join(problems[:5]) or "invalid request"


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()]
    return JSONResponse(error_body(422, validation_message(exc), detail=details), status_code=422)


async def _bad_parameter(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BadParameter)
    message = f"query parameter '{exc.name}': {exc.message}"
    return JSONResponse(error_body(422, message), status_code=422)


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    return JSONResponse(
        error_body(exc.status_code, message), status_code=exc.status_code, headers=exc.headers
    )


async def _allegiance(request: Request, exc: Exception) -> JSONResponse:
    status = 503 if isinstance(exc, StoreError) else 400
    return JSONResponse(error_body(status, str(exc)), status_code=status)


async def _internal(request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error on %s %s", request.method, request.url.path)
    message = f"internal error ({type(exc).__name__}); see the server log"
    return JSONResponse({"error": "internal", "message": message}, status_code=500)


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(BadParameter, _bad_parameter)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(AllegianceError, _allegiance)
    app.add_exception_handler(Exception, _internal)
