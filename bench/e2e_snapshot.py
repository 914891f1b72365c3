"""Ingest the first N real articles of bench_e2e into a fresh store and dump what it stored.

Run:  .venv/bin/python bench/e2e_snapshot.py --articles 50 --out /tmp/snap.json [--profile /tmp/p.prof]

Why: a speed-up of the ingest path must leave every stored output identical;
diffing two dumps (before / after a change) checks that on real articles,
and ``--profile`` writes a cProfile of the same run for ranking hotspots.
The dump is canonical JSON of the analyses, mentions, entities, vectors
(hashed), stories and their articles, ordered by key.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from bench_e2e import pick, write_jsonl  # noqa: E402

from veille.ingest.sources import SourceOptions, read_paths  # noqa: E402
from veille.services.pipeline import PipelineOptions, run_pipeline  # noqa: E402
from veille.store import Store  # noqa: E402

_TABLES = ("analyses", "entities", "mentions", "article_vectors", "stories", "story_articles")
_VOLATILE = {"created_at", "updated_at", "analyzed_at", "ingested_at", "seq", "fetched_at",
             "assigned_at"}


def dump(db: Path) -> dict[str, Any]:
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    out: dict[str, Any] = {}
    for t in _TABLES:
        rows = []
        for r in con.execute(f"SELECT * FROM {t}"):  # noqa: S608 - fixed table names
            d = {}
            for k in r.keys():  # noqa: SIM118 - a sqlite3.Row iterates over values
                v = r[k]
                if k in _VOLATILE:
                    continue
                if isinstance(v, bytes):
                    v = hashlib.sha1(v).hexdigest()
                d[k] = v
            rows.append(d)
        out[t] = sorted(rows, key=lambda d: json.dumps(d, sort_keys=True, default=str))
    con.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--profile", type=Path, default=None)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="veille-snap-"))
    src = tmp / "articles.jsonl"
    write_jsonl(pick(args.articles), src)
    db = tmp / "snap.db"
    store = Store.open(str(db))
    prof = cProfile.Profile() if args.profile else None
    try:
        if prof:
            # Warm (models, tables, imports) outside the profile, as bench_e2e does.
            warm = tmp / "warm.jsonl"
            write_jsonl(pick(args.articles)[-4:], warm)
            ws = Store.open(str(tmp / "warm.db"))
            run_pipeline(ws, read_paths([str(warm)], SourceOptions(fmt="jsonl")), PipelineOptions())
            ws.close()
            prof.enable()
        run_pipeline(store, read_paths([str(src)], SourceOptions(fmt="jsonl")), PipelineOptions())
    finally:
        if prof:
            prof.disable()
            prof.dump_stats(str(args.profile))
        store.close()
    args.out.write_text(json.dumps(dump(db), sort_keys=True, indent=0, default=str), encoding="utf-8")
    print(args.out)


if __name__ == "__main__":
    main()
