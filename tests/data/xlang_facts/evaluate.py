"""Run the cross-language fact evaluations (``veille.stories.evaluate_xlang``)
with the production analysis and entity linking (which the stories stage may
not import itself).

  .venv/bin/python tests/data/xlang_facts/evaluate.py [--stories N] [--show K]
      [--no-gold] [--threshold P] [--fit]
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from veille.analyze.linking import link_entities
from veille.analyze.pipeline import analyze_batch
from veille.stories import evaluate_xlang, xlang


def analyze(items: list[tuple[str, str, str, Any]]) -> tuple[list[Any], list[Any]]:
    return link_entities(analyze_batch(items), [])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--stories", type=int, default=60)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--no-gold", action="store_true")
    ap.add_argument("--threshold", type=float, default=None,
                    help="join probability for the story report (default xlang.JOIN_PROBABILITY)")
    ap.add_argument("--fit", action="store_true",
                    help="refit the decision on the tuning pairs (half 0) and print it")
    args = ap.parse_args()
    if args.threshold is not None:
        xlang.JOIN_PROBABILITY = args.threshold
    if args.fit:
        print(json.dumps(evaluate_xlang.fit(), indent=1))
        return
    if not args.no_gold:
        print(json.dumps(evaluate_xlang.gold_report(), indent=1))
    if args.stories:
        print(json.dumps(evaluate_xlang.story_report(analyze, args.stories, args.show),
                         indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
