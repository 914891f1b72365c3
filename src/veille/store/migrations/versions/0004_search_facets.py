"""search index carries the facet columns

The search index now holds each article's source, language and date range
next to its stems, so counting facets and filtering never reads the articles
table: on SQLite an article row keeps its (long) text before these columns,
and reading them for 10,000 matches cost more than the search itself
(bench/bench_serve.py, docs/measured/performance-serve.md).

SQLite: article_fts is recreated with four UNINDEXED columns first; it is
refilled by veille.search.index.ensure_indexed (run by `veille serve` and
`veille search`; new articles are indexed at ingest as before).
PostgreSQL: the columns are added to article_search and filled from articles.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 08:35:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

FTS = ("CREATE VIRTUAL TABLE article_fts USING fts5("
       "source UNINDEXED, language UNINDEXED, day_start UNINDEXED, day_end UNINDEXED, "
       "title, body, tokenize = 'unicode61 remove_diacritics 2')")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS article_fts")
        op.execute(FTS)
    elif dialect == "postgresql":
        op.add_column("article_search", sa.Column("source", sa.String(512), nullable=True))
        op.add_column("article_search", sa.Column("language", sa.String(16), nullable=True))
        op.add_column("article_search", sa.Column("day_start", sa.String(10), nullable=True))
        op.add_column("article_search", sa.Column("day_end", sa.String(10), nullable=True))
        op.execute("UPDATE article_search s SET source = a.source, language = a.language, "
                   "day_start = a.published_start, day_end = a.published_end "
                   "FROM articles a WHERE a.seq = s.seq")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS article_fts")
        op.execute("CREATE VIRTUAL TABLE article_fts USING fts5("
                   "title, body, tokenize = 'unicode61 remove_diacritics 2')")
    elif dialect == "postgresql":
        for col in ("day_end", "day_start", "language", "source"):
            op.drop_column("article_search", col)
