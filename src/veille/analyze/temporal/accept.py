"""Acceptance filters: what a regex cannot say cheaply about a candidate.

Capitalised month names that are names ("Mai 68", "Mars" the planet), bare
numbers that are not years ("1 945 000", "page 2019", "2019 soldats"), ages
("Poutine, 70 ans,"), idioms ("un jour"), a participle that looks like a
season ("a été"), a newspaper that looks like a frequency ("le quotidien").
Every cue word comes from the language packs; the checks that concern one
word of one language (English "on", "now", "tonight") ask the text's pack.
"""

from __future__ import annotations

import re

from veille.analyze.temporal.candidate import Candidate
from veille.analyze.temporal.fold import fold_same_length, sentence_start
from veille.analyze.temporal.lexicon import (
    ARTICLE_UNIT_EXCLUSIONS,
    NUMBER_WORDS,
    ONE_WORDS,
    TIME_PACKS,
    UNITS,
    alt,
    first_day_number,
    merged,
    own_months,
    parse_number,
    time_words,
    tw,
)
from veille.analyze.temporal.named_days import calendar_names
from veille.analyze.temporal.page_labels import in_page_label
from veille.lang.time_words import TimeWords

#: the hour symbol (language-free, as "km"): after a whole number it is a clock time
#: ("14h", "à 8h") and the clock rule reads it; only a decimal amount ("1,5 h", "1.5h"),
#: which no clock writes, makes it how long
_HOUR_SYMBOL = "h"
_DECIMAL = re.compile(r"\d+[.,]\d+")

_YEAR_BLOCKERS = re.compile(
    rf"(?:[€$£]|n°|{'|'.join(tw(lambda t: t.year_blockers_before))})\s*$", re.IGNORECASE
)
_UNIT_AFTER_YEAR = re.compile(
    rf"^\s*(?:%|€|\$|£|km|m\b|kg|t\b|{'|'.join(tw(lambda t: t.year_units_after))})",
    re.IGNORECASE,
)
_YEAR_PREP = re.compile(
    rf"(?:\b{alt(tw(lambda t: t.year_prepositions))}\s*|['’])$", re.IGNORECASE
)
_PLURAL_NOUN_AFTER = re.compile(rf"^\s+{alt(tw(lambda t: t.plural_noun_after))}")
_CLOCK_PREP = re.compile(alt(tw(lambda t: (t.clock_prepositions,) if t.clock_prepositions else ())))
_CLOCK_HOUR_UNITS = tw(lambda t: t.clock_hour_units)
_AGE_UNITS = frozenset(tw(lambda t: t.age_units))
_IDIOM_UNITS = frozenset(tw(lambda t: t.idiom_units))
_PARTICIPLE_SEASONS = merged(lambda t: t.participle_seasons, TIME_PACKS)
_SEASONS_NEEDING_DET = frozenset(tw(lambda t: t.seasons_needing_determiner))
_SEASON_NAME_BEFORE = re.compile(rf"{alt(tw(lambda t: t.season_name_before))}$")
_SEASON_NAME_AFTER = re.compile(rf"^\s+{alt(tw(lambda t: t.season_name_after))}")
_NEWSPAPER = tw(lambda t: t.newspaper_words)
_NEWSPAPER_BEFORE = re.compile(alt(tw(lambda t: t.newspaper_before)))
_CALENDAR_NAMES = frozenset(
    k for t in TIME_PACKS for k in (*t.months, *t.month_abbreviations, *t.weekdays)
)
_PACK_HOLIDAYS = frozenset(k for t in TIME_PACKS for k in (
    *t.fixed_holidays, *t.easter_holidays, *t.nth_weekday_holidays, *t.holiday_offsets))
#: right before a day's name: a genitive ("Ukraine's") or a capitalised word
_OWNER_BEFORE = re.compile(r"(?:['’]s|\b(?P<word>[A-Z][\w-]*))\s+$")
_REF_NOUN_BEFORE = merged(lambda t: t.reference_noun_before, TIME_PACKS)
_DAY_NAMES_AFTER = re.compile(rf"^\s+{alt(tw(lambda t: t.weekday_names_after))}\b")
_OWN_TEXT_ONLY = frozenset(tw(lambda t: t.own_text_only))
_DECADE_MEASURE_BEFORE = re.compile(alt(tw(lambda t: (t.decade_measure_before,)
                                              if t.decade_measure_before else ())))
