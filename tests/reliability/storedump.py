"""A comparable picture of a SQLite store: every table's rows minus the
columns that only say *when* something was written, plus orphan checks.

Two stores that give the same dump hold the same articles, copies, rejects,
near-duplicate bands, search index, analyses, entities and stories.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Any

# Columns that hold wall-clock times: they legitimately differ between runs.
VOLATILE = {"ingested_at", "created_at", "analyzed_at", "updated_at", "assigned_at", "seen_at",
            "fired_at", "taken_at", "merged_at", "seconds", "ms_per_article"}
# meta keys that are cache tokens, not content: the analysis writer's stamp
# changes with every batch it writes (random), so two equal stores differ there.
VOLATILE_META = {"entities_stamp"}
# FTS5 keeps its own shadow tables; the index is compared through its content.
SKIP_PREFIX = ("sqlite_", "article_fts_")
# A counter every write of search_facets moves, from a random start (migration
# 0019): a cache token for search processes, not content.
SKIP_TABLES = {"search_generation"}


def _norm(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.dumps(_strip(json.loads(value)), sort_keys=True)
        except ValueError:
            return value
    return value


def _strip(obj: Any) -> Any:
    """Drop volatile keys inside JSON columns too (a story view's build time)."""
    if isinstance(obj, dict):
        if "blob" in obj:
            # The clusterer's document frequencies: compressed counts whose
            # integer width depends on the run's history, not their values.
            import base64
            import zlib

            import numpy as np

            raw = zlib.decompress(base64.b64decode(obj["blob"]))
            width = np.int64 if len(raw) == 8 * (1 << 20) else np.int32
            obj = obj | {"blob": hash(np.frombuffer(raw, dtype=width).astype(np.int64).tobytes())}
        return {k: _strip(v) for k, v in obj.items() if k not in VOLATILE}
    if isinstance(obj, list):
        return [_strip(v) for v in obj]
    return obj


def dump(db: str) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out: dict[str, list[tuple[Any, ...]]] = {}
        for t in tables:
            if t.startswith(SKIP_PREFIX) or t in SKIP_TABLES:
                continue
            if t == "article_fts":
                rows = con.execute("SELECT rowid, title, body FROM article_fts").fetchall()
            else:
                cur = con.execute(f'SELECT * FROM "{t}"')  # noqa: S608 - names from sqlite_master
                cols = [d[0] for d in cur.description]
                keep = [i for i, c in enumerate(cols) if c not in VOLATILE]
                rows = [tuple(_norm(r[i]) for i in keep) for r in cur.fetchall()
                        if not (t == "meta" and r[0] in VOLATILE_META)]
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def orphans(db: str) -> dict[str, int]:
    """Rows that point at nothing, and articles counted twice: all must be 0."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    checks = {
        "bands without article": "SELECT count(*) FROM lsh_bands b LEFT JOIN articles a "
                                 "ON a.seq = b.seq WHERE a.uid IS NULL",
        "copies without article": "SELECT count(*) FROM copies c LEFT JOIN articles a "
                                  "ON a.uid = c.article_uid WHERE a.uid IS NULL",
        "articles without bands": "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                                  "(SELECT 1 FROM lsh_bands b WHERE b.seq = a.seq)",
        "index rows without article": "SELECT count(*) FROM article_fts f WHERE NOT EXISTS "
                                      "(SELECT 1 FROM articles a WHERE a.seq = f.rowid)",
        "articles not indexed": "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                                "(SELECT 1 FROM article_fts f WHERE f.rowid = a.seq)",
        "analyses without article": "SELECT count(*) FROM analyses x LEFT JOIN articles a "
                                    "ON a.uid = x.article_uid WHERE a.uid IS NULL",
        "mentions without analysis": "SELECT count(*) FROM mentions m LEFT JOIN analyses x "
                                     "ON x.article_uid = m.article_uid WHERE x.article_uid IS NULL",
        "assignments without story": "SELECT count(*) FROM story_articles s LEFT JOIN stories t "
                                     "ON t.id = s.story_id WHERE t.id IS NULL",
        "assignments without article": "SELECT count(*) FROM story_articles s LEFT JOIN articles a "
                                       "ON a.uid = s.article_uid WHERE a.uid IS NULL",
        "stories without articles": "SELECT count(*) FROM stories t WHERE NOT EXISTS "
                                    "(SELECT 1 FROM story_articles s WHERE s.story_id = t.id)",
        "duplicate seq": "SELECT count(*) - count(DISTINCT seq) FROM articles",
    }
    try:
        return {name: int(con.execute(sql).fetchone()[0]) for name, sql in checks.items()}
    finally:
        con.close()


def counts(db: str) -> Counter[str]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        # A run killed before the migrations committed leaves a file with no
        # tables yet: that store holds zero rows of each (the rerun creates them).
        present = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return Counter({t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # noqa: S608
                        if t in present else 0
                        for t in ("articles", "copies", "rejects", "analyses", "story_articles",
                                  "stories")})
    finally:
        con.close()


def diff(a: dict[str, list[tuple[Any, ...]]], b: dict[str, list[tuple[Any, ...]]]) -> dict[str, str]:
    """Per table, a short description of how two dumps differ (empty: equal)."""
    out = {}
    for t in sorted(set(a) | set(b)):
        ra, rb = a.get(t, []), b.get(t, [])
        if ra != rb:
            sa, sb = Counter(map(repr, ra)), Counter(map(repr, rb))
            only_a, only_b = sa - sb, sb - sa
            out[t] = (f"{len(ra)} vs {len(rb)} rows; only in first: "
                      f"{list(only_a)[:2]!s:.300}; only in second: {list(only_b)[:2]!s:.300}")
    return out
