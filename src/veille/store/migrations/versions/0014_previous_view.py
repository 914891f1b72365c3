"""a changed story keeps its last view aside, for the incremental update

The clusterer drops the view of every story it changes, in the same
transaction, so a run killed before the views are rebuilt leaves them missing
(and rebuilt by the next run), never silently stale. But adding one article to
a story of 1,000 can update the old view in about a second where a rebuild
takes ten (``stories/incremental.py``), and it needs the old view to start
from. The dropped view is now moved to ``previous_view``; the view builder
starts from it when the story only gained articles, and clears it when it
saves the new view.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 13:15:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("previous_view", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("previous_view")
