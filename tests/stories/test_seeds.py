"""The seed story against hand-written gold (tests/data/gold/seeds_corroboration.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from veille.stories.graph import to_graphml

GOLD = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "gold" / "seeds_corroboration.json").read_text()
)


def _fact_holding(view: dict[str, Any], uid: str, anchors: list[str]) -> str | None:
    for f in view["facts"]:
        for m in f["members"]:
            if m["article"] == uid and any(a in m["text"] for a in anchors):
                return str(f["id"])
    return None


@pytest.mark.parametrize("fact", GOLD["facts"], ids=[f["id"] for f in GOLD["facts"]])
def test_corroboration_counts(seed_view: dict[str, Any], seed_story: dict[str, Any],
                              fact: dict[str, Any]) -> None:
    if fact.get("needs") == "times" and not any(an["times"] for an in seed_story["analyses"]):
        pytest.skip("analysis produces no resolved times yet: this fact is matched on its date")
    ids = {uid: _fact_holding(seed_view, uid, anchors) for uid, anchors in fact["evidence"].items()}
    assert None not in ids.values(), f"an evidence sentence is in no fact: {ids}"
    assert len(set(ids.values())) == 1, f"evidence split over facts {ids}"
    got = next(f for f in seed_view["facts"] if f["id"] == next(iter(ids.values())))
    assert got["n_sources"] == fact["expected_sources"], got


def test_view_is_json_and_complete(seed_view: dict[str, Any]) -> None:
    json.dumps(seed_view)
    for key in ("title", "summary", "facts", "disagreements", "timeline", "speakers",
                "entity_graph", "missing"):
        assert key in seed_view
    assert seed_view["n_independent_sources"] == 2
    assert seed_view["title"]["language"] == "fr"


def test_summary_cites_every_stating_article(seed_view: dict[str, Any]) -> None:
    summary = seed_view["summary"]
    assert 1 <= len(summary) <= 5
    facts = {f["id"]: f for f in seed_view["facts"]}
    assert len({s["fact"] for s in summary}) == len(summary)  # no statement twice
    for s in summary:
        assert sorted(s["citations"]) == sorted(facts[s["fact"]]["articles"])
        assert not s["text"].startswith(("»", ",")) and "(Photo" not in s["text"]
    assert any(len(s["citations"]) == 2 for s in summary)


def test_graph_exports(seed_view: dict[str, Any]) -> None:
    g = seed_view["entity_graph"]
    assert g["nodes"] and g["edges"]
    xml = to_graphml(g)
    assert xml.startswith("<graphml") or "<graphml" in xml[:300]
