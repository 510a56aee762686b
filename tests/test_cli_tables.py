"""What the terminal shows: tables within 100 columns, blanks for unknown dates, yes/no, lists
as codes; CSV amounts as integers; unknown actor codes as one line with close matches."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from allegiance.cli import cli
from allegiance.cli.output import render_table
from test_graph_world import article_world, build, extraction, flip_world, main_article


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == code, result.output + repr(result.exception)
    return result.output


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> str:
    return str(article_world(tmp_path_factory.mktemp("w") / "world.duckdb"))


@pytest.fixture(scope="module")
def undated(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("u") / "undated.duckdb"
    return str(build(path, [extraction("u1", None, main_article())]))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "args",
    [
        ("relations",),
        ("flows",),
        ("scenario", "--without", "USA", "--for", "UKR"),
        ("scenario", "--without", "USA", "--for", "UKR", "--part", "donors", "--format", "csv"),
    ],
)
def test_unknown_dates_are_blank_not_nat(undated, args):
    out = run(*args, "--db", undated)
    assert "NaT" not in out and "nan" not in out.split()
    assert "UKR" in out or "--part" in args


def test_shifts_say_yes_and_no(tmp_path):
    db = str(flip_world(tmp_path / "flip.duckdb"))
    out = run("shifts", "--db", db)
    assert "True" not in out and "False" not in out
    assert re.search(r"\byes\b", out) and re.search(r"\bno\b", out)


@pytest.mark.parametrize(
    "args",
    [
        ("blocs",),
        ("relations",),
        ("flows", "--evidence"),
        ("brokers",),
        ("scenario", "--without", "USA", "--for", "UKR"),
    ],
)
def test_tables_fit_100_columns_and_lists_are_whole_codes(world, args, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    out = run(*args, "--db", world)
    assert max(len(line) for line in out.splitlines()) <= 100, out
    assert '["' not in out  # no JSON lists


def test_camp_members_are_listed_whole(world):
    import json

    camps = json.loads(run("blocs", "--db", world, "--format", "json"))
    table = run("blocs", "--db", world)
    codes = set(re.findall(r"[A-Z]{2,4}", table))
    for camp in camps:
        assert set(camp["members"]) <= codes, table


def test_render_table_wraps_lists_and_cuts_long_text():
    rows = [
        {
            "members": ["BEL", "EU", "LTU", "NATO", "UKR", "USA", "DEU", "FRA", "POL", "GBR"] * 2,
            "sentence": "word " * 200,
            "share": 0.5,
            "amount": 90e9,
            "flag": True,
        }
    ]
    out = render_table(rows, width=60)
    assert max(len(line) for line in out.splitlines()) <= 60
    assert "…" in out and "yes" in out and "90 bn" in out
    listed = re.findall(r"[A-Z]{2,4}", out)
    assert len(listed) == 20  # no code cut in two


def test_csv_amounts_are_integers(world):
    out = run("flows", "--db", world, "--format", "csv")
    assert "90000000000" in out
    assert "90000000000.0" not in out and "e+" not in out


@pytest.mark.parametrize(
    ("args", "close"),
    [
        (("scenario", "--without", "FOO", "--for", "UKR"), "unknown actor code 'FOO'"),
        (("scenario", "--without", "USA", "--for", "UKRR"), "UKR (Ukraine)"),
        (("relations", "--actor", "USA,RUSS"), "RUS (Russia)"),
        (("flows", "--from", "Chna"), "CHN (China)"),
        (("events", "--actor", "GERMANY"), "DEU (Germany)"),
    ],
)
def test_unknown_actor_codes_are_one_line_with_close_matches(world, args, close):
    out = run(*args, "--db", world, code=2)
    assert out.count("\n") == 1 and out.startswith("error: unknown actor code")
    assert close in out


def test_actor_command_names_close_matches():
    out = run("actor", "UKRR", code=2)
    assert out.startswith("error: unknown actor code 'UKRR'") and "UKR (Ukraine)" in out


def test_known_codes_in_any_case_pass(world):
    run("scenario", "--without", "usa", "--for", "ukr", "--db", world)
    run("events", "--actor", "nato", "--db", world)


@pytest.mark.model
def test_extract_has_a_table_format(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text(
        "Japan announced 500 million dollars in humanitarian aid for Ukraine on Tuesday. "
        "Russian forces attacked Ukrainian towns overnight, officials in Kyiv said.",
        encoding="utf-8",
    )
    out = run("extract", "--format", "table", "--min-confidence", "0", str(text))
    lines = out.splitlines()
    assert lines[0].split()[0] == "event"
    assert any("-" in line and set(line) <= {"-", " "} for line in lines[:3])
    assert "ASSAULT" in out and "RUS" in out
    assert max(len(line) for line in lines) <= 100
