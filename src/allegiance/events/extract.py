"""Doc + mentions -> PLOVER events: the rule-based extractor over the dependency parse."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from allegiance.doc import sentence_record, sentence_span
from allegiance.events import attach
from allegiance.events.addressed import own_state_addressed, warnings_addressed
from allegiance.events.attribution import attribution
from allegiance.events.authority import with_home_authority
from allegiance.events.counted import with_counted_actors, with_counted_parties
from allegiance.events.dates import older_than_a_month, recent
from allegiance.events.discourse import (
    DENIED_PARTS,
    STANCE_PREPS,
    background_carried,
    with_answered_parties,
)
from allegiance.events.factuality import attempted, clause_verb, factuality
from allegiance.events.found import Found
from allegiance.events.holders import with_holders_asked
from allegiance.events.labelled import labelled_events
from allegiance.events.lexicon import Lexicon, Sense, default_lexicon
from allegiance.events.local import story_home, with_home_government, with_local_parties
from allegiance.events.mutual import (
    GATHERINGS,
    hosted_meeting,
    hosting,
    others_of,
    sides_of,
    topics_kept_out,
    visitor_named,
    with_partners_as_parties,
)
from allegiance.events.noun_doers import actors_from_above, done_at_the_asking
from allegiance.events.noun_phrases import (
    PLACE_KINDS,
    STATE_KINDS,
    MentionIndex,
    distinct,
    forget_sentence_ents,
    np_mentions,
)
from allegiance.events.object_parties import content_subject
from allegiance.events.own_people import own_people_acted_on
from allegiance.events.own_side import (
    own_country_kept_out,
    own_side_kept_out,
    own_state_kept_out,
    own_threat_kept_out,
)
from allegiance.events.pairs import (
    as_mutual,
    fighting_noun,
    paired_parties,
    parties_of_the_noun,
    reciprocal_noun,
)
from allegiance.events.participants import (
    OCCASIONS,
    answering_party,
    fighting_alongside,
    noun_actors,
    noun_recipients,
    verb_actors,
    verb_recipients,
)
from allegiance.events.reported import reported_events
from allegiance.events.retaliation import response_threats
from allegiance.events.retype import retyped
from allegiance.events.scene import counterparts_kept_out, origins_kept_out, scene_kept_out
from allegiance.events.senses import Trigger, denied_clause, noun_trigger, verb_trigger
from allegiance.events.shallow import unparsed_matcher, unparsed_verbs
from allegiance.events.stance import SpeaksFor, stated_support
from allegiance.events.subsumed import found_key, subsumed
from allegiance.events.syntax import (
    DATIVES,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    child,
    is_passive,
    prep_object,
)
from allegiance.events.usable import usable
from allegiance.events.venue import without_venue
from allegiance.models import Event, Mention, Sentence
from allegiance.models import Span as TextSpan
from allegiance.version import __version__

log = logging.getLogger(__name__)

EXTRACTOR = f"allegiance/{__version__} rules"
IN_RECIPIENT_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "CONCEDE"})


@dataclass(frozen=True, slots=True)
class Matchers:
    """The token matchers of a lexicon over one vocabulary, built once (by the component)."""

    candidates: Matcher  # lexicon verbs and eventive nouns, as the parser tagged them
    unparsed: Matcher  # lexicon verbs the parser did not tag as verbs (events/shallow.py)


def build_matchers(vocab: Vocab, lex: Lexicon) -> Matchers:
    return Matchers(
        candidates=_candidate_matcher(vocab, lex), unparsed=unparsed_matcher(vocab, lex)
    )


def _candidate_matcher(vocab: Vocab, lex: Lexicon) -> Matcher:
    matcher = Matcher(vocab)
    verbs = sorted(lex.verb_lemmas() | lex.reporting_verbs)
    matcher.add("VERB", [[{"LEMMA": {"IN": verbs}, "POS": {"IN": ["VERB", "AUX"]}}]])
    nouns = sorted(lex.noun_lemmas())
    matcher.add("NOUN", [[{"LEMMA": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}]])
    stances = sorted(lex.stance_adjectives)
    # no TAG or DEP here: a doc the fast path leaves unparsed has neither (stance_taken checks)
    matcher.add("ADJ", [[{"LOWER": {"IN": [*stances, "due"]}}]])
    return matcher


@dataclass(frozen=True, slots=True)
class Candidates:
    """Tokens that may trigger an event, by the part of speech that carries it."""

    verbs: list[Token]
    nouns: list[Token]
    adjectives: list[Token]


def candidate_tokens(doc: Doc, matcher: Matcher) -> Candidates:
    """Verb, noun and stance-adjective tokens of the lexicon (one matcher pass, no token
    loop)."""
    found = Candidates([], [], [])
    by_label = {"VERB": found.verbs, "NOUN": found.nouns, "ADJ": found.adjectives}
    for match_id, start, _ in matcher(doc):
        by_label[doc.vocab.strings[match_id]].append(doc[start])
    return found


# --- participants -------------------------------------------------------------------------


_distinct = distinct
STANCE_TYPES = frozenset({"SUPPORT", "ACCUSE"})  # taken on what someone did
SIDE_TYPES = frozenset({"ASSAULT", "MOBILIZE"})  # fought or deployed beside an ally


def _verb_participants(trig: Trigger, index: MentionIndex, lex: Lexicon) -> Found:
    verb = trig.verb
    assert verb is not None
    places = place_preps(trig, lex)
    actors = verb_actors(verb, index, lex) or _deployed_forces(trig, index)
    parties = [] if actors else parties_of_the_noun(trig, index)
    if parties:  # "the deal between Chile and Peru was signed": theirs, done with each other
        return Found(as_mutual(trig), parties, [])
    allies, foe = fighting_alongside(verb, index) if trig.sense.type in SIDE_TYPES else ([], [])
    if actors and allies:
        actors = _distinct([*actors, *allies])
    recipients: list[Mention] = _distinct(foe, actors)
    if not recipients and trig.token != verb:  # "mounted an invasion of X": the noun's object
        recipients = _distinct(noun_recipients(trig.token, index, place_preps=places), actors)
    if not recipients:
        recipients = verb_recipients(
            verb,
            index,
            transfer=trig.transfer,
            place_preps=places,
            exclude=actors,
            event_noun=_event_noun(trig, verb),
        )
    if not recipients and not _request_put_to_someone(trig, lex):
        own_act = trig.sense.type == "THREATEN" and _tells_own_act(verb, index, actors)
        recipients = _distinct(
            _embedded_recipients(verb, index, lex, said=own_act, exclude=actors), actors
        )
    if not recipients and trig.sense.type in STANCE_TYPES:
        subject = content_subject(verb)
        recipients = _distinct(np_mentions(subject, index), actors) if subject is not None else []
    if not recipients:
        recipients = _speaker_pronoun(verb, index, lex, actors)
    if _denies_a_clause(trig):
        recipients = []  # the accuser told before answers it (``discourse``)
    if visitor_named(trig, lex) or hosting(trig, recipients):
        actors, recipients = recipients, actors
    if trig.reverse:
        obj = child(verb, ("dobj",))
        giver = prep_object(verb, ("from", "by"))
        if giver is None and obj is not None:
            giver = prep_object(obj, ("from",))
        actors, recipients = (np_mentions(giver, index) if giver else []), actors
    if allies:  # fighting in an ally's land is not fighting the ally ("for Russia in Kursk")
        recipients = [m for m in recipients if not _land_of(m, allies)]
    found = Found(trig, actors, _distinct(recipients, actors))
    return topics_kept_out(own_side_kept_out(found), verb.doc)


def _land_of(mention: Mention, parties: Sequence[Mention]) -> bool:
    return mention.kind in PLACE_KINDS and mention.code in {p.code for p in parties if p.code}


def _deployed_forces(trig: Trigger, index: MentionIndex) -> list[Mention]:
    """ "North Korean soldiers were deployed to Russia": with no agent, the forces moved stand
    for their country, the actor of the deployment."""
    verb = trig.verb
    if trig.sense.type != "MOBILIZE" or verb is None or not is_passive(verb):
        return []
    if prep_object(verb, ("by",)) is not None:
        return []
    forces = child(verb, ("nsubjpass",))
    return np_mentions(forces, index) if forces is not None else []


# a host's object that names the event, not its guests: the gatherings ``mutual.hosting``
# never takes for guests, the occasions of acts, and talks by another name
HOSTED_EVENTS = GATHERINGS | OCCASIONS | frozenset({"negotiation", "dialogue"})


def _event_noun(trig: Trigger, verb: Token) -> Token | None:
    """The noun that carries the event of a light or verb-object trigger ("made the appeal",
    "imposed sanctions"): the verb's object, when the trigger consumed it."""
    if trig.token != verb:
        return trig.token
    obj = child(verb, ("dobj",))
    if obj is not None and verb.lemma_.lower() == "host" and obj.lemma_.lower() in HOSTED_EVENTS:
        return obj  # "will host a new round of talks in Cairo": where it is held is no guest
    return obj if obj is not None and obj.i in trig.consumed else None


