"""Session 12 (issue #18): the ingest check of one half, streamed in several
arrival orders.

Measurement only.  ``semeval.ingest_check`` streams a half's articles in pair
order, once; where a pair ends depends on which story each article meets
first, and with the shipped model the order alone moves the cross-language
same-story count of half 0 between 36 and 40 of 47 (six orders), as much as
any change measured on these pairs in sessions 5-11.  This runs the same
check in the pair order and ``--orders - 1`` seeded permutations
(``semeval.stream_orders``) and prints each count per order and its mean, so
two parameter files can be compared on the mean rather than on one order's
luck:

    .venv/bin/python scripts/semeval_ingest_orders.py --half 0 --orders 6 \\
        --vectors /tmp/semeval_vectors.npz [--params other_params.json]

``--vectors`` is the cache of ``scripts/semeval_ingest_misses.py`` (same
format).  Tune on half 0; half 1 is the held-out half of the reports.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from veille.cluster.params import load_params
from veille.cluster.semeval import ingest_articles, ingest_check, read_pairs


def _misses() -> ModuleType:
    """The sibling script, for its vector cache (scripts are not a package)."""
    path = Path(__file__).with_name("semeval_ingest_misses.py")
    spec = importlib.util.spec_from_file_location("semeval_ingest_misses", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def check(rows: list[dict[str, Any]], half: int, orders: int, params_path: Path | None = None,
          cache: Path | None = None) -> dict[str, Any]:
    """``ingest_check`` over ``orders`` arrival orders, vectors read from ``cache``."""
    texts, _ = ingest_articles(rows, half)
    vectors = _misses()._vectors([t for t, _ in texts.values()], cache)
    return ingest_check(rows, load_params(params_path), half=half, orders=orders, vectors=vectors)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("csv", nargs="?", default="../shared/data/semeval2022-task8/training_set.csv")
    ap.add_argument("--half", type=int, default=0, choices=(0, 1))
    ap.add_argument("--orders", type=int, default=6)
    ap.add_argument("--params", type=Path, default=None, help="a clustering params file (default: shipped)")
    ap.add_argument("--vectors", type=Path, default=None, help="a .npz cache of the article vectors")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    res = check(read_pairs(args.csv), args.half, args.orders, args.params, args.vectors)
    if args.json:
        print(json.dumps(res, indent=2))
        return
    n = res["orders"]["n"] if "orders" in res else 1
    print(f"half {res['half']}, {res['articles']} articles, {n} orders")
    for key, v in (res.get("orders") or {}).items():
        if key != "n":
            print(f"{key:32s} pair order {res[key]['together']:3d} / {v['pairs']:3d}   "
                  f"mean {v['together_mean']:6.2f}   per order {v['together_per_order']}")


if __name__ == "__main__":
    main()
