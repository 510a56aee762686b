"""Resolution of actor mentions on a parsed (or hand-built) Doc: pure functions.

Order: entities -> drafts; titles before names and appositives around them; sector from the
head noun; date-valid roles of known people; a titled person's country from the sentence when
it names only one; then in-document coreference (see ``coref``).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from allegiance.actors.coref import resolve_coreference
from allegiance.actors.domestic import HOME_KINDS, Home, opening_scene, story_home
from allegiance.actors.drafts import Context, Draft
from allegiance.actors.gender import mark_genders
from allegiance.actors.kb import KnowledgeBase, last_role_before, normalise, role_on
from allegiance.actors.lexicon import (
    Lexicon,
    in_a_name,
    names_a_thing,
    names_others,
    stance_named,
)
from allegiance.actors.patterns import PLACE, parse_pattern_id
from allegiance.actors.travel import (
    parties_addressed,
    places_travelled_to,
    titled_of_no_country,
)
from allegiance.models import Actor, Mention

ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
POSSESSIVES = frozenset({"'s", "’s"})
_POSSESSIVE = POSSESSIVES | {"'", "’"}  # with the plural's bare apostrophe
_DETERMINERS = frozenset({"the", "a", "an"})
_PERSON_GOV_NOUNS = frozenset({"administration", "government", "regime", "cabinet"})
_LINKS = frozenset({"of", "for", "at", "to"})


# the title modifiers that make an office one held before ("former president")
FORMER_WORDS = frozenset({"former", "ousted", "late"})


def resolve(doc: Doc, ctx: Context) -> list[Mention]:
    """All actor mentions of ``doc``, sorted by start."""
    sent_of = sentence_map(doc)
    drafts = entity_drafts(doc, ctx)
    read_shared_names(doc, drafts)
    owned_seats(doc, drafts)
    home_congress(doc, drafts)
    drafts = attach_titles(doc, drafts, ctx)
    attach_appositives(doc, drafts, ctx)
    occupied = {i for d in drafts for i in range(d.start, d.end)}
    for draft in drafts:
        apply_head_noun(doc, draft, ctx.lexicon, occupied)
    for draft in drafts:
        apply_person_role(draft, ctx)
    drafts = national_delegates(doc, drafts, ctx)
    mark_genders(doc, drafts, ctx.lexicon.gendered_words)
    infer_affiliations(
        drafts,
        sent_of,
        titles_of=titles_named(doc, drafts, ctx),
        travelled_to=places_travelled_to(doc, drafts),
        addressed=parties_addressed(doc, drafts),
    )
    drafts = resolve_coreference(doc, drafts, ctx, sent_of)
    return to_mentions(doc, drafts, sent_of)


def sentence_map(doc: Doc) -> list[int]:
    """Sentence index of every token (all 0 when the doc has no sentence boundaries)."""
    if not doc.has_annotation("SENT_START"):
        return [0] * len(doc)
    index = [0] * len(doc)
    for i, sent in enumerate(doc.sents):
        for t in range(sent.start, sent.end):
            index[t] = i
    return index


def owned_seats(doc: Doc, drafts: list[Draft]) -> None:
    """ "Pakistan's Foreign Office", "the Pakistani Foreign Office": a seat of government
    named with another country's name is that country's own office (the knowledge base files
    "Foreign Office" under Britain); so is an office named in a sentence set in another
    country's capital ("In Islamabad, the Foreign Office summoned ...")."""
    by_end = {d.end: d for d in drafts}
    for draft in drafts:
        if draft.kind != "capital" or draft.form != "seat":
            continue
        owner = by_end.get(draft.start)  # "the Pakistani Foreign Office"
        if owner is None and draft.start >= 2 and doc[draft.start - 1].lower_ in POSSESSIVES:
            owner = by_end.get(draft.start - 1)  # "Pakistan's Foreign Office"
        if owner is not None and owner.kind == "country" and owner.code not in (None, draft.code):
            draft.code = owner.code
        elif owner is None and _an_office(doc, draft) and doc.has_annotation("SENT_START"):
            draft.code = opening_scene(doc[draft.start].sent, drafts) or draft.code


