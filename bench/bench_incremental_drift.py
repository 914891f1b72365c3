"""How far an incrementally updated story view drifts from a full build (issue #19).

For every story of a store with at least ``--min-articles`` articles: build
the view in full without its last ``--add`` articles (in the order the
builder reads them: publication date), add those articles one at a time with
``stories.incremental.update_story_view`` (the stored view read back from JSON
between updates, as the service does), and compare the result with a full
build of all the articles, section by section:

- **timeline**: lines of each (``tl_full`` / ``tl_upd``), lines of the update
  with no line of the full build at the same dates and sentence
  (``tl_extra``), and lines of the full build the update lacks (``tl_lost``);
  ``tl_sources_differ``: lines on both whose cited sources differ;
- **summary**: sentences of the full build's summary the update also shows
  (``sum_same`` of ``sum_full``), and update sentences that open on their own
  outlet's possessive (``sum_teasers``, the full build's teaser rule);
- **facts**: counts, and the new articles' statements grouped with exactly the
  same statements as in the full build (``co_same`` of ``co_all``);
- **disagreements**: (kind, wording of each side) of the full build found by the
  update too (``dis_same`` of ``dis_full``; ``dis_upd`` the update's count).

Stories are split by id parity (``--part odd|even|all``) so that one half can
be looked at while changing the update and the other reported untouched.
CPU seconds of the updates are printed per added article.

Run: .venv/bin/python bench/bench_incremental_drift.py STORE.db [--part odd] [--add 3]
"""

from __future__ import annotations

import argparse
import copy
import inspect
import json
import sys
import time
from collections import Counter
from typing import Any

from sqlalchemy import text as sqltext

from veille.core.text import fold_words
from veille.store.core import Store
from veille.stories.incremental import update_story_view
from veille.stories.service import load_story_inputs
from veille.stories.view import build_story_view


def _line_key(e: dict[str, Any]) -> tuple[str, str, str]:
    return (e["start"], e["end"], fold_words(e["sentence"]))


def _co_members(view: dict[str, Any], uids: set[str]) -> dict[tuple[str, int], frozenset[Any]]:
    out = {}
    for f in view["facts"]:
        mem = frozenset((m["article"], m["start"]) for m in f["members"])
        for m in mem:
            if m[0] in uids:
                out[m] = mem
    return out


def _dis_keys(view: dict[str, Any]) -> Counter[tuple[str, ...]]:
    return Counter((d["kind"], *sorted(fold_words(s["text"]) for s in d["sides"]))
                   for d in view["disagreements"])


def _own_outlet(sentence: dict[str, Any], view: dict[str, Any]) -> bool:
    from veille.stories.summary import names_own_outlet
    from veille.stories.units import Unit

    keys = {a["uid"]: {"key": a["independent_source"]} for a in view["articles"]}
    u = Unit(idx=0, article=0, uid=sentence["article"], sentence=0, start=0, end=0,
             text=sentence["text"], language=sentence.get("language"))
    return names_own_outlet(u, keys)


def compare(full: dict[str, Any], upd: dict[str, Any], new_uids: set[str]) -> dict[str, int]:
    """Counts of what differs between the two views (see the module docstring)."""
    lf, lu = Counter(map(_line_key, full["timeline"])), Counter(map(_line_key, upd["timeline"]))
    src_f = {_line_key(e): sorted(e["sources"]) for e in full["timeline"]}
    src_u = {_line_key(e): sorted(e["sources"]) for e in upd["timeline"]}
    sf = [fold_words(s["text"]) for s in full["summary"]]
    su = {fold_words(s["text"]) for s in upd["summary"]}
    a, b = _co_members(upd, new_uids), _co_members(full, new_uids)
    df, du = _dis_keys(full), _dis_keys(upd)
    return {
        "tl_full": len(full["timeline"]), "tl_upd": len(upd["timeline"]),
        "tl_extra": sum((lu - lf).values()), "tl_lost": sum((lf - lu).values()),
        "tl_sources_differ": sum(src_f[k] != src_u[k] for k in set(src_f) & set(src_u)),
        "sum_full": len(sf), "sum_same": sum(s in su for s in sf),
        "sum_teasers": sum(_own_outlet(s, upd) for s in upd["summary"]),
        "facts_full": len(full["facts"]), "facts_upd": len(upd["facts"]),
        "co_all": len(b), "co_same": sum(a.get(m) == b[m] for m in b),
        "dis_full": sum(df.values()), "dis_upd": sum(du.values()),
        "dis_same": sum((df & du).values()),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--part", choices=("odd", "even", "all"), default="all")
    ap.add_argument("--add", type=int, default=3)
    ap.add_argument("--min-articles", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="print per-story rows as JSON lines")
    args = ap.parse_args()
    store = Store.open(args.store)
    with store.connect() as conn:
        sizes = conn.execute(sqltext(
            "SELECT story_id, count(*) FROM story_articles GROUP BY story_id")).all()
    ids = sorted(int(s) for s, n in sizes if n >= args.min_articles)
    if args.part != "all":
        ids = [s for s in ids if s % 2 == (1 if args.part == "odd" else 0)]
    # the code before session 12 reads no stored articles back
    with_context = "context" in inspect.signature(update_story_view).parameters
    total: Counter[str] = Counter()
    cpu_upd, n_upd = 0.0, 0
    for sid in ids:
        with store.connect() as conn:
            inp = load_story_inputs(conn, sid)
        order = sorted(range(len(inp.articles)),
                       key=lambda i: (str(inp.articles[i].published or "9999"), i))
        arts = [inp.articles[i] for i in order]
        ans = [inp.analyses[i] for i in order]
        k = len(arts) - args.add
        view = json.loads(json.dumps(build_story_view(arts[:k], ans[:k], inp.entities).to_dict()))
        by_uid = {a.uid: (a, an) for a, an in zip(arts, ans, strict=True)}

        def context(uids: Any, by_uid: Any = by_uid) -> tuple[list[Any], list[Any]]:
            got = [by_uid[u] for u in uids]
            return [a for a, _ in got], [an for _, an in got]

        for a, an in zip(arts[k:], ans[k:], strict=True):
            c0 = time.process_time()
            extra = {"context": context} if with_context else {}
            view = update_story_view(copy.deepcopy(view), [a], [an], inp.entities, **extra)
            cpu_upd += time.process_time() - c0
            n_upd += 1
            view = json.loads(json.dumps(view))
        full = json.loads(json.dumps(build_story_view(arts, ans, inp.entities).to_dict()))
        row = compare(full, view, {a.uid for a in arts[k:]})
        total.update(row)
        if args.json:
            print(json.dumps({"story": sid, "articles": len(arts), **row}))
    print(json.dumps({"store": args.store, "part": args.part, "stories": len(ids),
                      "added_per_story": args.add, **dict(total),
                      "update_cpu_ms_per_article": round(1000 * cpu_upd / max(n_upd, 1), 1)}))


if __name__ == "__main__":
    sys.exit(main())