def place_preps(trig: Trigger, lex: Lexicon) -> tuple[str, ...]:
    """Prepositions whose place is the recipient: where force is used or a visit goes ("in
    X"), what is withdrawn from ("from X"), where troops arrive."""
    sense = trig.sense
    preps: tuple[str, ...] = ()
    arriving = trig.verb is not None and trig.verb.lemma_ in lex.arrival_verbs
    if sense.type in IN_RECIPIENT_TYPES or sense.mode == "visit" or arriving:
        preps += ("in", "inside", "near")
    if sense.type == "MOBILIZE":  # "held drills around Taiwan", "sent warships toward it"
        preps += ("around", "off", "toward", "towards")
    if (sense.type == "RETREAT" and sense.mode is None) or sense.mode == "withdraw":
        preps += ("from",)
    return preps


def _tells_own_act(verb: Token, index: MentionIndex, actors: Sequence[Mention]) -> bool:
    """ "Russia warned that it would retaliate": the clause tells what the actor itself will
    do (a threat), not what others might ("warned that the measures could hurt Canada")."""
    own = {m.code for m in actors if m.code}
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        subject = child(clause, SUBJECTS)
        found = index.at_token(subject) if subject is not None else None
        if found is not None and found.code in own:
            return True
    return False


def _denies_a_clause(trig: Trigger) -> bool:
    """ "denied that Rwandan troops were involved", "denies hiring Wagner fighters", "denied
    any role in the attack": the parties of what is denied are not the denial's; whom it
    answers is the accuser."""
    verb = trig.verb
    if trig.sense.type != "REJECT" or verb is None or verb.lemma_ != "deny":
        return False
    obj = child(verb, ("dobj",))
    if obj is not None:  # "denied any role in the attack in Jordan": not Jordan
        return obj.lemma_.lower() in DENIED_PARTS
    return denied_clause(verb) is not None


