"""The logical content of a store, on either backend, independent of the order
concurrent writers happened to commit in (seq numbers, which copy of an exact
duplicate became the article, which way a near-duplicate link points)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, text

from veille.store import Store
from veille.store.schema import articles, copies, lsh_bands, rejects


def _components(pairs: list[tuple[str, str]]) -> set[frozenset[str]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    groups: dict[str, set[str]] = {}
    for x in parent:
        groups.setdefault(find(x), set()).add(x)
    return {frozenset(g) for g in groups.values() if len(g) > 1}


def logical_state(db: str) -> dict[str, Any]:
    store = Store.open(db, migrate=False)
    try:
        with store.connect() as conn:
            arts = conn.execute(select(articles.c.uid, articles.c.content_hash, articles.c.seq,
                                       articles.c.duplicate_of, articles.c.language,
                                       articles.c.published, articles.c.n_chars)).all()
            cps = conn.execute(select(copies.c.uid, copies.c.article_uid)).all()
            hash_of = {a.uid: a.content_hash for a in arts}
            index_table = "article_search" if store.dialect == "postgresql" else "article_fts"
            index_key = "seq" if store.dialect == "postgresql" else "rowid"
            indexed = [r[0] for r in conn.execute(text(f"SELECT {index_key} FROM {index_table}"))]
            bands = conn.execute(select(articles.c.uid, func.count())
                                 .join(lsh_bands, lsh_bands.c.seq == articles.c.seq)
                                 .group_by(articles.c.uid)).all()
            rej = conn.execute(select(rejects.c.origin, rejects.c.line, rejects.c.code)).all()
    finally:
        store.close()
    seqs = [a.seq for a in arts]
    return {
        # Every record id is stored once, as an article or as a folded copy,
        # with its text (by hash).
        "records": sorted([(a.uid, a.content_hash) for a in arts]
                          + [(c.uid, hash_of.get(c.article_uid, "?")) for c in cps]),
        "n_articles": len(arts),
        "distinct_hashes": len({a.content_hash for a in arts}) == len(arts),
        "article_fields": sorted((a.content_hash, a.language, a.published, a.n_chars) for a in arts),
        "near_duplicate_groups": _components([(a.uid, a.duplicate_of) for a in arts if a.duplicate_of]),
        "seq_unique_and_dense": sorted(seqs) == list(range(1, len(seqs) + 1)),
        "index_matches_articles": sorted(indexed) == sorted(seqs),
        "bands_per_article": sorted(n for _uid, n in bands) == sorted(
            n for _uid, n in bands) and {uid for uid, _n in bands} == {a.uid for a in arts},
        "rejects": sorted(map(tuple, rej)),
    }
