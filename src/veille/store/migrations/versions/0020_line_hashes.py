"""line hashes: per-source line keys for the furniture detector (issue 19)

One row per (source, article, line key): ``veille.store.line_counts`` records
each analysed article's lines and counts, for a new article's lines, in how
many other articles of the same source they recur (an outlet's disclaimer,
newsletter box or show blurb). Derived data: ``veille analyze --redo`` rebuilds
it. The module creates the table on first use as well (``checkfirst``), so a
store analysed before this migration already has it with this shape; the
migration only makes it part of the schema's history.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 03:45:00
"""

from alembic import op

from veille.store.line_counts import line_hashes

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    line_hashes.create(op.get_bind(), checkfirst=True)


def downgrade() -> None:
    line_hashes.drop(op.get_bind(), checkfirst=True)
