"""In-memory evaluation of the streaming clusterer on labelled JSONL.

This is the store-free path used by tuning and tests; ``veille eval
clustering`` runs the same clusterer through a temporary store.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from veille.cluster.bcubed import bcubed
from veille.cluster.features import ArticleFeatures, build_features
from veille.cluster.online import OnlineClusterer
from veille.cluster.params import Params
from veille.embed import embed_articles

#: (title, text) -> vector, per process: tuning evaluates the same rows many times.
_VECTORS: dict[tuple[str, str], Any] = {}


def with_vectors(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows, each with its encoder ``vector`` (computed once per process)."""
    keys = [(r.get("title") or "", r.get("text") or "") for r in rows]
    todo = list(dict.fromkeys(k for k in keys if k not in _VECTORS))
    for i in range(0, len(todo), 256):
        part = todo[i:i + 256]
        for k, v in zip(part, embed_articles(list(part)), strict=True):
            _VECTORS[k] = v.vector
    return [{**r, "vector": _VECTORS[k]} if "vector" not in r else r for r, k in zip(rows, keys, strict=True)]


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def stream_order(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Publication order where known (undated last), ties by id: ingest order."""
    return sorted(
        rows, key=lambda r: (r.get("published") is None, r.get("published") or "", str(r.get("id")))
    )


def features_of(rows: Iterable[dict[str, Any]]) -> Iterator[ArticleFeatures]:
    for seq, r in enumerate(rows):
        pub = r.get("published")
        start = end = pub
        if isinstance(pub, str) and len(pub) == 7:  # YYYY-MM: a month range
            from calendar import monthrange

            y, m = int(pub[:4]), int(pub[5:7])
            start, end = f"{pub}-01", f"{pub}-{monthrange(y, m)[1]:02d}"
        uid = str(r.get("id") or r.get("uid"))
        yield build_features(
            uid=uid,
            text=r.get("text") or "",
            title=r.get("title"),
            language=r.get("language"),
            start=start,
            end=end,
            source=r.get("source"),
            duplicate_of=r.get("duplicate_of"),
            analysis=r.get("analysis"),
            ext_id=uid,
            seq=seq,
            vector=r.get("vector"),
        )


@dataclass
class RunResult:
    story_of: dict[str, str]  # uid -> story id
    chain_of: dict[str, str]  # uid -> chain root story id
    n_stories: int
    n_chains: int
    seconds: float
    merges: int
    clusterer: OnlineClusterer
    splits: int = 0


def chains(clusterer: OnlineClusterer) -> dict[str, str]:
    """Story id -> root of its predecessor chain (union over links)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for s in clusterer.stories.values():
        parent.setdefault(s.id, s.id)
        if s.predecessor:
            pred = clusterer.resolve(s.predecessor)
            if pred != s.id:
                ra, rb = find(s.id), find(pred)
                if ra != rb:
                    parent[ra] = rb
    return {sid: find(sid) for sid in parent}


def run_stream(feats: list[ArticleFeatures], params: Params | None = None, merge: bool = True) -> RunResult:
    cl = OnlineClusterer(params=params, track_members=True)
    t0 = time.perf_counter()
    merges = splits = 0
    every = cl.params.merge_every
    for i, f in enumerate(feats, 1):
        cl.add(f)
        if merge and i % every == 0:
            splits += len(cl.split_pass())
            merges += len(cl.merge_pass())
    if merge:
        splits += len(cl.split_pass())
        merges += len(cl.merge_pass())
    merges += len(cl.take_join_merges())
    secs = time.perf_counter() - t0
    assert cl.members is not None
    story_of = {uid: sid for sid, uids in cl.members.items() for uid in uids}
    roots = chains(cl)
    chain_of = {uid: roots.get(sid, sid) for uid, sid in story_of.items()}
    return RunResult(
        story_of, chain_of, len(cl.members), len(set(chain_of.values())), secs, merges, cl, splits
    )


def evaluate_rows(
    rows: list[dict[str, Any]], params: Params | None = None, label: str = "story", embed: bool = True
) -> dict[str, Any]:
    """B-cubed of the streaming clusterer on labelled rows (``embed``: with the
    encoder's vectors, as the store path has them; False: the other signals alone)."""
    ordered = stream_order(with_vectors(rows) if embed else rows)
    t0 = time.perf_counter()
    feats = list(features_of(ordered))
    t_feat = time.perf_counter() - t0
    res = run_stream(feats, params)
    gold = {str(r.get("id") or r.get("uid")): r[label] for r in ordered if r.get(label) is not None}
    p, r, f = bcubed(res.story_of, gold)
    cp, cr, cf = bcubed(res.chain_of, gold)
    n = len(feats)
    return {
        "articles": n,
        "gold_stories": len(set(gold.values())),
        "stories": res.n_stories,
        "chains": res.n_chains,
        "precision": p,
        "recall": r,
        "f1": f,
        "chain_precision": cp,
        "chain_recall": cr,
        "chain_f1": cf,
        "merges": res.merges,
        "splits": res.splits,
        "ms_per_article": 1000 * (t_feat + res.seconds) / max(1, n),
        "ms_per_article_assign": 1000 * res.seconds / max(1, n),
    }
