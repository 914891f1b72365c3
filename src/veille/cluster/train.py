"""Learn the similarity weights from labelled stories (teacher forcing).

The labelled articles are streamed in publication order exactly as in
production, but each one is filed into its *gold* story.  Before filing, the
article is scored against every candidate the index returns, giving
(signals, same-story?) examples drawn from the very distribution the online
assigner faces (hard negatives included).  A logistic regression on these
gives the weights; the decision threshold stays at p = 0.5.

    python -m veille.cluster.train ../shared/data/news-clusters/news_cluster.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np

from veille.cluster import repository as repo
from veille.cluster.evaluate import evaluate_rows, features_of, read_jsonl, stream_order, with_vectors
from veille.cluster.online import OnlineClusterer
from veille.cluster.params import Params, load_params, save_params
from veille.cluster.semeval import fit_cross_offset, pair_half, pair_signals, read_pairs
from veille.cluster.similarity import FEATURES, article_profile, signals
from veille.cluster.state import StoryState, story_id_for
from veille.core.metrics import binary_prf
from veille.store import Store


def collect(
    rows: list[dict[str, Any]], params: Params, label: str = "story"
) -> tuple[np.ndarray, np.ndarray, float]:
    """Signals and labels for each (article, candidate story); retrieval recall."""
    ordered = stream_order(rows)
    gold = {str(r.get("id") or r.get("uid")): r[label] for r in ordered}
    cl = OnlineClusterer(params=params)
    story_of_label: dict[Any, StoryState] = {}
    label_of_story: dict[str, Any] = {}
    xs: list[list[float]] = []
    ys: list[int] = []
    found = expected = 0
    for f in features_of(ordered):
        g = gold[f.uid]
        cl.df.add([*f.terms, *f.keys, *f.nums])
        cl.idf.tick()
        prof = article_profile(f, cl.idf)
        cands = cl.candidates(f)
        target = story_of_label.get(g)
        if target is not None and target.id in cl.stories:
            expected += 1
            found += target.id in cands
        for sid in cands:
            x = signals(prof, cl._profile(cl.stories[sid]))
            xs.append([x[k] for k in FEATURES])
            ys.append(int(label_of_story[sid] == g))
        if target is None or target.id not in cl.stories:
            target = StoryState(id=story_id_for(f.uid))
            story_of_label[g] = target
            label_of_story[target.id] = g
        target.add(f, cl.idf)
        cl._touch(target)
        cl._index_story(target)
    return np.array(xs), np.array(ys), found / max(1, expected)


ENCODER_SIGNALS = ("emb", "noemb", "emb2")
#: What the same-language model with vectors reads besides the word signals.
#: The squared cosine alone: news-clusters held-out halves 0.934 / 0.950
#: against 0.928 / 0.947 with the plain cosine (weights then move from the
#: word signals to the encoder, which joins same-topic events) and 0.937 /
#: 0.947 without the encoder; SemEval same-language pairs (ten languages, not
#: trained on) F1 0.857 against 0.820 without.
VECTOR_SIGNALS = ("emb2",)
#: Its L2 strength (C = 1: C = 3 gave 0.933 / 0.947 on the same halves).
VECTOR_C = 1.0


def fit(
    x: np.ndarray, y: np.ndarray, c: float = 1.0, names: tuple[str, ...] = FEATURES
) -> tuple[dict[str, float], float]:
    from sklearn.linear_model import LogisticRegression

    cols = [FEATURES.index(k) for k in names]
    lr = LogisticRegression(C=c, max_iter=2000)
    lr.fit(x[:, cols], y)
    return {k: float(w) for k, w in zip(names, lr.coef_[0], strict=True)}, float(lr.intercept_[0])


def split_events(
    rows: list[dict[str, Any]], label: str = "story"
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Two halves by event (hash of the label): no event is on both sides."""
    a: list[dict[str, Any]] = []
    b: list[dict[str, Any]] = []
    for r in rows:
        h = int(hashlib.md5(str(r[label]).encode()).hexdigest(), 16)
        (a if h % 2 == 0 else b).append(r)
    return a, b


def analysed_rows(rows: list[dict[str, Any]], db: str) -> list[dict[str, Any]]:
    """The labelled rows again, each with the analysis a store holds for it.

    ``veille ingest`` analyses by default, and with an analysis the entity
    signal changes nature (spaCy NER + canonical linking instead of
    capitalised words).  Learning from both versions of each article keeps
    one set of weights right for analysed and unanalysed stores alike.
    """

    store = Store.open(db)
    try:
        with store.connect() as conn:
            found = {r["uid"]: r["data"] for r in repo.load_articles(conn, [str(r["id"]) for r in rows])}
    finally:
        store.close()
    return [{**r, "analysis": found[str(r["id"])]} for r in rows if found.get(str(r["id"]))]


