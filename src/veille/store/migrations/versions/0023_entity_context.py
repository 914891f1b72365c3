"""a person's co-mentioned entities, kept on its entity row (issue 15)

A lone surname in an article that never names the person in full ("Bryant"
in a piece about the Cubs, "Kim" beside Pyongyang) is told apart from its
namesakes by the entities the article names with it, compared with those
named beside each known person (``EntityRecord.context``: entity id ->
articles, the most frequent kept). Rows from before are read as an empty
context: such lone names stay unresolved until new articles fill it.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("context", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.drop_column("context")