def _an_office(doc: Doc, draft: Draft) -> bool:
    """A seat named as a department ("the Foreign Office"), which many governments have; not
    a building or a city of one ("Downing Street", "the Kremlin")."""
    return any(t.lower_ in {"office", "ministry"} for t in doc[draft.start : draft.end])


# countries whose national legislature news calls "Congress" (the knowledge base files the bare
# word under the USA); India's "Congress" is its Congress party, a domestic party too
CONGRESS_COUNTRIES = frozenset({
    "USA", "ARG", "BRA", "CHL", "COL", "DOM", "ESP", "GTM", "HND", "IND", "MEX", "PER", "PHL",
    "PRY",
})  # fmt: skip


def home_congress(doc: Doc, drafts: list[Draft]) -> None:
    """ "Health Minister Hugo Monroy told Congress" in a story that opens on Guatemala: a bare
    "Congress" is the legislature of the country its place names ("outside Congress in Buenos
    Aires") or else of the first country the story's opening sentence names, when that
    country's legislature is called so; otherwise it stays the US Congress."""
    seats = [d for d in drafts if d.form == "seat" and doc[d.start : d.end].text == "Congress"]
    if not seats:
        return
    by_start = {d.start: d for d in drafts if d.code}
    home = _opening_country(doc, drafts)
    for seat in seats:
        place = (
            by_start.get(seat.end + 1)
            if seat.end < len(doc) and doc[seat.end].lower_ == "in"
            else None
        )
        code = place.code if place is not None and place.kind in ("capital", "city") else home
        if code in CONGRESS_COUNTRIES:
            seat.code = code


def _opening_country(doc: Doc, drafts: list[Draft]) -> str | None:
    first_sentence_end = (
        next((s.end for s in doc.sents), len(doc)) if doc.has_annotation("SENT_START") else len(doc)
    )
    coded = [d for d in drafts if d.code and d.start < first_sentence_end and d.kind != "igo"]
    return min(coded, key=lambda d: d.start).code if coded else None


def entity_drafts(doc: Doc, ctx: Context) -> list[Draft]:
    drafts = []
    for ent in doc.ents:
        draft = draft_for_entity(ent, ctx)
        if draft is None or stance_named(doc, draft.start, draft.end):
            continue
        if names_a_thing(doc, draft.start, draft.end) or _national_namesake(doc, draft):
            continue
        if not (
            draft.kind == "capital"
            and in_a_name(doc, draft.start, draft.end, ctx.lexicon.named_after_a_seat)
        ):
            drafts.append(draft)
    return drafts


# A bare name two states share, read as the second where the story names that one by another
# of its names (its capital, demonym, "DRC") and never the first otherwise: "Congo" in a story
# of Kinshasa, M23 and Congolese troops is the Democratic Republic, not Congo-Brazzaville.
# name -> (code it has by default, the other state's code and Wikidata item)
SHARED_NAMES = {"congo": ("COG", "COD", "Q974")}


def read_shared_names(doc: Doc, drafts: list[Draft]) -> None:
    for name, (default, other, item) in SHARED_NAMES.items():
        bare = [d for d in drafts if d.code == default and _bare_name(doc, d) == name]
        codes = {d.code for d in drafts if d not in bare}
        if bare and other in codes and default not in codes:
            for draft in bare:
                draft.code, draft.wikidata = other, item


def _bare_name(doc: Doc, draft: Draft) -> str:
    words = [t.lower_ for t in doc[draft.start : draft.end] if t.lower_ != "the"]
    return " ".join(words)


# "South Korea's National Security Council", "Iran's Supreme National Security Council": a
# state's own body whose name ends in an international one's
NATIONAL_MARKS = frozenset({"National", "Supreme"})


def _national_namesake(doc: Doc, draft: Draft) -> bool:
    return draft.kind == "igo" and draft.start > 0 and doc[draft.start - 1].text in NATIONAL_MARKS