def _request_put_to_someone(trig: Trigger, lex: Lexicon) -> bool:
    """ "urged other partners to follow its example", "called on member states to widen
    sanctions against Belarus": a request's recipient is whom it is put to, even without a
    code; the parties of the act asked for are not (PLOVER codes the addressee)."""
    verb = trig.verb
    if trig.sense.type != "REQUEST" or verb is None or verb.lemma_ not in lex.object_control:
        return False
    addressee = child(verb, ("dobj",)) or prep_object(verb, ("on",))
    return addressee is not None and addressee.pos_ in {"NOUN", "PROPN"}


def _embedded_recipients(
    verb: Token,
    index: MentionIndex,
    lex: Lexicon,
    depth: int = 0,
    *,
    said: bool = False,
    exclude: Sequence[Mention] = (),
) -> list[Mention]:
    """Recipients of the clause a verb embeds: "refused to meet Jordan's king", "promised to
    continue military aid to Mozambique", "staged a strike to protest Sweden's decision";
    with ``said``, also of the clause a threat tells ("warned that it would retaliate against
    Poland")."""
    comps = [
        c
        for c in verb.children
        if c.dep_ == "xcomp"
        or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))
        or (said and c.dep_ == "ccomp")
    ]
    for comp in comps:
        transfer = comp.lemma_ in lex.transfer_verbs
        found = verb_recipients(comp, index, transfer=transfer, exclude=exclude)
        obj = child(comp, ("dobj",))
        if not found and obj is not None:
            found = noun_recipients(obj, index)
        if not found and depth < 2:
            found = _embedded_recipients(comp, index, lex, depth + 1, exclude=exclude)
        if found:
            return found
    return []


