"""The FTS5 parts of a distinct search's ranking statement, each timed alone (issue 20).

For each measured query (the bench's ``distinct_queries``, those not among
the warm-up set of ``profile_search.py``), on one read-only connection, CPU by
``time.process_time``: the backward window probe (``ORDER BY rowid DESC LIMIT
1 OFFSET RANK_WINDOW``), the forward count of at most RANK_WINDOW + 1 matches,
listing every match (``group_concat``), listing the window only, bm25 over the
window, and an estimate of bm25's idf pass (each phrase of the expression
counted alone: an upper bound, each count is a statement of its own). Tells
which part of the one-pass statement a change would have to cut.

    .venv/bin/python bench/profile_search_statement.py /tmp/veille-bench-serve/serve-100000.db 600
"""

from __future__ import annotations

import collections
import re
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serve_load import distinct_queries  # noqa: E402  (a sibling script)

from veille.search import query as Q  # noqa: E402

STATEMENTS = {
    "probe back": ("SELECT rowid FROM article_fts WHERE article_fts MATCH :m "
                   "ORDER BY rowid DESC LIMIT 1 OFFSET :n"),
    "count fwd": "SELECT count(*) FROM (SELECT rowid FROM article_fts WHERE article_fts MATCH :m LIMIT :cap)",
    "list all": "SELECT count(*), group_concat(rowid) FROM article_fts WHERE article_fts MATCH :m",
    "list window": "SELECT count(*) FROM article_fts WHERE article_fts MATCH :m AND rowid > :f",
    "bm25 window": ("WITH s AS MATERIALIZED (SELECT rowid, "
                    f"bm25(article_fts, {Q.TITLE_WEIGHT}, {Q.BODY_WEIGHT}) AS sc FROM article_fts "
                    "WHERE article_fts MATCH :m AND rowid > :f) SELECT count(*), min(sc) FROM s"),
}


def _class(n: int) -> str:
    return "<100" if n < 100 else "100-1k" if n < 1000 else "1k-5k" if n < 5000 else ">5k"


def main() -> None:
    db = sys.argv[1] if len(sys.argv) > 1 else "/tmp/veille-bench-serve/serve-100000.db"
    n_meas = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    warm = set(distinct_queries(db, 1500, seed=97))
    measured = [q for q in distinct_queries(db, n_meas + 200, seed=11) if q not in warm][:n_meas]
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.execute("PRAGMA mmap_size=1073741824")  # as the store's connections (store/core.py)
    window = Q.RANK_WINDOW
    total: collections.Counter[str] = collections.Counter()
    by: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for q in measured:
        m = Q.fts5_expression(Q.parse(q))
        got = conn.execute(STATEMENTS["probe back"], {"m": m, "n": window}).fetchall()
        params = {"m": m, "n": window, "cap": window + 1, "f": got[0][0] if got else -1}
        n = conn.execute(STATEMENTS["list all"], params).fetchone()[0]
        parts = dict.fromkeys(STATEMENTS, 0.0)
        for name, sql in STATEMENTS.items():
            t = time.process_time()
            conn.execute(sql, params).fetchall()
            parts[name] = time.process_time() - t
        t = time.process_time()
        for phrase in set(re.findall(r'"(?:[^"]|"")*"', m)):
            conn.execute("SELECT count(*) FROM article_fts WHERE article_fts MATCH :m",
                         {"m": phrase}).fetchall()
        parts["idf pass (est.)"] = time.process_time() - t
        for name, v in parts.items():
            total[name] += v
            by[_class(n)][name] += v
        by[_class(n)]["queries"] += 1
    print(f"queries {len(measured)}, ms per query:")
    for name in total:
        print(f"  {name:16s} {total[name] / len(measured) * 1000:.3f}")
    for cls in ("<100", "100-1k", "1k-5k", ">5k"):
        if by[cls]["queries"]:
            k = by[cls]["queries"]
            print(f"  {cls:7s} n={k:4d} " + ", ".join(
                f"{name} {v / k * 1000:.3f}" for name, v in by[cls].items() if name != "queries"))


if __name__ == "__main__":
    main()
