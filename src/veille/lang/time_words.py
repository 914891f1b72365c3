"""The time words and rules one language gives the analysis (see lang/base.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TimeWords:
    """Filled in as the time extractor's language knowledge moves here."""