def _speaker_pronoun(
    verb: Token, index: MentionIndex, lex: Lexicon, actors: Sequence[Mention]
) -> list[Mention]:
    """An unresolved object pronoun in reported speech is the speaker ("Russia says that North
    Korea gives them artillery": them = Russia), unless the speaker is the actor."""
    pron = child(verb, DATIVES) or child(verb, ("dobj",)) or prep_object(verb, ("to",))
    if pron is None or pron.lower_ not in {"them", "us", "it", "him", "her"}:
        return []
    if index.at_token(pron) is not None:
        return []
    speaker, _ = attribution(verb, sentence_span(verb), index, lex)
    if speaker is None or speaker.code is None or speaker.code in {a.code for a in actors}:
        return []
    return [speaker]


def _noun_participants(trig: Trigger, index: MentionIndex, lex: Lexicon) -> Found:
    noun = trig.token
    # "Navalny's arrest" is done to Navalny; "Iran's arrest of two reporters" is done by Iran
    patient_poss = trig.sense.possessor_patient and prep_object(noun, ("of",)) is None
    one_coded = fighting_noun(trig)
    parties = paired_parties(noun, index, one_coded=one_coded) if reciprocal_noun(trig) else []
    if parties:  # "talks between India and Pakistan": both are actors, neither a recipient
        # not presupposed: "talks between X and Y could resume" have not happened
        return Found(as_mutual(trig), parties, [], extra_confidence=-0.1)
    if trig.sense.needs == "two_parties":
        return Found(trig, [], [])
    asking = done_at_the_asking(noun, index, lex)
    if asking is not None:  # "at the request of the government in Bamako"
        found = Found(trig, asking[0], _distinct(asking[1], asking[0]), extra_confidence=-0.1)
        found.presupposed = True
        return found
    actors = noun_actors(noun, index, patient_poss=patient_poss)
    own = bool(actors)
    aimed_at: list[Mention] = []
    if not actors and trig.sense.needs != "owner":
        actors, aimed_at = actors_from_above(noun, index, lex)
    # "the alliance" standing for NATO names the actor: it is no event of it
    actors = [a for a in actors if not a.start <= noun.idx < a.end]
    recipients = noun_recipients(
        noun, index, place_preps=place_preps(trig, lex), patient_poss=patient_poss
    )
    if not recipients and actors:
        recipients = aimed_at or answering_party(noun, trig.sense.type, index)
    if not actors and trig.sense.type in {"CONSULT", "COOPERATE"}:
        actors = _talks_of_the_speaker(noun, index, lex, recipients)
    found = Found(trig, actors, _distinct(recipients, actors), extra_confidence=-0.1)
    found.presupposed = own
    return found


def _talks_of_the_speaker(
    noun: Token, index: MentionIndex, lex: Lexicon, recipients: Sequence[Mention]
) -> list[Mention]:
    """ "Pakistan said discussions with the IMF are progressing": the talks *with* X that a
    party reports are its own."""
    if prep_object(noun, ("with",)) is None or noun.dep_ != "nsubj":
        return []
    speaker, _ = attribution(noun.head, sentence_span(noun), index, lex)
    if speaker is None or speaker.code is None or speaker.code in {r.code for r in recipients}:
        return []
    return [speaker]


def participants(trig: Trigger, index: MentionIndex, lex: Lexicon) -> Found:
    if trig.verb is not None:
        return retyped(_verb_participants(trig, index, lex), index, lex)
    return retyped(_noun_participants(trig, index, lex), index, lex)


# --- building the records ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocContext:
    doc: Doc
    doc_id: str
    published: dt.date | None
    index: MentionIndex
    lex: Lexicon
    sent_starts: tuple[int, ...]
    speaks_for: SpeaksFor | None = None
    home: str | None = None  # the country the story is about (events/local.py)


def sentence_of(ctx: DocContext, token: Token) -> Sentence:
    i = bisect.bisect_right(ctx.sent_starts, token.i) - 1
    start = ctx.sent_starts[i]
    end = ctx.sent_starts[i + 1] if i + 1 < len(ctx.sent_starts) else len(ctx.doc)
    sent = ctx.doc[start:end]
    return sentence_record(i, sent)


