"""entities keep the evidence that decides their canonical name and label

Linking revises an entity's canonical name and label as articles arrive, from
the count of each surface form and the label votes. Those counts were not
stored, so an entity met again in a later batch was rebuilt from that batch
alone ("Emmanuel Macron" then "Macron" left canonical "Macron"), and results
depended on where batches split. Existing rows get counts derived from what
they kept: one per alias, the mentions as votes for their label.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 11:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("alias_counts", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("label_votes", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.drop_column("label_votes")
        batch.drop_column("alias_counts")
