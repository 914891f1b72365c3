"""Property tests: extractors never raise and return spans inside the text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.analyze.quantities import extract_quantities
from veille.analyze.temporal import extract_times
from veille.core.model import DateRange, Sentence

PIECES = st.sampled_from([
    "le 7 et 8 juillet", "hier soir", "vendredi", "à 22 h 30", "1945", "15 mois", "l'an dernier",
    "50 000 à 60 000 hommes", "quatre des six", "5,2 milliards de $", "%", "29/2", "12/05/2021",
    "il y a", "yesterday", "next week", "3 p.m.", "de", "et", ",", " ", "\n", "\u202f", "é", "’",
])
TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(PIECES | st.text(max_size=5), max_size=40).map("".join),
)
REFS = st.sampled_from([
    DateRange(date(2023, 6, 1), date(2023, 6, 30), "month"),
    DateRange(date(2024, 2, 29), date(2024, 2, 29), "day"),
    DateRange(date(2023, 1, 1), date(2023, 12, 31), "year"),
    DateRange.unknown(),
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, REFS, st.sampled_from(["fr", "en", None, "de"]))
def test_extractors_never_raise_and_stay_in_bounds(text: str, ref: DateRange, lang: str | None) -> None:
    sents = [Sentence(0, 0, len(text), text)] if text else []
    for t in extract_times(text, sents, ref, lang):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.sentence == 0
        if t.range_start and t.range_end:
            assert t.range_start <= t.range_end
    for x in extract_quantities(text, sents, lang):
        assert 0 <= x.start < x.end <= len(text)
        assert text[x.start : x.end] == x.text
        if x.value_max is not None and x.value is not None:
            assert x.value <= x.value_max
