"""Sentences and phrases that tell no event however their words read: questions, remarks
about an eventive noun, a reporter's request for comment, an analyst's view, and what is said
or denied as a habit."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from allegiance.actors.travel import TRAVEL_VERBS
from allegiance.doc import inside_quotes, sentence_span
from allegiance.events.attribution import according_to_objects, attribution
from allegiance.events.generic import habitual
from allegiance.events.lexicon import Lexicon
from allegiance.events.noun_phrases import MentionIndex
from allegiance.events.participants import MAX_CLIMB
from allegiance.events.syntax import SUBJECTS, TO_COME, child, prep_object
from allegiance.models import Mention


def asked(token: Token) -> bool:
    """A question asserts no event ("what position does it put the U.S. in in terms of
    defending Taiwan?"): the sentence ends with a question mark."""
    words = (t for t in reversed(sentence_span(token)) if not (t.is_quote or t.is_space))
    last = next(words, None)
    return last is not None and last.text == "?"


# a score stands alone ("29-27 in Novi Sad", "2-1."); a range counts something ("15-20 targets")
SCORE = re.compile(
    r"\b\d{1,3} ?[-–] ?\d{1,3}"
    r"(?=\s*[,.;:)]|\s+(?:in|at|on|to|after|with|over|for|and|before|thanks)\b|\s*$)"
)
SCORE_REACH = 40  # characters after the verb: "beat Hungary 29-27", "beat the hosts 2-1"


def a_match_score(verb: Token) -> bool:
    """ "Serbia beat Hungary 29-27", "England beat Fiji 26-21", "beat Bangladesh by three
    wickets": a result with a score or a winning margin is a game, not an assault; so is what
    the sentence of such a result tells ("fired back from two goals down to beat Slavia Prague
    3-2")."""
    return _scored(verb) or any(
        t.lemma_.lower() in RESULT_VERBS and _scored(t) for t in sentence_span(verb) if t != verb
    )


# verbs a game's result is told with
RESULT_VERBS = frozenset({"beat", "defeat", "win", "lose", "draw", "edge", "thrash", "rout"})


# a game's winning margin: "beat Bangladesh by three wickets", "won by 12 points"
MARGIN = re.compile(
    r"\bby\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|an?)\s+"
    r"(?:wickets?|runs?|goals?|points?|strokes?|shots?|lengths?|sets?|frames?|innings)\b"
)


def _scored(verb: Token) -> bool:
    after = verb.doc.text[verb.idx + len(verb) : verb.idx + len(verb) + SCORE_REACH]
    return SCORE.search(after) is not None or MARGIN.search(after) is not None


# fighting words that also name a quarrel, and what says a quarrel is meant
QUARREL_WORDS = frozenset({"clash", "fight", "battle", "confrontation", "showdown"})
QUARREL_MARKS = frozenset({
    "verbal", "diplomatic", "public", "televised", "heated", "angry", "political", "legal",
    "rhetorical", "office", "meeting", "trade", "tariff", "policy", "court", "courtroom",
})  # fmt: skip
ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "SPY"})


def a_quarrel(trigger: Token, parties: Sequence[Mention]) -> bool:
    """ "the Oval Office clash between Trump and Zelenskyy", "Orban clashed with Brussels": a
    clash of words, named as one or fought by a person with no armed party in it, is no
    assault."""
    if trigger.lemma_.lower() not in QUARREL_WORDS:
        return False
    marks = [c for c in trigger.children if c.dep_ in ("amod", "compound")]
    if trigger.i > 0:
        marks.append(trigger.doc[trigger.i - 1])  # the parser may take the noun for a verb
    if any(c.lower_ in QUARREL_MARKS for c in marks):
        return True
    between = [o for p in trigger.children if p.lower_ == "between" for o in _with_conjuncts(p)]
    if between and all(t.ent_type_ == "PERSON" for t in between):
        return True
    # "Orban has repeatedly clashed with Brussels": a politician's clash with no armed party
    unarmed = all(m.sector not in ARMED_SECTORS and m.kind != "group" for m in parties)
    return bool(parties) and unarmed and any(m.kind == "person" for m in parties)


def _with_conjuncts(prep: Token) -> list[Token]:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return [*objects, *(c for o in objects for c in o.conjuncts)]


