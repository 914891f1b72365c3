"""One comparable form per quantity: moved to ``veille.core.quantities`` (session 6) so
``stories/`` can use it without importing a stage; this import path keeps working."""

from __future__ import annotations

from veille.core.quantities import Comparable, comparable, comparable_pair, overlap

__all__ = ["Comparable", "comparable", "comparable_pair", "overlap"]
