"""Measure the stories CSV before/after the flat columns, and every story's
reports, on a store (docs/measured/quality-stories.md, "Exports").

    .venv/bin/python scripts/measure_exports.py STORE [--out DIR]

"Before" is the CSV the export wrote until the flat columns: ``COLUMNS
["stories"]`` with nested values as JSON strings (the JSON/JSONL rows are
unchanged, so it is rebuilt from them exactly). A cell over 32,767
characters is one a spreadsheet (Excel, LibreOffice) cuts or refuses.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import time
from pathlib import Path
from typing import Any

from veille import export as ex
from veille.export import story as story_export
from veille.store import Store
from veille.stories.service import get_story_view

CELL_LIMIT = 32_767


def cells(text: str) -> list[str]:
    csv.field_size_limit(sys.maxsize)  # the "before" cells are far over csv's default 128 KiB
    rows = list(csv.reader(io.StringIO(text)))
    return [c for r in rows[1:] for c in r]


def describe(text: str) -> dict[str, Any]:
    cs = cells(text)
    return {"bytes": len(text.encode("utf-8")), "cells": len(cs),
            "largest_cell": max((len(c) for c in cs), default=0),
            "cells_over_limit": sum(len(c) > CELL_LIMIT for c in cs)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--out", type=Path, default=None, help="write every story's reports here")
    args = ap.parse_args()
    store = Store.open(args.store)
    with store.connect() as conn:
        rows = list(ex.rows(conn, "stories"))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(ex.COLUMNS["stories"]), extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
                    for k, v in r.items()})
    before = describe(buf.getvalue())
    after = describe("".join(ex.iter_text("stories", "csv", iter(rows))))
    reports: dict[str, list[int]] = {f: [] for f in story_export.STORY_FORMATS}
    t0 = time.perf_counter()
    for r in rows:
        view = get_story_view(store, int(r["id"]))
        assert view is not None
        for fmt in story_export.STORY_FORMATS:
            text = story_export.render(fmt, int(r["id"]), view)
            reports[fmt].append(len(text.encode("utf-8")))
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                (args.out / story_export.filename(int(r["id"]), fmt)).write_text(text, encoding="utf-8")
    secs = time.perf_counter() - t0
    store.close()
    out = {"stories": len(rows), "csv_before": before, "csv_after": after,
           "reports": {f: {"total_bytes": sum(v), "largest_bytes": max(v, default=0)}
                       for f, v in reports.items()},
           "report_seconds_all_formats": round(secs, 2)}
    json.dump(out, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
