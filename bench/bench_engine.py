"""Analysis throughput with 1 and 2 workers: the veille pipeline vs bare spaCy, per engine.

    .venv/bin/python bench/bench_engine.py --articles 640 --rounds 3 --engines processes

What is measured, for each engine and worker count (the runner is built, and
each worker loads the models and analyses 64 *other* articles before the clock
starts, as early in a long ingest):

- ``bare_spacy``: each worker runs ``nlp.pipe`` of the very pipelines the
  analysis loads (``veille.analyze.nlp.get_nlp``) over its batch and returns
  only a count;
- ``pipeline``: each worker runs ``veille.engine.analysis.analyze_items`` (the
  function ``veille analyze --engine ...`` maps: parse + entities + quotes +
  times + quantities) and the ``Analysis`` objects come back to this process,
  as they do in the product (pickling included);
- ``store`` (with ``--store``): the whole stage as shipped,
  ``veille.engine.analysis.analyze_pending_on``: this process reads pending
  articles from a SQLite store, the workers analyse, this process links
  entities and writes each batch (the store is emptied of analyses, untimed,
  before each run).

"1 worker" and "2 workers" are the number of analysis worker processes; in
both cases this (driver) process also runs, on whichever core is free. Its
CPU per article is reported separately (``main_cpu_ms``): with 1 worker it
has the second core to itself, with 2 workers it takes its share from them.

Texts: the first N distinct articles of the generated corpus (corpus.py: real
English and French sentences, half and half), in batches of 32. N defaults to
640 = 20 batches, 10 per worker with 2 workers, so the last batch does not
leave a worker idle for long (with 200 articles = 7 batches, one worker gets 4
and the other 3).

The machine may be shared: each row gives the 1-minute load average and the
CPU the *other* processes of the machine used during the run (``others_cpu``:
system busy time from /proc/stat minus this process and all its descendants,
as a share of all cores). A wall-clock ratio is only meaningful when
``others_cpu`` is near 0. Rounds alternate the worker counts (1, 2, then
2, 1, ...) so a drift in load does not favour one side; the 2/1 ratio is
given per round, with the median.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
CACHE = Path(os.environ.get("VEILLE_BENCH_CACHE", Path(tempfile.gettempdir()) / "veille-bench"))
BATCH = 32
#: articles (after the measured ones) each worker analyses before the clock starts
WARM = 64


def bare_spacy(items: list[tuple[str, str, str | None, Any]]) -> int:
    """nlp.pipe over the batch, grouped by language; the number of docs."""
    from veille.analyze import nlp

    by_lang: dict[str, list[str]] = {}
    for _uid, text, lang, _ref in items:
        by_lang.setdefault(lang or "fr", []).append(text)
    n = 0
    for lang, texts in by_lang.items():
        for _doc in nlp.pipe(lang, texts, batch_size=BATCH):
            n += 1
    return n


def warm(items: list[tuple[str, str, str | None, Any]]) -> None:
    """Load the models, then analyse (and parse bare) a batch of *other*
    articles: lazy parts (extractors, lexicons) load, and the vocabulary and
    allocator grow as they would early in a long run, not inside the first
    timed measurement."""
    from veille.analyze.pipeline import analyze_batch
    from veille.engine.analysis import warm_models

    warm_models()
    analyze_batch(items, batch_size=BATCH)
    bare_spacy(items)


def load_items(n: int) -> list[tuple[str, str, str | None, Any]]:
    """The first ``n`` distinct articles of the generated corpus."""
    from corpus import generate

    from veille.core.model import DateRange
    from veille.ingest.dates import parse_date

    path = generate(10_000, CACHE / "articles-10000.jsonl")
    items = []
    seen: set[str] = set()
    texts: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            # distinct ids and texts: the store keeps one copy of an exact duplicate
            if d["id"] in seen or d["text"] in texts:
                continue
            seen.add(d["id"])
            texts.add(d["text"])
            ref = parse_date(d["published"]) if d.get("published") else DateRange.unknown()
            items.append((d["id"], d["text"], d["language"], ref))
            if len(items) == n:
                break
    return items


def _batches(items: list[Any]) -> list[list[Any]]:
    return [items[i:i + BATCH] for i in range(0, len(items), BATCH)]


class CpuMeter:
    """CPU seconds of this process, of its descendants (workers, forkserver,
    Dask nannies) and of the rest of the machine, between start() and stop()."""

    def __init__(self) -> None:
        import psutil

        self._psutil = psutil
        self._me = psutil.Process()

    def _tree(self) -> dict[int, float]:
        out = {}
        for p in [self._me, *self._me.children(recursive=True)]:
            try:
                t = p.cpu_times()
                out[p.pid] = t.user + t.system
            except self._psutil.Error:
                pass
        return out

    @staticmethod
    def _system_busy() -> float:
        with open("/proc/stat") as fh:
            f = [int(x) for x in fh.readline().split()[1:]]
        idle = f[3] + f[4]  # idle + iowait
        return (sum(f[:8]) - idle) / os.sysconf("SC_CLK_TCK")

    def start(self) -> None:
        self._t0 = time.perf_counter()
        self._tree0 = self._tree()
        self._sys0 = self._system_busy()

    def stop(self) -> dict[str, float]:
        wall = time.perf_counter() - self._t0
        sys1 = self._system_busy()
        tree1 = self._tree()
        main = tree1.get(self._me.pid, 0.0) - self._tree0.get(self._me.pid, 0.0)
        others_pids = sum(v - self._tree0[k] for k, v in tree1.items()
                          if k != self._me.pid and k in self._tree0)
        ours = main + others_pids
        rest = max(0.0, (sys1 - self._sys0) - ours)
        return {"wall": wall, "main_cpu": main, "workers_cpu": others_pids,
                "others_cpu": rest / ((os.cpu_count() or 1) * wall)}


def measure(run: Any, n_expected: int) -> dict[str, float]:
    meter = CpuMeter()
    meter.start()
    n = run()
    m = meter.stop()
    assert n == n_expected, (n, n_expected)
    return {"articles": n, "seconds": round(m["wall"], 2), "articles_per_s": round(n / m["wall"], 2),
            "workers_cpu_ms": round(1000 * m["workers_cpu"] / n, 1),
            "main_cpu_ms": round(1000 * m["main_cpu"] / n, 2),
            "others_cpu": round(m["others_cpu"], 2), "load_avg_1m": round(os.getloadavg()[0], 2)}


def make_store(items: list[Any]) -> Any:
    """A SQLite store holding the articles (ingested without analysis, untimed)."""
    from veille.core.model import RawRecord
    from veille.ingest.service import ingest_items
    from veille.store import Store

    db = Path(tempfile.mkdtemp(prefix="veille-bench-engine-")) / "bench.db"
    store = Store.open(str(db))
    ingest_items(store, [RawRecord(text=t, origin="<bench>", uid=u, language=lang, published=ref)
                         for u, t, lang, ref in items])
    return store


def clear_analyses(store: Any) -> None:
    from sqlalchemy import delete

    from veille.store.schema import analyses, entities, mentions

    with store.begin() as conn:
        conn.execute(delete(mentions))
        conn.execute(delete(analyses))
        conn.execute(delete(entities))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=640)
    ap.add_argument("--engines", nargs="+", default=["processes", "dask"],
                    choices=["local", "processes", "dask"])
    ap.add_argument("--rounds", type=int, default=1, help="alternating 1/2-worker rounds")
    ap.add_argument("--kinds", nargs="+", default=["bare_spacy", "pipeline"],
                    choices=["bare_spacy", "pipeline", "store"])
    ap.add_argument("--store", action="store_true", help="add the 'store' kind")
    ap.add_argument("--out", type=Path, default=None, help="append rows (JSON lines) here")
    args = ap.parse_args()
    kinds = list(dict.fromkeys(args.kinds + (["store"] if args.store else [])))

    import cloudpickle

    from veille.engine.analysis import analyze_items, analyze_pending_on
    from veille.engine.runners import DaskRunner, ProcessRunner, Runner

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    every = load_items(args.articles + WARM)
    items, warm_items = every[:args.articles], every[args.articles:]
    batches = _batches(items)
    store = make_store(items) if "store" in kinds else None
    print(f"{len(items)} articles ({', '.join(sorted(str(x) for x in {i[2] for i in items}))}), "
          f"{sum(len(i[1]) for i in items) / len(items):,.0f} chars on average, "
          f"{len(batches)} batches of <= {BATCH}; {os.cpu_count()} CPUs", flush=True)
    rows: list[dict[str, Any]] = []

    def record(row: dict[str, Any]) -> None:
        rows.append(row)
        print(json.dumps(row), flush=True)
        if args.out:
            with args.out.open("a") as fh:
                fh.write(json.dumps(row) + "\n")

    def run_kind(runner: Runner, kind: str) -> dict[str, float]:
        if kind == "bare_spacy":
            return measure(lambda: sum(runner.map(bare_spacy, batches)), len(items))
        if kind == "pipeline":
            return measure(lambda: sum(len(r) for r in runner.map(analyze_items, batches)), len(items))
        assert store is not None
        clear_analyses(store)
        return measure(lambda: analyze_pending_on(store, runner, batch_size=BATCH)["analyzed"],
                       len(items))

    for rnd in range(args.rounds):
        for engine in args.engines:
            counts = (1,) if engine == "local" else ((1, 2) if rnd % 2 == 0 else (2, 1))
            for workers in counts:
                runner: Runner
                if engine == "local":
                    runner = Runner(1)
                elif engine == "processes":
                    runner = ProcessRunner(workers)
                else:
                    runner = DaskRunner(workers)
                with runner:
                    runner.run_on_workers(partial(warm, warm_items))
                    for kind in kinds:
                        record({"round": rnd, "engine": engine, "workers": workers, "kind": kind,
                                **run_kind(runner, kind)})

    print()
    print("| round | engine | workers | kind | articles/s | workers CPU ms/art | "
          "main CPU ms/art | others' CPU | load avg |")
    print("|---:|---|---:|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['round']} | {r['engine']} | {r['workers']} | {r['kind']} | {r['articles_per_s']:.1f} | "
              f"{r['workers_cpu_ms']:.1f} | {r['main_cpu_ms']:.2f} | {r['others_cpu']:.0%} | "
              f"{r['load_avg_1m']} |")
    print()
    for engine in args.engines:
        for kind in kinds:
            ratios, bounds, busy = [], [], []
            for rnd in range(args.rounds):
                sel = {r["workers"]: r for r in rows
                       if r["engine"] == engine and r["kind"] == kind and r["round"] == rnd}
                if 1 not in sel or 2 not in sel:
                    continue
                one, two = sel[1], sel[2]
                ratios.append(two["articles_per_s"] / one["articles_per_s"])
                busy.append(max(one["others_cpu"], two["others_cpu"]))
                # CPU-time bound on 2 idle cores: 1 worker runs at one core's
                # speed (the driver has the other core); 2 workers and the
                # driver share 2 cores.
                c1 = max(one["workers_cpu_ms"], one["main_cpu_ms"])
                bounds.append(2 * c1 / (two["workers_cpu_ms"] + two["main_cpu_ms"]))
            if ratios:
                print(f"{engine} {kind}: 2 workers / 1 worker (wall) = "
                      + ", ".join(f"{x:.2f}x (others' CPU <= {o:.0%})"
                                  for x, o in zip(ratios, busy, strict=True))
                      + f" (median {statistics.median(ratios):.2f}x); CPU-time bound on 2 idle cores = "
                      + ", ".join(f"{x:.2f}x" for x in bounds))
    for engine in args.engines:
        for workers in (1, 2):
            same = [r for r in rows if r["engine"] == engine and r["workers"] == workers]
            b = [r["workers_cpu_ms"] for r in same if r["kind"] == "bare_spacy"]
            p = [r["workers_cpu_ms"] for r in same if r["kind"] == "pipeline"]
            if b and p:
                print(f"{engine} {workers} worker(s): bare / pipeline CPU per article = "
                      f"{statistics.median(b) / statistics.median(p):.2f} (medians)")
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(f"peak RSS of the driver: {ru.ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
