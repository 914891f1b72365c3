"""Spanish: the cue words of web-page furniture only (a partial pack, see lang/__init__.py).

veille has no Spanish time, number, quote or entity words yet: those areas
get the generic behaviour and the analysis notes say so, as without a pack.
"""

from __future__ import annotations

from veille.lang.base import LanguageData
from veille.lang.es import furniture

PACK = LanguageData(code="es", name="Spanish", furniture=furniture.WORDS)
