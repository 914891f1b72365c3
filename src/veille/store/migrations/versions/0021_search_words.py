"""search words: a per-article word index snippets are cut from (both backends)

An uncached search cut its twenty snippets by scanning each result's text for
every word (a ``\\w+`` pass, the word set, the hit lookup): 40 % of a search
at 100k articles (issue 20). ``search_words`` holds, per article, the index
``veille.search.wordindex.encode`` makes when the article is indexed (its
distinct words' folded forms and stems, each word's entry, gap and length),
so a search finds the hits with a few string and numpy operations.

Derived data: ``veille.search.index.ensure_indexed`` (run by ``veille serve``
and the web app) fills it for articles indexed before this revision; until
then, and for any index made from another text, language or definition of a
word, the snippet is cut from the text as before (same output).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 19:45:00
"""

from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE TABLE IF NOT EXISTS search_words (seq BIGINT PRIMARY KEY, body BYTEA NOT NULL)")
    else:  # INTEGER PRIMARY KEY: the rowid itself, one b-tree
        op.execute("CREATE TABLE IF NOT EXISTS search_words (seq INTEGER PRIMARY KEY, body BLOB NOT NULL)")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_words")
