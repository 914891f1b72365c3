"""The start of a month range is not after its end.

Each end of "entre la mi-mars et la fin septembre" or "de mars à ce jour" is resolved
on its own (the nearest March, the nearest September), so in a November paper the
range ran from March next year back to September this year, and "de mars à ce jour"
started in a March still to come. A range states its order: when its start, a month
said without its year, falls after its end, the start is the year before.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from veille.analyze.temporal.fold import fold_same_length
from veille.core.model import TimeRef
from veille.lang.time_words import TimeWords

_MONTH = re.compile(r"\d{4}-\d\d")
_YEAR_SAID = re.compile(r"\d{4}")


def _year_back(iso: str | None) -> str | None:
    if iso is None:
        return None
    d = date.fromisoformat(iso)
    if d.month == 2 and d.day == 29:
        d = d.replace(day=28)
    return d.replace(year=d.year - 1).isoformat()


def _end_a_year_late(a: TimeRef, b: TimeRef) -> bool:
    """"from February through March" in a December paper: each end read on its own gave
    February gone and March to come; two months said without a year span less than one."""
    if not (b.value and _MONTH.fullmatch(b.value) and a.value) or _YEAR_SAID.search(b.text):
        return False
    months = (int(b.value[:4]) - int(a.value[:4])) * 12 + int(b.value[5:7]) - int(a.value[5:7])
    return months >= 12


_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _week_shift(t: TimeRef, days: int) -> TimeRef:
    d = date.fromisoformat((t.value or "")[:10]) + timedelta(days=days)
    return replace(t, value=d.isoformat() + (t.value or "")[10:], range_start=d.isoformat(),
                   range_end=d.isoformat())


def _bare_weekday(t: TimeRef, words: TimeWords) -> bool:
    """A weekday said alone ("lundi", "le vendredi"): resolved by itself to the nearest
    such day, so its week is what the range may correct."""
    if not (t.value and _DAY.match(t.value)):
        return False
    said = re.sub(r"^(?:(?:" + "|".join(words.unit_determiners) + r")\s*)", "",
                  fold_same_length(t.text).lower().strip())
    return said in words.weekdays


def order_month_ranges(refs: list[TimeRef], folded: str, words: TimeWords | None) -> list[TimeRef]:
    """``refs`` in text order; ``folded`` the folded text. A month opening a range
    ("de"/"entre" … "à"/"et", the pack's ``range_openers`` and ``range_joiners``) that
    resolves after the range's end moves one year back; an end a year or more after its
    start moves back instead."""
    if words is None or not words.range_openers or not words.range_joiners:
        return refs
    opener = re.compile(rf"(?<![\w'])(?:{'|'.join(words.range_openers)})\s*"
                        rf"(?:(?:{'|'.join(words.unit_determiners)})\s*)?\Z")
    glue = re.compile(rf"\s*(?:-|{'|'.join(words.range_joiners)})\s*"
                      rf"(?:(?:{'|'.join(words.unit_determiners)})\s*)?")
    out = list(refs)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        joined = glue.match(folded, a.end)  # the joiner may open b ("à ce jour")
        if (joined is None or not a.end <= b.start <= joined.end()
                or not opener.search(folded[max(0, a.start - 20) : a.start])):
            continue
        if _bare_weekday(a, words) and _bare_weekday(b, words):
            # "du lundi au vendredi" in a Monday paper, told in the past: Monday the 7th
            # (that very day) to Friday the 4th; the range runs forward within a week
            gap = (date.fromisoformat((b.value or "")[:10])
                   - date.fromisoformat((a.value or "")[:10])).days
            if gap < 0:
                out[k] = _week_shift(a, -7)
            elif gap >= 7:
                out[k + 1] = _week_shift(b, -7)
            continue
        if not (a.value and _MONTH.fullmatch(a.value) and a.range_start and b.range_end):
            continue
        if _YEAR_SAID.search(a.text):
            continue
        try:
            if _end_a_year_late(a, b) and b.value:
                out[k + 1] = replace(b, value=f"{int(b.value[:4]) - 1:04d}{b.value[4:]}",
                                     range_start=_year_back(b.range_start),
                                     range_end=_year_back(b.range_end))
                continue
            if date.fromisoformat(a.range_start) <= date.fromisoformat(b.range_end):
                continue
            out[k] = replace(a, value=f"{int(a.value[:4]) - 1:04d}{a.value[4:]}",
                             range_start=_year_back(a.range_start),
                             range_end=_year_back(a.range_end))
        except ValueError:
            continue
    return out
