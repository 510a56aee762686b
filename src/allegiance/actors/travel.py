"""Where a titled person went, and whom the person's words aim at: "Deputy Prime Minister Ho
Duc Phoc flew to Washington and met Treasury Secretary Scott Bessent" names the place he
visited, "Foreign Minister Jorge Arreaza accused Washington of ..." the state he accuses;
neither is the country he serves (``infer_affiliations`` reads a person's country from the
one state a sentence names)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from allegiance.actors.drafts import Draft

# verbs of going somewhere; not "return", whose place is often one's own country
TRAVEL_VERBS = frozenset({"fly", "travel", "go", "arrive", "head", "jet", "land", "come",
                          "visit", "tour"})  # fmt: skip
GOAL_PREPS = frozenset({"to", "in", "into"})
VISIT_VERBS = frozenset({"visit", "tour"})
# a journey named by a noun the person's act is told beside: "During a visit to Seoul, ..."
TRIP_NOUNS = frozenset({"visit", "trip", "tour", "stop", "stopover"})
# acts aimed at another party: one seldom accuses, blames, urges or warns one's own state
AIMED_VERBS = frozenset({
    "accuse", "blame", "criticize", "criticise", "condemn", "denounce", "rebuke", "slam",
    "urge", "press", "warn", "threaten",
})  # fmt: skip


def titled_of_no_country(draft: Draft) -> bool:
    """A person named with a title ("Deputy Prime Minister Ho Duc Phoc") and no known country:
    the one whose country a sentence may give."""
    return draft.kind == "person" and not draft.code and bool(draft.role)


def places_travelled_to(doc: Doc, drafts: list[Draft]) -> dict[int, frozenset[int]]:
    """For each titled person of no known country (by start), the tokens of the places the
    person travels to in the sentence ("flew to Washington", "is visiting Tokyo")."""
    out = {}
    for draft in drafts:
        if not titled_of_no_country(draft):
            continue
        root = doc[draft.start : draft.end].root
        if root.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        verbs = _own_verbs(root.head)
        goals = {t.i for verb in verbs for t in (*_goals(verb), *_trip_goals(verb))}
        if goals:
            out[draft.start] = frozenset(goals)
    return out


def parties_addressed(doc: Doc, drafts: list[Draft]) -> dict[int, frozenset[int]]:
    """For each titled person of no known country (by start), the tokens of the parties the
    person's own accusation, demand or warning aims at ("accused Washington of ...", "urged
    the South Korean government to ...")."""
    out = {}
    for draft in drafts:
        if not titled_of_no_country(draft):
            continue
        root = doc[draft.start : draft.end].root
        if root.dep_ != "nsubj":
            continue
        aimed = {t.i for verb in _own_verbs(root.head) for t in _aimed_at(verb)}
        if aimed:
            out[draft.start] = frozenset(aimed)
    return out


def _aimed_at(verb: Token) -> list[Token]:
    if verb.lemma_.lower() not in AIMED_VERBS:
        return []
    return [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]


def _trip_goals(verb: Token) -> list[Token]:
    """ "During a visit to Seoul last week, Stilwell urged ...": the place of a trip told in a
    phrase beside the act."""
    out = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for trip in (p for p in prep.children if p.dep_ == "pobj"):
            if trip.lemma_.lower() in TRIP_NOUNS:
                out += [t for c in trip.children if c.dep_ == "prep" and c.lower_ == "to"
                        for p in c.children if p.dep_ == "pobj" for t in p.subtree]  # fmt: skip
    return out


def _own_verbs(verb: Token) -> list[Token]:
    """The verb and the verbs joined to it that share its subject ("flew ... and met")."""
    joined = [c for c in verb.conjuncts if not any(g.dep_.startswith("nsubj") for g in c.children)]
    return [verb, *joined, *(x for v in (verb, *joined) for x in v.children if x.dep_ == "xcomp")]


def _goals(verb: Token) -> list[Token]:
    if verb.lemma_.lower() not in TRAVEL_VERBS:
        return []
    out = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in GOAL_PREPS:
            out += [t for p in c.children if p.dep_ == "pobj" for t in p.subtree]
        elif c.dep_ == "dobj" and verb.lemma_.lower() in VISIT_VERBS:
            out += list(c.subtree)
    return out
