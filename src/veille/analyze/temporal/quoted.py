"""Days counted from the telling inside a quotation count from when it was said.

"Yet on Saturday, in an Instagram post, Jackson quieted the theorizing: 'whether I will be
performing at the Super Bowl tomorrow; I will not,' she wrote" in a Monday paper: the
quotation's "tomorrow" is the day after the Saturday it was written, not the Tuesday after
the paper. "posted photos on Instagram on Tuesday, writing that she 'can't believe it was
just last night that I held you'" in a Wednesday paper: Monday night, not Tuesday's. The
words that count from the speaker's day ("today", "tomorrow", "last night", "this morning")
were read from the paper's; when the sentence around the quotation, outside it, names one
day of the week before the paper as the day it was said, they count from that day.

Only one such day in the sentence counts (two days named leave the speaking day unsaid),
and only a day before the paper's within a week (a quotation dated months back is rare and
its "today" often means the times, not the day).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from veille.core.model import TimeRef

#: methods of words that count days from the telling ("today", "tomorrow", "last night")
_DEICTIC = ("grammar:reld", "grammar:thispart")
#: quotation marks that open and close alike, and those that open or close only
_STRAIGHT = re.compile(r'"|``|\'\'')
_OPEN = re.compile(r"[“«]")
_CLOSE = re.compile(r"[”»]")
#: a single quotation mark that opens (after a space or a line's start, before a word) or
#: closes (after a word or a stop, before a space, a stop or the end): "'It got
#: re-programmed today,' he said"; the apostrophes of "it's", "Leahy's" are neither
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[]))['‘](?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])['’](?=[\s.,;:!?)\]]|$)")
#: the end of the sentence before an offset, or a line
_SENTENCE_STOP = re.compile(r"[.!?][\"'”’»)]*\s+(?=[A-Z“\"«])|\n")
_WEEK = 7
#: how far back a sentence or a quotation is looked for (a text of one long line stays linear)
_REACH = 1500
#: more time expressions than this in one "sentence": no sentence, nothing is read
_CROWDED = 12


def count_from_speaking(out: Sequence[TimeRef], text: str, ref: date | None) -> list[TimeRef]:
    """``out`` with each deictic day inside a quotation moved to count from the day the
    sentence says it was spoken (see above)."""
    if ref is None or not any(t.method in _DEICTIC for t in out):
        return list(out)
    res = list(out)
    order = sorted(range(len(out)), key=lambda k: out[k].start)
    starts = [out[k].start for k in order]
    for i, t in enumerate(out):
        if t.method not in _DEICTIC or t.range_start is None or not _quoted(text, t.start):
            continue
        lo, hi = _sentence(text, t.start)
        first, last = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
        if last - first > _CROWDED:
            continue  # no sentence: a list, a table, text without stops
        said = _said_days(out, order, starts, text, lo, hi)
        if not said and _continues_quote(text, lo):
            # a paragraph that is all quotation right after a quotation said on a day
            # ("'The roof has a warming system,' Leahy said on Friday. / 'It got
            # re-programmed today.'"): the same speaker on the same day
            plo, phi = _sentence(text, _previous_end(text, lo))
            if _has_quote(text, plo, phi):
                said = _said_days(out, order, starts, text, plo, phi)
        if len(said) != 1:
            continue
        day = said.pop()
        if not 0 < (ref - day).days <= _WEEK:
            continue
        res[i] = _moved(t, day - ref)
    return res


def _said_days(out: Sequence[TimeRef], order: list[int], starts: list[int], text: str,
               lo: int, hi: int) -> set[date]:
    """The single days named outside a quotation between ``lo`` and ``hi``."""
    first, last = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    return {d for k in range(first, last)
            if (d := _one_day(out[order[k]])) is not None
            and not _quoted(text, out[order[k]].start)}


def _continues_quote(text: str, lo: int) -> bool:
    """The sentence at ``lo`` opens a paragraph with a quotation mark."""
    para = text.rfind("\n", 0, lo) + 1
    if text[para:lo].strip():
        return False
    head = text[lo : lo + 2].lstrip()
    return bool(head) and (head[0] in "\"“«‘" or _SINGLE_OPEN.match(text, lo) is not None)


def _previous_end(text: str, lo: int) -> int:
    """An offset inside the sentence before ``lo`` (the last character before it)."""
    k = lo - 1
    while k > 0 and text[k].isspace():
        k -= 1
    return max(0, k - 1)


def _has_quote(text: str, lo: int, hi: int) -> bool:
    chunk = text[lo:hi]
    return bool(_STRAIGHT.search(chunk) or _OPEN.search(chunk) or _SINGLE_OPEN.search(chunk))


def _one_day(t: TimeRef) -> date | None:
    if t.type not in ("DATE", "TIME") or t.range_start is None or t.range_start != t.range_end:
        return None
    try:
        return date.fromisoformat(t.range_start)
    except ValueError:
        return None


def _sentence(text: str, pos: int) -> tuple[int, int]:
    start = max(0, pos - _REACH)
    for m in _SENTENCE_STOP.finditer(text, start, pos):
        start = m.end()
    stop = _SENTENCE_STOP.search(text, pos, pos + _REACH)
    return start, (stop.start() if stop else min(len(text), pos + _REACH))


def _quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a quotation opened in its paragraph."""
    line = text.rfind("\n", max(0, pos - _REACH), pos)
    para = text[line + 1 if line >= 0 else max(0, pos - _REACH) : pos]
    opened = len(_OPEN.findall(para)) - len(_CLOSE.findall(para))
    single = len(_SINGLE_OPEN.findall(para)) - len(_SINGLE_CLOSE.findall(para))
    return opened > 0 or len(_STRAIGHT.findall(para)) % 2 == 1 or single > 0


def _moved(t: TimeRef, delta: timedelta) -> TimeRef:
    """``t`` with its day moved by ``delta`` (its part of the day kept)."""
    if t.value is None or t.range_start is None or t.range_end is None \
            or not re.match(r"\d{4}-\d\d-\d\d", t.value):
        return t
    start = date.fromisoformat(t.range_start) + delta
    end = date.fromisoformat(t.range_end) + delta
    value = (date.fromisoformat(t.value[:10]) + delta).isoformat() + t.value[10:]
    return replace(t, value=value, range_start=start.isoformat(), range_end=end.isoformat())
