"""Analysis throughput: the veille pipeline vs bare spaCy ``nlp.pipe``, per engine.

    .venv/bin/python bench/bench_engine.py --articles 200

On the same texts, in one run: bare spaCy (``nlp.pipe`` of the very pipelines
the analysis loads, ``veille.analyze.nlp.get_nlp``: same models, same
components) and the full analysis (``veille.analyze.pipeline.analyze_batch``:
parsing + entities + quotes + times + quantities), each
- in this process (1 process),
- on a local process pool of 1 and 2 workers (``--engine processes``),
- on a Dask LocalCluster of 1 and 2 single-threaded workers (``--engine dask``).
Workers load the models before the clock starts (warm-up), as they would in a
long ingest. Texts: the first N articles of the generated corpus (corpus.py:
real English and French sentences, half and half).

Reports articles/s (wall clock), CPU seconds per article of the process(es)
doing the work, the ratio pipeline / bare spaCy at equal workers, and the
speed-up of 2 workers over 1. The machine's load average is printed with each
row: on a shared machine, wall-clock rates fall when others run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
CACHE = Path(os.environ.get("VEILLE_BENCH_CACHE", Path(tempfile.gettempdir()) / "veille-bench"))
BATCH = 32


def bare_spacy(items: list[tuple[str, str, str | None, Any]]) -> tuple[int, float]:
    """nlp.pipe over the batch, grouped by language; (docs, CPU seconds)."""
    from veille.analyze import nlp

    t = time.process_time()
    by_lang: dict[str, list[str]] = {}
    for _uid, text, lang, _ref in items:
        by_lang.setdefault(lang or "fr", []).append(text)
    n = 0
    for lang, texts in by_lang.items():
        for _doc in nlp.pipe(lang, texts, batch_size=BATCH):
            n += 1
    return n, time.process_time() - t


def full_pipeline(items: list[tuple[str, str, str | None, Any]]) -> tuple[int, float]:
    from veille.analyze.pipeline import analyze_batch

    t = time.process_time()
    out = analyze_batch(items, batch_size=BATCH)
    return len(out), time.process_time() - t


def warm() -> None:
    from veille.engine.analysis import warm_models

    warm_models()
    # one small call so lazy parts (extractors, lexicons) are loaded too
    from veille.analyze.pipeline import analyze_batch
    from veille.model import DateRange

    analyze_batch([("w", "Le président a déclaré lundi : « Tout va bien ».", "fr", DateRange.unknown()),
                   ("w2", "The minister said on Monday that 12 people died.", "en",
                    DateRange.unknown())])


def load_items(n: int) -> list[tuple[str, str, str | None, Any]]:
    from corpus import generate

    from veille.ingest.dates import parse_date
    from veille.model import DateRange

    path = generate(10_000, CACHE / "articles-10000.jsonl")
    items = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] in {i[0] for i in items}:
                continue
            ref = parse_date(d["published"]) if d.get("published") else DateRange.unknown()
            items.append((d["id"], d["text"], d["language"], ref))
            if len(items) == n:
                break
    return items


def _batches(items: list[Any]) -> list[list[Any]]:
    return [items[i:i + BATCH] for i in range(0, len(items), BATCH)]


def measure(runner: Any, fn: Any, items: list[Any]) -> dict[str, float]:
    t0 = time.perf_counter()
    n, cpu = 0, 0.0
    for done, secs in runner.map(fn, _batches(items)):
        n += done
        cpu += secs
    wall = time.perf_counter() - t0
    return {"articles": n, "seconds": round(wall, 2), "articles_per_s": round(n / wall, 2),
            "cpu_s_per_article": round(cpu / n, 4), "load_avg_1m": round(os.getloadavg()[0], 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--engines", nargs="+", default=["local", "processes", "dask"])
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()

    import cloudpickle

    from veille.engine.runners import DaskRunner, ProcessRunner, Runner

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    items = load_items(args.articles)
    langs = {i[2] for i in items}
    print(f"{len(items)} articles ({', '.join(sorted(str(x) for x in langs))}), "
          f"{sum(len(i[1]) for i in items) / len(items):,.0f} chars on average", flush=True)
    rows = []

    def record(engine: str, workers: int, kind: str, res: dict[str, float]) -> None:
        row = {"engine": engine, "workers": workers, "kind": kind, **res}
        rows.append(row)
        print(json.dumps(row), flush=True)
        if args.out:
            with args.out.open("a") as fh:
                fh.write(json.dumps(row) + "\n")

    for engine in args.engines:
        for workers in ((1,) if engine == "local" else (1, 2)):
            runner: Runner
            if engine == "local":
                runner = Runner(1)
            elif engine == "processes":
                runner = ProcessRunner(workers)
            else:
                runner = DaskRunner(workers)
            with runner:
                runner.run_on_workers(warm)
                # bare first then pipeline, then bare again: a drift in the
                # machine's load shows as a gap between the two bare runs
                b1 = measure(runner, bare_spacy, items)
                p = measure(runner, full_pipeline, items)
                b2 = measure(runner, bare_spacy, items)
            bare = b1 if b1["articles_per_s"] >= b2["articles_per_s"] else b2
            record(engine, workers, "bare_spacy", bare)
            record(engine, workers, "pipeline", p)
            record(engine, workers, "bare_spacy_other_run", b2 if bare is b1 else b1)

    print()
    print("| engine | workers | bare spaCy art/s | pipeline art/s | pipeline / bare | "
          "bare CPU s/art | pipeline CPU s/art | load avg |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for engine in args.engines:
        for workers in (1, 2):
            sel = {r["kind"]: r for r in rows if r["engine"] == engine and r["workers"] == workers}
            if not sel:
                continue
            b, p = sel["bare_spacy"], sel["pipeline"]
            print(f"| {engine} | {workers} | {b['articles_per_s']:.1f} | {p['articles_per_s']:.1f} | "
                  f"{p['articles_per_s'] / b['articles_per_s']:.2f} | {b['cpu_s_per_article']:.3f} | "
                  f"{p['cpu_s_per_article']:.3f} | {p['load_avg_1m']} |")
    for engine in ("processes", "dask"):
        one = [r for r in rows if r["engine"] == engine and r["workers"] == 1 and r["kind"] == "pipeline"]
        two = [r for r in rows if r["engine"] == engine and r["workers"] == 2 and r["kind"] == "pipeline"]
        if one and two:
            print(f"{engine}: 2 workers / 1 worker = "
                  f"{two[0]['articles_per_s'] / one[0]['articles_per_s']:.2f}x (pipeline)")
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(f"peak RSS of the driver: {ru.ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
