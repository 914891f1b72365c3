"""Session 13 (issue #18): learn the merge-after-join model and choose its threshold.

The merge made right after a join (``cluster/merge.py``) has its own small
logistic model over story-to-story signals.  Its examples come from replayed
streams in which the merge is probed but never made (every candidate pair a
join would examine is recorded with its signals):

* the SemEval tuning half (``pair_half == 0``), in ``--orders`` arrival
  orders: a pair of stories is positive when a same-story pair (Overall <=
  1.5) has one article in each, negative when an unrelated pair (>= 3.5) has
  and no same-story pair does; other pairs of stories carry no label;
* news-clusters events of half A (``train.split_events``), streamed alone:
  positive when the two stories' majority events are the same.

Half 1 of SemEval and half B of news-clusters are never read here.  The
threshold is then swept on half 0's ingest check (mean over the orders):

    .venv/bin/python scripts/semeval_merge_fit.py --vectors /tmp/vec.npz [--out params.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from veille.cluster.evaluate import features_of, read_jsonl, stream_order, with_vectors
from veille.cluster.features import build_features
from veille.cluster.merge import MERGE_FEATURES
from veille.cluster.online import OnlineClusterer
from veille.cluster.params import Params, load_params
from veille.cluster.semeval import ingest_articles, ingest_check, read_pairs, stream_orders
from veille.cluster.train import split_events

NEWS = "../shared/data/news-clusters/news_cluster.jsonl"
SEMEVAL = "../shared/data/semeval2022-task8/training_set.csv"


def _misses() -> ModuleType:
    path = Path(__file__).with_name("semeval_ingest_misses.py")
    spec = importlib.util.spec_from_file_location("semeval_ingest_misses", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def probe_params(base: Params, k: int) -> Params:
    """Merge candidates examined as shipped, never merged (threshold above 1)."""
    return dataclasses.replace(base, merge_k=k, merge_weights={"emb": 0.0}, merge_bias=0.0,
                               merge_join_threshold=2.0)


def _stream(feats: list[Any], params: Params, label: Any) -> list[tuple[dict[str, float], int]]:
    """Replay a stream and label every merge candidate pair ``label(members a, b)``
    (1, 0, or None: no label)."""
    cl = OnlineClusterer(params=params, track_members=True)
    out: list[tuple[dict[str, float], int]] = []

    def seen(s: Any, o: Any, x: dict[str, float]) -> None:
        assert cl.members is not None
        y = label(cl.members.get(s.id, []), cl.members.get(o.id, []))
        if y is not None:
            out.append((dict(x), y))

    cl.merge_observer = seen
    every = params.merge_every
    for i, f in enumerate(feats, 1):
        cl.add(f)
        if i % every == 0:
            cl.split_pass()
            cl.merge_pass()
    return out


def semeval_examples(rows: list[dict[str, Any]], half: int, orders: int, params: Params,
                     vectors: list[Any]) -> list[tuple[dict[str, float], int]]:
    texts, pairs = ingest_articles(rows, half)
    overall = {frozenset((a, b)): o for a, b, o, _ in pairs}
    uids = list(texts)

    def label(ma: list[str], mb: list[str]) -> int | None:
        found = [overall.get(frozenset((u, v))) for u in ma for v in mb]
        os_ = [o for o in found if o is not None]
        if any(o <= 1.5 for o in os_):
            return 1
        if any(o >= 3.5 for o in os_):
            return 0
        return None

    out: list[tuple[dict[str, float], int]] = []
    for perm in stream_orders(len(uids), orders):
        feats = [build_features(uids[i], texts[uids[i]][0], None, texts[uids[i]][1], vector=vectors[i], seq=n)
                 for n, i in enumerate(perm)]
        out += _stream(feats, params, label)
    return out


def news_examples(rows: list[dict[str, Any]], params: Params) -> list[tuple[dict[str, float], int]]:
    ordered = stream_order(with_vectors(rows))
    gold = {str(r.get("id")): r["story"] for r in ordered}

    def major(ms: list[str]) -> Any:
        return Counter(gold[u] for u in ms).most_common(1)[0][0] if ms else None

    def label(ma: list[str], mb: list[str]) -> int | None:
        a, b = major(ma), major(mb)
        return None if a is None or b is None else int(a == b)

    return _stream(list(features_of(ordered)), params, label)


def fit(examples: list[tuple[dict[str, float], int]], names: list[str],
        c: float) -> tuple[dict[str, float], float]:
    x = np.array([[e[k] for k in names] for e, _ in examples])
    y = np.array([lab for _, lab in examples])
    lr = LogisticRegression(C=c, max_iter=5000)
    lr.fit(x, y)
    return {k: round(float(w), 4) for k, w in zip(names, lr.coef_[0], strict=True)}, float(
        lr.intercept_[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", default=SEMEVAL)
    ap.add_argument("--news", default=NEWS)
    ap.add_argument("--orders", type=int, default=6)
    ap.add_argument("--k", type=int, default=3, help="stories compared after a join")
    ap.add_argument("--probe-k", type=int, default=5, help="candidates recorded per join for the fit")
    ap.add_argument("--features", default="emb_max,gap", help="the model's inputs (of MERGE_FEATURES)")
    ap.add_argument("--c", type=float, default=10.0)
    ap.add_argument("--vectors", type=Path, default=None)
    ap.add_argument("--thresholds", default="0.5,0.6,0.7,0.8,0.9")
    ap.add_argument("--out", type=Path, default=None, help="write the params with the chosen merge model")
    ap.add_argument("--threshold", type=float, default=None, help="the threshold written with --out")
    args = ap.parse_args()
    base = load_params()
    rows = read_pairs(args.csv)
    texts, _ = ingest_articles(rows, 0)
    vectors = _misses()._vectors([t for t, _ in texts.values()], args.vectors)
    probe = probe_params(base, args.probe_k)
    ex_sem = semeval_examples(rows, 0, args.orders, probe, vectors)
    half_a, _ = split_events(read_jsonl(args.news))
    ex_news = news_examples(half_a, probe)
    names = [f for f in args.features.split(",") if f]
    assert set(names) <= set(MERGE_FEATURES), names
    examples = ex_sem + ex_news
    print(f"examples: semeval half 0 {len(ex_sem)} ({sum(y for _, y in ex_sem)} positive), "
          f"news half A {len(ex_news)} ({sum(y for _, y in ex_news)} positive)")
    w, b = fit(examples, names, args.c)
    print("weights", json.dumps(w), "bias", round(b, 4))
    for thr in [float(t) for t in args.thresholds.split(",")]:
        params = dataclasses.replace(base, merge_k=args.k, merge_weights=w, merge_bias=b,
                                     merge_join_threshold=thr)
        res = ingest_check(rows, params, half=0, orders=args.orders, vectors=vectors)["orders"]
        print(f"threshold {thr}: " + "  ".join(
            f"{k} {v['together_mean']:.2f} {v['together_per_order']}" for k, v in res.items() if k != "n"),
            flush=True)
    if args.out is not None and args.threshold is not None:
        params = dataclasses.replace(base, merge_k=args.k, merge_weights=w, merge_bias=round(b, 4),
                                     merge_join_threshold=args.threshold)
        args.out.write_text(json.dumps(params.to_dict(), indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
