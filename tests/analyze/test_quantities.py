"""extract_quantities: seed quantities, French/English formats, ranges, partitives, money."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veille.analyze.quantities import extract_quantities
from veille.core.model import Quantity
from veille.ingest.normalize import normalize_text

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "data" / "gold" / "seeds_times_quantities.json"


def seed_body(name: str) -> str:
    raw = (REPO / "examples" / name).read_text(encoding="utf-8")
    return normalize_text(raw.lstrip()[len("date 2023-06") :])


def q(text: str, lang: str = "fr") -> list[Quantity]:
    return extract_quantities(text, [], lang)


def by_text(qs: list[Quantity], text: str) -> Quantity:
    hits = [x for x in qs if x.text == text]
    assert hits, f"{text!r} not in {[x.text for x in qs]}"
    return hits[0]


def test_seed_quantities_match_hand_gold() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for art in gold["articles"]:
        body = seed_body(art["file"])
        got = {(x.start, x.end): x for x in extract_quantities(body, [], "fr")}
        for g in art["quantities"]:
            assert body[g["start"] : g["end"]] == g["text"]
            x = got.get((g["start"], g["end"]))
            assert x is not None, g["text"]
            assert (x.value, x.value_max, x.noun) == (g["value"], g["value_max"], g["noun"])
            assert x.of_total == g["of_total"]


def test_seed_years_and_dates_are_not_quantities() -> None:
    body = seed_body("000_07f07504d3202a46.txt")
    texts = [x.text for x in extract_quantities(body, [], "fr")]
    assert not any("1945" in t or "1991" in t or "juillet" in t or "15 mois" in t for t in texts)


def test_french_number_formats() -> None:
    qs = q("La ville compte 70.000 habitants, 1 500\u202fpoliciers et 2\u00a0300 pompiers.")
    assert by_text(qs, "70.000 habitants").value == 70000
    assert by_text(qs, "1 500\u202fpoliciers").value == 1500
    assert by_text(qs, "2\u00a0300 pompiers").value == 2300
    assert by_text(q("La course fait 42,195 km."), "42,195 km").value == pytest.approx(42.195)


def test_money_percent_and_scales() -> None:
    qs = q("Le plan coûte 5,2 milliards de dollars, soit 12,5 % du budget et 300 000 €.")
    money = by_text(qs, "5,2 milliards de dollars")
    assert (money.value, money.unit) == (5.2e9, "USD")
    assert by_text(qs, "12,5 %").unit == "percent"
    assert by_text(qs, "300 000 €").value == 300000
    assert by_text(q("La dette atteint un billion d'euros."), "un billion d'euros").value == 1e12


def test_ranges_partitives_and_words() -> None:
    qs = q("Entre 2 000 et 3 000 manifestants ont défilé ; trois des cinq ponts sont fermés.")
    r = by_text(qs, "Entre 2 000 et 3 000 manifestants")
    assert (r.value, r.value_max, r.noun) == (2000, 3000, "manifestants")
    p = by_text(qs, "trois des cinq ponts")
    assert (p.value, p.of_total, p.noun) == (3, 5, "ponts")
    qs = q("Vingt et un chars et quatre-vingt-dix blessés, deux ou trois témoins.")
    assert by_text(qs, "Vingt et un chars").value == 21
    assert by_text(qs, "quatre-vingt-dix blessés").value == 90
    # "deux ou trois": two guesses of one count, a rough range (session 11; two numbers before)
    w = by_text(qs, "deux ou trois témoins")
    assert (w.low, w.high, w.approximate) == (2, 3, True)


def test_not_quantities() -> None:
    assert q("Un missile RS-24 a remporté sa 35e victoire le 1er mai 2022.") == []
    assert q("Il y a une heure, un homme est venu.") == []


def test_english() -> None:
    qs = q("Officials counted 1,200 troops, $5bn in aid and four of the six missiles.", "en")
    assert by_text(qs, "1,200 troops").value == 1200
    assert by_text(qs, "$5bn").value == 5e9
    m = by_text(qs, "four of the six missiles")
    assert (m.value, m.of_total, m.noun) == (4, 6, "missiles")
    assert by_text(q("They destroyed 21 armored vehicles.", "en"), "21 armored vehicles").value == 21


def test_uses_spacy_doc_for_the_noun_when_given(nlp_fr: object) -> None:
    text = "L'armée a détruit 21 nouveaux véhicules blindés. Kiev compte 12 brigades totalisant 900 chars."
    doc = nlp_fr(text)  # type: ignore[operator]
    got = {x.text: x for x in extract_quantities(text, [], "fr", doc=doc)}
    assert got["21 nouveaux véhicules blindés"].noun == "véhicules blindés"
    assert got["12 brigades"].noun == "brigades"
    assert got["900 chars"].value == 900


@pytest.fixture(scope="module")
def nlp_fr() -> object:
    spacy = pytest.importorskip("spacy")
    from veille.core.settings import SPACY_MODELS

    return spacy.load(SPACY_MODELS["fr"], disable=["ner", "lemmatizer"])