def train(
    rows: list[dict[str, Any]],
    base: Params,
    c: float = 1.0,
    extra: list[dict[str, Any]] | None = None,
) -> Params:
    x, y, recall = collect(rows, base)
    if extra:
        x2, y2, _ = collect(extra, base)
        x, y = np.vstack([x, x2]), np.concatenate([y, y2])
    # Two same-language models: words only (``weights``: a pair missing a
    # vector) and words + the squared encoder cosine (``vector_weights``),
    # learned on the examples where both sides have a vector.  The encoder
    # with the plain cosine did not help on held-out news-clusters events
    # (docs/measured/quality-clustering.md); its square does no harm there
    # and helps same-language pairs in the other languages (VECTOR_SIGNALS).
    plain = tuple(k for k in FEATURES if k not in ENCODER_SIGNALS)
    weights, bias = fit(x, y, c, plain)
    p = Params(**{**base.to_dict(), "weights": weights, "bias": bias})
    with_vec = x[:, FEATURES.index("noemb")] == 0
    if with_vec.sum() and len(set(y[with_vec])) == 2:
        vw, vb = fit(x[with_vec], y[with_vec], VECTOR_C, (*plain, *VECTOR_SIGNALS))
        p.vector_weights, p.vector_bias = vw, vb
    p.notes = {
        **p.notes,
        "examples": int(len(y)),
        "positives": int(y.sum()),
        "candidate_recall": round(recall, 4),
    }
    return p


def sensitivity(rows: list[dict[str, Any]], params: Params) -> list[dict[str, float]]:
    """B-cubed F1 as the decision threshold moves around 0.5 (weights fixed)."""
    out = []
    for thr in (0.3, 0.4, 0.5, 0.6, 0.7):
        e = evaluate_rows(rows, Params(**{**params.to_dict(), "threshold": thr}))
        out.append(
            {
                "threshold": thr,
                "precision": round(e["precision"], 4),
                "recall": round(e["recall"], 4),
                "f1": round(e["f1"], 4),
                "chain_f1": round(e["chain_f1"], 4),
                "stories": e["stories"],
            }
        )
    return out


def stress(rows: list[dict[str, Any]], params: Params) -> list[dict[str, Any]]:
    """The same gold with less information than news_cluster gives: the kinds
    of input a user's corpus may have (no dates, month-precision dates as in
    the seed format, no titles), scored with the shipped weights."""
    variants = {
        "as given": rows,
        "no dates": [{**r, "published": None} for r in rows],
        "month-precision dates": [{**r, "published": (r.get("published") or "")[:7] or None} for r in rows],
        "no titles (lead as title)": [{**r, "title": None} for r in rows],
    }
    out = []
    for name, rs in variants.items():
        e = evaluate_rows(rs, params)
        out.append({"input": name, **{k: round(e[k], 4) for k in ("precision", "recall", "f1")},
                    "stories": e["stories"], "splits": e["splits"]})
    return out


def cross_language(path: str, params: Params) -> tuple[float, dict[str, Any]]:
    """The cross-language model (pairs with both vectors, :func:`fit_cross_model`)
    and the ``cross`` offset of the word-based model (pairs missing a vector),
    learned on the SemEval cross-language pairs of the tuning half only
    (``semeval.pair_half`` 0: the half ``veille eval semeval`` does not report
    on), with the same-story F1 on the other half.  Sets ``params.cross_*``."""

    scored = [t for t in pair_signals(read_pairs(path)) if t[0]["cross"]]
    half = [pair_half(t[3]) for t in scored]

    def f1(rows: list[Any], w: float, vectors: bool = True) -> dict[str, float]:
        m = Params(**{**params.to_dict(), "weights": {**params.weights, "cross": w}}).model()
        if not vectors:
            rows = [({**x, "emb": 0.0, "noemb": 1.0}, o, lp, pid) for x, o, lp, pid in rows]
        dec = [(m.logit(x) >= 0, o <= 1.5) for x, o, _, _ in rows if o <= 1.5 or o >= 3]
        scores = binary_prf([p for p, _ in dec], [g for _, g in dec])
        return {k: round(v, 4) if k != "n" else v for k, v in scores.items()}

    report: dict[str, Any] = {}
    tr = [t for t, k in zip(scored, half, strict=True) if k == 0]
    te = [t for t, k in zip(scored, half, strict=True) if k == 1]
    # Without vectors (the fallback): the offset of the word-based model.
    no_vec = [({**x, "emb": 0.0, "noemb": 1.0}, o, lp, pid) for x, o, lp, pid in tr]
    w = fit_cross_offset(no_vec, Params(**{**params.to_dict(), "cross_weights": {}}))
    cw, cb = fit_cross_model(tr, params)
    params.cross_weights, params.cross_bias = cw, cb
    report["cross_model"] = {"weights": cw, "bias": cb,
                             "held_out": f1(te, w), "in_sample": f1(tr, w)}
    report["half 0 -> half 1 (no vectors)"] = {
        "cross": round(w, 4), "held_out": f1(te, w, False), "without": f1(te, 0.0, False),
        "in_sample": f1(tr, w, False)}
    return w, report


CROSS_SIGNALS = ("emb", "ent", "num")


