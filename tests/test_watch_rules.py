"""Watch rules on hand-built stored events: which findings each rule sees, and alert ids."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from allegiance.errors import ConfigError
from allegiance.models import Amount, Article, Event, Extraction, Mention, Sentence, Span
from allegiance.store import Store, StoredArticle
from allegiance.watch.alerts import alert_id, build_alerts, next_alert_id
from allegiance.watch.config import Rule, load_rules, load_sources, parse_interval
from allegiance.watch.rules import evaluate

TEXT = {
    "SUPPORT": "{a} declared its support for {b}.",
    "ACCUSE": "{a} condemned {b} for the attacks.",
    "AID": "{a} sent aid to {b}.",
    "ASSAULT": "{a} shelled towns in {b}.",
}


def event(doc: str, n: int, kind: str, a: str, b: str, **extra: object) -> Event:
    text = TEXT[kind].format(a=a, b=b)
    usd = extra.pop("usd", None)
    return Event(
        id=f"{doc}-{n}",
        doc_id=doc,
        event=kind,
        trigger=Span(text=kind.lower(), start=4, end=8),
        sentence=Sentence(index=n, start=0, end=len(text), text=text),
        actor=(Mention(text=a, start=0, end=3, code=a),),
        recipient=(Mention(text=b, start=len(text) - 4, end=len(text) - 1, code=b),),
        amount=Amount(text=f"${usd}", value=usd, currency="USD", usd=usd) if usd else None,
        **extra,  # type: ignore[arg-type]
    )


def put(store: Store, doc: str, day: str, *events: Event) -> None:
    text = " ".join(e.sentence.text for e in events) or "Nothing happened."
    article = Article(id=doc, text=text, published=dt.date.fromisoformat(day), url=f"u/{doc}")
    store.write([StoredArticle(Extraction(article=article, events=events))])


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "w.duckdb") as s:
        yield s


def keys(store: Store, rule: Rule) -> list[str]:
    return [f.key for f in evaluate(store, [rule])[rule.name]]


def test_sign_change_fires_on_the_period_the_relation_turns(store: Store) -> None:
    rule = Rule(kind="sign_change", name="s", dyads=(("HUN", "RUS"),))
    put(store, "d1", "2025-03-03", event("d1", 0, "SUPPORT", "HUN", "RUS"))
    assert keys(store, rule) == []
    put(store, "d2", "2025-03-10", event("d2", 0, "ACCUSE", "HUN", "RUS", mode="disapprove"))
    [finding] = evaluate(store, [rule])["s"]
    assert finding.key == "sign_change|HUN|RUS|2025-03-10|cooperative -> hostile"
    assert finding.evidence == ("d2-0",) and finding.before == ("d1-0",)


def test_sign_change_ignores_unwatched_dyads_and_hypotheticals(store: Store) -> None:
    rule = Rule(kind="sign_change", name="s", dyads=(("HUN", "RUS"),))
    put(store, "d1", "2025-03-03", event("d1", 0, "SUPPORT", "SRB", "RUS"))
    put(store, "d2", "2025-03-10", event("d2", 0, "ACCUSE", "SRB", "RUS"))
    put(store, "d3", "2025-03-03", event("d3", 0, "SUPPORT", "HUN", "RUS"))
    put(
        store, "d4", "2025-03-10", event("d4", 0, "ACCUSE", "HUN", "RUS", factuality="hypothetical")
    )
    assert keys(store, rule) == []
    everything = Rule(kind="sign_change", name="all")
    assert keys(store, everything) == ["sign_change|SRB|RUS|2025-03-10|cooperative -> hostile"]


def test_camp_join_lists_members_of_the_watched_camp(store: Store) -> None:
    rule = Rule(kind="camp_join", name="c", actors=("UKR",))
    put(
        store,
        "d1",
        "2025-03-03",
        event("d1", 0, "AID", "POL", "UKR"),
        event("d1", 1, "ASSAULT", "RUS", "UKR"),
        event("d1", 2, "AID", "BLR", "RUS"),
    )
    assert keys(store, rule) == ["camp_join|UKR|POL"]
    put(store, "d2", "2025-03-04", event("d2", 0, "AID", "DEU", "UKR"))
    findings = evaluate(store, [rule])["c"]
    assert [f.key for f in findings] == ["camp_join|UKR|DEU", "camp_join|UKR|POL"]
    assert findings[0].evidence == ("d2-0",)


def test_aid_above_counts_one_story_per_happening(store: Store) -> None:
    rule = Rule(kind="aid_above", name="a", actors=("UKR",), usd=1e8)
    put(
        store,
        "d1",
        "2025-03-03",
        event("d1", 0, "AID", "DEU", "UKR", usd=5e8, mode="humanitarian"),
        event("d1", 1, "AID", "EST", "UKR", usd=1e6),
    )
    put(
        store, "d2", "2025-03-04", event("d2", 0, "AID", "DEU", "UKR", usd=5e8, mode="humanitarian")
    )
    put(
        store, "d3", "2025-03-04", event("d3", 0, "AID", "FRA", "UKR", usd=9e8, factuality="future")
    )
    [finding] = evaluate(store, [rule])["a"]
    assert finding.subject["donor"] == "DEU" and finding.subject["usd"] == 5e8
    assert finding.evidence == ("d1-0", "d2-0")


def test_first_asserted_needs_an_earlier_hypothetical(store: Store) -> None:
    rule = Rule(kind="first_asserted", name="f", actors=("BRA",))
    put(store, "d1", "2025-03-03", event("d1", 0, "AID", "BRA", "UKR", factuality="hypothetical"))
    assert keys(store, rule) == []
    put(store, "d2", "2025-03-10", event("d2", 0, "AID", "BRA", "UKR"))
    put(store, "d3", "2025-03-12", event("d3", 0, "AID", "BRA", "UKR"))
    [finding] = evaluate(store, [rule])["f"]
    assert finding.key == "first_asserted|BRA|AID|UKR"
    assert finding.evidence == ("d2-0",) and finding.before == ("d1-0",)
    put(store, "d4", "2025-03-01", event("d4", 0, "SUPPORT", "BRA", "UKR"))
    put(store, "d5", "2025-03-09", event("d5", 0, "SUPPORT", "BRA", "UKR", factuality="future"))
    assert keys(store, rule) == ["first_asserted|BRA|AID|UKR"]  # asserted came first


def test_alerts_carry_sentences_and_stable_ids(store: Store) -> None:
    rule = Rule(kind="sign_change", name="s", dyads=(("HUN", "RUS"),))
    put(store, "d1", "2025-03-03", event("d1", 0, "SUPPORT", "HUN", "RUS"))
    put(store, "d2", "2025-03-10", event("d2", 0, "ACCUSE", "HUN", "RUS"))
    findings = evaluate(store, [rule])["s"]
    [alert] = build_alerts(store, findings, set())
    assert alert.id == alert_id("s", findings[0].key)
    assert alert.evidence[0]["sentence"] == "HUN condemned RUS for the attacks."
    assert alert.before[0]["id"] == "d1-0" and alert.evidence[0]["published"] == "2025-03-10"
    assert alert.id in alert.line() and "d2-0" in alert.line()
    assert next_alert_id("s", findings[0].key, {alert.id}) != alert.id


def test_parse_interval() -> None:
    assert [parse_interval(v) for v in ("30s", "15m", "1h", "1h30m", "90", 5)] == [
        30,
        900,
        3600,
        5400,
        90,
        5,
    ]
    for bad in ("", "soon", "-5m", "0s", "15x"):
        with pytest.raises(ConfigError):
            parse_interval(bad)


def test_load_rules_and_sources(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "actors: [ukr]\ndyads: [HUN-RUS]\nrules:\n  - sign_change\n"
        "  - {when: aid_above, usd: 1e9, name: big-aid}\n"
        "  - {when: first_asserted, actors: [BRA], include: future}\n"
    )
    loaded = load_rules(rules)
    assert [r.kind for r in loaded] == ["sign_change", "aid_above", "first_asserted"]
    assert loaded[0].actors == ("UKR",) and loaded[0].dyads == (("HUN", "RUS"),)
    assert loaded[1].usd == 1e9 and loaded[2].actors == ("BRA",)
    assert loaded[2].include == ("asserted", "future")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# my feeds\nhttps://a.example/rss  # world\npage https://b.example/x\n")
    assert [(s.url, s.kind) for s in load_sources(feeds)] == [
        ("https://a.example/rss", "feed"),
        ("https://b.example/x", "page"),
    ]
    yaml_feeds = tmp_path / "feeds.yaml"
    yaml_feeds.write_text("feeds:\n  - {url: 'https://a.example/atom', content: entry}\n")
    assert load_sources(yaml_feeds)[0].content == "entry"


@pytest.mark.parametrize(
    "text",
    [
        "rules: [nonsense]\n",
        "rules:\n  - {when: aid_above}\n",
        "rules: []\n",
        "dyads: [HUN]\nrules: [sign_change]\n",
        "rules:\n  - {when: sign_change, freq: year}\n",
    ],
)
def test_bad_rules_are_config_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=r"r\.yaml"):
        load_rules(path)
