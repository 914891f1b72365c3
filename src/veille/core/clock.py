"""The one clock: timezone-aware UTC, so stored times compare across stores and hosts."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    """The current time in UTC (every stored timestamp comes from here)."""
    return datetime.now(UTC)
