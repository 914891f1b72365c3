"""Session 16 (issue #18): checks on the join itself, where a topic mixture forms, measured.

Measurement only; nothing here is used by the clusterer.  Session 14 found the
merge after a join failing on stories that are already mixtures (a Detroit and a
St. Louis shooting in one story), and the joins that make them are those of a
second event into a one-article story (SemEval half 0, six orders: 59 of the 62
joins next to an unrelated-labelled pair were into stories of one member).
Three checks on that join, each a variant of the shipped clusterer:

* ``--veto FLOOR``: the encoder's veto; a same-language pair whose encoder
  cosine is below FLOOR is not joined (p held just under the threshold) when
  both sides hold at least ``--veto-words`` distinct terms (a page of a few
  lines has a vector that says nothing).  Applied wherever the model scores a
  pair (joins, chains, the merge and split passes).
* ``--distinct MARGIN``: a join into a story of ``--distinct-max`` members or
  fewer is refused when the story is not distinctly the newcomer's nearest:
  encoder cosine to it minus the best cosine to any other live story centroid
  below MARGIN (a topic's crowd of look-alikes, the hubness correction of
  cross-lingual retrieval).
* ``--set KEY=VALUE``: any ``Params`` field (``split_threshold=0.25``: the
  split pass moving out more members).

    .venv/bin/python scripts/semeval_join_checks.py semeval --half 0 --vectors /tmp/vec.npz --veto 0.45
    .venv/bin/python scripts/semeval_join_checks.py news --part A --veto 0.45

``semeval``: the ingest check of one half over six arrival orders; ``news``:
B-cubed of news-clusters events of half A or B (``train.split_events``), in
memory.  ``--log`` prints every join a check refuses (first characters of the
newcomer and of up to three members, with the pair labels).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import math
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from veille.cluster import evaluate, online
from veille.cluster.bcubed import bcubed
from veille.cluster.features import ArticleFeatures, build_features
from veille.cluster.online import Decision, OnlineClusterer
from veille.cluster.params import Params, load_params
from veille.cluster.semeval import count_pairs, ingest_articles, read_pairs, stream_orders
from veille.cluster.similarity import Model, Profile, article_profile, signals
from veille.cluster.state import StoryState
from veille.cluster.train import split_events


@dataclasses.dataclass
class Checks:
    veto: float = 0.0
    veto_words: int = 30
    distinct: float | None = None
    distinct_max: int = 1
    log: bool = False


def vetoed(x: dict[str, float], floor: float, min_words: int) -> bool:
    """The encoder refuses a same-language pair both of whose sides it read."""
    return (floor > 0.0 and not x["cross"] and not x["noemb"] and x["emb"] < floor
            and x.get("words", 0.0) >= min_words)


def signals_with_words(a: Profile, b: Profile) -> dict[str, float]:
    """The shipped signals and the distinct terms of the pair's smaller side."""
    x = signals(a, b)
    x["words"] = float(min(sum(len(v.d) for v in a.text.values()), sum(len(v.d) for v in b.text.values())))
    return x


class Checked(OnlineClusterer):
    """The shipped ``add`` with the checks on each candidate (duplicates as shipped)."""

    checks = Checks()
    texts: dict[str, str] = {}
    labels: dict[tuple[str, str], float] = {}
    refused = 0

    def _say(self, f: ArticleFeatures, s: StoryState, why: str) -> None:
        type(self).refused += 1
        if not self.checks.log:
            return
        mem = (self.members or {}).get(s.id, [])
        labs = [lab for u in mem if (lab := self.labels.get((f.uid, u))) is not None]
        print(f"--- refused ({why}), story of {s.n}, labels {labs}")
        for u in [f.uid, *mem[:3]]:
            print("   ", repr(self.texts.get(u, u)[:120]))

    def add(self, f: ArticleFeatures) -> Decision:
        if f.duplicate_of:
            return super().add(f)
        self.processed += 1
        self._keep(f)
        self.df.add([*f.terms, *f.keys, *f.nums])
        self.idf.tick()
        c = self.checks
        near: list[tuple[str, float]] = []
        if c.distinct is not None and f.vector is not None:
            near = self.vindex.query(f.vector / (np.linalg.norm(f.vector) or 1.0), 12, -2.0)
        prof = article_profile(f, self.idf)
        thr = self.model.threshold
        best: tuple[float, StoryState | None, dict[str, float]] = (-1.0, None, {})
        best_nogap: tuple[float, StoryState | None] = (-1.0, None)
        for sid in self.candidates(f):
            s = self.stories[sid]
            x = signals_with_words(prof, self._profile(s))
            pr = self.model.prob(x)
            if pr >= thr and c.distinct is not None and s.n <= c.distinct_max and not x["noemb"]:
                other = max((cos for o, cos in near if o != s.id), default=-1.0)
                if x["emb"] - other < c.distinct:
                    self._say(f, s, f"distinct {x['emb'] - other:.2f}")
                    pr = math.nextafter(thr, 0.0)
            if self.model.vetoed_last:
                self._say(f, s, f"veto, cosine {x['emb']:.2f}")
            if pr > best[0]:
                best = (pr, s, x)
            if x["gap"] > 0:
                pr0 = self.model.prob({**x, "gap": 0.0})
                if pr0 > best_nogap[0]:
                    best_nogap = (pr0, s)
        if best[1] is not None and best[0] >= thr:
            s = best[1]
            s.add(f, self.idf)
            self._touch(s)
            self._index_story(s)
            self._remember(f.uid, s.id)
            return Decision(f.uid, self.resolve(s.id), "join", best[0], signals=best[2])
        new = StoryState(id=self.new_id(f))
        action = "new"
        if best_nogap[1] is not None and best_nogap[0] >= thr:
            new.predecessor = best_nogap[1].id
            action = "chain"
        new.add(f, self.idf)
        self._touch(new)
        self._index_story(new)
        self._remember(f.uid, new.id)
        return Decision(f.uid, new.id, action, max(best[0], 0.0), new.predecessor, best[2])