_DECADE_MEASURE_AFTER = re.compile(alt(tw(lambda t: (t.decade_measure_after,)
                                             if t.decade_measure_after else ())))
_DECADE_AGE_BEFORE = re.compile(alt(tw(lambda t: (t.decade_age_before,) if t.decade_age_before
                                       else ())))

_AGE_GROUP_MODS = frozenset(tw(lambda t: t.age.group_modifiers))
_AGE_GROUP_ARTICLE = re.compile(rf"\b{alt(tw(lambda t: t.age.group_articles))}\s*$")
_AGE_AFTER = re.compile(rf"^{alt(tw(lambda t: t.age.after))}")
_INFANT_UNITS = frozenset(tw(lambda t: t.age.infant_units))
#: "old" after the unit says how old someone or something is, as "-year-old" does: said of
#: someone ("to be about 20 months old") or as the adjective of a noun ("a 20-month-old
#: boy", "the IRA's 8-month-old truce"); an age dates nothing on a timeline
_INFANT_AGE = re.compile(r"^(?:\s+|-)old\b(?!-)")
_AGE_BEFORE = re.compile(alt(tw(lambda t: t.age.before)))
_NAME_COMMA_BEFORE = re.compile(r"(?:[A-Z][\w'-]+|\))\s*,\s*$")
_NAME_PAREN_BEFORE = re.compile(r"[A-Z][\w'-]+\s*\(\s*$")
_AGE_GROUP_BEFORE = re.compile(alt([*tw(lambda t: t.age.group_before), r"\d\s*-\s*$"]))
_AGE_NOT_AFTER = re.compile(rf"^\s*{alt(tw(lambda t: t.age.not_after))}")
_PERSON_LINK = alt(tw(lambda t: t.age.person_link))
_PERSON_BEFORE = re.compile(
    rf"\b{alt(tw(lambda t: t.age.person_nouns))}s?(?:\s+[a-z-]+)?\s+{_PERSON_LINK}\s*$"
)
_NAME_BEFORE = re.compile(rf"(?<![.!?]\s)\b[A-Z][a-zà-ÿ]+e?s?\s+{_PERSON_LINK}\s*$")


def _foreign(word: str, own: TimeWords) -> bool:
    """A word that is a time word only in another language's text ("on" in French)."""
    return word in _OWN_TEXT_ONLY and word not in own.own_text_only


