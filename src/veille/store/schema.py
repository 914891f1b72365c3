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

meta = Table(
    "meta",
    metadata,
    Column("key", String(128), primary_key=True),
    Column("value", JSON, nullable=True),
)

# Tables that live next to the stage that owns them register on the same
# metadata; importing them here keeps the schema-vs-migration check complete.
from veille.watch import tables as _watch_tables  # noqa: E402,F401
