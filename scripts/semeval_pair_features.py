"""Session 10 (issue #18): do several vectors per article, or a boosted
learner, bring the SemEval-2022 task 8 pairs closer to the goals?

Measurement only; nothing here is used by the clusterer.  Learned on the
tuning half (``semeval.pair_half`` 0) and reported on half 1, like
``veille eval semeval``.  Rows printed:

* ``base``: the ridge of ``semeval.encoder_report`` (its "after" figure);
* ``+ pieces``: the same ridge with similarities between pieces of the two
  articles (lead chunk to lead chunk, best chunk pair, sentence best matches,
  first sentences, last 800 characters, mean sentence vector) and their
  squares;
* ``boosted``: scikit-learn's ``HistGradientBoostingRegressor`` on the same
  inputs (mean of three seeds), with and without the pieces.

    .venv/bin/python scripts/semeval_pair_features.py ../shared/data/semeval2022-task8/training_set.csv

Sentence vectors cost a second encoder pass (~16 ms of CPU per 1 KB text on
this machine, beside ~14 ms for the article vector): see the session-10
section of docs/measured/quality-clustering.md for why that was not shipped.
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np

from veille.cluster.semeval import _design, pair_half, pair_signals, read_pairs
from veille.embed.encoder import _BREAK, _encoder, article_chunks

PIECES = ("chunk_max", "lead_lead", "sent_best_match", "sent_top3", "first_first",
          "tail_tail", "sent_mean", "sent_max")


def _unit(m: np.ndarray) -> np.ndarray:
    return m / np.maximum(1e-9, np.linalg.norm(m, axis=-1, keepdims=True))


def _pieces_of(enc: Any, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentence vectors, chunk vectors, the vector of the last 800 characters."""
    sents = [s.strip() for s in _BREAK.split(text) if s and s.strip()][:40] or [text[:800]]
    chunks = article_chunks(None, text, max_chunks=8) or [text[:800]]
    s = _unit(np.asarray(enc.encode(sents), dtype=np.float32))
    c = _unit(np.asarray(enc.encode([*chunks, text[-800:]]), dtype=np.float32))
    return s, c[:-1], c[-1]


def piece_similarities(a: tuple[np.ndarray, ...], b: tuple[np.ndarray, ...]) -> list[float]:
    sa, ca, ta = a
    sb, cb, tb = b
    cc = ca @ cb.T
    ss = sa @ sb.T
    return [
        float(cc.max()), float(cc[0, 0]),
        float(0.5 * (ss.max(1).mean() + ss.max(0).mean())),
        float(np.sort(ss.ravel())[-3:].mean()), float(ss[0, 0]), float(ta @ tb),
        float(_unit(sa.mean(0)) @ _unit(sb.mean(0))), float(ss.max()),
    ]


def main(path: str) -> None:
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.linear_model import LogisticRegression, Ridge

    rows = read_pairs(path)
    scored = pair_signals(rows)
    enc = _encoder()
    cache: dict[str, tuple[np.ndarray, ...]] = {}
    for r in rows:
        for k in ("text1", "text2"):
            if r[k] not in cache:
                cache[r[k]] = _pieces_of(enc, r[k])
    base = np.array([_design(x, True) for x, *_ in scored])
    pieces = np.array([piece_similarities(cache[r["text1"]], cache[r["text2"]]) for r in rows])
    gold = np.array([-float(r["Overall"]) for r in rows])
    half = np.array([pair_half(str(r["pair_id"])) for r in rows])
    cross = np.array([r["lang1"] != r["lang2"] for r in rows])
    clear = (gold >= -1.5) | (gold <= -3.5)
    tr, te = np.where(half == 0)[0], np.where(half == 1)[0]
    tec = te[cross[te]]
    ltr = tr[clear[tr]]

    def pear(s: np.ndarray, ix: np.ndarray) -> float:
        return float(np.corrcoef(s[ix], gold[ix])[0, 1])

    def f1_cross(pred: np.ndarray) -> float:
        ix = tec[clear[tec]]
        p, y = pred[ix], gold[ix] >= -1.5
        tp = float((p & y).sum())
        return 2 * tp / max(1.0, float(p.sum() + y.sum()))

    for j, name in enumerate(PIECES):
        s = pieces[:, j]
        print(f"{name:16s} alone: half 0 {pear(s, tr):.3f} / {pear(s, tr[cross[tr]]):.3f}, "
              f"half 1 {pear(s, te):.3f} / {pear(s, tec):.3f}")
    for label, x in (("base", base), ("+ pieces", np.hstack([base, pieces, pieces ** 2]))):
        s = Ridge(alpha=1.0).fit(x[tr], gold[tr]).predict(x)
        clf = LogisticRegression(C=1.0, max_iter=5000).fit(x[ltr], gold[ltr] >= -1.5)
        print(f"ridge {label:10s} half 0 (fitted) {pear(s, tr):.3f}, "
              f"half 1 Pearson {pear(s, te):.3f} / {pear(s, tec):.3f}, "
              f"same-story F1 cross {f1_cross(clf.predict(x).astype(bool)):.3f}")
    for label, x in (("base", base), ("+ pieces", np.hstack([base, pieces]))):
        got = []
        for seed in (0, 1, 2):
            g = HistGradientBoostingRegressor(learning_rate=0.03, max_iter=300, max_leaf_nodes=8,
                                              min_samples_leaf=20, random_state=seed)
            s = g.fit(x[tr], gold[tr]).predict(x)
            got.append((pear(s, tr), pear(s, te), pear(s, tec)))
        m = np.mean(got, 0)
        print(f"boosted {label:10s} half 0 (fitted) {m[0]:.3f}, half 1 Pearson {m[1]:.3f} / {m[2]:.3f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/semeval2022-task8/training_set.csv")