def accept(c: Candidate, text: str, folded: str, own: TimeWords, language: str) -> bool:
    """Whether the candidate is a time expression; may turn a duration into a clock time."""
    g = c.g
    before = text[max(0, c.start - 40) : c.start]
    after = text[c.end : c.end + 40]
    mon_word = g.get("mon")
    if mon_word and mon_word.rstrip(".") not in own_months(language):
        return False  # another language's month word ("Destination is Mars orbit")
    if c.kind == "month":
        return _month_accepted(c, text, folded, own, before, after)
    wire = c.kind == "clock" and text[c.start : c.end].isdigit()
    if wire or (c.kind == "year" and not g.get("pre")
                and _wire_clock(g["year"] or "", after) is not None):
        if _RESTATED.search(before):
            return False  # "at about 10:35 a.m. (0735 GMT)": the same time, restated
        if wire:
            if g.get("wire"):  # French "0245 heure locale": the pack's digits in one group
                hm = _wire_clock(g["wire"] or "", after) or (0, 0)
                c.g = {"h": str(hm[0]), "m": f"{hm[1]:02d}"}
            return True
        hm = _wire_clock(g["year"] or "", after) or (0, 0)
        c.kind = "clock"  # "(1900 GMT)", "at 0600 local time": a wire's 24-hour clock
        c.g = {"h": str(hm[0]), "m": f"{hm[1]:02d}"}
        return True
    if c.kind == "year":
        return _year_accepted(int(g["year"] or 0), bool(g.get("pre") or g.get("mod")), before,
                              after)
    if c.kind == "clock_ampm" and _RESTATED.search(before):
        return False  # "just before 6am (10pm BST)": the same time in another zone
    if (c.kind in ("clock", "clock_ampm") and not g.get("ampm") and own.length_units
            and re.match(rf"\s*(?:{alt(own.length_units)})\b", fold_same_length(after).lower())):
        return False  # "(2:18 min)": a clip's length, no clock time
    if c.kind == "clock_ampm" and g.get("h2") and not g.get("s2") and _clip_length(
            before, after, own):
        return False  # "Recycled rocket, recycled capsule | 2:30": a video's length
    if (c.kind == "clock" and g.get("h") and own.clock_duration_leads
            and re.search(rf"\b(?:{alt(own.clock_duration_leads)})\s+"
                          rf"(?:{own.clock_duration_range or '(?!)'})?$", fold_same_length(before))):
        # "pendant 2h", "le trajet dure 3h", "en 2h30": how long, not what time; so are
        # both ends of a range after it ("dure entre 3h et 5h")
        c.kind = "duration"
        c.g = {"num": g["h"], "unit": "h", "minutes": g.get("m")}
        return True
    if c.kind == "clock" and g.get("h") and not g.get("m"):
        minutes, extra = _and_minutes(after, language)
        if minutes:  # "à 8 h et vingt minutes" was 08:00 and twenty minutes long
            c.g = dict(g, m=f"{minutes:02d}")
            c.end += extra
    if (c.kind == "anchored_day" and (g.get("an") or "").split()[-1:] == ["before"]
            and re.match(r"\s+[a-z]+ing\b", after)):
        return False  # "later in the day before returning home": a conjunction, no day
    if (c.kind == "anchored_day" and own.indefinite_articles
            and (g.get("an") or "").split()[-1:] in [[w] for w in own.offset_links]
            and re.match(rf"\s+(?:{alt(own.indefinite_articles)})\s+\w", fold_same_length(after))):
        # "usually stressed the day before a launch": any launch's, no day (a day whose
        # last word is a preposition: "le matin même une opération" is that morning)
        return False
    if c.kind == "decade" and _DECADE_AGE_BEFORE.search(fold_same_length(before)):
        return False  # "when Kopp was in his 30s": an age
    if c.kind == "decade" and (_DECADE_MEASURE_BEFORE.search(fold_same_length(before).lower())
                               or _DECADE_MEASURE_AFTER.match(fold_same_length(after).lower())):
        return False  # "temperatures were expected to reach the 70s": degrees
    num = g.get("num") or ""
    if c.kind == "duration" and _wire_clock(num, text[c.start + len(num) : c.end + 40]):
        return False  # "à 0245 heure locale": a wire's clock (the clock rule has it), not PT245H
    if c.kind == "duration" and not _duration_accepted(c, before, after, language):
        return False
    if (c.kind == "duration" and fold_same_length(g.get("unit") or "").lower() == _HOUR_SYMBOL
            and not _DECIMAL.fullmatch(num.strip())):
        return False  # "14h", "environ 13h", "2019-H2": a clock or a label; "1,5 h" is how long
    if c.kind == "holiday" and not _calendar_day_accepted(c, text, folded):
        return False
    unit_word = fold_same_length(g.get("unit") or "")
    if (c.kind == "duration" and own.point_article_leads
            and fold_same_length(g.get("num") or "").lower() in own.indefinite_articles
            and re.search(rf"\b(?:{alt(own.point_article_leads)})\s+$",
                          fold_same_length(before).lower())):
        return False  # "on a night many fans had waited for": when, not how long
    if (c.kind == "duration" and fold_same_length(g.get("num") or "") in own.indefinite_articles
            and unit_word.endswith("s") and unit_word[:-1] in UNITS):
        return False  # "a decades-long battle": the article is the battle's
    if c.kind == "duration" and (g.get("unit") or "").endswith("s") and re.search(
            r"[a-z0-9]-" + re.escape(g.get("unit") or ""), folded[c.start : c.end]):
        return False  # "two-year" is a duration, "three-quarters" a fraction
    if c.kind == "duration" and fold_same_length(g.get("num") or "") in ONE_WORDS and re.search(
            r"-\s*" + re.escape(fold_same_length(g.get("num") or "")) + r"\b",
            folded[max(0, c.start - 2) : c.end]):
        return False  # "£73-a-week": part of a rate
    season = g.get("season") or ""
    if (c.kind == "season" and season in _PARTICIPLE_SEASONS and not g.get("det")
            and not g.get("year") and not g.get("rel")):
        return bool(re.search(_PARTICIPLE_SEASONS[season], fold_same_length(before))) or (
                text[c.start].isupper() and sentence_start(text, c.start)
            )
    if c.kind == "season" and season in _SEASONS_NEEDING_DET and not (
        g.get("det") or g.get("year")
    ):
        return False
    adj = g.get("adj") or ""
    if (c.kind == "frequency" and _NEWSPAPER and adj.startswith(_NEWSPAPER)
            and (adj.endswith("s") or _NEWSPAPER_BEFORE.search(fold_same_length(before)))):
        return False  # "les quotidiens", "le quotidien Le Monde": newspapers
    if (c.kind == "frequency" and _NEWSPAPER and adj.startswith(_NEWSPAPER)
            and text[c.start].isupper() and not sentence_start(text, c.start)):
        return False  # "China Daily", "the Daily Mail": a capitalised name mid-sentence
    if (c.kind == "frequency" and _NEWSPAPER and adj.startswith(_NEWSPAPER)
            and re.search(r"[a-z]\s+$", before) and _titled_name_after(after)):
        return False  # "the satirical weekly Charlie Hebdo": a title right after it
    if (c.kind == "frequency" and _NEWSPAPER and adj.startswith(_NEWSPAPER)
            and _titled_name_before(before)):
        return False  # "the Neue Osnabruecker Zeitung daily": a title right before it
    if c.kind == "reference":
        w = g["ref"] or ""
        if _foreign(w, own):
            return False
        for prefix, rx in _REF_NOUN_BEFORE.items():
            if w.startswith(prefix) and re.search(rx, fold_same_length(before)):
                return False
        if in_page_label(text, c.start, c.end):
            return False  # "Trending Right Now:", "Now Playing:": a page's headings
    if c.kind == "weekday" and _foreign(g.get("art") or "", own):
        return False
    if c.kind == "weekday" and _DAY_NAMES_AFTER.match(after):
        return False  # "Vendredi Saint", "Jeudi Noir": names of days, not dates
    if c.kind == "season" and not g.get("year") and (
        _SEASON_NAME_BEFORE.search(fold_same_length(before)) or _SEASON_NAME_AFTER.match(after)
    ):
        return False  # "Jeux d'hiver", "printemps de l'environnement": names, not dates
    if (c.kind == "season" and not g.get("year") and text[c.start:c.end].split()[-1][:1].isupper()
            and re.match(r"\s+[A-Z]", after) and not sentence_start(text, c.start)):
        return False  # "the Winter Olympics", "Pyeongchang Winter Games": a name mid-sentence
    if c.kind == "day_month" and not 1 <= first_day_number(g["d1"]) <= 31:
        return False
    if c.kind in ("relative_day", "relative_unit", "reference", "this_part", "duration") \
            and (_capitalised_name(c, text) or _capitals_run(c, text)):
        # "USA TODAY", ABC's "This Week", "PlayStation Now", ITV's "This Morning", "the
        # 1967 Six Day War": names mid-sentence
        return False
    return not (c.kind == "relative_day" and _foreign(g["rd"] or "", own))


