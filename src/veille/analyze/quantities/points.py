"""Points that are percentage points.

A change between two percentages is said in points ("le chômage a reculé de 0,3 point
à 7,1 %", "her approval dropped 4 points to 38%"): those points are a difference of
percentages (the unit ``pp``, as "point de pourcentage" already is), not a count of
things called points, which a story would compare with a team's "5 points d'avance".
The evidence is the percentage the points lead to, right after them ("à", "to": the
packs' ``point_percent_links``) and larger than them; or the percentage just before
them whose change they state ("l'inquiétude (21 %, en baisse de 9 points)", "38%, down
4 points": the packs' ``point_change_links``, nothing else between), larger too.
Without either, points stay counted ("won by 3 points", "the Dow fell 300 points, or
1.2%").
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
    change = re.compile(r"[^\d%]{0,60}?(?<![a-z])(?:" + "|".join(own.point_change_links) + r")")
    for i, q in enumerate(out):
        if (q.kind != "count" or q.unit or q.value is None or q.value_max is not None
                or (q.noun or "").lower() not in own.point_nouns):
            continue
        if _percent_beside(q, out[i + 1] if i + 1 < len(out) else None, links,
                           folded, after=True) or (
                own.point_change_links and _percent_beside(
                    q, out[i - 1] if i > 0 else None, change, folded, after=False)):
            q.unit, q.kind, q.noun, q.noun_lemma = "pp", "measure", None, None


def _percent_beside(q: Quantity, p: Quantity | None, between: re.Pattern[str], folded: str,
                    after: bool) -> bool:
    """``p`` is a larger percentage of the same sentence, the text between them (points
    then percentage when ``after``, else percentage then points) read as ``between``."""
    if (p is None or p.kind != "percent" or p.sentence != q.sentence or p.value is None
            or q.value is None or not abs(q.value) < abs(p.value)):
        return False
    gap = folded[q.end : p.start] if after else folded[p.end : q.start]
    return between.fullmatch(gap.lower()) is not None
