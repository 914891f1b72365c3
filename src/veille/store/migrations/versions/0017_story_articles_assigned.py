"""index story assignments by time, for "what changed since"

The home page's "since <time>" strip and the activity charts ask which
stories gained articles after a moment (``web/data/activity.py``); without an
index that is a scan of every assignment, one row per article (100k rows on
a 100k store) on every uncached home page. The index holds the story id too,
so the inner query is answered from the index alone.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 16:00:00
"""

from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_story_articles_assigned', 'story_articles', ['assigned_at', 'story_id'])


def downgrade() -> None:
    op.drop_index('ix_story_articles_assigned', table_name='story_articles')
