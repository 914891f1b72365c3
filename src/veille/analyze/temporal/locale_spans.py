"""Durations, clock times, parts of the day and "now" in languages with no time grammar.

:mod:`locale_dates` gives German, Spanish, Italian, Portuguese, Dutch, Polish
and Russian their calendar dates; this module gives them the rest of what a
reader marks as a time: "neun Jahre", "zwei Minuten und elf Sekunden", "12
años", "da 34 anni" (durations), "17.45 Uhr", "a las 10", "alle 15"
(clocks), "Montagabend", "am Abend", "por la noche" (parts of the day),
"jetzt", "ahora", "derzeit" (the present).

Where the words come from: the time units ("Jahre", "años", "anni"), the
words for "now" and for "this / last / next year" are dateparser's locale
data (the library's own locale files); spelled numbers are read by text2num
("zwei", "veinticinco", "trentaquattro"); what neither says (the words that
lead a clock or a part of the day, the few present-time adverbs, how an age
is written) is in :mod:`veille.lang.time_locales`. Values follow TimeML as
the grammars' do (P9Y, PT2M11S, XXXX-XX-XXTEV, PRESENT_REF).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from veille.analyze.temporal.adjacent import join_adjacent
from veille.analyze.temporal.calendar import (
    Resolved,
    add_months,
    day_res,
    decade_res,
    duration_value,
    month_res,
    nearest_weekday,
    quarter_res,
    week_res,
    year_res,
)
from veille.analyze.temporal.candidate import Candidate
from veille.analyze.temporal.lexicon import alt
from veille.analyze.temporal.locale_words import relative_words, unit_forms, weekday_words
from veille.analyze.temporal.locale_words import span_words as _locale
from veille.analyze.temporal.page_labels import in_page_label
from veille.core.model import TimeRef
from veille.lang.time_locales import LocaleTime, locale_time

#: the method tags of the kinds below (``TimeRef.method == "dateparser:<tag>"``)
TAGS = {"locale_duration": "dur", "locale_clock": "clock", "locale_part": "part",
        "locale_now": "now", "locale_relative_unit": "relu", "locale_ago": "ago",
        "locale_vague": "vague", "locale_frequency": "freq", "locale_season": "season",
        "locale_compound": "compound", "locale_ordinal_period": "ordq",
        "locale_unit_adjective": "unitadj", "locale_every": "every",
        "locale_new_year": "newyear", "locale_decade": "decade"}

_ORDER = ("CE", "DE", "Y", "Q", "M", "W", "D", "H", "MIN", "S")
#: a number as digits, with a thousands mark ("3.000") or a decimal ("1,5")
_DIGITS = r"\d{1,3}(?:[.\u00a0]\d{3})+|\d+(?:[.,]\d+)?"


def _alt(words: tuple[str, ...] | list[str]) -> str:
    """The lexicon's longest-first alternatives, an apostrophe matching both its
    forms ("quest'anno", "quest’anno")."""
    return alt(re.escape(w).replace("'", "['’]") for w in sorted(words, key=len, reverse=True))


class _Checks(NamedTuple):
    """The context tests of a language's spans, compiled once (None: the pack
    says nothing, so the test never applies)."""

    every: re.Pattern[str] | None  # "ogni" before a duration
    one_lead: re.Pattern[str] | None  # "durante" before "un año"
    one_follow: re.Pattern[str] | None  # "después" after it
    age_after: re.Pattern[str] | None
    age_before: re.Pattern[str] | None
    age_noun: re.Pattern[str] | None
    age_of: re.Pattern[str] | None
    clock_word_after: re.Pattern[str]
    now_blocked: re.Pattern[str] | None
    now_before: re.Pattern[str] | None  # "al momento della rapina": the time of
    frequency_noun: re.Pattern[str] | None  # "il settimanale": a weekly paper
    per_before: re.Pattern[str] | None  # "al giorno d'oggi": nowadays


@lru_cache(maxsize=16)
def _checks(code: str) -> _Checks:
    lt = locale_time(code)
    assert lt is not None

    def rx(words: tuple[str, ...], pattern: str) -> re.Pattern[str] | None:
        return re.compile(pattern.format(_alt(words)), re.IGNORECASE) if words else None

    return _Checks(
        every=rx(lt.every_words, r"(?<!\w){}\s+$"),
        one_lead=rx(lt.one_leads, r"(?<!\w){}\s+$"),
        one_follow=rx(lt.one_follows, r"^\s*{}(?!\w)"),
        age_after=rx(lt.age_after, r"^\s*{}(?!\w)"),
        age_before=rx(lt.age_before, r"(?<!\w){}\s*$"),
        age_noun=rx(lt.age_nouns, r"(?<!\w){}(?!\w)(?:\W+\w+){{0,4}}\W*$"),
        age_of=(re.compile(rf"(?P<w>[^\W\d_]+)[\s,]+{_alt(lt.age_of)}\s*$")
                if lt.age_of else None),
        clock_word_after=re.compile(rf"^\s+{_alt(lt.clock_units)}(?!\w)", re.IGNORECASE),
        now_blocked=re.compile(lt.now_not_after, re.IGNORECASE) if lt.now_not_after else None,
        now_before=re.compile(lt.now_not_before, re.IGNORECASE) if lt.now_not_before else None,
        frequency_noun=(re.compile(lt.frequency_not_after, re.IGNORECASE)
                        if lt.frequency_not_after else None),
        per_before=re.compile(lt.per_not_before, re.IGNORECASE) if lt.per_not_before else None,
    )


def _number(word: str, lt: LocaleTime) -> float | None:
    """The amount a number word or figure says, or None."""
    w = word.lower().rstrip("'’")
    said = _counted(lt.code).get(" ".join(w.replace("’", "'").split()))
    if said is not None:
        return said
    if w in lt.one_words:
        return 1.0
    if w in lt.half_words:
        return lt.half_words[w]
    if lt.half_suffix and w.endswith(lt.half_suffix) and len(w) > len(lt.half_suffix):
        whole = _number(w[: -len(lt.half_suffix)], lt)  # "sechs|einhalb", "ein|einhalb"
        return whole + 0.5 if whole is not None else None
    if w[:1].isdigit():
        if re.fullmatch(r"\d{1,3}(?:[.\u00a0]\d{3})+", w):
            return float(re.sub(r"\D", "", w))
        return float(w.replace(",", "."))
    if lt.code not in _TEXT2NUM:
        return None
    from text_to_num import text2num  # lazy: only texts in these languages need it

    try:
        n = float(text2num(w, lt.code))
    except ValueError:
        return None
    # text2num reads "unos" / "unas" ("some") as one: only the language's own
    # words for one count one
    return None if n == 1 else n


@lru_cache(maxsize=16)
def _counted(code: str) -> dict[str, float]:
    """The pack's amounts of several words as :func:`_number` sees them: lower case,
    one space, no apostrophe at the end ("un paio d'" -> "un paio d")."""
    lt = locale_time(code)
    assert lt is not None
    return {" ".join(k.lower().rstrip("'").split()): v for k, v in lt.counted_amounts.items()}


#: the languages text2num reads spelled numbers in
_TEXT2NUM = frozenset({"de", "es", "it", "pt", "nl", "fr", "en"})


@lru_cache(maxsize=16)
def _rules(code: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    lt = locale_time(code)
    assert lt is not None
    words = _locale(code)
    units, now, rel = words.units, words.now, words.relative
    b, e = r"(?<!\w)", r"(?!\w)"
    # a figure, one word (checked by _number) or an amount of several ("un paio d'")
    said = f"{_alt(list(lt.counted_amounts))}|" if lt.counted_amounts else ""
    num = rf"(?:{said}{_DIGITS}|[^\W\d_]+['’]?)"
    unit = _alt(list(units))
    def one(i: int) -> str:  # "un'ora": an elided article takes no space
        return rf"(?P<n{i}>{num})(?:\s+|(?<=['’]))(?P<u{i}>{unit}){e}"

    joiner = _alt(lt.list_joiners) if lt.list_joiners else "(?!)"
    # "hora y media" but not "dos años y media hora"
    half = (rf"(?:\s+(?P<half>{_alt(lt.half_after)}){e}(?!\s+{unit}{e}))?"
            if lt.half_after else "")
    duration = (rf"{b}{one(1)}{half}(?:\s+{joiner}\s+{one(2)})?"
                rf"|{b}(?P<lo>\d+)\s*[-–]\s*(?P<n3>\d+)\s+(?P<u3>{unit}){e}")
    out: list[tuple[str, re.Pattern[str]]] = []
    if lt.age_before or lt.age_of:
        # only where the pack says how an age is written: "45 anos" in a language
        # without would be a duration of every person's age
        out.append(("locale_duration", re.compile(duration, re.IGNORECASE)))
    hh = r"(?P<h>[012]?\d)(?:[.:h](?P<mi>[0-5]\d))?"
    ampm = r"(?:\s*(?P<ap>[ap])\.?\s?m\.?(?!\w))?"
    tail = rf"(?:\s*{_alt(lt.clock_units)}{e})?" if lt.clock_units else ""
    # "a las 3 de la tarde", "um 8 Uhr abends": the half of the day the hour is in
    def after(i: int) -> str:
        return (rf"(?:\s+(?P<cp{i}>{_alt(list(lt.clock_parts_after))}){e})?"
                if lt.clock_parts_after else "")

    # a clock after its lead ("a las 10", "alle 15.30"), one with minutes before a
    # clock word ("18:30 horas"), or an hour alone before one where the word is
    # only said of clocks ("17 Uhr"); "6:00 p.m." anywhere
    # "6:00 p.m.", and the hour alone when both dots are written ("8 a. m.", not "5 am")
    clock = [rf"{b}(?P<h2>[012]?\d)(?:[:.](?P<mi2>[0-5]\d))?\s?(?P<ap2>[ap])\.\s?m\."]
    if lt.clock_leads:
        clock.append(rf"{b}{_alt(lt.clock_leads)}\s+{hh}{ampm}{tail}(?![\d.,:]\d|\w){after(1)}")
    if lt.clock_units:
        alone = "?" if lt.clock_unit_alone else ""
        clock.append(rf"{b}(?P<h3>[012]?\d)(?:[.:h](?P<mi3>[0-5]\d)){alone}\s*"
                     rf"{_alt(lt.clock_units)}{e}{after(2)}")
        if lt.clock_unit_alone and lt.range_joiners:
            # "von 16 bis 18 Uhr", "zwischen 16 und 18 Uhr": the first end is a clock too
            clock.append(rf"{b}(?P<h5>[012]?\d)(?:[.:](?P<mi5>[0-5]\d))?(?=\s+"
                         rf"{_alt(lt.range_joiners)}\s+[012]?\d(?:[.:][0-5]\d)?\s*"
                         rf"{_alt(lt.clock_units)}{e})")
    linked = [k for k in lt.clock_parts_after if " " in k]
    if linked:
        # "de 8 de la mañana a 9 de la noche": the part of the day, linked by its
        # preposition, makes the hour a clock (a bare adverb does not: "3 früh verstorbene")
        clock.append(rf"{b}(?P<h4>[012]?\d)(?:[:.](?P<mi4>[0-5]\d))?\s+"
                     rf"(?P<cp3>{_alt(linked)}){e}")
    out.append(("locale_clock", re.compile("|".join(clock), re.IGNORECASE)))
    if lt.day_parts:
        part = _alt(list(lt.day_parts))
        forms = [rf"{b}(?:{_alt(lt.part_leads)})\s+(?P<part>{part}){e}"] if lt.part_leads else []
        wd = _alt(list(weekday_words(code)))
        if lt.weekday_part_compounds:  # "Montagabend"
            forms.append(rf"{b}(?P<wd>{wd})(?P<part2>{part}){e}")
        else:  # "martedì sera", "el lunes por la noche"
            lead = rf"(?:{_alt(lt.part_leads)}\s+)?" if lt.part_leads else ""
            forms.insert(0, rf"{b}(?P<wd>{wd})\s+{lead}(?P<part2>{part}){e}")
        if forms:
            out.append(("locale_part", re.compile("|".join(forms), re.IGNORECASE)))
    now_words = [*now, *lt.now_words]
    if now_words:
        out.append(("locale_now", re.compile(rf"{b}(?P<now>{_alt(now_words)}){e}",
                                             re.IGNORECASE)))
    if rel:
        out.append(("locale_relative_unit",
                    re.compile(rf"{b}(?P<rel>{_alt(list(rel))}){e}", re.IGNORECASE)))
    out.extend(_more_rules(code, lt, units))
    if words.ago_before or words.ago_after:
        n_unit = rf"(?P<n>{num})\s+(?P<u>{unit})"
        fill = rf"(?:{_alt(lt.ago_fillers)}\s+)?" if lt.ago_fillers else ""
        forms = [rf"{b}{_alt(words.ago_before)}\s+{fill}{n_unit}{e}"] if words.ago_before else []
        if words.ago_after:
            forms.append(rf"{b}{n_unit}\s+{_alt(words.ago_after)}{e}")
        out.append(("locale_ago", re.compile("|".join(forms), re.IGNORECASE)))
    return tuple(out)


def _plural_units(code: str, lt: LocaleTime) -> dict[str, str]:
    """CLDR's plural unit words, with the pack's extra endings ("Jahrzehnten") and units."""
    plural = dict(unit_forms(code).plural)
    for w, u in list(plural.items()):
        for ending in lt.plural_endings:
            if not w.endswith(ending):
                plural.setdefault(w + ending, u)
    plural.update(lt.extra_plural_units)
    return plural


def _relative_modifiers(code: str, lt: LocaleTime) -> dict[str, int]:
    return {**relative_words(code).modifiers, **lt.relative_modifiers}


def _more_rules(code: str, lt: LocaleTime,
                units: dict[str, str]) -> list[tuple[str, re.Pattern[str]]]:
    """Relative units in both orders, spans of unsaid length, how-often words and seasons."""
    b, e = r"(?<!\w)", r"(?!\w)"
    out: list[tuple[str, re.Pattern[str]]] = []
    forms = unit_forms(code)
    mods = _relative_modifiers(code, lt)
    # "im vergangenen Jahr", "Ende letzten Jahres", "lo scorso anno", "quest'estate": a
    # modifier glued by an apostrophe takes no space
    gap = r"(?:\s+|(?<=['’]))"
    if mods:
        singular = [w for w, u in forms.singular.items() if u in ("Y", "Q", "M", "W")]
        singular += [w + x for w in singular for x in lt.genitive_endings]
        mod, unit = _alt(list(mods)), _alt(singular)  # "im vergangenen Quartal" too
        forms_rel = [rf"{b}(?P<rm>{mod}){gap}(?P<ru>{unit}){e}"]
        if relative_words(code).after_unit:
            forms_rel.append(rf"{b}(?P<ru2>{unit})\s+(?P<rm2>{mod}){e}")
        out.append(("locale_relative_unit", re.compile("|".join(forms_rel), re.IGNORECASE)))
    plural = _plural_units(code, lt)
    if plural and (lt.span_modifiers or lt.vague_amounts or lt.bare_span_leads):
        vague = []
        if lt.span_modifiers:
            vague.append(rf"{b}(?P<vmod>{_alt(lt.span_modifiers)})\s+(?P<vu>{_alt(list(plural))}){e}")
        if lt.vague_amounts:
            # "alcuni giorni", "qualche anno": after a vague amount any form of the unit
            any_unit = _alt([*plural, *forms.singular])
            vague.append(rf"{b}(?P<vamt>{_alt(lt.vague_amounts)})\s+(?P<vu2>{any_unit}){e}")
        if lt.bare_span_leads:
            vague.append(rf"{b}(?:{_alt(lt.bare_span_leads)})\s+(?P<span>(?P<vu3>"
                         rf"{_alt(list(plural))})){e}(?!\s+\d)")
        out.append(("locale_vague", re.compile("|".join(vague), re.IGNORECASE)))
    freq = []
    if lt.frequency_stems:
        freq.append(rf"{b}(?P<fstem>{_alt(list(lt.frequency_stems))}){lt.frequency_endings}{e}")
    if forms.per and lt.per_units:
        freq.append(rf"{b}(?P<per>{_alt(list(forms.per))}){e}")
    if freq:
        out.append(("locale_frequency", re.compile("|".join(freq), re.IGNORECASE)))
    stems = [w for w, u in forms.singular.items() if u in ("Y", "Q", "M", "W", "D")]
    if stems and (lt.previous_prefixes or lt.unit_parts):
        glued = [rf"{b}(?P<prev>{_alt(lt.previous_prefixes)})(?P<cu>{_alt(stems)})"
                 rf"(?:{_alt(lt.genitive_endings)})?{e}"] if lt.previous_prefixes else []
        if lt.unit_parts:
            linked = [w + x for w in stems if forms.singular[w] != "D"
                      for x in ("", *lt.genitive_endings, *lt.plural_endings)]
            glued.append(rf"{b}(?P<cu2>{_alt(linked)})(?P<part>{_alt(list(lt.unit_parts))}){e}")
        out.append(("locale_compound", re.compile("|".join(glued), re.IGNORECASE)))
    quarters = [w + x for w, u in forms.singular.items() if u == "Q"
                for x in ("", *lt.genitive_endings)]
    if lt.ordinals and (quarters or lt.half_year_words):
        # "im dritten Quartal 2019", "il secondo semestre", "el tercer trimestre de 2019"
        out.append(("locale_ordinal_period", re.compile(
            rf"{b}(?P<ord>{_alt(list(lt.ordinals))})(?:{lt.ordinal_endings}){e}\s+"
            rf"(?:(?P<oq>{_alt(quarters or ['(?!)'])})|(?P<oh>{_alt(lt.half_year_words or ('(?!)',))})){e}"
            rf"(?:\s+(?:[^\W\d_]{{1,3}}\s+)?(?P<oy>(?:19|20)\d\d)(?!\d))?", re.IGNORECASE)))
    if lt.every_words or lt.every_plural_leads:
        # "ogni anno", "cada día", "jedes Jahr", "todos los días": every one of the unit
        forms_every = []
        if lt.every_words:
            forms_every.append(rf"{b}(?:{_alt(lt.every_words)})\s+"
                               rf"(?P<eu>{_alt(list(forms.singular))}){e}")
        if lt.every_plural_leads and plural:
            forms_every.append(rf"{b}(?:{_alt(lt.every_plural_leads)})\s+"
                               rf"(?P<eu2>{_alt(list(plural))}){e}")
        out.append(("locale_every", re.compile("|".join(forms_every), re.IGNORECASE)))
    for form in lt.decades:  # one pattern each: their groups share names
        out.append(("locale_decade", re.compile(rf"{b}{form}{e}", re.IGNORECASE)))
    if lt.new_year_words:
        out.append(("locale_new_year", re.compile(
            rf"{b}(?:{_alt(lt.new_year_words)}){e}(?:\s+(?P<nyy>(?:19|20)\d\d)(?!\d))?",
            re.IGNORECASE)))
    if lt.unit_adjectives:
        # "127-minütigen", "zweistündigen": the amount glued before, read by _number
        out.append(("locale_unit_adjective", re.compile(
            rf"{b}(?P<an>\d+(?:[.,]\d+)?-|[^\W\d_]+?)(?P<au>{_alt(list(lt.unit_adjectives))})"
            rf"(?:{lt.unit_adjective_endings}){e}", re.IGNORECASE)))
    if lt.seasons:
        season = "|".join(re.escape(w) for w in sorted(lt.seasons, key=len, reverse=True))
        flags = 0 if any(w[:1].isupper() for w in lt.seasons) else re.IGNORECASE
        mod = rf"(?i:{_alt(list(mods))})" if mods else "(?!)"
        # "im Frühjahr vergangenen Jahres": the year's genitive after the modifier
        year_of = _alt([w + x for w, u in forms.singular.items() if u == "Y"
                        for x in lt.genitive_endings] or ["(?!)"])
        out.append(("locale_season", re.compile(
            rf"{b}(?:(?P<sm>{mod}){gap})?(?P<season>{season}){e}"
            rf"(?:\s+(?P<sm2>{mod}){e}(?:\s+(?i:{year_of}){e})?"
            # "im Sommer 2019", "el verano de 2019", "l'estate del 2019": that year's
            rf"|\s+(?:[^\W\d_]{{1,3}}\s+)?(?P<sy>(?:19|20)\d\d)(?!\d))?", flags)))
    return out


def span_candidates(text: str, lt: LocaleTime) -> list[Candidate]:
    """Every match of the rules above that reads as a time (overlaps included)."""
    out: list[Candidate] = []
    units = _locale(lt.code).units
    checks = _checks(lt.code)
    for kind, rx in _rules(lt.code):
        for m in rx.finditer(text):
            g: dict[str, str | None] = dict(m.groupdict(), lang=lt.code)
            s, e = m.span("span") if g.get("span") is not None else m.span()
            before, after = text[max(0, s - 40):s], text[e:e + 30]
            if kind == "locale_duration":
                if g.get("lo") is None and not _durations_read(g, lt, units):
                    continue
                if (g.get("n1") or "").lower() in lt.one_words \
                        and not _one_counts(before, after, checks):
                    continue  # "no ha sido un año fácil": a year, not how long
                if checks.every is not None and checks.every.search(before):
                    g["every"] = "1"
                if _is_age(g, before, after, checks, units, lt):
                    continue
            elif kind == "locale_vague" and g.get("vamt"):
                # "pochi giorni fa", "hace algunos meses", "vor einigen Tagen": some time
                # back, as "a few days ago" is in English and French (PAST_REF)
                words = _locale(lt.code)
                fore = re.search(rf"(?<!\w){_alt(words.ago_before)}\s+$", before,
                                 re.IGNORECASE) if words.ago_before else None
                aft = re.match(rf"\s+{_alt(words.ago_after)}(?!\w)", after,
                               re.IGNORECASE) if words.ago_after else None
                if fore or aft:
                    g["ago"] = "1"
                    s = s - len(fore.group(0)) if fore else s
                    e = e + aft.end() if aft else e
            elif kind == "locale_ago":
                if _number(g.get("n") or "", lt) is None:
                    continue
            elif kind == "locale_clock":
                if int(_clock_part(g, "h") or 99) > 24:
                    continue
                if g.get("h") is not None and g.get("mi") is None and not g.get("ap") \
                        and not g.get("cp1") \
                        and re.match(r"^\s+[^\W\d_]", after) \
                        and not checks.clock_word_after.match(after):
                    continue  # "alle 3 squadre": "to the three teams", no clock
            elif kind == "locale_now" and checks.now_blocked is not None \
                    and checks.now_blocked.search(before):
                continue  # "un'ora": an hour, not "now"
            elif kind == "locale_now" and checks.now_before is not None \
                    and checks.now_before.match(after):
                continue  # "al momento della rapina": the time of, not "now"
            elif kind == "locale_now" and in_page_label(text, s, e):
                continue  # "Jetzt teilen:": a share button's label
            elif kind == "locale_unit_adjective":
                amount = (g.get("an") or "").rstrip("-").lower()
                if amount not in lt.unit_adjective_vague and _number(amount, lt) is None:
                    continue  # "kurzstündig", "ganztägig": no amount
            elif kind == "locale_frequency":
                if g.get("fstem") and checks.frequency_noun is not None \
                        and checks.frequency_noun.search(before):
                    continue  # "il settimanale Der Spiegel": a paper
                if g.get("fstem") and _titled(text, s, e):
                    continue  # "Diario de Sevilla", "según Diario Libre": a paper's name
                if g.get("per") and checks.per_before is not None \
                        and checks.per_before.match(after):
                    continue  # "al giorno d'oggi": nowadays

            prio = {"locale_ago": 1, "locale_clock": 2, "locale_part": 2}.get(kind, 3)
            out.append(Candidate(s, e, kind, g, prio))
    return out


def _clock_part_code(lt: LocaleTime, said: str) -> str:
    folded = " ".join(said.lower().replace("’", "'").split())
    return next((v for k, v in lt.clock_parts_after.items() if k.lower() == folded), "")


def _in_half_of_day(h: int, part: str) -> int:
    """The hour on a 24-hour clock, told by the part of the day said after it: "las 3
    de la tarde" 15, "le 10 di sera" 22, "las 11 de la noche" 23 but "las 2 de la
    noche" 2 (a night runs past midnight), "las 12 del mediodía" 12."""
    if part in ("AF", "EV") and h < 12:
        return h + 12
    if part == "NI" and 6 <= h < 12:
        return h + 12
    if part in ("MO", "NI") and h == 12:
        return 0
    return h


