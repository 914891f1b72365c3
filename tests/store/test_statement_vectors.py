"""The store's statement vectors (migration 0022), on both backends: keyed by
(encoder id, text hash), a key stored twice kept once, stamps of use, and the
bound that drops the least recently used rows."""

from __future__ import annotations

import numpy as np
from alembic import command
from sqlalchemy import inspect

from veille.store import Store
from veille.store.core import _alembic_config
from veille.store.statement_vectors import (
    StatementVector,
    count_statement_vectors,
    load_statement_vectors,
    save_statement_vectors,
)


def _vec(seed: int) -> bytes:
    v = np.random.default_rng(seed).standard_normal(512).astype(np.float32)
    return (v / np.linalg.norm(v)).astype(np.float32).tobytes()


def test_migration_creates_and_drops_the_table(store: Store) -> None:
    def tables() -> set[str]:
        with store.connect() as conn:
            return set(inspect(conn).get_table_names())

    assert "statement_vectors" in tables()
    cfg = _alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0021")
    assert "statement_vectors" not in tables()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    assert "statement_vectors" in tables()
    with store.connect() as conn:
        cols = {c["name"] for c in inspect(conn).get_columns("statement_vectors")}
    assert cols == {"model", "text_hash", "data", "used_at"}


def test_vectors_round_trip_by_model_and_hash(store: Store) -> None:
    rows = [StatementVector("enc.s1", f"{k:040x}", _vec(k)) for k in range(3)]
    with store.begin() as conn:
        assert save_statement_vectors(conn, rows, now=10) == 3
    with store.connect() as conn:
        got = load_statement_vectors(conn, "enc.s1", [r.text_hash for r in rows] + ["f" * 40])
        other = load_statement_vectors(conn, "enc.s2", [r.text_hash for r in rows])
    assert got == {r.text_hash: r for r in rows}  # the very bytes, absent hash absent
    assert other == {}  # another encoder id sees none of them
    assert np.frombuffer(got[rows[1].text_hash].data, dtype=np.float32).shape == (512,)


def test_a_key_stored_twice_is_kept_once(store: Store) -> None:
    first = StatementVector("enc.s1", "a" * 40, _vec(1))
    with store.begin() as conn:
        save_statement_vectors(conn, [first], now=10)
    with store.begin() as conn:  # another worker's vector of the same text
        assert save_statement_vectors(conn, [StatementVector("enc.s1", "a" * 40, _vec(2))],
                                      now=11) == 0
    with store.connect() as conn:
        assert count_statement_vectors(conn) == 1
        assert load_statement_vectors(conn, "enc.s1", ["a" * 40])["a" * 40].data == first.data


def test_the_bound_drops_the_least_recently_used(store: Store) -> None:
    old = [StatementVector("m", f"{k:040x}", _vec(k)) for k in range(6)]
    with store.begin() as conn:
        save_statement_vectors(conn, old, now=100, max_rows=10)
    # rows 0 and 1 are read again later: stamped as used, they outlive the rest
    with store.begin() as conn:
        save_statement_vectors(conn, [], [("m", old[0].text_hash), ("m", old[1].text_hash)],
                               now=200, max_rows=10)
    new = [StatementVector("m", f"{k:040x}", _vec(k)) for k in range(6, 12)]
    with store.begin() as conn:
        save_statement_vectors(conn, new, now=300, max_rows=10)
    with store.connect() as conn:
        kept = set(load_statement_vectors(conn, "m", [r.text_hash for r in old + new]))
        assert count_statement_vectors(conn) <= 10
    assert {old[0].text_hash, old[1].text_hash} <= kept
    assert {r.text_hash for r in new} <= kept
    assert not kept & {r.text_hash for r in old[2:]}
