"""Points that are percentage points.

A change between two percentages is said in points ("le chômage a reculé de 0,3 point
à 7,1 %", "her approval dropped 4 points to 38%"): those points are a difference of
percentages (the unit ``pp``, as "point de pourcentage" already is), not a count of
things called points, which a story would compare with a team's "5 points d'avance".
The evidence is the percentage the points lead to, right after them ("à", "to": the
packs' ``point_percent_links``) and larger than them; without it points stay counted
("won by 3 points", "the Dow fell 300 points, or 1.2%").
"""

from __future__ import annotations

import re

from veille.core.model import Quantity
from veille.lang.number_words import NumberWords


def mark_percentage_points(out: list[Quantity], folded: str, own: NumberWords) -> None:
    """Counts of the pack's point nouns followed by the percentage they lead to -> ``pp``."""
    if not own.point_nouns or not own.point_percent_links:
        return
    links = re.compile(r"[\s,]*(?:" + "|".join(own.point_percent_links) + r")\s+(?:\S+\s+){0,2}$")
    for i, q in enumerate(out):
        if (q.kind != "count" or q.unit or q.value is None or q.value_max is not None
                or (q.noun or "").lower() not in own.point_nouns or i + 1 >= len(out)):
            continue
        nxt = out[i + 1]
        if (nxt.kind != "percent" or nxt.sentence != q.sentence or nxt.value is None
                or not abs(q.value) < abs(nxt.value)
                or not links.fullmatch(folded[q.end : nxt.start].lower())):
            continue
        q.unit, q.kind, q.noun, q.noun_lemma = "pp", "measure", None, None