def _titled(text: str, start: int, end: int) -> bool:
    """A capitalised word is part of a name when it is not the first of its sentence or
    a capitalised word follows it (after a "de"): "según Diario Libre", "Diario de
    Sevilla"; "Anualmente, la empresa ..." opens a sentence."""
    if not text[start:start + 1].isupper():
        return False
    if not re.search(r"(?:^|[.!?:;]\s*|\n\s*|[«\"“]\s*)$", text[max(0, start - 5):start]):
        return True
    return bool(re.match(r"\s+(?:(?:de|di|del|della|de la)\s+)?[A-ZÀ-Þ]", text[end:end + 20]))


def _clock_part(g: dict[str, str | None], name: str) -> str | None:
    """The hour (``h``) or minutes (``mi``) of whichever clock form matched."""
    return next((v for v in (g.get(name + k) for k in ("", "2", "3", "4", "5")) if v), None)


def _one_counts(before: str, after: str, checks: _Checks) -> bool:
    """"un año" is a length of time after a word that measures one ("durante casi un
    año", "noch ungefähr eine Minute", "después de un mes") or before one that says
    it passed ("un día después"); elsewhere it is a year, a day ("un año fácil")."""
    if checks.one_lead is not None and checks.one_lead.search(before):
        return True
    return bool(checks.one_follow is not None and checks.one_follow.match(after))


