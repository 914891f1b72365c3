"""Session 11 (issue #18): why does a cross-language pair of the ingest check
end in the wrong place?

Measurement only; nothing here is used by the clusterer.  Streams one half of
the SemEval-2022 task 8 pairs as ``semeval.ingest_check`` does (same order,
same production params, split and merge passes) and, for every
cross-language pair it gets wrong, says what happened when the second
article of the pair arrived:

* ``not a candidate``: the partner's story was not among the stories the
  article was scored against (the word index did not return it, and the
  encoder's candidates skip a story that shares a language with the article);
* ``scored p < threshold``: it was scored, below the joining threshold (with
  the view that scored it: the cross-language model for a story in other
  languages only, the same-language model for a story that also holds the
  article's language);
* ``joined another story``: another candidate scored higher;
* ``moved later``: together on arrival, apart at the end (split or merge).

    .venv/bin/python scripts/semeval_ingest_misses.py ../shared/data/semeval2022-task8/training_set.csv \\
        --half 0 --vectors /tmp/semeval_vectors.npz

``--vectors`` caches the article vectors (the encoder's pass over ~1,200 texts
is most of the run); a cache made by another encoder version is ignored.
Learn and diagnose on half 0; half 1 is the held-out half of the reports.
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from veille.cluster.evaluate import run_stream
from veille.cluster.features import ArticleFeatures, build_features
from veille.cluster.online import OnlineClusterer
from veille.cluster.params import load_params
from veille.cluster.semeval import pair_half, read_pairs
from veille.cluster.similarity import article_profile, signals
from veille.embed import embed_articles
from veille.embed.encoder import model_name


def _vectors(texts: list[str], cache: Path | None) -> list[np.ndarray | None]:
    """Article vectors as the embedding stage makes them, cached by text hash."""
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    have: dict[str, np.ndarray] = {}
    if cache is not None and cache.exists():
        data = np.load(cache, allow_pickle=False)
        if str(data["model"]) == model_name():
            have = dict(zip((str(k) for k in data["keys"]), data["vecs"], strict=True))
    todo = [i for i, k in enumerate(keys) if k not in have]
    for i, made in zip(todo, embed_articles([(None, texts[i]) for i in todo]), strict=True):
        if made.vector is not None:
            have[keys[i]] = made.vector
    if cache is not None and todo:
        np.savez(cache, model=model_name(), keys=np.array(list(have)), vecs=np.stack(list(have.values())))
    return [have.get(k) for k in keys]


def diagnose(rows: list[dict[str, Any]], half: int, cache: Path | None = None) -> list[dict[str, Any]]:
    """One record per cross-language pair the stream gets wrong (same story
    apart, or unrelated together), with what happened on arrival."""
    picked = [r for i, r in enumerate(rows) if pair_half(str(r.get("pair_id", i))) == half]
    texts: dict[str, tuple[str, str]] = {}
    pairs: list[tuple[str, str, float, dict[str, Any]]] = []
    for i, r in enumerate(picked):
        ids = str(r.get("pair_id", "")).split("_")
        a, b = (ids[0], ids[1]) if len(ids) == 2 and all(ids) else (f"{i}a", f"{i}b")
        texts.setdefault(a, (r["text1"], r["lang1"]))
        texts.setdefault(b, (r["text2"], r["lang2"]))
        if r["lang1"] != r["lang2"]:
            pairs.append((a, b, float(r["Overall"]), r))
    uids = list(texts)
    order = {u: n for n, u in enumerate(uids)}
    vecs = _vectors([texts[u][0] for u in uids], cache)
    feats = [build_features(u, texts[u][0], None, texts[u][1], vector=v, seq=n)
             for n, (u, v) in enumerate(zip(uids, vecs, strict=True))]
    later = {}  # second article of a pair -> first
    for a, b, _, _ in pairs:
        first, second = (a, b) if order[a] < order[b] else (b, a)
        later.setdefault(second, []).append(first)
    placed: dict[str, str] = {}
    arrival: dict[tuple[str, str], dict[str, Any]] = {}
    plain_add = OnlineClusterer.add

    def add(self: OnlineClusterer, f: ArticleFeatures) -> Any:
        for first in later.get(f.uid, []):
            sid = self.resolve(placed.get(first, ""))
            s = self.stories.get(sid)
            if s is None:
                continue
            x = signals(article_profile(f, self.idf), self._profile(s))
            arrival[(first, f.uid)] = {
                "partner_story": sid, "partner_size": s.n, "partner_languages": sorted(s.languages),
                "candidate": sid in self.candidates(f), "p_partner": round(self.model.prob(x), 3),
                "view": "cross-language" if x["cross"] else "same-language",
                "emb": round(x["emb"], 3), "ent": round(x["ent"], 3), "num": round(x["num"], 3),
            }
        d = plain_add(self, f)
        placed[f.uid] = d.story_id
        for first in later.get(f.uid, []):
            if (first, f.uid) in arrival:
                arrival[(first, f.uid)].update(
                    joined=d.action, p_joined=round(d.p, 3),
                    with_partner=self.resolve(d.story_id) == arrival[(first, f.uid)]["partner_story"])
        return d

    OnlineClusterer.add = add  # type: ignore[method-assign]
    try:
        res = run_stream(feats, load_params())
    finally:
        OnlineClusterer.add = plain_add  # type: ignore[method-assign]
    size = Counter(res.story_of.values())
    thr = load_params().threshold
    out = []
    for a, b, overall, r in pairs:
        together = res.story_of[a] == res.story_of[b]
        if not ((overall <= 1.5 and not together) or (overall >= 3.5 and together)):
            continue
        first, second = (a, b) if order[a] < order[b] else (b, a)
        info = arrival.get((first, second), {})
        if overall >= 3.5:
            why = "joined on arrival" if info.get("with_partner") else "merged later"
        elif not info.get("candidate"):
            why = "not a candidate"
        elif info.get("with_partner"):
            why = "moved later"
        elif info.get("p_partner", 0.0) < thr:
            why = "scored p < threshold"
        else:
            why = "joined another story"
        out.append({"pair": r["pair_id"], "languages": f"{r['lang1']}-{r['lang2']}", "overall": overall,
                    "kind": "same story apart" if overall <= 1.5 else "unrelated together", "why": why,
                    "final_sizes": (size[res.story_of[a]], size[res.story_of[b]]), **info,
                    "text1": r["text1"][:160], "text2": r["text2"][:160]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("csv", nargs="?", default="../shared/data/semeval2022-task8/training_set.csv")
    ap.add_argument("--half", type=int, default=0, choices=(0, 1))
    ap.add_argument("--vectors", type=Path, default=None, help="a .npz cache of the article vectors")
    args = ap.parse_args()
    found = diagnose(read_pairs(args.csv), args.half, args.vectors)
    tally = Counter(f"{r['kind']}: {r['why']}" for r in found)
    for rec in found:
        text = {k: rec.pop(k) for k in ("text1", "text2")}
        print(f"{rec.pop('kind'):18s} {rec.pop('languages')} {rec.pop('why'):22s} {rec}")
        for k, v in text.items():
            print(f"    {k}: {' '.join(v.split())}")
    print(dict(tally) if found else "no cross-language errors")


if __name__ == "__main__":
    main()
