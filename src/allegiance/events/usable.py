"""What a candidate must not be to be an event: asked about, a match score, a habit, a standing
position, a war's name, a topic talked about, a trip that meets no one. One reading per check,
each in the module that knows it (``nonevents``, ``generic``, ``own_side``); here they are
asked in turn of a candidate whose participants are known."""

from __future__ import annotations

from allegiance.events.found import Found
from allegiance.events.generic import (
    a_condition_under,
    a_long_standing_act,
    a_present_habit,
    a_rare_act,
    a_standing_insurgency,
    a_tally,
    any_condemned,
    as_opposed_to,
    demanded_to_stop,
    done_to_anyone,
    held_for_years,
    prevents_no_party,
)
from allegiance.events.lexicon import Lexicon
from allegiance.events.nonevents import (
    a_conjecture,
    a_match_score,
    a_press_conference,
    a_publication_released,
    a_quarrel,
    a_standard_met,
    a_standing_position,
    a_topic_named,
    a_war_named,
    a_warning_of_how_things_are,
    an_office_named,
    asked,
    asking_for_comment,
    civilians_travelled,
    commentators_view,
    commented_on,
    declined_to_comment,
    ends_others_war,
    feelings_dismissed,
    goods_arrived,
    helped_by_a_measure,
    private_travel,
    said_by_habit,
)
from allegiance.events.noun_phrases import MentionIndex
from allegiance.events.own_side import trip_at_home, trip_of_no_party


def usable(found: Found, lex: Lexicon, index: MentionIndex) -> bool:
    """Whether ``found`` may be an event: none of the non-event readings holds, and it has a
    party (a bare noun, "the war", has none; "Navalny's arrest" has its patient)."""
    trig = found.trigger
    clause = trig.verb if trig.verb is not None else trig.token
    if asked(trig.token) or asking_for_comment(trig.token):
        return False
    if trig.verb is not None and declined_to_comment(trig.verb):
        return False
    if trig.sense.type == "ASSAULT" and trig.verb is not None and a_match_score(trig.verb):
        return False
    if trig.sense.type == "ASSAULT" and trig.verb is not None and a_tally(trig.verb):
        return False
    if said_by_habit(clause, lex) or commentators_view(clause, lex):
        return False
    if a_present_habit(clause, lex) or a_standing_insurgency(clause):
        return False
    if a_long_standing_act(clause) or a_rare_act(clause) or held_for_years(clause):
        return False
    if trig.token.pos_ == "NOUN" and a_condition_under(trig.token):
        return False
    if trig.verb is not None and prevents_no_party(trig.verb):
        return False
    if demanded_to_stop(trig.token, lex):
        return False
    if as_opposed_to(trig.token):
        return False
    if trig.sense.type == "ACCUSE" and trig.verb is not None and any_condemned(trig.verb):
        return False
    if trig.token == trig.verb and done_to_anyone(trig.verb, trig.sense.type):
        return False
    if trig.sense.type == "ASSAULT" and a_quarrel(trig.token, [*found.actors, *found.recipients]):
        return False
    if trig.sense.type == "CONSULT" and _no_meeting(found):
        return False
    if trig.sense.type == "RETREAT" and trig.verb is not None and a_publication_released(trig.verb):
        return False
    if trig.token == trig.verb and a_standing_position(trig.verb, index, lex):
        return False
    if trig.sense.type == "ASSAULT" and a_war_named(trig.token):
        return False
    if trig.sense.type == "RETREAT" and ends_others_war(trig.token, found.actors, index):
        return False
    if trig.verb is None and (commented_on(trig.token) or a_topic_named(trig.token)):
        return False
    if trig.verb is None and an_office_named(trig.token):
        return False
    if trig.sense.type == "AID" and trig.verb is not None and helped_by_a_measure(trig.verb):
        return False
    if trig.sense.type == "REQUEST" and trig.verb is not None and a_conjecture(trig.verb):
        return False
    if trig.sense.type == "REJECT" and trig.verb is not None and feelings_dismissed(trig.verb):
        return False
    if trig.sense.type == "THREATEN" and a_warning_of_how_things_are(trig.token):
        return False
    if trig.verb is None and not found.actors:
        # a bare noun ("the war") is not an event; "Navalny's arrest" is one
        return trig.sense.possessor_patient and bool(found.recipients)
    return bool(found.actors or found.recipients)


def _no_meeting(found: Found) -> bool:
    """Travel, goods, targets met, press conferences and trips at home meet no party."""
    verb = found.trigger.verb
    if verb is not None and (private_travel(verb) or goods_arrived(verb) or a_standard_met(verb)):
        return True
    if verb is not None and civilians_travelled(verb, found.actors):
        return True
    return a_press_conference(found.trigger.token) or trip_at_home(found) or trip_of_no_party(found)