# people who travel or arrive on their own account, and the crowds they come in
PRIVATE_TRAVELLERS = frozenset({
    "tourist", "traveler", "traveller", "visitor", "holidaymaker", "pilgrim", "fan",
    "student", "passenger", "backpacker", "migrant", "refugee", "wave", "influx", "stream",
})  # fmt: skip


def private_travel(verb: Token) -> bool:
    """ "2.8 million Chinese tourists visited Vietnam", "another wave of Somalis arrived in
    Kenya": private people travelling make no visit of their state."""
    subject = child(verb, SUBJECTS)
    return subject is not None and subject.lemma_.lower() in PRIVATE_TRAVELLERS


PRIVATE_SECTORS = frozenset({"CVL", "REF"})


def civilians_travelled(verb: Token, parties: Sequence[Mention]) -> bool:
    """ "many told aid workers they had flown to Minsk on tourist visas": civilians and
    refugees going somewhere, named by a pronoun or a nationality, make no visit of their
    state either."""
    return (
        verb.lemma_.lower() in TRAVEL_VERBS
        and bool(parties)
        and all(m.sector in PRIVATE_SECTORS for m in parties)
    )


# things that arrive or come without anyone visiting: "the first batch of vaccines arrived"
GOODS = frozenset({
    "batch", "shipment", "consignment", "delivery", "cargo", "vaccine", "dose", "supply",
    "aid", "weapon", "equipment", "goods", "container", "package", "parcel", "load", "grain",
    "fuel", "oil", "gas", "food", "medicine", "ammunition", "shell", "missile", "tank",
})  # fmt: skip


def goods_arrived(verb: Token) -> bool:
    """ "the first batch of China's Sinovac vaccines arrived in Manila": goods arriving are a
    delivery at most, no visit of their maker's state (PLOVER CONSULT 'visit')."""
    subject = child(verb, SUBJECTS)
    return subject is not None and subject.lemma_.lower() in GOODS


HELP_VERBS = frozenset({"help", "assist"})
# what a state makes or does, not who it is: "the law will help Beijing tighten control"
THINGS_THAT_HELP = frozenset({
    "law", "update", "amendment", "rule", "regulation", "policy", "measure", "decision",
    "move", "change", "reform", "deal", "agreement", "plan", "program", "programme", "project",
    "technology", "system", "investment", "tariff", "ban", "step", "strategy",
})  # fmt: skip


def helped_by_a_measure(verb: Token) -> bool:
    """ "a Chinese update to its maritime law will help Beijing tighten control": a measure
    that helps is what it does for its maker, not aid given by anyone (PLOVER AID)."""
    if verb.lemma_.lower() not in HELP_VERBS:
        return False
    subject = child(verb, SUBJECTS)
    return subject is not None and subject.lemma_.lower() in THINGS_THAT_HELP


def commented_on(noun: Token) -> bool:
    """ "China's support for Russia balances out U.S. power": an eventive noun that is the
    subject of a present-tense remark about it is commentary, not a happening."""
    head = noun.head
    return noun.dep_ == "nsubj" and head.tag_ in {"VBZ", "VBP"} and head.lemma_ != "be"


def asking_for_comment(token: Token) -> bool:
    """ "did not respond to a request for comment": a reporter's request, no event."""
    if token.lemma_.lower() != "request":
        return False
    about = prep_object(token, ("for",))
    return about is not None and about.lemma_.lower() == "comment"


# what a spokesperson declines to do when asked: no refusal of anyone's demand
# (not "refused to respond to a demand": that refuses the demand)
PRESS_ANSWERS = frozenset({
    "comment", "elaborate", "confirm", "say", "specify", "disclose", "identify", "name",
})  # fmt: skip


def declined_to_comment(verb: Token) -> bool:
    """ "The State Department declined to comment", "declined to say whether ...": a press
    non-answer, not a rejection (PLOVER REJECT refuses a proposal, demand or request)."""
    if verb.lemma_.lower() not in {"decline", "refuse"}:
        return False
    done = child(verb, ("xcomp",))
    return done is not None and done.lemma_.lower() in PRESS_ANSWERS


