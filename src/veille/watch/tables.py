"""The watcher's tables, defined in :mod:`veille.store.schema` with the
others (the store must not import the watcher); named here too for the
watcher's modules and older imports."""

from __future__ import annotations

from veille.store.schema import alerts, seen_entries, sources, story_snapshots, watchlists

__all__ = ["sources", "seen_entries", "watchlists", "alerts", "story_snapshots"]
