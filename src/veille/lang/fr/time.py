"""French time words (folded: lower case, no accents) for the time grammar."""

from __future__ import annotations

from veille.lang.time_words import AgeCues, TenseCues, TimeWords

_FUTURE = (
    r"\b(?:[a-zàâçéèêëîïôûù]{2,}(?:erai|eras|era|erons|erez|eront|irai|ira|iront|drai|dra|dront"
    r"|rai|ront)"
    r"|sera|seront|aura|auront|fera|feront|ira|iront|pourra|pourront|devra|devront"
    r"|devrait|devraient|(?:va|vont|allons|allez)\s+(?:\w+\s+)?\w+(?:er|ir|re))\b"
    r"|\bprochaine?s?\b|\bà venir\b"
)
_FUTURE_FALSE = (
    r"^(?:front|affront|opéra|caméra|extra|cobra|tiara|sahara|mantra|contra|"
    r"bora|samoura|tora|ultra|dra|rai|ront|vrai|essai|balai|délai|relai|relais)$"
)
_PAST = (
    r"\b(?:a|ont|avait|avaient|ai|as|avons|avez|aurait|fut|furent)"
    r"\s+(?:(?:été|eu|pas|déjà|bien|aussi|encore|toujours|ensuite|alors|notamment|en effet"
    r"|ne|n'|plus)\s+)*"
    r"[a-zàâçéèêëîïôûù]+(?:é|ée|és|ées|i|ie|is|ies|it|u|ue|us|ues|ert|erts|int|eint|aint)\b"
    r"|\b(?:est|sont|était|étaient)\s+(?:\w+\s+)?(?:arrivée?s?|partie?s?|venue?s?|morte?s?|née?s?"
    r"|tombée?s?|entrée?s?|sortie?s?|restée?s?|devenue?s?|allée?s?|décédée?s?|rentrée?s?"
    r"|revenue?s?|passée?s?|montée?s?|descendue?s?|survenue?s?|intervenue?s?)\b"
    r"|\bs['’e]\s*(?:est|sont|était|étaient)\s+[a-zàâçéèêëîïôûù]+(?:é|ée|és|ées|i|is|ie|ies|u|us|ue|ues|t|ts)\b"
    r"|\b[a-zàâçéèêëîïôûù]{3,}(?:ait|aient|èrent)\b"
    r"|\bhier\b|\bderni(?:er|ère)s?\b|\bil y a\b|\bpassée?s?\b"
)

_PERSON_NOUNS = (
    "homme", "femme", "garcon", "fille", "fillette", "enfant", "adolescent", "adolescente",
    "ado", "jeune", "bebe", "nourrisson", "patient", "patiente", "victime", "retraite",
    "retraitee", "mere", "pere", "fils", "individu", "personne", "conducteur", "conductrice",
    "automobiliste", "pieton", "pietonne", "motard", "cycliste", "champion", "championne",
    "joueur", "joueuse", "athlete", "etudiant", "etudiante", "eleve", "lyceen", "lyceenne",
    "collegien", "collegienne", "suspect", "suspecte", "detenu", "detenue", "ouvrier",
    "ouvriere", "agriculteur", "electricien", "salarie", "salariee", "militaire", "soldat",
    "policier", "policiere", "gendarme", "pompier", "chauffeur", "prevenu", "prevenue",
    "accuse", "accusee", "mineur", "mineure", "majeur", "majeure", "habitant", "habitante",
    "resident", "residente", "vieillard", "dame", "monsieur", "auteur", "autrice", "artiste",
    "chanteur", "chanteuse", "acteur", "actrice", "ecrivain", "peintre", "musicien",
    "musicienne", "sportif", "sportive",
)  # fmt: skip

