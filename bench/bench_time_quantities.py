"""Throughput of extract_times / extract_quantities on the seed articles.

Run: .venv/bin/python bench/bench_time_quantities.py
One core; prints ms per article and characters per second for each reference precision.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from veille.analyze.quantities import extract_quantities
from veille.analyze.temporal import extract_times
from veille.core.model import DateRange
from veille.ingest.normalize import normalize_text

REPO = Path(__file__).resolve().parents[1]
ROUNDS = 30


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
    t = time.perf_counter()
    for _ in range(ROUNDS):
        for b in bodies:
            extract_quantities(b, [], "fr")
    dt = (time.perf_counter() - t) / ROUNDS
    print(f"extract_quantities       {1000 * dt / len(bodies):7.1f} ms/article {chars / dt:10.0f} chars/s")


if __name__ == "__main__":
    main()
