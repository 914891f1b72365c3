"""Fit the furniture detector on the tuning part of the labelled lines.

    .venv/bin/python scripts/train_furniture.py [--model trees|logistic]
        [--c 0.3] [--trees 400] [--depth 3] [--rate 0.05] [--threshold 0.6]
        [--fit all|tune] [--hold fresh16-held-out] [--stack]
        [--drop PREFIXES] [--bag N] [--no-cv] [--write [--out FILE]]

Reads tests/data/furniture/*.jsonl and the texts in ../shared/data (and the
seeds in examples/), fits on the lines of the *tune* part only (``--fit
tune``; the held-out and fresh-held-out parts are scored by ``veille eval
furniture``, never read here) or, since session 9 (``--fit all``, the
default), on every labels set except the newest fresh one (``--hold``,
``fresh5-held-out`` since session 10, and ``fresh7-held-out``, drawn and
labelled in session 11 after v8 was fitted: the held-out figures of such a
model; since session 12 (v9) only ``fresh8-held-out``: the census of session
12 read the misses of sets 5 and 7, which are training sets from then on);
since session 13 ``fresh9-held-out`` too (drawn and labelled after v9);
since session 14 (v10) only ``fresh10-held-out``: the census of session 14
read the misses of sets 8 and 9, which are training sets from then on;
since session 15 ``fresh11-held-out`` too (drawn and labelled after v11);
since session 17 ``fresh12-held-out`` too (drawn and labelled after v12);
since session 18 (v14) only ``fresh13-held-out`` (drawn and labelled after v13;
the brief of session 18 tuned on every set up to 12); since session 19
``fresh14-held-out`` too (drawn and labelled before any change of session 19);
since session 21 only ``fresh16-held-out`` (every set 1-15 fitted on; that
refit and ``--stack``, the second stage on the neighbours' first-stage
scores, were measured and not shipped: the packaged trees are still v14's,
fitted on sets up to 12; see docs/measured/quality-stories.md).
Prints the
figures cross-validated at several thresholds (the threshold is chosen
there): by document on the tune part, or, with ``--fit all``, leaving one
labels set out at a time (each set was drawn and labelled in another session
from other documents: the fresh sets showed that a fold of documents from the
set one tuned on says much more than a new set will); with ``--write`` saves
the model to src/veille/analyze/furniture_weights.json.

Trees by default since session 6: on the tune part, cross-validated, boosted
trees gave precision 0.87 where the logistic regression gave 0.83 at the
same recall (features interact: position, case, cues, the neighbours).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from veille.analyze.evaluate_furniture import SiteIndex, labelled_rows, load_docs, load_labels
from veille.analyze.furniture import FEATURES, STACK_FEATURES, WEIGHTS_FILE, Model, Tree

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", choices=("trees", "logistic"), default="trees")
    ap.add_argument("--c", type=float, default=0.3)
    ap.add_argument("--trees", type=int, default=400)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--rate", type=float, default=0.05)
    ap.add_argument("--threshold", type=float, default=0.6)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--fit", choices=("tune", "all"), default="all")
    ap.add_argument("--hold", default="fresh16-held-out",
                    help="with --fit all: the parts kept out of the fit (comma-separated)")
    ap.add_argument("--drop", default="",
                    help="comma-separated feature name prefixes the model may not use (their "
                         "column is zeroed before fitting: an ablation, the weights file keeps "
                         "every feature)")
    ap.add_argument("--bag", type=int, default=1,
                    help="average the raw scores of this many tree models fitted with seeds "
                         "seed, seed+1, ... (one exported model: their trees, the rate divided)")
    ap.add_argument("--seed", type=int, default=0,
                    help="the trees' random state (their row subsample): a second seed shows the noise")
    ap.add_argument("--skip", default="",
                    help="comma-separated labels files (stems) left out of this run")
    ap.add_argument("--newest", default="fresh6",
                    help="the newest training sets (file stems): the pooled figure leaves their lines "
                         "out, so that runs with and without it compare on the same lines")
    ap.add_argument("--errors", default="",
                    help="write the cross-validated errors at --threshold (set, kind, score, "
                         "document, line; JSONL) to this file: the census of what is missed")
    ap.add_argument("--stack", action="store_true",
                    help="fit a second stage on the features and the first stage's scores of each "
                         "line and its neighbours (session 21); the neighbours' scores in its "
                         "training rows come from first stages fitted without their labels set")
    ap.add_argument("--out", default="",
                    help="with --write: the weights file to write (default: the package's)")
    ap.add_argument("--no-cv", action="store_true",
                    help="fit and export only, without the cross-validated figures (a quick refit)")
    args = ap.parse_args()
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, LeaveOneGroupOut, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    docs = load_docs(ROOT.parent / "shared" / "data", ROOT / "examples")
    sites = SiteIndex(docs)
    rows: list[list[float]] = []
    ys: list[int] = []
    groups: list[str] = []
    sets: list[str] = []
    texts: list[str] = []
    for f in sorted((ROOT / "tests" / "data" / "furniture").glob("*.jsonl")):
        if f.stem in args.skip.split(","):
            continue
        labels = [lb for lb in load_labels(f)
                  if (lb.part == "tune" if args.fit == "tune" else lb.part not in args.hold.split(","))]
        for part in sorted({lb.part for lb in labels}):
            r, yy, g, _ = labelled_rows([lb for lb in labels if lb.part == part], docs, sites,
                                        texts)
            rows += r
            ys += yy
            groups += g
            sets += [f"{f.stem}:{part}"] * len(r)
    x, y = np.array(rows), np.array(ys)
    dropped = [i for i, f in enumerate(FEATURES) if any(f.startswith(p) for p in args.drop.split(",") if p)]
    x[:, dropped] = 0.0
    if args.model == "trees" and args.bag > 1:
        est = _bagged(args.bag, args.trees, args.depth, args.rate, args.seed)
    elif args.model == "trees":
        est = GradientBoostingClassifier(n_estimators=args.trees, max_depth=args.depth,
                                         learning_rate=args.rate, subsample=0.8,
                                         random_state=args.seed)
    else:
        est = make_pipeline(StandardScaler(), LogisticRegression(C=args.c, class_weight="balanced",
                                                                 max_iter=3000))
    stage2 = None
    if args.stack:
        x, y, sets, groups, texts, stage2 = _stacked(args, docs, sites)
        est = _estimator(args)
    if args.no_cv:
        pass
    elif args.fit == "tune":
        proba = cross_val_predict(est, x, y, groups=groups, cv=GroupKFold(n_splits=5),
                                  method="predict_proba")[:, 1]
        print(f"tune part, 5-fold by document: lines {len(ys)} furniture {sum(ys)}")
    else:
        proba = cross_val_predict(est, x, y, groups=sets, cv=LeaveOneGroupOut(),
                                  method="predict_proba")[:, 1]
        print(f"all but {args.hold}, one labels set left out at a time ({len(set(sets))} sets, "
              f"the trees alone, without the rules): lines {len(ys)} furniture {sum(ys)}")
    if not args.no_cv:
        _report(args, proba, y, sets, groups, texts)
    est.fit(x, y)
    if stage2 is not None:
        one = _export_trees(args, stage2[0], stage2[1], FEATURES)
        gap = np.abs(np.array([one.score(r) for r in stage2[1]]) - stage2[0].predict_proba(stage2[1])[:, 1])
        assert float(gap.max()) < 1e-3, "the exported first stage does not score as scikit-learn"
        model = dataclasses.replace(_export_trees(args, stage2[0], stage2[1], FEATURES),
                                    stack=_export_trees(args, est, x, (*FEATURES, *STACK_FEATURES)))
        mine = np.array([model.stack.score(r) for r in x])  # type: ignore[union-attr]
        ref = est.predict_proba(x)[:, 1]
        assert float(np.abs(mine - ref).max()) < 1e-3, "the exported model does not score as scikit-learn"
        _write(args, model)
        return
    if args.model == "trees":
        members = est.models_ if args.bag > 1 else [est]
        trees = []
        inits = []
        for member in members:
            mine = []
            for (reg,) in member.estimators_:
                t = reg.tree_
                mine.append(Tree(tuple(int(v) for v in t.feature), tuple(float(v) for v in t.threshold),
                                 tuple(int(v) for v in t.children_left),
                                 tuple(int(v) for v in t.children_right),
                                 tuple(round(float(v), 6) for v in t.value[:, 0, 0])))
            raw = member.decision_function(x[:1])[0]
            inits.append(float(raw - args.rate * sum(tr.leaf(x[0]) for tr in mine)))
            trees += mine
        # the mean of the members' raw scores: their trees at rate / n, their mean start
        model = Model(FEATURES, (), (), (), sum(inits) / len(inits), args.threshold, "trees",
                      args.rate / len(members), tuple(trees))
        importances = sum(m.feature_importances_ for m in members) / len(members)
        top = sorted(zip(FEATURES, importances, strict=True), key=lambda t: -t[1])
        for name, w in top[:15]:
            print(f"  {name:16s} {w:.3f}")
    else:
        scaler, lr = est[0], est[1]
        model = Model(FEATURES, tuple(float(v) for v in scaler.mean_),
                      tuple(float(v) if v > 0 else 1.0 for v in scaler.scale_),
                      tuple(round(float(v), 6) for v in lr.coef_[0]), float(lr.intercept_[0]),
                      args.threshold)
        for name, w in sorted(zip(FEATURES, model.coef, strict=True), key=lambda t: -abs(t[1])):
            print(f"  {name:16s} {w:+.3f}")
    mine = np.array([model.score(r) for r in x])
    ref = est.predict_proba(x)[:, 1]
    assert float(np.abs(mine - ref).max()) < 1e-3, "the exported model does not score as scikit-learn"
    _write(args, model)


def _write(args, model: Model) -> None:  # type: ignore[no-untyped-def]
    if args.write:
        path = Path(args.out) if args.out else ROOT / "src" / "veille" / "analyze" / WEIGHTS_FILE
        path.write_text(json.dumps(model.to_dict(), separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {path}")


def _export_trees(args, est, x, features: tuple[str, ...]) -> Model:  # type: ignore[no-untyped-def]
    """One fitted boosted-trees estimator (not bagged) as a :class:`Model`."""
    trees = []
    for (reg,) in est.estimators_:
        t = reg.tree_
        trees.append(Tree(tuple(int(v) for v in t.feature), tuple(float(v) for v in t.threshold),
                          tuple(int(v) for v in t.children_left), tuple(int(v) for v in t.children_right),
                          tuple(round(float(v), 6) for v in t.value[:, 0, 0])))
    raw = est.decision_function(x[:1])[0]
    init = float(raw - args.rate * sum(tr.leaf(x[0]) for tr in trees))
    return Model(features, (), (), (), init, args.threshold, "trees", args.rate, tuple(trees))


def _stacked(args, docs, sites):  # type: ignore[no-untyped-def]
    """The second stage's training rows: each labelled line's features and the
    :data:`STACK_FEATURES` of the first stage's scores over its whole text,
    those scores from a first stage fitted without any labels set that names
    the text (so the neighbours' scores are as a new text would get them).
    Returns the rows, labels, sets, documents and lines, and the first stage
    fitted on every labelled line with its rows (for the export)."""
    import numpy as np
    from sklearn.base import clone

    from veille.analyze import furniture
    from veille.analyze.evaluate_furniture import line_hash

    per_doc: dict[tuple[str, str], list[tuple[str, int, int, str]]] = {}
    for f in sorted((ROOT / "tests" / "data" / "furniture").glob("*.jsonl")):
        if f.stem in args.skip.split(","):
            continue
        for lb in load_labels(f):
            if lb.part in args.hold.split(","):
                continue
            per_doc.setdefault((lb.corpus, lb.doc_id), []).append(
                (f"{f.stem}:{lb.part}", lb.segment, int(lb.label == "furniture"), lb.sha1))
    full: dict[tuple[str, str], np.ndarray] = {}
    keys: list[tuple[tuple[str, str], int, str]] = []
    ys: list[int] = []
    lines: list[str] = []
    for key, lbs in per_doc.items():
        doc = docs.get(key)
        if doc is None:
            continue
        spans = furniture.segments(doc.text, doc.language)
        full[key] = np.array(furniture.features(doc.text, spans, furniture.words_for(doc.language),
                                                furniture.stop_words(doc.language), sites.of(key)))
        for name, seg, lab, sha in lbs:
            if seg < len(spans) and line_hash(doc.text[spans[seg][0]:spans[seg][1]]) == sha:
                keys.append((key, seg, name))
                ys.append(lab)
                lines.append(doc.text[spans[seg][0]:spans[seg][1]])
    doc_sets = {k: sorted({n for n, *_ in per_doc[k]}) for k in full}
    xs = np.array([full[k][seg] for k, seg, _ in keys])
    y = np.array(ys)
    est = _estimator(args)
    first_scores: dict[tuple[str, str], list[float]] = {}
    for name in sorted({n for _, _, n in keys}):
        keep = np.array([name not in doc_sets[k] for k, _, _ in keys])
        stage = clone(est).fit(xs[keep], y[keep])
        for k in full:
            if doc_sets[k][0] == name:
                first_scores[k] = list(stage.predict_proba(full[k])[:, 1])
        print(f"  first stage without {name}: {int((~keep).sum())} labelled lines out", flush=True)
    stacks = {k: furniture.stack_features(v) for k, v in first_scores.items()}
    x2 = np.array([[*full[k][seg], *stacks[k][seg]] for k, seg, _ in keys])
    first = clone(est).fit(xs, y)
    return (x2, y, [n for _, _, n in keys], [f"{k[0]}:{k[1]}" for k, _, _ in keys], lines,
            (first, xs))


def _estimator(args):  # type: ignore[no-untyped-def]
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(n_estimators=args.trees, max_depth=args.depth,
                                      learning_rate=args.rate, subsample=0.8, random_state=args.seed)


def _report(args, proba, y, sets, groups, texts):  # type: ignore[no-untyped-def]
    """The cross-validated figures at several thresholds, per labels set, and the errors file."""
    import numpy as np

    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        tp = int(((proba >= t) & (y == 1)).sum())
        fp = int(((proba >= t) & (y == 0)).sum())
        fn = int(((proba < t) & (y == 1)).sum())
        mark = " <-" if t == args.threshold else ""
        print(f"  threshold {t}: precision {tp / max(1, tp + fp):.3f} "
              f"recall {tp / max(1, tp + fn):.3f}{mark}")
    # per labels set at the chosen threshold, and pooled over the sets older
    # than the newest training set (its lines in the fit can only help them)
    at = proba >= args.threshold
    pooled = [0, 0, 0]
    for name in sorted(set(sets)):
        m = np.array([g == name for g in sets])
        tp = int((at & m & (y == 1)).sum())
        fp = int((at & m & (y == 0)).sum())
        fn = int((~at & m & (y == 1)).sum())
        if name.split(":")[0] not in args.newest.split(","):
            pooled = [pooled[0] + tp, pooled[1] + fp, pooled[2] + fn]
        print(f"    {name:28s} precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f} "
              f"(tp {tp} fp {fp} fn {fn})")
    tp, fp, fn = pooled
    p_, r_ = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"  sets but {args.newest}, pooled: precision {p_:.3f} recall {r_:.3f} "
          f"F1 {2 * p_ * r_ / max(1e-9, p_ + r_):.3f}")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for i, p in enumerate(proba):
                if (p >= args.threshold) != bool(y[i]):
                    fh.write(json.dumps({"set": sets[i], "kind": "missed" if y[i] else "false alarm",
                                         "score": round(float(p), 3), "doc": groups[i],
                                         "line": texts[i]}, ensure_ascii=False) + "\n")


def _bagged(n: int, trees: int, depth: int, rate: float, seed: int):  # type: ignore[no-untyped-def]
    """Boosted trees fitted with ``n`` seeds, their raw scores averaged: one
    refit of the same labels moved a held-out set's precision by ±0.05 and
    the leave-one-set-out F1 by ±0.015 (sessions 8-12); the mean of several
    seeds is the model those refits scatter around."""
    import numpy as np
    from sklearn.base import BaseEstimator, ClassifierMixin
    from sklearn.ensemble import GradientBoostingClassifier

    class Bag(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
        def __init__(self, n: int = 3, trees: int = 200, depth: int = 3, rate: float = 0.05,
                     seed: int = 0) -> None:
            self.n, self.trees, self.depth, self.rate, self.seed = n, trees, depth, rate, seed

        def fit(self, x, y):  # type: ignore[no-untyped-def]
            self.models_ = [GradientBoostingClassifier(n_estimators=self.trees, max_depth=self.depth,
                                                       learning_rate=self.rate, subsample=0.8,
                                                       random_state=self.seed + k).fit(x, y)
                            for k in range(self.n)]
            self.classes_ = self.models_[0].classes_
            return self

        def decision_function(self, x):  # type: ignore[no-untyped-def]
            return np.mean([m.decision_function(x) for m in self.models_], axis=0)

        def predict_proba(self, x):  # type: ignore[no-untyped-def]
            p = 1.0 / (1.0 + np.exp(-self.decision_function(x)))
            return np.column_stack([1 - p, p])

        def predict(self, x):  # type: ignore[no-untyped-def]
            return self.classes_[(self.decision_function(x) > 0).astype(int)]

    return Bag(n, trees, depth, rate, seed)


if __name__ == "__main__":
    main()
