"""English number words and counting conventions for the quantity extractor."""

from __future__ import annotations

from veille.lang.number_words import NumberWords

WORDS = NumberWords(
    words=(
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety", "hundred", "thousand", "million",
    ),
    joiners=("and",),
    one_words=("one", "a"),
    text2num_language="en",
    # lakh and crore: Indian English news counts in them ("2 lakh", "Rs 5 crore")
    scales=("thousands?", "millions?", "billions?", "trillions?", "bn", "lakhs?", "crores?",
            "dozens?"),
    scale_values={"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9,
                  "trillion": 1e12, "lakh": 1e5, "crore": 1e7, "dozen": 12.0},
    approx_scales=("dozens?",),
    # US/euro cents and pence: money in the currency's hundredths
    currency_subunits={"cents": ("USD", 0.01), "cent": ("USD", 0.01), "pence": ("GBP", 0.01)},
    # "hundred dollar bills": a scale word with no number before it states none ("a
    # hundred" does: the one-word before it is read)
    bare_scales=("hundreds", "thousands", "millions", "hundred", "thousand", "dozens", "dozen"),
    comma_thousands=True,
    currencies={
        "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP",
        "pounds": "GBP", "franc": "CHF", "francs": "CHF", "rouble": "RUB", "roubles": "RUB",
        "yuan": "CNY", "yen": "JPY", "hryvnia": "UAH", "hryvnias": "UAH",
    },
    hundred_words=("hundred",),
    point_nouns=("point", "points"),
    point_percent_links=(r"to", r"at"),
    noun_phrase_head="last",
    point_change_links=(r"(?:up|down)\s+(?:by\s+)?", r"(?:a\s+)?(?:rise|drop|fall|gain|increase"
                        r"|decrease|decline)\s+of\s+", r"(?:ris|dropp|fall|gain|los)\w*\s+(?:by\s+)?"),
    units={"percentage points": "pp", "percentage point": "pp",  # no percentage: a difference
           "percent": "percent", "per cent": "percent", "kilometres": "km", "kilometre": "km",
           "metres": "m", "metre": "m", "kilos": "kg", "tons": "t", "tonnes": "t",
           "litres": "l", "hectares": "ha", "miles": "mile", "mile": "mile",
           "kilometers": "km", "kilometer": "km", "meters": "m", "meter": "m",
           "feet": "foot", "foot": "foot", "ft": "foot", "inches": "inch", "inch": "inch",
           "square miles": "mi2", "square kilometres": "km2", "square kilometers": "km2",
           "square meters": "m2", "square metres": "m2", "acres": "acre", "gallons": "gallon",
           "barrels": "barrel", "ounces": "ounce", "kilograms": "kg", "kilogram": "kg",
           "grams": "g", "milligrams": "mg", "micrograms": "µg", "liters": "l",
           "millilitres": "ml", "milliliters": "ml", "nautical miles": "nmi",
           "miles per hour": "mph", "mph": "mph", "kph": "km/h", "kilometres per hour": "km/h",
           "kilometers per hour": "km/h", "megawatts": "MW", "gigawatts": "GW",
           "centimetres": "cm", "centimeters": "cm", "millimetres": "mm", "millimeters": "mm",
           "degrees": "°", "metric tons": "t", "metric tonnes": "t", "ton": "t",
           "pound": "lb", "pounds": "lb", "lb": "lb", "lbs": "lb",
           "degrees celsius": "°C", "degree celsius": "°C", "degree fahrenheit": "°F",
           "degree": "°", "degrees fahrenheit": "°F", "° celsius": "°C",
           "° fahrenheit": "°F",
           "yards": "yard", "yard": "yard", "light years": "ly", "light-years": "ly",
           "light year": "ly", "light-year": "ly"},
    # "between the ages of 18 and 35": the opener of an age range ("18 and 35" was 18)
    range_openers=("between", "from", "between the ages of"),
    range_joiners=("to",),
    change_verbs=(r"(?:rose|risen|rising|rises?|climb(?:ed|s|ing)?|jump(?:ed|s|ing)?"
                  r"|increas(?:ed|es|ing)|gr[eo]w(?:n|s|ing)?|surg(?:ed|es|ing)|soar(?:ed|s|ing)?"
                  r"|went|gone|fell|fallen|falling|dropp(?:ed|ing)|declin(?:ed|es|ing)"
                  r"|rais(?:ed|es|ing)|cut|lower(?:ed|s|ing)?|revised(?: up| down)?)",),
    change_openers=("from",),
    pair_openers=("between", "between the ages of"),
    list_joiners=("and", "or"),
    alternative_joiners=("or",),
    unit_links=(r"of\s+",),
    partitives=("of", "of the"),
    partitive_nouns=("of the",),
    count_nouns=("number",),
    stop_next=(
        "the", "of", "and", "to", "in", "at", "for", "with", "by", "from", "is", "are", "was",
        "were", "have", "has", "had", "will", "would", "that", "which", "who", "or", "but",
        "as", "it", "they", "he", "she", "we", "you", "a", "on", "times", "per", "over",
        "under", "about", "into", "after", "before", "during", "since", "than", "last",
        "next", "this", "ago", "later", "earlier",
        "o'clock",  # "at three o’clock": a clock the time grammar may leave
    ),
    prenominal=("new", "other", "more", "large", "small", "young", "old", "big", "major",
                "additional"),
    noun_links=("of",),
    participle_endings=("ed",),
    adjectives_before_noun=True,
    plural_endings=("s",),
    ordinal_suffixes=("st", "nd", "rd", "th"),
    more_than=(r"more than", r"over", r"exceed(?:s|ed|ing)?", r"greater than", r"higher than", r"above",
               r"in excess of", r"upwards of", r"exceeding",
               # "children older than 4", "over the age of 65": an age's bound
               r"older than", r"over (?:the )?age(?: of)?", r"(?:taller|longer|heavier) than"),
    at_least=(r"at least", r"no (?:fewer|less) than", r"a minimum of", r"not less than"),
    less_than=(r"less than", r"fewer than", r"under", r"below", r"lower than",
               r"younger than", r"under (?:the )?age(?: of)?",
               r"(?:shorter|lighter|smaller) than"),
    at_most=(r"at most", r"no more than", r"a maximum of", r"not more than", r"up to a maximum of"),
    exactly=(r"exactly", r"precisely", r"equal to"),
    up_to=(r"up to", r"as many as", r"as much as"),
    approx=(r"about", r"around", r"roughly", r"approximately", r"nearly", r"almost",
            r"some", r"close to", r"an estimated", r"estimated", r"circa", r"some \d+ to"),
    approx_after=(r"or so",),
    # "65 plus." only before punctuation: French "plus" follows numbers ("dix euros plus cher")
    # "people ages 65 and over", "children 12 and under"
    or_more=(r"or more", r"and more", r"and up", r"plus(?=\s*[,.;:)]|\s*$)",
             r"(?:and|or) (?:over|above|older)(?![\w-])"),
    or_less=(r"or less", r"or fewer", r"(?:and|or) (?:under|below|younger)(?![\w-])"),
    bound_joiners=(r"and", r"but", r","),
    # "did not exceed 50", "is not above", "never under": "no more than" is at_most itself
    bound_negations=(r"(?:(?<![\w])(?:not|never)|(?<![\w])[a-z]*n't)\s+"
                     r"(?:(?:be|been|go|goes|went|rise|rose|fall|fell)\s+)?",),
    fraction_words={"half": 2.0, "halves": 2.0, "third": 3.0, "thirds": 3.0, "quarter": 4.0,
                    "quarters": 4.0},
    negative_words=("minus", "negative"),
    measure_links=("of",),
    vague_before=("several", "a few", "few", "a couple of", "couple of", "many", "some few"),
    fraction_links=("of the", "of", "the"),
    time_nouns=("year", "years", "month", "months", "week", "weeks", "day", "days", "hour",
                "hours", "minute", "minutes", "second", "seconds", "decade", "decades",
                "century", "centuries", "year-old", "years-old"),
    ratio_joiners=("in", "out of"),
    decimal_words=("point",),
    phone_before=(r"call(?:ed|ing|s)?", r"dial(?:ed|ing|s)?", r"text(?:ed|ing|s)?",
                  r"hotline(?: number)?", r"phone(?: number)?"),
    position_links=(r"(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ward)?"
                    r"\s+(?:of|off(?:\s+the\s+(?:coast|shores?)\s+of)?)",
                    r"off(?:\s+the\s+(?:coast|shores?)\s+of)?", r"(?:away\s+)?from",
                    r"outside(?:\s+of)?", r"(?:inland|offshore)\s+(?:of|from)"),
    one_idioms=("point", "day", "thing", "way", "time", "hand", "side", "night", "morning",
                "evening", "moment", "another", "kind", "sort", "hell", "heck"),
    approx_suffixes=(r"[- ]odd(?![\w-])",),
    age_verbs=(r"turn(?:s|ed|ing)?", r"aged", r"(?:the\s+)?ages?\s+of", r"ages?",
               r"older than", r"younger than"),
    year_determiners=("the", "this", "that", "its", "their", "his", "her", "our", "your",
                      "a", "an", r"[a-z]+['’]s"),
    slash_date_before=("the", "since", "after", "before", "post-", "pre-", "of"),
    temperature_cues=(r"temperatures?", r"heat\w*", r"cold\w*", r"warm\w*", r"hot\w*",
                      r"weather", r"forecast\w*", r"degrees", r"freez\w*", r"thermometers?",
                      r"celsius", r"fahrenheit", r"frost\w*", r"chill\w*", r"cool\w*",
                      r"highs?", r"lows?", r"met office"),
    period_before_fraction=("first", "second", "third", "fourth", "last", "latter", "former",
                            "final", "opening", "early", "late"),
    counter_nouns=("photos", "images", "pictures", "slides", "videos", "photographs"),
    # "a 14yo girl", "the 14 y/o boy": a social post's age, not 14 girls
    age_suffixes=(r"-(?:year|month|week|day)s?-old(?![\w])", r"\s?(?:yo|y/o|y\.o\.)(?![\w/])"),
    unit_senses={
        # "pounds" is money unless the sentence weighs something
        "pounds": (("lb", (r"weigh\w*", r"heav(?:y|ier|iest)", r"kilos?", r"kg",
                           r"kilograms?", r"ounces?", r"tons?", r"overweight", r"lost",
                           r"gained", r"diet\w*",
                           # a body described by its height: "At 5-feet-7 and 135 pounds"
                           r"\d+[- ](?:feet|foot|ft)", r"tall")),),
        "pound": (("lb", (r"weigh\w*", r"heav(?:y|ier|iest)", r"kilos?", r"kg",
                          r"kilograms?", r"ounces?", r"tons?")),),
    },
)
