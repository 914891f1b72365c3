"""The watcher's tables, on the store's shared metadata.

They live next to the watcher (its own module) but register on
:data:`veille.store.schema.metadata`, so ``metadata.create_all`` and the
schema-vs-migration check see them once this module is imported; migration
``0003_watch`` creates exactly these.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from veille.store.schema import metadata

# One row per watched feed or page: its schedule and what the last poll left
# behind (validators for the conditional GET, the failure streak for backoff).
sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),
    Column("name", String(512), nullable=True),
    Column("kind", String(8), nullable=False, default="auto"),  # auto / feed / page
    Column("every", Float, nullable=False),  # seconds between polls
    Column("enabled", Boolean, nullable=False, default=True),
    Column("etag", Text, nullable=True),
    Column("last_modified", Text, nullable=True),
    Column("next_due", DateTime(timezone=True), nullable=True),
    Column("last_polled", DateTime(timezone=True), nullable=True),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_error", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Entries already taken from a source (feed entry id / link, or a page
# version's content hash): the watcher ingests each exactly once.
seen_entries = Table(
    "seen_entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, nullable=False),
    Column("entry_key", String(512), nullable=False),
    Column("article_uid", String(512), nullable=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source_id", "entry_key", name="uq_seen_source_entry"),
)

watchlists = Table(
    "watchlists",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(256), nullable=False, unique=True),
    Column("entities", JSON, nullable=False),  # names or entity ids
    Column("queries", JSON, nullable=False),  # search terms
    Column("channels", JSON, nullable=False),  # ["print", "jsonl:PATH", "webhook:URL"]
    Column("created_at", DateTime(timezone=True), nullable=False),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("watchlist_id", Integer, nullable=False),
    Column("kind", String(16), nullable=False),  # article / story
    # What the alert is about, unique per watchlist so a rerun never repeats it.
    Column("key", String(512), nullable=False),
    Column("article_uid", String(512), nullable=True),
    Column("story_id", Integer, nullable=True),
    Column("matched", JSON, nullable=False),  # {"entities": [...], "queries": [...]}
    Column("payload", JSON, nullable=False),
    # channel -> {"status": "ok"/"failed", "attempts": n, "error": ..., "at": ISO time}
    Column("delivered", JSON, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("watchlist_id", "key", name="uq_alert_watchlist_key"),
)
Index("ix_alerts_created", alerts.c.created_at)

# What a viewer last saw of a story, to show what changed since. The watcher
# keeps its own viewer ("watch") to word story alerts.
story_snapshots = Table(
    "story_snapshots",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("story_id", Integer, nullable=False),
    Column("viewer", String(64), nullable=False),
    Column("state", JSON, nullable=False),
    Column("taken_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("story_id", "viewer", name="uq_snapshot_story_viewer"),
)

__all__ = ["sources", "seen_entries", "watchlists", "alerts", "story_snapshots"]
