"""Language packs: everything veille knows of a language, behind one lookup.

``language_data("fr")`` returns the French pack; a code with no pack returns
the generic fallback (no words, never French). Code outside this package never
compares language codes itself: it asks the pack.
"""

from __future__ import annotations

from veille.lang import en, fr
from veille.lang.base import LanguageData
from veille.lang.generic import generic

PACKS: dict[str, LanguageData] = {pack.code: pack for pack in (fr.PACK, en.PACK)}
#: Languages with a full pack, in the order a query with no language is tried.
SUPPORTED: tuple[str, ...] = tuple(PACKS)


def language_data(code: str | None) -> LanguageData:
    """The pack for ``code`` (ISO 639-1, any case, region suffix ignored), or the fallback."""
    key = (code or "").strip().lower().replace("_", "-").split("-")[0]
    pack = PACKS.get(key)
    return pack if pack is not None else generic(key or None)


__all__ = ["PACKS", "SUPPORTED", "LanguageData", "language_data"]