def event_id(doc_id: str, start: int, kind: str, actors: str, recips: str) -> str:
    """Stable for the same event of the same article: the trigger's character offset, not the
    sentence's index, which moves with how the fast path splits the text."""
    key = f"{doc_id}|{start}|{kind}|{actors}|{recips}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _codes(mentions: Sequence[Mention]) -> str:
    return ",".join(m.code or m.text for m in mentions)


def _confidence(found: Found) -> float:
    value = found.trigger.sense.confidence + found.extra_confidence
    value += 0.1 if found.actors else -0.2
    value += 0.1 if found.recipients else 0.0
    return round(min(0.99, max(0.05, value)), 2)


def build_event(found: Found, ctx: DocContext) -> Event:
    """The Event of ``found``: a joint act with all its actors, a reciprocal act with all its
    parties as actors."""
    trig = found.trigger
    tok = trig.token
    sent = sentence_span(tok)
    details = attach.details(trig, found, sent, ctx.published, ctx.lex)
    went_to = attach.travel_destinations(found)
    visit = hosted_meeting(found, details.location) or hosted_meeting(
        found, attach.place_of(went_to[0]) if went_to else None, destinations=went_to
    )
    if visit is not None:
        found, details = visit, dataclasses.replace(details, mode="visit")
    fact = found.factuality or factuality(
        attempted(trig.verb or tok, trig.sense.type),
        sent,
        ctx.lex,
        published=ctx.published,
        presupposed=found.presupposed,
        recent=recent(details.event_date, ctx.published) and not details.before_its_date,
        old=older_than_a_month(details.event_date, ctx.published) or details.long_ago,
    )
    said_by = reported_by(found, index=ctx.index, lex=ctx.lex)
    sentence = sentence_of(ctx, tok)
    first = trig.verb if trig.light and trig.verb is not None else tok
    start, end = first.idx, tok.idx + len(tok)
    text = ctx.doc[first.i : tok.i + 1].text if first.i <= tok.i else tok.text
    trigger_span = TextSpan(text=text, start=start, end=end)
    if visit is None:  # "met with Zelenskyy in Kyiv": a visit, not a meeting of equals
        found = with_partners_as_parties(found, ctx.doc)
    actors, recipients, reciprocal = sides_of(found, others_of(found, ctx.doc), mode=details.mode)
    ident = event_id(ctx.doc_id, tok.idx, trig.sense.type, _codes(actors), _codes(recipients))
    return Event(
        id=ident,
        doc_id=ctx.doc_id,
        event=trig.sense.type,
        trigger=trigger_span,
        sentence=sentence,
        mode=details.mode,
        context=details.context,
        quad=ctx.lex.quad.get(trig.sense.type),
        actor=tuple(actors),
        recipient=tuple(recipients),
        factuality=fact,
        attributed_to=said_by,
        amount=details.amount,
        location=details.location,
        event_date=details.event_date,
        date_precision=details.date_precision,
        reported_date=ctx.published.isoformat() if ctx.published else None,
        confidence=_confidence(found),
        extractor=EXTRACTOR,
        mutual=reciprocal,
    )


# --- the extractor -------------------------------------------------------------------------


REPORT_NOUNS = frozenset({"report", "finding", "assessment", "study", "survey", "review"})


def _reported_subject(noun: Token) -> Token | None:
    """ "concerned about the latest IAEA report about Iran's production": the concern is
    about what the report tells (Iran), not about who wrote it."""
    if noun.lemma_.lower() not in REPORT_NOUNS:
        return None
    return prep_object(noun, ("about", "on", "into", "over"))


def visit_due(adjective: Token, index: MentionIndex, lex: Lexicon) -> Found | None:
    """ "Qatar's special envoy is due in Kabul next week": a visit to come to the state whose
    capital or name follows (PLOVER codes a visit to come as AGREE). A sentence the fast path
    leaves unparsed has no "acomp" and gives none."""
    if adjective.lower_ != "due" or adjective.dep_ != "acomp":
        return None
    place = prep_object(adjective, ("in",))
    host = index.at_token(place) if place is not None else None
    if host is None or host.kind not in STATE_KINDS or host.code is None:
        return None
    actors = [m for m in verb_actors(adjective.head, index, lex) if m.code != host.code]
    if not actors:
        return None
    trig = Trigger(adjective, Sense(type="CONSULT", mode="visit", confidence=0.6),
                   verb=adjective.head, consumed=(adjective.i,))  # fmt: skip
    return Found(trig, actors, [host], factuality="future")


