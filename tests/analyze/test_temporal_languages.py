"""Language handling of the time and quantity extractors (words from veille.lang packs).

A text in a language veille has a pack for is read with that pack's words (and
the shared calendar words of every pack); a text in any other language gets
only language-free forms, never French words as before the packs existed.
"""

from __future__ import annotations

from datetime import date

from veille.analyze.quantities import extract_quantities
from veille.analyze.temporal import extract_times
from veille.analyze.temporal.resolve import RESOLVERS
from veille.analyze.temporal.rules import RULES, compiled_rules
from veille.core.model import DateRange
from veille.lang import PACKS

REF = DateRange(date(2023, 6, 9), date(2023, 6, 9), "day")
# German with French and English calendar words in it: none of them is German time
GERMAN = ("Am 12.05.2023 sagte der Minister, hier und demain sei mars 2019 vorbei; "
          "yesterday kamen 2023-06-01 rund 300 Menschen und 5 % mehr, trois millions de personnes.")


def test_language_without_pack_gets_numeric_dates_only() -> None:
    for language in (None, "xx"):
        got = [(t.text, t.value) for t in extract_times(GERMAN, [], REF, language)]
        assert got == [("12.05.2023", "2023-05-12"), ("2023-06-01", "2023-06-01")]
    # German has dateparser's locale words: a year standing alone, still no French or
    # English word ("demain", "mars", "yesterday")
    got = [(t.text, t.value) for t in extract_times(GERMAN, [], REF, "de")]
    assert got == [("12.05.2023", "2023-05-12"), ("2019", "2019"), ("2023-06-01", "2023-06-01")]


def test_same_words_are_read_in_a_language_with_a_pack() -> None:
    got = {t.text for t in extract_times(GERMAN, [], REF, "fr")}
    assert {"demain", "mars 2019", "yesterday"} <= got


def test_language_without_pack_gets_symbol_quantities_only() -> None:
    got = [(q.text, q.value, q.unit) for q in extract_quantities(GERMAN, [], "de")]
    assert got == [("5 %", 5.0, "percent")]
    fr = [(q.value, q.noun) for q in extract_quantities(GERMAN, [], "fr")]
    assert (3e6, "personnes") in fr


def test_scale_words_read_by_the_text_language_first() -> None:
    # French "billion" is a million millions, English "billion" a thousand millions
    assert [q.value for q in extract_quantities("2 billions d'euros", [], "fr")] == [2e12]
    assert [q.value for q in extract_quantities("2 billion dollars", [], "en")] == [2e9]


def test_every_rule_resolves_and_keeps_its_output_tag() -> None:
    assert {r.name for r in RULES} <= set(RESOLVERS)
    tags = [r.tag for r in RULES]
    assert len(set(tags)) == len(tags)
    assert len({r.name for r in RULES}) == len(RULES)


def test_own_rules_follow_the_packs() -> None:
    for code, pack in PACKS.items():
        assert pack.time is not None
        kinds = {kind for kind, _, _ in compiled_rules(code)}
        assert ("month_day" in kinds) == pack.time.month_day_order
        assert ("clock" in kinds) == bool(pack.time.clock_pattern)
        assert ("clock_ampm" in kinds) == bool(pack.time.clock_ampm_pattern)
        assert ("lexical_duration" in kinds) == bool(pack.time.lexical_durations)
    assert [kind for kind, _, _ in compiled_rules("de")] == ["numeric_date"]


def test_month_day_order_is_english_text_only() -> None:
    text = "The summit opened on June 12, 2023 in Vilnius."
    en = [(t.text, t.value) for t in extract_times(text, [], REF, "en")]
    assert ("June 12, 2023", "2023-06-12") in en
    fr = [t.text for t in extract_times(text, [], REF, "fr")]
    assert "June 12, 2023" not in fr


def test_french_next_year_quarters_and_decimal_hours() -> None:
    """"l'an prochain" is next year (it was read as last year); "du trimestre précédent"
    is the quarter before; "1.5h" is no clock time 5h."""
    from datetime import date

    from veille.analyze.temporal import extract_times
    from veille.core.model import DateRange

    text = ("L'an prochain, les ventes du trimestre précédent seront publiées. "
            "Je suppose que 1.5h est suffisante.")
    got = {t.text.lower(): t.value for t in extract_times(
        text, [], DateRange(date(2019, 8, 12), date(2019, 8, 12), "day"), "fr")}
    assert got["l'an prochain"] == "2020"
    assert got["du trimestre précédent"] == "2019-Q2"
    assert not any(v and v.endswith("T05:00") for v in got.values())


def test_french_clock_times_in_words() -> None:
    """"Il est vingt heures", "à sept heures moins dix", "à neuf heures trente" are clock
    times; "pendant sept heures" stays a duration; "à 10 heures 2 jours plus tard" does not
    take the 2 as minutes."""
    from datetime import date

    from veille.analyze.temporal import extract_times
    from veille.core.model import DateRange

    text = ("Il est vingt heures. Il partira à sept heures moins dix, puis à neuf heures "
            "trente. Il a travaillé pendant sept heures. Rendez-vous à 10 heures 2 jours "
            "plus tard.")
    got = {t.text: t.value for t in extract_times(
        text, [], DateRange(date(2016, 11, 7), date(2016, 11, 7), "day"), "fr")}
    assert got["vingt heures"] == "2016-11-07T20:00"
    assert got["sept heures moins dix"] == "2016-11-07T06:50"
    assert got["neuf heures trente"] == "2016-11-07T09:30"
    assert got["sept heures"] == "PT7H"
    assert got["10 heures"] == "2016-11-07T10:00"


def test_french_dans_n_units_is_a_point_ahead() -> None:
    """"dans trois ans" is the year three ahead (TimeML writes "in five years" as 1994 in
    TimeBank), "dans les trois ans" stays a span."""
    from datetime import date

    from veille.analyze.temporal import extract_times
    from veille.core.model import DateRange

    text = "Il reviendra dans trois ans, ou dans deux semaines, dans les trois ans au plus."
    got = {t.text: t.value for t in extract_times(
        text, [], DateRange(date(2016, 11, 7), date(2016, 11, 7), "day"), "fr")}
    assert got["trois ans"] == "2019"
    assert got["deux semaines"] == "2016-11-21"
    assert got["les trois ans"] == "P3Y"
