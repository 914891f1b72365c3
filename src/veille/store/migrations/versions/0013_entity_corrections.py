"""people's corrections of the entity linking, and the linker's evidence

Two things a user of an entity page needs (issue #15): why a name was linked
to an entity (the linker kept it in memory, ``EntityRecord.evidence``, but
never stored it), and a way to correct the linking that later analyses
cannot undo: ``entity_corrections`` keeps every merge, split, detach and
rename with who made it and when, and the linker replays them.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 11:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("evidence", sa.JSON(), nullable=True))
    op.create_table(
        "entity_corrections",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("entity_id", sa.String(256), nullable=False),
        sa.Column("target_id", sa.String(256), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("article_uid", sa.String(512), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_entity_corrections_entity", "entity_corrections", ["entity_id"])


def downgrade() -> None:
    op.drop_index("ix_entity_corrections_entity", table_name="entity_corrections")
    op.drop_table("entity_corrections")
    with op.batch_alter_table("entities") as batch:
        batch.drop_column("evidence")
