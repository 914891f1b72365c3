"""English: every word and rule veille's analysis uses for English text."""

from __future__ import annotations

from veille.lang.base import LanguageData
from veille.lang.en import entities, furniture, numbers, quotes, time

PACK = LanguageData(code="en", name="English", entities=entities.WORDS,
                    time=time.WORDS, numbers=numbers.WORDS, quotes=quotes.WORDS,
                    furniture=furniture.WORDS, writes_subject=True)
