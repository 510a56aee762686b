"""The DESIGN expectations of the analysis on a store built from the real article."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from allegiance import graph
from allegiance.store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLE = SHARED / "corpus" / "000_1ddcfbf26e8000d6.txt"
PRO_RUSSIA = {"RUS", "PRK", "IRN", "CHN"}
PRO_UKRAINE = {"UKR", "USA", "EU", "NATO", "LTU", "BEL"}


@pytest.fixture(scope="module")
def real_store(tmp_path_factory, extractor):
    if not ARTICLE.is_file():
        pytest.skip("../shared not present (fresh clone)")
    from allegiance.batch import IngestOptions, ingest
    from allegiance.ingest import ReadOptions

    db = tmp_path_factory.mktemp("real") / "real.duckdb"
    options = IngestOptions(read=ReadOptions(default_published=dt.date(2024, 11, 20)))
    with Store(db) as store:
        ingest([ARTICLE], store=store, extractor=extractor, options=options)
    with Store(db, read_only=True) as store:
        yield store


@pytest.mark.model
@pytest.mark.shared
def test_blocs_put_the_backers_of_each_side_in_different_camps(real_store):
    camps = graph.camps(real_store)
    missing = (PRO_RUSSIA | PRO_UKRAINE) - set(camps)
    assert not missing, f"actors without relations: {sorted(missing)}"
    russia_side = {camps[c] for c in PRO_RUSSIA}
    ukraine_side = {camps[c] for c in PRO_UKRAINE}
    assert len(russia_side) == 1 and len(ukraine_side) == 1
    assert russia_side != ukraine_side


@pytest.mark.model
@pytest.mark.shared
def test_flows_to_ukraine_by_donor_with_sentences(real_store):
    aid = graph.flows(real_store, recipient="UKR", by_mode=False, sentences=True)
    by_donor = {row.donor: row for row in aid.itertuples()}
    assert by_donor["USA"].amount_usd >= 90e9
    assert by_donor["EU"].amount_usd >= 125e9
    assert any("$90 billion" in s for s in by_donor["USA"].sentences)
    assert any("$125 billion" in s for s in by_donor["EU"].sentences)


@pytest.mark.model
@pytest.mark.shared
def test_scenario_without_usa_names_donors_and_commitments(real_store):
    result = graph.scenario(real_store, without="USA", recipient="UKR")
    assert "EU" in result.summary["remaining_donors"]
    assert "USA" not in result.summary["remaining_donors"]
    assert {"LTU", "BEL"} <= set(result.summary["committed"])
    sentences = " ".join(result.commitments["sentence"])
    assert "Nauseda" in sentences and "De Croo" in sentences
