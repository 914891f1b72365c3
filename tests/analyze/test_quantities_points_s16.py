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