def draft_for_entity(ent: Span, ctx: Context) -> Draft | None:
    """A draft from a ruler-tagged entity (exact KB entry) or an NER entity looked up by text."""
    if ent.ent_id_:
        code, form, sector = parse_pattern_id(ent.ent_id_)
        if code == PLACE:
            return None
        return draft_from_kb(ent, code, form, sector, ctx.kb)
    if ent.label_ not in ACTOR_LABELS:
        return None
    hits = ctx.kb.lookup(ent.text)
    if hits:
        best = min(hits, key=lambda a: a.form != "name")
        return draft_from_kb(ent, best.key, best.form, best.sector, ctx.kb)
    name = normalise(ent.text)
    if ent.label_ == "PERSON":
        return Draft(ent.start, ent.end, kind="person", person=name, form="name")
    if len(ent) == 1 and ent.text[:1].isupper():  # maybe a surname NER mislabelled
        return Draft(ent.start, ent.end, kind="person", person=name, form="candidate")
    return None


def draft_from_kb(
    span: Span, code: str, form: str, sector: str | None, kb: KnowledgeBase
) -> Draft | None:
    actor = kb.actors.get(code)
    if actor is None:
        return None
    draft = Draft(span.start, span.end, key=code, form=form, wikidata=actor.wikidata)
    draft.plural = form == "demonym" and _plural_word(span[-1].text)
    if actor.kind == "person":
        draft.kind, draft.person, draft.gender = "person", actor.name, actor.gender
        draft.extra["text"] = span.text
        return draft
    draft.kind = {"seat": "capital", "region": "region"}.get(form, actor.kind)
    draft.code = actor.code if actor.kind == "country" else (actor.country or actor.code)
    draft.sector = sector or default_sector(actor, form)
    draft.extra["base_sector"] = draft.sector or ""
    if draft.plural and draft.sector is None:
        draft.sector = "CVL"  # "Palestinians", "Liberians": the people
    return draft


def default_sector(actor: Actor, form: str) -> str | None:
    if form == "seat":
        return "GOV"
    if actor.kind == "igo":
        return actor.sector or "IGO"
    if actor.kind == "group":
        return actor.sector or "REB"
    return actor.sector


def _plural_word(text: str) -> bool:
    return text.endswith("s") and not text.endswith("ss")


# --- sector from the head noun --------------------------------------------------------------


def apply_head_noun(doc: Doc, draft: Draft, lex: Lexicon, occupied: set[int]) -> None:
    """ "North Korean troops" -> MIL and the span grows to the noun; "the government of Iraq".

    The span does not grow over another mention ("Iran's U.N. mission"); the sector still applies.
    """
    if draft.kind == "person":
        _person_government(doc, draft)
        return
    if "appositive" in draft.extra:
        return
    found = head_noun_parsed(doc, draft, lex) if doc.has_annotation("DEP") else None
    if found is None and not doc.has_annotation("DEP"):
        found = head_noun_adjacent(doc, draft, lex)
    if found is None:
        return
    start, end, sector = found
    if not (draft.kind == "group" and sector == "GOV"):  # a group's leaders stay REB
        draft.sector = sector or draft.sector
    grown = set(range(start, draft.start)) | set(range(draft.end, end))
    if not grown & occupied:
        draft.start, draft.end = start, end
        draft.plural = draft.plural or doc[end - 1].tag_ in ("NNS", "NNPS")
        draft.plural = draft.plural or doc[end - 1].lower_.endswith("s")


def _person_government(doc: Doc, draft: Draft) -> None:
    """ "the Bush administration", "Assad's government": the government the person leads."""
    i = draft.end + (draft.end < len(doc) and doc[draft.end].text in _POSSESSIVE)
    if i < len(doc) and doc[i].lower_ in _PERSON_GOV_NOUNS:
        draft.end = i + 1
        draft.extra["government"] = "1"


