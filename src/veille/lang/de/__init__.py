"""German: the cue words of web-page furniture only (a partial pack, see lang/__init__.py).

veille has no German time, number, quote or entity words yet: those areas
get the generic behaviour and the analysis notes say so, as without a pack.
"""

from __future__ import annotations

from veille.lang.base import LanguageData
from veille.lang.de import furniture

PACK = LanguageData(code="de", name="German", furniture=furniture.WORDS)