#: opening quotes (newswire ``, curly), dashes and brackets between a sentence start and
#: its first word
_OPENERS = " \t\u00a0«\"'`“‘(_-–—["


def _capitalised_name(c: Candidate, text: str) -> bool:
    """Every word of the expression capitalised, mid-sentence, in a line that is not
    written in title case (a headline capitalises every word)."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text[c.start : c.end])
    if not words or not all(w[0].isupper() for w in words):
        return False
    if re.search(r"[\"“`']\s*$", text[max(0, c.start - 2) : c.start]) and re.match(
            r"[,.]?[\"”']", text[c.end : c.end + 3]):
        return True  # ABC's "This Week": a quoted title
    j = c.start - 1
    while j >= 0 and text[j] in _OPENERS:
        j -= 1
    if j < 0 or text[j] in ".!?\n:;»)" or re.search(r"[«\"`“‘(\[_–—]|--", text[j + 1 : c.start]):
        return False  # a sentence start: after quotes, a dateline's dash ("WASHINGTON _")
    return not _title_case_line(text, c.start, c.end)


def _capitals_run(c: Candidate, text: str) -> bool:
    """An upper-case word right after another, in a line that is not upper case: "Follow
    USA TODAY reporter Mike Snider" (a title-case line, so the rule above keeps it)."""
    word = text[c.start : c.end]
    if not (word.isupper() and len(word) > 2):
        return False
    prev = re.search(r"([^\W\d_]{2,})\s+$", text[max(0, c.start - 30) : c.start])
    if prev is None or not prev.group(1).isupper():
        return False
    lo = text.rfind("\n", 0, c.start) + 1
    hi = text.find("\n", c.end)
    return not text[lo : hi if hi >= 0 else len(text)].isupper()


