"""Session 18 (issue #18): the encoder fed the furniture-clean text instead of the raw text.

Measurement only.  The embedding (``veille.embed``, called by the analysis
stage and by the cluster stage for articles still missing a vector) reads the
article's raw text: title + the first 800-character chunks of ``articles.text``.
The furniture stage (``veille.analyze.furniture``) flags captions, sign-up
boxes, copyright notices, menus in that text, and sessions 8 and 16 read
pages whose vector stood for such boilerplate rather than the event.  This
embeds each text both ways, raw and "clean" (title + the text without its
flagged segments; the raw text when nothing is left), and reports the same
figures on either:

    .venv/bin/python scripts/semeval_clean_vectors.py semeval --half 0 [--orders 6] [--cache DIR]
    .venv/bin/python scripts/semeval_clean_vectors.py news --part A [--site] [--cache DIR]

SemEval: Pearson of the plain cosine with -Overall (all pairs, cross-language
pairs), the clustering model's logit and its same-story F1 on the half's
cross-language pairs (Overall <= 1.5 vs >= 3.5), and the ingest check's means
over ``--orders`` arrival orders.  The CSV's texts have no title field: the
text up to its first double space (at most 300 characters) is taken as the
title, as the page's headline was pasted there.  news-clusters: B-cubed F1 of
the in-memory stream on the events of one part (``train.split_events``), the
ROC AUC of the cosine for same-event article pairs and the share of articles
whose nearest other article is of their event; ``--site`` gives the detector
the per-outlet line counts of the file's other articles of the same source,
as the analysis of a store holding them does.  Tune on half 0 / part A; half
1 / part B are the held-out parts of the reports.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from veille.analyze import furniture
from veille.cluster import evaluate
from veille.cluster.bcubed import bcubed
from veille.cluster.params import load_params
from veille.cluster.semeval import (
    _pearson,
    ingest_articles,
    ingest_check,
    pair_half,
    pair_signals,
    read_pairs,
)
from veille.cluster.train import split_events
from veille.core.metrics import binary_prf
from veille.embed import embed_articles
from veille.embed.encoder import model_name

VARIANTS = ("raw", "clean")
#: The longest opening taken as a SemEval text's pasted headline.
TITLE_MAX = 300


def split_title(text: str) -> tuple[str | None, str]:
    """A SemEval text's headline (up to its first double space) and the rest."""
    body = text.strip()
    i = body.find("  ")
    if 0 < i <= TITLE_MAX:
        return body[:i].strip(), body[i:].strip()
    return None, body


def clean_body(text: str, language: str | None, site: furniture.SiteCounts | None = None) -> str:
    """The text without the segments the furniture detector flags; the text
    itself when nothing would be left (a page the detector calls all
    furniture still gets the vector of what it holds)."""
    kept, _ = furniture.clean_text(text, furniture.detect(text, language, site=site))
    return kept if kept.strip() else text


def _embed(items: list[tuple[str, tuple[str | None, str]]], cache: Path | None, name: str) -> dict[str, Any]:
    """key -> vector of (title, text) items, cached in ``cache/name.npz``."""
    path = cache / f"{name}.npz" if cache else None
    have: dict[str, Any] = {}
    if path is not None and path.exists():
        data = np.load(path, allow_pickle=False)
        if str(data["model"]) == model_name():
            have = {str(k): (v if np.any(v) else None)
                    for k, v in zip(data["keys"], data["vecs"], strict=True)}
    todo = [(k, it) for k, it in items if k not in have]
    for (k, _), made in zip(todo, embed_articles([it for _, it in todo]), strict=True):
        have[k] = made.vector
    if path is not None and todo:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path, model=model_name(), keys=np.array(list(have)),
                 vecs=np.stack([v if v is not None else np.zeros(512, np.float32) for v in have.values()]))
    return have


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def semeval_vectors(rows: list[dict[str, Any]], variant: str, cache: Path | None = None) -> dict[str, Any]:
    """sha1(text) -> vector of every text of ``rows``: raw as the shipped path
    embeds it (no title, the whole text), or clean."""
    texts: dict[str, str] = {}
    for r in rows:
        texts.setdefault(r["text1"], r["lang1"])
        texts.setdefault(r["text2"], r["lang2"])
    items: list[tuple[str, tuple[str | None, str]]] = []
    for t, lang in texts.items():
        if variant == "raw":
            items.append((_key(t), (None, t)))
        else:
            title, body = split_title(t)
            items.append((_key(t), (title, clean_body(body, lang))))
    return _embed(items, cache, f"semeval_{variant}")


