"""Session 14 (issue #18): a place check on the merge after a join, measured.

Measurement only; nothing here is used by the clusterer.  Session 13's merge
after a join (``cluster/merge.py``, off: ``merge_k`` 0) merged two stories
of one *topic* as readily as two of one *event* (weather in two places,
crime blotters of different cities), because its one strong signal is a
close member pair.  This adds the event's place: the city an article's lead
names first (its dateline or first sentence, read through the GeoNames
gazetteer, so "Bagdad", "Baghdad" and "Багдад" are one id), and refuses a
merge when both stories' leads name cities and neither story names any of
the other's anywhere.  Optionally (``--join-gate N``) the same check drops a
newcomer's candidate stories of N members or more.

    .venv/bin/python scripts/semeval_place_gate.py semeval --half 0 --vectors /tmp/vec.npz
    .venv/bin/python scripts/semeval_place_gate.py news --part A

``semeval``: the ingest check of one half over six arrival orders, merge
after a join on (``merge_k`` 3) with the place check (``--no-gate``: without
it; ``--merge-k 0``: merge off).  ``news``: B-cubed of news-clusters events
of half A or B (``train.split_events``), in memory.  ``--log FILE`` writes
every merge made or refused (members on each side) for reading.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

from veille.analyze import gazetteer
from veille.cluster import evaluate
from veille.cluster.bcubed import bcubed
from veille.cluster.features import ArticleFeatures, build_features
from veille.cluster.merge import merge_signals
from veille.cluster.online import OnlineClusterer
from veille.cluster.params import Params, load_params
from veille.cluster.semeval import count_pairs, ingest_articles, read_pairs, stream_orders
from veille.cluster.state import StoryState
from veille.cluster.train import split_events

#: Where a news lead names its place: the dateline and first sentence.
LEAD_CHARS = 300
_RUN = re.compile(r"(?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w’'\-]+)(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w’'\-]+))*")


def cities(text: str) -> list[str]:
    """GeoNames ids of the cities a text names, in order: each capitalised run
    read whole ("Jersey City"), else word by word."""
    out: list[str] = []
    for m in _RUN.finditer(text[:20_000]):
        words = m.group(0).split()
        for cand in [m.group(0)] + (words if len(words) > 1 else []):
            found = gazetteer.city(cand.strip("'’-"))
            if found:
                if found[0] not in out:
                    out.append(found[0])
                break
    return out


class PlaceGated(OnlineClusterer):
    """The shipped clusterer, with the place check on the merge after a join
    (and, with ``join_gate``, on a newcomer's candidate stories)."""

    lead: dict[str, str | None] = {}
    named: dict[str, set[str]] = {}
    gate = True
    join_gate = 0
    coherent = False
    log: list[dict[str, Any]] = []

    def _places(self, sid: str) -> tuple[set[str], set[str]]:
        uids = (self.members or {}).get(sid, [])
        leads = {x for u in uids if (x := self.lead.get(u))}
        return leads, {c for u in uids for c in self.named.get(u, ())}

    def conflict(self, a: str, b: str) -> bool:
        la, na = self._places(a)
        lb, nb = self._places(b)
        if self.coherent and (self.mixture(a) or self.mixture(b)):
            return True
        return bool(la and lb and not (la & nb) and not (lb & na))

    def mixture(self, sid: str) -> bool:
        """Members' leads name two cities or more and none is on more than
        half of them: a topic story (one city's crime, then another's)."""
        leads = [x for u in (self.members or {}).get(sid, []) if (x := self.lead.get(u))]
        if len(leads) < 2:
            return False
        top = max(leads.count(x) for x in set(leads))
        return 2 * top <= len(leads)

    def candidates(self, f: ArticleFeatures) -> list[str]:
        found = super().candidates(f)
        mine = self.lead.get(f.uid)
        if not self.join_gate or not mine:
            return found
        keep = []
        for sid in found:
            s = self.stories.get(sid)
            if s is not None and s.n >= self.join_gate:
                leads, named = self._places(sid)
                if leads and mine not in named and not (leads & self.named.get(f.uid, set())):
                    continue
            keep.append(sid)
        return keep

    def _merge_after_join(self, s: StoryState) -> None:
        """As the shipped method, skipping candidates whose place conflicts."""
        model = self.merge_model
        assert model is not None
        k = self.params.merge_k
        prof = self._profile(s)
        near = [o for o in self.index.query(self._story_query(s), self._alive, k + 1) if o != s.id][:k]
        if prof.vec is not None:
            added = 0
            for oid, _ in self.vindex.query(prof.vec, k + 1, self.params.vector_floor):
                if oid != s.id and oid not in near and oid in self.stories and added < k:
                    near.append(oid)
                    added += 1
        mine = self._vectors_of(s.id)
        best: tuple[float, StoryState | None, dict[str, float]] = (-1.0, None, {})
        for oid in near:
            o = self.stories[oid]
            x = merge_signals(prof, self._profile(o), mine, self._vectors_of(oid))
            pr = model.prob(x)
            if self.gate and pr >= model.threshold and self.conflict(s.id, oid):
                self.log.append({"refused": True, "p": pr, "a": list(self.members.get(s.id, [])),
                                 "b": list(self.members.get(oid, []))})
                continue
            if pr > best[0]:
                best = (pr, o, x)
        if best[1] is not None and best[0] >= model.threshold:
            self.log.append({"refused": False, "p": best[0], "a": list(self.members.get(s.id, [])),
                             "b": list(self.members.get(best[1].id, []))})
            self.join_merges.append(self._fold(best[1], s, best[0], "join", model.why(best[2])))


def _note(uid: str, text: str) -> None:
    lead = cities(text[:LEAD_CHARS])
    PlaceGated.lead[uid] = lead[0] if lead else None
    PlaceGated.named[uid] = set(cities(text))


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
    for u in uids:
        _note(u, texts[u][0])
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
    for r in ordered:
        _note(str(r.get("id") or r.get("uid")), f"{r.get('title') or ''}\n{r.get('text') or ''}")
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
    ap.add_argument("--merge-k", type=int, default=3)
    ap.add_argument("--no-gate", action="store_true")
    ap.add_argument("--join-gate", type=int, default=0, help="also drop candidates of N+ members")
    ap.add_argument("--coherent", action="store_true",
                    help="also refuse a merge when either story's leads are a mixture of cities")
    ap.add_argument("--vectors", type=Path, default=None, help="a .npz cache of the article vectors")
    ap.add_argument("--log", type=Path, default=None)
    args = ap.parse_args()
    params = dataclasses.replace(load_params(), merge_k=args.merge_k)
    PlaceGated.gate = not args.no_gate
    PlaceGated.join_gate = args.join_gate
    PlaceGated.coherent = args.coherent
    evaluate.OnlineClusterer = PlaceGated  # run_stream builds this one
    if args.what == "semeval":
        res = semeval(args.csv, args.half, args.orders, params, args.vectors)
    else:
        res = news(args.news, args.part, params)
    print(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}, "result": res}, indent=1))
    if args.log:
        args.log.write_text(json.dumps(PlaceGated.log))


if __name__ == "__main__":
    main()
