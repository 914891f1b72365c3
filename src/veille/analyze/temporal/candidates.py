"""Candidate time expressions: scan the folded text with the rules, keep the best.

The scan keeps every match the acceptance filters let through, then
:func:`select` keeps the longest non-overlapping ones. Two joins are made
before resolution: a day list ("les 6 et 13 avril") splits into two dates, and
a year written once at the end of a range belongs to both ends.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from veille.analyze.temporal import fold
from veille.analyze.temporal.accept import accept
from veille.analyze.temporal.candidate import Candidate
from veille.analyze.temporal.day_clock_range import day_clock_ranges
from veille.analyze.temporal.lexicon import MONTHS, alt, first_day_number, time_words, tw
from veille.analyze.temporal.locale_dates import locale_candidates, share_locale_year
from veille.analyze.temporal.rules import GATES, compiled_rules


@lru_cache(maxsize=4)
def selected(text: str, language: str) -> tuple[Candidate, ...]:
    """The chosen candidates of ``text``, before resolution (which does not alter them).

    Cached because the quantity extractor asks for the time expressions of the
    text the pipeline has just resolved: the scan is most of the cost. Callers
    get copies (see :func:`fresh`), never these objects.
    """
    return tuple(select(candidates(text, fold.fold_same_length(text), language)))


def fresh(c: Candidate) -> Candidate:
    return Candidate(c.start, c.end, c.kind, dict(c.g), c.prio, dict(c.extra))


def candidates(text: str, folded: str, language: str) -> list[Candidate]:
    """Every accepted match of every rule of the language (overlaps included)."""
    own = time_words(language)
    cands: list[Candidate] = []
    ignore_case = fold.NEEDS_IGNORECASE.search(folded) is not None
    for kind, prio, rx in compiled_rules(language, ignore_case):
        # Rules that cannot match unless the folded text contains one of their gate words:
        # a substring test is far cheaper than a regex scan, and these words are absent
        # from most articles. Valid for the case-sensitive scan only.
        gate = None if ignore_case else GATES.get(kind)
        if gate is not None and not any(w in folded for w in gate):
            continue
        for m in rx.finditer(folded):
            if m.end() <= m.start():
                continue
            g = m.groupdict()
            s, e = m.span("span") if g.get("span") is not None else m.span()
            # drop trailing spaces/commas that optional groups may leave
            while e > s and folded[e - 1] in " ,":
                e -= 1
            cand = Candidate(s, e, kind, g, prio)
            if own is None or accept(cand, text, folded, own, language):
                cands.extend(split_day_list(cand, folded))
                if own is not None and own.clock_range_start and cand.kind == "clock":
                    cands.extend(clock_range_start(cand, folded, own.clock_range_start))
                if own is not None and own.clock_ampm_range_start and cand.kind == "clock_ampm":
                    cands.extend(clock_ampm_range_start(cand, folded, own.clock_ampm_range_start))
    if own is None:  # German, Spanish...: dates from dateparser's locale words
        cands.extend(locale_candidates(text, language))
    else:  # "le 17 de 14 à 16": the bare hours of the day just named
        cands.extend(day_clock_ranges(cands, folded, own))
    return cands


_FIRST_DAY = tw(lambda t: t.first_day)
_RANGE_WORDS = {"-", *tw(lambda t: t.day_range_joiners)}


def split_day_list(c: Candidate, folded: str) -> list[Candidate]:
    """'les 6 et 13 avril' names two days; 'les 7 et 8 juillet' one two-day range."""
    if c.kind != "day_month" or not c.g.get("d2"):
        return [c]
    d1 = first_day_number(c.g["d1"])
    d2 = int(c.g["d2"] or 0)
    conj = (c.g.get("conj") or "").strip()
    if conj in _RANGE_WORDS or d2 == d1 + 1:
        return [c] if d2 > d1 else []
    # separate days: first part ends after d1
    m = re.compile(r"\d{1,2}" + "".join(f"|{re.escape(w)}" for w in _FIRST_DAY)).search(
        folded, c.start
    )
    assert m is not None
    first_end = m.end()
    m2 = re.compile(r"\d{1,2}").search(folded, first_end)
    assert m2 is not None
    g1 = dict(c.g, d2=None, conj=None)
    g2 = dict(c.g, d1=c.g["d2"], d2=None, conj=None, art=None, wd=None)
    # both days take the tense of the whole list: the parse hangs the second on the
    # first ("12" a conj of "3"), and read alone "se tiendra les 3 et 12 septembre" put
    # the 3rd in next September and the 12th in the last one
    # and the year of the last day, where the month is written (each day read alone,
    # 56 and 65 days back fell on either side of pick_year's near-day threshold)
    whole = {"list": (c.start, c.end), "year_day": c.g["d2"]}
    return [
        Candidate(c.start, first_end, "day_month", g1, c.prio, dict(whole)),
        Candidate(m2.start(), c.end, "day_month", g2, c.prio, dict(whole)),
    ]


def clock_range_start(c: Candidate, folded: str, pattern: str) -> list[Candidate]:
    """'de 14 à 16 heures', 'entre 10 et 11h30': the bare hour opening the range is a
    clock time on its own (TimeML writes each end); nothing when no such hour leads."""
    m = re.search(pattern, folded[max(0, c.start - 30) : c.start])
    if m is None:
        return []
    start = max(0, c.start - 30) + m.start("h")
    return [Candidate(start, start + len(m.group("h")), "clock",
                      {"h": m.group("h"), "m": None, "pre": None, "loc": None}, c.prio)]


def clock_ampm_range_start(c: Candidate, folded: str, pattern: str) -> list[Candidate]:
    """'de 5 à 6pm': the bare hour opening the range is a clock too, in the afternoon
    when its end is and it stays before it ('de 11 à 1pm' starts in the morning)."""
    end_h = c.g.get("h")
    if not end_h:
        return []  # "20:30 pm": the 24-hour forms are the clock rule's
    m = re.search(pattern, folded[max(0, c.start - 30) : c.start])
    if m is None:
        return []
    start = max(0, c.start - 30) + m.start("h")
    h = int(m.group("h"))
    ampm = c.g.get("ampm") if h < int(end_h) < 12 else None  # "de 10 à 12pm": 10 a.m.
    return [Candidate(start, start + len(m.group("h")), "clock_ampm",
                      {"h": m.group("h"), "m": None, "pre": None, "ampm": ampm}, c.prio)]


_RANGE_GLUE = re.compile(
    rf"\s*(?:,\s*)?{alt(['-', *tw(lambda t: t.range_joiners)])}\s*"
    rf"(?:{alt(tw(lambda t: t.repeated_article))}\s+)?$"
)


def share_years(cands: list[Candidate], folded: str) -> None:
    """'du 18 novembre au 19 décembre 2015', 'de janvier à février 2017': the year
    written once at the end belongs to both ends."""
    for a, b in zip(cands, cands[1:], strict=False):
        if a.kind.startswith("locale_"):  # "da gennaio a dicembre 2019"
            share_locale_year(a, b, folded[a.end : b.start])
            continue
        if a.kind not in ("day_month", "month") or a.g.get("year") or a.g.get("rel"):
            continue
        if b.kind not in ("day_month", "month_year") or not b.g.get("year"):
            continue
        if not _RANGE_GLUE.fullmatch(folded[a.end : b.start]):
            continue
        year = b.g["year"] or ""
        if len(year) == 4 and _ends_after(a, b):
            # "de novembre à février 2017": a start later in the year than the end
            # is in the year before
            year = str(int(year) - 1)
        a.g = dict(a.g, year=year)
        if a.kind == "month":
            a.kind = "month_year"


def _ends_after(a: Candidate, b: Candidate) -> bool:
    def key(c: Candidate) -> tuple[int, int] | None:
        mon = MONTHS.get((c.g.get("mon") or "").rstrip("."))
        if mon is None:
            return None
        d = first_day_number(c.g["d1"]) if c.g.get("d1") else 0
        return mon, d
    ka, kb = key(a), key(b)
    return ka is not None and kb is not None and ka > kb


def select(cands: list[Candidate]) -> list[Candidate]:
    """Longest non-overlapping candidates; priority breaks ties."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.prio, c.start))
    # Taken spans never overlap, so sorted by (start, end) their ends never decrease: the
    # only one that can overlap [c.start, c.end) is the last one starting before c.end.
    # (A linear scan of all taken spans per candidate was quadratic on long texts.)
    taken: list[tuple[int, int]] = []
    out: list[Candidate] = []
    for c in cands:
        i = bisect.bisect_left(taken, c.end, key=lambda t: t[0])
        if i > 0 and c.start < taken[i - 1][1]:
            continue
        bisect.insort(taken, (c.start, c.end))
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


__all__ = ["Candidate", "candidates", "clock_range_start", "fresh", "select", "selected",
           "share_years"]
