"""Session 19 (issue #17): an amount times its scale word is the decimal the text wrote.

Sentences after news-clusters rows 125 and 172 (Goldman Sachs' fourth quarter, AP) and a
SemEval German page (Destatis' exports), read in the session's quantity read check.
"""

from __future__ import annotations

import pytest

from veille.analyze.quantities import extract_quantities


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("en", "It had been expected to post fourth-quarter net income of $2.07 billion.",
     2_070_000_000.0),  # was 2069999999.9999998
    ("de", "Die Exporte in die EU-Staaten sanken auf 273,1 Milliarden Euro.",
     273_100_000_000.0),  # was 273100000000.00003
    ("fr", "La dette atteint 1,1 milliard d'euros.", 1_100_000_000.0),
])
def test_scaled_amounts_are_the_decimals_written(lang: str, text: str, value: float) -> None:
    got = [q.value for q in extract_quantities(text, [], lang)]
    assert got == [value]
    assert repr(got[0]) == repr(value)