def _durations_read(g: dict[str, str | None], lt: LocaleTime, units: dict[str, str]) -> bool:
    """Each amount of a duration is a number ("zwei", "12", "eine"); the second unit is
    smaller than the first ("zwei Minuten und elf Sekunden", not "drei Jahre und zwei")."""
    if _number(g.get("n1") or "", lt) is None:
        return False
    if g.get("n2") is not None:
        if _number(g.get("n2") or "", lt) is None:
            return False
        u1, u2 = units[(g.get("u1") or "").lower()], units[(g.get("u2") or "").lower()]
        if _ORDER.index(u2) <= _ORDER.index(u1):
            return False
    return True


def _is_age(g: dict[str, str | None], before: str, after: str, checks: _Checks,
            units: dict[str, str], lt: LocaleTime) -> bool:
    """"tiene 31 años", "Billy Enríquez de 41 años", "l'uomo di 70 anni", "Poppy, 17
    anni," are ages: they describe a person, not the time of an event."""
    u = units.get((g.get("u1") or g.get("u3") or "").lower())
    if u != "Y" or checks.age_before is None and checks.age_after is None:
        return False
    if checks.age_after is not None and checks.age_after.match(after):
        return True
    if checks.age_before is not None and checks.age_before.search(before):
        return True
    if checks.age_noun is not None and checks.age_noun.search(before):
        return True  # "di età pari o superiore a 65 anni": the age noun a few words before
    if re.search(r"[A-ZÀ-Þ][\w'-]*,\s*$", before) and re.match(r"^\s*[,)]", after):
        return True  # "Poppy, 17 anni,": an apposition after a name
    if checks.age_of is not None:
        m = checks.age_of.search(before)
        if m and m.group("w").lower() not in lt.age_of_not_after:
            # "de 41 años" after a name or a noun; "más de 12 años", "después de un mes"
            # are durations
            return True
    return False