def commentators_view(verb: Token, lex: Lexicon) -> bool:
    """ "Analysts point out that India backs the base", "according to analysts, Japan wants
    to strengthen ties": what an analyst or expert says is an opinion, not an event."""
    return any(_commentator(speaker, lex) for speaker in _speakers(verb, lex))


def _speakers(verb: Token, lex: Lexicon) -> Iterator[Token]:
    """Who says the clause of ``verb``: the subjects of the verbs it is the complement of, of
    a reporting verb beside it ("..., say analysts"), and the X of "according to X"."""
    tok = verb
    for _ in range(MAX_CLIMB):
        if tok.dep_ not in {"ccomp", "xcomp", "conj", "advcl"} or tok.head == tok:
            break
        if tok.dep_ == "ccomp":
            yield from _subject(tok.head)
        tok = tok.head
    for c in tok.children:
        if c.dep_ in {"parataxis", "advcl"} and c.lemma_ in lex.reporting_verbs:
            yield from _subject(c)
    yield from according_to_objects(sentence_span(verb))


def _subject(verb: Token) -> Iterator[Token]:
    subj = child(verb, SUBJECTS)
    if subj is not None:
        yield subj


def _commentator(speaker: Token, lex: Lexicon) -> bool:
    """An analyst, expert or scholar: by the noun itself, or by the description beside a name
    ("Richard Weitz, director of the Hudson Institute's Center ..."), unless that description
    makes the speaker an official ("a presidential foreign policy adviser")."""
    if speaker.lemma_.lower() in lex.commentator_nouns:
        return True
    # a title before a name ("Professor Ali Demir"), not a word of a name ("Observer Mission")
    deps = {"appos", "compound"} if speaker.ent_type_ == "PERSON" else {"appos"}
    described = [t for c in speaker.children if c.dep_ in deps for t in c.subtree]
    lemmas = {t.lemma_.lower() for t in described}
    if lemmas & lex.official_nouns:
        return False
    return bool(lemmas & (lex.commentator_nouns | lex.institution_nouns))


def said_by_habit(verb: Token, lex: Lexicon) -> bool:
    """ "The Taliban routinely deny providing sanctuary": what is said or denied as a habit
    tells no happening. A habitual act in the past ("soldiers routinely beat up detainees")
    may still report one; in the present it does not (``generic.a_present_habit``)."""
    tok = verb
    for _ in range(MAX_CLIMB):
        if tok.dep_ not in {"xcomp", "ccomp"} or tok.head == tok:
            return False
        tok = tok.head
        if habitual(tok, lex):
            return True
    return False


WAR_NOUNS = frozenset({"war", "warfare"})
# what makes a war a happening: it is fought, waged, declared or gone to, or it breaks out
WAR_VERBS = frozenset({
    "fight", "wage", "declare", "launch", "start", "begin", "erupt", "break", "resume", "go",
    "declaration", "outbreak",
})  # fmt: skip


def a_war_named(noun: Token) -> bool:
    """ "the Washington-led war against Islamic State", "a ceasefire in the Russia-Ukraine
    war", "Trump's tariff wars": a war named as a state of affairs is a generic mention, not a
    happening (the guidelines' "the war against IS"); one fought, waged, declared, gone to or
    breaking out ("the war, which erupted in April") is one."""
    if noun.lemma_.lower() not in WAR_NOUNS or noun.pos_ == "VERB":
        return False
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if governor.lemma_.lower() in WAR_VERBS:
        return False
    return not any(c.dep_ == "relcl" and c.lemma_.lower() in WAR_VERBS for c in noun.children)


# a war or conflict has parties one can name; "stop the shelling" is the shelling side's act
ENDED_FIGHTS = frozenset({"war", "conflict"})
ENDING_VERBS = frozenset({"end", "stop"})
OWN_POSSESSIVES = frozenset({"its", "their", "our", "his", "her", "my"})


