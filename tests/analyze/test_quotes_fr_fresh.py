"""The fresh French attribution gold of session 7 (tests/data/quotes-fr-fresh), held out
of all tuning: its strings must be in their texts, and the extractor must not fall
below the figures measured on it (floors a little under the measured ones, see
docs/measured/quality-quotes.md, "Fresh French gold (session 7)").

The gold is in the repository; its texts are the public SemEval and TimeBank files of
../shared/data, which are never copied here (project rule), so the tests skip, naming
them, only where that folder is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
GOLD = ROOT / "tests" / "data" / "quotes-fr-fresh"
TEXTS = [SHARED / "fr-timebank" / "dev", SHARED / "semeval2022-task8" / "training_set.csv"]


def _texts() -> list[Path]:
    if not TEXTS[0].is_dir() or not TEXTS[1].is_file():
        pytest.skip("../shared/data absent: fr-timebank/dev or semeval2022-task8/training_set.csv")
    return TEXTS


def test_fresh_gold_strings_are_in_their_texts() -> None:
    from veille.analyze.evaluate_quotes import gold_parts, read_string_gold

    docs = read_string_gold(GOLD, _texts())  # raises on a content string not in its text
    assert len(docs) == 128
    assert sum(len(d.attributions) for d in docs) >= 200
    for d in docs:
        for g in d.attributions:
            # a source or cue string missing from the text would silently lose its span
            assert g.source is not None or g.source_text is None, (d.name, g.source_text)
    assert set(gold_parts(GOLD).values()) == {"check"}  # the whole set is held out


@pytest.mark.slow
def test_extractor_holds_its_figures_on_the_fresh_gold() -> None:
    from veille.analyze.evaluate_quotes import evaluate

    out = evaluate(GOLD, "fr", "all", None, _texts()).as_dict()
    total = out["total"]
    assert isinstance(total, dict)
    assert out["precision"] >= 0.76, out["precision"]
    assert out["recall"] >= 0.47, out["recall"]
    assert total["recall_right_speaker"] >= 0.33, total
