"""search facets in their own narrow table (SQLite)

Revision 0004 put source, language and dates as UNINDEXED columns of the FTS5
table; FTS5 reads a whole content row (the stemmed text included) to return
any column, so that was no faster than reading the articles table. This
revision keeps the FTS5 table to the stems and puts the facet columns in
``search_facets`` (seq INTEGER PRIMARY KEY: one short row per article, found
by rowid). PostgreSQL keeps them in article_search (0004): its long tsvector is
stored out of line, so the short columns are cheap to read there.

SQLite stores are refilled by veille.search.index.ensure_indexed (run by
`veille serve` and `veille search`).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 08:40:00
"""

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS article_fts")
    op.execute("CREATE VIRTUAL TABLE article_fts USING fts5("
               "title, body, tokenize = 'unicode61 remove_diacritics 2')")
    op.execute("CREATE TABLE IF NOT EXISTS search_facets (seq INTEGER PRIMARY KEY, source TEXT, "
               "language TEXT, day_start TEXT, day_end TEXT)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS search_facets")
    op.execute("DROP TABLE IF EXISTS article_fts")
    op.execute("CREATE VIRTUAL TABLE article_fts USING fts5("
               "source UNINDEXED, language UNINDEXED, day_start UNINDEXED, day_end UNINDEXED, "
               "title, body, tokenize = 'unicode61 remove_diacritics 2')")