def _title_case_line(text: str, start: int, end: int) -> bool:
    """The line is written in title case (a headline capitalises every word)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    line = re.findall(r"[^\W\d_][\w'’-]*", text[lo : hi if hi >= 0 else len(text)])
    long_words = [w for w in line if len(w) > 3]
    return sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)



def _month_accepted(c: Candidate, text: str, folded: str, own: TimeWords, before: str,
                    after: str) -> bool:
    g = c.g
    mon = g["mon"] or ""
    i = folded.find(mon, c.start)
    orig = text[i : i + len(mon)]
    if mon in own.ambiguous_months:
        cue = own.ambiguous_months[mon]
        # the cue is read before the month word itself ("last May": the rule took "last")
        right_before = text[max(0, i - 30) : i] if i > c.start else before
        if c.end == i + len(mon) and own.ambiguous_month_name_after and re.match(
                own.ambiguous_month_name_after, after):
            return False  # "the annual March for Life": a name
        if i == c.start and own.ambiguous_month_name_before and re.search(
                own.ambiguous_month_name_before, before):
            return False  # "the Women's March"
        return orig == mon.capitalize() and (
            cue is None or bool(re.search(cue, right_before, re.I)))
    if own.months_lower_case and orig[:1].isupper() and not sentence_start(text, i):
        # "Mars" the planet; "Mai 68" is kept by the year rule
        return bool(g.get("rel") or g.get("mod"))
    # "mars Climate Orbiter"-like names aside, a month is a month
    return not (mon in own.month_name_clashes and re.match(r"^\s*[A-Z]", after))


#: after four digits, a clock's zone: universal time, or the pack's "local time"
_ZONE_AFTER = re.compile(rf"^\s+(?:(?:GMT|UTC)\b|{alt(tw(lambda t: t.local_time_words))})",
                         re.IGNORECASE)


#: a clock time (and its zone) and an opening bracket: what follows restates it in another
#: zone ("10:35 a.m. (0735 GMT)", "just before 6am (10pm BST)", "around 6:07 a.m. local time
#: (2107 GMT)")
_RESTATED = re.compile(r"(?:\d\s*[ap]\.?m\.?|\d:\d\d|\d\s*[ap]\.?m\.?\s+[A-Z]{2,4}"
                       r"|\d:\d\d\s+[A-Z]{2,4})"
                       rf"(?:\s+(?:{alt(tw(lambda t: t.local_time_words))}))?\s*\(\s*$")


def _wire_clock(digits: str, after: str) -> tuple[int, int] | None:
    """Hours and minutes of a 24-hour clock written as four digits before its zone."""
    if len(digits) != 4 or not digits.isdigit() or not _ZONE_AFTER.match(after):
        return None
    h, m = int(digits[:2]), int(digits[2:])
    return (h, m) if h < 24 and m < 60 else None


def _year_accepted(y: int, introduced: bool, before: str, after: str) -> bool:
    if re.search(r"\d[\s\u00a0\u202f.,]$", before) or re.match(r"^[\s\u00a0\u202f]\d{3}", after):
        return False  # part of 50 000 / 1 945 000
    if _YEAR_BLOCKERS.search(before):
        return False
    if (re.search(r"[-/]$", before) and not re.search(r"\d{4}\s*[-/]$", before)) or (
        _UNIT_AFTER_YEAR.match(after)
    ):
        return False
    if re.search(r"\d[-/]\d{4}[-/]$", before) or re.match(r"^[-/]\d{1,2}[-/]", after):
        return False  # a third group ("+86 138-2010-2015"), a date no rule read ("2015-1-32")
    if re.match(r"^[.,]\d", after):
        return False  # a decimal number ("closed at 2082.1", "rose 1990.5 points")
    prep = bool(_YEAR_PREP.search(before)) or introduced
    if 1900 <= y <= 2099:
        return prep or not _PLURAL_NOUN_AFTER.match(after)
    if y > 2099:  # "d'ici 2100", "by 2150"; not "des 2150 manifestants"
        return prep and not _PLURAL_NOUN_AFTER.match(after)
    return prep and y >= 1000


#: what comes before "a week" when it is the denominator of a rate: a number, or a
#: plural noun (not the few short verb forms ending in s)
_RATE_BEFORE = re.compile(
    r"(?:[\d%]|\b(?:million|billion|trillion|once|twice|times)"
    r"|\b(?!(?:was|has|does|is|this|thus|us|his|its|yes|as|always|perhaps|less|plus)\b)"
    r"[a-z]{3,}s)\s*$"
)


def _clip_length(before: str, after: str, own: TimeWords) -> bool:
    """A bare "2:30" next to a "|" of a clip list, or after a word that leads no clock time
    and before a capitalised title ("more dangerous 01:12 Japan on high alert") or the
    line's end ("MUST WATCH Chibok girls' abduction: a timeline of events 01:26")."""
    line = before.rsplit("\n", 1)[-1]
    if line.rstrip().endswith("|") or re.match(r"[ \t]*\|", after):
        return True  # "| 2:30", "Why does North Korea keep launching ICBMs? 01:14 |"
    if re.match(r"[ \t]*(?:\n|$)", after) and re.search(r"[A-Za-z]{2,}[?!'’\"”]\s+$", line) \
            and len(line.split()) >= 3:
        return True  # a clip title ending in a question or a quote, its length at line end
    word = re.search(r"([A-Za-z]{2,})\s+$", line)
    if word is None or fold_same_length(word.group(1)).lower() in (
            *own.noon_leads, *own.clock_leads, *_CALENDAR_NAMES):
        return False
    if re.match(r"[ \t]*(?:\n|$)", after) and len(line.split()) >= 3:
        return True
    nxt = re.match(r"\s+([A-Z][a-z][\w'’-]*)", after)
    return nxt is not None and fold_same_length(nxt.group(1)).lower() not in _CALENDAR_NAMES


