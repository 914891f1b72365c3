"""The time words and rules one language gives the analysis (see lang/base.py).

The time grammar (``veille.analyze.temporal``) is written once; every word it
matches comes from here. Words are *folded* (lower case, no accents, straight
apostrophe: ``veille.core.text.fold_same_length``) because the grammar runs on
a folded copy of the text. A field typed ``tuple[str, ...]`` is a list of regex
alternatives (most are plain words; a few carry a little regex syntax such as
``derniers?``, said in the field's comment); a ``dict`` maps a word to what it
means. An empty field means the language has no such form: the grammar then
leaves out the corresponding rule or alternative.

The grammar matches the *shared* forms (month names, weekdays, "hier" /
"yesterday") with the words of every language veille has a pack for, as news
text mixes them ("le 3 May", "Monday soir"): see ``veille.analyze.temporal.rules``.
A few forms are the text's own language only (clock times, month-day-year
order, French "quinquennat"): those are the fields whose comment says *own*.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Words = tuple[str, ...]


def _d() -> dict[str, int]:
    return {}


@dataclass(frozen=True)
class AgeCues:
    """Where 'N ans' / 'N years' describes a person's age, not a time (regex fragments)."""

    group_modifiers: Words = ()  # "moins de", "under": "les moins de 17 ans" is an age group
    group_articles: Words = ()  # "les", "the" right before such a modifier
    after: Words = ()  # right after the expression: "-old", " d'age"
    before: Words = ()  # right before: "age de", "aged"
    group_before: Words = ()  # "les plus de", "de 6 a": an age bracket before
    not_after: Words = ()  # right after: "de" ("10 ans de prison" is a duration)
    person_nouns: Words = ()  # "une fillette de 6 ans"
    person_link: Words = ()  # the word between the person and the age ("de")
    #: units an age is told in only for the very young: "about 20 months old" is an age,
    #: "the IRA's 8-month-old truce" a duration (TimeBank P8M)
    infant_units: Words = ()


@dataclass(frozen=True)
class TenseCues:
    """Regexes (on the original text, case-insensitive) of verbal cues of past and future."""

    future: str = ""
    past: str = ""
    future_false: str = ""  # full-match words the future pattern catches by mistake ("opéra")
    subordinators: Words = ()  # a clause boundary between cue and expression ("alors que")
    deadline_before: Words = ()  # folded, right before the expression: "d'ici (le)" -> future
    #: lemmas (or forms) of auxiliaries making a future in the parse: "will", "shall"
    future_auxiliaries: Words = ()
    #: lemmas of the perfect's auxiliary: "has said", "a annoncé" are past
    perfect_auxiliaries: Words = ()
    #: folded, right before the expression: "since", "depuis (le)" -> past
    past_before: Words = ()
    #: a past participle with no auxiliary tells of the past ("the record set on Aug. 6")
    bare_participle_past: bool = False
    #: lemmas of modal auxiliaries that move a time neither way ("could be reached
    #: Wednesday" is yesterday, "might come as soon as Tuesday" tomorrow: the closer day)
    neutral_modals: Words = ()
    #: lemmas of verbs whose object is a plan: under them a time is the planned event's,
    #: not the planning's ("planned a demonstration on Saturday" in a Friday paper)
    intention_verbs: Words = ()
    #: lemmas of the verb of being: the noun a time dates is what the clause says was or
    #: will be ("there was a debate Saturday night", "the vote is on Tuesday"), so the
    #: verb's tense is the noun's
    copula_lemmas: Words = ()


