"""``extract_times``: candidates, resolution per reference day, merge, TimeRefs."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from veille.analyze.temporal.attach import (
    game_period,
    hangs_on_noun,
    names_a_kind,
    qualifies_noun,
    verb_between,
)
from veille.analyze.temporal.calendar import Resolved, add_months, clamp_day
from veille.analyze.temporal.candidate import Candidate
from veille.analyze.temporal.candidates import fresh, selected, share_years
from veille.analyze.temporal.clock_parts import clocks_in_parts, in_part, says_its_half
from veille.analyze.temporal.compose import compose
from veille.analyze.temporal.fold import fold_same_length, sentence_start
from veille.analyze.temporal.frame import frame_year, opens_sentence, sentence_end
from veille.analyze.temporal.labels import is_label
from veille.analyze.temporal.lexicon import (
    ANCHOR_DAYS,
    DAY_PARTS,
    MODIFIERS,
    NOON_WORDS,
    UNITS,
    alt,
    sense,
    time_words,
    tw,
)
from veille.analyze.temporal.locale_dates import TAGS as LOCALE_TAGS
from veille.analyze.temporal.locale_spans import join_day_clocks
from veille.analyze.temporal.merge import merge, reference_days
from veille.analyze.temporal.quoted import count_from_speaking
from veille.analyze.temporal.range_order import order_month_ranges
from veille.analyze.temporal.resolve import NEEDS_TENSE, RESOLVERS, Ctx, day_free
from veille.analyze.temporal.rules import TAGS
from veille.analyze.temporal.someday import is_someday
from veille.analyze.temporal.telling import telling_day
from veille.analyze.temporal.tense import (
    guess_tense,
    is_deadline,
    is_since,
    parse_tense,
    scheduled,
)
from veille.core.model import DateRange, Sentence, TimeRef
from veille.lang import language_data
from veille.lang.time_words import TimeWords

#: a clock time followed by one of these takes its day ("Vers 0 h 40, jeudi, ...")
_CLOCK_KINDS = ("clock", "clock_ampm", "noon")
#: a social post's handle, then at most a short word ("on"), right before its date
_SIGNATURE = re.compile(r"\(@\w{1,30}\)\s*(?:[^\W\d]{1,3}\s+)?$")
_SIGNATURE_CLOCK_GAP = re.compile(r",?\s*(?:[^\W\d]{1,3}\s+)?")
_DAY_KINDS = ("weekday", "day_month", "month_day", "relative_day", "numeric_date")
#: a part of a day named with it ("last night", "this morning") gives a clock time told
#: right before it its day too ("at around 10.30pm last night" was the paper's day)
_CLOCK_DAYS = (*_DAY_KINDS, "this_part")
#: between a clock time and the day it takes: spaces, a comma, a time zone ("5 p.m. EST
#: Nov. 9", "10:32 GMT, Tuesday"), the time restated in brackets ("10:35 a.m. (0735 GMT)
#: Friday")
_CLOCK_DAY_GAP = re.compile(r"[\s,]{0,3}(?:[A-Z]{2,4}\b[\s,]{0,3})?"
                            r"(?:\(\s*\d[\w.: ]{0,16}\)[\s,]{0,3})?"
                            rf"(?:(?:{alt(tw(lambda t: t.local_time_words))})[\s,]{{1,3}})?"
                            rf"(?:(?:{alt([*tw(lambda t: t.date_leads), 'le'])})\s+)?")
#: between a clock time and its day in one expression: spaces, or a time zone ("9 a.m. EST
#: Tuesday", "5 p.m. EST, Nov. 6"); a bare comma ("Vers 0 h 40, jeudi") keeps two
_CLOCK_JOIN_GAP = re.compile(r"\s+(?:[A-Z]{2,4},?\s+)?")
#: between the two clock times of a range ("de 15h30 à 17h55", "from 3 to 5 p.m.")
_CLOCK_RANGE_GAP = re.compile(
    rf"\s*(?:-|{alt(tw(lambda t: t.range_joiners))})\s*")
#: between a day and the midnight that ends it ("Friday at midnight", "vendredi, à minuit")
_DAY_MIDNIGHT_GAP = re.compile(r"[\s,]{1,3}")
#: how far back (characters, across a paragraph break) a clock time takes the day named
_CLOCK_ANCHOR_REACH = 300
#: granularities of a "period" a later "a year earlier" compares with
_PERIODS = ("day", "month", "quarter", "year")
#: nouns of a stretch of time a holiday complement dates ("la veille de Noël")
_TIME_HEADS = frozenset({*UNITS, *DAY_PARTS, *ANCHOR_DAYS,
                         *tw(lambda t: t.holiday_time_heads)})
#: kinds counted from the telling ("next year", "two weeks ago"): they do not move the
#: story to a new date for "the following year", "le mois précédent"
_TELLING_RELATIVE = frozenset({"relative_unit", "ago", "year_ago", "relative_day",
                               "relative_quarter", "reference", "period_part",
                               "period_part_short", "this_part", "vague_duration", "unit_end"})


def _ends_named_day(cands: Sequence[Candidate], i: int, day_after: bool, text: str) -> bool:
    """A midnight told with its day ("midnight Friday", "Friday at midnight") ends that
    day: TimeML's T24:00, not the T00:00 that begins it (the deadline that "expires at
    midnight Friday" runs through Friday; news style books say the same)."""
    c = cands[i]
    if c.kind != "noon" or NOON_WORDS.get(c.g.get("nn") or "") != 0:
        return False
    if day_after:
        return True
    prev = cands[i - 1] if i else None
    return (prev is not None and prev.kind in _DAY_KINDS
            and _DAY_MIDNIGHT_GAP.fullmatch(text[prev.end : c.start]) is not None)