def semeval_figures(rows: list[dict[str, Any]], half: int, variant: str, orders: int = 6,
                    cache: Path | None = None) -> dict[str, Any]:
    """The half's figures with ``variant`` vectors (module docstring)."""
    import veille.cluster.semeval as sem

    vecs = semeval_vectors(rows, variant, cache)
    params = load_params()
    model = params.model()
    original = sem.text_vector
    sem.text_vector = lambda text: vecs[_key(text)]
    try:
        scored = pair_signals(rows)
    finally:
        sem.text_vector = original
    sel = [i for i, (*_, pid) in enumerate(scored) if pair_half(pid) == half]
    gold = [-o for _, o, _, _ in scored]
    cross = [i for i in sel if scored[i][0]["cross"]]
    emb = [x.get("emb", 0.0) for x, *_ in scored]
    logit = [model.logit(x) for x, *_ in scored]
    zthr = math.log(model.threshold / (1 - model.threshold))
    clear = [i for i in cross if gold[i] >= -1.5 or gold[i] <= -3.5]
    f1 = binary_prf([logit[i] >= zthr for i in clear], [gold[i] >= -1.5 for i in clear])

    def pearson(xs: list[float], ix: list[int]) -> float:
        return round(_pearson([xs[i] for i in ix], [gold[i] for i in ix]) or 0.0, 4)

    out: dict[str, Any] = {
        "variant": variant, "half": half,
        "cosine_pearson": [pearson(emb, sel), pearson(emb, cross)],
        "model_logit_pearson": [pearson(logit, sel), pearson(logit, cross)],
        "model_same_story_cross": {k: round(v, 4) for k, v in f1.items()},
    }
    if orders:
        texts, _ = ingest_articles(rows, half)
        res = ingest_check(rows, params, half=half, orders=orders,
                           vectors=[vecs[_key(t)] for t, _ in texts.values()])
        out["ingest_means"] = {k: [v["together_mean"], v["pairs"]]
                               for k, v in res["orders"].items() if k != "n"}
    return out


def _site_counts(rows: list[dict[str, Any]]) -> dict[str, furniture.SiteCounts]:
    """Per article, its lines counted in the file's other articles of its source."""
    spans: dict[str, list[tuple[int, int]]] = {}
    keys: dict[str, list[str]] = {}
    by_source: dict[Any, list[str]] = defaultdict(list)
    for r in rows:
        uid, text = str(r["id"]), r.get("text") or ""
        spans[uid] = furniture.segments(text, r.get("language"))
        keys[uid] = furniture.line_keys(text, spans[uid])
        by_source[r.get("source")].append(uid)
    out: dict[str, furniture.SiteCounts] = {}
    for r in rows:
        uid = str(r["id"])
        others = [u for u in by_source[r.get("source")] if u != uid] if r.get("source") else []
        if not others:
            continue
        seen: Counter[str] = Counter()
        for u in others:
            seen.update({k for k in keys[u] if k})
        mine = set(keys[uid])
        out[uid] = furniture.SiteCounts(len(others), {k: n for k, n in seen.items() if k in mine},
                                        tuple(keys[uid]), r.get("language"), tuple(spans[uid]))
    return out


def news_figures(path: str, part: str, variant: str, site: bool = False,
                 cache: Path | None = None) -> dict[str, Any]:
    """B-cubed, cosine AUC and nearest-neighbour accuracy on one part's events."""
    from sklearn.metrics import roc_auc_score  # measurement only

    rows = evaluate.read_jsonl(path)
    sites = _site_counts(rows) if site and variant == "clean" else {}
    items = [(str(r["id"]), (r.get("title"), (r.get("text") or "") if variant == "raw" else
                             clean_body(r.get("text") or "", r.get("language"), sites.get(str(r["id"])))))
             for r in rows]
    vecs = _embed(items, cache, f"news_{variant}{'_site' if sites else ''}")
    a, b = split_events(rows)
    picked = [{**r, "vector": vecs[str(r["id"])]} for r in {"A": a, "B": b}[part]]
    ordered = evaluate.stream_order(picked)
    res = evaluate.run_stream(list(evaluate.features_of(ordered)), load_params())
    gold = {str(r["id"]): r["story"] for r in ordered}
    p, rc, f = bcubed(res.story_of, gold)
    have = [r for r in picked if r["vector"] is not None]
    m = np.stack([r["vector"] for r in have])
    sim = m @ m.T
    iu = np.triu_indices(len(have), 1)
    same = np.array([have[i]["story"] == have[j]["story"] for i, j in zip(*iu, strict=True)])
    np.fill_diagonal(sim, -9.0)
    nearest = sim.argmax(1)
    return {
        "variant": variant + (" + site counts" if sites else ""), "part": part,
        "bcubed": [round(p, 4), round(rc, 4), round(f, 4)], "stories": res.n_stories,
        "cosine_auc": round(float(roc_auc_score(same, sim[iu])), 4),
        "nearest_same_event": round(float(np.mean([have[i]["story"] == have[j]["story"]
                                                   for i, j in enumerate(nearest)])), 4),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=("semeval", "news"))
    ap.add_argument("--csv", default="../shared/data/semeval2022-task8/training_set.csv")
    ap.add_argument("--jsonl", default="../shared/data/news-clusters/news_cluster.jsonl")
    ap.add_argument("--half", type=int, default=0, choices=(0, 1))
    ap.add_argument("--part", default="A", choices=("A", "B"))
    ap.add_argument("--orders", type=int, default=6)
    ap.add_argument("--site", action="store_true", help="news: per-source line counts for the detector")
    ap.add_argument("--cache", type=Path, default=None, help="a folder for the vector caches (.npz)")
    args = ap.parse_args()
    for variant in VARIANTS:
        if args.what == "semeval":
            res = semeval_figures(read_pairs(args.csv), args.half, variant, args.orders, args.cache)
        else:
            res = news_figures(args.jsonl, args.part, variant, args.site, args.cache)
        print(json.dumps(res))


if __name__ == "__main__":
    main()
