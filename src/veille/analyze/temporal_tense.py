"""A light tense guess for the clause around a time expression.

Relative expressions ("vendredi", "le 21 juin", "en mars") point to the past
or the future depending on the verb that governs them. A POS tagger is not
available at this stage (``extract_times`` receives text only, and must stay
cheap), so this looks for the nearest verbal cue with regexes: French
compound past (auxiliary + participle), imperfect, simple future and
"aller + infinitive"; English -ed / will / going to. It returns
``None`` when nothing points either way, and callers then fall back to the
closest reading.
"""

from __future__ import annotations

import re

_FR_FUTURE = re.compile(
    r"\b(?:[a-zàâçéèêëîïôûù]{2,}(?:erai|eras|era|erons|erez|eront|irai|ira|iront|drai|dra|dront"
    r"|rai|ront)"
    r"|sera|seront|aura|auront|fera|feront|ira|iront|pourra|pourront|devra|devront"
    r"|devrait|devraient|(?:va|vont|allons|allez)\s+(?:\w+\s+)?\w+(?:er|ir|re))\b"
    r"|\bprochaine?s?\b|\bà venir\b",
    re.IGNORECASE,
)
_FR_FUTURE_STOP = re.compile(
    r"^(?:front|affront|opéra|caméra|extra|cobra|tiara|sahara|mantra|contra|"
    r"bora|samoura|tora|ultra|dra|rai|ront|vrai|essai|balai|délai|relai|relais)$",
    re.IGNORECASE,
)
_FR_PAST = re.compile(
    r"\b(?:a|ont|avait|avaient|ai|as|avons|avez|aurait|fut|furent)"
    r"\s+(?:(?:été|eu|pas|déjà|bien|aussi|encore|toujours|ensuite|alors|notamment|en effet"
    r"|ne|n'|plus)\s+)*"
    r"[a-zàâçéèêëîïôûù]+(?:é|ée|és|ées|i|ie|is|ies|it|u|ue|us|ues|ert|erts|int|eint|aint)\b"
    r"|\b(?:est|sont|était|étaient)\s+(?:\w+\s+)?(?:arrivée?s?|partie?s?|venue?s?|morte?s?|née?s?"
    r"|tombée?s?|entrée?s?|sortie?s?|restée?s?|devenue?s?|allée?s?|décédée?s?|rentrée?s?"
    r"|revenue?s?|passée?s?|montée?s?|descendue?s?|survenue?s?|intervenue?s?)\b"
    r"|\bs['’e]\s*(?:est|sont|était|étaient)\s+[a-zàâçéèêëîïôûù]+(?:é|ée|és|ées|i|is|ie|ies|u|us|ue|ues|t|ts)\b"
    r"|\b[a-zàâçéèêëîïôûù]{3,}(?:ait|aient|èrent)\b"
    r"|\bhier\b|\bderni(?:er|ère)s?\b|\bil y a\b|\bpassée?s?\b",
    re.IGNORECASE,
)
_EN_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|going to|next|upcoming|scheduled|plans? to|due to)\b", re.IGNORECASE
)
_EN_PAST = re.compile(
    r"\b(?:[a-z]{3,}ed|was|were|had|did|said|told|went|came|met|took|gave|made|saw|"
    r"last|ago|yesterday|earlier)\b",
    re.IGNORECASE,
)
_CLAUSE_STOP = re.compile(r"[.;!?\n]")
_SUBORDINATOR = re.compile(
    r"\b(?:alors que|tandis que|lorsque|quand|mais|puisque|parce que|bien que|whereas|while|but"
    r"|when|because)\b",
    re.IGNORECASE,
)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch around [start, end) up to the nearest sentence/clause punctuation."""
    lo = max(0, start - 300)
    stops = [m.end() for m in _CLAUSE_STOP.finditer(text, lo, start)]
    left = stops[-1] if stops else lo
    m2 = _CLAUSE_STOP.search(text, end, min(len(text), end + 300))
    right = m2.start() if m2 else min(len(text), end + 300)
    return left, right


def guess_tense(text: str, start: int, end: int, language: str | None) -> str | None:
    """'past', 'future' or None, from the verbal cue nearest to the expression."""
    left, right = clause_bounds(text, start, end)
    cues: list[tuple[int, str]] = []
    fut, past = (_EN_FUTURE, _EN_PAST) if language == "en" else (_FR_FUTURE, _FR_PAST)
    for m in fut.finditer(text, left, right):
        if m.start() < end and m.end() > start:
            continue
        if _FR_FUTURE_STOP.match(m.group(0)):
            continue
        cues.append((_distance(m.start(), m.end(), start, end, text), "future"))
    for m in past.finditer(text, left, right):
        if m.start() < end and m.end() > start:
            continue
        cues.append((_distance(m.start(), m.end(), start, end, text), "past"))
    near = [c for c in cues if c[0] <= _MAX_GAP or _COMMA_COST <= c[0] <= _COMMA_COST + _MAX_GAP]
    # a far verb of the same clause still governs when nothing closer does
    cues = near or [c for c in cues if c[0] < _COMMA_COST]
    if not cues:
        return None
    before = fold_prefix(text[max(0, start - 12) : start])
    if re.search(r"(?:d'ici|jusqu'au|jusqu'a)\s*(?:le\s+)?$", before):
        return "future"  # a deadline: "d'ici le 30 juin", "a donné jusqu'au 30 juin"
    cues.sort()
    return cues[0][1]


_MAX_GAP = 80  # a verb further away governs another clause
_COMMA_COST = 200


def fold_prefix(s: str) -> str:
    return s.lower().replace("’", "'").replace("à", "a")


def _distance(a: int, b: int, start: int, end: int, text: str = "") -> int:
    """Characters between cue and expression; a comma in between costs 200 (other clause)."""
    lo, hi = (b, start) if b <= start else (end, a)
    gap = hi - lo
    if text and ("," in text[lo:hi] or _SUBORDINATOR.search(text, lo, hi)):
        gap += _COMMA_COST
    return gap
