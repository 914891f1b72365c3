"""unit vectors (reserved)

Placeholder reserved in session 6 so that parallel work keeps one linear
chain; the owner replaces this docstring and the bodies, or leaves it a no-op.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 15:30:00
"""

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
