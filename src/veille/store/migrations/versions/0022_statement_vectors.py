"""statement vectors: encoder vectors of story statements, keyed by text (issue 19)

An update of a big story in a fresh process embedded again ~116 statements
its last build had embedded (~0.2 s of CPU of a ~1 s update). Rows keyed by
(encoder id, text hash), float32 bytes, a used-at stamp in microseconds by
which ``veille.store.statement_vectors`` keeps the table bounded (least
recently used rows dropped beyond ``MAX_ROWS``). Derived data: a missing row
is embedded again.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 04:00:00
"""

from alembic import op

from veille.store.statement_vectors import statement_vectors

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    statement_vectors.create(op.get_bind(), checkfirst=True)


def downgrade() -> None:
    statement_vectors.drop(op.get_bind(), checkfirst=True)