def resolve_span(c: Candidate, day: date | None, anchor: date | None,
                 period: tuple[date, str] | None = None) -> Resolved | None:
    """``day``: the reference day (or None); ``anchor``: the day the text named last;
    ``period``: the first day and granularity of the last period it named."""
    lt = locale_time(c.g.get("lang"))
    if lt is None:
        return None
    words = _locale(lt.code)
    units, rel = words.units, words.relative
    g = c.g
    if c.kind == "locale_duration":
        if g.get("lo") is not None:
            return Resolved("DURATION", None, None, None, "duration")  # "3-4 anni"
        u1 = units[(g.get("u1") or "").lower()]
        n1 = _number(g.get("n1") or "", lt)
        if n1 is not None and g.get("half"):  # "due anni e mezzo": P2Y6M
            n1 += 0.5
        value = duration_value(n1, u1)
        if g.get("n2") is not None:
            u2 = units[(g.get("u2") or "").lower()]
            second = duration_value(_number(g.get("n2") or "", lt), u2)
            # "PT2M" + "PT11S" -> "PT2M11S"; "P1Y" + "P6M" -> "P1Y6M"; "P2D" + "PT3H"
            tail = second[2:] if second.startswith("PT") and "T" in value else second[1:]
            value += tail
        if g.get("every"):  # "ogni sei minuti", "cada dos semanas": how often
            return Resolved("SET", value, None, None, "set")
        return Resolved("DURATION", value, None, None, "duration")
    if c.kind == "locale_clock":
        h = int(_clock_part(g, "h") or 0)
        mi = int(_clock_part(g, "mi") or 0)
        if (g.get("ap") or g.get("ap2") or "").lower() == "a" and h == 12:
            h = 0  # "12:16 a.m.": sixteen past midnight
        elif (g.get("ap") or g.get("ap2") or "").lower() == "p" and h < 12:
            h += 12
        part = g.get("cp1") or g.get("cp2") or g.get("cp3")
        if part:
            h = _in_half_of_day(h, _clock_part_code(lt, part))
        if h == 24 and mi == 0:
            h = 0
        if h > 23:
            return None
        suffix = f"T{h:02d}:{mi:02d}"
        base = anchor or day
        if base is None:
            return Resolved("TIME", f"XXXX-XX-XX{suffix}", None, None, "time")
        return day_res(base, "TIME", suffix)
    if c.kind == "locale_part":
        word = (g.get("part") or g.get("part2") or "").lower()
        code = lt.day_parts.get(word)
        if code is None:
            return None
        base = anchor or day
        if g.get("wd"):
            wd = weekday_words(lt.code)[(g.get("wd") or "").lower()]
            if day is None:
                return Resolved("TIME", f"XXXX-WXX-{wd + 1}T{code}", None, None, "day-part")
            base = nearest_weekday(day, wd)
        if base is None:
            return Resolved("TIME", f"XXXX-XX-XXT{code}", None, None, "day-part")
        return Resolved("TIME", f"{base.isoformat()}T{code}", base, base, "day-part")
    if c.kind == "locale_now":
        return Resolved("DATE", "PRESENT_REF", day, day, "day" if day else None)
    if c.kind == "locale_vague" and g.get("ago"):
        return Resolved("DATE", "PAST_REF", None, None, None)
    if c.kind == "locale_vague":
        word = (g.get("vu") or g.get("vu2") or g.get("vu3") or "").lower()
        u = _plural_units(lt.code, lt).get(word) or unit_forms(lt.code).singular.get(word)
        if u is None:
            return None
        return Resolved("DURATION", f"PTX{'M' if u == 'MIN' else u}" if u in ("H", "MIN", "S")
                        else f"PX{u}", None, None, "duration")
    if c.kind == "locale_frequency":
        if g.get("per"):
            u = unit_forms(lt.code).per[(g.get("per") or "").lower()]
            return Resolved("SET", duration_value(1, u), None, None, "set")
        stem = next(k for k in lt.frequency_stems
                    if k.lower() == (g.get("fstem") or "").lower())
        return Resolved("SET", lt.frequency_stems[stem], None, None, "set")
    if c.kind == "locale_decade":
        if g.get("w"):
            start = 1900 + 10 * lt.decade_words.get((g.get("w") or "").lower(), 0)
        else:
            d = int(g.get("d") or 0)
            start = d if d >= 100 else 1900 + d  # "anni '70": of the 1900s
        return decade_res(start)
    if c.kind == "locale_new_year":
        if g.get("nyy"):  # "este nuevo año 2020"
            y = int(g["nyy"] or 0)
            return Resolved("DATE", str(y), date(y, 1, 1), date(y, 12, 31), "year")
        if day is None:
            return Resolved("DATE", None, None, None, "year")
        # in the second half of a year the new one is the next; in the first, this one
        return _shifted(day, 1 if day.month >= 7 else 0, "year")
    if c.kind == "locale_every":
        word = (g.get("eu") or g.get("eu2") or "").lower()
        u = unit_forms(lt.code).singular.get(word) or _plural_units(lt.code, lt).get(word)
        if u is None:
            return None
        return Resolved("SET", duration_value(1, u), None, None, "set")
    if c.kind == "locale_unit_adjective":
        u = next(v for k, v in lt.unit_adjectives.items()
                 if k.lower() == (g.get("au") or "").lower())
        n = _number((g.get("an") or "").rstrip("-"), lt)
        if n is None:  # "mehrwöchig": weeks, how many unsaid
            return Resolved("DURATION", f"PTX{'M' if u == 'MIN' else u}"
                            if u in ("H", "MIN", "S") else f"PX{u}", None, None, "duration")
        return Resolved("DURATION", duration_value(n, u), None, None, "duration")
    if c.kind == "locale_season":
        return _season(c, lt, day)
    if c.kind == "locale_compound":
        return _compound(c, lt, day, anchor, period)
    if c.kind == "locale_ordinal_period":
        return _ordinal_period(c, lt, day, period)
    if c.kind == "locale_relative_unit":
        off, unit = _relative(g, lt, rel)
        if day is None:  # "l'anno scorso" with no date to count from: said, not dated
            return Resolved("DATE", None, None, None, unit)
        return _shifted(day, off, unit)
    if c.kind == "locale_ago":
        n = _number(g.get("n") or "", lt)
        u = units[(g.get("u") or "").lower()]
        if n is None or not n.is_integer() or u in ("H", "MIN", "S"):
            return None
        # "vor zwei Jahrzehnten": counted in years; "tre trimestri fa" in quarters
        n *= {"CE": 100, "DE": 10}.get(u, 1)
        unit = {"CE": "year", "DE": "year", "Y": "year", "Q": "quarter", "M": "month",
                "W": "week", "D": "day"}[u]
        if day is None:
            return Resolved("DATE", None, None, None, unit)
        return _shifted(day, -int(n), unit)
    return None


