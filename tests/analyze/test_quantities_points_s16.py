"""Session 16 (issue #17, numbers helper): points that lead to a percentage are
percentage points ("a reculé de 0,3 point à 7,1 %" was a count of 0.3 "point"), and a
French ordinal written with spaces ("vingt et unième") is no count of twenty. Sentences
written here in the style of news (not from any dev set)."""

from __future__ import annotations

from veille.analyze.quantities import extract_quantities
from veille.core.model import Quantity


def _q(text: str, lang: str) -> list[Quantity]:
    return extract_quantities(text, [], lang)


def _first(text: str, lang: str) -> Quantity:
    return _q(text, lang)[0]


def test_points_leading_to_a_percentage_are_percentage_points() -> None:
    for text, lang in (("Le chômage a reculé de 0,3 point à 7,1 %.", "fr"),
                       ("La cote de popularité a chuté de 4 points à 38 %.", "fr"),
                       ("Unemployment fell 0.3 point to 4.1 percent.", "en"),
                       ("Her approval rating dropped 4 points to 38%.", "en")):
        q = _first(text, lang)
        assert (q.unit, q.kind, q.noun) == ("pp", "measure", None), text
        assert _q(text, lang)[1].kind == "percent", text


def test_other_points_stay_counted() -> None:
    for text, lang in (("Le PSG compte 5 points d'avance.", "fr"),
                       ("Le CAC 40 a perdu 120 points, soit 2,3 %.", "fr"),
                       ("The Dow fell 300 points, or 1.2%.", "en"),
                       ("James scored 30 points, shooting 52 percent.", "en")):
        q = _first(text, lang)
        assert (q.kind, q.unit) == ("count", None), text
        assert (q.noun or "").startswith("point"), text


def test_french_ordinal_with_spaces_is_no_count() -> None:
    assert not _q("Il a terminé vingt et unième de la course.", "fr")
    assert not _q("C'est la trente et unième édition du festival.", "fr")
    assert _first("Vingt et un morts ont été recensés.", "fr").value == 21


def _bounds(text: str, lang: str = "fr") -> list[tuple[float | None, float | None]]:
    return [(q.low, q.high) for q in _q(text, lang)]


def test_a_range_whose_bounds_are_both_said_negative_in_words() -> None:
    # "de moins 10 à moins 2 degrés" kept only -2 (a minus said in words before the
    # second bound was not read)
    assert _bounds("Les températures iront de moins 10 à moins 2 degrés.") == [(-10.0, -2.0)]
    assert _bounds("Les températures iront entre moins 10 et moins 2 degrés.") == [(-10.0, -2.0)]
    assert _bounds("Temperatures ranged from minus 10 to minus 2 degrees.", "en") == [
        (-10.0, -2.0)]
    # "moins de" before the second number is a bound, not a minus
    assert _bounds("Il y a eu de 10 à moins de 20 morts.") == [(None, 20.0)]


def test_au_plus_de_is_an_upper_bound() -> None:
    # "au plus de 40" was read as "plus de 40" (more than)
    assert _bounds("Le montant est au plus de 40 euros.") == [(None, 40.0)]


def test_hundreds_in_an_amount_said_in_parts() -> None:
    # "4 mille 3 cents" was 4,003 (after a scale word, "cents" is no money)
    assert [(q.value, q.unit) for q in _q("Il y avait 2 mille 5 cents personnes.", "fr")] == [
        (2500.0, None)]
    assert [(q.value, q.unit) for q in _q("It cost 2 thousand 5 hundred dollars.", "en")] == [
        (2500.0, "USD")]
    # cents alone stay money
    assert [(q.value, q.unit) for q in _q("Le prix a baissé de 3 cents.", "fr")] == [
        (0.03, "USD")]
