"""Throughput of extract_times / extract_quantities on the seed articles.

Run: .venv/bin/python bench/bench_time_quantities.py
One core; prints ms per article and characters per second for each reference precision.
"""

from __future__ import annotations

import time
import tracemalloc
from datetime import date
from pathlib import Path

from veille.analyze.nlp import get_nlp
from veille.analyze.quantities import extract_quantities
from veille.analyze.temporal import extract_times
from veille.analyze.temporal.candidates import selected
from veille.core.model import DateRange
from veille.ingest.normalize import normalize_text

REPO = Path(__file__).resolve().parents[1]
ROUNDS = 30
PARSE_ROUNDS = 3


def main() -> None:
    bodies = [
        normalize_text(p.read_text(encoding="utf-8").lstrip()[len("date 2023-06") :])
        for p in sorted((REPO / "examples").glob("*.txt"))
    ]
    chars = sum(len(b) for b in bodies)
    refs = {
        "day": DateRange(date(2023, 6, 9), date(2023, 6, 9), "day"),
        "month": DateRange(date(2023, 6, 1), date(2023, 6, 30), "month"),
        "year": DateRange(date(2023, 1, 1), date(2023, 12, 31), "year"),
    }
    for name, ref in refs.items():
        t = time.perf_counter()
        for _ in range(ROUNDS):
            for b in bodies:
                extract_times(b, [], ref, "fr")
        dt = (time.perf_counter() - t) / ROUNDS
        print(f"extract_times ref={name:<5} {1000 * dt / len(bodies):7.1f} ms/article "
              f"{chars / dt:10.0f} chars/s")
    # beside the spaCy parse, as the analysis runs it: the tense of governing verbs read
    # from the parse (issue #17); CPU time, one core
    nlp = get_nlp("fr")
    docs = [nlp(b) for b in bodies]
    t = time.process_time()
    for _ in range(PARSE_ROUNDS):
        for b in bodies:
            nlp(b)
    parse = (time.process_time() - t) / PARSE_ROUNDS
    t = time.process_time()
    for _ in range(ROUNDS):
        for b, d in zip(bodies, docs, strict=True):
            selected.cache_clear()  # the scan counts too (the analysis runs it once a text)
            extract_times(b, [], refs["day"], "fr", [(0, d)])
    dt = (time.process_time() - t) / ROUNDS
    print(f"spaCy parse (fr)         {1000 * parse / len(bodies):7.1f} ms/article (CPU)")
    print(f"extract_times with parse {1000 * dt / len(bodies):7.1f} ms/article (CPU), "
          f"{100 * dt / parse:.1f} % of the parse")
    t = time.perf_counter()
    for _ in range(ROUNDS):
        for b in bodies:
            extract_quantities(b, [], "fr")
    dt = (time.perf_counter() - t) / ROUNDS
    print(f"extract_quantities       {1000 * dt / len(bodies):7.1f} ms/article {chars / dt:10.0f} chars/s")
    # as the analysis runs it (issue #17): with the parse and the times already found,
    # CPU time beside the parse; peak memory of one pass over the articles
    times = [extract_times(b, [], refs["day"], "fr", [(0, d)])
             for b, d in zip(bodies, docs, strict=True)]
    t = time.process_time()
    for _ in range(ROUNDS):
        for b, d, ts in zip(bodies, docs, times, strict=True):
            extract_quantities(b, [], "fr", doc=d, times=ts)
    dt = (time.process_time() - t) / ROUNDS
    tracemalloc.start()
    for b, d, ts in zip(bodies, docs, times, strict=True):
        extract_quantities(b, [], "fr", doc=d, times=ts)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"extract_quantities with parse {1000 * dt / len(bodies):7.2f} ms/article (CPU), "
          f"{100 * dt / parse:.1f} % of the parse, peak {peak / 1e6:.2f} MB")
    # bad input: a 1 MB list of numbers (one pass; linear time is the point, so the
    # rate is compared with the articles' above)
    numbers = ", ".join(str(i) for i in range(150_000)) + " soldats"
    t = time.process_time()
    n = len(extract_quantities(numbers, [], "fr", keep_bare=True))
    dt = time.process_time() - t
    print(f"1 MB list of numbers     {dt:7.1f} s (CPU), {len(numbers) / dt:10.0f} chars/s, "
          f"{n} numbers read")


if __name__ == "__main__":
    main()
