"""The number words and rules one language gives the analysis (see lang/base.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NumberWords:
    """Filled in as the number extractor's language knowledge moves here."""
