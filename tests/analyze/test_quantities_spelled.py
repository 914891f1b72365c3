"""Numbers written out (#17, session 7): read back what another library writes.

num2words (a dev dependency) spells numbers, fractions and decimals in French and
English the way a text does; the extractor must read every one back. The numbers
are a fixed pseudo-random sample, not a list anyone tuned on.
"""

from __future__ import annotations

import random

import pytest

from veille.analyze.quantities import extract_quantities

num2words = pytest.importorskip("num2words").num2words

SAMPLE = sorted({*range(1, 130), *random.Random(17).sample(range(130, 10**7), 120)})


def values(text: str, lang: str) -> list[float | None]:
    # num2words writes English cheque-style ("eighty-six thousand, six hundred"); in
    # running text a comma there separates two numbers, so it is dropped here
    text = text.replace(",", "")
    return [q.value for q in extract_quantities(text, [], lang, keep_bare=True, skip_times=False)]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_cardinals_and_negatives_read_back(lang: str) -> None:
    minus = "moins" if lang == "fr" else "minus"
    bad = [x for x in SAMPLE if values(num2words(x, lang=lang), lang) != [x]
           and x != 1]  # "un"/"one" alone is an article, not a count
    bad += [-x for x in SAMPLE[:60] if values(f"{minus} {num2words(x, lang=lang)}", lang) != [-x]]
    assert bad == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_fractions_with_compound_ordinals(lang: str) -> None:
    """"quatre vingt-septièmes" is 4/27 (not 80/7), "neuf vingt et unièmes" 9/21,
    "seventeen thirty-seconds" 17/32: the ordinal is hyphenated or joined by "et"."""
    rng = random.Random(5)
    bad = []
    for _ in range(80):
        n, d = rng.randint(2, 30), rng.choice([3, 5, 6, 7, 9, 12, 21, 22, 27, 31, 32, 36])
        den = "third" if (lang, d) == ("en", 3) else num2words(d, lang=lang, to="ordinal")
        text = f"{num2words(n, lang=lang)} {den}s"
        got = values(text, lang)
        if len(got) != 1 or got[0] != pytest.approx(n / d):
            bad.append((text, got))
    assert bad == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_spoken_decimals(lang: str) -> None:
    rng = random.Random(3)
    bad = []
    for _ in range(60):
        x = round(rng.randint(0, 999) + rng.randint(1, 99) / 100, 2)
        text = num2words(x, lang=lang)  # "trois cent soixante-huit virgule huit neuf"
        got = values(text, lang)
        if len(got) != 1 or got[0] != pytest.approx(x):
            bad.append((text, got))
    assert bad == []


def test_spoken_decimals_take_scales_and_units_but_not_idioms() -> None:
    (a,) = extract_quantities("Le déficit atteint douze virgule cinq millions d'euros.", [], "fr")
    assert (a.value, a.unit) == (12_500_000, "EUR")
    (b,) = extract_quantities("Inflation rose to two point five percent.", [], "en")
    assert (b.value, b.unit) == (2.5, "percent")
    # "at one point": no 1.2
    assert [q.value for q in extract_quantities("At one point two men ran.", [], "en")] == [2]


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("de", "Die Stadt zahlt 3,5 Millionen Euro für 20.000 Tonnen.",
     [(3_500_000, "EUR"), (20_000, "t")]),
    ("de", "Der Konzern verlor 2,3 Mrd. Dollar, 45 Prozent weniger.",
     [(2_300_000_000, "USD"), (45, "percent")]),
    ("es", "El plan cuesta 1.500 millones de dólares y cubre 12 kilómetros.",
     [(1_500_000_000, "USD"), (12, "km")]),
    ("it", "Il governo stanzia 3,5 milioni di euro.", [(3_500_000, "EUR")]),
    ("pl", "Spółka była warta 34,14 mld zł, czyli 5 mld złotych więcej.",
     [(34_140_000_000, "PLN"), (5_000_000_000, "PLN")]),
])
def test_languages_without_a_pack_read_money_and_measures_by_cldr(
        lang: str, text: str, want: list[tuple[float, str]]) -> None:
    """German "20.000" is twenty thousand (CLDR's separators), "Millionen", "mld"
    scale (CLDR's compact names), "Euro", "zł", "złotych" are money (CLDR's currency
    names; the country's own currency without its adjective)."""
    got = [(q.value, q.unit) for q in extract_quantities(text, [], lang)]
    assert got == [(pytest.approx(v), u) for v, u in want]


def test_language_without_a_pack_guesses_no_counted_noun() -> None:
    # no function words, no parse: a count without a unit is left out, not guessed
    assert extract_quantities("Mehr als 20.000 Menschen flohen.", [], "de") == []
    assert extract_quantities("20 000 osób", [], "pl", keep_bare=True)[0].value == 20_000


def test_fractions_of_scales_are_amounts_and_minus_applies() -> None:
    (a,) = extract_quantities("Une demi-douzaine de blessés ont été transportés.", [], "fr")
    assert (a.value, a.kind, a.approximate, a.noun) == (6, "count", True, "blessés")
    (b,) = extract_quantities("Half a million people fled the city.", [], "en")
    assert (b.value, b.kind, b.noun) == (500_000, "count", "people")
    (c,) = extract_quantities("moins trois quarts", [], "fr", keep_bare=True, skip_times=False)
    assert (c.value, c.kind) == (-0.75, "fraction")  # "moins" is a regex word of the pack


def test_ordinals_written_out_are_not_their_first_word_and_commas_group() -> None:
    assert extract_quantities("au vingt-et-unième siècle", [], "fr", keep_bare=True) == []
    assert extract_quantities("the twenty-first century", [], "en", keep_bare=True) == []
    (y,) = extract_quantities("a twenty-five-year-old man", [], "en")
    assert (y.value, y.kind) == (25, "age")
    (m,) = extract_quantities("Il a reçu 1,000,000 votes.", [], "fr")
    assert m.value == 1_000_000  # two commas are never a decimal comma


def test_english_halves_dozens_and_dollar_signs() -> None:
    def one(text: str) -> tuple[float | None, str | None, bool]:
        (q,) = extract_quantities(text, [], "en")
        return q.value, q.unit, q.approximate

    assert one("One and a half million people fled.") == (1_500_000, None, False)
    assert one("A dozen people were hurt.") == (12, None, True)
    assert one("The deal is worth US$5 million.") == (5_000_000, "USD", False)
    assert one("It sold for A$2bn.") == (2_000_000_000, "AUD", False)


@pytest.mark.parametrize(("text", "lang", "bounds"), [
    ("Entre deux et trois soldats ont été blessés.", "fr", (2, 3)),
    ("entre vingt et trente soldats", "fr", (20, 30)),
    ("between twenty and thirty people", "en", (20, 30)),
    # a joiner that makes one number stays one
    ("vingt et un soldats", "fr", (21, 21)),
    ("soixante et onze soldats", "fr", (71, 71)),
    ("mille et un soldats", "fr", (1001, 1001)),
    ("one hundred and two people", "en", (102, 102)),
])
def test_ranges_of_words_split_at_the_joiner(text: str, lang: str,
                                             bounds: tuple[float, float]) -> None:
    (q,) = extract_quantities(text, [], lang)
    assert (q.low, q.high) == bounds