WORDS = TimeWords(
    months={
        "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
        "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    },
    month_abbreviations={
        "janv": 1, "jan": 1, "fevr": 2, "fev": 2, "mar": 3, "avr": 4, "juil": 7, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    },
    months_lower_case=True,
    month_name_clashes=("mars",),  # "mars Climate Orbiter"-like names
    weekdays={"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
              "dimanche": 6},
    fixed_holidays={
        "noel": (12, 25), "toussaint": (11, 1), "assomption": (8, 15), "nouvel an": (1, 1),
        "jour de l'an": (1, 1), "saint-sylvestre": (12, 31), "14-juillet": (7, 14),
        "14 juillet": (7, 14),
    },
    easter_holidays={"paques": 0, "ascension": 39, "pentecote": 49, "lundi de paques": 1,
                     "lundi de pentecote": 50},
    holidays=("lundi de paques", "lundi de pentecote", "noel", "paques", "pentecote", "toussaint",
              "ascension", "assomption",
              "nouvel an", "jour de l'an", "saint-sylvestre", "14[- ]juillet"),
    holiday_leads=("la", "le", "l'", "a", "pour", "de", "depuis"),
    holiday_prefix=r"(?:la\s+)?fete\s+d[eu]\s+(?:la\s+)?",
    # the other named days ("la Fête du Travail", "la Fête nationale") from the `holidays`
    # package, in French; France's calendar first
    holiday_calendars=("FR",),
    holiday_calendar_language="fr",
    story_year_links=(r"de\s+(?:cette|la\s+meme)\s+annee(?:-la)?",),
    seasons={"printemps": "SP", "ete": "SU", "automne": "FA", "hiver": "WI"},
    # bare "été" is nearly always the participle ("a été"); "en été", "l'été" are the season
    participle_seasons={"ete": r"(?:\ben\s|\bl'|\bcet\s)$"},
    season_leads=("au", "en"),
    season_determiners=("l'", "le", "cet", "ce", "cette"),
    season_relatives=("dernier", "prochain"),
    season_name_before=(r"\bd'", r"\bde\s", r"\bdu\s"),
    season_name_after=(r"de\s+l['’]", r"du\s", r"des\s", r"de\s+la\s"),
    relative_days={"avant-hier": -2, "apres-demain": 2, "hier": -1, "aujourd'hui": 0,
                   "demain": 1},
    # German and Dutch "hier" (here): "Hier erfahrt ihr..." in an English page's ad
    own_text_only=("hier",),
    day_parts={"matin": "MO", "matinee": "MO", "midi": "MI", "apres-midi": "AF", "soir": "EV",
               "soiree": "EV", "nuit": "NI"},
    # "jeudi midi", "demain midi" (not the "midi" of "après-midi": alternatives longest first)
    part_pattern=("matin(?:ee)?", "apres-midi", "soir(?:ee)?", "nuit", "midi"),
    part_leads=("en", "au"),
    part_modifiers=("debut", "fin"),
    part_modifier_link=(r"d[e']\s*",),
    this_part_determiners=("ce", "cet", "cette"),
    this_parts=("matin", "midi", "apres-midi", "soir", "nuit"),
    bare_part_leads=("dans", "pendant", "durant", "en", "et", "toute"),
    bare_part_articles=(r"la\s+", "l'"),
    bare_parts=("soiree", "nuit", "matinee", "apres-midi"),
    part_weekday_links=("de", "du", "d'"),
    part_weekday_joiners=("a", "au"),
    anchor_articles=("le", "la"),
    anchor_days={"lendemain": 1, "surlendemain": 2, "veille": -1, "meme jour": 0,
                 "jour meme": 0},
    anchor_part_leads=("au",),
    same_part_articles=("le", "la"),
    same_parts=("matin", "soiree", "soir", "nuit"),
    same_word=("meme",),
    previous_part_words=("derniere", "dernier", "passee", "passe"),
    anchor_of_links=("de", "du", "d'", r"de\s+l'", r"de\s+la"),
    clock_duration_leads=(r"pendant", r"durant", r"dans les", r"en", r"dur(?:e|ent|er|ee?s?)",
                          r"mis", r"met", r"plus d[e']", r"moins d[e']", r"pres d[e']",
                          r"au moins"),
    number_label_nouns=("vol", "salle", "route", "chambre", "quai", "porte", "ligne", "bus",
                        "numero", "no", "n°", "rue", "bureau", "appartement", "chaine", "piste",
                        "lot", "boite", "copyright"),
    offset_links={r"avant": -1, r"apres": 1, r"a partir d(?:u|e\s+l[ae']|e)": 1},
    clause_after_links=(r"apres",),
    week_links=("de", "d'"),
    week_of_leads=("la semaine du",),
    local_time_words=("heure locale", "heures locales", "heure de paris"),
    clock_range_start=r"(?<![\w'])(?:de|entre)\s+(?P<h>[01]?\d|2[0-4])\s+(?:a|et)\s+$",
    clock_ampm_range_start=r"(?<![\w'.,:/-])(?:(?:de|entre)\s+)?(?P<h>1[0-2]|0?[1-9])\s*(?:a|et|-)\s*$",
    clock_duration_range=r"entre\s+(?:(?:[01]?\d|2[0-4])\s*h\s*(?:[0-5]\d)?\s+(?:a|et)\s+)?",
    holiday_time_heads=("fete", "fetes", "veille", "lendemain", "surlendemain", "vacances",
                        "periode", "treve", "reveillon", "conges", "week-end", "weekend"),
    noon_leads=("a", "vers"),
    noon_words={"midi": 12, "minuit": 0},
    clock_part_suffixes={"du matin": "MO", "de l'apres-midi": "AF", "du soir": "EV",
                         "de la nuit": "NI"},
    point_article_leads=("par",),
    length_units=("min", "mn", "minutes", "sec", "s", "secondes"),
    clock_pattern=(
        # not the decimals of "1.5h" (a duration)
        r"(?:(?P<pre>vers|around|about|at)\s+)?(?<!\d[.,])(?P<h>[01]?\d|2[0-4])\s*h\s*(?P<m>[0-5]\d)?"
        r"(?![a-z\d])(?:\s+(?P<loc>locales?))?"
        # a wire's 24-hour clock, four digits before its zone: "à 0245 heure locale",
        # "(2130 GMT jeudi)" (accept.py reads its hours and minutes from the digits)
        r"|(?<![\d.,:/-])(?P<wire>(?:[01]\d|2[0-3])[0-5]\d)"
        r"(?=\s+(?:gmt|utc|heures?\s+locales?)\b)"
        r"|(?:(?P<pre2>vers)\s+)?(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)(?::(?P<s2>[0-5]\d))?(?![\d:])"
        r"(?:\s*(?P<ampm>[ap]\.?m\.?)(?![a-z])|\s+(?P<part>du matin|du soir|de l'apres-midi))?"
    ),
    # an hour with the English marks, as French-language pages in North America and
    # agency copy write it ("à 4pm", "de 5 à 6 p.m."): only an hour of a 12-hour dial
    # with the mark right after it ("16 h 30" and "20:30 pm" are clock_pattern's)
    clock_ampm_pattern=(r"(?<![\d.,:/-])(?P<h>1[0-2]|0?[1-9])\s*(?P<ampm>[ap]\.m\.?|[ap]m)(?![a-z])"),
    pm_part_suffixes=("soir", "midi"),
    clock_prepositions=(
        r"(?:\b(?:a|à|des|dès|jusqu'a|jusqu'à|avant|apres|après|de|et|vers|alentours de|il est"
        r"|autour de)\s+)$"
    ),
    clock_hour_units=("heure",),
    clock_minute_words={"et quart": 15, "moins le quart": -15, "moins quart": -15},
    clock_minus=("moins",),
    clock_minute_joiners=("et",),
    day_clock_range=(r"(?<![\w'])(?:de|entre)\s+(?P<h1>[01]?\d|2[0-4])\s+(?:a|et)\s+"
                     r"(?P<h2>[01]?\d|2[0-4])(?=\s*(?:[.,;:!?)]|$))"),
    ahead_leads=(r"\bdans\s+$",),
    date_leads=("du", "au", "jusqu'au"),
    date_articles=("le", "les"),
    first_day=("1er",),
    ordinal_suffixes=("er",),
    first_only_ordinals=("er",),
    day_list_joiners=("et",),
    day_range_joiners=("a", "au"),
    repeated_article=("le",),
    year_followers=("a", "au", "en", "et", "dans", "pour", "par", "lors"),
    relative_after=("derniers?", "dernieres?", "prochains?", "prochaines?", "passee?s?",
                    "suivante?s?", "precedente?s?"),
    year_relatives={"l'an dernier": -1, "l'an passe": -1, "l'annee derniere": -1,
                    "l'annee passee": -1, "l'an prochain": 1, "l'annee prochaine": 1,
                    "cette annee": 0},
    year_relative_leads=("de",),
    period_modifiers={"debut": "START", "fin": "END", "mi-": "MID", "mi": "MID",
                      "courant": None, "milieu": "MID"},
    modifier_links=(r"d[e']\s*",),
    month_leads=(r"(?:le\s+)?mois\s+d[e']\s*",),
    year_leads=("l'annee", "l'an", "annee"),
    decade_articles=("les", "des", "aux"),
    decade_nouns=("annees",),
    century_articles=("le", "au", "du"),
    century_ordinals=("e", "eme", "er"),
    century_words=("siecle",),
    quarter_leads=("au", "du"),
    quarter_articles=("le",),
    quarters={"premier": 1, "1er": 1, "deuxieme": 2, "2e": 2, "second": 2, "troisieme": 3,
              "3e": 3, "quatrieme": 4, "4e": 4, "dernier": 0},
    quarter_words=("trimestre",),
    quarter_year_links=(r"de\s+",),
    # "au premier semestre 2019", "au second semestre de l'an dernier" (the year said)
    halves={"premier": 1, "1er": 1, "second": 2, "deuxieme": 2, "2e": 2, "dernier": 2},
    half_words=("semestre",),
    period_codes={"t": "Q", "q": "Q", "s": "H", "h": "H", "trimestre": "Q", "semestre": "H"},
    week_number_words=("semaine",),
    year_nouns=(r"l'annee",),
    week_ordinals={"premiere": 1, "1re": 1, "1ere": 1, "deuxieme": 2, "2e": 2, "seconde": 2,
                   "troisieme": 3, "3e": 3, "quatrieme": 4, "4e": 4, "derniere": -1},
    week_articles=("la",),
    week_words=("semaine",),
    week_of_links=(r"de\s+", "d'"),
    weekday_ordinals={"premier": 1, "1er": 1, "deuxieme": 2, "2e": 2, "second": 2,
                      "troisieme": 3, "3e": 3, "quatrieme": 4, "4e": 4, "cinquieme": 5,
                      "5e": 5, "dernier": -1},
    # "du mois" needs its relative: "le premier lundi du mois" alone is mostly a habit
    month_unit_links=(r"du\s+mois(?=\s+(?:prochain|dernier|suivant|precedent|passe)\b)",
                      r"de\s+ce\s+mois(?:-ci)?"),
    numeric_weekday_article=("le",),
    # "le 23." / "le 12, la police..." / "le 17 entre 14h et 16h": a day of the month alone
    # (not "au 23, rue...", "le 23e", "le 2 à 1")
    whole_unit_pattern=(r"(?<![a-z])tou(?:te|t)\s+(?:la\s+|le\s+|l')"
                        r"(?P<unit>journee|jour|semaine|mois|annee)(?![a-z-])"),
    day_only_pattern=(
        r"(?<![\w'])(?:le|du|depuis le|jusqu'au)\s+(?P<d1>[12]?\d|3[01]|1er)"
        # "le 15 du mois prochain", "le 21 de ce mois", "du 21 ce mois-ci": that month's day
        r"(?:\s+(?P<munit>du|de ce|ce)\s+mois(?:-ci)?(?:\s+(?P<mrel>prochain|dernier|suivant"
        r"|precedent|passe))?(?![\w-])|"
        r"(?!\d|[,.:/]\d|\s*(?:h|e|eme|er)\b)"
        r"(?=\s*(?:[.;!?)]|$)|,\s+(?!rue|avenue|boulevard|bd|place|quai|allee|chemin|route"
        r"|impasse|bis|ter|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\w"
        r"|\s+(?:et|au)\s+(?:le\s+)?\d{1,2}\s*(?:[.;,!?)]|$)|\s+(?:a|entre|de)\s+\d{1,2}\s*h|\s+(?:entre|de)\s+\d{1,2}\s+(?:et|a)\s"
        r"|\s+(?P<rel>prochain|dernier)\b))"
    ),
    # "le 20/11." and "Le 20/11, ..." are dates (a full stop or comma not before a digit);
    # after a plural determiner it is a fraction ("les 3/4 des Français", "aux 2/3")
    day_month_pattern=(r"(?<![\d/.,-])(?<!\bles )(?<!\bdes )(?<!\baux )(?<!\bces )"
                       r"(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?![\d/]|[.,-]\d|\s*(?:h|%|km|ans?)\b)"),
    dateparser_language="fr",
    slash_date_order="DMY",
    # "le prochain trimestre", "la prochaine semaine": the relative word before the unit
    relative_senses={"le prochain": "next", "la prochaine": "next",
                     "dernier": "last", "derniere": "last", "passe": "last",
                     "preceden": "previous", "prochain": "next", "suivant": "following",
                     "en cours": "this", "a venir": "next", "ecoule": "last"},
    weekday_leads=("ce", "le"),
    weekday_same=("meme",),
    weekday_day_stops=("heures?", r"er\b"),
    weekday_relatives=("dernier", "prochain", "suivant", "precedent"),
    anchored_weekday_leads=("ce",),
    weekday_names_after=("Saint", "Santo", "Noir"),  # "Vendredi Saint", "Jeudi Noir"
    unit_determiners=("la prochaine", "le prochain", "la", "le", "l'", "du", "cette", "ce", "cet"),
    unanchored_determiners=("la", "le", "l'", "du"),
    calendar_units={"semaine": "week", "mois": "month", "annee": "year", "an": "year",
                    "trimestre": "quarter", "week-end": "weekend"},
    this_suffix=("-ci",),
    unit_relatives=("derniere?", "prochaine?", "passee?", "suivante?", "precedente?", "en cours",
                    "a venir"),
    period_part_modifiers=("debut", "fin", "milieu"),
    period_part_links=(r"de\s+la", "du", r"de\s+l'"),
    period_part_units=("semaine", "mois", "annee"),
    period_part_relatives=("derniere?", "prochaine?", "passee?"),
    period_part_short_link=(r"d[e']\s*",),
    units={
        "seconde": "S", "secondes": "S", "sec": "S",
        "minute": "MIN", "minutes": "MIN", "min": "MIN",
        "heure": "H", "heures": "H", "h": "H",
        "jour": "D", "jours": "D", "journee": "D", "journees": "D",
        "nuit": "N", "nuits": "N",
        "semaine": "W", "semaines": "W", "week-end": "WE", "week-ends": "WE",
        "mois": "M",
        "trimestre": "Q", "trimestres": "Q",
        "semestre": "SEM", "semestres": "SEM",
        "an": "Y", "ans": "Y", "annee": "Y", "annees": "Y",
        "decennie": "DE", "decennies": "DE",
        "siecle": "CE", "siecles": "CE",
    },
    amount_modifiers=("a peu pres", "pres d[e']", "environ", "plus d[e']", "moins d[e']",
                      "au moins",
                      # "il y a tout juste un an", "il y a à peine deux semaines"
                      "tout juste", "exactement", "a peine", "presque"),
    modifier_values={
        "debut": "START", "fin": "END", "mi-": "MID", "mi": "MID", "milieu": "MID",
        "courant": None, "environ": "APPROX", "a peu pres": "APPROX", "pres de": "APPROX",
        "pres d'": "APPROX",
        "vers": "APPROX", "plus de": "MORE_THAN", "plus d'": "MORE_THAN",
        "moins de": "LESS_THAN", "moins d'": "LESS_THAN", "au moins": "EQUAL_OR_MORE",
        "tout juste": "EQUAL", "exactement": "EQUAL", "a peine": "EQUAL_OR_LESS",
        "presque": "LESS_THAN",
    },
    duration_determiners=("ces", "les", "des"),
    duration_adjectives=("dernieres?", "derniers?", "prochaines?", "prochains?", "premieres?",
                         "premiers?"),
    duration_relatives_after=("a venir", "ecoulee?s?"),
    duration_adjectives_after=("dernieres?", "derniers?", "prochaines?", "prochains?",
                               "premieres?", "premiers?"),
    vague_amounts=("plusieurs", "quelques"),
    # "dans une quinzaine de jours", "il y a une dizaine d'années": about that many
    counted_amounts={f"une {k}{link}": v for k, v in (
        ("dizaine", 10), ("douzaine", 12), ("quinzaine", 15), ("vingtaine", 20),
        ("trentaine", 30), ("quarantaine", 40), ("cinquantaine", 50), ("centaine", 100))
        for link in (" de", " d'")},
    indefinite_articles=("un", "une"),
    partitive_article=("des",),
    plural_units=("jours", "semaines", "mois", "annees", "decennies", "siecles"),
    half_suffixes=(r"\s+et\s+demie?",),
    # "un an et un quart"; not "deux heures et quart" (a clock time, 2:15)
    quarter_suffixes=(r"\s+et\s+un\s+quart",),
    idiom_units=("jour",),
    age_units=("an", "ans"),
    age=AgeCues(
        group_modifiers=("moins de", "plus de"),
        group_articles=("les", "des", "aux"),
        after=(r"\s+d'age",),
        before=(r"(?:\bages?|\bagee?s?)\s+de\s*$", r"a l'age de\s*$"),
        group_before=(r"\b(?:les|des|aux)\s+(?:moins|plus)\s+de\s*$", r"\bde\s+\d+\s+a\s*$",
                      # "des jeunes (âgés) entre 18 et 35 ans", "qui avaient entre 18 et
                      # 35 ans" (not "il y a entre 3 et 5 ans", nor "passé entre 3 et 5 ans")
                      rf"\b(?:{'|'.join(_PERSON_NOUNS)})s?(?:\s+agee?s?)?\s+entre\s+\d+\s+et\s*$",
                      r"\bagee?s?\s+(?:de\s+)?entre\s+\d+\s+et\s*$",
                      r"(?<!\by\s)\b(?:a|ont|avait|avaient|aura|auront)\s+entre\s+\d+\s+et\s*$"),
        not_after=(r"de\b", "d'", "d’"),
        person_nouns=_PERSON_NOUNS,
        person_link=("de",),
    ),
    ago_prefixes=("il y a", "il ya", "voici", "voila"),  # "il ya": a frequent typo
    ago_prefix_amounts=("quelques", "plusieurs"),
    vague_determiners=("ces", "les"),
    vague_relatives=("derniers", "dernieres", "prochains", "prochaines"),
    vague_units=("jours", "semaines", "mois", "annees", "decennies"),
    per_words=("par",),
    per_units=("jour", "semaine", "mois", "an", "annee", "semestre", "trimestre"),
    lexical_durations={"quinquennat": 5, "septennat": 7, "mandature": None},
    every_words=("chaque", "tous les", "toutes les"),
    set_parts=("soirs?", "matins?", "nuits?"),
    plural_weekday_article=("les",),
    frequency_adjectives=("quotidien(?:ne)?s?", "quotidiennement", "hebdomadaires?",
                          "hebdomadairement", "mensuel(?:le)?s?", "mensuellement",
                          "annuel(?:le)?s?", "annuellement", "trimestriel(?:le)?s?",
                          "trimestriellement", "semestriel(?:le)?s?", "semestriellement"),
    frequency_values={"quotid": "P1D", "hebdo": "P1W", "mensu": "P1M", "annu": "P1Y",
                      "trimes": "P3M", "semes": "P6M"},
    newspaper_words=("quotidien",),
    # "la presse quotidienne", "le quotidien Le Monde": the newspaper
    newspaper_before=(r"\bpresse\s+$", r"\b(?:le|du|au|un|ce|son|leur|notre|votre)\s+$"),
    references={
        "maintenant": "PRESENT_REF", "actuellement": "PRESENT_REF", "desormais": "PRESENT_REF",
        "a present": "PRESENT_REF", "en ce moment": "PRESENT_REF", "a ce jour": "PRESENT_REF",
        "pour le moment": "PRESENT_REF", "pour l'instant": "PRESENT_REF",
        "l'avenir": "FUTURE_REF", "auparavant": "PAST_REF", "autrefois": "PAST_REF",
        "jadis": "PAST_REF", "recemment": "PAST_REF",
    },
    reference_type="TIME",
    reference_prefixes={"actuel": "PRESENT_REF", "futur": "FUTURE_REF"},
    reference_patterns=("actuel(?:le)?s?", "futur(?:e)?s?"),
    # "le futur" as a noun is fine, but mostly grammatical tense talk
    reference_noun_before={"futur": r"\b(?:le|du|au)\s+$"},
    year_prepositions=("en", "de", "depuis", "des", "d'ici", "d'ici [aà]", "jusqu'en", "vers",
                       "avant", "apr[eè]s", "l'an", "annee", "au"),
    year_blockers_before=("num[ée]ro", "page", r"p\.", r"art\.", "article", "code", r"tel\.?"),
    year_units_after=("euros?", "dollars?", "francs?", "kilo", "tonnes?", "personnes",
                      "habitants", "hommes", "soldats", "morts", "victimes", "points?", "voix",
                      "metres?"),
    plural_noun_after=(r"[a-zàâçéèêëîïôûù]{3,}[sx]\b",),
    range_joiners=("au", "a", "et", "jusqu'au", "jusqu'a"),
    range_openers=("de", "du", "d'", "entre", "depuis"),
    tense=TenseCues(
        future=_FUTURE,
        past=_PAST,
        future_false=_FUTURE_FALSE,
        subordinators=("alors que", "tandis que", "lorsque", "quand", "mais", "puisque",
                       "parce que", "bien que"),
        # a deadline: "d'ici le 30 juin", "a donné jusqu'au 30 juin"
        deadline_before=(r"(?:d'ici|jusqu'au|jusqu'a)\s*(?:le\s+)?$",),
        future_auxiliaries=("aller",),
        perfect_auxiliaries=("avoir", "etre", "être"),
        past_before=(r"\bdepuis\s*(?:le\s+)?$",),
        intention_verbs=("prévoir", "programmer", "envisager", "projeter", "promettre",
                         "menacer"),
    ),
)
