"""story ids that survive merges (reserved)

Placeholder reserved in session 5 so that parallel work keeps one linear
chain; the owner replaces this docstring and the bodies.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 11:30:00
"""

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