_UNIT_NAMES = {"Y": "year", "Q": "quarter", "M": "month", "W": "week"}


def _relative(g: dict[str, str | None], lt: LocaleTime,
              rel: dict[str, tuple[int, str]]) -> tuple[int, str]:
    """(offset, unit name) of dateparser's phrase ("letztes jahr") or of a modifier and a
    unit taken apart ("im vergangenen Jahr", "Ende letzten Jahres", "lo scorso anno")."""
    if g.get("rel"):
        return rel[(g.get("rel") or "").lower().replace("’", "'")]
    mod = (g.get("rm") or g.get("rm2") or "").lower().replace("’", "'")
    word = (g.get("ru") or g.get("ru2") or "").lower()
    singular = unit_forms(lt.code).singular
    u = singular.get(word) or next(singular[w] for w in singular
                                   if any(word == w + x for x in lt.genitive_endings))
    return _relative_modifiers(lt.code, lt)[mod], _UNIT_NAMES[u]


#: the periods a "Vor-" compound counts back from: as fine as its unit or finer ("im März
#: ... gegenüber dem Vorjahr" is 2019; "2019 ... gegenüber dem Vorquartal" names no quarter)
_FINE_ENOUGH = {"Y": ("year", "quarter", "month"), "Q": ("quarter", "month"),
                "M": ("month",), "W": ()}


