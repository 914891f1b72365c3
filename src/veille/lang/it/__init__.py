"""Italian: the cue words of web-page furniture only (a partial pack, see lang/__init__.py).

veille has no Italian time, number, quote or entity words yet: those areas
get the generic behaviour and the analysis notes say so, as without a pack.
"""

from __future__ import annotations

from veille.lang.base import LanguageData
from veille.lang.it import furniture

PACK = LanguageData(code="it", name="Italian", furniture=furniture.WORDS)
