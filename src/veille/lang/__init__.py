"""Language packs: everything veille knows of a language, behind one lookup.

``language_data("fr")`` returns the French pack; a code with no pack returns
the generic fallback (no words, never French). A *partial* pack (German,
Spanish, Italian) holds one area only, the cue words of page furniture: it is
returned by ``language_data`` but is no supported language (``PACKS`` and
``SUPPORTED``, which search, time and number rules iterate, leave it out), so
its other areas get the generic behaviour, as without a pack. Code outside
this package never compares language codes itself: it asks the pack.
"""

from __future__ import annotations

from veille.lang import de, en, es, fr, it
from veille.lang.base import LanguageData
from veille.lang.generic import generic

PACKS: dict[str, LanguageData] = {pack.code: pack for pack in (fr.PACK, en.PACK)}
#: Languages with a full pack, in the order a query with no language is tried.
SUPPORTED: tuple[str, ...] = tuple(PACKS)
#: Languages veille knows one area of (furniture cue words), not a full pack.
PARTIAL: dict[str, LanguageData] = {pack.code: pack for pack in (de.PACK, es.PACK, it.PACK)}


def language_data(code: str | None) -> LanguageData:
    """The pack for ``code`` (ISO 639-1, any case, region suffix ignored), or the fallback."""
    key = (code or "").strip().lower().replace("_", "-").split("-")[0]
    pack = PACKS.get(key) or PARTIAL.get(key)
    return pack if pack is not None else generic(key or None)


__all__ = ["PACKS", "PARTIAL", "SUPPORTED", "LanguageData", "language_data"]
