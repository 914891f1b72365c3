"""The story's dated events, from the resolved time expressions of its statements.

Each entry keeps the range and its granularity so "2023-03" (month) is never
shown as if it were March 1st; the same date stated in the same fact by several
articles is one entry with all its sources.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from veille.core.views import Fact, TimelineEntry
from veille.stories.facts import parse_day
from veille.stories.units import Unit

#: Dates ending this long before the story's first article are background.
BACKGROUND_DAYS = 365


def date_label(a: date, b: date, granularity: str | None) -> str:
    """ISO label at the expression's own precision."""
    if granularity == "year" or (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and \
            a.year == b.year:
        return f"{a.year:04d}"
    if granularity == "month" or (a.day == 1 and a.year == b.year and a.month == b.month
                                  and (b.toordinal() - a.toordinal()) >= 27):
        return f"{a.year:04d}-{a.month:02d}"
    return a.isoformat() if a == b else f"{a.isoformat()}/{b.isoformat()}"


def build_timeline(
    units: Sequence[Unit],
    fact_of: Sequence[int],
    facts: Sequence[Fact],
    keys: Mapping[str, Mapping[str, Any]],
    pub: Sequence[tuple[date, date] | None],
) -> tuple[list[TimelineEntry], int]:
    """(entries ordered by date, number of time expressions left out as unresolved)."""
    entries: dict[tuple[Any, ...], TimelineEntry] = {}
    unresolved = 0
    for i, u in enumerate(units):
        for t in u.times:
            if t.type not in (None, "DATE", "TIME"):
                continue
            a, b = parse_day(t.range_start), parse_day(t.range_end)
            if a is None:
                unresolved += 1
                continue
            b = b or a
            gran = t.granularity
            key = (a, b, fact_of[i])
            p = pub[u.article]
            if p is None:
                rel = "unknown"
            elif b < p[0]:
                rel = "past"
            elif a > p[1]:
                rel = "future"
            else:
                rel = "around publication"
            e = entries.get(key)
            if e is None:
                e = entries[key] = TimelineEntry(
                    date=date_label(a, b, gran),
                    start=a.isoformat(),
                    end=b.isoformat(),
                    precision=gran or ("day" if a == b else "range"),
                    relative_to_publication=rel,
                    # "today", "this week": the article's own date again, not a dated event
                    restates_publication_date=bool(p and a <= p[0] and b >= p[1]),
                    expressions=[],
                    sentence=units[facts[fact_of[i]].rep].text,
                    fact=facts[fact_of[i]].id,
                    articles=[],
                    sources=[],
                )
            if t.text not in e.expressions:
                e.expressions.append(t.text)
            if u.uid not in e.articles:
                e.articles.append(u.uid)
            if keys[u.uid]["key"] not in e.sources:
                e.sources.append(keys[u.uid]["key"])
    out = sorted(entries.values(), key=lambda e: (e.start, e.end))
    firsts = [p[0] for p in pub if p is not None]
    horizon = date.fromordinal(min(firsts).toordinal() - BACKGROUND_DAYS) if firsts else None
    for e in out:
        e.n_sources = len(e.sources)
        # Dates well before the story's first article (a profile's "born in
        # 1953", a list of earlier attacks) are context, not the story's
        # events: views show them apart, after the story's own dates.
        e.background = bool(horizon and date.fromisoformat(e.end) < horizon)
    return out, unresolved