def ends_others_war(verb: Token, actors: Sequence[Mention], index: MentionIndex) -> bool:
    """ "Trump said he could end the war quickly", "urge G7 ministers to focus on ending the
    Russia-Ukraine war": ending a war one is not named a party to is mediating it, not a
    retreat. "Israel would end its war in Gaza" and Russia ending "the Russia-Ukraine war"
    are retreats."""
    if verb.lemma_.lower() not in ENDING_VERBS:
        return False
    fight = child(verb, ("dobj",))
    if fight is None or fight.lemma_.lower() not in ENDED_FIGHTS:
        return False
    words = list(fight.subtree)
    if any(t.lower_ in OWN_POSSESSIVES for t in words):
        return False
    named = index.within(words[0].idx, words[-1].idx + len(words[-1]))
    own = {m.code for m in actors if m.code}
    return not own & {m.code for m in named if m.code}


STANCE_VERBS = frozenset({"oppose", "support", "back", "favor", "favour"})


def a_standing_position(verb: Token, index: MentionIndex, lex: Lexicon) -> bool:
    """ "The group also opposes Chinese investment in the province", "The United States
    particularly opposes China's maritime expansion": a position on a matter (a policy, an
    activity), told by the reporter in the present, is background, not a happening. A position
    stated ("Putin said Russia supports the proposal", Beijing "firmly opposes" the sales) is a
    statement, and one taken on a party ("France supports Mali's government") is who backs
    whom: both stay."""
    if verb.lemma_.lower() not in STANCE_VERBS or verb.tag_ not in {"VBZ", "VBP"}:
        return False
    matter = child(verb, ("dobj",))
    if matter is None or index.at_token(matter) is not None:
        return False
    sentence = sentence_span(verb)
    if inside_quotes(sentence.text, verb.idx - sentence.start_char):
        return False
    speaker, reporter = attribution(verb, sentence, index, lex)
    return speaker is None and reporter is None


# offices named after what their holder deals with: "the EU's special envoy for the dialogue
# between Belgrade and Pristina", "minister for cooperation"
OFFICE_NOUNS = frozenset({
    "envoy", "representative", "negotiator", "mediator", "coordinator", "commissioner",
    "minister", "ministry", "secretary", "adviser", "advisor", "rapporteur", "czar", "tsar",
})  # fmt: skip
OFFICE_PREPOSITIONS = frozenset({"for", "on", "to"})


def an_office_named(noun: Token) -> bool:
    """ "The European Union's special envoy for the dialogue between Belgrade and Pristina
    urged ...": an eventive noun that names what an office deals with is no happening."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in OFFICE_PREPOSITIONS:
        return False
    return prep.head.lemma_.lower() in OFFICE_NOUNS


# what people talk or disagree about: a matter named, not a happening ("a row over the
# minister's criticism" is a quarrel over something done, and "speaking on a visit" is when)
TOPIC_HEADS = frozenset({
    "speak", "talk", "discuss", "chat", "converse", "disagree", "argue", "debate",
    "conversation", "interview",
})  # fmt: skip
TOPIC_PREPOSITIONS = frozenset({"about", "over", "regarding", "concerning"})


def a_topic_named(noun: Token) -> bool:
    """ "the two leaders publicly disagreed over U.S. aid to Ukraine", "VOA spoke with Armitage
    about ... China's aggression in the region": an eventive noun that is what people talk or
    disagree about names a matter, not a happening."""
    while noun.dep_ == "conj" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head
    if _listed_after_a_topic(noun):
        return True
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in TOPIC_PREPOSITIONS:
        return False
    return prep.head.lemma_.lower() in TOPIC_HEADS


def _listed_after_a_topic(noun: Token) -> bool:
    """ "spoke with Armitage about his trip to Taiwan, U.S. support for the island, ...": the
    parser hangs a later item of the list of topics on the verb itself."""
    verb = noun.head
    if noun.dep_ not in {"npadvmod", "dep"} or verb.lemma_.lower() not in TOPIC_HEADS:
        return False
    return any(
        c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS and c.i < noun.i for c in verb.children
    )


# feelings others have, not a claim a party made: "dismissed concerns about Trump's threat"
FEELINGS = frozenset({"concern", "worry", "fear", "speculation", "anxiety", "doubt"})


def feelings_dismissed(verb: Token) -> bool:
    """ "He dismissed concerns about Trump's threat to impose tariffs": brushing aside what
    nobody named worries about answers no party (PLOVER REJECT refuses someone's proposal,
    demand or accusation); "dismissed Poland's concerns" names whose they are and stays."""
    thing = child(verb, ("dobj",))
    if thing is None or thing.lemma_.lower() not in FEELINGS:
        return False
    return not any(c.dep_ == "poss" for c in thing.children)


# "suggested that officials must have given the orders": a guess about what was done
CONJECTURE_VERBS = frozenset({"suggest", "speculate", "surmise"})


def a_conjecture(verb: Token) -> bool:
    """ "suggested high-level members of Gbagbo's government must have given the orders": a
    suggestion whose clause is a perfect ("must have given", "may have known") is a guess
    about the past, not a request (PLOVER REQUEST asks someone to act)."""
    if verb.lemma_.lower() not in CONJECTURE_VERBS:
        return False
    clause = child(verb, ("ccomp",))
    if clause is None:
        return False
    auxes = [c.lower_ for c in clause.children if c.dep_ == "aux"]
    return "have" in auxes and clause.tag_ == "VBN"


# a warning's own words; what a clause holds that warns of an act to come, or may come
WARNING_WORDS = frozenset({"warn", "warning"})
WARNED_TO_COME = TO_COME | {"could", "might", "may", "wo", "there"}


def a_warning_of_how_things_are(token: Token) -> bool:
    """ "warning that Afghanistan's economy was close to collapse", "warned that Russian troops
    were often hard to dislodge": a warning whose clause tells how things are, with no will,
    would or could, threatens no one (PLOVER THREATEN warns of an act); "warned that there
    would be consequences" and "warned that it was prepared to impose sanctions" do."""
    if token.lemma_.lower() not in WARNING_WORDS:
        return False
    clause = child(token, ("ccomp", "acl"))
    if clause is None or clause.lemma_.lower() != "be":
        return False
    subject = child(clause, ("nsubj",))
    if subject is None or subject.pos_ == "PRON":
        return False  # "warned that it was prepared to impose sanctions": its own act
    words = {c.lower_ for c in clause.children if c.dep_ in {"aux", "expl"}}
    return not words & WARNED_TO_COME


