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
    scales=("thousands?", "millions?", "billions?", "trillions?", "bn"),
    scale_values={"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9,
                  "trillion": 1e12},
    bare_scales=("hundreds", "thousands", "millions"),
    comma_thousands=True,
    currencies={
        "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP",
        "pounds": "GBP", "franc": "CHF", "francs": "CHF", "rouble": "RUB", "roubles": "RUB",
        "yuan": "CNY", "yen": "JPY", "hryvnia": "UAH", "hryvnias": "UAH",
    },
    units={"percent": "percent", "per cent": "percent", "kilometres": "km", "kilometre": "km",
           "metres": "m", "metre": "m", "kilos": "kg", "tons": "t", "tonnes": "t",
           "litres": "l", "hectares": "ha", "miles": "mile", "mile": "mile"},
    range_openers=("between", "from"),
    range_joiners=("to",),
    list_joiners=("and", "or"),
    unit_links=(r"of\s+",),
    partitives=("of", "of the"),
    partitive_nouns=("of the",),
    stop_next=(
        "the", "of", "and", "to", "in", "at", "for", "with", "by", "from", "is", "are", "was",
        "were", "have", "has", "had", "will", "would", "that", "which", "who", "or", "but",
        "as", "it", "they", "he", "she", "we", "you", "a", "on",
    ),
    prenominal=("new", "other", "more", "large", "small", "young", "old", "big", "major",
                "additional"),
    noun_links=("of",),
    participle_endings=("ed",),
    adjectives_before_noun=True,
    plural_endings=("s",),
    ordinal_suffixes=("st", "nd", "rd", "th"),
)
