"""``POST /api/articles``: ingestion over HTTP, off unless the server has a token."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from allegiance.api.deps import AppState, state
from allegiance.api.errors import error_responses
from allegiance.api.security import check_token
from allegiance.batch import IngestOptions, ingest
from allegiance.ingest import ReadOptions
from allegiance.models import IngestStats

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api")

UPLOAD_SUFFIXES = (
    ".txt",
    ".html",
    ".htm",
    ".jsonl",
    ".json",
    ".csv",
    ".xml",
    ".rss",
    ".atom",
    ".warc",
    ".gz",
)
MAX_FILES = 100


class ArticleIn(BaseModel):
    """One article to ingest; ``id`` defaults to a hash of the normalised text."""

    text: str = Field(min_length=1, max_length=2_000_000)
    id: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4000)
    published: dt.date | None = None


class ArticlesIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=10_000)


Payload = ArticleIn | list[ArticleIn] | ArticlesIn


_JSON_SCHEMA = {
    "oneOf": [
        {"$ref": "#/components/schemas/ArticleIn"},
        {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}},
        {
            "type": "object",
            "required": ["articles"],
            "properties": {
                "articles": {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}}
            },
        },
    ]
}
_FORM_SCHEMA = {
    "type": "object",
    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
}
_PAYLOAD: TypeAdapter[Payload] = TypeAdapter(Payload)


@router.post(
    "/articles",
    summary="Ingest articles (JSON or uploaded files); needs the server token",
    responses=error_responses(400, 401, 403, 413, 415, 422, 503),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": _JSON_SCHEMA},
                "multipart/form-data": {"schema": _FORM_SCHEMA},
            },
        }
    },
)
async def post_articles(request: Request) -> dict[str, Any]:
    """JSON: one article, a list, or ``{"articles": [...]}``. Multipart: files under ``files``
    (text, HTML, JSONL, CSV, RSS/Atom, WARC). Answers the counts of the ingest run."""
    app = state(request)
    check_token(request, app.ingest_token)
    if app.store.read_only:
        raise HTTPException(403, "the store is open read-only; ingestion is disabled")
    with tempfile.TemporaryDirectory(prefix="allegiance-upload-") as tmp:
        folder = Path(tmp)
        if _is_json(request):
            paths = [_write_jsonl(folder, _articles_of(await _json_payload(request)))]
        else:
            paths = await _save_uploads(request, folder)
        stats = await run_in_threadpool(_ingest, app, paths)
    return _stats_json(stats)


def _is_json(request: Request) -> bool:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


async def _json_payload(request: Request) -> Payload:
    try:
        data = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(400, f"body is not valid JSON ({exc})") from exc
    try:
        return _PAYLOAD.validate_python(data)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"][1:])} for e in exc.errors()[:5]]
        ) from exc


def _articles_of(payload: Payload) -> list[ArticleIn]:
    if isinstance(payload, ArticlesIn):
        return payload.articles
    if isinstance(payload, list):
        return payload
    return [payload]


def _write_jsonl(folder: Path, articles: list[ArticleIn]) -> Path:
    path = folder / "posted.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            record = article.model_dump(exclude_none=True, mode="json")
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


async def _save_uploads(request: Request, folder: Path) -> list[Path]:
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith("multipart/form-data"):
        raise HTTPException(
            415, "send JSON (application/json) or files (multipart/form-data, field 'files')"
        )
    form = await request.form(max_files=MAX_FILES)
    uploads = [v for v in form.getlist("files") if isinstance(v, UploadFile)]
    if not uploads:
        raise HTTPException(422, "no files in the form (use the field name 'files')")
    paths = []
    for number, upload in enumerate(uploads):
        path = folder / f"{number:04d}-{_safe_name(upload.filename)}"
        path.write_bytes(await upload.read())
        paths.append(path)
    return paths


def _safe_name(filename: str | None) -> str:
    """A file name of our own making that keeps only a known suffix of the uploaded one."""
    name = Path(filename or "upload.txt").name
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", name.split(".")[0])[:60] or "upload"
    suffixes = "".join(s for s in Path(name).suffixes[-2:] if s.lower() in UPLOAD_SUFFIXES)
    return stem + (suffixes.lower() or ".txt")


def _ingest(app: AppState, paths: list[Path]) -> IngestStats:
    with app.write_lock:
        if app.extractor is None:
            app.extractor = app.make_extractor()
        options = IngestOptions(read=ReadOptions(max_bytes=app.max_body_bytes), hold_store=True)
        # The store's own connection is shared with the analyses: one user at a time.
        with app.read_lock:
            try:
                return ingest(paths, store=app.store, extractor=app.extractor, options=options)
            finally:
                app.wrote()


def _stats_json(stats: IngestStats) -> dict[str, Any]:
    data = dataclasses.asdict(stats)
    data["problems"] = [
        {"source": Path(p.source).name, "line": p.line, "message": p.message}
        for p in stats.problems
    ]
    return data
