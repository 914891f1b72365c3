"""English: every word and rule veille's analysis uses for English text."""

from __future__ import annotations

from veille.lang.base import LanguageData

PACK = LanguageData(code="en", name="English")