def _veto_everywhere(c: Checks) -> None:
    """The veto wherever a pair is scored: joins, chains, and the merge and
    split passes (``online`` scores them with its ``signals`` and ``Model.prob``)."""
    real = Model.prob
    Model.vetoed_last = False  # type: ignore[attr-defined]

    def prob(self: Model, x: dict[str, float]) -> float:
        p = real(self, x)
        self.vetoed_last = p >= self.threshold and vetoed(x, c.veto, c.veto_words)  # type: ignore[attr-defined]
        return math.nextafter(self.threshold, 0.0) if self.vetoed_last else p  # type: ignore[attr-defined]

    Model.prob = prob  # type: ignore[method-assign]
    online.signals = signals_with_words  # type: ignore[assignment]


def _misses() -> ModuleType:
    """The sibling script, for its vector cache (scripts are not a package)."""
    path = Path(__file__).with_name("semeval_ingest_misses.py")
    spec = importlib.util.spec_from_file_location("semeval_ingest_misses", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def semeval(csv: str, half: int, orders: int, params: Params, cache: Path | None) -> dict[str, Any]:
    rows = read_pairs(csv)
    texts, pairs = ingest_articles(rows, half)
    uids = list(texts)
    vectors = _misses()._vectors([t for t, _ in texts.values()], cache)
    Checked.texts = {u: t for u, (t, _) in texts.items()}
    Checked.labels = {k: ov for a, b, ov, _ in pairs for k in ((a, b), (b, a))}
    runs = []
    for perm in stream_orders(len(uids), orders):
        feats = [build_features(uids[i], texts[uids[i]][0], None, texts[uids[i]][1], vector=vectors[i], seq=n)
                 for n, i in enumerate(perm)]
        runs.append(count_pairs(evaluate.run_stream(feats, params).story_of, pairs))
    return {k: {"pairs": runs[0][k]["pairs"],
                "together_mean": round(sum(r[k]["together"] for r in runs) / len(runs), 2),
                "together_per_order": [r[k]["together"] for r in runs]} for k in runs[0]}


def news(path: str, part: str, params: Params) -> dict[str, Any]:
    rows = evaluate.read_jsonl(path)
    a, b = split_events(rows)
    ordered = evaluate.stream_order(evaluate.with_vectors({"A": a, "B": b}[part]))
    Checked.texts = {str(r.get("id") or r.get("uid")): f"{r.get('title') or ''} | {r.get('text') or ''}"
                     for r in ordered}
    res = evaluate.run_stream(list(evaluate.features_of(ordered)), params)
    gold = {str(r.get("id") or r.get("uid")): r["story"] for r in ordered}
    p, r_, f = bcubed(res.story_of, gold)
    return {"precision": round(p, 4), "recall": round(r_, 4), "f1": round(f, 4), "stories": res.n_stories}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=("semeval", "news"))
    ap.add_argument("--csv", default="../shared/data/semeval2022-task8/training_set.csv")
    ap.add_argument("--news", default="../shared/data/news-clusters/news_cluster.jsonl")
    ap.add_argument("--half", type=int, default=0, choices=(0, 1))
    ap.add_argument("--part", default="A", choices=("A", "B"))
    ap.add_argument("--orders", type=int, default=6)
    ap.add_argument("--vectors", type=Path, default=None, help="vector cache (.npz) for the SemEval texts")
    ap.add_argument("--veto", type=float, default=0.0)
    ap.add_argument("--veto-words", type=int, default=30)
    ap.add_argument("--distinct", type=float, default=None)
    ap.add_argument("--distinct-max", type=int, default=1)
    ap.add_argument("--set", action="append", default=[], help="a Params field, KEY=VALUE")
    ap.add_argument("--log", action="store_true")
    args = ap.parse_args()
    params = load_params()
    for kv in args.set:
        key, value = kv.split("=", 1)
        setattr(params, key, type(getattr(params, key))(float(value)))
    Checked.checks = Checks(args.veto, args.veto_words, args.distinct, args.distinct_max, args.log)
    _veto_everywhere(Checked.checks)
    evaluate.OnlineClusterer = Checked  # type: ignore[misc]
    res = (semeval(args.csv, args.half, args.orders, params, args.vectors) if args.what == "semeval"
           else news(args.news, args.part, params))
    print(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}, "refused": Checked.refused,
                      "result": res}))


if __name__ == "__main__":
    main()