def _compound(c: Candidate, lt: LocaleTime, day: date | None,
              anchor: date | None, period: tuple[date, str] | None = None) -> Resolved | None:
    """"im Vorjahr", "gegenüber dem Vormonat" (the one before the last period the text
    named — "im März ... gegenüber dem Vormonat" is February, as the English grammar reads
    "a year earlier" — else before the reference's), "am Vortag" (the day before the day
    named last), "zu Jahresbeginn" (the reference's year), "am Wochenende" (the one just
    gone in a Monday or Tuesday paper, else the one of its week)."""
    singular = unit_forms(lt.code).singular
    g = c.g
    if g.get("prev"):
        u = singular[(g.get("cu") or "").lower()]
        if day is None:
            return Resolved("DATE", None, None, None, "day" if u == "D" else None)
        if u == "D":
            return day_res((anchor or day) - timedelta(days=1))
        base = period[0] if period is not None and period[1] in _FINE_ENOUGH[u] else day
        return _shifted(base, -1, _UNIT_NAMES[u])
    word = (g.get("cu2") or "").lower()
    u = singular.get(word) or next(singular[w] for w in sorted(singular, key=len, reverse=True)
                                   if word.startswith(w))
    part = lt.unit_parts[(g.get("part") or "").lower()]
    if day is None:
        return Resolved("DATE", None, None, None, None)
    if u == "W" and part == "END":  # the weekend
        base = day - timedelta(days=7) if day.weekday() <= 1 else day
        week = week_res(base)
        return Resolved("DATE", f"{week.value}-WE", base + timedelta(days=5 - base.weekday()),
                        base + timedelta(days=6 - base.weekday()), "weekend")
    return _shifted(day, 0, _UNIT_NAMES[u])