#: the small hours a night named before runs into: "Wednesday night ... At 12:47 a.m."
_SMALL_HOURS = re.compile(r"T0[0-4]:")


def _after_midnight(r: Resolved) -> Resolved:
    """A clock of the small hours told after a night is the next day's (the game that
    ended "at 12:47 a.m." after "Wednesday night" ended on Thursday)."""
    if r.start is None or r.value is None or not _SMALL_HOURS.search(r.value):
        return r
    nxt = date.fromordinal(r.start.toordinal() + 1)
    return replace(r, value=nxt.isoformat() + r.value[10:], start=nxt, end=nxt)


_DAY_PART = re.compile(r"\d{4}-\d\d-\d\dT(MO|AF|EV|NI)")


def _in_days_part(r: Resolved | None, c: Candidate, day: Resolved | None, text: str,
                  words: TimeWords | None) -> Resolved | None:
    """"at 9:30 Tuesday night", "vers 9 h 30 mardi soir": a clock that takes the day named
    after it takes that day's part too (it was 09:30), by clock_parts' one rule."""
    part = _DAY_PART.fullmatch(day.value or "") if day is not None else None
    if r is None or r.value is None or part is None or c.g.get("ampm") \
            or says_its_half(text[c.start : c.end]):
        return r
    moved = in_part(r.value, part.group(1), words)
    return r if moved is None else replace(r, value=moved)


def share_afternoon(cands: list[Candidate], folded: str) -> None:
    """"from 1:30 to 4:00 p.m.", "between 1:30 and 4:00 p.m.": the range's "p.m." is its
    start's too, when that keeps the start before the end (not "from 11:00 to 1 p.m.")."""
    for a, b in zip(cands, cands[1:], strict=False):
        if (a.kind != "clock_ampm" or not a.g.get("h2") or a.g.get("ampm")
                or b.kind != "clock_ampm"
                or not _CLOCK_RANGE_GAP.fullmatch(folded[a.end : b.start])):
            continue
        end_ampm = (b.g.get("ampm") or "").replace(".", "")
        end_h = int(b.g.get("h") or b.g.get("h2") or 0)
        start_h = int(a.g["h2"] or 0)
        if end_ampm == "pm" and end_h < 12 and 1 <= start_h < 12 and start_h < end_h:
            a.g = dict(a.g, ampm="pm")


def sentence_index(sentences: list[Sentence], offset: int, starts: list[int] | None = None) -> int:
    """``starts`` (the sentences' start offsets) can be passed by callers asking for many
    offsets, so it is built once rather than once per expression."""
    if not sentences:
        return 0
    if starts is None:
        starts = [s.start for s in sentences]
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0:
        return sentences[0].index
    return sentences[i].index


#: kinds whose year is read from the telling day: in a clause told an amount earlier
#: ("two years after ... during New Year's Eve") they are read from that earlier day
_CLAUSE_KINDS = frozenset({"holiday", "month", "day_month", "month_day", "season"})
_AMOUNT_BACK = re.compile(r"P(\d{1,3})([YM])")


