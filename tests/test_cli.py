"""The command line through click's runner (in-process), on texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.cli import cli

COMMANDS = [
    "extract",
    "ingest",
    "articles",
    "events",
    "actors",
    "actor",
    "export",
    "evaluate",
    "demo",
]

STORIES = [
    {
        "id": "t1",
        "published": "2024-03-04",
        "title": "Border clash",
        "text": "Armenian and Azerbaijani troops exchanged fire along the border on Sunday, "
        "the defence ministry in Yerevan said. Baku accused Armenia of starting the shooting.",
    },
    {
        "id": "t2",
        "published": "2024-03-05",
        "title": "Aid package",
        "text": "Japan announced 500 million dollars in humanitarian aid for Ukraine on Tuesday. "
        "Prime Minister Fumio Kishida said Tokyo would keep supporting Kyiv.",
    },
]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(json.dumps(s) for s in STORIES) + "\n", encoding="utf-8")
    return path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_one_group_holds_every_command():
    analyses = {"relations", "blocs", "flows", "shifts", "scenario", "brokers"}
    others = {"attach", "fetch", "watch", "serve"}
    assert set(cli.commands) == set(COMMANDS) | analyses | others


def test_evaluate_on_a_file_that_is_not_gold_is_one_line(tmp_path: Path):
    gold = tmp_path / "gold.json"
    gold.write_text("not json", encoding="utf-8")
    result = run("evaluate", str(gold))
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {gold}: not JSON")
    assert len(result.output.strip().splitlines()) == 1


def test_read_only_commands_on_missing_store_give_one_line(tmp_path):
    for command in ("articles", "events", "actors"):
        result = run(command, "--db", str(tmp_path / "none.duckdb"))
        assert result.exit_code == 2
        assert result.output.strip().startswith("error:")
        assert "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1


@pytest.mark.model
def test_ingest_then_list_and_export(tmp_path, corpus):
    db = str(tmp_path / "s.duckdb")
    first = run("ingest", str(corpus), "--db", db)
    assert first.exit_code == 0, first.output
    assert "2 stored" in first.output
    again = run("ingest", str(corpus), "--db", db)
    assert "0 stored" in again.output and "2 already stored" in again.output
    quiet = run("ingest", str(corpus), "--db", db, "-q")  # only errors, and there are none
    assert quiet.exit_code == 0 and quiet.output == ""

    listed = json.loads(run("articles", "--db", db, "--format", "json").output)
    assert [a["id"] for a in listed] == ["t1", "t2"]
    since = run("articles", "--db", db, "--since", "2024-03-05", "--format", "csv").output
    assert len(since.splitlines()) == 2  # header + one row

    events = [
        json.loads(line)
        for line in run("events", "--db", db, "--format", "jsonl").output.splitlines()
    ]
    for record in events:
        assert record["sentence"]["text"] in " ".join(s["text"] for s in STORIES)

    out = tmp_path / "parquet"
    assert run("export", "--db", db, "--format", "parquet", "--out", str(out)).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "actors.parquet",
        "articles.parquet",
        "events.parquet",
        "mentions.parquet",
        "sentences.parquet",
    ]


@pytest.mark.model
def test_bad_inputs_are_named_skipped_and_the_rest_goes_on(tmp_path, corpus):
    bad_jsonl = tmp_path / "broken.jsonl"
    bad_jsonl.write_text('{"id": "ok1", "text": "Kenya and Uganda signed a trade deal."}\n{oops\n')
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    db = str(tmp_path / "s.duckdb")
    result = run("ingest", str(corpus), str(bad_jsonl), str(binary), str(empty), "--db", db, "-q")
    assert result.exit_code == 1
    assert "broken.jsonl:2" in result.output
    assert "photo.txt" in result.output and "empty.txt" in result.output
    assert "Traceback" not in result.output
    listed = json.loads(run("articles", "--db", db, "--format", "json").output)
    assert {a["id"] for a in listed} == {"t1", "t2", "ok1"}


@pytest.mark.model
def test_extract_from_stdin_writes_json_lines():
    text = "Chile sent two transport planes with medical supplies to Ecuador on Friday."
    result = run("extract", "-", input=text)
    assert result.exit_code == 0
    for line in result.output.splitlines():
        assert json.loads(line)["doc_id"]


def test_store_that_is_not_a_database(tmp_path):
    path = tmp_path / "junk.duckdb"
    path.write_bytes(b"\x00garbage" * 512)
    result = run("events", "--db", str(path))
    assert result.exit_code == 2
    assert result.output.startswith("error:")


@pytest.mark.parametrize("value", ["abc", "-5", "inf"])
def test_bad_lock_wait_setting_is_one_line(tmp_path, monkeypatch, value):
    from allegiance.store import Store

    db = tmp_path / "s.duckdb"
    Store(db).close()
    monkeypatch.setenv("ALLEGIANCE_LOCK_WAIT", value)
    result = run("events", "--db", str(db))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"error: ALLEGIANCE_LOCK_WAIT must be a number of seconds >= 0, not {value!r}"
    )


def test_importing_the_package_leaves_the_nlp_stack_unloaded():
    import subprocess
    import sys

    code = (
        "import sys, allegiance, allegiance.api; "
        "print(sorted(m for m in ('spacy', 'fastapi') if m in sys.modules)); "
        "print(allegiance.Extractor.__name__, allegiance.open.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["[]", "Extractor open"]
