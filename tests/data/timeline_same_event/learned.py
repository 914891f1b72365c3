"""A learned "one line per event" decision on the labelled pairs (session 21).

Session 20's rules failed the bar (precision >= 0.80 on the check pairs).
This script reruns session 21's attempt on ``features.jsonl`` (one row of
features per pair, made by ``features.py``; README.md says from what):

1. model choice on the 150 tune pairs only: logistic regression (scaled
   features, C in 0.03 / 0.1 / 0.3 / 1) and shallow trees, out-of-fold
   probabilities by 5-fold cross-validation grouped by story (two lines of
   one story are not independent); the model with the best out-of-fold AUC;
2. its threshold: the lowest whose out-of-fold merges reach precision 0.85
   on tune;
3. fitted on all tune pairs, scored once on the 100 check pairs;
4. after that, analysis only: each feature's AUC on both parts, and a
   learning curve (train on n tune pairs, score on check; and all 250 pairs
   in a story-grouped cross-validation) for how many labels a learned
   decision would need;
5. the same model, and the encoder cosine at 0.6, scored once on the 43
   fresh pairs (``pairs_fresh.jsonl``, ``features_fresh.jsonl``: 16 stories
   neither part drew from, labelled after step 3 and before any scoring).

The features are those a view holds when it builds the timeline (``VIEW``:
the line, its fact's entities, its date and sources): a decision an
incremental update can take as the full build does.

    .venv/bin/python tests/data/timeline_same_event/learned.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

HERE = Path(__file__).resolve().parent
#: what a view holds for a line when it builds the timeline
VIEW = ["cos", "tfidf", "jac", "num_shared", "num_any", "qmark_any", "fper_other",
        "background", "prec_year", "prec_day", "expr_same", "ns_max", "rel_past", "restates"]
#: every feature of features.jsonl (the quotes' speakers, the parse's verbs
#: and negation need the analysis, not the view)
ALL = VIEW + ["stems_shared", "num_disjoint", "qval_shared", "qval_disjoint", "qnoun_shared",
              "per_shared", "per_other", "fper_shared", "org_shared", "loc_shared", "misc_shared",
              "ent_jac", "fent_jac", "fent_shared", "spk_shared", "spk_other", "quoted_any",
              "quoted_both", "same_root", "verb_shared", "verb_jac", "neg_differs", "same_article",
              "art_shared", "same_source", "src_shared", "ns_min", "len_ratio", "prec_month",
              "prec_minute"]
TARGET = 0.85  # precision asked of the threshold on tune (the bar on check: 0.80)


def load(name: str = "features.jsonl") -> list[dict[str, Any]]:
    return [json.loads(x) for x in (HERE / name).read_text().splitlines()]


def matrix(rows: list[dict[str, Any]], names: list[str]) -> np.ndarray:
    return np.array([[float(r["precision"] == n[5:]) if n.startswith("prec_") else float(r[n])
                      for n in names] for r in rows])


def labels(rows: list[dict[str, Any]]) -> np.ndarray:
    """1 for the same event; a doubtful pair counts as two (a merge of it is wrong)."""
    return np.array([r["y"] is True for r in rows], dtype=int)


def model(kind: str, c: float) -> Any:
    if kind == "lr":
        return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=2000))
    return DecisionTreeClassifier(max_depth=int(c), min_samples_leaf=5, random_state=0)


def out_of_fold(rows: list[dict[str, Any]], names: list[str], kind: str, c: float) -> np.ndarray:
    x, y = matrix(rows, names), labels(rows)
    groups = np.array([r["story"] for r in rows])
    p = np.zeros(len(rows))
    for tr, te in GroupKFold(5).split(x, y, groups):
        p[te] = model(kind, c).fit(x[tr], y[tr]).predict_proba(x[te])[:, 1]
    return p


def lowest_threshold(p: np.ndarray, y: np.ndarray, target: float = TARGET) -> float | None:
    """The lowest score whose merges (at least five) reach ``target`` precision."""
    best = None
    for t in sorted(set(p.round(4).tolist()), reverse=True):
        m = p >= t
        if m.sum() >= 5 and y[m].mean() >= target:
            best = t
    return best


def merges(p: np.ndarray, y: np.ndarray, t: float) -> tuple[int, int, float, float]:
    m = p >= t
    right = int(y[m].sum())
    return int(m.sum()), right, right / max(int(m.sum()), 1), right / max(int(y.sum()), 1)


def recall_at(p: np.ndarray, y: np.ndarray, target: float = 0.80) -> float:
    """The best recall of any threshold reaching ``target`` precision (optimistic:
    the threshold is read on the scored pairs)."""
    best = 0.0
    for t in set(p.round(4).tolist()):
        m = p >= t
        if m.sum() >= 5 and y[m].mean() >= target:
            best = max(best, y[m].sum() / y.sum())
    return float(best)


def main() -> None:
    rows = load()
    tune = [r for r in rows if r["part"] == "tune"]
    check = [r for r in rows if r["part"] == "check"]
    yt, yc = labels(tune), labels(check)
    print(f"tune {len(tune)} pairs ({yt.sum()} one event), check {len(check)} ({yc.sum()})")
    print("1. model choice on tune (story-grouped 5-fold, out-of-fold):")
    best: tuple[float, str, float] | None = None
    for kind, c in (("lr", 0.03), ("lr", 0.1), ("lr", 0.3), ("lr", 1.0), ("tree", 2), ("tree", 3)):
        p = out_of_fold(tune, VIEW, kind, c)
        auc = roc_auc_score(yt, p)
        t = lowest_threshold(p, yt)
        at = "no threshold reaches 0.85" if t is None else \
            "t {:.3f}: merges {}, right {}, P {:.2f} R {:.2f}".format(t, *merges(p, yt, t))
        print(f"   {kind} {c:<5} AUC {auc:.3f}  {at}")
        if t is not None and (best is None or auc > best[0]):
            best = (auc, kind, c)
    assert best is not None
    _, kind, c = best
    t = lowest_threshold(out_of_fold(tune, VIEW, kind, c), yt)
    assert t is not None
    fitted = model(kind, c).fit(matrix(tune, VIEW), yt)
    pc = fitted.predict_proba(matrix(check, VIEW))[:, 1]
    print(f"2-3. chosen {kind} {c}, threshold {t:.3f}; check, scored once: "
          "merges {}, right {}, P {:.2f} R {:.2f}".format(*merges(pc, yc, t))
          + f"  (AUC {roc_auc_score(yc, pc):.3f}; bar P >= 0.80)")
    print("4. each feature's AUC, tune / check (|AUC - 0.5| > 0.08 on either):")
    for n in ALL:
        xt, xc = matrix(tune, [n])[:, 0], matrix(check, [n])[:, 0]
        at = roc_auc_score(yt, xt) if xt.std() else 0.5
        ac = roc_auc_score(yc, xc) if xc.std() else 0.5
        if abs(at - 0.5) > 0.08 or abs(ac - 0.5) > 0.08:
            print(f"   {n:14s} {at:.2f} / {ac:.2f}")
    rng = np.random.default_rng(21)
    xt, xc = matrix(tune, VIEW), matrix(check, VIEW)
    print("   learning curve, n tune pairs -> check (20 draws): AUC, best recall at P >= 0.80")
    for n in (30, 60, 90, 120, 150):
        aucs, recs = [], []
        for _ in range(20 if n < len(tune) else 1):
            idx = rng.choice(len(tune), n, replace=False)
            p = model(kind, c).fit(xt[idx], yt[idx]).predict_proba(xc)[:, 1]
            aucs.append(roc_auc_score(yc, p))
            recs.append(recall_at(p, yc))
        print(f"     n {n:3d}: AUC {np.mean(aucs):.3f} (sd {np.std(aucs):.3f}), R {np.mean(recs):.2f}")
    x, y = matrix(rows, VIEW), labels(rows)
    groups = np.array([r["story"] for r in rows])
    print("   all 250 pairs, story-grouped 5-fold, training share subsampled (10 draws):")
    for share in (0.25, 0.5, 0.75, 1.0):
        aucs, recs = [], []
        for _ in range(10 if share < 1 else 1):
            p = np.zeros(len(rows))
            for tr, te in GroupKFold(5).split(x, y, groups):
                sub = rng.choice(tr, int(len(tr) * share), replace=False) if share < 1 else tr
                p[te] = model(kind, c).fit(x[sub], y[sub]).predict_proba(x[te])[:, 1]
            aucs.append(roc_auc_score(y, p))
            recs.append(recall_at(p, y))
        print(f"     ~{int(200 * share):3d} training pairs: AUC {np.mean(aucs):.3f}, R {np.mean(recs):.2f}")
    fresh = load("features_fresh.jsonl")
    yf = labels(fresh)
    pf = fitted.predict_proba(matrix(fresh, VIEW))[:, 1]
    cos = matrix(fresh, ["cos"])[:, 0]
    print(f"5. fresh pairs ({len(fresh)}, {yf.sum()} one event, "
          f"{len({r['story'] for r in fresh})} stories), scored once:")
    print("   the chosen model: merges {}, right {}, P {:.2f} R {:.2f}".format(*merges(pf, yf, t))
          + f"  (AUC {roc_auc_score(yf, pf):.3f})")
    print("   encoder cosine >= 0.6: merges {}, right {}, P {:.2f} R {:.2f}".format(*merges(cos, yf, 0.6))
          + f"  (AUC {roc_auc_score(yf, cos):.3f})")


if __name__ == "__main__":
    main()
