"""A merged story's id stays an alias of the story that absorbed it, on both
backends, through the clustering stage's own writes (``move_story``)."""

from __future__ import annotations

from sqlalchemy import insert

from veille.cluster import repository as repo
from veille.core.clock import now
from veille.store import Store, story_aliases
from veille.store.schema import story_aliases as aliases_table


def _rows(store: Store, n: int) -> list[int]:
    with store.begin() as conn:
        return [repo.new_story_row(conn) for _ in range(n)]


def test_chain_is_followed_and_said(store: Store) -> None:
    a, b, c = _rows(store, 3)
    with store.begin() as conn:
        repo.move_story(conn, c, b)
        repo.move_story(conn, b, a)
    with store.connect() as conn:
        found = story_aliases.resolve(conn, c)
        live = story_aliases.resolve(conn, a)
        assert story_aliases.aliases_of(conn, a) == sorted([b, c])
    assert found is not None and found.story_id == a and found.path == [c, b, a]
    assert found.message() == f"story {c} was merged into story {b}, which was merged into story {a}"
    assert live is not None and not live.merged and live.message() == ""


def test_unknown_id_resolves_to_nothing(store: Store) -> None:
    (a,) = _rows(store, 1)
    with store.connect() as conn:
        assert story_aliases.resolve(conn, a + 1000) is None


def test_merged_id_is_never_handed_out_again(store: Store) -> None:
    """SQLite hands out max(id) + 1: the highest story merged away must not
    come back as an unrelated story (the saved link would show a stranger)."""
    a, b = _rows(store, 2)
    with store.begin() as conn:
        repo.move_story(conn, b, a)
    (new,) = _rows(store, 1)
    assert new not in (a, b)
    with store.connect() as conn:
        found = story_aliases.resolve(conn, b)
    assert found is not None and found.story_id == a


def test_a_looping_chain_ends(store: Store) -> None:
    """A hand-edited store with 900 -> 901 -> 900 and neither live: no hang, no story."""
    with store.begin() as conn:
        conn.execute(insert(aliases_table), [
            {"alias_id": 900, "story_id": 901, "merged_at": now()},
            {"alias_id": 901, "story_id": 900, "merged_at": now()},
        ])
    with store.connect() as conn:
        assert story_aliases.resolve(conn, 900) is None


def test_rebuild_forgets_aliases(store: Store) -> None:
    a, b = _rows(store, 2)
    with store.begin() as conn:
        repo.move_story(conn, b, a)
        repo.clear_all(conn)
    with store.connect() as conn:
        assert story_aliases.resolve(conn, b) is None
