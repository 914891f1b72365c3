"""Quantity forms found wrong on reading unseen news (#17, session 7 read check).

Sentences are written for the tests in the style of the articles read (news-clusters,
SemEval); each names what a story page showed wrong before.
"""

from __future__ import annotations

from typing import Any

from veille.analyze.quantities import extract_quantities


def parsed(nlp: Any, text: str) -> list[tuple[str | None, str | None]]:
    return [(q.text, q.noun_lemma) for q in extract_quantities(text, [], "en", doc=nlp(text))]


def test_the_counted_noun_is_the_one_modifiers_lead_to(nlp_en: Any) -> None:
    # "eight current" / "six … crime" / "22 tram" were the counted nouns
    assert parsed(nlp_en, "Eight current or former members of the party were named.") == [
        ("Eight current or former members", "member")]
    assert parsed(nlp_en, "DC united six of its biggest crime-fighters in one film.")[0][1] \
        == "fighter"
    assert parsed(nlp_en, "Police counted 22 tram-related accidents last year.")[0][1] \
        == "accident"


def test_currency_named_with_its_country_is_that_currency() -> None:
    """CLDR's names: "Egyptian pounds" are EGP (they were a count of "pounds"), not GBP."""
    got = [(q.value, q.unit) for q in extract_quantities(
        "They were fined 30,000 Egyptian pounds each and 12 million Hong Kong dollars.",
        [], "en")]
    assert got == [(30_000, "EGP"), (12_000_000, "HKD")]
    (fr,) = extract_quantities("Le club paie 3 millions de francs suisses.", [], "fr")
    assert (fr.value, fr.unit) == (3_000_000, "CHF")


def test_telephone_numbers_are_not_counts(nlp_en: Any) -> None:
    text = "Email us at tips@example.co.uk or call 0207 782 4368"
    assert extract_quantities(text, [], "en", doc=nlp_en(text)) == []
    # thousands groups stay one number; two numbers side by side stay two
    assert [q.value for q in extract_quantities("12 500 soldats", [], "fr")] == [12_500]
    assert [q.value for q in extract_quantities("423 0000 nombres", [], "fr", keep_bare=True)] \
        == [423, 0]


def test_labels_list_dashes_and_phone_numbers_count_nothing(nlp_en: Any, nlp_fr: Any) -> None:
    """Read check, second pass: "Flight 175", "season 1 episode 7", "the No. 1 seed",
    "call 911" were counts; "- 3.5mm headphone jack" (a list dash) was minus 3.5 mm."""
    assert parsed(nlp_en, "Flight 175 was carrying 226 passengers.") == [
        ("226 passengers", "passenger")]
    assert parsed(nlp_en, "He scored 20 points in game 3.") == [("20 points", "point")]
    assert parsed(nlp_en, "They enter as the No. 1 seed.") == []
    assert parsed(nlp_en, "Someone shouted for a guard to call 911.") == []
    assert parsed(nlp_en, "He called 30 people.") == [("30 people", "people")]
    text = "Features - 3.5mm headphone jack - 5.8 inch screen"
    assert [q.value for q in extract_quantities(text, [], "en", doc=nlp_en(text))] == [3.5, 5.8]
    fr = "Le vol 175 transportait 226 passagers. Poutine a appelé 300 000 réservistes."
    assert [q.value for q in extract_quantities(fr, [], "fr", doc=nlp_fr(fr))] == [226, 300_000]


def test_cfa_francs_are_not_swiss_francs() -> None:
    """West African news counts in CFA francs (about 656 to the euro); "francs" alone was
    read as CHF, so "10 000 francs CFA" compared with Swiss francs."""
    got = [(q.value, q.unit, q.kind) for q in extract_quantities(
        "Le salaire minimum passe à 60 000 F CFA, soit 10 000 francs CFA de plus, pour un "
        "budget de 2 milliards de FCFA; à Genève, 20 francs.", [], "fr")]
    assert got == [(60000.0, "XOF", "money"), (10000.0, "XOF", "money"),
                   (2e9, "XOF", "money"), (20.0, "CHF", "money")]


def test_typographic_minus_and_a_hyphenated_half() -> None:
    """Typeset French and English news write the minus as U+2212 ("−0,3 %" was +0.3 %);
    "un demi-litre" lost its unit."""
    got = [(q.value, q.unit) for q in extract_quantities(
        "Le PIB a reculé de −0,3 % et l'on boit un demi-litre de lait par jour.", [], "fr")]
    assert got == [(-0.3, "percent"), (0.5, "l")]
    got_en = [(q.value, q.unit) for q in extract_quantities(
        "The index fell −2.5% on Monday.", [], "en")]
    assert got_en == [(-2.5, "percent")]


def test_temperatures_written_glued_to_c_or_f() -> None:
    """British and American weather copy writes "30C", "95F": the "3D/5G" guard dropped
    them; they are temperatures where the sentence speaks of weather or heat."""
    got = [(q.text, q.value, q.unit) for q in extract_quantities(
        "Temperatures fell to minus 10C overnight. It was 95F in Texas, the hottest day. "
        "She printed it on a 3D printer over 5G.", [], "en")]
    assert got == [("10C", -10.0, "°C"), ("95F", 95.0, "°F")]