def head_noun_parsed(doc: Doc, draft: Draft, lex: Lexicon) -> tuple[int, int, str | None] | None:
    root = doc[draft.start : draft.end].root
    head = root.head
    if names_others(root, head):
        return None
    if root.dep_ in ("amod", "compound", "poss", "nmod") and draft.end <= head.i < draft.end + 4:
        words = [t.text for t in doc[draft.end : head.i + 1] if t.text not in _POSSESSIVE]
        sector = lex.sector_of_noun(words)
        if head.pos_ in ("NOUN", "PROPN") and (sector or head.lower_ in lex.group_nouns):
            return draft.start, head.i + 1, sector
    if root.dep_ == "pobj" and head.lower_ in ("of", "from") and head.head.i < draft.start:
        noun = head.head
        words = [t.text for t in doc[noun.left_edge.i : noun.i + 1] if t.lower_ not in _DETERMINERS]
        sector = lex.sector_of_noun(words)
        if sector and noun.pos_ == "NOUN":
            return noun.i, draft.end, sector
    if root.dep_ == "pobj" and head.lower_ == "in" and draft.kind in HOME_KINDS:
        return _body_in_place(doc, draft, head.head, lex)
    return None


# "police in Belarus", "protesters in Lima", "the authorities in Minsk": a body of the place's
# own; not troops or diplomats, who are often another state's ("U.S. troops in Syria")
HOME_SECTORS_IN_PLACE = frozenset({"COP", "CVL"})
HOME_GOVERNMENT_NOUNS = frozenset({"authorities", "officials", "government", "administration"})


def _body_in_place(
    doc: Doc, draft: Draft, noun: Token, lex: Lexicon
) -> tuple[int, int, str | None] | None:
    if noun.i >= draft.start or noun.pos_ != "NOUN" or any(c.ent_type_ for c in noun.lefts):
        return None  # "Russian civilians in Ukraine" are named by their own modifier
    sector = lex.sector_of_noun([noun.text])
    if sector in HOME_SECTORS_IN_PLACE or noun.lower_ in HOME_GOVERNMENT_NOUNS:
        return noun.i, draft.end, sector
    return None


def head_noun_adjacent(doc: Doc, draft: Draft, lex: Lexicon) -> tuple[int, int, str | None] | None:
    """Without a parse: a sector noun right after the mention (after an optional 's)."""
    i = draft.end
    if i < len(doc) and doc[i].text in _POSSESSIVE:
        i += 1
    for n in (3, 2, 1):
        words = [t.lower_ for t in doc[i : i + n]]
        if len(words) == n and " ".join(words) in lex.sector_nouns:
            return draft.start, i + n, lex.sector_nouns[" ".join(words)]
    if i < len(doc) and doc[i].lower_ in lex.group_nouns:
        return draft.start, i + 1, None
    return None


# --- titles and appositives -----------------------------------------------------------------


def _phrase(doc: Doc, start: int, end: int) -> str:
    """Lower-case words of a span; "Secretary - General" and "Secretary-General" read as
    "secretary general"."""
    return " ".join(t.lower_ for t in doc[start:end]).replace(" - ", " ").replace("-", " ")


def match_title(doc: Doc, start: int, lex: Lexicon, *, stop: int) -> tuple[int, str] | None:
    """Longest title starting at ``start`` (not crossing ``stop``): (end, title)."""
    for n in range(min(lex.max_title_words, stop - start), 0, -1):
        phrase = _phrase(doc, start, start + n)
        if phrase in lex.titles:
            return start + n, phrase
    return None


def title_before(doc: Doc, end: int, lex: Lexicon, floor: int) -> tuple[int, str] | None:
    """Title (with modifiers) ending right before token ``end``: (start, role text)."""
    for n in range(min(lex.max_title_words, end - floor), 0, -1):
        phrase = _phrase(doc, end - n, end)
        if phrase in lex.titles:
            start = end - n
            while start > floor and doc[start - 1].lower_ in lex.title_modifiers:
                start -= 1
            return start, _role_text(doc, start, end - n, phrase)
    return None