def _clause_told_before(r: Resolved, c: Candidate, nxt: Candidate | None, folded: str,
                        words: TimeWords | None) -> int | None:
    """Months back a clause is told from when an amount of years or months opens it
    ("The move comes two years after hundreds of women were assaulted during New Year's
    Eve celebrations in Cologne": that New Year's Eve is two years before the telling,
    not the paper's own). Not when a day follows the link ("two weeks after March 3" is
    counted from that day by compose) or when the sentence named a day or year before
    (it, not the telling, is what the amount is counted from)."""
    if words is None or not words.clause_after_links or c.kind != "duration" \
            or r.type != "DURATION" or r.value is None:
        return None
    m = _AMOUNT_BACK.fullmatch(r.value)
    if m is None:
        return None
    link = re.match(rf"\s+(?:{alt(words.clause_after_links)})\s+", folded[c.end : c.end + 20].lower())
    if link is None or (nxt is not None and nxt.start <= c.end + link.end()):
        return None
    n = int(m.group(1))
    return n * 12 if m.group(2) == "Y" else n


def _sentence_ends(parses: Sequence[tuple[int, Any]]) -> list[int]:
    """The text offsets where the parse pieces end their sentences, sorted."""
    ends: list[int] = []
    for offset, doc in parses:
        try:
            ends.extend(offset + s.end_char for s in doc.sents)
        except ValueError:  # a Doc with no sentence boundaries (no parser)
            continue
    return sorted(ends)


def _doc_chars(doc: Any) -> int:
    """The Doc's length in characters without ``doc.text``, which joins every
    token again on each access (it was most of this module's CPU)."""
    if not len(doc):
        return 0
    last = doc[-1]
    return int(last.idx + len(last.text_with_ws))


def share_weekday_tense(cands: Sequence[Candidate], tenses: list[str | None]) -> None:
    """A bare weekday whose verb says neither way ("during Monday's debate" in a Friday
    paper) takes the tense the article gives the same weekday elsewhere ("since Monday
    night's debate", "At Monday's debate, Clinton cited"): one article seldom names two
    different Mondays by the bare name, and the closer Monday (next one) was wrong."""
    told: dict[str, list[str]] = {}
    bare = []
    for i, c in enumerate(cands):
        if c.kind != "weekday" or c.g.get("rel") or c.g.get("dom") or sense(c.g.get("art")):
            continue  # "last Monday", "lundi 16", "le lundi suivant" say which one
        wd = fold_same_length(c.g.get("wd") or "")
        if tenses[i] in ("past", "future"):
            told.setdefault(wd, []).append(tenses[i] or "")
        else:
            bare.append((i, wd))
    for i, wd in bare:
        votes = told.get(wd, [])
        past, future = votes.count("past"), votes.count("future")
        if past != future:
            tenses[i] = "past" if past > future else "future"


def tense_of(text: str, start: int, end: int, parses: Sequence[tuple[int, Any]],
             cues: Any) -> str | None:
    """The governing verb's tense from the parse piece holding the expression; the
    regex cues (:func:`guess_tense`) when there is no parse or no governing verb."""
    if parses and is_deadline(text, start):
        return "future"
    if parses and is_since(text, start):
        return "past"
    for offset, doc in parses:
        if offset <= start and end <= offset + _doc_chars(doc):
            found = parse_tense(doc, start - offset, end - offset, cues)
            if found is not None:
                return found
            break
    return guess_tense(text, start, end, cues)


def _tense_span(c: Candidate, folded: str, words: Any) -> tuple[int, int]:
    """Where a candidate's tense is read: a day of a list, the whole list; a day a time
    noun hangs on ("la soirée du 3 mars", "la veille de Noël": the pack's
    ``anchor_of_links``), from that noun, which the parse makes the verb's complement
    (the date alone is the noun's complement, which dates a noun "neither way")."""
    whole = c.extra.get("list")
    if isinstance(whole, tuple):
        return whole[0], whole[1]
    if words is not None and words.anchor_of_links:
        lo = max(0, c.start - 40)
        m = re.search(rf"(?<![\w'])(?:{alt([*words.bare_part_articles, *words.anchor_articles])})"
                      rf"\s*(?P<head>[\w-]+)\s+(?:{alt(words.anchor_of_links)})\s*$",
                      folded[lo : c.start].lower())
        if m is not None and m.group("head") in _TIME_HEADS:
            return lo + m.start("head"), c.end
    return c.start, c.end


