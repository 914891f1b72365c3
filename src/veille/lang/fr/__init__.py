"""French: every word and rule veille's analysis uses for French text."""

from __future__ import annotations

from veille.lang.base import LanguageData

PACK = LanguageData(code="fr", name="French")
