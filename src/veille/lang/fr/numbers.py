"""French number words and counting conventions for the quantity extractor."""

from __future__ import annotations

from veille.lang.number_words import NumberWords

WORDS = NumberWords(
    words=(
        "zero", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
        "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts",
        "trente", "quarante", "cinquante", "soixante", "septante", "huitante", "octante",
        "nonante", "cent", "cents", "mille", "million", "millions", "milliard", "milliards",
    ),
    joiners=("et",),
    one_words=("un", "une"),
    text2num_language="fr",
    scales=("milliers", "millions?", "milliards?", "billions?", "douzaines?", "dizaines?",
            "centaines?", "mds?", "md"),
    scale_values={"douzaine": 12.0, "dizaine": 10.0, "centaine": 100.0,
                  "billion": 1e12,  # French "billion" is a million millions
                  "millier": 1e3, "million": 1e6, "milliard": 1e9, "md": 1e9},
    bare_scales=("millions", "milliards", "milliers", "billions"),
    scale_endings=("millions?", "milliards?", "milliers?", "douzaines?", "dizaines?",
                   "centaines?"),
    scale_links=(r"de\s+", "d'"),
    dot_thousands=True,
    currencies={
        "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "livre": "GBP",
        "livres": "GBP", "franc": "CHF", "francs": "CHF", "rouble": "RUB", "roubles": "RUB",
        "yuan": "CNY", "yuans": "CNY", "yen": "JPY", "yens": "JPY", "hryvnia": "UAH",
        "hryvnias": "UAH",
    },
    units={
        "pour cent": "percent", "pourcent": "percent", "kilometres": "km", "kilometre": "km",
        "kilomètres": "km", "kilomètre": "km", "metres": "m", "metre": "m", "mètres": "m",
        "mètre": "m", "kilos": "kg", "kilo": "kg", "grammes": "g", "tonnes": "t", "tonne": "t",
        "litres": "l", "litre": "l", "hectares": "ha", "hectare": "ha", "degres": "°",
        "degrés": "°", "millimetres": "mm", "millimetre": "mm", "millimètres": "mm",
        "millimètre": "mm", "centimetres": "cm", "centimetre": "cm", "centimètres": "cm",
        "centimètre": "cm", "tonnes metriques": "t", "tonnes métriques": "t",
    },
    range_openers=("entre", "de"),
    range_joiners=("a", "au"),
    list_joiners=("et", "ou"),
    unit_links=(r"d['e]\s*",),
    partitives=("des", "d'entre", "sur"),
    partitive_nouns=("des", "d'entre les"),
    stop_next=(
        "de", "d'", "des", "du", "et", "a", "au", "aux", "en", "le", "la", "les", "l'", "pour",
        "par", "sur", "dans", "qui", "que", "qu'", "ont", "sont", "est", "etaient", "avaient",
        "seront", "ou", "mais", "avec", "sans", "selon", "contre", "vers", "chez", "ne", "n'",
        "se", "s'", "il", "elle", "ils", "elles", "on", "y", "fois",
        # frequent verb forms that follow a pronoun-like number ("les deux ont")
        "ait", "aient", "soit", "soient", "peuvent", "doivent", "vont", "font", "fait", "sera",
        "aura", "serait", "auraient", "seraient", "pourraient", "devraient", "restent",
        "reste", "etait", "avait", "sont-ils", "ont-ils", "semblent", "viennent", "doit",
        "peut", "va",
    ),
    prenominal=(
        "nouveaux", "nouvelles", "premiers", "premieres", "derniers", "dernieres", "autres",
        "grands", "grandes", "petits", "petites", "jeunes", "vieux", "principaux",
        "principales", "bons", "bonnes", "mauvais", "gros", "grosses", "anciens", "anciennes",
    ),
    noun_links=("de", "d'", "d’"),
    participle_endings=("é", "ée", "és", "ées"),
    ordinal_suffixes=("e", "er", "ère", "re", "eme", "ème", "es"),
)