def _titled_name_before(before: str) -> bool:
    """Two capitalised words right before, mid-sentence, no calendar name."""
    m = re.search(r"(?<![.!?:\n]\s)(?<=\s)([A-Z][\w'’-]*)\s+([A-Z][\w'’-]*)\s+$", before)
    return m is not None and not any(
        fold_same_length(w).lower() in _CALENDAR_NAMES for w in m.groups())


def _titled_name_after(after: str) -> bool:
    """A capitalised word right after, and no calendar name ("weekly Sunday services")."""
    m = re.match(r"\s+([A-Z][\w'’-]*)", after)
    return m is not None and fold_same_length(m.group(1)).lower() not in _CALENDAR_NAMES


def _calendar_day_accepted(c: Candidate, text: str, folded: str) -> bool:
    """A day only a calendar names is a proper name ("on Election Day"; "on election day"
    is any election's), and the calendar's country's: "Ukraine's Independence Day",
    "Mexican Independence Day" are another country's day of that name."""
    hol = c.g.get("hol") or ""
    if hol in _PACK_HOLIDAYS or hol not in calendar_names():
        return True
    at = folded.find(hol, c.start)
    words = text[at : at + len(hol)].split()
    # French capitalises the name's distinctive word, not its first: "la fête du Travail"
    if at < 0 or not words or not any(w[:1].isupper() for w in words):
        return False
    if sentence_start(text, at) and not any(w[:1].isupper() for w in words[1:]):
        return False  # "Election day turnout was low": any election's; "la Fête nationale"
    owner = _OWNER_BEFORE.search(text, max(0, at - 40), at)
    if owner is None:
        return True
    word = owner.group("word")
    if word is None:
        return False  # "Ukraine's Independence Day"
    # a capitalised word that opens the sentence ("On Memorial Day") or names a day or
    # month ("Monday Memorial Day") owns nothing
    return sentence_start(text, owner.start("word")) or (
        fold_same_length(word).lower() in _CALENDAR_NAMES)


