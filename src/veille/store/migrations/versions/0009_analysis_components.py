"""analyses keep the version of each component that made them

One version string (``veille.analysis.v2``) covered every extractor, so
improving one (the quote attribution, say) could only be rolled out by
redoing every analysis. Each analysis now also stores ``{component name:
version}`` of the pipeline that made it (``veille.analyze.registry``), and
``veille analyze --outdated`` redoes those whose versions differ from the
running pipeline's. Rows made by ``veille.analysis.v2`` were made by the
first version of every component: they get that map (frozen here as it was
when this revision was written); older rows keep none and are outdated.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 08:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_V2 = "veille.analysis.v2"
_V2_COMPONENTS = {"veille.sentences.v1": 1, "veille.entities.v1": 1, "veille.quotes.v1": 1,
                  "veille.times.v1": 1, "veille.quantities.v1": 1}


def upgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.add_column(sa.Column("components", sa.JSON(), nullable=True))
    analyses = sa.table("analyses", sa.column("version", sa.String),
                        sa.column("components", sa.JSON))
    op.execute(analyses.update().where(analyses.c.version == _V2)
               .values(components=_V2_COMPONENTS))


def downgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.drop_column("components")
