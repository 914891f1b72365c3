"""Session 19, English quotes: behaviour checked on real text (sources in each test)."""

from __future__ import annotations

from veille.analyze.names import is_generation, without_generation


def _cut(name: str) -> list[str]:
    return without_generation(name.split())


def test_a_generation_is_read_alike_by_the_entity_and_the_quote_steps() -> None:
    """PolNeAR train breitbart_2016-01-01 ("Luther Stan Pate IV") and the
    usual generation words: one predicate (``names``) for the surname repair
    of the entity step and the unlisted people of the quote steps, which had
    decided it apart (case, a stacked generation)."""
    assert _cut("Luther Stan Pate IV") == ["Luther", "Stan", "Pate"]
    assert _cut("Martin Luther King Jr.")[-1] == "King"
    assert _cut("Robert F. Kennedy Jr.,")[-1] == "Kennedy"
    assert _cut("MARTIN LUTHER KING JR.")[-1] == "KING"
    # two words stay: a monarch's numeral is no surname to find, and no
    # surname is left to strip it from
    assert _cut("Elizabeth II") == ["Elizabeth", "II"]
    assert not is_generation("Pate") and not is_generation("Vi")