def _duration_accepted(c: Candidate, before: str, after: str, language: str) -> bool:
    g = c.g
    unit = g["unit"] or ""
    if unit in _AGE_UNITS and is_age(before, after, fold_same_length(g.get("mod") or "")):
        return False
    if unit in _INFANT_UNITS and _INFANT_AGE.match(fold_same_length(after)):
        return False  # "believed to be about 20 months old": an age
    num = fold_same_length(g["num"] or "")
    if re.search(r"\d:$", before):
        return False  # the minutes of "17:00 hours", "17:00 heure de l'Est"
    own = time_words(language)
    if num in ONE_WORDS and not g.get("adj") and not g.get("mod") and unit in _IDIOM_UNITS \
            and not (own is not None and own.bare_plural_follows and re.match(
                rf"\s+{alt(own.bare_plural_follows)}\b", fold_same_length(after))):
        return False  # "un jour" / "a day" are mostly idioms ("A day later" is not)
    if (num, unit) in ARTICLE_UNIT_EXCLUSIONS:
        return False
    if num in ONE_WORDS and not g.get("det") and not g.get("adj") and not g.get("mod") \
            and own is not None and own.article_rates \
            and _RATE_BEFORE.search(fold_same_length(before)):
        return False  # "four flights a week", "$500 million a year": a rate, not a duration
    if (own is not None and own.ahead_leads and UNITS.get(unit) in ("D", "W", "M", "Y")
            and not (g.get("det") or g.get("adj") or g.get("mod") or g.get("adj2"))
            and re.search(alt(own.ahead_leads), fold_same_length(before))):
        c.kind = "ago"  # "dans trois ans": the point three years ahead
        c.g = dict(g, ahead="1")
        return True
    if (own is not None and own.ahead_leads_if_future and UNITS.get(unit) in ("D", "W", "M", "Y")
            and not (g.get("det") or g.get("adj") or g.get("mod") or g.get("adj2"))
            and re.search(alt(own.ahead_leads_if_future), fold_same_length(before))
            and not (UNITS.get(unit) == "D" and parse_number(num, language) == 1)):
        # not "in one day": the day ahead is "tomorrow"; "twice in one day" is how long
        c.g = dict(g, ahead_if_future="1")  # the resolver asks the tense
    hours = parse_number(num, language) if num else None
    if (
        (_CLOCK_PREP.search(fold_same_length(before)) or _said_clock(before, after, language))
        and unit.startswith(_CLOCK_HOUR_UNITS)
        and not _duration_range(before, own)
        and hours is not None
        and hours.is_integer()
        and 0 <= hours <= 24
        and not g.get("mod")
    ):
        c.kind = "clock"  # "à 16 heures", "à seize heures": a clock time
        minutes, extra = _clock_minutes(after, language) if not g.get("half") else (30, 0)
        h = int(hours)
        if minutes < 0:  # "sept heures moins dix": 6:50
            h, minutes = (h - 1) % 24, 60 + minutes
        c.g = {"h": str(h), "m": f"{minutes:02d}" if minutes else None, "pre": None,
               "loc": None}
        c.end += extra
    return not (unit == "min" and not re.fullmatch(r"\d+", num))


def _duration_range(before: str, own: TimeWords | None) -> bool:
    """"le trajet dure entre 3 et 5 heures", "a duré de 3 à 5 heures": the end of a
    range of hours after a word of how long is a duration, not the clock time 05:00."""
    if own is None or not own.clock_range_start or not own.clock_duration_leads:
        return False
    folded = fold_same_length(before)
    m = re.search(own.clock_range_start, folded)
    return m is not None and re.search(
        rf"\b(?:{alt(own.clock_duration_leads)})\s+$", folded[: m.start()]) is not None


