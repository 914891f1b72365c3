"""extract_times: seed expressions, general French/English rules, imprecise references."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from veille.analyze.temporal import extract_times, fold_same_length
from veille.core.model import DateRange, Sentence, TimeRef
from veille.ingest.normalize import normalize_text

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "data" / "gold" / "seeds_times_quantities.json"
JUNE_2023 = DateRange(date(2023, 6, 1), date(2023, 6, 30), "month")
FRI_9_JUNE = DateRange(date(2023, 6, 9), date(2023, 6, 9), "day")  # a Friday


def seed_body(name: str) -> str:
    raw = (REPO / "examples" / name).read_text(encoding="utf-8")
    assert raw.lstrip().startswith("date ")
    return normalize_text(raw.lstrip()[len("date 2023-06") :])


def find(times: list[TimeRef], text: str) -> TimeRef:
    hits = [t for t in times if t.text == text]
    assert hits, f"{text!r} not found in {[t.text for t in times]}"
    return hits[0]


def one(sentence: str, ref: DateRange = FRI_9_JUNE, lang: str = "fr") -> list[TimeRef]:
    return extract_times(sentence, [], ref, lang)


# --- the seeds (month-precision reference) -------------------------------------


@pytest.fixture(scope="module")
def seed_times() -> dict[str, list[TimeRef]]:
    names = ["000_07f07504d3202a46.txt", "004_521d29f89dbcf36b.txt"]
    return {n: extract_times(seed_body(n), [], JUNE_2023, "fr") for n in names}


def test_seed_two_days_are_one_range(seed_times: dict[str, list[TimeRef]]) -> None:
    t = find(seed_times["000_07f07504d3202a46.txt"], "les 7 et 8 juillet")
    assert (t.range_start, t.range_end, t.granularity) == ("2023-07-07", "2023-07-08", "day")
    assert t.value == "2023-07-07/2023-07-08"
    assert t.type == "DATE"


def test_seed_month_and_relative_units(seed_times: dict[str, list[TimeRef]]) -> None:
    a1, a2 = seed_times["000_07f07504d3202a46.txt"], seed_times["004_521d29f89dbcf36b.txt"]
    mars = find(a1, "mars")
    assert (mars.value, mars.range_start, mars.range_end) == ("2023-03", "2023-03-01", "2023-03-31")
    assert find(a2, "l'année dernière").value == "2022"
    last_month = find(a2, "le mois dernier")
    assert (last_month.value, last_month.granularity) == ("2023-05", "month")


def test_seed_weekday_with_month_reference_is_a_span_not_a_guess(
    seed_times: dict[str, list[TimeRef]],
) -> None:
    fri = find(seed_times["000_07f07504d3202a46.txt"], "vendredi")
    assert fri.granularity == "day-uncertain"
    assert fri.range_start is not None and fri.range_end is not None
    start, end = date.fromisoformat(fri.range_start), date.fromisoformat(fri.range_end)
    assert start.weekday() == 4 and end.weekday() == 4
    assert start <= date(2023, 6, 2) and end >= date(2023, 6, 23)
    today = find(seed_times["004_521d29f89dbcf36b.txt"], "aujourd'hui")
    assert (today.range_start, today.range_end) == ("2023-06-01", "2023-06-30")
    assert today.granularity == "day-uncertain"


def test_seed_durations_ages_years_and_non_dates(seed_times: dict[str, list[TimeRef]]) -> None:
    a1 = seed_times["000_07f07504d3202a46.txt"]
    dur = find(a1, "Plus de 15 mois")
    assert (dur.type, dur.value, dur.mod) == ("DURATION", "P15M", "MORE_THAN")
    assert find(a1, "1991").value == "1991"
    assert find(a1, "1945").granularity == "year"
    texts = " | ".join(t.text for t in a1)
    assert "70 ans" not in texts  # "Poutine, 70 ans," is an age
    assert "chute" not in texts and "Guerre" not in texts
    a2 = seed_times["004_521d29f89dbcf36b.txt"]
    assert find(a2, "des dernières 24 heures").value == "PT24H"


def test_seed_gold_offsets_match(seed_times: dict[str, list[TimeRef]]) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for art in gold["articles"]:
        body = seed_body(art["file"])
        for g in art["times"]:
            assert body[g["start"] : g["end"]] == g["text"]


# --- general rules, on sentences written for these tests ----------------------------


def test_weekday_follows_tense_with_day_reference() -> None:
    # reference Friday 9 June 2023
    past = find(one("Le ministre a annoncé mardi la fermeture du site."), "mardi")
    assert past.value == "2023-06-06"
    fut = find(one("Le conseil se réunira mardi pour voter le budget."), "mardi")
    assert fut.value == "2023-06-13"
    nxt = find(one("La grève reprendra lundi prochain."), "lundi prochain")
    assert nxt.value == "2023-06-12"
    last = find(one("Il est arrivé jeudi dernier à Lyon."), "jeudi dernier")
    assert last.value == "2023-06-08"


def test_relative_days_parts_and_clock_times() -> None:
    times = one("Hier soir, vers 22 h 30, un incendie s'est déclaré ; demain matin les experts viendront.")
    assert find(times, "Hier soir").value == "2023-06-08TEV"
    assert find(times, "vers 22 h 30").value == "2023-06-08T22:30"
    assert find(times, "demain matin").value == "2023-06-10TMO"


def test_day_month_year_inference_by_tense() -> None:
    past = find(one("Le traité a été signé le 21 décembre à Paris."), "le 21 décembre")
    assert past.value == "2022-12-21"
    fut = find(one("Les travaux commenceront le 3 juillet."), "le 3 juillet")
    assert fut.value == "2023-07-03"
    full = find(one("Il est né le 27 mai 1998 à Nancy."), "le 27 mai 1998")
    assert full.value == "1998-05-27"
    assert find(one("La loi date d'octobre 98."), "octobre 98").value == "1998-10"


def test_month_name_alone_follows_tense() -> None:
    assert find(one("Les élections auront lieu en octobre."), "octobre").value == "2023-10"
    assert find(one("Le chômage a reculé en octobre."), "octobre").value == "2022-10"
    assert find(one("Les soldes ont commencé en janvier."), "janvier").value == "2023-01"


def test_relative_units_weeks_seasons_decades() -> None:
    assert find(one("Cette semaine, les prix ont baissé."), "Cette semaine").value == "2023-W23"
    assert find(one("L'an prochain, la taxe augmentera."), "L'an prochain").value == "2024"
    assert find(one("Il a joué au début des années 60 à Paris."), "début des années 60").value == "196X"
    assert find(one("Il a été réélu il y a trois ans."), "il y a trois ans").value == "2020"
    assert find(one("Le chantier s'achèvera à l'automne 2024."), "l'automne 2024").value == "2024-FA"


def test_durations_sets_and_present_reference() -> None:
    times = one("Après douze jours de grève, les bus passent chaque jour ; maintenant tout va bien.")
    assert find(times, "douze jours").value == "P12D"
    assert find(times, "chaque jour").type == "SET"
    assert find(times, "maintenant").value == "PRESENT_REF"
    assert find(one("Il a été condamné à 10 ans de prison."), "10 ans").value == "P10Y"


def test_unit_words_end_at_a_word_boundary() -> None:
    # SemEval-2022 task 8 (pair 1580450051zh_1580472854): "This announcement"
    # was read as "this an" (French "an", year) = this year.
    assert one("This announcement comes as several cities close.", lang="en") == []
    times = one("Next monthly review and the end of the yearly plan.", lang="en")
    assert {t.text for t in times} <= {"monthly", "yearly"}  # frequencies, not "next month"
    assert all(t.type == "SET" for t in times)
    assert find(one("Cet an-là, rien ; cette année-ci, tout."), "cette année-ci").value == "2023"
    assert find(one("They met at the end of the month.", lang="en"), "end of the month").value == "2023-06"


def test_month_names_belong_to_the_text_language() -> None:
    # news-clusters (SpaceX Falcon Heavy, December 2017): "Destination is Mars
    # orbit." was dated March 2017 (French "mars").
    assert one("Destination is Mars orbit.", lang="en") == []
    assert find(one("He left in March.", lang="en"), "March").value == "2023-03"
    assert [t.value for t in one("Le 5 May 2017, rien.")] == ["2017"]  # the year alone
    assert find(one("Il partira en mars."), "mars").value == "2024-03"
    # abbreviations are shared by both languages' writers
    assert find(one("Réunion à partir du 7 jan. à Paris."), "7 jan.").value == "2023-01-07"


def test_day_and_month_with_a_relative_year() -> None:
    # news-clusters (Las Vegas shooting, published 2017-10-03): "on June 12
    # last year" was two entries, 2016 and 2017-06-12.
    ref = DateRange(date(2017, 10, 3), date(2017, 10, 3), "day")
    times = one("A gunman opens fire in a nightclub in Orlando on June 12 last year.", ref, "en")
    assert [(t.text, t.value) for t in times] == [("June 12 last year", "2016-06-12")]
    assert find(one("Il est arrivé le 3 mars de l'an dernier."), "le 3 mars de l'an dernier").value == (
        "2022-03-03")
    assert find(one("Le 14 juillet de l'année prochaine, il défilera."),
                "Le 14 juillet de l'année prochaine").value == "2024-07-14"


def test_ages_and_adjectival_seasons_are_not_times() -> None:
    assert one("Marie Dupont, 45 ans, dirige l'usine.") == []
    assert one("Une fillette de 6 ans a été retrouvée.") == []
    assert one("Les Jeux Olympiques d'hiver ont attiré du monde.") == []
    assert one("Le bâtiment a été rénové.") == []  # "été" the participle


def test_numeric_dates_use_dateparser() -> None:
    assert find(one("Décision du 12/05/2021 publiée au journal officiel."), "12/05/2021").value == (
        "2021-05-12"
    )
    assert find(one("Released on 2021-05-12.", lang="en"), "2021-05-12").value == "2021-05-12"


def test_english_rules() -> None:
    times = one("Officials said on Tuesday that talks will resume next week, 15 months after the war began.",
                lang="en")
    assert find(times, "on Tuesday").value == "2023-06-06"
    assert find(times, "next week").value == "2023-W24"
    assert find(times, "15 months").value == "P15M"
    times = one("In May, the 70-year-old leader spoke for 24 hours at 3 p.m. yesterday.", lang="en")
    assert find(times, "May").value == "2023-05"
    assert find(times, "24 hours").value == "PT24H"
    assert all("70" not in t.text for t in times)
    # English TimeML writes a clock time and the day after it as one expression
    assert find(times, "3 p.m. yesterday").value == "2023-06-08T15:00"


def test_unknown_reference_keeps_absolute_values() -> None:
    text = "Il est né en 1975 et reviendra le 14 juillet, hier."
    times = extract_times(text, [], DateRange.unknown(), "fr")
    assert find(times, "1975").value == "1975"
    assert find(times, "le 14 juillet").value == "XXXX-07-14"
    assert find(times, "hier").value is None


def test_sentence_index_and_offsets() -> None:
    text = "Première phrase sans date. Le 3 mars 2020, il pleuvait."
    sents = [Sentence(0, 0, 26, text[:26]), Sentence(1, 27, len(text), text[27:])]
    (t,) = extract_times(text, sents, FRI_9_JUNE, "fr")
    assert t.sentence == 1 and text[t.start : t.end] == t.text == "Le 3 mars 2020"


def test_fold_keeps_length() -> None:
    s = "Août, l’été ﬁn — ÉTÉ\u202f2023 İ"
    assert len(fold_same_length(s)) == len(s)


def _composed(text: str, language: str) -> dict[str, str | None]:
    from datetime import date as _date

    from veille.analyze.temporal import extract_times as _extract
    from veille.core.model import DateRange as _DR
    ref = _DR(_date(2016, 11, 7), _date(2016, 11, 7), "day")  # a Monday
    return {t.text: t.value for t in _extract(text, [], ref, language)}


def test_weekday_taken_in_the_week_named_with_it() -> None:
    assert _composed("Rendez-vous le mardi de la semaine prochaine.", "fr") == {
        "le mardi de la semaine prochaine": "2016-11-15"}
    assert _composed("The vote is set for Tuesday of next week.", "en") == {
        "Tuesday of next week": "2016-11-15"}


def test_amount_counted_from_a_day() -> None:
    assert _composed("Où étiez-vous deux jours avant hier ?", "fr") == {
        "deux jours avant hier": "2016-11-04"}
    assert _composed("Cela s'est produit 2 semaines avant le 13 mai 1999.", "fr") == {
        "2 semaines avant le 13 mai 1999": "1999-04-29"}
    # a year is no day: the duration and the year stay apart
    assert _composed("He spent two years after 2001 in jail.", "en") == {
        "two years": "P2Y", "2001": "2001"}


def test_range_start_later_in_the_year_is_the_year_before() -> None:
    got = _composed("Le sommet aura lieu de novembre à février 2017.", "fr")
    assert got["novembre"] == "2016-11"


def test_no_year_inside_a_telephone_number() -> None:
    assert _composed("Tél: +86 138-2010-2015", "fr") == {}


def test_first_clock_of_a_range_takes_the_day_after_the_range() -> None:
    got = _composed("Cela se passera de 15h30 à 17h55 le 01/01/2015.", "fr")
    assert got["15h30"] == "2015-01-01T15:30"
    assert got["17h55"] == "2015-01-01T17:55"


def test_easter_monday() -> None:
    assert _composed("Il est arrivé le lundi de Pâques.", "fr")["lundi de Pâques"] == "2016-03-28"


def test_day_of_the_month_said_alone() -> None:
    # published Monday 7 November 2016
    assert _composed("Le 12, la police a arrêté deux hommes.", "fr") == {"Le 12": "2016-10-12"}
    assert _composed("Il arrivera le 23.", "fr") == {"le 23": "2016-11-23"}
    assert _composed("Il est arrivé entre le 21 et le 23.", "fr") == {
        "le 21": "2016-10-21", "le 23": "2016-10-23"}
    # an address, a rank, a score
    assert _composed("Il habite au 23, rue de Rivoli.", "fr") == {}
    assert _composed("Il est classé le 23e.", "fr") == {}


def test_french_in_a_week_is_no_rate() -> None:
    # "dans une semaine": the point a week ahead ("four flights a week" is a rate in English)
    assert _composed("Il reviendra dans une semaine.", "fr") == {"une semaine": "2016-11-14"}
    assert _composed("There are four flights a week.", "en") == {}
    # "du 9 au 12 de juin" is no day of this month
    assert "du 9" not in _composed("Le tournoi aura lieu du 9 au 12 de juin.", "fr")


def test_french_clock_said_in_words_without_preposition() -> None:
    assert _composed("Je retournerai sept heures moins dix.", "fr") == {
        "sept heures moins dix": "2016-11-07T06:50"}
    # how long, not what time
    assert _composed("Le film dure deux heures trente minutes.", "fr") == {
        "deux heures": "PT2H", "trente minutes": "PT30M"}
    assert _composed("Il a parlé deux heures et quart.", "fr") == {"deux heures": "PT2H"}


def test_french_hours_written_2h_after_a_duration_word_are_how_long() -> None:
    assert _composed("Il a parlé pendant 2h devant la foule.", "fr") == {"2h": "PT2H"}
    assert _composed("Il a mis 2h30 pour venir.", "fr") == {"2h30": "PT2H30M"}
    assert _composed("Il est arrivé à 2h.", "fr") == {"2h": "2016-11-07T02:00"}
    assert _composed("Je me sens mal à environ 13h.", "fr") == {"13h": "2016-11-07T13:00"}


def test_french_whole_unit_is_how_long() -> None:
    assert _composed("Ils ont manifesté toute la journée.", "fr") == {"toute la journée": "P1D"}
    assert _composed("Tout le monde est venu.", "fr") == {}


def test_minutes_of_a_clock_are_no_duration() -> None:
    assert _composed("The ceasefire starts at 17:00 hours GMT.", "en") == {
        "17:00": "2016-11-07T17:00"}
