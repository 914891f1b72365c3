"""article embeddings (reserved)

Placeholder reserved in session 5 so that parallel work keeps one linear
chain; the owner replaces this docstring and the bodies.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 11:30:00
"""

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
