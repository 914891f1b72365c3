"""The AQUAINT halves of ``eval timebank --part`` and the gold week, decade and century
notations."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.analyze.timebank import PARTS, evaluate, gold_value, part_of, timeml_value
from veille.core.model import TimeRef


def test_gold_weeks_are_read_padded() -> None:
    assert gold_value("2000-W7") == "2000-W07"
    assert gold_value("XXXX-W2-WE") == "XXXX-W02-WE"
    assert gold_value("2000-W15") == "2000-W15"
    assert gold_value("1998-08-04") == "1998-08-04"


def test_decades_and_centuries_in_one_notation() -> None:
    # AQUAINT (and ISO-TimeML) "196X" / "19XX", TimeBank (TimeML 1.2) "196" / "19"
    assert gold_value("196X") == gold_value("196") == "196"
    assert gold_value("19XX") == "19"
    assert gold_value("1990") == "1990" and gold_value("XXXX") == "XXXX"
    assert gold_value("1990-XX") == "1990-XX" and gold_value("PXY") == "PXY"
    ours = TimeRef("les années 1990", 0, 15, 0, "DATE", "199X", None, None, "decade", None)
    assert timeml_value(ours) == "199"


def test_halves_are_fixed_and_cover_every_document() -> None:
    names = [f"APW1998{i:04d}.0001" for i in range(40)]
    halves = [part_of(n) for n in names]
    assert set(halves) == {"a", "b"} and halves == [part_of(n) for n in names]
    assert PARTS == ("a", "b", "all")


def test_unknown_part_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        evaluate(tmp_path, "en", part="c")
