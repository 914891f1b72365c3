"""Language detection with lingua: the one detector ingest and analysis share.

Restricting the candidate set keeps the detector small (memory, start-up) and
more accurate on short texts; an article in another language is labelled by
its closest candidate only when lingua is confident, else left unknown.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

_LANGS = [
    Language.FRENCH, Language.ENGLISH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
    Language.PORTUGUESE, Language.DUTCH, Language.POLISH, Language.RUSSIAN, Language.UKRAINIAN,
    Language.TURKISH, Language.ARABIC, Language.CHINESE, Language.JAPANESE, Language.KOREAN,
    Language.PERSIAN, Language.HEBREW, Language.GREEK, Language.SWEDISH, Language.ROMANIAN,
]
# Detection reads the start of the text: enough for a reliable answer, and it
# keeps ingest fast on long articles.
_SAMPLE_CHARS = 2000
_MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return (
        LanguageDetectorBuilder.from_languages(*_LANGS)
        .with_preloaded_language_models()
        .build()
    )


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when the text is too short or ambiguous."""
    sample = text[:_SAMPLE_CHARS]
    if len(sample.strip()) < 3:
        return None
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value < _MIN_CONFIDENCE:
        return None
    return values[0].language.iso_code_639_1.name.lower()


def valid_language_code(code: str) -> str | None:
    code = code.strip().lower()
    if len(code) == 2 and code.isalpha():
        try:
            IsoCode639_1.from_str(code)
        except ValueError:
            return None
        return code
    return None
