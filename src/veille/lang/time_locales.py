"""Languages whose dates come from dateparser's locale data (no time pack of their own).

For German, Spanish, Italian, Portuguese, Dutch, Polish and Russian veille
has no time grammar; the month names and the words for "yesterday / today /
tomorrow" come from ``dateparser``'s locale data (a maintained gazetteer of
200+ locales, installed with the library, nothing downloaded). What this
module holds is what dateparser does not say: how a date is written around
those words (the "de" of "12 de marzo de 2023", the dot of "12. März"), the
prepositions after which a month name alone is a date ("im März", "en
marzo"), and where a relative-day word is something else ("la mañana" is the
morning, "am Morgen" too). Regex fragments, matched case-insensitively on the
original text unless said otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Words = tuple[str, ...]


@dataclass(frozen=True)
class LocaleTime:
    code: str  # the code dateparser knows the language by
    day_suffix: str = ""  # after the day number: "\\." in "12. März"
    month_link: Words = ()  # between day and month, and month and year: "de"
    month_leads: Words = ()  # a month name alone is a date after these: "im", "en"
    #: regex of what, right before a relative-day word, makes it another word
    #: ("la mañana": the morning)
    relative_day_not_after: str = ""
    #: relative-day words that are also capitalised nouns ("Morgen"): lower case only
    lower_case_relative_days: bool = False
    year_leads: Words = ()  # a 4-digit number after these is a year: "seit", "en", "nel"
    list_joiners: Words = ()  # "2006, 2009 y 2015": "y"
    #: between the two ends of a range of dates ("von Januar bis März 2020",
    #: "de enero a marzo de 2020"): the year written at the end is both ends'
    range_joiners: Words = ()
    #: regex of a noun a number counts, right after it ("2000 Meter", "2000 personas"):
    #: a number from 1900 to 2099 alone is a year unless one follows (a language
    #: without it reads years only after a lead or in a list)
    plural_noun_after: str = ""
    #: the indefinite article that counts one ("eine Minute", "un mes")
    one_words: Words = ()
    #: phrases that state an amount in several words ("un paio di settimane", "un par de
    #: días": two); written as the text has them, an elided one with its apostrophe
    counted_amounts: dict[str, float] = field(default_factory=dict)
    #: halves: glued after a number word ("sechseinhalb", "zweieinhalb"), said after the
    #: unit ("due anni e mezzo", "hora y media"), and words that are an amount with a
    #: half ("anderthalb": 1.5)
    half_suffix: str = ""
    half_after: Words = ()
    half_words: dict[str, float] = field(default_factory=dict)
    #: before an hour, make it a clock ("a las 10", "alle 15"); after one, say it is
    #: one ("17 Uhr", "18:30 horas"); ``clock_unit_alone``: the word makes a clock of
    #: an hour without minutes ("17 Uhr"; "12 horas" is a duration)
    clock_leads: Words = ()
    clock_units: Words = ()
    clock_unit_alone: bool = False
    #: a part of the day said after a clock, which says which half of the day it is in
    #: ("a las 3 de la tarde": 15:00, "alle 10 di sera", "um 8 Uhr abends") -> TimeML
    #: code (MO, MI, AF, EV, NI)
    clock_parts_after: dict[str, str] = field(default_factory=dict)
    #: parts of the day -> TimeML codes (MO, MI, AF, EV, NI); said after a lead
    #: ("am Abend", "por la noche", "in serata") or, in German, glued to a weekday
    #: ("Montagabend")
    day_parts: dict[str, str] = field(default_factory=dict)
    part_leads: Words = ()
    weekday_part_compounds: bool = False
    #: words for the present beside dateparser's one ("derzeit", "actualmente"), and
    #: what before dateparser's word makes it another ("un'ora": an hour)
    now_words: Words = ()
    now_not_after: str = ""
    #: words between "ago" and its amount ("hace ya dos semanas")
    ago_fillers: Words = ()
    #: an age, not a duration: "im Alter von 31 Jahren", "tiene 31 años", "31 años
    #: de edad"; ``age_of``: "de 41 años" after a name or a noun, unless the word
    #: before "de" is one of ``age_of_not_after`` ("más de 12 años", "después de")
    age_before: Words = ()
    age_after: Words = ()
    age_of: Words = ()
    age_of_not_after: frozenset[str] = frozenset()
    #: the noun of age: a few words before a count of years, it makes an age ("di età
    #: pari o superiore a 65 anni")
    age_nouns: Words = ()
    #: "un año" measures time after these ("durante un año") or before these ("un día
    #: después"); elsewhere it names a year ("un año fácil")
    one_leads: Words = ()
    one_follows: Words = ()
    #: before a duration, make it how often ("ogni sei minuti", "cada dos semanas"); before
    #: a unit alone, they say "every" one ("ogni anno", "cada día", "jedes Jahr")
    every_words: Words = ()
    #: before a plural unit, "every" one ("todos los días", "tutti i giorni")
    every_plural_leads: Words = ()
    #: words for "last / this / next" beside dateparser's own ("letztes Jahr", "anno
    #: scorso"): "im vergangenen Jahr", "l'anno passato" (offset in units)
    relative_modifiers: dict[str, int] = field(default_factory=dict)
    #: endings a unit takes after such a word and nowhere in CLDR's forms: the genitive
    #: of "Ende letzten Jahres", "des vergangenen Monats"
    genitive_endings: Words = ()
    #: an ending the plural of a unit takes beside CLDR's (German dative "Jahrzehnten")
    plural_endings: Words = ()
    #: before a plural unit, make a span of unsaid length: "in den letzten Jahren",
    #: "nei prossimi giorni" (TimeML PXY, PXD); ``vague_amounts``: "einige Jahre",
    #: "pochi minuti"; ``bare_span_leads``: a plural unit alone after these is one too
    #: ("seit Monaten", "da anni")
    span_modifiers: Words = ()
    vague_amounts: Words = ()
    bare_span_leads: Words = ()
    #: units CLDR does not name as news write them: plural word -> TimeML unit
    #: ("decenni": CLDR says "decadi")
    extra_plural_units: dict[str, str] = field(default_factory=dict)
    #: how-often adjectives and adverbs: stem -> TimeML SET value, the endings the stem
    #: takes (regex), and what right before makes it a noun ("il settimanale": a
    #: weekly paper)
    frequency_stems: dict[str, str] = field(default_factory=dict)
    frequency_endings: str = ""
    frequency_not_after: str = ""
    #: CLDR's "per unit" phrases ("pro Jahr", "al giorno", "por año") are how often in
    #: this language (not in Polish, where "na rok" is also "for a year")
    per_units: bool = False
    #: what right after a "per unit" phrase makes it another phrase ("al giorno d'oggi":
    #: nowadays; "al mese di maggio")
    per_not_before: str = ""
    #: season words -> TimeML codes (SP, SU, FA, WI); matched as written (German nouns
    #: capitalised)
    seasons: dict[str, str] = field(default_factory=dict)
    #: regex of what, right after a word for "now", makes it "the time of" ("al momento
    #: della rapina")
    now_not_before: str = ""
    #: between a day and the clock time told with it ("am Montag um 10.30 Uhr",
    #: "Sonntag, 16 Uhr"), and between a clock and the day after it ("19:00 del 31
    #: dicembre"): one expression, the day's date at the clock's time
    day_clock_gap: str = ""
    clock_day_gap: str = ""
    #: the countries whose calendars (the ``holidays`` package) name the language's
    #: days ("Neujahr", "Weihnachten", "Capodanno")
    holiday_calendars: Words = ()
    #: calendar names that are common nouns too ("Auffahrt": a driveway)
    holiday_not_names: Words = ()
    #: before a named day, its eve ("la vigilia di Natale": 24 December)
    eve_leads: Words = ()
    #: compounds of a unit: a prefix that makes it the one before ("Vorjahr",
    #: "Vormonat", "Vortag"), and the parts glued after it ("Jahresende",
    #: "Monatsanfang", "Wochenende") -> START, MID, END
    previous_prefixes: Words = ()
    unit_parts: dict[str, str] = field(default_factory=dict)
    #: the first ordinals (stem -> number) and the endings they take, before a quarter
    #: (CLDR's unit word) or a half year: "im dritten Quartal 2019", "il secondo semestre"
    ordinals: dict[str, int] = field(default_factory=dict)
    ordinal_endings: str = ""
    half_year_words: Words = ()
    #: adjectives of a length glued to its amount ("zweistündigen", "127-minütigen",
    #: "mehrwöchige"): stem -> TimeML unit, the endings they take, and the words that
    #: say an unstated amount ("mehr": several). Years are left out: "der 17-jährige"
    #: is an age far more often than a length
    #: decades: regexes with the decade's figures as group ``d`` ("anni '70", "1990er
    #: Jahren", "década de 1980"; two figures are of the 1900s) or its word as group ``w``
    #: ("anni Novanta"), and those words -> their tens
    decades: Words = ()
    decade_words: dict[str, int] = field(default_factory=dict)
    #: "the new year" ("il nuovo anno", "im neuen Jahr", "este nuevo año"): the year
    #: begun last or about to begin, whichever is nearer the reference day
    new_year_words: Words = ()
    unit_adjectives: dict[str, str] = field(default_factory=dict)
    unit_adjective_endings: str = ""
    unit_adjective_vague: Words = ()


LOCALES: dict[str, LocaleTime] = {
    t.code: t
    for t in (
        LocaleTime("de",
                   year_leads=("im jahr", "jahr", "seit", "bis", "ab", "von", "vor", "nach", "in",
                               "im", "anfang", "ende", "mitte"),
                   list_joiners=("und", "oder", "bis"),
                   day_suffix=r"\.", month_leads=("im", "seit", "bis", "ab", "anfang", "von",
                                                         "ende", "mitte", "vom", "zum"),
                   lower_case_relative_days=True,
                   one_words=("ein", "eine", "einen", "einem", "einer"),
                   half_suffix="einhalb", half_words={"anderthalb": 1.5},
                   plural_noun_after=r"(?-i:[A-ZÄÖÜ][a-zäöüß]+)",
                   range_joiners=("bis", "bis zum", "bis zur", "und"),
                   clock_units=("uhr",),
                   clock_unit_alone=True,
                   clock_parts_after={"morgens": "MO", "früh": "MO", "vormittags": "MO",
                                      "mittags": "MI", "nachmittags": "AF", "abends": "EV",
                                      "nachts": "NI"},
                   day_parts={"morgen": "MO", "vormittag": "MO", "mittag": "MI",
                              "nachmittag": "AF", "abend": "EV", "nacht": "NI"},
                   part_leads=("am", "in der", "des"),
                   weekday_part_compounds=True,
                   now_words=("nun", "derzeit", "zurzeit", "zur zeit", "aktuell", "inzwischen",
                              "momentan", "gegenwärtig", "mittlerweile", "bisher", "bislang"),
                   age_before=("im alter von", "alter von"), age_after=("alt", "alte", "alten"),
                   age_nouns=("alter",),
                   one_leads=("seit", "für", "nach", "vor", "in", "während", "binnen",
                              "innerhalb", "fast", "knapp", "über", "noch", "etwa",
                              "ungefähr", "rund", "nur", "mehr als", "weniger als", "nach nur"),
                   one_follows=("später", "zuvor", "lang", "danach", "früher"),
                   every_words=("alle", "jede", "jeden", "jedes"),
                   relative_modifiers={"vergangenen": -1, "vergangene": -1, "vergangenes": -1,
                                       "kommenden": 1, "kommende": 1, "kommendes": 1,
                                       "laufenden": 0, "laufende": 0, "laufendes": 0},
                   genitive_endings=("es", "s"),
                   plural_endings=("n",),
                   span_modifiers=("letzten", "vergangenen", "kommenden", "nächsten",
                                   "vorigen", "zurückliegenden"),
                   vague_amounts=("einige", "einigen", "einiger", "wenige", "wenigen",
                                  "mehrere", "mehreren", "etliche", "etlichen", "viele",
                                  "vielen", "ein paar", "einigen wenigen"),
                   bare_span_leads=("seit", "nach", "über"),
                   frequency_stems={"täglich": "P1D", "wöchentlich": "P1W",
                                    "monatlich": "P1M", "jährlich": "P1Y",
                                    "stündlich": "PT1H", "alljährlich": "P1Y"},
                   frequency_endings=r"(?:e[nmrs]?)?",
                   seasons={"Frühling": "SP", "Frühjahr": "SP", "Sommer": "SU",
                            "Herbst": "FA", "Winter": "WI"},
                   day_clock_gap=r"\s*,?\s*(?:(?:um|gegen|ab)\s+)?",
                   clock_day_gap=r"\s+(?:am|vom)\s+",
                   holiday_calendars=("DE", "AT", "CH"), holiday_not_names=("Auffahrt",),
                   eve_leads=("Vorabend von", "Vorabend des", "Vorabend der"), per_units=True,
                   previous_prefixes=("vor",),
                   unit_parts={"beginn": "START", "anfang": "START", "mitte": "MID",
                               "ende": "END", "wechsel": "END"},
                   ordinals={"erst": 1, "zweit": 2, "dritt": 3, "viert": 4},
                   ordinal_endings=r"e[nmrs]?", half_year_words=("halbjahr", "halbjahres",
                                                                  "halbjahrs"),
                   new_year_words=("neue Jahr", "neuen Jahr", "neues Jahr"),
                   decades=(r"(?P<d>(?:19|20)?[1-9]0)er(?:-|\s)?jahren?",
                            r"(?P<w>zwanziger|dreißiger|vierziger|fünfziger|sechziger|siebziger|"
                            r"achtziger|neunziger)(?:-|\s)?jahren?"),
                   decade_words={"zwanziger": 2, "dreißiger": 3, "vierziger": 4, "fünfziger": 5,
                                 "sechziger": 6, "siebziger": 7, "achtziger": 8,
                                 "neunziger": 9},
                   unit_adjectives={"sekündig": "S", "minütig": "MIN", "stündig": "H",
                                    "tägig": "D", "wöchig": "W", "monatig": "M"},
                   unit_adjective_endings=r"(?:e[nmrs]?)?",
                   unit_adjective_vague=("mehr", "viel", "einige")),
        LocaleTime("es",
                   year_leads=("en", "de", "del", "desde", "hasta", "año", "el"),
                   list_joiners=("y", "o", "a"),
                   month_link=("de",), month_leads=("en", "de", "desde", "hasta",
                                                           "principios de", "finales de",
                                                           "mediados de"),
                   relative_day_not_after=r"\b(?:la|esta|una|cada|por|el|del)\s+$",
                   plural_noun_after=r"[a-záéíóúñ]{3,}s\b",
                   range_joiners=("a", "al", "hasta", "hasta el", "y"),
                   one_words=("un", "una", "uno"), half_after=("y medio", "y media"),
                   new_year_words=("nuevo año",),
                   decades=(r"(?:(?<=los\s)años\s+['’]?|años\s+['’])(?P<d>[2-9]0)",
                            r"década\s+de(?:\s+los)?\s+"
                            r"(?P<d>(?:19|20)?[1-9]0)",
                            r"años\s+(?P<w>veinte|treinta|cuarenta|cincuenta|sesenta|setenta|"
                            r"ochenta|noventa)"),
                   decade_words={"veinte": 2, "treinta": 3, "cuarenta": 4, "cincuenta": 5,
                                 "sesenta": 6, "setenta": 7, "ochenta": 8, "noventa": 9},
                   counted_amounts={"un par de": 2, "un solo": 1, "una sola": 1, "un único": 1,
                                    "una única": 1},
                   clock_leads=("a las", "a la", "desde las", "hasta las", "sobre las",
                                "hacia las", "las"),
                   clock_units=("horas", "hs", "h"),
                   clock_parts_after={"de la mañana": "MO", "por la mañana": "MO",
                                      "del mediodía": "MI", "de la tarde": "AF",
                                      "por la tarde": "AF", "de la noche": "NI",
                                      "por la noche": "NI", "de la madrugada": "NI"},
                   day_parts={"mañana": "MO", "mediodía": "MI", "tarde": "AF", "noche": "NI",
                              "madrugada": "NI"},
                   part_leads=("por la", "esta", "en la", "de la", "a la", "al"),
                   now_words=("actualmente", "hasta el momento", "por ahora",
                              "en este momento", "en estos momentos", "hoy en día",
                              "en la actualidad"),
                   ago_fillers=("ya", "casi", "unos", "unas", "más de", "apenas"),
                   age_before=("tiene", "tenía", "tenia", "cumple", "cumplió", "a los",
                               "edad de"),
                   age_after=("de edad",), age_of=("de",), age_nouns=("edad",),
                   one_leads=("durante", "por", "casi", "hace", "en", "tras", "de", "apenas",
                              "solo", "sólo", "cerca de", "al menos", "desde hace", "más de",
                              "menos de", "hace más de", "hasta"),
                   one_follows=("después", "más tarde", "antes", "atrás"),
                   every_words=("cada",), every_plural_leads=("todos los", "todas las"),
                   relative_modifiers={"en curso": 0, "que viene": 1, "entrante": 1,
                                       "venidero": 1, "venidera": 1},
                   span_modifiers=("últimos", "últimas", "próximos", "próximas", "pasados",
                                   "pasadas"),
                   vague_amounts=("algunos", "algunas", "pocos", "pocas", "unos pocos",
                                  "unas pocas", "varios", "varias", "muchos", "muchas",
                                  "unos cuantos", "unas cuantas", "unos", "unas"),
                   bare_span_leads=("durante", "desde hace", "tras", "por"),
                   frequency_stems={"diari": "P1D", "semanal": "P1W", "mensual": "P1M",
                                    "anual": "P1Y"},
                   frequency_endings=r"(?:[oa]s?|es|amente|mente)?",
                   frequency_not_after=r"(?<!\w)(?:el|la|un|una|del|al|los|las|unos|"
                                       r"unas)\s+$",
                   holiday_calendars=("ES",),
                   eve_leads=("víspera de", "víspera del"), per_units=True,
                   ordinals={"primer": 1, "segund": 2, "tercer": 3, "cuart": 4},
                   ordinal_endings=r"[oa]?", half_year_words=("semestre",),
                   seasons={"primavera": "SP", "verano": "SU", "otoño": "FA",
                            "invierno": "WI"},
                   age_of_not_after=frozenset({"después", "despues", "antes", "más", "mas",
                                               "menos", "cerca", "alrededor", "lapso",
                                               "período", "periodo", "plazo", "espacio",
                                               "hace", "través", "partir", "máximo",
                                               "mínimo", "un", "una", "unos", "unas",
                                               "los", "las", "sus", "lo"})),
        LocaleTime("it",
                   year_leads=("nel", "dal", "al", "del", "entro", "anno", "fino al", "il"),
                   list_joiners=("e", "o", "al"),
                   month_leads=("a", "in", "di", "da", "entro", "fino a", "inizio",
                                      "fine", "metà"),
                   relative_day_not_after=r"\b(?:il|un|del|al)\s+$",
                   plural_noun_after=r"[a-zàèéìòù]{3,}i\b",
                   range_joiners=("a", "al", "fino a", "fino al", "e"),
                   one_words=("un", "una", "uno"), half_after=("e mezzo", "e mezza"),
                   new_year_words=("nuovo anno", "anno nuovo"),
                   # "negli anni 70", "anni '70" ("di anni 45" is an age)
                   decades=(r"(?:(?<=gli\s)anni\s+['’]?|anni\s+['’])(?P<d>[2-9]0|(?:19|20)[0-9]0)",
                            r"anni\s+(?P<w>venti|trenta|quaranta|cinquanta|sessanta|settanta|"
                            r"ottanta|novanta)"),
                   decade_words={"venti": 2, "trenta": 3, "quaranta": 4, "cinquanta": 5,
                                 "sessanta": 6, "settanta": 7, "ottanta": 8, "novanta": 9},
                   counted_amounts={"un paio di": 2, "un paio d'": 2, "un solo": 1, "una sola": 1,
                                    "un unico": 1, "una unica": 1},
                   clock_leads=("alle", "dalle", "verso le", "entro le", "fino alle", "ore",
                                "delle", "le"),
                   clock_parts_after={"di mattina": "MO", "del mattino": "MO",
                                      "della mattina": "MO", "di mattino": "MO",
                                      "del pomeriggio": "AF", "di pomeriggio": "AF",
                                      "di sera": "EV", "della sera": "EV", "di notte": "NI",
                                      "della notte": "NI"},
                   day_parts={"mattina": "MO", "mattinata": "MO", "mezzogiorno": "MI",
                              "pomeriggio": "AF", "sera": "EV", "serata": "EV", "notte": "NI",
                              "nottata": "NI"},
                   part_leads=("in", "nella", "di", "la", "questa", "ieri", "domani",
                               "stesso", "nel"),
                   now_words=("attualmente", "in questo momento", "al momento", "adesso",
                              "oggi giorno", "per ora"),
                   now_not_after=r"(?:\bun|\bl|\ball|\bdell|\bnell|\bmezz|\bquell|\bogni|"
                                 r"\bper\s+un|\bun['’]|\d)\s*['’]?\s*$",
                   age_before=("ha", "aveva", "compie", "compiuto", "età di"),
                   age_after=("di età",), age_of=("di",), age_nouns=("età",),
                   one_leads=("per", "da", "in", "entro", "dopo", "quasi", "circa", "oltre",
                              "tra", "fra", "solo", "appena", "almeno", "più di", "meno di",
                              "durante"),
                   one_follows=("dopo", "più tardi", "prima", "fa"),
                   every_words=("ogni",), every_plural_leads=("tutti i", "tutte le"),
                   relative_modifiers={"passato": -1, "passata": -1, "corrente": 0,
                                       "in corso": 0, "a venire": 1, "entrante": 1},
                   span_modifiers=("ultimi", "ultime", "prossimi", "prossime", "scorsi",
                                   "scorse", "passati", "passate"),
                   vague_amounts=("alcuni", "alcune", "pochi", "poche", "diversi", "diverse",
                                  "parecchi", "parecchie", "molti", "molte", "vari", "varie",
                                  "qualche"),
                   bare_span_leads=("da", "per"),
                   extra_plural_units={"decenni": "DE"},
                   frequency_stems={"quotidian": "P1D", "giornalier": "P1D",
                                    "settimanal": "P1W", "mensil": "P1M", "annual": "P1Y",
                                    "annu": "P1Y"},
                   frequency_endings=r"(?:[aeio]|mente)",
                   frequency_not_after=r"(?<!\w)(?:il|lo|un|uno|del|dal|al|sul|nel|col|i|"
                                       r"dei|ai|sui|nei)\s+$",
                   per_not_before=r"^\s*(?:d['’]|di\b|del|dell|della|dello|dei|degli|delle)",
                   seasons={"primavera": "SP", "estate": "SU", "autunno": "FA",
                            "inverno": "WI"},
                   now_not_before=r"^\s+(?:d['’]|di\b|del|dell|della|dello|dei|degli|delle|"
                                  r"in\s+cui)",
                   day_clock_gap=r"\s*,?\s*",
                   clock_day_gap=r"\s+(?:del|di|dell['’])\s*",
                   holiday_calendars=("IT",),
                   eve_leads=("vigilia di", "vigilia del", "vigilia dell'"), per_units=True,
                   ordinals={"prim": 1, "second": 2, "terz": 3, "quart": 4},
                   ordinal_endings=r"[oa]", half_year_words=("semestre",),
                   age_of_not_after=frozenset({"dopo", "prima", "più", "meno", "oltre",
                                               "circa", "periodo", "arco", "spazio", "nel",
                                               "fa", "un", "una", "gli", "i", "le", "suoi"})),
        LocaleTime("pt",
                   year_leads=("em", "de", "desde", "até", "ano", "o"),
                   list_joiners=("e", "ou", "a"),
                   month_link=("de",), month_leads=("em", "de", "desde", "até",
                                                           "início de", "final de"),
                   relative_day_not_after=r"\b(?:a|esta|pela|de)\s+$", per_units=True,
                   counted_amounts={"um par de": 2, "um único": 1, "uma única": 1},
                   every_words=("cada",), every_plural_leads=("todos os", "todas as")),
        LocaleTime("nl",
                   year_leads=("in", "sinds", "tot", "van", "vanaf"),
                   list_joiners=("en", "of", "tot"),
                   month_leads=("in", "sinds", "tot", "begin", "eind", "half"),
                   relative_day_not_after=r"\b(?:de|deze|elke|'s)\s+$",
                   lower_case_relative_days=True, per_units=True),
        LocaleTime("pl",
                   year_leads=("w", "od", "do", "roku", "z"),
                   list_joiners=("i", "lub", "do"),
                   month_leads=("w", "od", "do", "z", "na początku", "pod koniec")),
        LocaleTime("ru",
                   year_leads=("в", "с", "до", "году", "к"),
                   list_joiners=("и", "или", "по"),
                   month_leads=("в", "с", "до", "к", "в начале", "в конце")),
    )
}


def locale_time(code: str | None) -> LocaleTime | None:
    """The locale date settings for ``code``; None for a language with a time pack or none."""
    return LOCALES.get((code or "").lower().split("-")[0])
