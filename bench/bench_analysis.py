"""Throughput of analyze_batch against bare nlp.pipe of the same pipeline.

Run:  .venv/bin/python bench/bench_analysis.py [--repeat 3] [--copies 1]

Texts: the seed articles plus the French TimeBank dev texts (tags stripped),
optionally replicated. Both sides see the same texts in the same run, the
model already loaded; each side runs ``--repeat`` times alternately and the
best time is kept (the least disturbed by other processes on the machine).
``analyze_batch`` is measured twice: as shipped (with the colleague's times
and quantities extractors) and with those extractors switched off, so the
cost of our own layer (entities, quotes, sentences) is visible on its own.

``embed`` is the multilingual encoder (``veille.embed.embed_articles``, one
vector per article from its title+lead and body chunks) on the same texts in
the same run: its CPU per article and per 3,000 characters sits beside the
spaCy parse's, and the peak RSS is read before and after the encoder loads.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from veille.analyze import components, pipeline, registry  # noqa: E402
from veille.analyze.evaluate import read_seed  # noqa: E402
from veille.analyze.nlp import get_nlp  # noqa: E402
from veille.core.model import DateRange  # noqa: E402
from veille.embed import embed_articles  # noqa: E402
from veille.ingest.normalize import normalize_text  # noqa: E402


def shared_data() -> Path:
    env = os.environ.get("VEILLE_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def load_texts() -> list[str]:
    texts = []
    for d in (REPO / "examples", REPO.parent / "shared" / "seeds"):
        if d.is_dir() and list(d.glob("*.txt")):
            texts += [read_seed(p, normalize_text)[0] for p in sorted(d.glob("*.txt"))]
            break
    tb = shared_data() / "fr-timebank" / "dev"
    if tb.is_dir():
        for p in sorted(tb.glob("*.tml")):
            root = ET.parse(p).getroot()
            node = root.find("TEXT")
            if node is not None:
                t = "".join(node.itertext()).strip()
                if t:
                    texts.append(t)
    else:
        print(f"note: {tb} absent, seeds only", file=sys.stderr)
    return texts


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copies", type=int, default=1, help="replicate the text set")
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    texts = load_texts() * args.copies
    n_chars = sum(map(len, texts))
    nlp = get_nlp("fr")
    n_tokens = sum(len(d) for d in nlp.pipe(texts[:5]))  # warm-up
    items = [(f"t{i}", t, "fr", DateRange.unknown()) for i, t in enumerate(texts)]

    def bare() -> int:
        return sum(len(d) for d in nlp.pipe(texts, batch_size=args.batch_size))

    def full() -> object:
        return pipeline.analyze_batch(items, batch_size=args.batch_size)

    # the pipeline without the time and quantity components
    no_extras = registry.build([components.SENTENCES, components.ENTITIES, components.QUOTES])

    def ours_only() -> object:
        return pipeline.analyze_batch(items, batch_size=args.batch_size, comps=no_extras)

    rss_before_encoder = peak_rss_mb()
    embed_articles([(None, texts[0])])  # load the encoder (excluded, as spaCy's load is)
    rss_with_encoder = peak_rss_mb()

    def embed() -> object:
        return embed_articles([(None, t) for t in texts])

    # ~3 KB articles made of the same texts (consecutive ones joined, cut at
    # 3,000 characters): the goal is stated per article of that size, and the
    # encoder reads at most its first chunks whatever the length.
    kb3: list[str] = []
    cur = ""
    for t in texts:
        cur = f"{cur}\n{t}" if cur else t
        if len(cur) >= 3000:
            kb3.append(cur[:3000])
            cur = ""
    c0 = time.process_time()
    for _ in range(args.repeat):
        embed_articles([(None, t) for t in kb3])
    embed_3kb_ms = 1000 * (time.process_time() - c0) / (args.repeat * max(1, len(kb3)))

    names = ("bare", "analyze_batch", "analyze_batch_no_extras", "embed")
    best = dict.fromkeys(names, float("inf"))
    best_cpu = dict.fromkeys(names, float("inf"))
    for _ in range(args.repeat):
        for name, fn in zip(names, (bare, full, ours_only, embed), strict=True):
            t0, c0 = time.perf_counter(), time.process_time()
            out = fn()
            dt, dc = time.perf_counter() - t0, time.process_time() - c0
            best[name] = min(best[name], dt)
            best_cpu[name] = min(best_cpu[name], dc)
            if name == "bare":
                n_tokens = int(out)  # type: ignore[call-overload]
    res = {
        "command": "python " + " ".join(sys.argv),
        "machine": f"{platform.machine()} {os.cpu_count()} cpu, {platform.system()} {platform.release()}, "
                   f"Python {platform.python_version()}",
        "model": nlp.meta.get("name"), "pipe_names": nlp.pipe_names,
        "texts": len(texts), "chars": n_chars, "tokens": n_tokens, "batch_size": args.batch_size,
        "load_avg_1min_at_end": round(os.getloadavg()[0], 2),
        "wall_seconds": {k: round(v, 3) for k, v in best.items()},
        "cpu_seconds": {k: round(v, 3) for k, v in best_cpu.items()},
        "texts_per_cpu_s": {k: round(len(texts) / v, 1) for k, v in best_cpu.items()},
        "tokens_per_cpu_s": {k: round(n_tokens / v) for k, v in best_cpu.items()},
        # throughput ratio analyze_batch / bare pipe (>= 0.8 is the goal)
        "ratio_vs_bare_cpu": {k: round(best_cpu["bare"] / v, 3) for k, v in best_cpu.items()
                              if k not in ("bare", "embed")},
        "ratio_vs_bare_wall": {k: round(best["bare"] / v, 3) for k, v in best.items()
                               if k not in ("bare", "embed")},
        # CPU per article and per ~3 KB article, the encoder beside the bare spaCy parse
        "cpu_ms_per_article": {k: round(1000 * best_cpu[k] / len(texts), 2) for k in ("bare", "embed")},
        "cpu_ms_per_3000_chars": {k: round(3e6 * best_cpu[k] / n_chars, 2) for k in ("bare", "embed")},
        "embed_cpu_ms_per_3kb_article": round(embed_3kb_ms, 2),
        "embed_3kb_articles": len(kb3),
        "peak_rss_mb_before_encoder": round(rss_before_encoder, 1),
        "peak_rss_mb_with_encoder": round(rss_with_encoder, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
