"""The features of the labelled timeline pairs stay those of the pairs
(tests/data/timeline_same_event/): learned.py's figures in
docs/measured/quality-stories.md (session 21) are read from features.jsonl,
and a pair relabelled or a row shifted would move them silently."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GOLD = Path(__file__).resolve().parents[1] / "data" / "timeline_same_event"


def _rows(name: str) -> list[dict[str, Any]]:
    return [json.loads(x) for x in (GOLD / name).read_text(encoding="utf-8").splitlines()]


def test_features_rows_are_the_labelled_pairs() -> None:
    pairs, feats = _rows("pairs.jsonl"), _rows("features.jsonl")
    assert len(feats) == len(pairs) == 250
    for p, f in zip(pairs, feats, strict=True):
        assert (f["pair"], f["part"], f["story"], f["y"], f["precision"]) == \
            (p["pair"], p["part"], p["story"], p["same_event"], p["precision"])


def test_fresh_features_rows_are_the_fresh_pairs() -> None:
    pairs, feats = _rows("pairs_fresh.jsonl"), _rows("features_fresh.jsonl")
    assert len(feats) == len(pairs) == 43
    for p, f in zip(pairs, feats, strict=True):
        assert (f["pair"], f["part"], f["story"], f["y"], f["precision"]) == \
            (p["pair"], "fresh", p["story"], p["same_event"], p["precision"])
    # stories neither part of the first 250 drew from
    assert not {p["story"] for p in pairs} & {p["story"] for p in _rows("pairs.jsonl")}


def test_parts_are_those_the_figures_count() -> None:
    feats = _rows("features.jsonl")
    tune = [f for f in feats if f["part"] == "tune"]
    check = [f for f in feats if f["part"] == "check"]
    assert (len(tune), sum(f["y"] is True for f in tune)) == (150, 82)
    assert (len(check), sum(f["y"] is True for f in check)) == (100, 43)
    # the encoder's cosine of each pair is a cosine of unit vectors
    assert all(-1.0 <= float(f["cos"]) <= 1.0 for f in feats)
