"""The fallback for a language veille has no words for.

It carries no words at all: analysis of such a text gets sentences (and, where
a spaCy pipeline exists, entities) but no language-specific extraction, and
the analysis notes say which parts are missing. It is never French.
"""

from __future__ import annotations

from veille.lang.base import LanguageData


def generic(code: str | None) -> LanguageData:
    """Language data for ``code`` when no package under ``veille.lang`` covers it."""
    return LanguageData(code=code or "und", name=f"unsupported language {code or 'unknown'!r}")
