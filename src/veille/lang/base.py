"""What veille knows of one language, in one typed object.

Every analysis step that depends on the language (time expressions, quotes,
numbers, entity clean-up, stemming) reads it from a :class:`LanguageData`
instead of testing a language code, so that adding a language is one package
under ``veille.lang`` plus its tests, and a language veille has no words for
is handled by :data:`veille.lang.generic.GENERIC` (which says what it lacks)
instead of silently being treated as French.
"""

from __future__ import annotations

from dataclasses import dataclass

from veille.lang.entity_words import EntityWords
from veille.lang.furniture_words import FurnitureWords
from veille.lang.number_words import NumberWords
from veille.lang.quote_words import QuoteWords
from veille.lang.time_words import TimeWords


@dataclass(frozen=True)
class LanguageData:
    """One language's words and rules; a ``None`` part is a capability it lacks."""

    code: str  # ISO 639-1
    name: str  # English name, for messages
    #: Words written joined to the next by an apostrophe and dropped from search
    #: tokens ("l'Ukraine" -> "Ukraine"); lower case, ASCII.
    elisions: frozenset[str] = frozenset()
    time: TimeWords | None = None
    numbers: NumberWords | None = None
    quotes: QuoteWords | None = None
    entities: EntityWords | None = None
    #: Cue words of web-page furniture (captions, share boxes); a pack without
    #: them gets the language-free cues only (lang/furniture_words.UNIVERSAL).
    furniture: FurnitureWords | None = None
    #: Finite verbs always carry their subject (no pro-drop): a second-person
    #: verb with none is an imperative, whatever the tagger's mood says
    #: (``analyze.mood``; the French tagger reads "Prenez" as an indicative).
    writes_subject: bool = False
    #: Its old press is read through OCR that glues words ("aprié", "lesavantages"):
    #: such tokens are split before the parse (``analyze.glued_words``), which needs
    #: the language in ``wordfreq`` and spaCy's stop words.
    splits_glued_words: bool = False

    def lacks(self) -> list[str]:
        """The analysis parts this language has no words for (shown in analysis notes)."""
        parts = {"time": self.time, "numbers": self.numbers, "quotes": self.quotes,
                 "entities": self.entities}
        return [name for name, part in parts.items() if part is None]
