"""Precision/recall of the summary's same-language redundancy threshold on
the labelled pairs (README.md here), per part, at several thresholds.

    .venv/bin/python tests/data/summary_redundancy/evaluate.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NEWS = HERE.parents[2].parent / "shared" / "data" / "news-clusters" / "news_cluster.jsonl"


def load_pairs(news: Path = NEWS) -> list[dict[str, Any]]:
    """The labelled pairs with their two sentences read from news-clusters."""
    texts: dict[str, str] = {}
    for line in news.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        texts[rec["id"]] = rec["text"]
    pairs = []
    for line in (HERE / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
        p = json.loads(line)
        for k in ("sentence1", "sentence2"):
            ref = p[k]
            p[k.replace("sentence", "text")] = texts[ref["id"]][ref["start"]:ref["end"]]
        pairs.append(p)
    return pairs


def cosines(pairs: list[dict[str, Any]]) -> list[float]:
    from veille.stories.xlang import embed_texts

    a, _ = embed_texts([p["text1"] for p in pairs])
    b, _ = embed_texts([p["text2"] for p in pairs])
    return [float(x) for x in (a * b).sum(axis=1)]


def report(pairs: list[dict[str, Any]], cos: list[float], threshold: float) -> dict[str, dict[str, float]]:
    from veille.core.metrics import binary_prf

    out = {}
    for part in ("tune", "held-out"):
        idx = [k for k, p in enumerate(pairs) if p["part"] == part]
        out[part] = binary_prf([cos[k] >= threshold for k in idx], [pairs[k]["redundant"] for k in idx])
    return out


def main() -> int:
    if not NEWS.exists():
        print(f"{NEWS} absent: the pairs point into it", file=sys.stderr)
        return 1
    from veille.stories.summary import SAME_LANGUAGE_REDUNDANT

    pairs = load_pairs()
    cos = cosines(pairs)
    for t in (0.45, 0.5, 0.55, SAME_LANGUAGE_REDUNDANT, 0.65, 0.7):
        r = report(pairs, cos, t)
        print(f"t={t:.2f} " + "  ".join(
            f"{part}: P {m['precision']:.2f} R {m['recall']:.2f} F1 {m['f1']:.2f}" for part, m in r.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
