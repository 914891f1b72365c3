"""The quote words and rules one language gives the analysis (see lang/base.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteWords:
    """Filled in as the quote extractor's language knowledge moves here."""
