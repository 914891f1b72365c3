"""Per-language names of stemming and text-search resources other libraries ship.

Search, clustering and the PostgreSQL index stem a text by its language; the
algorithm names are the libraries', kept here so no other module names a language.
"""

from __future__ import annotations

# ISO 639-1 -> Snowball algorithm, for every language both know.
STEMMERS: dict[str, str] = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech",
    "da": "danish", "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian",
    "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
    "ne": "nepali", "no": "norwegian", "nb": "norwegian", "fa": "persian", "pl": "polish",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "es": "spanish",
    "sv": "swedish", "ta": "tamil", "tr": "turkish",
}

# PostgreSQL text-search configurations shipped with the server.
PG_CONFIGS = {"fr": "french", "en": "english", "de": "german", "es": "spanish",
              "it": "italian", "pt": "portuguese", "nl": "dutch", "ru": "russian"}
# Scripts written without spaces: character bigrams stand in for words.
NO_SPACE = {"zh", "ja", "th"}
