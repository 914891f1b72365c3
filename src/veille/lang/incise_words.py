"""Reporting words for languages veille has no parser for: quotes by punctuation
and cue words (issue #18: every language the encoder covers gets quotes).

Without a parse there is no lemma, subject or clause: what a text still shows
is the incise typography of news copy, the same across these languages: a
quotation closed by its marks, a comma, a reporting verb and who spoke
(„…“, sagte Merkel; "…", dijo el presidente; «…», ha detto Conte), or who spoke,
a reporting verb and a colon before it (Merkel sagte: „…“), or a preposition
of attribution (so Merkel; según X; secondo X; aldus X; по словам X).

The forms are inflected (no lemmatizer): the third person, present and past,
of each language's common reporting verbs (say, declare, explain, add,
stress, state, affirm), from the grammar of each language, not from any
article. A language missing here gets quote marks checked (notes) but no
quotes: a quotation with no cue may be a title or a scare-quoted word, and
without a parse nothing tells them apart.
"""

from __future__ import annotations

#: language -> reporting verb forms (lower case; a form may be two words, "ha detto")
VERBS: dict[str, frozenset[str]] = {
    "de": frozenset({
        "sagt", "sagte", "sagten", "sagen", "erklärt", "erklärte", "erklärten", "betont",
        "betonte", "meint", "meinte", "fügt", "fügte", "ergänzt", "ergänzte",
        "schreibt", "schrieb", "warnt", "warnte", "erzählt", "erzählte", "berichtet",
        "berichtete", "kritisiert", "kritisierte", "versichert", "versicherte",
    }),
    "es": frozenset({
        "dijo", "dice", "dijeron", "afirmó", "afirma", "aseguró", "asegura", "señaló",
        "señala", "explicó", "explica", "indicó", "indica", "declaró", "declara", "añadió",
        "agregó", "sostuvo", "manifestó", "advirtió", "subrayó", "destacó", "comentó",
        "escribió", "expresó",
    }),
    "it": frozenset({
        "ha detto", "ha affermato", "ha dichiarato", "ha spiegato", "ha aggiunto",
        "ha sottolineato", "ha osservato", "ha scritto", "ha commentato", "dice", "afferma",
        "dichiara", "spiega", "aggiunge", "sottolinea", "disse", "affermò", "dichiarò",
        "spiegò", "aggiunse",
    }),
    "pt": frozenset({
        "disse", "diz", "afirmou", "afirma", "declarou", "declara", "explicou", "explica",
        "acrescentou", "acrescenta", "sublinhou", "destacou", "garantiu", "escreveu",
        "referiu", "adiantou",
    }),
    "nl": frozenset({
        "zei", "zegt", "zeiden", "verklaarde", "verklaart", "stelde", "stelt", "schreef",
        "schrijft", "benadrukte", "benadrukt", "aldus", "voegde", "waarschuwde",
    }),
    "pl": frozenset({
        "powiedział", "powiedziała", "powiedzieli", "mówi", "mówił", "mówiła",
        "stwierdził", "stwierdziła", "dodał", "dodała", "podkreślił", "podkreśliła",
        "zaznaczył", "zaznaczyła", "oświadczył", "oświadczyła", "napisał", "napisała",
        "przekonywał", "przekonywała", "ocenił", "oceniła",
    }),
    "ru": frozenset({
        "сказал", "сказала", "сказали", "заявил", "заявила", "заявили", "отметил",
        "отметила", "добавил", "добавила", "подчеркнул", "подчеркнула", "говорит",
        "пояснил", "пояснила", "написал", "написала", "сообщил", "сообщила",
    }),
}

#: language -> prepositions that attribute what precedes or follows to a name
#: ("so Merkel", "según X", "secondo X", "volgens X", "по словам X"); only with a
#: capitalised name after them (German "so" is mostly an adverb otherwise).
ACCORDING_TO: dict[str, frozenset[str]] = {
    "de": frozenset({"so", "laut"}),
    "es": frozenset({"según"}),
    "it": frozenset({"secondo"}),
    "pt": frozenset({"segundo"}),
    "nl": frozenset({"volgens"}),
    "pl": frozenset({"według"}),
    "ru": frozenset({"по словам"}),
}

#: lower-case words that may sit inside a person's name ("Ursula von der Leyen",
#: "Luis de Guindos", "Mark van Bommel")
NAME_PARTICLES = frozenset({
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "do", "dos", "das", "la",
    "le", "zu", "y", "i",
})
#: particles that are also articles or conjunctions: inside a name only right
#: after another particle ("von der Leyen", "de la Cruz")
WEAK_PARTICLES = frozenset({"der", "den", "das", "la", "le", "i", "y", "do", "dos"})


#: Third-person pronouns of an incise ("sagte sie", "ha detto lui") and the
#: grammatical gender they give: a quote they attribute is carried on from the
#: last named speaker only when the genders agree (analyze/quotes/unparsed.py).
#: German "sie" is also "they": a woman or several people, never one man.
INCISE_PRONOUNS: dict[str, dict[str, str]] = {
    "de": {"er": "Masc", "sie": "Fem"},
    "es": {"él": "Masc", "ella": "Fem"},
    "it": {"lui": "Masc", "lei": "Fem"},
    "pt": {"ele": "Masc", "ela": "Fem"},
    "nl": {"hij": "Masc", "zij": "Fem", "ze": "Fem"},
}

