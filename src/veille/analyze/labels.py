"""Entity label scheme and the contextual cues that correct model labels.

Everything downstream speaks four labels (PER/ORG/LOC/MISC, the WikiNER
scheme). The cue words (from the language packs) are *types* of words (titles,
place nouns, sourcing nouns), never names: they are what a reader uses to
decide that "la résidence Bocharov Ruchei" is a place whatever the model said.
"""

from __future__ import annotations

from veille.lang import PACKS
from veille.lang.entity_words import EntityWords, union

#: How a name's label is voted, by the linker across articles and by the
#: per-article repair before the quote steps (``entities_surnames``): a context
#: cue is evidence about the name itself, the model's label one guess, and the
#: model's label repeated for one name in one article a quarter of one.
CUE_WEIGHT = 2.0
MODEL_WEIGHT = 1.0
MODEL_REPEAT_WEIGHT = 0.25

# OntoNotes (the scheme of spaCy's English pipelines) -> ours. Number-like labels are dropped:
# times and quantities have their own extractors.
ONTONOTES_LABELS: dict[str, str | None] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
    "DATE": None,
    "TIME": None,
    "PERCENT": None,
    "MONEY": None,
    "QUANTITY": None,
    "ORDINAL": None,
    "CARDINAL": None,
}
# WikiNER (the scheme of spaCy's French pipelines) is ours.
WIKINER_LABELS: dict[str, str | None] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def map_label(label: str) -> str | None:
    if label in WIKINER_LABELS:
        return WIKINER_LABELS[label]
    return ONTONOTES_LABELS.get(label, "MISC")


#: The cue words of every language pack together: entity spans carry no
#: language of their own, so each cue applies to every text (see
#: :mod:`veille.lang.entity_words`).
WORDS: EntityWords = union(pack.entities for pack in PACKS.values())
