"""search facet cells as integers (SQLite)

Every uncached search counts its matches by (source, language, month): the
total and three facets come from that one grouping. Grouped on three text
values (one of them a ``substr``) SQLite's sorter was half the cost of a
distinct search at 100k articles (issue 20: 2.8 of 11 ms). Each distinct
(source, language, month) is now a row of ``search_cells`` and
``search_facets.cell`` points at it, so a search groups its matches by one
integer and reads the few thousand cells' names afterwards (1.3 ms).

``key`` is the triple as JSON: a UNIQUE column over NULL-able values would let
two rows hold the same triple (SQLite's NULLs are distinct in a UNIQUE index).
Cells are only ever added. PostgreSQL keeps grouping article_search's own
columns (its rows hold them; nothing to change there).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 00:30:00
"""

from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE TABLE IF NOT EXISTS search_cells (cell INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, "
               "source TEXT, language TEXT, month TEXT)")
    op.execute("ALTER TABLE search_facets ADD COLUMN cell INTEGER")
    # The key is made by SQLite's json_array here and in veille.search.index
    # alike (one spelling of a triple).
    op.execute("INSERT OR IGNORE INTO search_cells (key, source, language, month) "
               "SELECT DISTINCT json_array(source, language, substr(day_start, 1, 7)), "
               "source, language, substr(day_start, 1, 7) FROM search_facets")
    op.execute("UPDATE search_facets SET cell = (SELECT c.cell FROM search_cells c WHERE c.key = "
               "json_array(search_facets.source, search_facets.language, "
               "substr(search_facets.day_start, 1, 7)))")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("ALTER TABLE search_facets DROP COLUMN cell")
    op.execute("DROP TABLE IF EXISTS search_cells")
