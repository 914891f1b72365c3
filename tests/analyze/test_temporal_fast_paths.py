"""The speed-ups of the time/quantity extractors change no result.

The grammar scan skips IGNORECASE and gates rare rules on a substring test
when the folded text is plain lower case (see ``temporal.fold.NEEDS_IGNORECASE``
and the rules' gates in ``temporal.rules``). Here the same texts go through the fast path and
through the original path (IGNORECASE, every rule scanned), forced by making
the guard always fire, and must give identical output.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.analyze.evaluate import read_seed
from veille.analyze.quantities import extract_quantities
from veille.analyze.temporal import candidates, extract_times, fold, fold_same_length
from veille.core.model import DateRange
from veille.ingest.normalize import normalize_text

REPO = Path(__file__).resolve().parents[2]
REFS = [
    DateRange.unknown(),
    DateRange(date(2023, 6, 9), date(2023, 6, 9), "day"),
    DateRange(date(2023, 6, 1), date(2023, 6, 30), "month"),
    DateRange(date(2022, 1, 1), date(2022, 12, 31), "year"),
]
PIECES = st.sampled_from([
    "il y a trois ans", "voici deux semaines", "two weeks ago", "à Noël", "le 14 juillet 2022",
    "Christmas Eve", "au XXe siècle", "les années 80", "in the 1990s", "au premier trimestre",
    "à midi", "vers minuit", "vendredi 16", "last Monday", "hier soir", "aujourd'hui,", "tomorrow",
    "le quinquennat", "Mai 68", "en mars", "May", "12/05/2021", "2023-05-12", "50 000 hommes",
    "5,2 milliards de $", "12 %", "1945", "15 mois", "l'an dernier", "le lendemain", "la veille",
    "le soir même", "the next day", "ce matin", "this evening", "dans la nuit de samedi",
    "during the afternoon", "les derniers mois", "the past few weeks", "fin de semaine",
    "au milieu du mois", "end of the year", "chaque lundi", "les mardis", "quotidiennement",
    "weekly", "le 12/5", "de", "et", ", ", " ", "\n",
])
TEXT = st.lists(PIECES | st.text(alphabet="abcdehilmnorstuy0123456789 ,'", max_size=6),
                max_size=30).map("".join)


def _outputs(text: str, lang: str) -> tuple[list[object], list[object]]:
    candidates.selected.cache_clear()
    times = [extract_times(text, [], ref, lang) for ref in REFS]
    return times, extract_quantities(text, [], lang)


def _original_path(monkeypatch: pytest.MonkeyPatch) -> None:
    always = re.compile("")  # the guard fires: IGNORECASE, no gates
    monkeypatch.setattr(fold, "NEEDS_IGNORECASE", always)


def test_seeds_same_output_on_both_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted((REPO / "examples").glob("*.txt"))
    if not paths:
        pytest.skip("examples/ absent")
    texts = [read_seed(p, normalize_text)[0] for p in paths]
    fast = [_outputs(t, "fr") for t in texts]
    _original_path(monkeypatch)
    assert [_outputs(t, "fr") for t in texts] == fast
    candidates.selected.cache_clear()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(TEXT, st.sampled_from(["fr", "en"]))
def test_generated_text_same_output_on_both_paths(
    monkeypatch: pytest.MonkeyPatch, text: str, lang: str
) -> None:
    fast = _outputs(text, lang)
    with monkeypatch.context() as m:
        _original_path(m)
        slow = _outputs(text, lang)
    candidates.selected.cache_clear()
    assert slow == fast


def test_compatibility_capitals_keep_case_insensitive_matching() -> None:
    # "ℌ" folds to an upper-case "H": the scan must stay case-insensitive for such a text
    text = "Ils ont marché pendant trois ℌeures."
    assert "Heures" in fold_same_length(text)
    got = extract_times(text, [], DateRange.unknown(), "fr")
    assert [(t.text, t.value) for t in got] == [("trois ℌeures", "PT3H")]