def _ordinal_period(c: Candidate, lt: LocaleTime, day: date | None,
                    period: tuple[date, str] | None) -> Resolved | None:
    """The n-th quarter or half of the year written after it, else of the year of the last
    period the text named, else the latest begun by the reference day ("im dritten
    Quartal" in a November paper: this year's; in February: last year's)."""
    g = c.g
    n = next(v for k, v in lt.ordinals.items() if k.lower() == (g.get("ord") or "").lower())
    quarter = g.get("oq") is not None
    if n > (4 if quarter else 2):
        return None
    first = 3 * (n - 1) + 1 if quarter else 6 * (n - 1) + 1
    if g.get("oy"):
        year: int | None = int(g.get("oy") or 0)
    elif period is not None and period[1] in ("year", "quarter", "month", "half"):
        year = period[0].year  # "im dritten Quartal 2019 ... im ersten Halbjahr": 2019's
    elif day is not None:
        year = day.year if first <= day.month else day.year - 1
    else:
        year = None
    if year is None:
        return Resolved("DATE", f"XXXX-{'Q' if quarter else 'H'}{n}", None, None,
                        "quarter" if quarter else "half")
    if quarter:
        return quarter_res(year, n)
    end = date(year, first + 5, 30 if n == 1 else 31)
    return Resolved("DATE", f"{year:04d}-H{n}", date(year, first, 1), end, "half")