def _local_day(folded: str, c: Candidate, words: Any) -> bool:
    """A weekday told in the place's own time ("Friday morning local time")."""
    if words is None or not words.local_time_words:
        return False
    after = folded[c.end : c.end + 30].lower()
    return re.match(rf"\s*,?\s*(?:{alt(words.local_time_words)})\b", after) is not None


def _counted_back(c: Candidate, words: TimeWords | None) -> bool:
    """"the year-ago quarter" is counted back from the quarter being reported: it is not
    that quarter, so "The year-ago results" after it are counted from the reported one
    (they were a year before the year-ago quarter)."""
    return (c.kind == "relative_quarter" and words is not None
            and words.quarter_relatives.get(fold_same_length(c.g.get("qrel") or ""), 0) < 0)


def _inside_quarter(r: Resolved, period: Resolved | None) -> bool:
    """"the quarter ended Sept. 30": a day within the quarter named before it dates that
    quarter's end; the quarter stays the period "a year earlier" is counted from."""
    return (r.granularity == "day" and period is not None and period.granularity == "quarter"
            and period.start is not None and period.end is not None and r.start is not None
            and period.start <= r.start <= period.end)


def _scheduled(text: str, c: Candidate, parses: Sequence[tuple[int, Any]], cues: Any) -> bool:
    return _scheduled_at(c.start, c.end, parses, cues)


def _scheduled_at(start: int, end: int, parses: Sequence[tuple[int, Any]], cues: Any) -> bool:
    for offset, doc in parses:
        if offset <= start and end <= offset + _doc_chars(doc):
            return scheduled(doc, start - offset, end - offset, cues)
    return False


def _story_determiner(folded: str, c: Candidate, words: Any) -> bool:
    """A demonstrative ("that", up to two adjectives before the name) points back to the
    occasion the story told of, not to the one nearest the paper's date."""
    if words is None or not words.anchor_needs_story:
        return False
    before = folded[max(0, c.start - 40) : c.start].lower()
    return re.search(rf"\b(?:{alt(words.anchor_needs_story)})\s+(?:[a-z-]+\s+){{0,2}}$",
                     before) is not None


def _of_word(lead: str | None) -> str | None:
    """"the end of" (1994): the word that is a TimeML mod."""
    return next((w for w in (lead or "").split() if w in MODIFIERS), None)


def _alone_on_line(text: str, c: Candidate) -> bool:
    lo = text.rfind("\n", 0, c.start) + 1
    hi = text.find("\n", c.end)
    if not text[lo : c.start].strip(" \t_-*#") and not text[
            c.end : hi if hi >= 0 else len(text)].strip(" \t:_-*"):
        return True
    # a live blog's entry heading run into the text: "... without a trace.\" 11.04am -
    # UPDATE - Losses down to $488" (a clock opening its sentence, then a dash)
    opens = not text[lo : c.start].strip() or _SENTENCE_END.search(text, max(lo, c.start - 3),
                                                                  c.start) is not None
    return opens and _ENTRY_DASH.match(text, c.end) is not None


_SENTENCE_END = re.compile(r"[.!?\"”]\s+$")
_ENTRY_DASH = re.compile(r"\s+[-–—]\s")


def extract_times(
    text: str, sentences: list[Sentence], ref: DateRange, language: str | None,
    parses: Sequence[tuple[int, Any]] = (),
) -> list[TimeRef]:
    """Time expressions of ``text`` resolved against ``ref`` at its own precision.

    ``language`` picks the words (its pack in ``veille.lang``); a language
    with no time words gets only numeric dates (12.05.2023, 2023-05-12).
    ``parses`` are the text's spaCy Docs with their offsets (the analysis'
    pieces): the tense of the verb governing an expression comes from them.
    Never raises on odd input: a resolver that fails on one expression drops
    that expression only.
    """
    if not text:
        return []
    prep = _prepare(text, language, parses)
    out = _resolve(prep, sentences, ref)
    cues = prep.cues
    later = telling_day(out, ref, lambda s, e: tense_of(text, s, e, parses, cues),
                        lambda s, e: _scheduled_at(s, e, parses, cues))
    if later is not None:
        # the text is told on the next day: only the resolution reads the day, so the
        # candidates, their tenses and the parse's answers are kept (they were all redone)
        ref = DateRange(later, later, "day")
        out = _resolve(prep, sentences, ref)
    return count_from_speaking(out, text, ref.start if ref.start == ref.end else None)


