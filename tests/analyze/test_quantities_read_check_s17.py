"""Quantity forms found wrong on reading unseen French news (#17, session 17 read check:
20 French TimeBank dev documents outside the quantity gold, ``random.Random(1717)``).
The sentences are written here in the style of what was read, not copied.
"""

from __future__ import annotations

from typing import Any

from veille.analyze.quantities import extract_quantities


def _got(nlp: Any, text: str, lang: str = "fr") -> list[tuple[str, float | None, str, str | None]]:
    return [(q.text, q.value, q.kind, q.unit)
            for q in extract_quantities(text, [], lang, doc=nlp(text))]


def test_points_after_the_percentage_they_change_are_percentage_points(nlp_fr: Any) -> None:
    # 2002-09-01-0536 (a poll): "l'inquiétude (21 %, en baisse de 9 points)" counted 9 points
    got = _got(nlp_fr, "Le pessimisme recule (24 %, en baisse de 6 points), devant la "
                       "colère (18 %, en hausse de 2 points par rapport à mars).")
    assert [(v, k, u) for _, v, k, u in got] == [
        (24.0, "percent", "percent"), (6.0, "measure", "pp"),
        (18.0, "percent", "percent"), (2.0, "measure", "pp")]
    got = _got(nlp_fr, "Le parti obtient 24 % et gagne 3 points en un mois.")
    assert [(v, u) for _, v, _, u in got] == [(24.0, "percent"), (3.0, "pp")]
    # no percentage before, or points larger than it, or no change said: still points
    assert _got(nlp_fr, "Le CAC 40 a perdu 2 %, soit 100 points.")[-1][2:] == ("count", None)
    assert _got(nlp_fr, "Il recueille 52 % des voix et devance son rival de 10 points "
                        "au second tour.")[-1][2:] == ("count", None)


def test_points_after_the_percentage_in_english(nlp_en: Any) -> None:
    got = _got(nlp_en, "Her approval rating stands at 38%, down 4 points from May.", "en")
    assert [(v, u) for _, v, _, u in got] == [(38.0, "percent"), (4.0, "pp")]
    got = _got(nlp_en, "The Dow fell 1.2%, or 300 points, by the close.", "en")
    assert [(v, u) for _, v, _, u in got] == [(1.2, "percent"), (300.0, None)]


def test_near_a_place_is_no_count_of_one(nlp_fr: Any) -> None:
    # 2003-01-24-0478a: "des tireurs ont ouvert le feu sur un véhicule près d'une colonie"
    # counted about 1 colony
    assert _got(nlp_fr, "Des hommes armés ont tiré sur une voiture près d'une colonie "
                        "de Cisjordanie.") == []
    # a bound that is no approximation still makes "un" a number
    assert [v for _, v, _, _ in _got(nlp_fr, "Au moins un soldat a été blessé.")] == [1.0]
    assert [v for _, v, _, _ in _got(nlp_fr, "Près d'un million de personnes ont défilé.")] == [
        1e6]


def test_a_currency_named_by_its_plural_noun_is_money(nlp_en: Any) -> None:
    # news-clusters row 82 (i24news.tv): "a transfer of 40 million shekels ($11 million)"
    # counted 40 million shekels; CLDR's "Israeli new shekels" gives the bare noun, which
    # no other current currency has
    got = _got(nlp_en, "The ministry approved 25 million shekels for the new clinic.", "en")
    assert [(v, k, u) for _, v, k, u in got] == [(25e6, "money", "ILS")]
    got = _got(nlp_en, "The fine was raised to 80,000 hryvnias.", "en")
    assert [(k, u) for _, _, k, u in got] == [("money", "UAH")]
    # a noun several currencies share names none of them ("shillings": Kenya, Uganda,
    # Tanzania...), nor does a word that is also a verb ("won")
    assert [u for *_, u in _got(nlp_en, "He paid 500 shillings for the ride.", "en")] != ["KES"]
    assert [u for *_, u in _got(nlp_en, "She won 3 medals.", "en")] == [None]


def test_the_second_part_of_a_ratio_is_no_count(nlp_en: Any) -> None:
    # news-clusters row 103 (thesun.co.uk): "the large 18:9 bezel-less screen" counted 9
    # screens
    assert _got(nlp_en, "Both phones keep the tall 18:9 bezel-less display.", "en") == []
    got = _got(nlp_en, "Chelsea won 3:1 against 10 men.", "en")
    assert [(v, k) for _, v, k, _ in got] == [(10.0, "count")]


def test_a_time_noun_the_number_does_not_modify_is_not_counted(nlp_en: Any) -> None:
    # news-clusters row 139 (washingtonpost.com): "Palmer turned 38 last week" gave the age
    # the noun "week"
    got = extract_quantities("The quarterback turned 38 last week and may retire.", [], "en",
                             doc=nlp_en("The quarterback turned 38 last week and may retire."))
    assert [(q.value, q.kind, q.noun) for q in got] == [(38.0, "age", None)]
    # the noun the number modifies stays: "3 years old", "three terms"
    got = extract_quantities("He served three terms in office.", [], "en",
                             doc=nlp_en("He served three terms in office."))
    assert [(q.value, q.noun) for q in got] == [(3.0, "terms")]


def test_every_tense_of_going_past_a_number_is_more_than() -> None:
    # probed (session 17): "dépassant 20" was exactly 20 ("dépasse", "dépassent" were read)
    for text, low in (("Un déficit excédant 3 % du PIB.", 3.0),
                      ("Les températures dépasseront 40 degrés.", 40.0),
                      ("Des vents dépassant 120 km/h ont soufflé.", 120.0)):
        q = extract_quantities(text, [], "fr")[0]
        assert (q.low, q.high, q.modifier) == (low, None, "more_than"), text
    q = extract_quantities("Le bilan ne dépasse pas 30 morts.", [], "fr")[0]
    assert (q.low, q.high) == (None, 30.0)


def test_a_change_from_one_value_to_another_is_no_range() -> None:
    # probed (session 17): "Le bilan est passé de 12 à 15 morts" was a range of 12 to 15
    # dead (an uncertainty the text does not state): it is the toll before and after
    got = extract_quantities("Le bilan est passé de 12 à 15 morts dans la nuit.", [], "fr")
    assert [(q.value, q.value_max, q.noun) for q in got] == [(12.0, None, "morts"),
                                                             (15.0, None, "morts")]
    got = extract_quantities("Le taux est passé de 3 % à 4,5 % en un an.", [], "fr")
    assert [(q.value, q.value_max) for q in got] == [(3.0, None), (4.5, None)]
    got = extract_quantities("The death toll rose from 12 to 15 people.", [], "en")
    assert [(q.value, q.value_max) for q in got] == [(12.0, None), (15.0, None)]
    # "augmenter de" may say by how much, "between" and a bare "de ... à" are ranges
    got = extract_quantities("Les prix ont augmenté de 2 à 3 % cette année.", [], "fr")
    assert [(q.value, q.value_max) for q in got] == [(2.0, 3.0)]
    got = extract_quantities("De 15 à 20 morts selon les sources.", [], "fr")
    assert [(q.value, q.value_max) for q in got] == [(15.0, 20.0)]
    got = extract_quantities("Prices rose between 2 and 3% last year.", [], "en")
    assert [(q.value, q.value_max) for q in got] == [(2.0, 3.0)]
