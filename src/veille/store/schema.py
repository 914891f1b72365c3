"""The store's tables, described once with SQLAlchemy Core.

Core rather than the ORM: stages exchange plain dataclasses, and the store is a
thin mapping of them onto rows, which keeps queries explicit and parameterised
and lets the same code run on SQLite and PostgreSQL.

The migrations in ``migrations/versions`` create exactly these tables; a test
checks that the migrated schema and this module agree.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    # The id as given in the input (JSONL ``id``, the file name, the feed entry id).
    Column("uid", String(512), primary_key=True),
    # Ingest order: the stream order clustering follows.
    Column("seq", Integer, nullable=False, unique=True),
    Column("source", String(512)),
    Column("url", Text),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("language", String(16)),
    # A date is a range at some precision (a seed dated 2023-06 covers June 1..30).
    Column("published", String(32)),  # ISO label at its own precision
    Column("published_start", String(10)),
    Column("published_end", String(10)),
    Column("date_precision", String(8), nullable=False, default="unknown"),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("duplicate_of", String(512), ForeignKey("articles.uid"), nullable=True),
    Column("similarity", Float, nullable=True),  # estimated Jaccard with duplicate_of
    Column("n_chars", Integer, nullable=False),
    Column("origin", Text, nullable=False),
    Column("fmt", String(16), nullable=False),
    Column("minhash", LargeBinary, nullable=True),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
Index("ix_articles_published", articles.c.published_start)
Index("ix_articles_source", articles.c.source)
Index("ix_articles_duplicate_of", articles.c.duplicate_of)

# Exact duplicates are folded into the first copy; every other copy is kept
# here so the article can say "also published by".
copies = Table(
    "copies",
    metadata,
    Column("uid", String(512), primary_key=True),
    Column("article_uid", String(512), ForeignKey("articles.uid"), nullable=False),
    Column("source", String(512)),
    Column("url", Text),
    Column("published", String(32)),
    Column("origin", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
Index("ix_copies_article", copies.c.article_uid)

# Locality-sensitive-hashing bands of each article's MinHash, kept in the store
# (not in memory) so near-duplicate lookup stays flat as the corpus grows and
# survives restarts. Two integers per row, clustered on (band_key, seq)
# (WITHOUT ROWID on SQLite: the primary key is the table, no second b-tree):
# ~14 rows per article make this the ingest writer's largest index (0008).
lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("band_key", BigInteger, nullable=False),  # dedup.band_keys
    Column("seq", Integer, ForeignKey("articles.seq"), nullable=False),
    PrimaryKeyConstraint("band_key", "seq", name="pk_lsh_bands"),
    sqlite_with_rowid=False,
)

rejects = Table(
    "rejects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("line", Integer, nullable=True),
    Column("code", String(8), nullable=False),
    Column("reason", Text, nullable=False),
    Column("raw", Text, nullable=True),
    Column("fingerprint", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

analyses = Table(
    "analyses",
    metadata,
    Column("article_uid", String(512), ForeignKey("articles.uid"), primary_key=True),
    Column("version", String(32), nullable=False),
    Column("status", String(16), nullable=False),  # ok / partial / failed
    Column("notes", JSON, nullable=True),
    Column("data", JSON, nullable=True),
    Column("analyzed_at", DateTime(timezone=True), nullable=False),
    # {component name: version} of the pipeline that made it (revision 0009)
    Column("components", JSON, nullable=True),
)

entities = Table(
    "entities",
    metadata,
    Column("entity_id", String(256), primary_key=True),
    Column("canonical", Text, nullable=False),
    Column("label", String(16), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("n_mentions", Integer, nullable=False, default=0),
    Column("languages", JSON, nullable=True),
    # Linking evidence (surface form -> count, label -> votes): revisions of
    # canonical and label stay the same however articles are batched (0007).
    Column("alias_counts", JSON, nullable=True),
    Column("label_votes", JSON, nullable=True),
    # surface form -> why it joined this entity, shown on the entity page (0013)
    Column("evidence", JSON, nullable=True),
    # a person's co-mentioned entities: entity id -> articles (0023)
    Column("context", JSON, nullable=True),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_uid", String(512), ForeignKey("articles.uid"), nullable=False),
    Column("entity_id", String(256), nullable=True),
    Column("text", Text, nullable=False),
    Column("label", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
Index("ix_mentions_entity", mentions.c.entity_id)
Index("ix_mentions_article", mentions.c.article_uid)

# One vector per article and encoder (migration 0011): int8 bytes with their
# scale (``veille.embed.pack``), keyed by the model name so that a new model
# leaves the old vectors unused and its own are computed beside them.
article_vectors = Table(
    "article_vectors",
    metadata,
    Column("article_uid", String(512), ForeignKey("articles.uid"), primary_key=True),
    Column("model", String(64), primary_key=True),
    Column("dim", Integer, nullable=False),
    Column("data", LargeBinary, nullable=True),  # NULL: nothing could be embedded (notes say why)
    Column("notes", JSON, nullable=True),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title", Text),
    Column("size", Integer, nullable=False, default=0),
    Column("languages", JSON, nullable=True),
    Column("sources", JSON, nullable=True),
    Column("first_published", String(32)),
    Column("last_published", String(32)),
    Column("predecessor_id", Integer, ForeignKey("stories.id"), nullable=True),
    Column("state", JSON, nullable=True),  # the clusterer's centroid etc.
    Column("view", JSON, nullable=True),  # summary, timeline, facts...
    # the view dropped when the story last changed, until the new one is saved:
    # where an incremental update starts from (0014)
    Column("previous_view", JSON, nullable=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_stories_last_published", stories.c.last_published)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_uid", String(512), ForeignKey("articles.uid"), primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id"), nullable=False),
    Column("similarity", Float, nullable=True),
    Column("assigned_at", DateTime(timezone=True), nullable=False),
)
Index("ix_story_articles_story", story_articles.c.story_id)
# "Which stories gained articles since T" (home strip, activity): migration 0017.
Index("ix_story_articles_assigned", story_articles.c.assigned_at, story_articles.c.story_id)

# A merged story's id, kept as an alias of the story that absorbed it
# (migration 0010; ``veille.store.story_aliases`` resolves chains).
story_aliases = Table(
    "story_aliases",
    metadata,
    Column("alias_id", Integer, primary_key=True, autoincrement=False),
    Column("story_id", Integer, nullable=False),
    Column("merged_at", DateTime(timezone=True), nullable=False),
)
Index("ix_story_aliases_story", story_aliases.c.story_id)

meta = Table(
    "meta",
    metadata,
    Column("key", String(128), primary_key=True),
    Column("value", JSON, nullable=True),
)

# --- the watcher's tables (migration 0003_watch creates exactly these) --------
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

# Where a named reader stopped (migration 0012): the seq of the last article
# shown, so "new since I last looked" is every article past it (store.cursors).
user_cursors = Table(
    "user_cursors",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("article_seq", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

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

# People's corrections of the entity linking, replayed by every later linking
# (veille.analyze.corrections) so re-analysis never undoes them (0013).
entity_corrections = Table(
    "entity_corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(16), nullable=False),  # merge / split / detach / rename
    Column("entity_id", String(256), nullable=False),
    Column("target_id", String(256), nullable=True),
    Column("name", Text, nullable=True),
    Column("aliases", JSON, nullable=False),
    Column("article_uid", String(512), nullable=True),
    Column("start", Integer, nullable=True),
    Column("end", Integer, nullable=True),
    Column("author", String(128), nullable=False),
    Column("note", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
Index("ix_entity_corrections_entity", entity_corrections.c.entity_id)
