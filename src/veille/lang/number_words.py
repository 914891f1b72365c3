"""The number words and rules one language gives the analysis (see lang/base.py).

Read by the quantity extractor (``veille.analyze.quantities``) and, for the
number words, by the time grammar ("trois jours"). Words are folded (lower
case, no accents, straight apostrophe). A ``tuple[str, ...]`` is a list of regex
alternatives, mostly plain words; an empty one means the language has no such
form, and the extractor leaves it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Words = tuple[str, ...]

#: comparison signs bound a number in every language ("> 20", "≤ 5 %"): bound name ->
#: regex alternatives, read beside each pack's words
COMPARISON_SIGNS: dict[str, Words] = {
    "at_least": (r">=", r"≥", r"⩾"), "at_most": (r"<=", r"≤", r"⩽"),
    "more_than": (r">(?!=)",), "less_than": (r"<(?!=)",), "exactly": (r"=",),
}


@dataclass(frozen=True)
class NumberWords:
    """One language's ways of writing and reading numbers and what they count."""

    words: Words = ()  # number words text2num composes ("vingt", "twenty")
    joiners: Words = ()  # "vingt et un", "one hundred and two": "et", "and"
    one_words: Words = ()  # "un", "one", "a": one (counted only before a scale word)
    text2num_language: str = ""  # the code text2num knows this language by
    #: scale words (regex alternatives) and the value of each word's prefix
    scales: Words = ()
    scale_values: dict[str, float] = field(default_factory=dict)
    bare_scales: Words = ()  # full-match: a scale word alone ("des millions") counts nothing
    scale_endings: Words = ()  # regex: a number written out ending so takes "de" + noun
    scale_links: Words = ()  # regex: "trois millions de personnes": "de\\s+"
    dot_thousands: bool = False  # "70.000" is seventy thousand
    comma_thousands: bool = False  # "1,500" is fifteen hundred
    currencies: dict[str, str] = field(default_factory=dict)  # "euros": "EUR"
    units: dict[str, str] = field(default_factory=dict)  # "kilometres": "km"
    range_openers: Words = ()  # "entre", "between"
    range_joiners: Words = ()  # "a", "to" ("-" is language-free)
    #: regex of the verbs of change ending right before a range's opener ("est passé de 12
    #: à 15 morts", "rose from 3 to 5 percent"): a change, the two values apart, not a range
    change_verbs: Words = ()
    #: the openers that say "from" after such a verb ("de", "from"; not "entre")
    change_openers: Words = ()
    list_joiners: Words = ()  # "et", "or": two numbers unless after a range opener
    #: list joiners that offer two guesses of one number: "deux ou trois blessés", "seven
    #: or eight thousand votes" state a rough range, not two counts
    alternative_joiners: Words = ()
    unit_links: Words = ()  # regex between number and unit: "d['e]\\s*", "of\\s+"
    partitives: Words = ()  # "quatre des six": "des", "of"
    partitive_nouns: Words = ()  # "trois des soldats": "des"
    #: lemmas of a subject that says what the number after its verb counts ("le nombre
    #: de morts s'élève à 45", "the number of deaths rose to 813")
    count_nouns: Words = ()
    stop_next: Words = ()  # words after a number that are not what it counts
    prenominal: Words = ()  # adjectives skipped before the counted noun
    noun_links: Words = ()  # tokens skipped between number and noun in a parse ("de")
    participle_endings: Words = ()  # "véhicules blindés": the participle joins the noun
    adjectives_before_noun: bool = False  # "21 armored vehicles": the noun is the plural word
    plural_endings: Words = ()  # a plural noun ends so (with adjectives_before_noun)
    ordinal_suffixes: Words = ()  # regex: "35e", "2nd": not a count
    # bounds around a number (issue #17): regex alternatives on folded text, read just
    # before the number ("plus de 15") or just after it ("500 ou plus")
    more_than: Words = ()  # "plus de", "more than", "over"
    at_least: Words = ()  # "au moins", "at least"
    less_than: Words = ()  # "moins de", "fewer than"
    at_most: Words = ()  # "au plus", "no more than"
    up_to: Words = ()  # "jusqu'a", "up to"
    exactly: Words = ()  # "egal a", "exactly": a stated value, said to be exact
    approx: Words = ()  # "environ", "pres de", "about"
    approx_after: Words = ()  # "500 environ", "or so"
    or_more: Words = ()  # "ou plus", "or more"
    or_less: Words = ()  # "ou moins", "or less"
    bound_joiners: Words = ()  # "superieur a 20 et inferieur a 35": one range
    #: regex ending right before a bound word that negates it: "n'est pas superieur a 50"
    #: is at most 50, "did not exceed 50" too (a bound that holds its own negation, "pas
    #: plus de", "no more than", is in its list already)
    bound_negations: Words = ()
    #: regex ending right before a number that restricts it to "only" ("il ne reste plus
    #: que 100 habitants", "n'a que 20 ans"): a bound word inside it ("plus que") states no
    #: bound
    only_before: Words = ()
    #: fraction words and their denominators ("quart": 4); ordinal words as denominators
    #: ("trois cinquiemes") are read through text2num's ordinals
    fraction_words: dict[str, float] = field(default_factory=dict)
    negative_words: Words = ()  # "negatif un": -1
    measure_links: Words = ()  # "34 inches of snow": a measure's noun comes after these
    fraction_links: Words = ()  # "deux tiers des", "half the": between a fraction and its noun
    vague_before: Words = ()  # "several hundred", "a couple of hundred": no number stated
    time_nouns: Words = ()  # "87 ans", "five years old": left by the time grammar, an age
    #: "un sur trois", "one in five", "three out of four": numerator, these, denominator
    #: make a fraction (regex alternatives on folded text)
    ratio_joiners: Words = ()
    #: nouns after "one" in set phrases where nothing is counted ("at one point", "one
    #: day"): a "one" the parse makes a numeral of another noun counts it ("one candidate")
    one_idioms: Words = ()
    #: scale words that state a number roughly ("une trentaine", "a dozen"): regex
    approx_scales: Words = ()
    #: a currency's hundredth, word -> (ISO code, factor): "75 cents" is USD 0.75
    currency_subunits: dict[str, tuple[str, float]] = field(default_factory=dict)
    #: regex after a number making it approximate before its noun: "100-odd humans"
    approx_suffixes: Words = ()
    #: regex after a number making it an age, the match (less a leading "-") its noun:
    #: "29-year-old"
    age_suffixes: Words = ()
    #: the hundred's number words, read as a scale in an amount said in parts after a
    #: larger scale ("4 mille 3 cents": 4,300; ``quantities.compound``)
    hundred_words: Words = ()
    #: folded nouns of points that are percentage points when a percentage follows them
    #: ("a reculé de 0,3 point à 7,1 %", "dropped 4 points to 38%"): ``quantities.points``
    point_nouns: Words = ()
    #: regex of the words between such points and the percentage they lead to ("à", "to")
    point_percent_links: Words = ()
    #: regex of the change said between a percentage and the points that follow it, up to
    #: the number ("30 % (en hausse de 8 points)", "38%, down 4 points"): the percentage's
    #: own change, in percentage points
    point_change_links: Words = ()
    #: where a noun phrase's head stands, "first" or "last" ("Israeli new shekels",
    #: "livres égyptiennes"): the bare noun of CLDR's currency names
    #: (``quantities.locale_numbers.qualified_currency_names``)
    noun_phrase_head: str = ""
    #: the same with the counted noun between: "un Français sur trois"
    ratio_joiners_after_noun: Words = ()
    #: the numbers that join a tens word with ``joiners`` into one number ("vingt et un",
    #: "soixante et onze"): "vingt et un cinquièmes" is 21/5, "trois et un cinquième" 3 1/5
    joined_units: Words = ()
    #: a unit word whose sense depends on what the sentence is about: word -> (unit code,
    #: regex alternatives on the folded sentence that choose it); the word's entry in
    #: ``units``/``currencies`` stays the default ("25 livres" of weight, "24 degrés" of heat)
    unit_senses: dict[str, tuple[tuple[str, Words], ...]] = field(default_factory=dict)
    #: the word of a number said aloud between its whole and decimal parts ("douze
    #: virgule cinq", "twelve point five"); text2num reads both parts
    decimal_words: Words = ()
    #: regex after a distance making it a position from a place ("730 miles east of",
    #: "30 km off the coast of", "à 200 km au sud de"): the place is its ``anchor``
    position_links: Words = ()
    #: regex just before a number that makes it a telephone number: "call 911"
    phone_before: Words = ()
    #: nouns of a photo gallery's counter, page furniture ("Hide Caption 3 of 25 Photos",
    #: "Slideshow (2 Images)"): counted there, they count nothing of the story
    counter_nouns: Words = ()
    #: the range openers a list joiner closes ("entre 10 et 20", "between 10 and 20"); after
    #: the others ("de 1,1 et 1,2 %", "from 10 and 20") "et"/"and" joins two numbers. Empty:
    #: every range opener
    pair_openers: Words = ()
    #: regex: a verb after which a bare number is an age ("who turned 17", "turns 300")
    age_verbs: Words = ()
    #: words before a four-digit year used as a modifier ("the 2015 assaults", "its 2016
    #: report"); where counts of thousands are written with a separator ("2,000 men")
    year_determiners: Words = ()
    #: regex words before a day/month written with a slash that make it a date's name, not
    #: a fraction ("the 9/11 attacks", "since 9/11", "post-9/11")
    slash_date_before: Words = ()
    #: regex cues in a sentence that make a number glued to a capital C or F a temperature
    #: ("30C", "95F"; else "3D", "4F" are names or grades)
    temperature_cues: Words = ()
    #: regex words before a fraction word that make it a period ("the first half of the
    #: year", "la seconde moitié du match"), not a share
    period_before_fraction: Words = ()
