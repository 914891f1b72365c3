"""The grammatical gender a person's given name suggests, for pronoun agreement.

"She said" after "Bernie Sanders … Hillary Clinton …" is Clinton: the parse
gives the pronoun's gender, gender-guesser's name lists (about 40,000 given
names by country, shipped in the wheel) give the name's. Only a clear answer
counts ("male", "female"; not "mostly_…"); an ambiguous name
(Dominique, Andrea) or an unknown one gives None, and the pronoun then agrees
with anybody.
"""

from __future__ import annotations

from functools import cache
from typing import Any

_ANSWERS = {"male": "Masc", "female": "Fem"}  # "mostly_*" says "Bernie" is a woman's name


@cache
def _detector() -> Any:
    import gender_guesser.detector as gd  # reads its name list once, when first needed

    return gd.Detector(case_sensitive=False)


def given_name_gender(name: str) -> str | None:
    """"Catherine Colonna" -> "Fem", "Kofi Annan" -> "Masc", "Dominique de Calan" -> None.

    A single word is no given name ("Poutine", "Obama"): None.
    """
    words = name.split()
    if len(words) < 2:
        return None
    first = words[0].strip(".,")
    if len(first) < 2 or not first[:1].isupper() or first.endswith("."):
        return None  # "M. Dupont", "J. Smith"
    return _ANSWERS.get(_detector().get_gender(first.split("-")[0]))


def known_given_name(word: str) -> bool:
    """Is ``word`` a given name in gender-guesser's lists (any answer but
    "unknown", ambiguous ones included: "Dominique")?"""
    if len(word) < 2 or not word[:1].isupper():
        return False
    return bool(_detector().get_gender(word.split("-")[0]) != "unknown")