def _said_clock(before: str, after: str, language: str) -> bool:
    """"sept heures dix", "sept heures moins dix" with no preposition: minutes said after
    the hour make a clock time, unless a duration word leads ("pendant deux heures
    trente") or "minutes" follows ("deux heures trente minutes" is a duration)."""
    minutes, n = _clock_minutes(after, language)
    folded = fold_same_length(after[: n + 10])
    if not minutes or re.match(r"\s*\S+\s+minutes?\b|\s*et\b", folded):
        return False  # "deux heures et quart" may be how long
    own = time_words(language)
    leads = own.bare_plural_leads + own.bare_part_leads if own is not None else ()
    last = re.search(r"(\w+)\W*$", fold_same_length(before))
    return not (last and (last.group(1) in leads or last.group(1) in ("de", "d", "environ")))


def _clock_minutes(after: str, language: str) -> tuple[int, int]:
    """Minutes said after a clock hour in words ("sept heures dix", "neuf heures trente",
    "et quart", "moins le quart", "moins dix") and how many characters they take."""
    own = time_words(language)
    if own is None or not own.clock_minus and not own.clock_minute_words:
        return 0, 0
    folded = fold_same_length(after)
    for words, m in own.clock_minute_words.items():
        mm = re.match(rf"\s+{words}(?![a-z])", folded)
        if mm:
            return m, mm.end()
    mm = re.match(rf"\s+(?P<minus>{alt(own.clock_minus)}\s+)?(?P<n>\d{{1,2}}|{NUMBER_WORDS})"
                  rf"(?:\s+minutes?)?(?![a-z\d])(?!\s+(?:{alt(sorted(UNITS, key=len, reverse=True))})\b)",
                  folded, re.IGNORECASE)  # not "à 10 heures 2 jours plus tard"
    if mm:
        n = parse_number(mm.group("n"), language)
        if n is not None and n.is_integer() and 0 < n < 60:
            return (-int(n) if mm.group("minus") else int(n)), mm.end()
    return _and_minutes(after, language)


def _and_minutes(after: str, language: str) -> tuple[int, int]:
    """"(à sept heures | à 8 h) et vingt minutes": minutes joined to the hour by the
    pack's joiner, said with their unit (a bare "et vingt" is another number)."""
    own = time_words(language)
    if own is None or not own.clock_minute_joiners:
        return 0, 0
    mm = re.match(rf"\s+(?:{alt(own.clock_minute_joiners)})\s+(?P<n>\d{{1,2}}|{NUMBER_WORDS})"
                  r"\s+minutes?(?![a-z])", fold_same_length(after), re.IGNORECASE)
    n = parse_number(mm.group("n"), language) if mm else None
    if mm is None or n is None or not n.is_integer() or not 0 < n < 60:
        return 0, 0
    return int(n), mm.end()


def is_age(before: str, after: str, mod: str) -> bool:
    """'Poutine, 70 ans,', 'une fillette de 6 ans', 'les 6-16 ans', 'a 37-year-old' are ages.

    An age describes a person, not the time of an event, so it is left to the
    quantity extractor. 'N ans de prison / de négociations' stays a duration.
    """
    fb = fold_same_length(before)
    if mod in _AGE_GROUP_MODS and _AGE_GROUP_ARTICLE.search(fb):
        return True  # "les moins de 17 ans": an age group
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(fb):
        return True
    if _NAME_COMMA_BEFORE.search(before) and re.match(r"^\s*[,)]", after):
        return True
    if _NAME_PAREN_BEFORE.search(before) and re.match(r"^\s*\)", after):
        return True  # "Michael Wendler (47 ans)", "Pat Rooke (72)"
    if _AGE_GROUP_BEFORE.search(fb):
        return True
    if mod in _AGE_GROUP_MODS and not _AGE_NOT_AFTER.match(after) and _PERSON_BEFORE.search(fb):
        # "les enfants de moins de 10 ans", "les femmes de plus de 50 ans" (not "les
        # salariés de plus de 20 ans d'ancienneté")
        return True
    if mod or _AGE_NOT_AFTER.match(after):
        return False  # "plus de 20 ans", "10 ans de prison": durations
    # "une fillette de 6 ans", "un électricien allemand de 37 ans", "une Alsacienne de 6 ans"
    if _PERSON_BEFORE.search(fb):
        return True
    return bool(_NAME_BEFORE.search(before))
