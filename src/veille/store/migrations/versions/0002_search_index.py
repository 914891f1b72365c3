"""full-text search index

SQLite: an FTS5 table ``article_fts`` (rowid = articles.seq) holding each
article's title and text as Snowball stems of its language (see
veille.search.text), tokenised by unicode61 with diacritics removed, ranked by
BM25. PostgreSQL: ``article_search`` with a weighted tsvector built with the
article's own configuration (french / english / simple) and a GIN index.

Rows are written by veille.search.index.index_articles (called by ingest);
articles stored before this revision are indexed by
veille.search.index.ensure_indexed, which the web app and `veille search` run.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 08:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5("
            "title, body, tokenize = 'unicode61 remove_diacritics 2')"
        )
    elif dialect == "postgresql":
        op.create_table(
            "article_search",
            sa.Column("seq", sa.Integer(), primary_key=True),
            sa.Column("uid", sa.String(length=512), nullable=False),
            sa.Column("config", postgresql.REGCONFIG(), nullable=False),
            sa.Column("tsv", postgresql.TSVECTOR(), nullable=False),
        )
        op.create_index("ix_article_search_tsv", "article_search", ["tsv"],
                        postgresql_using="gin")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS article_fts")
    elif dialect == "postgresql":
        op.drop_index("ix_article_search_tsv", table_name="article_search")
        op.drop_table("article_search")
