"""French: every word and rule veille's analysis uses for French text."""

from __future__ import annotations

from veille.lang.base import LanguageData
from veille.lang.fr import entities, furniture, numbers, quotes, time

ELISIONS = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"})

PACK = LanguageData(code="fr", name="French", elisions=ELISIONS, entities=entities.WORDS,
                    time=time.WORDS, numbers=numbers.WORDS, quotes=quotes.WORDS,
                    furniture=furniture.WORDS, writes_subject=True,
                    splits_glued_words=True)