@dataclass
class _Prepared:
    """What an extraction reads before any reference day: the candidates, the tense of
    each, and which of them take another's day. None of it depends on the paper's date,
    so a text found to be told on the next day is resolved again from it."""

    text: str
    folded: str
    code: str
    words: TimeWords | None
    cues: Any
    parses: Sequence[tuple[int, Any]]
    cands: list[Candidate]
    tenses: list[str | None]
    lookahead: dict[int, int]
    fixed_kinds: set[int]
    stamps: set[int]
    signed: set[int]
    signed_clock: dict[int, int]
    no_anchor: set[int]
    sentence_ends: list[int]  # where the parse ends its sentences (frame.sentence_end)


def _prepare(text: str, language: str | None,
             parses: Sequence[tuple[int, Any]]) -> _Prepared:
    code = language_data(language).code
    words = time_words(code)
    folded = fold_same_length(text)
    cands = [c for c in (fresh(c) for c in selected(text, code))
             if not is_label(c, parses) and not names_a_kind(c, parses, _TIME_HEADS)
             and not game_period(c, parses, words is not None and words.money_entities,
                                 frozenset(words.game_words) if words is not None else frozenset())]
    share_years(cands, folded)
    for c in cands:
        c.extra["surface"] = text[c.start : c.end]
        if is_someday(c, parses):
            c.g = dict(c.g, someday="1")
        if c.g.get("ahead_if_future") and hangs_on_noun(c, parses):
            # "the first time in 48 years": how long, whatever the verb's tense
            c.g = {k: v for k, v in c.g.items() if k != "ahead_if_future"}
        if c.kind == "holiday" and not c.g.get("year") and _story_determiner(folded, c, words):
            c.g = dict(c.g, story_det="1")  # "that chaotic New Year's Eve in Cologne"
        if c.kind == "relative_day":
            before = folded[max(0, c.start - 3) : c.start]
            after = folded[c.end : c.end + 2]
            c.extra["generic"] = after.startswith(",") and (
                sentence_start(text, c.start) or before.rstrip().endswith(",")
            )
    cues = words.tense if words is not None else None
    tenses = [
        tense_of(text, *_tense_span(c, folded, words), parses, cues)
        if (c.kind in NEEDS_TENSE and (c.kind != "duration" or c.g.get("ahead_if_future")))
        or c.kind in _CLOCK_KINDS
        else None
        for c in cands
    ]
    for i, c in enumerate(cands):
        if c.kind == "weekday" and tenses[i] == "present" and _scheduled(text, c, parses, cues):
            tenses[i] = "future"  # "the vote is on Tuesday": a schedule
        elif c.kind == "weekday" and _local_day(folded, c, words):
            # "confirmed a missile test Friday morning local time" in a Thursday paper:
            # the day is the place's, which may already be tomorrow; the closer such day
            tenses[i] = "present"
    share_weekday_tense(cands, tenses)
    share_afternoon(cands, folded)
    # "Vers 0 h 40, jeudi, ...": a clock time takes the day named right after it
    lookahead = {
        i: i + 1
        for i, c in enumerate(cands[:-1])
        if c.kind in _CLOCK_KINDS
        and cands[i + 1].kind in _CLOCK_DAYS
        and _CLOCK_DAY_GAP.fullmatch(text[c.end : cands[i + 1].start])
    }
    # "de 15h30 à 17h55 le 01/01/2015": the first clock of a range takes the second's day
    for i in range(len(cands) - 2, -1, -1):
        if (i not in lookahead and i + 1 in lookahead and cands[i].kind in _CLOCK_KINDS
                and cands[i + 1].kind in _CLOCK_KINDS
                and _CLOCK_RANGE_GAP.fullmatch(folded[cands[i].end : cands[i + 1].start])):
            lookahead[i] = lookahead[i + 1]
    # resolved once, not once per reference day: their resolvers read neither the day nor
    # the anchor (a year ref has 365 days; "numeric_date" would call dateparser each time)
    fixed_kinds = {i for i, c in enumerate(cands) if day_free(c)}
    stamps = {i for i, c in enumerate(cands) if c.kind in _CLOCK_KINDS and _alone_on_line(text, c)}
    # an embedded post's signature ("— Ed Howlett (@eddiehow124) December 27, 2017", "A
    # post shared by SpaceX (@spacex) on Dec 22, 2017 at 2:57pm PST") dates the post, not
    # the story: it moves no anchor; the clock right after it takes its day
    signed = {i for i, c in enumerate(cands) if _SIGNATURE.search(text[max(0, c.start - 40):c.start])}
    signed_clock = {i + 1: i for i in signed if i + 1 < len(cands)
                    and cands[i + 1].kind in _CLOCK_KINDS
                    and _SIGNATURE_CLOCK_GAP.fullmatch(text[cands[i].end : cands[i + 1].start])}
    # a day that starts a span ("the lowest level since Nov. 13") or qualifies a thing ("a
    # Cubs Halloween plane ride") is not where the story is: the clock told next is not
    # on it
    no_anchor = {i for i, c in enumerate(cands)
                 if (parses and is_since(text, c.start))
                 or (c.kind == "holiday" and qualifies_noun(c, parses))}
    return _Prepared(text, folded, code, words, cues, parses, cands, tenses, lookahead,
                     fixed_kinds, stamps, signed, signed_clock, no_anchor,
                     _sentence_ends(parses) if cands else [])


