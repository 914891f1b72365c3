"""ROUGE of story summaries and titles against headline pseudo-references.

There is no multi-document summary gold in ../shared/data. The closest public
signal is news-clusters/news_cluster.jsonl: 383 English articles in 69 events,
each with its outlet's headline. For every event with >= 2 articles we build the
story view from the article *texts only* (headlines removed, including a
headline repeated as the text's first line) and score:

- summary (N sentences) against the event's headlines joined as one reference,
  next to two lead baselines built from the same sentence units in the same run:
  ``lead-first`` (first N sentences of the earliest article) and ``lead-rr``
  (first sentence of each article in turn);
- the story title against the event's headlines (best-matching headline, i.e.
  rouge-score's max over references), next to the first sentence of the earliest
  article.

Headlines are short, abstractive and written per article, so absolute figures
are low and recall-heavy; the comparison with the baselines is what this says.

Run: .venv/bin/python bench/bench_summary.py [--n 3] [--no-analysis] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer

from veille.core.records import StoredArticle, analysis_from_dict
from veille.stories import summary as summary_mod
from veille.stories.summary import candidate, lead_baseline
from veille.stories.units import build_units
from veille.stories.view import build_story_view

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("VEILLE_SHARED_DATA", REPO.parent / "shared" / "data"))
ROUGE = ("rouge1", "rouge2", "rougeL")


def load(path: Path) -> dict[str, list[dict[str, Any]]]:
    by_story: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        text = r["text"]
        first, _, rest = text.partition("\n")
        if first.strip().lower() == r["title"].strip().lower() or (
            r["title"][:40].lower() and first.lower().startswith(r["title"][:40].lower())
        ):
            text = rest  # the headline repeated as the first line: it is the reference
        by_story[r["story"]].append({
            "uid": r["id"], "title": None, "text": text, "source": r["source"], "url": r["url"],
            "published": r["published"][:10], "date_precision": "day",
            "language": r["language"], "duplicate_of": None, "headline": r["title"],
        })
    return by_story


def analyse(arts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from veille.analyze.pipeline import analyze_batch
    from veille.core.model import DateRange

    items = []
    for a in arts:
        d = date.fromisoformat(a["published"])
        items.append((a["uid"], a["text"], a["language"], DateRange(d, d, "day")))
    results = analyze_batch(items)
    try:  # link entities across articles, as `veille analyze` does before saving
        from veille.analyze.linking import link_entities
    except ImportError:
        return [an.to_dict() for an in results]
    linked, _ = link_entities(results, [])
    return [an.to_dict() for an in linked]


def bootstrap_ci(a: list[float], b: list[float], n: int = 2000, seed: int = 0) -> list[float]:
    """Mean paired difference a-b over events (x100) and its 95% bootstrap interval."""
    import numpy as np

    d = np.array(a) - np.array(b)
    rng = np.random.default_rng(seed)
    means = rng.choice(d, size=(n, len(d)), replace=True).mean(axis=1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return [round(100 * float(d.mean()), 2), round(100 * float(lo), 2), round(100 * float(hi), 2)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=3, help="summary sentences")
    ap.add_argument("--no-analysis", action="store_true", help="sentences only, no NLP pipeline")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--cache", type=Path, default=None,
                    help="JSON file keeping the analyses between runs (outside the repo)")
    ap.add_argument("--position-decay", type=float, default=None,
                    help="override summary.POSITION_DECAY (0 = plain LexRank)")
    ap.add_argument("--same-language-redundant", type=float, default=None,
                    help="override summary.SAME_LANGUAGE_REDUNDANT (2 = wording redundancy only)")
    args = ap.parse_args()
    if args.position_decay is not None:
        summary_mod.POSITION_DECAY = args.position_decay
    if args.same_language_redundant is not None:
        summary_mod.SAME_LANGUAGE_REDUNDANT = args.same_language_redundant
    path = DATA / "news-clusters" / "news_cluster.jsonl"
    if not path.exists():
        sys.exit(f"{path} absent: set VEILLE_SHARED_DATA")
    stories = {k: v for k, v in load(path).items() if len(v) >= 2}
    all_arts = [a for v in stories.values() for a in v]
    t0 = time.perf_counter()
    ans_by_uid: dict[str, Any] = {}
    if not args.no_analysis:
        if args.cache and args.cache.exists():
            ans_by_uid = json.loads(args.cache.read_text())
        else:
            ans_by_uid = {an["article_uid"]: an for an in analyse(all_arts)}
            if args.cache:
                args.cache.write_text(json.dumps(ans_by_uid))
    t_an = time.perf_counter() - t0
    scorer = rouge_scorer.RougeScorer(list(ROUGE), use_stemmer=True)
    res: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    t1 = time.perf_counter()
    t_view = 0.0
    for arts in stories.values():
        arts = sorted(arts, key=lambda a: a["published"])
        ans = [ans_by_uid.get(a["uid"]) for a in arts]
        ref = "\n".join(a["headline"] for a in arts)
        heads = [a["headline"] for a in arts]
        tv = time.perf_counter()
        view = build_story_view(arts, ans, {}, n_sentences=args.n).to_dict()
        t_view += time.perf_counter() - tv
        units, _ = build_units([StoredArticle.from_row(a) for a in arts],
                               [analysis_from_dict(an) if an else None for an in ans])
        systems = {
            "veille": " ".join(s["text"] for s in view["summary"]),
            "lead-first": " ".join(u.text for u in [u for u in units
                                                    if u.article == 0 and candidate(u)][: args.n]),
            "lead-rr": " ".join(u.text for u in lead_baseline(units, args.n)),
        }
        for name, summ in systems.items():
            sc = scorer.score(ref, summ)
            for r in ROUGE:
                res[f"summary/{name}"][f"{r}_f"].append(sc[r].fmeasure)
                res[f"summary/{name}"][f"{r}_r"].append(sc[r].recall)
        first = next((u.text for u in units if u.article == 0 and candidate(u)), "")
        titles = {"veille": (view["title"] or {}).get("text", ""), "lead-first": first}
        for name, t in titles.items():
            sc = scorer.score_multi(heads, t)
            for r in ROUGE:
                res[f"title/{name}"][f"{r}_f"].append(sc[r].fmeasure)
    out = {
        "data": str(path.relative_to(DATA.parent.parent)) if DATA.parent.parent in path.parents
        else str(path),
        "events": len(stories), "articles": len(all_arts), "n_sentences": args.n,
        "analysis": not args.no_analysis, "position_decay": summary_mod.POSITION_DECAY,
        "seconds_analysis": round(t_an, 1), "seconds_views": round(t_view, 1),
        "seconds_total_eval": round(time.perf_counter() - t1, 1),
        "scores": {sys_: {k: round(100 * statistics.mean(v), 2) for k, v in d.items()}
                   for sys_, d in res.items()},
    }
    out["paired_bootstrap_95ci"] = {
        f"summary/veille - {base}": {
            k: bootstrap_ci(res["summary/veille"][k], res[f"summary/{base}"][k])
            for k in ("rouge1_f", "rouge2_f", "rougeL_f")
        }
        for base in ("lead-rr", "lead-first")
    }
    out["paired_bootstrap_95ci"]["title/veille - lead-first"] = {
        k: bootstrap_ci(res["title/veille"][k], res["title/lead-first"][k])
        for k in ("rouge1_f", "rouge2_f", "rougeL_f")
    }
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
