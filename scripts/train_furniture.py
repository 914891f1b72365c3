"""Fit the furniture detector's weights on the tuning part of the labelled lines.

    .venv/bin/python scripts/train_furniture.py [--c 0.3] [--threshold 0.5] [--write]

Reads tests/data/furniture/lines.jsonl and the texts in ../shared/data (and
the seeds), fits a logistic regression on the lines of the *tune* part only
(the held-out part is scored by ``veille eval furniture``, never read here),
prints the cross-validated figures on the tune part, and with ``--write``
saves the weights to src/veille/analyze/furniture_weights.json.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from veille.analyze.evaluate_furniture import labelled_rows, load_docs, load_labels
from veille.analyze.furniture import FEATURES, WEIGHTS_FILE, Model

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--c", type=float, default=0.3)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    docs = load_docs(ROOT.parent / "shared" / "data", ROOT / "examples")
    labels = [lb for lb in load_labels(ROOT / "tests" / "data" / "furniture")
              if lb.part == "tune"]
    rows, ys, groups, _ = labelled_rows(labels, docs)
    pipe = make_pipeline(StandardScaler(), LogisticRegression(C=args.c, class_weight="balanced",
                                                              max_iter=2000))
    proba = cross_val_predict(pipe, rows, ys, groups=groups, cv=GroupKFold(n_splits=5),
                              method="predict_proba")[:, 1]
    tp = sum(1 for p, y in zip(proba, ys, strict=True) if p >= args.threshold and y)
    fp = sum(1 for p, y in zip(proba, ys, strict=True) if p >= args.threshold and not y)
    fn = sum(1 for p, y in zip(proba, ys, strict=True) if p < args.threshold and y)
    print(f"tune part, 5-fold by document: lines {len(ys)} furniture {sum(ys)} "
          f"precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f}")
    pipe.fit(rows, ys)
    scaler, lr = pipe[0], pipe[1]
    model = Model(FEATURES, tuple(float(x) for x in scaler.mean_),
                  tuple(float(x) if x > 0 else 1.0 for x in scaler.scale_),
                  tuple(round(float(x), 6) for x in lr.coef_[0]), float(lr.intercept_[0]),
                  args.threshold)
    for name, w in sorted(zip(FEATURES, model.coef, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:16s} {w:+.3f}")
    if args.write:
        path = ROOT / "src" / "veille" / "analyze" / WEIGHTS_FILE
        path.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
