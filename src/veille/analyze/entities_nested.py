"""A place named inside a longer name is a mention of its own (#15, session 19).

"Banque de Genève", "traité de Prague", "Orchestre municipal de Lucerne",
"hôpital de Dreux": the recogniser draws one span, the bank or the treaty, and
the place it holds was nobody's mention: a reader of the story sees Geneva
named, a watchlist on Geneva should see it, and HIPE's gold (which nests
mentions) counts it. This was the largest group of linking errors on HIPE
(13 of 56 on part a, session 18's census).

The inner place is a mention typed ``nested=True`` (``core.model.Mention``),
added by the linker after the analysis: the quote steps, which read one
mention per name, never see it; the linker files it with the place's other
mentions. Only a known place: a place the article names on its own, or a
country or a large city of the gazetteer (a town may be a word: "Until the
End of Time" holds Time, Norway); after the language's "of"
word ("de", "d'", "of"), running to the end of the longer name, inside an
organisation or a thing (a treaty, a games), or inside a place written from
a common noun ("hôpital de Dreux"). Never inside a person's name ("Henri
d'Orléans") or a place's proper name ("Gulf of Mexico").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from veille.analyze import gazetteer
from veille.analyze import labels as L
from veille.core.model import Mention

#: what the nested mention is: a place
NESTED_LABEL = "LOC"
#: the cue the nested mention carries (the linker reads any cue as evidence)
NESTED_CUE = "nested"
_OUTER = ("ORG", "MISC")


@lru_cache(maxsize=1)
def _inner_pattern() -> re.Pattern[str]:
    of = sorted({w for w in L.WORDS.of_words if len(w) > 1}, key=len, reverse=True)
    elided = sorted({e for e in L.WORDS.elisions if e + "e" in L.WORDS.of_words})  # "d'" of "de"
    words = "|".join(re.escape(w) for w in of)
    elisions = "|".join(re.escape(e) for e in elided)
    cap = r"[^\W\d_][\w'’-]*"
    return re.compile(rf"(?:\b(?:{words})\s+|\b(?:{elisions})['’])(?P<inner>(?=[A-ZÀ-Þ]){cap}"
                      rf"(?:[ -](?=[A-ZÀ-Þ]){cap})*)$")


def _outer(m: Mention) -> bool:
    if m.nested or len(m.text.split()) < 2:
        return False
    return m.label in _OUTER or (m.label == "LOC" and m.text[:1].islower())


def _known_place(name: str, places: set[str]) -> bool:
    """Named alone in the article, a country, or a large city: a small town of
    the gazetteer may be a word ("Until the End of Time": Time, Norway)."""
    return name in places or gazetteer.country_code(name) is not None \
        or gazetteer.major_city(name)


def nested_places(mentions: Sequence[Mention]) -> list[Mention]:
    """The places the longer names of ``mentions`` (one article's) hold, as
    nested mentions (see the module doc); none when the article has them already."""
    if any(m.nested for m in mentions):
        return []
    places = {m.text for m in mentions if m.label == "LOC"}
    spans = {(m.start, m.end) for m in mentions}
    out: list[Mention] = []
    pattern = _inner_pattern()
    for m in mentions:
        if not _outer(m):
            continue
        found = pattern.search(m.text)
        if found is None:
            continue
        inner = found.group("inner")
        start = m.start + found.start("inner")
        if start == m.start or (start, m.end) in spans or not _known_place(inner, places):
            continue
        n = Mention(text=inner, label=NESTED_LABEL, start=start, end=start + len(inner),
                    sentence=m.sentence, nested=True)
        n.model_label = NESTED_LABEL
        n.label_cue = NESTED_CUE
        out.append(n)
    return out