#: the months a season's days run over (its first, its last; winter ends in the next year)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _season(c: Candidate, lt: LocaleTime, day: date | None) -> Resolved | None:
    """A season with no word for which one is generic ("im Sommer sind die Strände voll":
    XXXX-SU), as the French and English grammars read it; with "this / last / next"
    the one that word names from the reference day."""
    g = c.g
    code = next(v for k, v in lt.seasons.items() if k.lower() == (g.get("season") or "").lower())
    mod = (g.get("sm") or g.get("sm2") or "").lower().replace("’", "'")
    if g.get("sy"):
        return Resolved("DATE", f"{g['sy']}-{code}", None, None, "season")
    if not mod:
        return Resolved("DATE", f"XXXX-{code}", None, None, "season")
    if day is None:
        return Resolved("DATE", None, None, None, "season")
    off = _relative_modifiers(lt.code, lt).get(mod, 0)
    first, last = _SEASON_MONTHS[code]
    # the season of the reference year that begins in ``first``; a winter begun last
    # December is the one the months January and February are in
    year = day.year - 1 if code == "WI" and day.month <= last else day.year
    ends = (year + (code == "WI"), last)
    if off < 0 and ends >= (day.year, day.month):
        year -= 1  # "letzten Sommer" in July: the summer not over is not the last one
    elif off > 0 and (year, first) <= (day.year, day.month):
        year += 1  # "il prossimo inverno" in January: the next one
    return Resolved("DATE", f"{year}-{code}", None, None, "season")


def _shifted(day: date, off: int, unit: str) -> Resolved | None:
    """The year, month, week (or, for "vor 3 Tagen", the day) ``off`` units from ``day``."""
    if unit == "year":
        return year_res(day.year + off)
    if unit == "quarter":
        y, m = add_months(day.year, day.month, 3 * off)
        return quarter_res(y, (m - 1) // 3 + 1)
    if unit == "month":
        y, m = add_months(day.year, day.month, off)
        return month_res(y, m)
    if unit == "week":
        return week_res(day + timedelta(days=7 * off))
    if unit == "day":
        return day_res(day + timedelta(days=off))
    return None


_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-\d)")


def join_day_clocks(out: list[TimeRef], text: str, language: str | None) -> list[TimeRef]:
    """"am Montag um 10.30 Uhr", "15.06.2020, 19:00 Uhr", "19:00 del 31 dicembre": one
    expression, the day at the clock's time, where the language's pack says how the two
    are joined (``day_clock_gap``, ``clock_day_gap``). The clock has already taken the
    day before it; a clock before its day takes it here."""
    lt = locale_time(language)
    if lt is None or len(out) < 2:
        return out
    out = _weekday_dates(out, text)
    if not (lt.day_clock_gap or lt.clock_day_gap):
        return out
    day_gap = re.compile(lt.day_clock_gap, re.IGNORECASE) if lt.day_clock_gap else None
    clock_gap = re.compile(lt.clock_day_gap, re.IGNORECASE) if lt.clock_day_gap else None

    def join(a: TimeRef, b: TimeRef, gap: str) -> TimeRef | None:
        if day_gap is not None and day_gap.fullmatch(gap) and _is_day(a) and _is_clock(b):
            return _day_at(a, b, text, a.start, b.end)
        if clock_gap is not None and clock_gap.fullmatch(gap) and _is_clock(a) and _is_day(b):
            return _day_at(b, a, text, a.start, b.end)
        return None

    return join_adjacent(out, text, join)


_WEEKDAY_GAP = re.compile(r"\s*,?\s*")


def _weekday_dates(out: list[TimeRef], text: str) -> list[TimeRef]:
    """"el lunes 30 de diciembre", "Dienstag, 21.01.2020": the weekday and the date
    are one day, the date's (the weekday alone would be the nearest Monday)."""
    res: list[TimeRef] = []
    for t in out:
        prev = res[-1] if res else None
        if (prev is not None and (prev.method or "").endswith(":wd") and t.type == "DATE"
                and t.start >= prev.end and _WEEKDAY_GAP.fullmatch(text[prev.end : t.start])
                and t.value is not None and re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", t.value)):
            res[-1] = replace(t, text=text[prev.start : t.end], start=prev.start,
                              sentence=min(prev.sentence, t.sentence))
            continue
        res.append(t)
    return res


def _is_day(t: TimeRef) -> bool:
    """A day, resolved or not ("heute" with no date: no value, granularity day)."""
    if t.type != "DATE":
        return False
    if t.value is None:
        return t.granularity == "day"
    return _DAY_VALUE.fullmatch(t.value) is not None


def _is_clock(t: TimeRef) -> bool:
    return t.type == "TIME" and (t.method or "").endswith(":clock") and "T" in (t.value or "")


def _day_at(day: TimeRef, clock: TimeRef, text: str, start: int, end: int) -> TimeRef:
    time = (clock.value or "")[(clock.value or "").index("T"):]
    value = f"{day.value}{time}" if day.value else clock.value
    return replace(clock, text=text[start:end], start=start, end=end,
                   sentence=min(day.sentence, clock.sentence), value=value,
                   range_start=day.range_start or clock.range_start,
                   range_end=day.range_end or clock.range_end)
