"""The ingest check over several arrival orders (``semeval.stream_orders``,
``ingest_check(orders=...)``) on real SemEval pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.cluster.params import load_params
from veille.cluster.semeval import (
    ingest_articles,
    ingest_check,
    pair_half,
    read_pairs,
    stream_orders,
    text_vector,
)
from veille.embed import embed_articles

CSV = "semeval2022-task8/training_set.csv"


def test_a_cached_text_vector_is_the_vector_a_fresh_call_gives(seeds_dir: Path) -> None:
    """The evaluation embeds each distinct text once; the encoder reads one
    article per call, so the cached vector must equal a fresh one."""
    text = next(p for p in sorted(seeds_dir.iterdir()) if p.is_file()).read_text(encoding="utf-8")
    first = text_vector(text)
    assert text_vector(text) is first  # embedded once
    (fresh,) = embed_articles([(None, text)])
    assert fresh.vector is not None and (fresh.vector == first).all()


def test_orders_are_fixed_permutations_starting_with_the_given_one() -> None:
    orders = stream_orders(50, 4)
    assert orders[0] == list(range(50))
    assert all(sorted(o) == list(range(50)) for o in orders)
    assert len({tuple(o) for o in orders}) == 4  # each seed its own order
    assert stream_orders(50, 4) == orders  # the same on every run
    assert stream_orders(50, 1) == [list(range(50))]


@pytest.mark.slow
def test_several_orders_keep_the_pair_order_counts_and_add_their_own(shared_data: Path) -> None:
    path = shared_data / CSV
    if not path.is_file():
        pytest.skip(f"../shared/data absent: {path} not found (set VEILLE_SHARED_DATA)")
    rows = [r for r in read_pairs(path) if pair_half(r["pair_id"]) == 1][:120]
    texts, pairs = ingest_articles(rows, 1)
    assert len(pairs) == 120 and len(texts) <= 240
    vectors = [text_vector(t) for t, _ in texts.values()]
    one = ingest_check(rows, load_params(), half=1, vectors=vectors)
    three = ingest_check(rows, load_params(), half=1, orders=3, vectors=vectors)
    assert "orders" not in one
    keys = [k for k in one if k.startswith(("same_story", "unrelated"))]
    assert len(keys) == 4 and sum(one[k]["pairs"] for k in keys) <= 120
    for k in keys:
        assert three[k] == one[k]  # the top level is still the pair order
        got = three["orders"][k]
        assert got["pairs"] == one[k]["pairs"]
        assert got["together_per_order"][0] == one[k]["together"]
        assert len(got["together_per_order"]) == 3
        assert all(0 <= t <= got["pairs"] for t in got["together_per_order"])
        assert got["together_mean"] == pytest.approx(sum(got["together_per_order"]) / 3, abs=0.01)
    # Same-story pairs end together far more often than unrelated ones, in every order.
    for i in range(3):
        same = sum(three["orders"][k]["together_per_order"][i] for k in keys if k.startswith("same_story"))
        unrel = sum(three["orders"][k]["together_per_order"][i] for k in keys if k.startswith("unrelated"))
        n_same = sum(one[k]["pairs"] for k in keys if k.startswith("same_story"))
        n_unrel = sum(one[k]["pairs"] for k in keys if k.startswith("unrelated"))
        assert same / n_same > 0.6 > 0.2 > unrel / n_unrel
