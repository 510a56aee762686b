"""The HTTP contract: schemathesis (in-process, through the ASGI app) against /openapi.json on a
store with data. Every phase that makes sense offline (examples, coverage, fuzzing, stateful),
a fixed seed and a bounded number of examples; any finding of any check fails the test.

``ALLEGIANCE_CONTRACT_EXAMPLES`` raises the number of examples per operation (default 150,
about a minute on two cores)."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field

import pytest

from allegiance.api import create_app
from allegiance.store import Store
from api_helpers import build_store

schemathesis = pytest.importorskip("schemathesis")

EXAMPLES = int(os.environ.get("ALLEGIANCE_CONTRACT_EXAMPLES", "150"))
SEED = 15


@dataclass
class Findings:
    cases: int = 0
    failures: Counter[tuple[str, str]] = field(default_factory=Counter)
    samples: dict[tuple[str, str], str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    stop_reason: str = ""


def run_schemathesis(app: object) -> Findings:
    from schemathesis.config import SchemathesisConfig
    from schemathesis.engine import events, from_schema

    config = SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            "generation": {"max-examples": EXAMPLES},
            "phases": {name: {"enabled": True} for name in ("examples", "coverage", "fuzzing")}
            | {"stateful": {"enabled": True}},
        }
    )
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=config)
    found = Findings()
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            found.cases += len(event.recorder.cases)
            _collect(found, event)
        elif isinstance(event, events.NonFatalError):
            found.errors.append(f"{event.label}: {event.info.message}")
        elif isinstance(event, events.EngineFinished):
            found.stop_reason = str(event.stop_reason)
    return found


def _collect(found: Findings, event: object) -> None:
    recorder = event.recorder  # type: ignore[attr-defined]
    for case_id, checks in recorder.checks.items():
        for check in checks:
            if check.status.name != "FAILURE":
                continue
            key = (str(event.label), check.name)  # type: ignore[attr-defined]
            found.failures[key] += 1
            if key not in found.samples and check.failure_info is not None:
                case = recorder.cases[case_id].value
                failure = check.failure_info.failure
                found.samples[key] = (
                    f"path={case.path_parameters} query={case.query}: {failure.title}: "
                    f"{failure.message[:400]}"
                )


@pytest.mark.slow
def test_schemathesis_finds_nothing(tmp_path):
    db = build_store(tmp_path / "contract.duckdb")
    with Store(db, read_only=True) as store:
        found = run_schemathesis(create_app(store))
    report = [
        f"{n}x {label} {check}: {found.samples.get((label, check), '')}"
        for (label, check), n in found.failures.most_common()
    ]
    print(f"schemathesis: {found.cases} cases, {sum(found.failures.values())} findings")
    assert found.stop_reason == "completed", found.stop_reason
    assert not found.errors, found.errors
    assert not report, "\n".join(report)
    assert found.cases > 1000


def test_every_error_answer_has_the_one_error_schema(tmp_path):
    """A 422 of FastAPI's own validation, a 404 and a 405 share one documented body."""
    from fastapi.testclient import TestClient

    db = build_store(tmp_path / "errors.duckdb")
    with Store(db, read_only=True) as store, TestClient(create_app(store)) as client:
        spec = client.get("/openapi.json").json()
        bodies = [
            client.get("/api/events", params={"until": "AAA"}),
            client.get("/api/blocs", params={"window_days": -1}),
            client.get("/api/events", params={"until": "0"}),
            client.get("/api/actors/XYZ"),
            client.get("/api/articles/nope"),
        ]
        not_allowed = client.put("/api/articles")
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            refs = {
                str(status): r["content"]["application/json"]["schema"].get("$ref", "")
                for status, r in operation["responses"].items()
                if not str(status).startswith("2")
            }
            assert refs.get("422", "").endswith("/ErrorBody"), (method, path)
            assert all(ref.endswith("/ErrorBody") for ref in refs.values()), (method, path)
    assert [b.status_code for b in bodies] == [422, 422, 422, 404, 404]
    for body in (b.json() for b in bodies):
        assert set(body) <= {"error", "message", "detail"} and body["message"]
    assert "404" in spec["paths"]["/api/actors/{code}"]["get"]["responses"]
    assert not_allowed.status_code == 405
    assert not_allowed.headers["allow"] == "GET, POST"


@pytest.mark.parametrize(
    ("url", "param", "good", "bad"),
    [
        ("/api/events", "type", "AID,ASSAULT", "BOMB"),
        ("/api/events", "quad", "material_conflict", "cooperation"),
        ("/api/events", "factuality", "asserted,future", "maybe"),
        ("/api/blocs", "include", "hypothetical,future", "perhaps"),
        ("/api/blocs", "include", "all", "all,perhaps"),
        ("/api/relations", "actor", "USA,UKR", "USA;UKR"),
        ("/api/shifts", "freq", "week", "fortnight"),
    ],
)
def test_allowed_values_are_declared_and_enforced_by_the_schema(tmp_path, url, param, good, bad):
    """The values the server takes are the ones /openapi.json shows (a pattern or an enum)."""
    import re

    from fastapi.testclient import TestClient

    db = build_store(tmp_path / "values.duckdb")
    with Store(db, read_only=True) as store, TestClient(create_app(store)) as client:
        spec = client.get("/openapi.json").json()
        declared = next(
            p["schema"] for p in spec["paths"][url]["get"]["parameters"] if p["name"] == param
        )
        assert client.get(url, params={param: good}).status_code == 200
        assert client.get(url, params={param: bad}).status_code == 422
    options = declared.get("anyOf", [declared])[0]
    if "enum" in options:
        assert good in options["enum"] and bad not in options["enum"]
    else:
        assert re.fullmatch(options["pattern"].strip("^$"), good)
        assert not re.fullmatch(options["pattern"].strip("^$"), bad)
