"""story ids that survive merges: the absorbed id becomes an alias

When the merge pass joins two stories, the absorbed story's row is deleted,
so a link a journalist saved (``/stories/4``, ``veille story 4``) used to
break. One row per absorbed id names the story that absorbed it
(``veille.store.story_aliases`` follows chains 4 -> 2 -> 1). No foreign key
on ``story_id``: the target may itself be merged later, and the chain is
followed rather than rewritten, so "4 was merged into 2" stays true.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 11:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('story_aliases',
    sa.Column('alias_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('merged_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('alias_id')
    )
    with op.batch_alter_table('story_aliases', schema=None) as batch_op:
        batch_op.create_index('ix_story_aliases_story', ['story_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('story_aliases', schema=None) as batch_op:
        batch_op.drop_index('ix_story_aliases_story')
    op.drop_table('story_aliases')