def _role_text(doc: Doc, mod_start: int, title_start: int, title: str) -> str:
    former = any(t.lower_ in FORMER_WORDS for t in doc[mod_start:title_start])
    return f"former {title}" if former else title


def attach_titles(doc: Doc, drafts: list[Draft], ctx: Context) -> list[Draft]:
    """ "Belgian Prime Minister Alexander De Croo": role and affiliation; the parts merge."""
    by_end = {d.end: d for d in drafts if d.kind != "person"}
    absorbed: set[int] = set()
    for draft in drafts:
        if draft.kind != "person":
            continue
        floor = doc[draft.start].sent.start if doc.has_annotation("SENT_START") else 0
        found = title_before(doc, draft.start, ctx.lexicon, floor)
        if found is None:
            continue
        t_start, draft.role = found
        draft.form = "name" if draft.form == "candidate" else draft.form
        draft.sector = title_sector(draft.role, ctx.lexicon)
        k = t_start - 1 if t_start > floor and doc[t_start - 1].text in _POSSESSIVE else t_start
        affiliation = by_end.get(k)
        if affiliation is not None and affiliation.code:
            _affiliate_titled(doc, draft, affiliation, ctx)
            draft.start = affiliation.start
            absorbed.add(id(affiliation))
        else:
            draft.start = t_start
    return [d for d in drafts if id(d) not in absorbed]


def _affiliate_titled(doc: Doc, draft: Draft, affiliation: Draft, ctx: Context) -> None:
    """ "former NATO Secretary General Anders Fogh Rasmussen" no longer acts for NATO: a
    former office held in an organisation gives no code, one held in a state its country
    among the elites (ELI)."""
    before = doc[affiliation.start - 1].lower_ if affiliation.start > 0 else ""
    if before not in FORMER_WORDS:
        _affiliate(draft, affiliation, ctx)
        return
    draft.role, draft.sector = f"former {draft.role}", "ELI"
    if affiliation.kind not in ("igo", "organisation", "group"):
        draft.code = affiliation.code
        draft.extra["affiliation"] = affiliation.code or ""


def attach_appositives(doc: Doc, drafts: list[Draft], ctx: Context) -> None:
    """ "Mark Rutte, the head of NATO," / "Nauseda, Lithuania's president,"."""
    by_start = {d.start: d for d in drafts if d.kind != "person" and d.code}
    by_end = {d.end: d for d in drafts if d.kind != "person" and d.code}
    for draft in drafts:
        if draft.kind != "person" or draft.code:
            continue
        found = None
        if draft.end < len(doc) and doc[draft.end].text == ",":
            found = appositive_at(doc, draft.end + 1, by_start, ctx.lexicon)
        if found is None and draft.start > 1 and doc[draft.start - 1].text == ",":
            found = appositive_before(doc, draft.start - 1, by_end, ctx.lexicon)
        if found is not None:
            affiliation, title = found
            draft.form = "name" if draft.form == "candidate" else draft.form
            draft.role = draft.role or title
            draft.sector = title_sector(title, ctx.lexicon)
            _affiliate(draft, affiliation, ctx)
            affiliation.extra["appositive"] = "1"


def appositive_before(
    doc: Doc, comma: int, by_end: dict[int, Draft], lex: Lexicon
) -> tuple[Draft, str] | None:
    """ "the president of Lithuania, Gitanas Nauseda" / "Lithuania's president, Gitanas Nauseda"."""
    floor = max(0, comma - 12)
    affiliation = by_end.get(comma)
    if affiliation is not None:  # TITLE of [the] AFFILIATION ,
        j = affiliation.start - (
            affiliation.start > floor and doc[affiliation.start - 1].lower_ == "the"
        )
        if j > floor and doc[j - 1].lower_ in _LINKS:
            title = title_before(doc, j - 1, lex, floor)
            return (affiliation, title[1]) if title else None
        return None
    title = title_before(doc, comma, lex, floor)
    if title is None:
        return None
    k = title[0] - (title[0] > floor and doc[title[0] - 1].text in _POSSESSIVE)
    affiliation = by_end.get(k)
    if affiliation is None:
        return None
    return _delegating_state(doc, affiliation, title[1], by_end) or affiliation, title[1]