def stance_taken(adjective: Token, index: MentionIndex, lex: Lexicon) -> Found | None:
    """ "The United States is deeply concerned about Iran's enrichment": the subject
    disapproves of whom the concern is about (the noun's possessor or of-/by-object when the
    noun names no party itself)."""
    sense = lex.stance_adjectives.get(adjective.lower_)
    # "Japan was disappointed by China's decision"; "remains 'concerned with'" is no passive
    passive = adjective.tag_ == "VBN" and child(adjective, PASSIVE_SUBJECTS) is not None
    verb = adjective if passive else adjective.head
    if sense is None or not (passive or adjective.dep_ == "acomp"):
        return None
    if verb.pos_ not in {"AUX", "VERB"}:
        return None
    if passive:
        felt_by = child(adjective, PASSIVE_SUBJECTS)
        actors = np_mentions(felt_by, index) if felt_by is not None else []
    else:
        actors = verb_actors(verb, index, lex)
    about = prep_object(adjective, STANCE_PREPS)
    if not actors or about is None:
        return None
    about = _reported_subject(about) or about
    recipients = np_mentions(about, index) or noun_actors(about, index)
    recipients = _distinct(recipients or noun_recipients(about, index), actors)
    trig = Trigger(adjective, sense, verb=verb, consumed=(adjective.i,))
    return Found(trig, actors, recipients)


def find_triggers(ctx: DocContext, tokens: Candidates, unparsed: Matcher) -> list[Found]:
    """Reporting-verb rules first, then verbal triggers, eventive nouns not yet used, stance
    adjectives."""
    lex, index = ctx.lex, ctx.index
    verbs, nouns = tokens.verbs, tokens.nouns
    out: list[Found] = []
    consumed: set[int] = set()
    for verb in verbs:
        for rule in (reported_events, labelled_events, response_threats):
            for found in rule(verb, index, lex):
                out.append(found)
                consumed.update(found.trigger.consumed)
    for verb in verbs:
        trig = verb_trigger(verb, lex)
        if trig is None or trig.token.i in consumed:
            continue
        consumed.update(trig.consumed)
        out.append(participants(trig, index, lex))
    for noun in nouns:
        trig = noun_trigger(noun, lex)
        if trig is not None and noun.i not in consumed:
            out.append(participants(trig, index, lex))
    for adjective in tokens.adjectives:
        stance = stance_taken(adjective, index, lex) or visit_due(adjective, index, lex)
        if stance is not None and adjective.i not in consumed:
            out.append(stance)
    for miss in unparsed_verbs(ctx.doc, index, lex, matcher=unparsed):
        if miss.token.i not in consumed:
            out.append(Found(Trigger(miss.token, miss.sense), miss.actors, miss.recipients))
    out = [with_counted_actors(without_venue(f, index), index) for f in out]
    out = [with_local_parties(f, index, lex, home=ctx.home) for f in out]
    out = [with_home_authority(f, index, home=ctx.home) for f in out]
    out = [own_state_kept_out(with_home_government(f, index, home=ctx.home)) for f in out]
    out = [own_country_kept_out(f) for f in out]
    out = [own_people_acted_on(f, index) for f in out]
    out = [own_threat_kept_out(counterparts_kept_out(scene_kept_out(f))) for f in out]
    out = [origins_kept_out(f) for f in out]
    kept: list[Found] = []
    for group in _by_sentence(f for f in out if usable(f, lex, index)):
        share_recipients(group)
        group = warnings_addressed(group)
        group = [f for f in group if not subsumed(f, group)]
        kept.extend(group)
        kept.extend(_stances(group, ctx))
    answered = with_answered_parties(
        kept,
        said_by=functools.partial(reported_by, index=index, lex=lex),
        stances=frozenset(lex.stance_adjectives),
    )
    kept = with_holders_asked(with_counted_parties(answered, index), index)
    return [own_state_addressed(f, home=ctx.home) for f in kept]


