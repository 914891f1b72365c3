"""English time words (folded: lower case) for the time grammar."""

from __future__ import annotations

from veille.lang.time_words import AgeCues, TenseCues, TimeWords

WORDS = TimeWords(
    months={
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    },
    month_abbreviations={
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    },
    # "May" is a month after these words only; "march" is a verb unless capitalised
    # "from March to May": the end of a range of months (not "from Merkel to May")
    ambiguous_months={"may": r"(?:\b(?:in|of|since|until|by|early|late|mid|last|next|this)\s+"
                             r"|\b(?:from|between)\s+(?:January|February|March|April|June|July|"
                             r"August|September|October|November|December)\s+"
                             r"(?:to|and|through|until)\s+)$",
                      "march": None},
    ambiguous_month_name_after=r"^\s+(?:of|for)\s+(?:the\s+)?[A-Z]",
    # "the Women's March": a month after a capitalised genitive is a name
    ambiguous_month_name_before=r"\b[A-Z][a-z]+['’]s\s+$",
    weekdays={"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
              "saturday": 5, "sunday": 6},
    fixed_holidays={
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
        "valentine's day": (2, 14), "boxing day": (12, 26),
        # the US Independence Day as news names it (the calendar's name is the other one)
        "fourth of july": (7, 4), "july fourth": (7, 4),
    },
    easter_holidays={"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2},
    # n-th weekday of a month (US): Thanksgiving the fourth Thursday of November, Labor Day
    # the first Monday of September
    nth_weekday_holidays={"thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4),
                          "labor day": (9, 0, 1)},
    # the US shopping days after Thanksgiving ("Nasa celebrated Black Friday" was the
    # Friday nearest the paper)
    holiday_offsets={"black friday": ("thanksgiving", 1), "cyber monday": ("thanksgiving", 4)},
    holidays=("christmas(?: day| eve)?", "easter(?: sunday| monday)?", "good friday",
              "new year's (?:day|eve)", "halloween", "thanksgiving(?: day)?",
              "valentine's day", "boxing day", "labor day", "black friday", "cyber monday",
              "fourth of july", "july fourth"),
    holiday_leads=("the",),
    # the other named days ("Election Day", "Memorial Day") from the `holidays` package;
    # American English first: the US calendar dates a name both write ("Labor Day")
    holiday_calendars=("US", "GB"),
    story_year_links=(r"of\s+that\s+(?:same\s+)?year", r"of\s+the\s+same\s+year",
                      r"that\s+(?:same\s+)?year"),
    seasons={"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"},
    seasons_needing_determiner=("fall",),
    season_leads=("in",),
    season_determiners=("this", "last", "next"),
    season_relatives=("last", "next"),
    season_specific_articles=("the",),
    season_year_links=(r"of",),
    relative_days={"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0},
    relative_day_parts={"tonight": "night"},
    day_parts={"morning": "MO", "noon": "MI", "afternoon": "AF", "evening": "EV",
               "night": "NI", "tonight": "NI"},
    part_pattern=("morning", "afternoon", "evening", "night"),
    this_part_determiners=("this", "last"),
    previous_day_determiners=("last",),
    this_parts=("morning", "afternoon", "evening", "night"),
    bare_part_leads=("during", "in"),
    bare_part_articles=(r"the\s+",),
    bare_parts=("evening", "night", "afternoon", "morning"),
    # "earlier that day", "later the same day"
    anchor_articles=("the", "earlier", "later"),
    number_label_nouns=("flight", "flights", "room", "route", "highway", "interstate", "gate",
                        "platform", "bus", "train", "copyright", "no", "number", "model", "row",
                        "section", "suite", "unit", "pier", "exit", "apartment", "channel",
                        "track", "lot", "box"),
    article_rates=True,
    offset_links={"before": -1, "after": 1, "from": 1},
    clause_after_links=("after",),
    week_links=("of",),
    week_of_leads=("the week of",),
    anchor_days={"next day": 1, "following day": 1, "day before": -1, "previous day": -1,
                 "same day": 0, "next morning": 1, "following morning": 1,
                 "next evening": 1, "following evening": 1, "previous night": -1,
                 "that day": 0, "that morning": 0, "that afternoon": 0, "that evening": 0,
                 "that night": 0},
    anchor_needs_story=("that",),
    noon_leads=("at", "around", "by", "before", "after", "until", "till", "from"),
    night_evening_from=5,
    clock_leads=("about", "approximately", "roughly", "since", "to", "and", "or", "between",
                 "through", "til", "is", "was", "of"),
    noon_words={"noon": 12, "midday": 12, "midnight": 0},
    clock_day_one_expression=True,
    # a wire's 24-hour clock, four digits before its zone: "(2100 GMT Monday)", "0630 local
    # time" (the years among them, "(1830 GMT)", are turned into clocks by the acceptance)
    # a season before these still dates ("the winter holidays"; "winter birds" is a kind)
    holiday_time_heads=("holiday", "holidays", "break", "vacation", "recess", "season",
                        "period", "solstice", "term", "session"),
    point_article_leads=("on",),
    length_units=("min", "mins", "minutes", "sec", "secs", "seconds"),
    clock_pattern=(r"(?<![\d.,:/-])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)"
                   r"(?=\s+(?:gmt|utc|local\s+time)\b)"),
    clock_ampm_pattern=(
        # "6.10am" (British) as "6:10am"
        r"(?:(?P<pre>around|about)\s+)?(?<![\d.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*"
        r"(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])"
        r"|(?<![\d:])(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)(?::(?P<s2>[0-5]\d))?(?![\d:])"
    ),
    date_leads=("on",),
    date_articles=("the",),
    ordinal_suffixes=("st", "nd", "rd", "th"),
    day_list_joiners=("and",),
    day_range_joiners=("to",),
    month_of=("of",),
    month_day_order=True,
    year_followers=("at", "in", "and"),
    year_relatives={"last year": -1, "next year": 1, "this year": 0},
    year_relative_leads=("of",),  # "by March of next year"
    period_modifiers={"early": "START", "late": "END", "mid-": "MID", "mid": "MID"},
    modifier_links=(r"of\s+",),
    month_pre=("this past", "this coming", "last", "next", "this"),
    year_leads=("the year", "fiscal"),
    decade_articles=("the",),
    decade_suffix_s=True,
    decade_age_before=r"\b(?:his|her|their|my|your|our|its)\s+(?:(?:early|mid|late)[- ]?\s*)?$",
    decade_measure_before=r"\b(?:temperatures?|highs?|lows?|mercury|thermometers?)\b[^.;]{0,40}$",
    decade_measure_after=r"^\s*(?:\(\s*(?:about|around)?\s*-?\d+\s*)?(?:degrees|°|fahrenheit)",
    local_time_words=("local time",),
    money_entities=True,
    game_words=("game", "match", "halftime", "half-time", "overtime", "touchdown", "goal",
                "inning", "quarterback", "kickoff", "buzzer", "timeout", "scoreboard",
                "play-off", "playoff", "referee", "whistle"),
    decade_x=False,
    weeks_ago_as_week=True,
    ahead_leads_if_future=(r"\bin\s+$",),
    halves={"first": 1, "second": 2, "last": 2, "latter": 2},
    half_words=("half",),
    year_nouns=(r"the\s+(?:current\s+|fiscal\s+)?year",),
    century_articles=("the",),
    century_ordinals=("th", "st", "nd", "rd"),
    century_words=("century",),
    quarter_articles=("the",),
    quarters={"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 0},
    quarter_words=("quarter",),
    quarter_year_links=(r"of\s+",),
    quarter_relatives={"latest": 0, "current": 0, "year-ago": -1, "year-earlier": -1},
    report_period_nouns=("period",),
    dateparser_language="en",
    slash_date_order="MDY",
    relative_senses={"last": "last", "the past": "last", "next": "next", "the coming": "next",
                     "this past": "last", "this coming": "next", "past": "last",
                     "the following": "following", "the previous": "previous",
                     "the preceding": "previous",
                     "this": "this", "current": "this"},
    weekday_leads=("this past", "this coming", "this", "last", "next", "on", "the following",
                   "the previous", "the preceding"),
    weekday_names_after=("Good",),  # "Good Friday"
    # "the weekend" is anchored like "this weekend" ("the week" alone is not)
    unit_determiners=("this past", "this coming", "this", "last", "next", "the past",
                      "the coming", "the following",
                      "the previous", "the preceding", r"the(?=\s+weekend)",
                      # "earlier in the year", "later in the week": the telling's, as
                      # "earlier this year" ("in the week after the attack" is not)
                      r"(?:(?<=earlier )|(?<=later ))in\s+the(?=\s+(?:week|month|year)\b)"),
    calendar_units={"weekend": "weekend", "week": "week", "month": "month", "year": "year",
                    "quarter": "quarter", "decade": "decade"},
    # "by year's end", "at year-end": the end of the year being told; "by year end" (two
    # words, no article) as "year's end"
    unit_end_pattern=(r"(?P<unit>year|month)(?:['’]s\s+|(?P<hy>-)|\s+)(?P<mod>end)"
                      r"(?![a-z-])"),
    period_part_modifiers=("beginning", "end", "middle"),
    period_part_links=(r"of\s+the", "of"),
    period_part_units=("week", "month", "year"),
    units={
        "second": "S", "seconds": "S",
        "hour": "H", "hours": "H",
        "day": "D", "days": "D",
        "night": "N", "nights": "N",
        "week": "W", "weeks": "W", "weekend": "WE", "weekends": "WE",
        "month": "M", "months": "M",
        "quarter": "Q", "quarters": "Q",
        "year": "Y", "years": "Y",
        "decade": "DE", "decades": "DE",
        "century": "CE", "centuries": "CE",
    },
    amount_modifiers=("about", "nearly", "almost", "more than", "over", "less than", "at least",
                      "around", "some"),
    modifier_values={
        "early": "START", "beginning": "START", "start": "START", "late": "END", "end": "END",
        "mid-": "MID",
        "mid": "MID", "middle": "MID", "about": "APPROX", "around": "APPROX",
        "nearly": "APPROX", "almost": "APPROX", "some": "APPROX", "more than": "MORE_THAN",
        "over": "MORE_THAN", "less than": "LESS_THAN", "at least": "EQUAL_OR_MORE",
    },
    duration_determiners=("the", "these", "this"),
    duration_adjectives=("last", "past", "next", "first"),
    vague_amounts=("several", "a few", "few", "many"),
    counted_amounts={"a couple of": 2, "couple of": 2, "a dozen": 12, "a half-dozen": 6, "half a dozen": 6},
    # "at least 20 more years", "two full days"
    duration_adjectives_after=("more", "full", "straight", "consecutive", "additional",
                               "further", "extra"),
    indefinite_articles=("a", "an"),
    plural_units=("days", "weeks", "months", "years", "decades"),
    long_suffixes=("long",),
    half_suffixes=(r"\s+and\s+a\s+half",),
    quarter_suffixes=(r"\s+and\s+a\s+quarter",),
    idiom_units=("day",),
    # "a second car": the ordinal, not a duration ("min"/"sec" likewise after an article)
    units_not_after_article=("min", "sec", "mois", "second"),
    age_units=("year", "years"),
    age=AgeCues(
        group_modifiers=("under", "over"),
        group_articles=("the",),
        after=("-old", r"\s*old\b"),
        before=(r"\baged\s*$",),
        person_nouns=("boy", "girl", "man", "woman", "child"),
        infant_units=("month", "months", "week", "weeks", "day", "days"),
    ),
    ago_suffixes=("ago", "earlier"),
    anaphoric_suffixes=("earlier",),
    spoken_centuries={"eighteen": 18, "nineteen": 19, "twenty": 20},
    spoken_thousands={"two thousand": 2000},
    spoken_year_leads=(r"the\s+year",),
    decade_words={"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                  "seventies": 7, "eighties": 8, "nineties": 9},
    year_ago_pattern=(r"(?:the\s+(?:comparable\s+)?)?(?P<ya>year-(?:ago|earlier))"
                      r"(?:\s+period)?(?![a-z-])"
                      # "the year-earlier nine months", "the year-ago quarter": that period
                      r"(?!\s+(?:[a-z0-9-]+\s+)?(?:months?|quarters?|weeks?|half)\b)"),
    ended_year_pattern=r"(?P<span>the\s+(?:fiscal\s+|financial\s+)?year)\s+(?:ended|ending)\b",
    ago_suffix_amounts=("a few", "several", "a", "an"),
    ago_approx=(r"or\s+so",),
    vague_determiners=("these", "the"),
    vague_relatives=("last", "past", "next", "coming"),
    vague_units=("days", "weeks", "months", "years", "decades", "centuries"),
    bare_vague_relatives=("recent", "coming"),
    bare_plural_leads=("for", "within", "in"),  # "the first time in years"
    bare_plural_follows=("later", "earlier"),
    near_modifiers=("earlier", "later", "early", "late"),
    period_of_leads=(r"the\s+(?:beginning|end|start|middle)\s+of",),
    holiday_relatives=("last", "next", "this"),
    bare_plural_follow_units=("minutes", "hours", "days", "weeks", "months", "years", "decades"),
    per_words=("per",),
    per_units=("day", "week", "month", "year"),
    every_words=("every", "each"),
    plural_weekday_article=("on",),
    set_parts=("morning", "evening", "night"),
    frequency_adjectives=("daily", "weekly", "monthly", "annually", "yearly", "hourly"),
    frequency_values={"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                      "yearly": "P1Y", "hourly": "PT1H"},
    newspaper_words=("daily", "weekly"),
    # "the German daily Sueddeutsche Zeitung", "the French daily Le Monde": the newspaper
    # (a nationality adjective, or a capitalised title right after it)
    newspaper_before=(r"\b[a-z]+(?:an|ese|ish|ch|i)\s+$",),
    references={
        "nowadays": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
        "at the moment": "PRESENT_REF", "the future": "FUTURE_REF", "recently": "PAST_REF",
        "now": "PRESENT_REF",
    },
    # "in the past" (not "the past two weeks", "the past year": those are periods)
    reference_patterns=(r"the\s+past(?!\s+(?:[a-z]+\s+){0,2}(?:days?|weeks?|months?|quarters?|"
                        r"years?|decades?|centur(?:y|ies)|hours?|minutes?|weekends?|"
                        r"springs?|summers?|autumns?|falls?|winters?|seasons?|[0-9]|"
                        # "the past five seasons", "the past two years": counted, a period
                        r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"fifteen|twenty|thirty|forty|fifty|few|several|couple|dozen)\b)",),
    reference_prefixes={"the past": "PAST_REF"},
    own_text_only=("tonight", "now", "on"),
    year_prepositions=("in", "since", "of", "from", "until", "by", "before", "after", "circa"),
    year_blockers_before=(r"no\.", "page", r"p\.", "article", "code"),
    year_units_after=("people", "men", "troops"),
    plural_noun_after=(r"[a-z]{3,}s\b",),
    range_joiners=("to", "and", "until", "through"),
    range_openers=("from", "between", "since"),
    tense=TenseCues(
        future=r"\b(?:will|shall|'ll|going to|next|upcoming|scheduled|plans? to|due to)\b",
        past=(
            r"\b(?:[a-z]{3,}ed|was|were|had|did|said|told|went|came|met|took|gave|made|saw|"
            r"last|ago|yesterday|earlier)\b"
        ),
        subordinators=("whereas", "while", "but", "when", "because"),
        future_auxiliaries=("will", "shall", "'ll", "wo", "would"),
        perfect_auxiliaries=("have",),
        past_before=(r"\bsince\s*$",),
        deadline_before=(r"\b(?:until|till|through)\s*$",),
        bare_participle_past=True,
        neutral_modals=("could", "can", "may", "might", "should", "must"),
        copula_lemmas=("be",),
        intention_verbs=("plan", "schedule", "expect", "intend", "promise", "vow", "threaten",
                         "prepare"),
    ),
)
