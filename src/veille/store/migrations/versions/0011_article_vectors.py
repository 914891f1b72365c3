"""article vectors: one multilingual embedding per article and encoder

The clusterer compares articles across languages by the cosine of their
vectors (``veille.embed``). A vector is stored as int8 bytes (516 bytes for
512 dimensions) under the encoder's name: a model change re-embeds into new
rows instead of mixing vectors of two models. ``data`` is NULL when nothing
could be embedded (an empty text); ``notes`` say why.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 11:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_vectors",
        sa.Column("article_uid", sa.String(512), sa.ForeignKey("articles.uid"), primary_key=True),
        sa.Column("model", sa.String(64), primary_key=True),
        sa.Column("dim", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.Column("notes", sa.JSON(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("article_vectors")