def _delegate_title(title: str) -> bool:
    """ "ambassador", "deputy u.n. envoy": a title of someone sent to an organisation."""
    return bool(set(title.split()) & DELEGATE_WORDS)


def _delegating_state(doc: Doc, org: Draft, title: str, by_end: dict[int, Draft]) -> Draft | None:
    """ "Britain's U.N. ambassador, Karen Pierce": a delegate to an international organisation
    named with the state that sends them acts for the state."""
    if org.kind != "igo" or not _delegate_title(title):
        return None
    k = org.start - (org.start > 0 and doc[org.start - 1].text in _POSSESSIVE)
    state = by_end.get(k)
    return state if state is not None and state.kind == "country" else None


def appositive_at(
    doc: Doc, i: int, by_start: dict[int, Draft], lex: Lexicon
) -> tuple[Draft, str] | None:
    stop = min(len(doc), i + 12)
    if i < stop and doc[i].lower_ in _DETERMINERS:
        i += 1
    affiliation = by_start.get(i)
    if affiliation is not None:  # "Lithuania's president"
        j = affiliation.end + (affiliation.end < stop and doc[affiliation.end].text in _POSSESSIVE)
        org = by_start.get(j)  # "Britain's U.N. ambassador": the state sends the delegate
        if affiliation.kind == "country" and org is not None and org.kind == "igo":
            j = org.end
        while j < stop and doc[j].lower_ in lex.title_modifiers:
            j += 1
        title = match_title(doc, j, lex, stop=stop)
        if title and org is not None and j > affiliation.end + 1:
            return (affiliation, title[1]) if _delegate_title(title[1]) else None
        return (affiliation, title[1]) if title else None
    while i < stop and doc[i].lower_ in lex.title_modifiers:
        i += 1
    title = match_title(doc, i, lex, stop=stop)
    if title is None:
        return None
    j = title[0]
    if j < stop and doc[j].lower_ in _LINKS:
        j += 1 + (j + 1 < stop and doc[j + 1].lower_ in _DETERMINERS)
        affiliation = by_start.get(j)
        return (affiliation, title[1]) if affiliation else None
    return None


def title_sector(role: str | None, lex: Lexicon) -> str | None:
    if not role:
        return None
    if role.startswith("former "):
        return "ELI"
    return lex.titles.get(role.replace("-", " "), "GOV")


def _affiliate(draft: Draft, affiliation: Draft, ctx: Context) -> None:
    draft.code = affiliation.code
    if affiliation.kind == "igo" and draft.sector in (None, "GOV"):
        draft.sector = "IGO"
    draft.extra["affiliation"] = affiliation.code or ""


DELEGATE_WORDS = frozenset(
    {"ambassador", "ambassadors", "envoy", "envoys", "representative", "representatives",
     "mission", "delegation", "delegate", "delegates"}
)  # fmt: skip


def national_delegates(doc: Doc, drafts: list[Draft], ctx: Context) -> list[Draft]:
    """ "China's U.N. ambassador", "British Deputy U.N. Ambassador James Kariuki": a country's
    delegate to an international organisation acts for the country, not the organisation."""
    absorbed: set[int] = set()
    for i, draft in enumerate(drafts):
        before = drafts[i - 1] if i > 0 else None
        if before is None or not _delegate_of_igo(doc, draft, ctx):
            continue
        if _after_a_possessive_pronoun(doc, draft):  # "his U.N. mission"
            _delegate_of_the_owner(doc, draft, drafts[:i], ctx)
            continue
        country = ctx.kb.actors.get(before.code or "")
        if country is None or country.kind != "country" or before.kind == "person":
            continue
        between = {t.lower_ for t in doc[before.end : draft.start]}
        if between <= ctx.lexicon.title_modifiers | {"'s", "’s", "permanent"}:
            draft.code, draft.sector, draft.start = before.code, "GOV", before.start
            absorbed.add(id(before))
    return [d for d in drafts if id(d) not in absorbed]


POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})


def _after_a_possessive_pronoun(doc: Doc, draft: Draft) -> bool:
    return draft.start > 0 and doc[draft.start - 1].lower_ in POSSESSIVE_PRONOUNS


def _delegate_of_the_owner(doc: Doc, draft: Draft, earlier: list[Draft], ctx: Context) -> None:
    """ "Iran's U.N. ambassador attended, but his U.N. mission criticized it": the mission is
    the country's whose delegate or name the sentence gave last."""
    sentence_start = doc[draft.start].sent.start
    for owner in reversed(earlier):
        if owner.start < sentence_start:
            return
        country = ctx.kb.actors.get(owner.code or "")
        if country is not None and country.kind == "country":
            draft.code, draft.sector = owner.code, "GOV"
            return


def _delegate_of_igo(doc: Doc, draft: Draft, ctx: Context) -> bool:
    org = ctx.kb.actors.get(draft.extra.get("affiliation") or draft.code or "")
    words = {t.lower_ for t in doc[draft.start : draft.end]}
    return org is not None and org.kind == "igo" and bool(words & DELEGATE_WORDS)


# --- known people: role valid on the article date -------------------------------------------


def apply_person_role(draft: Draft, ctx: Context) -> None:
    if draft.kind == "person" and draft.key is not None:
        _known_person_role(draft, draft.key, ctx)
    if "government" in draft.extra:  # "the Bush administration": that government
        draft.sector = "GOV"


def _known_person_role(draft: Draft, key: str, ctx: Context) -> None:
    actor = ctx.kb.actors.get(key)
    if actor is None:
        return
    role = role_on(ctx.kb, key, ctx.published)
    if role is not None:
        draft.role = role.title
        draft.code, draft.sector = _acting_for(role.org or actor.country, role.title, ctx)
        return
    previous = last_role_before(ctx.kb, key, ctx.published)
    draft.code = draft.code or actor.country
    if draft.role and not draft.role.startswith("former "):
        # The text calls them by a current title ("President Bush"): the text is the evidence.
        same = draft.role.replace("-", " ")
        held = [r for r in ctx.kb.roles_of(key) if r.title.replace("-", " ") == same]
        org = held[-1].org if held else draft.code
        draft.code, draft.sector = _acting_for(org, draft.role, ctx)
    elif previous is not None:
        draft.role, draft.sector = f"former {previous.title}", "ELI"
        group = ctx.kb.actors.get(previous.org)
        if group is not None and group.kind == "group":  # a militant stays with the group
            draft.code, draft.sector = _acting_for(previous.org, previous.title, ctx)
    elif actor.sector:
        draft.sector = actor.sector


def infer_affiliations(
    drafts: list[Draft],
    sent_of: list[int],
    *,
    titles_of: Mapping[int, int] | None = None,
    travelled_to: Mapping[int, frozenset[int]] | None = None,
    addressed: Mapping[int, frozenset[int]] | None = None,
) -> None:
    """ "President Ana Lima met Chilean judges": a titled person with no known affiliation
    acts for the country of the sentence, when the sentence names exactly one; else, in a
    story about one country, an officeholder of its own kind ("Foreign Minister Ali Sabry
    rejected the criticism" in a story on Sri Lanka) for that country (``home_officeholder``).
    ``titles_of``: for a draft that says whose title it is ("China's ambassador"), where that
    title is: another's title names the other side ("Okano summoned China's ambassador"), not
    the country the sentence is about. ``travelled_to``: for a person, the tokens of the places
    the person goes to ("flew to Washington"), which name no country of theirs; ``addressed``:
    the tokens of the parties the person accuses, urges or warns, which neither do."""
    home = story_home(drafts, sent_of)
    for draft in drafts:
        if not titled_of_no_country(draft):
            continue
        went = (travelled_to or {}).get(draft.start, frozenset())
        aimed = (addressed or {}).get(draft.start, frozenset())
        named = [d for d in drafts if d.kind != "person" and d.code
                 and sent_of[d.start] == sent_of[draft.start]]  # fmt: skip
        codes = {str(d.code) for d in named if d.start not in went | aimed
                 and not _anothers_title(d, draft, titles_of or {})}  # fmt: skip
        visited = {d.code for d in named if d.start in went}
        codes -= visited  # a visitor to a country holds no office of it, wherever it is named
        if len(codes) == 1:
            draft.code = codes.pop()
            draft.extra["inferred"] = "1"
        elif home is None or home.code in visited:
            continue  # a visitor to the story's country holds no office of it
        elif home_officeholder(draft, home, sent_of, codes):
            draft.code = home.code
            draft.extra["inferred"] = "home"


