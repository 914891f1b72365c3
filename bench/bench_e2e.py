"""The whole of ``veille ingest`` against bare ``nlp.pipe``, in one run.

Run:  .venv/bin/python bench/bench_e2e.py [--articles 240] [--repeat 2]

Issue #19's goal: ingest with analysis, clustering and story views runs at
>= 0.85x the speed of bare ``nlp.pipe`` of the same spaCy pipelines on the
same texts. Both sides run in this process, models (spaCy and the encoder)
loaded and warmed beforehand, alternately ``--repeat`` times; the best CPU
time of each side is kept (process CPU, so other jobs on the machine disturb
the ratio much less than wall time). The e2e side is the CLI's own pipeline
(``services.pipeline.run_pipeline`` on ``read_paths``) into a fresh SQLite
store each time, so it pays reading, normalising, dedup, the store, the
analysis, the encoder, clustering and the views.

Texts: real articles (``bench/corpus.real_articles``: news-clusters in
English, SemEval-2022 French articles, the seeds), the first ``--articles``
of them interleaved by language, with their real titles and sources, so the
stories they form are real events of realistic sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(HERE))

from corpus import real_articles  # noqa: E402

from veille.analyze.nlp import get_nlp  # noqa: E402
from veille.ingest.sources import SourceOptions, read_paths  # noqa: E402
from veille.services.pipeline import PipelineOptions, run_pipeline  # noqa: E402
from veille.store import Store  # noqa: E402


def cpu_stages() -> dict[str, float]:
    """Process CPU seconds per stage of the e2e side, accumulated across runs
    (``PipelineReport.seconds`` is wall time, which the shared machine's load
    distorts): module functions of the pipeline wrapped with a timer (a few
    hundred calls a run: no measurable overhead)."""
    import veille.engine.analysis as ea
    import veille.services.pipeline as sp
    import veille.stories.view as sv

    acc: dict[str, float] = {}

    def timed(mod: Any, name: str, label: str) -> None:
        fn = getattr(mod, name)

        def wrapper(*a: Any, **k: Any) -> Any:
            c0 = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                acc[label] = acc.get(label, 0.0) + time.process_time() - c0

        setattr(mod, name, wrapper)

    for mod, name, label in (
        (sp, "ingest", "ingest"), (sp, "analyse_new", "analyse"),
        (ea, "analyze_items", "analyse: parse + components"),
        (ea, "embed_batch", "analyse: article encoder"),
        (ea, "save_batch", "analyse: link + save"),
        (sp, "cluster_new", "cluster + views"), (sp, "explain", "views"),
        (sv, "build_summary", "views: summary"), (sv, "StoryVectors", "views: sentence tf-idf"),
    ):
        timed(mod, name, label)
    return acc


def pick(n: int) -> list[tuple[str | None, str, str, str]]:
    """The first ``n`` real articles, alternating languages in their shares."""
    arts = [a for a in real_articles() if len(a[3]) > 400]
    by_lang: dict[str, list[tuple[str | None, str, str, str]]] = {}
    for a in arts:
        by_lang.setdefault(a[2], []).append(a)
    out: list[tuple[str | None, str, str, str]] = []
    share = {k: len(v) / len(arts) for k, v in by_lang.items()}
    for lang, items in by_lang.items():
        out += items[: max(1, round(n * share[lang]))]
    return out[:n]


def write_jsonl(arts: list[tuple[str | None, str, str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i, (title, source, lang, text) in enumerate(arts):
            fh.write(json.dumps({"id": f"e2e-{i}", "title": title, "source": source,
                                 "language": lang, "published": "2018-01-15", "text": text},
                                ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=240)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--out", type=Path, default=None, help="append the JSON result to this file")
    args = ap.parse_args()

    arts = pick(args.articles)
    langs = sorted({a[2] for a in arts})
    tmp = Path(tempfile.mkdtemp(prefix="veille-e2e-"))
    src = tmp / "articles.jsonl"
    write_jsonl(arts, src)
    nlps = {lang: get_nlp(lang) for lang in langs}
    texts = {lang: [a[3] for a in arts if a[2] == lang] for lang in langs}

    def bare() -> None:
        for lang in langs:
            for _ in nlps[lang].pipe(texts[lang], batch_size=32):
                pass

    runs = 0

    def e2e() -> dict[str, float]:
        nonlocal runs
        runs += 1
        store = Store.open(str(tmp / f"run{runs}.db"))
        try:
            report = run_pipeline(store, read_paths([str(src)], SourceOptions(fmt="jsonl")),
                                  PipelineOptions())
            assert len(report.added) == len(arts), report.to_dict()
            return dict(report.seconds)
        finally:
            store.close()

    # Warm-up: models, encoder, lazy imports, on a few articles (not timed).
    warm = tmp / "warm.jsonl"
    write_jsonl([next(a for a in arts if a[2] == lang) for lang in langs], warm)  # every model
    ws = Store.open(str(tmp / "warm.db"))
    run_pipeline(ws, read_paths([str(warm)], SourceOptions(fmt="jsonl")), PipelineOptions())
    ws.close()
    for lang in langs:
        list(nlps[lang].pipe(texts[lang][:3]))

    stage_cpu = cpu_stages()  # after the warm-up: the timed runs only
    best = {"bare": float("inf"), "e2e": float("inf")}
    best_wall = {"bare": float("inf"), "e2e": float("inf")}
    stages: dict[str, float] = {}
    for _ in range(args.repeat):
        for name, fn in (("bare", bare), ("e2e", e2e)):
            t0, c0 = time.perf_counter(), time.process_time()
            out = fn()
            dc, dt = time.process_time() - c0, time.perf_counter() - t0
            if dc < best[name] and name == "e2e" and isinstance(out, dict):
                stages = out
            best[name] = min(best[name], dc)
            best_wall[name] = min(best_wall[name], dt)
    res = {
        "command": "python " + " ".join(sys.argv),
        "machine": f"{platform.machine()} {os.cpu_count()} cpu, {platform.system()} {platform.release()}, "
                   f"Python {platform.python_version()}",
        "articles": len(arts), "languages": {k: len(v) for k, v in texts.items()},
        "chars": sum(len(a[3]) for a in arts),
        "cpu_seconds": {k: round(v, 2) for k, v in best.items()},
        "wall_seconds": {k: round(v, 2) for k, v in best_wall.items()},
        "ratio_cpu": round(best["bare"] / best["e2e"], 3),
        "ratio_wall": round(best_wall["bare"] / best_wall["e2e"], 3),
        "e2e_stage_wall_seconds": {k: round(v, 2) for k, v in stages.items()},
        # mean over the e2e runs (each stage's CPU, nested parts indented by name)
        "e2e_stage_cpu_seconds": {k: round(v / args.repeat, 2) for k, v in stage_cpu.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "load_avg_1min_at_end": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(res, indent=1))
    if args.out:
        with args.out.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(res) + "\n")


if __name__ == "__main__":
    main()