@dataclass(frozen=True)
class TimeWords:
    """One language's calendar words; see the module docstring for the conventions."""

    # --- calendar names ---
    months: dict[str, int] = field(default_factory=_d)  # full names, folded
    month_abbreviations: dict[str, int] = field(default_factory=_d)  # "janv", "sept", "feb"
    #: full month names that are also ordinary words: capitalised and, if a regex is
    #: given, preceded by it ("in May"); None: capitalised only ("March")
    ambiguous_months: dict[str, str | None] = field(default_factory=dict)
    #: regex after an ambiguous month that makes it a name ("the March for Life", "the
    #: March of the Combatant Mothers"; "March of 1998" stays a month)
    ambiguous_month_name_after: str = ""
    ambiguous_month_name_before: str = ""  # regex on the original text before the month
    months_lower_case: bool = False  # a capitalised month mid-sentence is a name ("Mai 68")
    month_name_clashes: Words = ()  # a month followed by a capitalised word is a name
    weekdays: dict[str, int] = field(default_factory=_d)  # Monday = 0
    #: (month, day) of fixed holidays, days after Easter, (month, weekday, n) of an n-th
    #: weekday ("thanksgiving": 4th Thursday of November)
    fixed_holidays: dict[str, tuple[int, int]] = field(default_factory=dict)
    easter_holidays: dict[str, int] = field(default_factory=dict)
    nth_weekday_holidays: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    #: days after another holiday of the pack ("black friday": the day after Thanksgiving)
    holiday_offsets: dict[str, tuple[str, int]] = field(default_factory=dict)
    holidays: Words = ()  # regex alternatives matching the keys above ("14[- ]juillet")
    holiday_leads: Words = ()  # "pour", "the" before a holiday
    holiday_prefix: str = ""  # regex: "la fete de" before a holiday name
    #: countries (ISO codes, the ``holidays`` package's) whose named days the language's
    #: news name, first the one a name two countries share is read as ("Labour Day")
    holiday_calendars: Words = ()
    holiday_calendar_language: str = ""  # the calendar's language for its names ("fr")
    #: regex after a month: the year the story is in ("of that year", "de la même année")
    story_year_links: Words = ()
    seasons: dict[str, str] = field(default_factory=dict)  # -> TimeML code SP SU FA WI
    #: an article that makes a season one season ("the summer"; French "l'été" is also
    #: said of summers in general, so French has none)
    season_specific_articles: Words = ()
    #: regex, between a season and its year: "the winter of 1994"
    season_year_links: Words = ()
    #: season words that are also a frequent participle ("été"): kept only after this regex
    participle_seasons: dict[str, str] = field(default_factory=dict)
    seasons_needing_determiner: Words = ()  # "fall" alone is a verb
    season_leads: Words = ()  # "en", "in"
    season_determiners: Words = ()  # "cet", "last"
    season_relatives: Words = ()  # "dernier", "next" after the season
    season_name_before: Words = ()  # "Jeux d'hiver": a name, not a date (regex, before)
    season_name_after: Words = ()  # "printemps de la ...": a name (regex, after)

    # --- days, parts of days, clock ---
    relative_days: dict[str, int] = field(default_factory=_d)  # "hier": -1
    relative_day_parts: dict[str, str] = field(default_factory=dict)  # "tonight": "night"
    day_parts: dict[str, str] = field(default_factory=dict)  # -> TimeML suffix MO AF EV NI MI
    part_pattern: Words = ()  # regex alternatives for a part of day ("soir(?:ee)?")
    part_leads: Words = ()  # "en", "au" between a relative day and its part
    part_modifiers: Words = ()  # "debut", "fin" (of the evening)
    part_modifier_link: Words = ()  # regex: "d[e']\\s*"
    this_part_determiners: Words = ()  # "ce", "this", "last"
    previous_day_determiners: Words = ()  # "last" (night): the day before
    #: after a part of the day, the day before ("la nuit dernière", "la nuit passée"); its
    #: articles are ``same_part_articles``
    previous_part_words: Words = ()
    this_parts: Words = ()  # parts after "ce"/"this"
    bare_part_leads: Words = ()  # "pendant", "during" (la nuit)
    bare_part_articles: Words = ()  # regex: "la\\s+", "the\\s+"
    bare_parts: Words = ()
    part_weekday_links: Words = ()  # "la nuit de samedi": "de"
    part_weekday_joiners: Words = ()  # "de samedi a dimanche": "a"
    anchor_articles: Words = ()  # "le" lendemain
    anchor_days: dict[str, int] = field(default_factory=_d)  # "lendemain": 1, "veille": -1
    #: first words of anchor days that only a day the story named can anchor ("that day",
    #: "that night": with no such day they say nothing, not the paper's day)
    anchor_needs_story: Words = ()
    anchor_part_leads: Words = ()  # "au" (matin)
    same_part_articles: Words = ()  # "le soir meme": "le"
    same_parts: Words = ()  # "soir"
    same_word: Words = ()  # "meme"
    #: regex between an amount and the day it counts from -> sign ("avant": -1, "after": 1)
    offset_links: dict[str, int] = field(default_factory=_d)
    #: regex after an amount of time that opens a clause told that much earlier ("comes two
    #: years after hundreds of women were assaulted during New Year's Eve celebrations")
    clause_after_links: Words = ()
    #: regex between a weekday and the week it falls in ("de", "of": mardi de la semaine
    #: prochaine); a hyphen or nothing join them too (not a comma: "said Tuesday, last
    #: week's vote")
    week_links: Words = ()
    #: regex between an anchored day and the day it counts from ("la veille de Noël",
    #: "le lendemain du 3 mars": "de", "du"); that day's, not the last day the text named
    anchor_of_links: Words = ()
    #: folded, before a day: the whole week holding it ("the week of March 6", "la semaine du")
    week_of_leads: Words = ()
    #: nouns a number after them labels ("Flight 1943", "Route 2016"): no year there
    number_label_nouns: Words = ()
    #: regex of the words before "2h", "2h30" that make it how long, not what time
    #: ("pendant 2h", "dure 3h", "en 2h30")
    clock_duration_leads: Words = ()
    #: regex, folded, ending right before a clock time: a bare hour opening a range whose
    #: end is that clock ("de 14 à 16 heures", "entre 10 et 11h30": the 14 and the 10 are
    #: clock times too); group ``h`` is the hour
    clock_range_start: str = ""
    #: the same before a 12-hour clock with its mark ("de 5 à 6pm", "5 à 6 p.m."): the
    #: mark says the end is a clock, so no opener is needed; the start takes the mark
    #: when it keeps the start before the end
    clock_ampm_range_start: str = ""
    #: regex, folded, between a word of how long and a clock time: a range's opener and,
    #: for its end, its first clock and joiner ("dure entre 3h et 5h": both are how long)
    clock_duration_range: str = ""
    #: folded nouns of a stretch of time a holiday named after them dates ("la veille de
    #: Noël", "cette fête de Pentecôte"), besides the units and day parts; a holiday as the
    #: complement of any other noun names a kind of thing ("chants de Noël")
    holiday_time_heads: Words = ()
    #: the language's spaCy model labels MONEY and PERCENT (OntoNotes): a quarter with no
    #: year in a text with neither is a game's period (attach.game_period); a model
    #: without those labels could not tell, so its quarters are kept
    money_entities: bool = False
    #: lemmas of a game's play ("halftime", "touchdown", "inning"): a quarter with no
    #: year in a sentence with one of them and no money is the game's, even in a text
    #: that speaks of money elsewhere (attach.game_period)
    game_words: Words = ()
    #: an article before a unit after a plural noun is a rate ("four flights a week");
    #: French writes "par semaine", and its "dans une semaine" is no rate
    article_rates: bool = False
    noon_leads: Words = ()  # "vers", "at"
    #: folded words that may lead a bare "9:30" besides ``noon_leads`` ("about", "and" of
    #: "between 9:30 and 11:45"); a bare "01:12" after any other word and before a
    #: capitalised one is a video's length in a list of clips, not a clock time
    clock_leads: Words = ()
    #: folded unit words after which a "2:18" is a length ("2:18 min", a clip's), no clock
    length_units: Words = ()
    #: folded words before an article and a unit that make it a time, not a length ("on a
    #: night many fans had waited for", "par une nuit d'été")
    point_article_leads: Words = ()
    noon_words: dict[str, int] = field(default_factory=_d)  # "midi": 12, "minuit": 0
    #: folded words after a clock hour naming its part of the day ("8 heures du soir")
    #: -> the part's TimeML code (MO AF EV NI)
    clock_part_suffixes: dict[str, str] = field(default_factory=dict)
    #: the first hour of a 12-hour dial a night puts in the evening: English "night" and
    #: "tonight" run from the evening ("at 6:30 tonight" is 18:30), French "nuit" from late
    #: evening ("cette nuit à 6 h 30" is 06:30, "la nuit à 11 heures" 23:00)
    night_evening_from: int = 7
    #: own: regex of a clock time with the named groups h, m, pre, loc, h2, m2, s2, ampm, part
    #: ("16 h 30", "vers 0 h 40", "20:30 du soir")
    clock_pattern: str = ""
    #: own: regex of a 12-hour clock time, groups pre, h, m, ampm, h2, m2 ("4 p.m.")
    clock_ampm_pattern: str = ""
    pm_part_suffixes: Words = ()  # a clock part ending so is after noon ("du soir")
    clock_prepositions: str = ""  # regex, folded, at the end of the text before "16 heures"
    clock_hour_units: Words = ()  # "heure": "a 16 heures" is a clock time, not a duration
    #: "10 p.m. Wednesday" is one expression (TempEval English), not two (French TimeBank)
    clock_day_one_expression: bool = False

    # --- dates ---
    date_leads: Words = ()  # "du", "on" before a day and month
    date_articles: Words = ()  # "le", "the"
    first_day: Words = ()  # "1er": the first of the month written so
    ordinal_suffixes: Words = ()  # "st", "er" after a day number
    first_only_ordinals: Words = ()  # of those, the ones the second day of "6 et 13" never takes
    day_list_joiners: Words = ()  # "et", "and": two days or a range
    day_range_joiners: Words = ()  # "a", "to": always a range ("-" is language-free)
    repeated_article: Words = ()  # "les 6 et le 13": "le"
    month_of: Words = ()  # "12 of June": "of"
    month_day_order: bool = False  # own: "June 12, 2023" is written
    year_followers: Words = ()  # words after a 2-digit year ("mai 98 a ...")
    relative_after: Words = ()  # regex: "derniers?" after a date
    year_relatives: dict[str, int] = field(default_factory=_d)  # "l'an dernier": -1
    year_relative_leads: Words = ()  # "de" (l'an dernier)
    period_modifiers: dict[str, str | None] = field(default_factory=dict)  # "debut": "START"
    modifier_links: Words = ()  # regex after a modifier: "d[e']\\s*", "of\\s+"
    month_leads: Words = ()  # regex: "(?:le\\s+)?mois\\s+d[e']\\s*"
    month_pre: Words = ()  # "last", "next", "this" before a month
    year_leads: Words = ()  # "l'annee", "the year"
    decade_articles: Words = ()
    decade_nouns: Words = ()  # "annees" (80)
    decade_suffix_s: bool = False  # "the 1990s", "'80s"
    #: regex, folded, right before a decade that is an age ("in his 30s", "in her early 40s")
    decade_age_before: str = ""
    #: regexes, folded: a decade that is a temperature ("highs in the 70s", "the 70s (about
    #: 22 degrees Celsius)"), read before and after it
    decade_measure_before: str = ""
    decade_measure_after: str = ""
    #: folded words between a clock time and the day it takes ("11:36 am local time on
    #: Tuesday", "10 h heure locale jeudi")
    local_time_words: Words = ()
    #: how the language's corpora write a decade: ISO-TimeML (French TimeBank) "199X",
    #: TimeML 1.2 (TimeBank, TempEval-3) "199"
    decade_x: bool = True
    #: "six weeks ago" as the week it falls in (English TimeML: TimeBank and AQUAINT write
    #: 1999-W47 two times in three); French corpora and specs write the day
    weeks_ago_as_week: bool = False
    #: minutes said after a clock hour in words: "sept heures et quart" (+15), "moins le
    #: quart" (-15); "moins dix" / "trente" are read as numbers
    clock_minute_words: dict[str, int] = field(default_factory=dict)
    clock_minus: Words = ()  # "moins"
    clock_minute_joiners: Words = ()  # "et": "sept heures et vingt minutes"
    #: own regex (folded): two bare hours of a range, groups ``h1``/``h2``, read as clocks
    #: only right after a day ("le 17 de 14 à 16"; ``temporal.day_clock_range``)
    day_clock_range: str = ""
    #: a duration after these is a point ahead of the telling: "dans trois ans" (2019),
    #: "dans deux semaines"; English "in five years" is left alone ("the first in 108 years")
    ahead_leads: Words = ()  # regex, folded, before the amount: "\\bdans\\s+$"
    #: the same only when the governing verb is future: English "will be redeemed in
    #: five years" (1994 in TimeBank) but "the first title in 108 years" (a span)
    ahead_leads_if_future: Words = ()
    #: halves of a year, only with the year said ("the first half of 1990", "this year's
    #: second half", "the second half of the year"): a bare "the second half" is a match's
    halves: dict[str, int] = field(default_factory=dict)  # "first": 1
    half_words: Words = ()  # "half"
    #: own: a quarter's or half-year's label with its number, as business pages write it
    #: ("T3 2019", "Q1-2018", "S1 2020", "2019-H2", "trimestre 1") -> "Q" or "H". A letter
    #: code needs its year beside it ("un T3" is a flat, "S1" a season of a series); a
    #: word may stand alone
    period_codes: dict[str, str] = field(default_factory=dict)
    #: own: the word of an ISO week said by its number ("semaine 10", "en semaine 12 de
    #: 2020", as health bulletins and retail figures write it)
    week_number_words: Words = ()
    year_nouns: Words = ()  # regex: "the\\s+year" (the reference's year)
    #: own: the n-th (or last: -1) week of a month or a year ("la dernière semaine de
    #: juillet", "la première semaine de 2015"): TimeML's ISO week, the week whose
    #: Thursday falls in that month or year (ISO's own rule for the year's first week)
    week_ordinals: dict[str, int] = field(default_factory=dict)  # "premiere": 1
    week_articles: Words = ()  # "la"
    week_words: Words = ()  # "semaine"
    week_of_links: Words = ()  # regex: "de\\s+", "d'"
    #: own: the n-th (or last: -1) weekday of a month ("le premier lundi de septembre",
    #: "le dernier dimanche de mai", "le deuxième mardi du mois prochain"), folded
    weekday_ordinals: dict[str, int] = field(default_factory=dict)  # "premier": 1
    #: regex: the month named by its unit after those ("du mois", "de ce mois"); the
    #: pack's ``unit_relatives`` may follow ("du mois prochain")
    month_unit_links: Words = ()
    century_articles: Words = ()
    century_ordinals: Words = ()  # "e", "th"
    century_words: Words = ()
    quarter_leads: Words = ()  # "au", "du"
    quarter_articles: Words = ()
    quarters: dict[str, int] = field(default_factory=_d)  # "premier": 1 ... "dernier": 0 (last)
    quarter_words: Words = ()
    quarter_year_links: Words = ()  # regex: "de\\s+"
    #: own: word between article and "quarter" -> years back from the quarter being
    #: reported ("the year-ago quarter": -1); "" is the bare "the quarter"
    quarter_relatives: dict[str, int] = field(default_factory=dict)
    #: own: nouns for the period an earnings report is about ("the latest period", "the
    #: 1989 period"): the quarter named before, when one was
    report_period_nouns: Words = ()
    numeric_weekday_article: Words = ()  # "le" (lundi 12/05/2023)
    #: own: regex of a day/month without year ("12/5"), groups d and m
    day_month_pattern: str = ""
    #: own: regex of a day of the month said alone ("le 23."), group d1, optional rel
    day_only_pattern: str = ""
    #: own: regex of a whole unit ("toute la journée": P1D), group unit (a key of units)
    whole_unit_pattern: str = ""
    dateparser_language: str = ""  # the code dateparser knows this language by
    slash_date_order: str = "DMY"  # order of 12/05/2023

    # --- relative words: what each means ---
    #: prefix of a relative word -> "last", "previous", "next", "following", "this"
    relative_senses: dict[str, str] = field(default_factory=dict)
    weekday_leads: Words = ()  # "ce", "last", "on" before a weekday
    weekday_same: Words = ()  # "meme" (vendredi)
    weekday_day_stops: Words = ()  # regex: after "jeudi 16", not a day of month ("heures?")
    weekday_relatives: Words = ()  # "dernier", "prochain"
    anchored_weekday_leads: Words = ()  # "ce" (vendredi): the anchor's week
    weekday_names_after: Words = ()  # "Vendredi Saint": a name of a day (regex, after)
    unit_determiners: Words = ()  # "cette", "last", "the past"
    unanchored_determiners: Words = ()  # "la" (semaine) alone is no date
    calendar_units: dict[str, str] = field(default_factory=dict)  # "semaine": "week"
    unit_end_pattern: str = ""  # own regex: "year's end" (groups unit, mod)
    this_suffix: Words = ()  # regex: "-ci"
    unit_relatives: Words = ()  # regex: "derniere?"
    period_part_modifiers: Words = ()  # "debut", "end"
    period_part_links: Words = ()  # regex: "de\\s+la", "of\\s+the"
    period_part_units: Words = ()
    period_part_relatives: Words = ()  # regex
    period_part_short_link: Words = ()  # own, regex: "debut d'annee" ("d[e']\\s*")

    # --- durations, frequencies, references ---
    units: dict[str, str] = field(default_factory=dict)  # -> TimeML unit; "SEM" semester
    amount_modifiers: Words = ()  # regex: "plus d[e']", "about"
    modifier_values: dict[str, str | None] = field(default_factory=dict)  # "plus de": "MORE_THAN"
    duration_determiners: Words = ()  # "ces", "the"
    duration_adjectives: Words = ()  # regex: "dernieres?", "past"
    duration_adjectives_after: Words = ()  # regex: between amount and unit ("15 derniers jours")
    #: regex, after the unit: "les 5 années à venir" (the duration starts at the telling)
    duration_relatives_after: Words = ()
    vague_amounts: Words = ()  # "plusieurs", "a few"
    counted_amounts: dict[str, int] = field(default_factory=dict)  # "a couple of": 2
    indefinite_articles: Words = ()  # "un", "a": one
    partitive_article: Words = ()  # "des" (jours)
    plural_units: Words = ()  # units after the partitive article
    #: glued after a unit, an adjective of how long ("day-long", "decades-long", "weeklong")
    long_suffixes: Words = ()
    half_suffixes: Words = ()  # regex: "\\s+et\\s+demie?"
    quarter_suffixes: Words = ()  # regex: "\\s+et\\s+un\\s+quart" ("un an et un quart")
    idiom_units: Words = ()  # "un jour": an idiom unless qualified
    units_not_after_article: Words = ()  # "a min": no duration
    age_units: Words = ()  # "ans": a duration that may be an age
    age: AgeCues = field(default_factory=AgeCues)
    ago_prefixes: Words = ()  # "il y a"
    ago_prefix_amounts: Words = ()
    ago_suffixes: Words = ()  # "ago"
    #: ago suffixes counted from the story's time, not the telling's: "earlier" ("founded in
    #: 1990 ... five years earlier" is 1985; "ago" is always from the telling)
    anaphoric_suffixes: Words = ()
    ago_suffix_amounts: Words = ()
    ago_approx: Words = ()  # regex, between amount and "ago": "or so" (a week or so ago)
    vague_determiners: Words = ()  # "ces" (derniers jours)
    vague_relatives: Words = ()
    vague_units: Words = ()
    bare_vague_relatives: Words = ()  # "recent" (weeks): a vague duration with no determiner
    bare_plural_leads: Words = ()  # "for", "within" (years): a bare plural unit, vague duration
    #: a bare plural unit before these is a vague duration too ("Days later", "Hours
    #: earlier"); and "a day" before them is no idiom ("A day later")
    bare_plural_follows: Words = ()
    #: before a weekday, "yesterday" or "this week": part of the expression (TimeML spans
    #: "early Tuesday", "late yesterday", "earlier this month", "late last year")
    near_modifiers: Words = ()
    #: regex, before a month, a year or "last year": part of the expression, its word a mod
    #: ("the end of 1994", "the beginning of October": TimeML spans them whole)
    period_of_leads: Words = ()
    #: before a holiday, in its span: "last Thanksgiving", "next Christmas"
    holiday_relatives: Words = ()
    bare_plural_follow_units: Words = ()  # the units that may stand so ("hours" too)
    per_words: Words = ()  # "par" (jour)
    per_units: Words = ()
    lexical_durations: dict[str, int | None] = field(default_factory=dict)  # own: "quinquennat": 5
    #: own: years said in words ("nineteen ninety-six", "the year two thousand"): the
    #: hundreds words and their value, the words a thousands year needs before it
    spoken_centuries: dict[str, int] = field(default_factory=dict)  # "nineteen": 19
    spoken_thousands: dict[str, int] = field(default_factory=dict)  # "two thousand": 2000
    spoken_year_leads: Words = ()  # regex: "the year" (needed before a thousands year)
    #: own: decades in words ("the nineties", "the nineteen-eighties"): word -> tens digit
    decade_words: dict[str, int] = field(default_factory=dict)
    #: own: "the year-ago period", "year-earlier results": the period a year before the
    #: one being reported (regex; resolved as "a year earlier")
    year_ago_pattern: str = ""
    #: own: "for the year ended March 31", "the fiscal year ending June 30": a year's
    #: length, the date after it its end (regex with a ``span`` group)
    ended_year_pattern: str = ""
    every_words: Words = ()  # "chaque", "every"
    set_parts: Words = ()  # regex: "soirs?"
    plural_weekday_article: Words = ()  # "les" (lundis)
    frequency_adjectives: Words = ()  # regex: "quotidien(?:ne)?s?"
    frequency_values: dict[str, str] = field(default_factory=dict)  # prefix -> "P1D"
    newspaper_words: Words = ()  # "quotidien": also a newspaper
    newspaper_before: Words = ()  # regexes, folded, before it when it is the newspaper
    references: dict[str, str] = field(default_factory=dict)  # "maintenant": "PRESENT_REF"
    reference_prefixes: dict[str, str] = field(default_factory=dict)  # "actuel": PRESENT_REF
    reference_patterns: Words = ()  # regex: "actuel(?:le)?s?"
    reference_noun_before: dict[str, str] = field(default_factory=dict)  # "futur": "le futur"
    #: TimeML type the language's corpora give PRESENT_REF / PAST_REF / FUTURE_REF
    #: (ISO-TimeML French TimeBank: TIME; TempEval-3 English: DATE)
    reference_type: str = "DATE"
    #: words that are time words only in a text of this language ("on", "now", "tonight")
    own_text_only: Words = ()

    # --- bare years: what makes a 4-digit number a year or not (regex fragments) ---
    year_prepositions: Words = ()  # "en", "since" before a year
    year_blockers_before: Words = ()  # "page", "article"
    year_units_after: Words = ()  # "euros", "people"
    plural_noun_after: Words = ()  # "1945 soldats": a count
    range_joiners: Words = ()  # "du 18 novembre au 19 decembre 2015": "au"
    #: folded words opening a range of dates ("de mars à ce jour", "entre mars et mai")
    range_openers: Words = ()

    tense: TenseCues = field(default_factory=TenseCues)