def fit_cross_model(
    scored: list[tuple[dict[str, float], float, str, str]], params: Params, c: float = 1.0
) -> tuple[dict[str, float], float]:
    """The model of a cross-language pair with both vectors, learned on
    cross-language pairs with a clear label (Overall <= 1.5 same story, >= 3
    not): a logistic regression on the encoder cosine, entities and figures.
    The pairs are single articles with no dates, so the time gap keeps the
    weight learned on streams (``params.weights``)."""
    from sklearn.linear_model import LogisticRegression

    data = [(x, o) for x, o, _, _ in scored if x["cross"] and not x.get("noemb") and (o <= 1.5 or o >= 3)]
    lr = LogisticRegression(C=c, max_iter=2000)
    lr.fit([[x[k] for k in CROSS_SIGNALS] for x, _ in data], [o <= 1.5 for _, o in data])
    w = {k: float(v) for k, v in zip(CROSS_SIGNALS, lr.coef_[0], strict=True)}
    bias = float(lr.intercept_[0]) + _best_shift(
        [float(z) for z in lr.decision_function([[x[k] for k in CROSS_SIGNALS] for x, _ in data])],
        [o <= 1.5 for _, o in data])
    # The time gap keeps its stream weight; the size weight does not carry
    # over: it corrects the word signals' drift on large stories (a sum of
    # sparse vectors), while the cosine to an encoder centroid does not fall
    # as a story grows, and these pairs teach nothing about size.
    w.update(gap=params.weights.get("gap", 0.0))
    return w, bias


def _best_shift(z: list[float], y: list[bool]) -> float:
    """The bias shift maximising same-story F1 on the pairs learned from.

    A likelihood fit on pairs where "different story" outnumbers "same" puts
    p = 0.5 where precision is high and recall low (0.96 / 0.69 on the held-out
    half); the clusterer decides at p = 0.5, and a story that misses a
    language is the failure the cross-language model exists to avoid."""
    best, shift = -1.0, 0.0
    for cand in sorted({-v for v in z}):
        tp = sum(1 for v, g in zip(z, y, strict=True) if g and v + cand >= 0)
        fp = sum(1 for v, g in zip(z, y, strict=True) if not g and v + cand >= 0)
        fn = sum(1 for v, g in zip(z, y, strict=True) if g and v + cand < 0)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best + 1e-9:
            best, shift = f1, cand
    return shift + 1e-6


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("jsonl")
    ap.add_argument("--save", action="store_true", help="write params.json")
    ap.add_argument("--c", type=float, default=3.0)
    ap.add_argument(
        "--analysed-store",
        default=None,
        help="a store where the same JSONL was ingested with analysis: learn from both versions",
    )
    ap.add_argument(
        "--sensitivity",
        action="store_true",
        help="only report F1 against the threshold with the saved params",
    )
    ap.add_argument(
        "--cross-pairs",
        default=None,
        help="SemEval-2022 task 8 CSV: learn the cross-language offset on its cross-language pairs",
    )
    ap.add_argument(
        "--stress",
        action="store_true",
        help="only report F1 on the same gold without dates, with month dates, without titles",
    )
    args = ap.parse_args(argv)
    rows = with_vectors(read_jsonl(args.jsonl))
    if args.stress:
        json.dump(stress(rows, load_params()), sys.stdout, indent=1)
        print()
        return 0
    if args.sensitivity:
        json.dump(sensitivity(rows, load_params()), sys.stdout, indent=1)
        print()
        return 0
    base = load_params()
    report: dict[str, Any] = {}
    ana = analysed_rows(rows, args.analysed_store) if args.analysed_store else []
    a, b = split_events(rows)
    aa, ab = split_events(ana) if ana else ([], [])
    for name, tr, te, tr2, te2 in (("A->B", a, b, aa, ab), ("B->A", b, a, ab, aa)):
        p = train(tr, base, args.c, tr2)
        report[name] = {
            "weights": p.weights,
            "bias": p.bias,
            "eval": evaluate_rows(te, p),
            "train": evaluate_rows(tr, p),
        }
        if te2:
            report[name]["eval_analysed"] = evaluate_rows(te2, p)
    full = train(rows, base, args.c, ana)
    report["all"] = {
        "weights": full.weights,
        "bias": full.bias,
        "notes": full.notes,
        "eval": evaluate_rows(rows, full),
    }
    if ana:
        report["all"]["eval_analysed"] = evaluate_rows(ana, full)
        full.notes["analysed_examples_from"] = f"{len(ana)} articles with their analysis"
    if args.cross_pairs:
        w, report["cross_language"] = cross_language(args.cross_pairs, full)
        full.weights = {**full.weights, "cross": w}
        full.notes["cross_from"] = args.cross_pairs.split("/")[-1]
    json.dump(report, sys.stdout, indent=1, default=str)
    print()
    if args.save:
        full.version = f"{date.today():%Y.%m.%d}-lr"
        full.trained_on = args.jsonl.split("/")[-1]
        save_params(full)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
