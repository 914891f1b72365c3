"""The entity words and rules one language gives the analysis (see lang/base.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityWords:
    """Filled in as the entity extractor's language knowledge moves here."""
