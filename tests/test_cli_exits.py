"""Exit codes as the README documents them (0 ok, 1 some inputs skipped, 2 error), checked
before anything slow; a closed pipe; each skipped input reported once; the demo's hint."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.cli import cli
from allegiance.cli import demo as demo_module
from test_graph_world import article_world

SRC = Path(__file__).resolve().parents[1] / "src"


def run(*args: str, code: int) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == code, result.output + repr(result.exception)
    return result.output


@pytest.fixture
def no_model(monkeypatch):
    """Loading the model fails the test: the command must end before it."""

    def refuse(*args, **kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr("allegiance.pipeline.Extractor", refuse)


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_missing_path_is_an_error_before_the_model_loads(tmp_path, no_model, command):
    extra = ["--db", str(tmp_path / "s.duckdb")] if command == "ingest" else []
    out = run(command, str(tmp_path / "nope.txt"), *extra, code=2)
    assert out == f"error: {tmp_path / 'nope.txt'}: no such file or directory\n"


@pytest.fixture
def busy_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        yield sock.getsockname()[1]


def test_serve_on_a_busy_port_is_one_line_exit_2(tmp_path, busy_port):
    db = str(article_world(tmp_path / "w.duckdb"))
    out = run("serve", "--db", db, "--port", str(busy_port), code=2)
    assert out.count("\n") == 1 and out.startswith("error: port ") and "in use" in out


def test_demo_on_a_busy_port_stops_before_the_ingest(tmp_path, busy_port, monkeypatch):
    def refuse(**kwargs):
        raise AssertionError("the demo ran")

    monkeypatch.setattr(demo_module, "run_demo", refuse)
    out = run("demo", "--db", str(tmp_path / "d.duckdb"), "--port", str(busy_port), code=2)
    assert out.startswith("error: port ") and "in use" in out


def test_a_closed_pipe_exits_0_quietly(tmp_path):
    """``allegiance events ... | head -1``: the reader leaves; not an error."""
    db = str(article_world(tmp_path / "w.duckdb"))
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first write
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    args = ["events", "--db", db, "--format", "jsonl", "--min-confidence", "0"]
    done = subprocess.run(
        [sys.executable, "-m", "allegiance", *args],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
        check=False,
    )
    os.close(write_end)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""


def test_the_demo_hint_runs_as_typed():
    assert demo_module.command_name(".venv/bin/allegiance").endswith(".venv/bin/allegiance")
    assert demo_module.command_name("/x/allegiance/__main__.py").endswith(" -m allegiance")


def test_the_demo_passes_the_command_that_started_it(tmp_path, monkeypatch):
    seen = {}
    monkeypatch.setattr(demo_module, "run_demo", lambda **kw: seen.update(kw))
    monkeypatch.setattr(sys, "argv", ["/opt/venv/bin/allegiance", "demo"])
    run("demo", "--db", str(tmp_path / "d.duckdb"), "--no-serve", code=0)
    assert seen["command"] in ("allegiance", "/opt/venv/bin/allegiance")


@pytest.mark.model
def test_ingest_reports_each_skipped_input_once(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Russian forces attacked Ukrainian towns overnight, Kyiv said.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x03 binary")
    env = {**os.environ, "PYTHONPATH": str(SRC)}

    def ingest(*extra: str) -> subprocess.CompletedProcess[str]:
        args = ["ingest", str(good), str(bad), "--db", str(tmp_path / "s.duckdb"), *extra]
        return subprocess.run(
            [sys.executable, "-m", "allegiance", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )

    loud = ingest()
    assert loud.returncode == 1
    assert loud.stderr.count("bad.txt") == 1, loud.stderr
    assert "WARNING" not in loud.stderr and "articles read" in loud.stderr
    quiet = ingest("-q", "--force")
    assert quiet.returncode == 1
    assert quiet.stderr.strip().splitlines() == [f"skipped: {bad}: binary file"], quiet.stderr


def test_extract_says_why_an_article_is_not_read(tmp_path):
    source = tmp_path / "lang.jsonl"
    german = "Der Bundeskanzler hat heute in Berlin mit dem Präsidenten gesprochen."
    source.write_text(f'{{"text": "ok"}}\n{{"text": "{german}"}}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(source)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"skipped: {source}:1: too little text to tell its language",
        f"skipped: {source}:2: not English (language 'de')",
    ]
