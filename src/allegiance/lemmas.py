"""Verb forms the model's rule lemmatizer reads wrong: "staged" as "stag", "waging" as
"wag", "raped" as "rap" (it takes the first rule whose result is a known verb), "readmitted"
as "readmitte". The event rules match triggers by lemma, so these verbs named no event. The
repairs are set by the attribute ruler, which runs before the lemmatizer; the lemmatizer keeps
a lemma already set.
"""

from __future__ import annotations

from spacy.language import Language

VERB_TAGS = ("VBD", "VBN", "VBG", "VBZ", "VBP", "VB")
# verb form -> its lemma
LEMMA_REPAIRS = {
    "staged": "stage", "staging": "stage", "stages": "stage",
    "waged": "wage", "waging": "wage", "wages": "wage",
    "raped": "rape", "raping": "rape", "rapes": "rape",
    "readmitted": "readmit", "readmitting": "readmit",
}  # fmt: skip


def add_lemma_repairs(nlp: Language) -> None:
    """Set the lemmas of :data:`LEMMA_REPAIRS` on verbs, when the model has an attribute
    ruler before its lemmatizer (else leave the pipeline as it is)."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return
    if names.index("attribute_ruler") > names.index("lemmatizer"):
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for form, lemma in LEMMA_REPAIRS.items():
        pattern = [{"LOWER": form, "TAG": {"IN": list(VERB_TAGS)}}]
        ruler.add(patterns=[pattern], attrs={"LEMMA": lemma})  # type: ignore[attr-defined]
