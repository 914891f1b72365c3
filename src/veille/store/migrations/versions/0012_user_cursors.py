"""named read cursors and digests (reserved)

Placeholder reserved in session 5 so that parallel work keeps one linear
chain; the owner replaces this docstring and the bodies.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 11:30:00
"""

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
