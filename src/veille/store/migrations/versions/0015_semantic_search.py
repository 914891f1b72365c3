"""semantic search: no schema change (a no-op kept for the linear chain)

Semantic search (``veille.services.semantic``) and the embedding component
(``veille.analyze.embedding``) read and write ``article_vectors`` (0011) as
it is: the scan joins it to ``articles`` by its primary key and walks
``articles.seq`` (unique, hence indexed) newest first, and the component's
model and recipe are the ``model`` column's value.  Reserved in session 6;
left a no-op on purpose.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 15:30:00
"""

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
