"""B-cubed on hand-computed examples (Amigó et al. 2009 definitions)."""

from __future__ import annotations

import pytest

from veille.cluster.bcubed import bcubed

GOLD = {"a": 1, "b": 1, "c": 2}


def test_perfect_clustering() -> None:
    assert bcubed({"a": "x", "b": "x", "c": "y"}, GOLD) == (1.0, 1.0, 1.0)


def test_everything_in_one_cluster() -> None:
    # a, b: 2 of the 3 in their cluster share their label; c: 1 of 3.
    p, r, f = bcubed({"a": "x", "b": "x", "c": "x"}, GOLD)
    assert p == pytest.approx(5 / 9)
    assert r == 1.0
    assert f == pytest.approx(2 * (5 / 9) / (5 / 9 + 1))


def test_all_singletons() -> None:
    # a, b: their gold cluster has 2 items, they recover 1; c recovers itself.
    p, r, _ = bcubed({"a": "x", "b": "y", "c": "z"}, GOLD)
    assert p == 1.0
    assert r == pytest.approx(2 / 3)


def test_labels_are_opaque_and_unknown_items_ignored() -> None:
    assert bcubed({"a": 7, "b": 7, "c": 8, "zz": 7}, GOLD) == (1.0, 1.0, 1.0)
    assert bcubed({}, GOLD) == (0.0, 0.0, 0.0)
