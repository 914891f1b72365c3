"""search generation: a counter every change of search_facets moves (SQLite)

An uncached search counts its matches by facet cell. Joining each match to
its ``search_facets`` row was a sixth of a distinct search at 100k articles
(issue 20: 1.3 of ~8 ms, more for a common word); a search process now keeps
``seq -> cell`` as a numpy array (400 kB at 100k) and needs to know, in the
same statement that reads the matches, whether that array is still the
store's. Triggers move ``search_generation.gen`` on every insert, delete or
update of ``search_facets``, whichever code path writes it; a reader reloads
its array when the number it reads differs from the one it loaded.

The counter starts at a random value, so a table dropped and made again
(downgrade, upgrade) never repeats a generation a running process has seen.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 03:00:00
"""

from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

_EVENTS = ("INSERT", "DELETE", "UPDATE")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE TABLE IF NOT EXISTS search_generation "
               "(id INTEGER PRIMARY KEY CHECK (id = 0), gen INTEGER NOT NULL)")
    op.execute("INSERT OR IGNORE INTO search_generation (id, gen) VALUES (0, abs(random() / 4))")
    for ev in _EVENTS:
        op.execute(f"CREATE TRIGGER IF NOT EXISTS search_facets_gen_{ev.lower()} AFTER {ev} ON search_facets "
                   "BEGIN UPDATE search_generation SET gen = gen + 1 WHERE id = 0; END")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for ev in _EVENTS:
        op.execute(f"DROP TRIGGER IF EXISTS search_facets_gen_{ev.lower()}")
    op.execute("DROP TABLE IF EXISTS search_generation")
