"""Where a complaint is filed is not whom it is against.

"Gambia filed a case at the International Court of Justice accusing Myanmar", "Canada filed a
complaint at the World Trade Organization over China's restrictions", "launched a WTO dispute
against the United States": the court and the trade body are the venue; the accused is the
party the complaint is against, over, or that the filing accuses (PLOVER ACCUSE: "bring
lawsuit against", "complain officially").
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from allegiance.events.found import Found
from allegiance.events.noun_phrases import MentionIndex, all_mentions_in, distinct, mention_root
from allegiance.events.syntax import OBJECTS, child, in_clause, reaches
from allegiance.models import Mention

FILINGS = frozenset({"complaint", "case", "lawsuit", "suit", "petition", "challenge", "dispute",
                     "consultation"})  # fmt: skip
VENUE_PREPS = frozenset({"at", "with", "before", "to", "in"})
VENUE_KINDS = frozenset({"igo", "organisation"})
ACCUSED_PREPS = ("against", "over")


def without_venue(found: Found, index: MentionIndex) -> Found:
    """``found`` with the venue of a filed complaint taken out of its recipients, and the
    party the complaint is against put in where the sentence names one (also where no
    recipient was found: "filed a complaint over China's restrictions")."""
    filing = _filing(found)
    if filing is None:
        return found
    venues = [m for m in found.recipients if _is_venue(m, filing)]
    if found.recipients and not venues:
        return found
    kept = [m for m in found.recipients if m not in venues]
    accused = kept or distinct(_accused(filing, index), [*found.actors, *venues])
    return dataclasses.replace(found, recipients=accused)


def _filing(found: Found) -> Token | None:
    """The filed noun of an ACCUSE trigger ("filed a case": case), else None."""
    trig = found.trigger
    if trig.sense.type != "ACCUSE":
        return None
    if trig.token.lemma_.lower() in FILINGS:
        return trig.token
    obj = child(trig.verb, OBJECTS) if trig.verb is not None else None
    return obj if obj is not None and obj.lemma_.lower() in FILINGS else None


def _is_venue(mention: Mention, filing: Token) -> bool:
    root = mention_root(filing.doc, mention)
    if root is None or mention.kind not in VENUE_KINDS:
        return False
    if root.dep_ in {"compound", "nmod"} and root.head == filing:  # "a WTO dispute"
        return True
    prep = root.head
    attached = prep.head == filing.head or prep.head in filing.subtree
    return root.dep_ == "pobj" and prep.lower_ in VENUE_PREPS and attached


def _accused(filing: Token, index: MentionIndex) -> list[Mention]:
    """Mentions of the first against- or over-phrase in the filing's clause, else the object
    of a clause that accuses ("... accusing Myanmar of ...")."""
    verb = filing.head
    for prep in verb.subtree:
        if prep.dep_ == "prep" and prep.lower_ in ACCUSED_PREPS and in_clause(prep, verb):
            found = [m for m in all_mentions_in(prep, index) if _named_by(m, prep)]
            if found:
                return found
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.lemma_.lower() == "accuse":
            obj = child(clause, OBJECTS)
            if obj is not None:
                return all_mentions_in(obj, index)
    return []


def _named_by(mention: Mention, prep: Token) -> bool:
    """Whether ``mention`` is the object of ``prep`` itself or its modifier ("over China's
    restrictions"), not of a phrase nested in it ("... on Canadian seed")."""
    root = mention_root(prep.doc, mention)
    return root is not None and reaches(root, prep, crossing=frozenset({"prep"}))