def _resolve(prep: _Prepared, sentences: list[Sentence], ref: DateRange) -> list[TimeRef]:
    text, folded, code, words = prep.text, prep.folded, prep.code, prep.words
    cands, tenses, lookahead = prep.cands, prep.tenses, prep.lookahead
    fixed_kinds, stamps, signed = prep.fixed_kinds, prep.stamps, prep.signed
    signed_clock, no_anchor = prep.signed_clock, prep.no_anchor
    per_cand: list[list[Resolved | None]] = [[] for _ in cands]
    fixed: dict[int, Resolved | None] = {}
    for day in reference_days(ref):
        anchor = day
        anchor_at = 0
        night = False  # the anchor was named as a night ("Wednesday night", "last night")
        period: Resolved | None = None  # the last period named ("the third quarter")
        story: date | None = None  # where the story is: the last date named by name
        frame: tuple[int, int] | None = None  # a fronted adverbial's year, its sentence end
        # "comes two years after ... during New Year's Eve": the day the clause is told
        # from, and its sentence end
        earlier: tuple[date, int] | None = None
        sentence_dated = -1  # where the sentence of the last day or year named ends
        for i, c in enumerate(cands):
            if frame is not None and c.start >= frame[1]:
                frame = None
            if earlier is not None and c.start >= earlier[1]:
                earlier = None
            if i in fixed:
                r = fixed[i]
            else:
                # a clock time alone on its line is a live blog's time stamp: the
                # paper's day, not the last day its entries named
                # a clock time takes the day named last, unless that day is weeks away
                # from the paper's and paragraphs up (a background date: "the price on
                # Nov. 2 ... shares fell at 9:34 a.m."): then the paper's day
                far = (c.kind in _CLOCK_KINDS and c.start - anchor_at > _CLOCK_ANCHOR_REACH
                       and day is not None and anchor is not None
                       and abs((day - anchor).days) > 7 and "\n" in text[anchor_at : c.start])
                # "the inquiry will begin Monday. ... the alert was received at 12:13 pm": a
                # clock told in the past does not take a day still to come
                far = far or (c.kind in _CLOCK_KINDS and tenses[i] == "past"
                              and day is not None and anchor is not None and anchor > day)
                framed = frame[0] if frame is not None else None
                ctx = Ctx(day, day if i in stamps or far else anchor, tenses[i], code, words,
                          period, story, framed)
                if earlier is not None and c.kind in _CLAUSE_KINDS and not c.g.get("year"):
                    ctx = Ctx(earlier[0], earlier[0], None, code, words, period, story)
                signed_day = per_cand[signed_clock[i]][-1] if i in signed_clock else None
                if signed_day is not None and signed_day.start is not None:
                    ctx = replace(ctx, anchor=signed_day.start)
                try:
                    if i in lookahead:
                        # the day read as it will be read in its own turn (the same
                        # sentence frame, period and story): "In 2008, ... at 9 p.m. on
                        # Dec. 3" is 2008's Dec. 3 for the clock as for the day
                        j = lookahead[i]
                        nxt = RESOLVERS[cands[j].kind](
                            cands[j], Ctx(day, anchor, tenses[j], code, words, period, story,
                                          framed))
                        if nxt is not None and nxt.start is not None and nxt.start == nxt.end:
                            ctx = replace(ctx, anchor=nxt.start)
                    r = RESOLVERS[c.kind](c, ctx)
                    if i in lookahead:
                        r = _in_days_part(r, c, nxt, text, words)
                        if r is not None and nxt is not None and (nxt.value or "").endswith("TNI"):
                            r = _after_midnight(r)  # "at 2 a.m. last night": the next day
                    if r is not None and _ends_named_day(cands, i, i in lookahead, text):
                        r = replace(r, value=(r.value or "")[:-6] + "T24:00")
                    elif (night and r is not None and c.kind in _CLOCK_KINDS
                          and ctx.anchor == anchor and i not in lookahead):
                        r = _after_midnight(r)
                except (ValueError, KeyError, OverflowError, TypeError, AssertionError, IndexError):
                    r = None
                if i in fixed_kinds:
                    fixed[i] = r
            per_cand[i].append(r)
            if (earlier is None and day is not None and r is not None
                    and c.start > sentence_dated):
                back = _clause_told_before(r, c, cands[i + 1] if i + 1 < len(cands) else None,
                                           folded, words)
                # "will step down two years after the election": counted from a day to come
                if back is not None and tense_of(text, c.start, c.end, prep.parses,
                                                 prep.cues) != "future":
                    y, m = add_months(day.year, day.month, -back)
                    told = clamp_day(y, m, day.day) or date(y, m, 28)
                    earlier = (told, sentence_end(text, c.end, prep.sentence_ends))
            if r is not None and r.type == "DATE" and r.start is not None:
                sentence_dated = sentence_end(text, c.end, prep.sentence_ends)
            if frame is None and opens_sentence(text, c.start) \
                    and (year := frame_year(r, day, text[c.start:c.end])) is not None:
                frame = (year, sentence_end(text, c.end, prep.sentence_ends))
            if i in signed or i in signed_clock or i in no_anchor:
                continue
            if (
                r is not None
                and r.type in ("DATE", "TIME")
                and r.start is not None
                and r.start == r.end
                and r.value not in ("PRESENT_REF",)
            ):
                anchor, anchor_at = r.start, c.end
                night = (r.value or "").endswith("TNI")
            if (r is not None and r.type == "DATE" and r.granularity in _PERIODS
                    and c.kind not in ("ago", "year_ago", "locale_ago", "locale_compound")
                    and not _counted_back(c, words)
                    and not _inside_quarter(r, period)):
                period = r
            if (r is not None and r.type == "DATE" and r.start is not None
                    and c.kind not in _TELLING_RELATIVE):
                story = r.start
    out: list[TimeRef] = []
    sent_starts = [s.start for s in sentences]
    # "at 10 p.m. Wednesday": one expression where the language writes it so (English
    # TimeML); the clock has already taken the weekday's day above
    joined = {
        j: i for i, j in lookahead.items()
        if words is not None and words.clock_day_one_expression
        and cands[j].kind in _DAY_KINDS  # "at 8:30 this evening" stays two
        and _CLOCK_JOIN_GAP.fullmatch(text[cands[i].end : cands[j].start])
    }
    ends = {i: cands[j].end for j, i in joined.items()}
    for k, (c, results) in enumerate(zip(cands, per_cand, strict=True)):
        if k in joined and merge(per_cand[joined[k]]) is not None:
            continue
        r = merge(results)
        if r is None:
            continue
        if k in ends:
            c = Candidate(c.start, ends[k], c.kind, c.g, c.prio, c.extra)
        mod_word = fold_same_length(c.g.get("mod") or c.g.get("pmod") or c.g.get("pre")
                                    or c.g.get("near") or _of_word(c.g.get("ppmod")) or "")
        out.append(
            TimeRef(
                text=text[c.start : c.end],
                start=c.start,
                end=c.end,
                sentence=sentence_index(sentences, c.start, sent_starts),
                type=r.type,  # type: ignore[arg-type]
                value=r.value,
                range_start=r.start.isoformat() if r.start else None,
                range_end=r.end.isoformat() if r.end else None,
                granularity=r.granularity,
                method=f"grammar:{TAGS[c.kind]}" if c.kind in TAGS
                else f"dateparser:{LOCALE_TAGS[c.kind]}",
                mod=MODIFIERS.get(mod_word.strip()),
            )
        )
    out = compose(clocks_in_parts(order_month_ranges(out, folded, words), text, words),
                  text, words, lambda s, e: verb_between(prep.parses, s, e))
    return out if words is not None else join_day_clocks(out, text, code)
