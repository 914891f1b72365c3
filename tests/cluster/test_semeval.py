"""SemEval-2022 task 8 pairs: the similarity against human same-story judgements."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.cluster.params import load_params
from veille.cluster.semeval import (
    _pearson,
    crawl_clock,
    evaluate_pairs,
    fit_cross_offset,
    ingest_check,
    pair_signals,
    read_pairs,
)

CSV = "semeval2022-task8/training_set.csv"


@pytest.fixture(scope="module")
def pairs(shared_data: Path) -> list[dict[str, str]]:
    path = shared_data / CSV
    if not path.is_file():
        pytest.skip(f"../shared/data absent: {path} not found (set VEILLE_SHARED_DATA)")
    return read_pairs(path)


@pytest.mark.slow  # ~1 min: every pair of the CSV through the encoder
def test_similarity_tracks_human_judgement(pairs: list[dict[str, str]], shared_data: Path) -> None:
    out = evaluate_pairs(shared_data / CSV, orders=2)
    allp = out["by_pair"]["all"]
    assert allp["n"] == len(pairs)
    # measured 0.63 (docs/measured/quality-clustering.md); unrelated scores would give ~0
    assert allp["pearson"] > 0.55
    assert allp["same_story"]["f1"] > 0.65
    assert out["by_pair"]["en-en"]["pearson"] > 0.7
    # The encoder, learned on one half and scored on the other: measured
    # 0.608 -> 0.708 overall, 0.542 -> 0.719 cross-language, F1 0.643 -> 0.824.
    enc = out["encoder"]
    assert enc["held_out"] + enc["learned_on"] == len(pairs)
    assert enc["after"]["pearson_cross"] > enc["before"]["pearson_cross"] + 0.1
    assert enc["after"]["pearson"] > 0.68
    assert enc["after"]["same_story_cross"]["f1"] > enc["before"]["same_story_cross"]["f1"]
    # The ingest check, the standard figure: both halves, mean and range over
    # arrival orders (two here; six by default), the pair order at the top level.
    for name, half in (("ingest_check", 1), ("ingest_check_tune", 0)):
        ing = out[name]
        assert ing["half"] == half and ing["orders"]["n"] == 2
        for k in ("same_story_cross_language", "unrelated_cross_language"):
            o = ing["orders"][k]
            assert o["together_per_order"][0] == ing[k]["together"]
            assert o["together_min"] <= o["together_mean"] <= o["together_max"] <= o["pairs"]
        same = ing["orders"]["same_story_cross_language"]
        unrelated = ing["orders"]["unrelated_cross_language"]
        assert same["together_mean"] / same["pairs"] > 3 * unrelated["together_mean"] / unrelated["pairs"]


@pytest.mark.slow
def test_cross_offset_learned_on_one_half_helps_the_other(pairs: list[dict[str, str]]) -> None:
    """Fitted on the cross-language pairs of one half (by pair id), the
    offset raises same-story recall on the other half's cross-language pairs."""
    base = load_params()
    base.weights = {**base.weights, "cross": 0.0}
    scored = [t for t in pair_signals(pairs[:700]) if t[0]["cross"]]
    train, test = scored[::2], scored[1::2]
    w = fit_cross_offset(train, base)
    assert 0.0 < w < 3.0

    def recall(offset: float) -> float:
        m = base.model()
        pos = [x for x, o, _, _ in test if o <= 1.5]
        return sum(m.logit({**x, "cross": 0.0}) + offset >= 0 for x in pos) / len(pos)

    assert recall(w) > recall(0.0)


def test_crawl_clock_dates_articles_by_their_ids(pairs: list[dict[str, str]]) -> None:
    """The ids are Media Cloud story ids in crawl order: a line fitted on the
    dates the texts write (no label read) dates every article."""
    clock = crawl_clock(pairs)
    assert clock is not None
    assert clock.fitted_on >= 100  # measured 178 articles writing a full date
    assert 0.8e-6 < clock.days_per_id < 1.4e-6  # measured 1.10 days per million ids
    # "Internationaler Tag zur Abschaffung von Tierversuchen (24. April)", a preview
    row = next(r for r in pairs if r["pair_id"].startswith("1586893419_"))
    assert "(24. April)" in row["text1"]
    day = clock.day("1586893419")
    assert day is not None and (day.year, day.month) == (2020, 4) and 17 <= day.day <= 24
    # a machine translation ("...it") is dated as its original
    assert clock.day("1484039360it") == clock.day("1484039360")


def test_dated_gap_tracks_the_time_subscore(pairs: list[dict[str, str]]) -> None:
    """With the clock, the clusterer's time-gap signal measures what the
    annotators' Time sub-score does (measured Pearson 0.70 on all pairs)."""
    scored = pair_signals(pairs, embed=False, clock=crawl_clock(pairs))
    gaps = [x["gap"] for x, *_ in scored]
    assert sum(g > 0 for g in gaps) > len(gaps) / 3
    assert (_pearson(gaps, [float(r["Time"]) for r in pairs]) or 0.0) > 0.5
    undated = pair_signals(pairs[:50], embed=False)
    assert all(x["gap"] == 0 for x, *_ in undated)


def test_dated_ingest_check_counts_chains(pairs: list[dict[str, str]]) -> None:
    """A dated stream runs in publication order; chains (stories linked to a
    predecessor) are a coarser partition than stories, so they hold at least
    as many pairs together."""
    out = ingest_check(pairs[:240], half=1, orders=1, clock=crawl_clock(pairs))
    assert set(out["chains"]) == {k for k in out if k.startswith(("same_story", "unrelated"))}
    for k, v in out["chains"].items():
        assert v["together_per_order"][0] >= out[k]["together"]
