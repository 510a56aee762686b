"""POST /api/articles: off without a token, then token required; size limit; JSON and files."""

from __future__ import annotations

import spacy
from fastapi.testclient import TestClient

from allegiance.api import ApiOptions, create_app
from allegiance.doc import register_extensions
from allegiance.pipeline import Extractor
from allegiance.store import Store
from api_helpers import build_store

ARTICLE = {
    "id": "posted-1",
    "title": "Posted by hand",
    "published": "2024-12-02",
    "text": "Freedonia sent grain to Sylvania on Monday. The shipment arrived safely.",
}


def _blank_extractor() -> Extractor:
    """The real Extractor on a blank English pipeline (sentences, no actors or events)."""
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Extractor(nlp=nlp)


def _client(tmp_path, *, token: str | None, read_only: bool = False, max_body: int = 1 << 20):
    store = Store(build_store(tmp_path / "s.duckdb"), read_only=read_only)
    options = ApiOptions(max_body_bytes=max_body, make_extractor=_blank_extractor)
    return store, TestClient(create_app(store, ingest_token=token, options=options))


def test_ingestion_is_off_without_a_token(tmp_path):
    store, client = _client(tmp_path, token=None, read_only=True)
    with store, client:
        response = client.post("/api/articles", json=ARTICLE)
        assert response.status_code == 403
        assert "disabled" in response.json()["message"]
        response = client.post(
            "/api/articles", json=ARTICLE, headers={"Authorization": "Bearer anything"}
        )
        assert response.status_code == 403
        assert client.get("/api/stats").json()["articles"] == 2


def test_token_is_required_and_checked(tmp_path):
    store, client = _client(tmp_path, token="s3cret")
    with store, client:
        for headers in (
            {},
            {"Authorization": "Bearer wrong"},
            {"Authorization": "s3cret"},
            {"Authorization": "Basic s3cret"},
            {"Authorization": "Bearer s3cr\u00e9t".encode("latin-1")},
        ):
            response = client.post("/api/articles", json=ARTICLE, headers=headers)
            assert response.status_code == 401, headers
            assert response.headers["www-authenticate"] == "Bearer"
            assert "token" in response.json()["message"]
        assert client.get("/api/stats").json()["articles"] == 2


def test_json_ingestion_with_the_token(tmp_path):
    store, client = _client(tmp_path, token="s3cret")
    auth = {"Authorization": "Bearer s3cret"}
    with store, client:
        response = client.post("/api/articles", json=ARTICLE, headers=auth)
        assert response.status_code == 200, response.text
        assert response.json()["stored"] == 1
        again = client.post("/api/articles", json={"articles": [ARTICLE]}, headers=auth)
        assert again.json()["unchanged"] == 1  # stable id: nothing stored twice
        found = client.get("/api/articles", params={"q": "grain"}).json()
        assert [a["id"] for a in found["items"]] == ["posted-1"]
        assert found["items"][0]["published"] == "2024-12-02"


def test_file_upload_with_the_token(tmp_path):
    store, client = _client(tmp_path, token="s3cret")
    text = b"Sylvania thanked Freedonia for the grain. Officials met in the capital on Friday."
    with store, client:
        response = client.post(
            "/api/articles",
            headers={"Authorization": "Bearer s3cret"},
            files=[("files", ("../../etc/note.txt", text, "text/plain"))],
        )
        assert response.status_code == 200, response.text
        assert response.json()["stored"] == 1
        assert client.get("/api/articles", params={"q": "thanked"}).json()["total"] == 1


def test_bad_bodies_are_4xx(tmp_path):
    store, client = _client(tmp_path, token="s3cret", max_body=4096)
    auth = {"Authorization": "Bearer s3cret"}
    with store, client:
        missing = client.post("/api/articles", json={"title": "no text"}, headers=auth)
        assert missing.status_code == 422 and "text" in missing.json()["message"]
        broken = client.post(
            "/api/articles",
            content=b"{not json",
            headers={**auth, "Content-Type": "application/json"},
        )
        assert broken.status_code == 400
        plain = client.post(
            "/api/articles", content=b"hello", headers={**auth, "Content-Type": "text/plain"}
        )
        assert plain.status_code == 415
        big = client.post("/api/articles", json={**ARTICLE, "text": "x" * 10_000}, headers=auth)
        assert big.status_code == 413 and "larger" in big.json()["message"]
        assert "content-security-policy" in big.headers
        assert client.get("/api/stats").json()["articles"] == 2
