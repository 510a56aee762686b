"""Fuzzing the extraction entry point (``Extractor.extract_one``) and the CLI on huge input.

Whatever the text (zero-width and right-to-left characters, control characters, one endless
sentence, an article at the size limit), extraction returns offsets that point into the text,
and stays within a per-document time bound: texts over ``Settings.max_chars`` are cut
with a warning. Examples: ALLEGIANCE_FUZZ_EXAMPLES (default 150); inputs tried are counted into
ALLEGIANCE_FUZZ_REPORT (JSON) when set.
"""

from __future__ import annotations

import json
import logging
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allegiance.models import Article, Extraction
from allegiance.settings import Settings
from allegiance.store import Store

pytestmark = pytest.mark.model

EXAMPLES = int(os.environ.get("ALLEGIANCE_FUZZ_EXAMPLES", "150"))
REPORT = os.environ.get("ALLEGIANCE_FUZZ_REPORT")
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not REPORT,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SMALL_DOC_SECONDS = 10.0  # a fuzzed document of a few hundred characters
MAX_ARTICLE_CHARS = Settings().max_chars
LIMIT_DOC_SECONDS = 60.0  # a document at MAX_ARTICLE_CHARS (measured ~17 s, event-dense)
WORDS = [
    "Kenya", "Chile", "Norway", "NATO", "the", "minister", "accused", "sent", "aid", "to",
    "met", "in", "Nairobi", "on", "Monday", "said", "troops", "sanctions", "of", "and",
]  # fmt: skip
TRICKY = [
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200f", "\u202e", "\u202b", "\u2067",
    "\u0645\u0635\u0631", "\u05e9\u05dc\u05d5\u05dd", "\x00", "\x0b", "\u2028", "\t", "\n",
    "\r", ". ", "! ", "?", "\u3002", "\U0001f600", "\u0301", "\ufffd", "  ",
]  # fmt: skip
_tried: dict[str, int] = {}


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    if REPORT:
        path = Path(REPORT)
        old = json.loads(path.read_text()) if path.exists() else {}
        old.update(_tried)
        path.write_text(json.dumps(old, indent=2))


@pytest.fixture(scope="module")
def limited(extractor):
    return extractor


def _count(name: str) -> None:
    _tried[name] = _tried.get(name, 0) + 1


def _check(extraction: Extraction, text: str) -> None:
    kept = text[:MAX_ARTICLE_CHARS]
    for s in extraction.sentences:
        assert 0 <= s.start <= s.end <= len(kept) and kept[s.start : s.end] == s.text
    for m in extraction.mentions:
        assert kept[m.start : m.end] == m.text
    for e in extraction.events:
        assert kept[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.doc_id == extraction.article.id


def _timed(extractor, text: str, name: str) -> tuple[Extraction, float]:
    started = time.perf_counter()
    extraction = extractor.extract_one(Article(id=name, text=text))
    _count(name)
    return extraction, time.perf_counter() - started


PIECES = st.one_of(st.sampled_from(WORDS), st.sampled_from(TRICKY), st.text(max_size=6))


@FUZZ
@given(pieces=st.lists(PIECES, max_size=120), glue=st.sampled_from([" ", "", "\u200b", "\n"]))
def test_fuzzed_text_with_zero_width_and_rtl(limited, pieces, glue):
    text = glue.join(pieces)
    extraction, seconds = _timed(limited, text, "extract_fuzzed_text")
    _check(extraction, text)
    assert seconds < SMALL_DOC_SECONDS


@FUZZ
@given(text=st.text(max_size=400))
def test_arbitrary_unicode(limited, text):
    extraction, seconds = _timed(limited, text, "extract_arbitrary_unicode")
    _check(extraction, text)
    assert seconds < SMALL_DOC_SECONDS


@pytest.mark.slow
def test_a_200k_character_sentence_without_punctuation(limited, caplog):
    rng = random.Random(9)
    text = " ".join(rng.choice(WORDS) for _ in range(40_000))[:200_000]
    assert len(text) == 200_000 and "." not in text
    with caplog.at_level(logging.WARNING, logger="allegiance.pipeline"):
        extraction, seconds = _timed(limited, text, "extract_200k_sentence")
    assert f"text cut to {MAX_ARTICLE_CHARS} characters" in caplog.text
    _check(extraction, text)
    assert max(s.end for s in extraction.sentences) <= MAX_ARTICLE_CHARS
    assert seconds < LIMIT_DOC_SECONDS


@pytest.mark.slow
def test_an_event_dense_article_at_the_size_limit(limited):
    sentence = "Kenya accused Chile of breaking the fishing treaty. Norway sent aid to Chile. "
    text = (sentence * (MAX_ARTICLE_CHARS // len(sentence) + 1))[: MAX_ARTICLE_CHARS - 1]
    extraction, seconds = _timed(limited, text, "extract_article_at_limit")
    _check(extraction, text)
    assert len(extraction.events) > 1000
    print(f"article at the limit ({len(text)} chars): {seconds:.1f} s")
    assert seconds < LIMIT_DOC_SECONDS


@pytest.mark.slow
def test_cli_on_a_50_mb_single_article(tmp_path):
    rng = random.Random(4)
    text = " ".join(rng.choice(WORDS) for _ in range(9_000_000))[:50_000_000]
    source = tmp_path / "huge.jsonl"
    source.write_text(json.dumps({"id": "huge", "text": text}) + "\n")
    db = tmp_path / "huge.duckdb"
    cmd = [sys.executable, "-m", "allegiance", "ingest", str(source), "--db", str(db)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    _count("cli_50mb_article")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Traceback" not in output
    assert f"huge: text cut to {MAX_ARTICLE_CHARS} characters" in output
    assert "1 stored" in output
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 1
