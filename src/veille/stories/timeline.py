"""The story's dated events, from the resolved time expressions of its statements.

Each entry keeps the range and its granularity so "2023-03" (month) is never
shown as if it were March 1st. An entry is an event, not a sentence: the fact
(every article and language stating it; facts are joined across languages by
``stories.xlang``, so an event reported in German and English is one line
with both sources and ``languages``) with its date, on one line; the
compact default (``compact``) is the events several sources carry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np

from veille.core.text import fold_words
from veille.core.views import Fact, TimelineEntry
from veille.stories.facts import parse_day
from veille.stories.similarity import StoryVectors
from veille.stories.units import Unit, is_question, states_event

#: Dates ending this long before the story's first article are background.
BACKGROUND_DAYS = 365
#: Character-n-gram cosine at which two lines of one date and language report
#: one event (lower than a fact join: the date agreeing is the other half of
#: the evidence). Read on news-clusters (session 11): at >= 0.3 the pairs are
#: one event told by two outlets ("the barge caught fire at 9pm" / "the
#: fireworks barge exploded" stay apart at 0.2).
SAME_DAY_WORDING = 0.3


def date_label(a: date, b: date, granularity: str | None) -> str:
    """ISO label at the expression's own precision."""
    if granularity == "year" or (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and \
            a.year == b.year:
        return f"{a.year:04d}"
    if granularity == "month" or (a.day == 1 and a.year == b.year and a.month == b.month
                                  and (b.toordinal() - a.toordinal()) >= 27):
        return f"{a.year:04d}-{a.month:02d}"
    return a.isoformat() if a == b else f"{a.isoformat()}/{b.isoformat()}"


COMPACT_MIN = 5  # events shown by default even when few are corroborated
COMPACT_MAX = 40  # events shown by default at most (the rest: ``compact`` false)


def _relation(a: date, b: date, p: tuple[date, date] | None) -> str:
    if p is None:
        return "unknown"
    if b < p[0]:
        return "past"
    if a > p[1]:
        return "future"
    return "around publication"


def build_timeline(
    units: Sequence[Unit],
    fact_of: Sequence[int],
    facts: Sequence[Fact],
    keys: Mapping[str, Mapping[str, Any]],
    pub: Sequence[tuple[date, date] | None],
    *,
    fact_vectors: Mapping[str, np.ndarray] | None = None,
    same_fact: float = 1.0,
) -> tuple[list[TimelineEntry], int]:
    """(events ordered by date, number of time expressions left out as unresolved).

    ``fact_vectors`` (the multilingual encoder's, by fact id): lines of one
    date in different languages whose facts are that close (``same_fact``)
    are one event: the date agreeing is what the fact join across languages
    lacked (it asks for each fact's single best match), see
    :func:`merge_same_date`.

    An event is a fact (statements saying the same thing, across articles and
    languages) with the date its statements give: one line, with every article
    and source stating it. A fact dated several ways keeps the date most of its
    sources give as its line and lists the others (``other_dates``); facts whose
    statements read the same on the same date are one line. Linear in the
    number of time expressions.
    """
    unresolved = 0
    # fact -> (start, end) -> [granularity, expressions, articles, sources, relation, restates]
    dated: dict[int, dict[tuple[date, date], dict[str, Any]]] = {}
    for i, u in enumerate(units):
        if u.caption or u.imperative or is_question(u.text) or not states_event(u.text):
            # a photo caption dates the picture ("... traverse la Place Rouge en
            # mai (Photo: AP)"), not an event the story reports; a question
            # ("Can you tell us what the security situation has been since the
            # attacks of November?") reports none; nor does an imperative ("Take
            # us through what happened that night.": Sentence.imperative, the
            # analysis' parse), a heading, a lead-in or a date on its own
            # (units.states_event)
            continue
        for t in u.times:
            if t.type not in (None, "DATE", "TIME"):
                continue
            a, b = parse_day(t.range_start), parse_day(t.range_end)
            if a is None:
                unresolved += 1
                continue
            b = b or a
            p = pub[u.article]
            d = dated.setdefault(fact_of[i], {}).setdefault((a, b), {
                "gran": t.granularity, "expressions": [], "articles": [], "sources": [],
                "rel": _relation(a, b, p),
                # "today", "this week": the article's own date again
                "restates": bool(p and a <= p[0] and b >= p[1]),
                "names_day": False,
                "texts": [],
            })
            if u.text not in d["texts"]:
                d["texts"].append(u.text)
            if t.text not in d["expressions"]:
                d["expressions"].append(t.text)
            if u.uid not in d["articles"]:
                d["articles"].append(u.uid)
            src = keys[u.uid]["key"]
            if src not in d["sources"]:
                d["sources"].append(src)
            d["restates"] = d["restates"] and bool(p and a <= p[0] and b >= p[1])
            # the publication day named as a day ("on Sunday", "Dec 31"), not
            # the generic present ("now"): the day's event
            d["names_day"] = d["names_day"] or bool(
                a == b and p and p[0] == p[1] == a and t.value != "PRESENT_REF")
    entries: dict[tuple[str, str, str], TimelineEntry] = {}
    for fi, by_range in dated.items():
        # the date most sources give; then the narrowest; then the earliest
        (a, b), d = max(by_range.items(), key=lambda kv: (
            len(kv[1]["sources"]), len(kv[1]["articles"]),
            -(kv[0][1] - kv[0][0]).days, -kv[0][0].toordinal()))
        fact = facts[fi]
        label = date_label(a, b, d["gran"])
        others = sorted({date_label(x, y, o["gran"]) for (x, y), o in by_range.items()
                         if (x, y) != (a, b)} - {label})
        sentence = dated_sentence(fact.statement, d["texts"])
        key = (a.isoformat(), b.isoformat(), fold_words(sentence))
        e = entries.get(key)
        if e is None:
            entries[key] = TimelineEntry(
                date=label, start=a.isoformat(), end=b.isoformat(),
                precision=d["gran"] or ("day" if a == b else "range"),
                relative_to_publication=d["rel"], restates_publication_date=d["restates"],
                expressions=list(d["expressions"]), sentence=sentence,
                fact=fact.id, articles=list(fact.articles), sources=list(fact.sources),
                other_dates=others, languages=list(fact.languages),
                names_publication_day=d["restates"] and d["names_day"],
            )
            continue
        for x in d["expressions"]:
            if x not in e.expressions:
                e.expressions.append(x)
        e.articles.extend(x for x in fact.articles if x not in e.articles)
        e.sources.extend(x for x in fact.sources if x not in e.sources)
        e.other_dates = sorted(set(e.other_dates) | set(others))
        e.languages = sorted(set(e.languages) | set(fact.languages))
    out = sorted(entries.values(), key=lambda e: (e.start, e.end, e.fact))
    if fact_vectors:
        out = merge_same_date(out, fact_vectors, same_fact)
    # the persons of the dated facts only (an update passes every stored fact)
    people = {f.id: {e for e in f.entities if e.startswith("per:")}
              for f in (facts[fi] for fi in dated)}
    out = merge_same_wording(out, SAME_DAY_WORDING, people)
    firsts = [p[0] for p in pub if p is not None]
    horizon = date.fromordinal(min(firsts).toordinal() - BACKGROUND_DAYS) if firsts else None
    for e in out:
        e.n_sources = len(e.sources)
        # Dates well before the story's first article (a profile's "born in
        # 1953", a list of earlier attacks) are context, not the story's
        # events: views show them apart, after the story's own dates.
        e.background = bool(horizon and date.fromisoformat(e.end) < horizon)
    mark_compact(out)
    return out, unresolved


def dated_sentence(statement: str, texts: Sequence[str]) -> str:
    """The sentence a dated line shows: the fact's statement when it is one of
    the sentences giving the date, else the first one that does. A fact's
    members say the same thing, but only some carry the date; the line must
    show where its date comes from ("Laura Chinchilla, who was president from
    2010 to 2014, said ..." on the 2010 line, not "Chinchilla said via Twitter
    that Retana was her cousin", which gives no date)."""
    folded = fold_words(statement)
    if not texts or any(fold_words(t) == folded for t in texts):
        return statement
    return texts[0]


def merge_same_date(entries: list[TimelineEntry], fact_vectors: Mapping[str, np.ndarray],
                    same_fact: float) -> list[TimelineEntry]:
    """Lines of the same date range stated in disjoint languages and whose facts'
    vectors reach ``same_fact`` become one line (the best carried one's
    sentence, every article, source, expression and language). Greedy, in
    order of sources; bounded by the lines of one date."""
    by_range: dict[tuple[str, str], list[TimelineEntry]] = {}
    for e in entries:
        by_range.setdefault((e.start, e.end), []).append(e)
    out: list[TimelineEntry] = []
    for group in by_range.values():
        kept: list[TimelineEntry] = []
        for e in sorted(group, key=lambda x: (-len(x.sources), x.fact)):
            v = fact_vectors.get(e.fact)
            host = None
            if v is not None and e.languages:
                for k in kept:
                    w = fact_vectors.get(k.fact)
                    if (w is not None and k.languages and not set(k.languages) & set(e.languages)
                            and float(v @ w) >= same_fact):
                        host = k
                        break
            if host is None:
                kept.append(e)
                continue
            _absorb(host, e)
        out.extend(kept)
    return sorted(out, key=lambda e: (e.start, e.end, e.fact))


def _absorb(host: TimelineEntry, e: TimelineEntry) -> None:
    """One line for two: ``host`` takes ``e``'s expressions, articles, sources,
    languages and other dates (the two merges of a timeline share it)."""
    host.expressions.extend(x for x in e.expressions if x not in host.expressions)
    host.articles.extend(x for x in e.articles if x not in host.articles)
    host.sources.extend(x for x in e.sources if x not in host.sources)
    if host.languages != e.languages:
        host.languages = sorted(set(host.languages) | set(e.languages))
    host.other_dates = sorted(set(host.other_dates) | set(e.other_dates))


def merge_same_wording(entries: list[TimelineEntry], bar: float,
                       people: Mapping[str, set[str]] | None = None) -> list[TimelineEntry]:
    """Lines of one date range and language whose sentences are close in wording
    (cosine >= ``bar`` over character n-grams fitted on the timeline's
    sentences) are one event that outlets worded apart and the fact join kept
    apart ("The insurgency has claimed more than 20,000 lives" / "Boko Haram has
    been blamed for the deaths of more than 20,000 people"): one line, the best
    carried one's sentence and fact, every article, source and expression.
    Two sentences giving numbers, none of them shared, stay apart: another
    count is another statement ("boost big-bank earnings by 13 percent" /
    "an 18 percent earnings surge"), and so do two about other people
    (``people``: the persons of each line's fact; "A representative for
    Tarantino did not respond" / "a representative for Thurman said"). Greedy in order of sources; pairs only
    within one date and language. Two lines giving one clock time of the day
    ("It happened at 5:52 p.m." / "the webcam captured the event at 5:52
    p.m.") are one event whatever their wording."""
    groups: dict[tuple[str, str, tuple[str, ...]], list[int]] = {}
    for k, e in enumerate(entries):
        if e.languages:
            groups.setdefault((e.start, e.end, tuple(e.languages)), []).append(k)
    if not any(len(g) > 1 for g in groups.values()):
        return entries
    vectors = StoryVectors([e.sentence for e in entries])
    numbers: dict[int, set[str]] = {}

    def numbers_of(k: int) -> set[str]:
        got = numbers.get(k)
        if got is None:
            got = numbers[k] = set(_NUMBER.findall(entries[k].sentence))
        return got

    def joins(h: int, k: int, near: float) -> bool:
        # the cheap tests first; the exact cosine only for a pair whose cosine
        # summed in another order (``near``) is within rounding of the bar
        nh, nk = numbers_of(h), numbers_of(k)
        if nh and nk and not nh & nk:  # another count is another statement
            return False
        if _other_people(people, entries[h].fact, entries[k].fact):
            return False
        return _same_clock(entries[h], entries[k]) or (
            near >= bar - ROUNDING and vectors.sim(h, k) >= bar)

    minute = np.array([e.precision == "minute" for e in entries], dtype=bool)
    dropped: set[int] = set()
    for g in groups.values():
        kept: list[int] = []
        order = sorted(g, key=lambda x: (-len(entries[x].sources), entries[x].fact))
        for lo in range(0, len(order), NEAR_ROWS):
            chunk = order[lo:lo + NEAR_ROWS]
            cols = kept + chunk  # every line a line of the chunk can be compared with
            near = vectors.products(chunk, cols) if len(g) > 1 else None
            kept_cols = list(range(len(kept)))  # each kept line's column in ``near``
            for r, k in enumerate(chunk):
                host = None
                if near is not None and kept:
                    host = _first_host(kept, kept_cols, near[r], minute, k,
                                       joins, bar)
                if host is None:
                    kept.append(k)
                    kept_cols.append(len(cols) - len(chunk) + r)
                    continue
                _absorb(entries[host], entries[k])
                dropped.add(k)
    return [e for k, e in enumerate(entries) if k not in dropped]


def _first_host(kept: Sequence[int], kept_cols: Sequence[int], near: np.ndarray,
                minute: np.ndarray, k: int, joins: Callable[[int, int, float], bool],
                bar: float) -> int | None:
    """The first line of ``kept`` (in its order) that ``joins`` line ``k``.
    Only a line whose summed cosine with ``k`` (``near``, at ``kept_cols``) is
    within rounding of the bar, or that dates a clock time when ``k`` does,
    can join it: the others are left out by array comparisons instead of one
    Python call each (a crowded date of a big story has hundreds of lines,
    so tens of thousands of pairs). Same host as asking every line."""
    maybe = near[np.asarray(kept_cols)].astype(np.float64) >= bar - ROUNDING
    if minute[k]:
        maybe |= minute[np.asarray(kept)]
    for x in np.flatnonzero(maybe).tolist():
        if joins(kept[x], k, float(near[kept_cols[x]])):
            return kept[x]
    return None


#: lines of one date compared at once in :func:`merge_same_wording` (a dense
#: block of NEAR_ROWS x the lines kept: bounded memory on a large story)
NEAR_ROWS = 256
#: how far two sums of the same float32 products (non-negative, of unit rows)
#: can differ: far above the float32 rounding of a few thousand terms
ROUNDING = 1e-3


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _same_clock(a: TimelineEntry, b: TimelineEntry) -> bool:
    if a.precision != "minute" or b.precision != "minute":
        return False
    return bool(_clocks(a) & _clocks(b))


def _clocks(e: TimelineEntry) -> set[tuple[str, ...]]:
    """Hours and minutes the line's expressions give ("5:52 p.m." and "5:52" are
    one; an hour alone, "6pm", is too common to tell an event)."""
    out = set()
    for x in e.expressions:
        digits = tuple(re.findall(r"\d+", x or ""))
        if len(digits) >= 2:
            out.add(digits[:2])
    return out


def _other_people(people: Mapping[str, set[str]] | None, a: str, b: str) -> bool:
    pa, pb = (people or {}).get(a), (people or {}).get(b)
    return bool(pa and pb and not pa & pb)


def mark_compact(entries: Sequence[TimelineEntry]) -> None:
    """The default, compact timeline: the story's own events that several
    sources carry (at most COMPACT_MAX, the most carried), or, when fewer than
    COMPACT_MIN are, those and the best-carried line of each date none of them
    gives, up to COMPACT_MIN; the rest on demand.

    One line per date in the fill: lines one source carries are most often
    one event told by several outlets in words the fact join kept apart
    ("A zoo shot and killed a 17-year-old gorilla ..." / "a security team
    killed the gorilla to save the child", four lines of 2016 on one loss of
    contact with Tiangong-1), and the first ones by date filled the default
    with them while the story's other dates waited behind (session 20, read
    on news-clusters; no rule tells one event from two facts of a day at 80 %
    precision, tests/data/timeline_same_event/).

    A line dated by its article's own day is the story's event when the
    text names the day ("A small plane crash Sunday in northwest Costa Rica
    killed 12 people" in Sunday's articles; ``names_publication_day``); the
    generic present ("You can also see who's currently online") stays out,
    and so does such a line one source carries (a quote's "today": "It
    needed some fine-tuning and it got re-programmed today."). Breaking news
    is dated so: session 20 found 81 lines several sources carry (the Morsi
    sentence, the Rhine ship's collision, Palmer's retirement) missing from
    the default."""
    own = [k for k, e in enumerate(entries) if not e.background
           and (not e.restates_publication_date
                or e.names_publication_day and e.n_sources >= 2)]
    ranked = sorted(own, key=lambda k: (-entries[k].n_sources, -len(entries[k].articles), k))
    chosen = [k for k in ranked if entries[k].n_sources >= 2][:COMPACT_MAX]
    dates = {(entries[k].start, entries[k].end) for k in chosen}
    for k in ranked:
        if len(chosen) >= COMPACT_MIN:
            break
        day = (entries[k].start, entries[k].end)
        if day not in dates:  # a line one source carries: its date's first only
            chosen.append(k)
            dates.add(day)
    shown = set(chosen)
    for k, e in enumerate(entries):
        e.compact = k in shown
