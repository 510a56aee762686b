"""Every error becomes JSON ``{"error": kind, "message": text}`` (plus ``detail`` for invalid
requests): the one documented error schema (:class:`ErrorBody`), never a traceback."""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
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


_DESCRIPTIONS = {
    400: "Bad request (a body that is not JSON, a value the analysis cannot use)",
    401: "Missing or wrong token",
    403: "Ingestion disabled (no token configured, or a read-only store)",
    404: "Not found",
    413: "Body too large",
    415: "Unsupported content type",
    422: "Invalid parameter or body",
    503: "The store is busy (locked by a writer); retry",
}


class ProblemDetail(BaseModel):
    """Where a request is invalid and why."""

    loc: list[str | int] = Field(description="Where: query/path/body and the parameter name.")
    msg: str


class ErrorBody(BaseModel):
    """Every 4xx and 5xx answer."""

    error: str = Field(description="The kind: " + ", ".join(sorted({*_KINDS.values()})) + ".")
    message: str = Field(description="One line for a person.")
    detail: list[ProblemDetail] | None = Field(
        default=None, description="Invalid requests (422): each problem."
    )


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for routes that can answer ``statuses`` with :class:`ErrorBody`."""
    return {s: {"model": ErrorBody, "description": _DESCRIPTIONS[s]} for s in statuses}


def error_body(status: int, message: str, **extra: Any) -> dict[str, Any]:
    body = ErrorBody(error=_KINDS.get(status, "error"), message=message, **extra)
    return body.model_dump(exclude_none=True)


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
    details = [
        ProblemDetail(loc=list(e.get("loc", ())), msg=str(e.get("msg", "invalid")))
        for e in exc.errors()
    ]
    return JSONResponse(error_body(422, validation_message(exc), detail=details), status_code=422)


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request))
    return JSONResponse(
        error_body(exc.status_code, message), status_code=exc.status_code, headers=headers or None
    )


def allowed_methods(request: Request) -> list[str]:
    """The methods /openapi.json documents for the request's path (Starlette names only the
    first route's: GET /api/articles and POST /api/articles are two routes)."""
    methods: set[str] = set()
    for template, operations in request.app.openapi().get("paths", {}).items():
        if re.fullmatch(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)), request.url.path):
            methods.update(m.upper() for m in operations)
    return sorted(methods)


async def _allegiance(request: Request, exc: Exception) -> JSONResponse:
    status = 503 if isinstance(exc, StoreError) else 400
    return JSONResponse(error_body(status, str(exc)), status_code=status)


async def _internal(request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error on %s %s", request.method, request.url.path)
    message = f"internal error ({type(exc).__name__}); see the server log"
    body = ErrorBody(error="internal", message=message).model_dump(exclude_none=True)
    return JSONResponse(body, status_code=500)


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(AllegianceError, _allegiance)
    app.add_exception_handler(Exception, _internal)