def titles_named(doc: Doc, drafts: list[Draft], ctx: Context) -> dict[int, int]:
    """For each draft that says whose one officeholder is named ("China's ambassador", "his
    Chinese counterpart"), the index of that title, by the draft's start."""
    words = ctx.lexicon.title_heads
    out = {}
    for draft in (d for d in drafts if d.kind != "person"):
        root = doc[draft.start : draft.end].root
        if root.lower_ in words and root.i > draft.start:  # "Bolivia's ambassador", one draft
            out[draft.start] = root.i
            continue
        head = root.head
        modifies = root.dep_ in {"poss", "amod", "compound", "nmod"}
        if modifies and head.tag_ in {"NN", "NNP"} and head.lower_ in words:
            out[draft.start] = head.i
    return out


def _anothers_title(country: Draft, person: Draft, titles_of: Mapping[int, int]) -> bool:
    title = titles_of.get(country.start)
    return title is not None and not person.start <= title < person.end


# offices held at home: not those that act abroad (an envoy, an ambassador) or for a body of
# many states (a secretary-general), whose holder in a story on one country is often a foreigner
HOME_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "OPP"})
ABROAD_TITLES = frozenset({
    "ambassador", "envoy", "special envoy", "personal envoy", "special representative",
    "special coordinator", "leader", "head", "chief", "secretary",
})  # fmt: skip


def home_officeholder(draft: Draft, home: Home, sent_of: list[int], codes: set[str]) -> bool:
    """Whether a titled person of no known country holds an office of the story's own
    country: a home office, in a sentence that names no other country (``codes``) and is not
    one of those that name others but not the home country."""
    role = draft.role or ""
    if role.startswith("former ") or role in ABROAD_TITLES or draft.sector not in HOME_SECTORS:
        return False
    return not codes and sent_of[draft.start] not in home.elsewhere


def _acting_for(org_code: str | None, title: str, ctx: Context) -> tuple[str | None, str | None]:
    """Code and sector of a person acting for ``org_code`` (organs and groups: their parent)."""
    sector = title_sector(title, ctx.lexicon)
    org = ctx.kb.actors.get(org_code or "")
    if org is None or org.kind == "country":
        return org_code, sector
    if org.kind == "igo":
        return org.country or org.code, "IGO" if sector == "GOV" else sector
    return org.country or org.code, org.sector or sector


# --- output ---------------------------------------------------------------------------------


def to_mentions(doc: Doc, drafts: list[Draft], sent_of: list[int]) -> list[Mention]:
    mentions = []
    text = doc.text  # built from the tokens on every access: once only
    for d in sorted(drafts, key=lambda d: (d.start, -d.end)):
        start = doc[d.start].idx
        last = doc[d.end - 1]
        end = last.idx + len(last.text)
        mentions.append(
            Mention(
                text=text[start:end],
                start=start,
                end=end,
                code=d.code,
                sector=d.sector,
                wikidata=d.wikidata,
                kind=d.kind,
                person=d.person,
                role=d.role,
                sentence_index=sent_of[d.start] if sent_of else None,
            )
        )
    return mentions
