"""Analyses on hand-built stores with known answers (see test_graph_world for the worlds)."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import allegiance
from allegiance import graph
from allegiance.errors import ConfigError
from allegiance.graph.balance import partition
from allegiance.graph.options import AnalysisOptions
from allegiance.graph.plover import tables
from allegiance.store import Store
from test_graph_world import (
    NOV20,
    article_world,
    build,
    ev,
    extraction,
    flip_world,
    main_article,
)

PRO_RUSSIA = {"RUS", "PRK", "IRN", "CHN"}
PRO_UKRAINE = {"UKR", "USA", "EU", "NATO", "LTU", "BEL"}


@pytest.fixture
def world(tmp_path):
    with Store(article_world(tmp_path / "world.duckdb"), read_only=True) as store:
        yield store


def _row(table, **where):
    mask = True
    for key, value in where.items():
        mask = mask & (table[key] == value)
    rows = table[mask]
    assert len(rows) == 1, f"expected one row for {where}, got {len(rows)}"
    return rows.iloc[0]


# -- relations -----------------------------------------------------------------------------
def test_repeated_report_is_one_story_with_every_mention_as_evidence(world):
    rel = graph.relations(world)
    usa = _row(rel, source="USA", target="UKR")
    assert (usa["stories"], usa["mentions"], usa["AID"]) == (1, 3, 1)
    assert list(usa["evidence"]) == ["a1-e4", "a2-e0", "a3-e0"]
    assert usa["amount_usd"] == 90e9
    assert (
        str(usa["first_seen"])[:10] == "2024-11-20" and str(usa["last_seen"])[:10] == "2024-11-23"
    )


def test_syndicated_copies_never_count(world):
    rel = graph.relations(world, AnalysisOptions.including("all"))
    ids = {i for row in rel["evidence"] for i in row}
    assert ids and not any(i.startswith("a4-") for i in ids)


def test_scores_and_quads_come_from_the_plover_table(world):
    rel = graph.relations(world)
    assert _row(rel, source="RUS", target="UKR")["net"] == tables().score("ASSAULT") == -9
    nato_rus = _row(rel, source="NATO", target="RUS")
    assert nato_rus["net"] == tables().score("ACCUSE", "disapprove") == -2
    assert (nato_rus["ACCUSE"], nato_rus["verbal_conflict"]) == (1, 1)
    assert _row(rel, source="EU", target="UKR")["material_cooperation"] == 1


def test_accuse_base_score_is_negative():
    assert tables().score("ACCUSE") == -3
    assert tables().score("ACCUSE", "no-such-mode") == -3
    assert all(tables().score(t) <= 0 for t in ("REQUEST", "ACCUSE", "REJECT", "THREATEN"))


def test_hypothetical_events_only_count_when_included(world):
    default = graph.relations(world)
    assert _row(default, source="USA", target="UKR")["SANCTION"] == 0
    widened = graph.relations(world, AnalysisOptions.including("hypothetical"))
    usa = _row(widened, source="USA", target="UKR")
    assert usa["SANCTION"] == 1
    assert usa["net"] == tables().score("AID") + tables().score("SANCTION", "discontinue")


def test_story_window_decides_what_is_one_happening(world):
    one_day = graph.flows(world, AnalysisOptions(window_days=1), donor="USA")
    # 20 -> 21 Nov chains, 21 -> 23 Nov is a 2-day gap: a second story with the same figure
    assert one_day["amount_usd"].sum() == 180e9
    assert one_day["stories"].sum() == 2


def test_date_type_and_actor_filters(world):
    assert graph.relations(world, AnalysisOptions(since="2024-11-21")).shape[0] == 1
    assert graph.relations(world, AnalysisOptions(until="2024-11-19")).empty
    only_aid = graph.relations(world, AnalysisOptions(types=("AID",)))
    assert set(only_aid["source"]) == {"USA", "EU", "PRK", "CHN", "IRN"}
    nato = graph.relations(world, AnalysisOptions(actors=("NATO",)))
    assert set(nato["source"]) == {"NATO"} and len(nato) == 5


def test_filter_values_are_data_not_sql(world):
    hostile = "x') OR 1=1; DROP TABLE events; --"
    assert graph.relations(world, AnalysisOptions(actors=(hostile,))).empty
    assert graph.flows(world, donor=hostile).empty
    assert world.counts()["events"] > 0


def test_bad_options_are_clear_errors():
    with pytest.raises(ConfigError, match="factuality"):
        AnalysisOptions(factualities=("maybe",))
    with pytest.raises(ConfigError, match="event type"):
        AnalysisOptions(types=("HUG",))
    with pytest.raises(ConfigError, match="not a date"):
        AnalysisOptions(since="last week")


# -- flows ---------------------------------------------------------------------------------
def test_flows_to_ukraine_by_donor_and_mode(world):
    aid = graph.flows(world, recipient="UKR", sentences=True)
    assert _row(aid, donor="USA")["amount_usd"] == 90e9
    assert _row(aid, donor="USA")["mode"] == "military"
    eu = _row(aid, donor="EU")
    assert (eu["amount_usd"], eu["mode"], eu["events"]) == (125e9, "unspecified", 1)
    assert any("$125 billion" in s for s in eu["sentences"])
    assert len(_row(aid, donor="USA")["sentences"]) == 3


def test_amount_given_for_several_donors_is_split(tmp_path):
    joint = [
        ev(
            "DEU,FRA",
            "AID",
            "UKR",
            "Berlin and Paris pledged $10 billion together.",
            usd=10e9,
            mode="economic",
        )
    ]
    with Store(
        build(tmp_path / "j.duckdb", [extraction("j1", NOV20, joint)]), read_only=True
    ) as store:
        aid = graph.flows(store)
    assert sorted(aid["donor"]) == ["DEU", "FRA"]
    assert list(aid["amount_usd"]) == [5e9, 5e9]
    assert aid["amount_usd"].sum() == 10e9


# -- blocs ---------------------------------------------------------------------------------
def _camp_of(table, code):
    return next(row.camp for row in table.itertuples() if code in row.members)


def test_blocs_split_the_two_camps(world):
    table = graph.blocs(world)
    assert {_camp_of(table, c) for c in PRO_RUSSIA} == {2}
    assert {_camp_of(table, c) for c in PRO_UKRAINE} == {1}
    first = table.iloc[0]
    assert first["opposed_to"] == [2] and first["cohesion"] == 1.0
    assert "RUS~UKR (-9.0)" in first["strongest_across"]
    assert table.attrs["disagreement"] == 0.0


def test_blocs_are_stable_across_runs_and_input_order(tmp_path, world):
    first = graph.blocs(world)
    assert graph.blocs(world).equals(first)
    reordered = list(reversed(main_article()))
    with Store(
        build(tmp_path / "r.duckdb", [extraction("z9", NOV20, reordered)]), read_only=True
    ) as store:
        again = graph.camps(store)
    assert again == graph.camps(world)


def test_a_stated_commitment_is_the_speakers_support(world):
    rel = graph.relations(world)
    belgium = _row(rel, source="BEL", target="UKR")
    assert (belgium["SUPPORT"], belgium["net"]) == (1, tables().score("SUPPORT"))
    assert list(belgium["evidence"]) == ["a1-e10"]  # its statement, not the help it spoke of
    assert "BEL" in graph.camps(world)
    assert "BEL" not in graph.camps(world, AnalysisOptions(stated_support=False))
    assert "BEL" not in set(graph.relations(world, AnalysisOptions(types=("AID",)))["source"])


def test_enemy_of_my_enemy_joins_camps():
    weights = {("A", "X"): -3.0, ("B", "X"): -2.0, ("X", "Y"): 4.0}
    assert partition(weights, complete=False)["A"] != partition(weights, complete=False)["B"]
    camps = partition(weights)
    assert camps["A"] == camps["B"] != camps["X"] == camps["Y"]


def test_hostile_pair_is_never_merged_even_with_a_common_enemy():
    weights = {("A", "X"): -3.0, ("B", "X"): -2.0, ("A", "B"): -1.0}
    camps = partition(weights)
    assert len({camps["A"], camps["B"], camps["X"]}) == 3


# -- shifts --------------------------------------------------------------------------------
def test_shift_detected_in_the_month_the_relation_turns(tmp_path):
    with Store(flip_world(tmp_path / "f.duckdb"), read_only=True) as store:
        table = graph.shifts(store, freq="month")
        changes = graph.shifts(store, freq="month", changes_only=True)
        weekly = graph.shifts(store, freq="week", changes_only=True)
    assert list(table["sign"]) == [1, 1, -1, -1]
    assert len(changes) == 1
    change = changes.iloc[0]
    assert str(change["period"])[:10] == "2024-03-01"
    assert change["change"] == "cooperative -> hostile"
    assert list(change["drivers"]) == ["f3-e0", "f4-e0"]
    assert [str(p)[:10] for p in weekly["period"]] == ["2024-03-04"]  # the Monday of 5 March


def test_unknown_frequency_is_an_error(world):
    with pytest.raises(ConfigError, match="frequency"):
        graph.shifts(world, freq="hour")


# -- scenario ------------------------------------------------------------------------------
def test_scenario_without_usa_for_ukraine(world):
    result = graph.scenario(world, without="usa", recipient="ukr")
    assert result.summary["remaining_donors"] == ["EU"]
    assert result.summary["aid_remaining_usd"] == 125e9
    assert result.summary["remaining_share"] == pytest.approx(125 / 215)
    assert _row(result.donors, donor="EU")["share_after"] == 1.0
    assert _row(result.donors, donor="USA")["share_after"] == 0.0
    assert {"LTU", "BEL"} <= set(result.commitments["stated_by"])
    belgian = result.commitments[result.commitments["stated_by"] == "BEL"]
    assert list(belgian["type"]) == ["SUPPORT"] and "whatever" in belgian.iloc[0]["sentence"]
    assert list(belgian["stated_how"]) == ["attributed"]
    promised = result.commitments[result.commitments["factuality"] == "hypothetical"]
    assert list(promised["stated_by"]) == ["EU"] and "even if" in promised.iloc[0]["sentence"]
    assert "USA" not in set(result.supporters["actor"])
    assert {"EU", "LTU", "BEL"} == set(result.supporters["actor"])
    assert result.supporters["same_camp"].all()


def test_a_joint_pledge_stays_a_commitment_of_the_others(tmp_path):
    joint = [
        ev(
            "USA,DEU",
            "SUPPORT",
            "UKR",
            "Washington and Berlin vowed to stand by Kyiv.",
            factuality="future",
        )
    ]
    with Store(
        build(tmp_path / "j.duckdb", [extraction("j1", NOV20, joint)]), read_only=True
    ) as store:
        result = graph.scenario(store, without="USA", recipient="UKR")
    assert list(result.commitments["stated_by"]) == ["DEU"]
    assert list(result.commitments["actors"].iloc[0]) == ["USA", "DEU"]


def test_two_speakers_of_one_state_state_its_commitment_once(tmp_path):
    joint = [ev("DEU,DEU", "SUPPORT", "UKR", "Scholz and Baerbock vowed to stand by Kyiv.")]
    with Store(
        build(tmp_path / "j.duckdb", [extraction("j1", NOV20, joint)]), read_only=True
    ) as store:
        result = graph.scenario(store, without="USA", recipient="UKR")
    assert list(result.commitments["stated_by"]) == ["DEU"]


# -- brokers and graph ---------------------------------------------------------------------
def test_brokers_and_graph(world):
    table = graph.brokers(world)
    assert table.iloc[0]["actor"] in ("UKR", "RUS")
    assert _row(table, actor="NATO")["ties_across"] == 4
    g = graph.graph(world)
    assert isinstance(g, nx.DiGraph)
    assert g.nodes["RUS"]["camp"] != g.nodes["UKR"]["camp"]
    assert g.edges["USA", "UKR"]["amount_usd"] == 90e9 and g.edges["USA", "UKR"]["mentions"] == 3


# -- the notebook API ----------------------------------------------------------------------
def test_open_returns_dataframes(tmp_path):
    db = article_world(tmp_path / "api.duckdb")
    with allegiance.open(db) as a:
        assert len(a.events()) == len(main_article()) + 2 - 2  # two hypothetical left out
        assert len(a.events(include="hypothetical")) == len(main_article()) + 2
        assert not a.relations().empty and not a.blocs().empty
        assert _row(a.flows(recipient="UKR"), donor="USA")["amount_usd"] == 90e9
        assert a.flows(since=dt.date(2024, 11, 22))["events"].sum() == 1
        assert a.scenario(without="USA", for_="UKR").summary["remaining_donors"] == ["EU"]
        assert not a.shifts(freq="day").empty and not a.brokers().empty
        assert a.graph().number_of_nodes() == len(PRO_RUSSIA | PRO_UKRAINE)
        sentences = a.evidence(["a2-e0"])["sentence"].tolist()
        assert sentences == ["The US total stands above $90 billion, officials repeat."]


def test_empty_store_gives_empty_tables_with_columns(tmp_path):
    with Store(tmp_path / "empty.duckdb"):
        pass
    with allegiance.open(tmp_path / "empty.duckdb") as a:
        for table in (a.relations(), a.blocs(), a.flows(), a.shifts(), a.brokers()):
            assert table.empty and len(table.columns) > 5
        assert a.scenario(without="USA", for_="UKR").summary["remaining_donors"] == []
        assert a.graph().number_of_nodes() == 0


_NODES = [f"N{i}" for i in range(7)]


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.sampled_from(_NODES), st.sampled_from(_NODES)).filter(lambda p: p[0] < p[1]),
        st.sampled_from([-5.0, -2.0, -0.5, 0.5, 2.0, 5.0]),
        min_size=1,
    ),
    st.randoms(use_true_random=False),
)
def test_partition_ignores_input_order(weights, rnd):
    items = list(weights.items())
    rnd.shuffle(items)
    assert partition(dict(items)) == partition(weights)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.booleans(), min_size=4, max_size=8), st.integers(0, 10_000))
def test_a_balanced_two_camp_graph_is_recovered(sides, seed):
    """Positive ties inside each side, negative across: the camps are the sides."""
    assume(any(sides) and not all(sides))
    nodes = [f"N{i}" for i in range(len(sides))]
    weights = {
        (a, b): (2.0 if sides[i] == sides[j] else -2.0) * (1 + (seed + i * 7 + j) % 3)
        for i, a in enumerate(nodes)
        for j, b in enumerate(nodes)
        if i < j
    }
    camps = partition(weights)
    for i, a in enumerate(nodes):
        for j, b in enumerate(nodes):
            assert (camps[a] == camps[b]) == (sides[i] == sides[j])


def test_pledged_aid_is_shown_apart_when_asked(tmp_path):
    specs = [
        ev("USA", "AID", "UKR", "Washington delivered $2 billion in arms to Kyiv.", usd=2e9),
        ev("EU", "AGREE", "UKR", "Brussels pledged $5 billion for Kyiv's grid.", usd=5e9),
        ev("EU", "AGREE", "UKR", "Brussels promised to keep talking to Kyiv."),  # no figure
    ]
    path = build(tmp_path / "p.duckdb", [extraction("p1", NOV20, specs)])
    with Store(path, read_only=True) as store:
        delivered = graph.flows(store, recipient="UKR")
        both = graph.flows(store, recipient="UKR", pledged=True)
    assert list(delivered["donor"]) == ["USA"] and "status" not in delivered
    rows = {(r.donor, r.status): r.amount_usd for r in both.itertuples()}
    assert rows == {("USA", "delivered"): 2e9, ("EU", "pledged"): 5e9}