# what one meets that is no one: "only 11 of its 31 members meet NATO's target"
STANDARDS = frozenset({
    "target", "goal", "requirement", "criterion", "criteria", "deadline", "standard",
    "expectation", "need", "obligation", "threshold", "quota", "benchmark", "commitment",
    "guideline", "norm", "cost", "challenge",
})  # fmt: skip


def a_standard_met(verb: Token) -> bool:
    """ "meet NATO's target of spending 2 percent": meeting a target, a deadline or a
    standard is reaching it, not a meeting (PLOVER CONSULT)."""
    if verb.lemma_.lower() != "meet":
        return False
    thing = child(verb, ("dobj",))
    return thing is not None and thing.lemma_.lower() in STANDARDS


# what is released that is no one: "China released an AI development program"
PUBLISHED_THINGS = frozenset({
    "program", "programme", "report", "statement", "data", "video", "film", "album", "plan",
    "document", "figure", "detail", "image", "footage", "list", "guideline", "budget", "book",
    "song", "product", "version", "model", "update", "finding", "result", "transcript",
    "recording", "photo", "picture", "information", "tape", "strategy", "roadmap", "paper",
    "study", "survey", "poll", "forecast", "estimate", "chip", "game", "app", "software",
})  # fmt: skip


def a_publication_released(verb: Token) -> bool:
    """ "In 2017, China released an AI development program", "details of the chip were
    released": a thing published or launched is no release of captives (PLOVER RETREAT
    'release' frees people or returns property taken)."""
    if verb.lemma_.lower() != "release":
        return False
    thing = child(verb, ("dobj", "nsubjpass"))
    return thing is not None and thing.lemma_.lower() in PUBLISHED_THINGS


PRESS_WORDS = frozenset({"news", "press", "media"})


def a_press_conference(noun: Token) -> bool:
    """ "he told reporters during a news conference at the Pentagon with the French minister":
    a press conference is how news is given, not a meeting between the parties (issue 13)."""
    if noun.lemma_.lower() not in {"conference", "briefing"}:
        return False
    return any(c.dep_ in {"compound", "amod"} and c.lower_ in PRESS_WORDS for c in noun.children)