def reported_by(found: Found, *, index: MentionIndex, lex: Lexicon) -> Mention | None:
    """Who the story says reports ``found`` ("Guyana said ..."), if anyone: the one a rule set,
    else the reporter of the trigger's clause."""
    if found.attributed_to is not None:
        return found.attributed_to
    tok = found.trigger.token
    verb = found.trigger.verb if found.trigger.verb is not None else clause_verb(tok)
    return attribution(verb, sentence_span(tok), index, lex)[0]


def _stances(group: Sequence[Found], ctx: DocContext) -> list[Found]:
    """SUPPORT events of speakers who say their own side helps someone (events/stance.py),
    unless the sentence already has that support."""
    if ctx.speaks_for is None:
        return []
    out: list[Found] = []
    for f in group:
        stance = stated_support(
            f, index=ctx.index, lex=ctx.lex, speaks_for=ctx.speaks_for, published=ctx.published
        )
        if stance is None:
            continue
        trig, speaker = stance
        found = Found(trig, [speaker], list(f.recipients), attributed_to=speaker)
        if all(found_key(other) != found_key(found) for other in (*group, *out)):
            out.append(found)
    return out


def _by_sentence(found: Iterable[Found]) -> list[list[Found]]:
    """Events grouped by sentence, in order: the pairwise rules below compare events of one
    sentence only, which keeps long articles linear."""
    groups: dict[int, list[Found]] = {}
    for f in found:
        groups.setdefault(sentence_span(f.trigger.token).start, []).append(f)
    return list(groups.values())


def share_recipients(found: Sequence[Found]) -> None:
    """An event told twice in one sentence ("staged a hunger strike in protest against X")
    gets the recipient that one of its tellings names."""
    for f in found:
        if f.recipients:
            continue
        for other in found:
            same = found_key(other)[:2] == found_key(f)[:2] and other.actors
            if other is not f and same and other.recipients and _same_sentence(f, other):
                f.recipients = list(other.recipients)
                break


def _same_sentence(a: Found, b: Found) -> bool:
    return sentence_span(a.trigger.token).start == sentence_span(b.trigger.token).start


def extract_events(
    doc: Doc,
    mentions: Sequence[Mention] | None,
    *,
    doc_id: str | None = None,
    published: dt.date | None = None,
    lexicon: Lexicon | None = None,
    speaks_for: SpeaksFor | None = None,
    matchers: Matchers | None = None,
) -> list[Event]:
    """All events of a parsed doc, given its actor mentions (character offsets); each event
    id once.

    ``speaks_for`` (the knowledge base's :meth:`KnowledgeBase.speaks_for`) enables stated
    support: "X said Europe will keep helping Y" also gives X SUPPORT Y. ``matchers`` are
    :func:`build_matchers` of the lexicon over ``doc.vocab`` (the pipeline component builds
    them once); without them they are built for this call."""
    lex = lexicon or default_lexicon()
    matchers = matchers or build_matchers(doc.vocab, lex)
    forget_sentence_ents(doc)
    ctx = DocContext(
        doc=doc,
        doc_id=doc_id or "",
        published=published,
        index=MentionIndex(mentions or ()),
        lex=lex,
        sent_starts=tuple(s.start for s in doc.sents),
        speaks_for=speaks_for,
        home=story_home(mentions or ()),
    )
    found = find_triggers(ctx, candidate_tokens(doc, matchers.candidates), matchers.unparsed)
    events = [build_event(f, ctx) for f in found]
    events.sort(key=lambda e: (e.trigger.start, e.id))
    return first_of_each_id(background_carried(events, doc))


def first_of_each_id(events: Iterable[Event]) -> list[Event]:
    """The events without repeats of an id (the first one told is kept).

    An id stands for (document, sentence, trigger, type, actor codes, recipient codes), so two
    mentions of one actor as the subject ("He and other senior U.S. officials held talks with
    Russian officials": Rubio and the officials are both USA) tell the same event twice.
    """
    seen: set[str] = set()
    out: list[Event] = []
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            out.append(event)
    return out
