"""named read cursors: where a reader stopped, for "what is new since I last looked"

One row per cursor name ("default", "morning", a watchlist's digest): the
ingest sequence number of the last article the reader was shown. Articles are
numbered in ingest order (``articles.seq``), so "new since I last looked" is
every article past that number, whoever added it (``veille ingest``, the
watcher, the API), and the CLI, the API and the watcher read the same row.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 11:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('user_cursors',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('article_seq', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )


def downgrade() -> None:
    op.drop_table('user_cursors')
