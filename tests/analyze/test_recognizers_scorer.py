"""The Recognizers-Text scorer's whole count (issue #17), on small specs written here."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from veille.analyze.recognizers import run_all, split_of


def _spec(directory: Path, name: str, cases: list[dict[str, object]]) -> None:
    (directory / name).write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")


def test_whole_count_keeps_flagged_cases_and_drops_only_by_design(tmp_path: Path) -> None:
    _spec(tmp_path, "NumberRangeModel.json", [
        {"Input": "Il y a plus de 500 soldats.", "NotSupported": "dotnet, javascript, python, java",
         "Results": [{"Text": "plus de 500", "TypeName": "numberrange",
                      "Resolution": {"value": "(500,)"}, "Start": 7, "End": 17}]},
        {"Input": "entre 20 et 30 chars", "NotSupported": "python",
         "Results": [{"Text": "entre 20 et 30", "TypeName": "numberrange",
                      "Resolution": {"value": "[20,30)"}, "Start": 0, "End": 13}]},
        {"Input": "au plus 100 et au moins 20", "NotSupportedByDesign": "python",
         "Results": [{"Text": "au plus 100 et au moins 20", "TypeName": "numberrange",
                      "Resolution": {"value": "[20,100]"}, "Start": 0, "End": 25}]},
    ])
    rep = {r.model: r for r in run_all(tmp_path)}["NumberRange"]
    d = rep.to_dict()
    assert d["counted"] == 2 and d["not_supported_by_design"] == 1
    assert d["counted_exact"] == 2  # the one-sided range is read: (500, open)
    assert d["out_of_scope"] == {"one-sided or open range": 1}  # the old narrow view
    assert sum(s["counted"] for s in d["splits"].values()) == 2


def test_a_unit_outside_every_table_is_a_miss_not_an_exclusion(tmp_path: Path) -> None:
    _spec(tmp_path, "DimensionModel.json", [
        {"Input": "une planche de 3 coudées",
         "Results": [{"Text": "3 coudées", "TypeName": "dimension",
                      "Resolution": {"value": "3", "unit": "Coudée"}, "Start": 15, "End": 23}]},
        {"Input": "un trajet de 17 km",
         "Results": [{"Text": "17 km", "TypeName": "dimension",
                      "Resolution": {"value": "17", "unit": "Kilomètres"}, "Start": 13, "End": 17}]},
    ])
    rep = {r.model: r for r in run_all(tmp_path, include_flagged=False)}["Dimension"]
    assert (rep.counted, rep.counted_exact) == (2, 1)


def test_split_is_stable_and_lists_only_tune_misses(tmp_path: Path) -> None:
    inputs = [f"il y a {n} coudées de tissu" for n in range(40)]
    assert [split_of(t) for t in inputs] == [split_of(t) for t in inputs]
    assert {split_of(t) for t in inputs} == {"tune", "heldout"}
    _spec(tmp_path, "DimensionModel.json", [
        {"Input": t, "Results": [{"Text": "x", "TypeName": "dimension",
                                  "Resolution": {"value": "1", "unit": "Coudée"}}]}
        for t in inputs
    ])
    rep = run_all(tmp_path, include_flagged=False)[0]
    assert rep.counted_exact == 0
    assert len(rep.failures) == sum(split_of(t) == "tune" for t in inputs)


def test_datetime_conventions_parts_ranges_notation_and_unrecorded_reference(
        tmp_path: Path) -> None:
    """The spec's conventions are scored as conventions: a datetime we write as a date and
    a time, a range we write as its two ends, "T17"/"TEV"/"P3.5Y" notation; a case with no
    recorded reference date is judged under a day near its own resolution (reported
    apart); a wrong reading stays a miss."""
    def res(text: str, start: int, timex: str) -> dict[str, object]:
        return {"Text": text, "TypeName": "datetimeV2.x", "Start": start,
                "End": start + len(text) - 1, "Resolution": {"values": [{"timex": timex}]}}

    ctx = {"ReferenceDateTime": "2016-11-07T00:00:00"}
    _spec(tmp_path, "DateTimeModel.json", [
        {"Input": "Je vais rentrer demain à 8h00", "Context": ctx,
         "Results": [res("demain à 8h00", 16, "2016-11-08T08:00")]},
        {"Input": "Je serai absent de 17h à 18h", "Context": ctx,
         "Results": [res("17h à 18h", 19, "(T17,T18,PT1H)")]},
        {"Input": "Je partirai pour 3,5 ans", "Context": ctx,
         "Results": [res("3,5 ans", 17, "P3.5Y")]},
        {"Input": "Je reviendrai demain", "Results": [res("demain", 14, "2018-05-23")]},
        {"Input": "Je reviendrai demain", "Context": ctx,
         "Results": [res("demain", 14, "2016-11-09")]},  # wrong on purpose: a miss
    ])
    rep = {r.model: r for r in run_all(tmp_path, include_flagged=False)}["DateTime"]
    assert rep.counted == 5 and rep.counted_exact == 4
    assert rep.matched_by == {"parts": 1, "range": 1, "value": 1, "inferred-reference": 1}


def test_a_range_anchored_on_the_reference_needs_our_duration_to_say_where_it_lies() -> None:
    """"les 2 prochains mois" is the spec's (ref, ref+P2M, P2M) and TimeML's DURATION P2M
    with its begin and end points: a duration of ours matches only when its range runs
    the same days (the spec's end is exclusive). A bare P2M says nothing of the
    direction ("les 2 derniers mois" is the same P2M), so it is a miss; so are the
    wrong direction and another amount."""
    from datetime import date

    from veille.analyze.recognizers import _score_case
    from veille.core.model import TimeRef

    text = "Que va-t-il se passer dans les 2 prochains mois ?"
    at = text.index("2 prochains")
    ref = date(2016, 11, 7)

    def spec(timex: str) -> list[dict[str, object]]:
        return [{"Text": "2 prochains mois", "TypeName": "datetimeV2.daterange", "Start": at,
                 "End": at + 15, "Resolution": {"values": [{"timex": timex}]}}]

    def ours(lo: str | None, hi: str | None, value: str = "P2M") -> list[TimeRef]:
        return [TimeRef("les 2 prochains mois", at - 4, at + 16, 0, "DURATION", value,
                        range_start=lo, range_end=hi)]

    coming = spec("(2016-11-07,2017-01-07,P2M)")
    assert _score_case(text, coming, ours("2016-11-07", "2017-01-06"), ref)[0]
    assert _score_case(text, coming, ours("2016-11-07", "2017-01-07"), ref) == (
        True, "anchored-duration")
    assert not _score_case(text, coming, ours(None, None), ref)[0]  # bare: no direction
    assert not _score_case(text, coming, ours("2016-09-07", "2016-11-07"), ref)[0]  # past
    assert not _score_case(text, coming, ours("2016-11-07", "2017-02-06", "P3M"), ref)[0]
    past = spec("(2016-09-07,2016-11-07,P2M)")
    assert _score_case(text, past, ours("2016-09-07", "2016-11-07"), ref)[0]
    assert not _score_case(text, past, ours("2016-11-07", "2017-01-06"), ref)[0]


def test_a_range_to_the_end_of_a_period_ends_the_day_after_it(tmp_path: Path) -> None:
    """"d'avril à la fin de juin" is the spec's (XXXX-04-01,XXXX-07-01): our "fin de juin"
    (mod END) ends the range on 30 June; "d'avril à juin" (no "fin") does not reach July."""
    def res(text: str, start: int, timex: str) -> dict[str, object]:
        return {"Text": text, "TypeName": "datetimeV2.daterange", "Start": start,
                "End": start + len(text) - 1, "Resolution": {"values": [{"timex": timex}]}}

    ctx = {"ReferenceDateTime": "2016-11-07T00:00:00"}
    end = "Il a été fermé d'avril à la fin de juin."
    plain = "Il a été fermé d'avril à juin."
    _spec(tmp_path, "DateTimeModel.json", [
        {"Input": end, "Context": ctx,
         "Results": [res("d'avril à la fin de juin", 15, "(XXXX-04-01,XXXX-07-01,P3M)")]},
        {"Input": plain, "Context": ctx,
         "Results": [res("d'avril à juin", 15, "(XXXX-04-01,XXXX-07-01,P3M)")]},
    ])
    rep = {r.model: r for r in run_all(tmp_path, include_flagged=False)}["DateTime"]
    assert rep.counted == 2 and rep.counted_exact == 1 and rep.matched_by == {"range": 1}


def test_a_spec_offset_beside_its_own_text_is_read_at_the_text() -> None:
    """One spec's "8h" has the offsets of "à 8" in "8h30 au lieu de 8h": the result is the
    whole-word "8h" nearest; offsets that agree with the text (inclusive or exclusive
    end) are kept."""
    from veille.analyze.recognizers import _span

    text = "la réunion devra passer à 8h30 au lieu de 8h"
    at = text.index("à 8")
    assert _span({"Text": "8h", "Start": at, "End": at + 2}, text) == (len(text) - 2, len(text))
    assert _span({"Text": "8h30", "Start": at + 2, "End": at + 5}, text) == (at + 2, at + 6)
    assert _span({"Text": "8h30", "Start": at + 2, "End": at + 6}, text) == (at + 2, at + 7)


def test_a_range_of_ours_is_two_numbers_for_the_number_model(tmp_path: Path) -> None:
    """The Number model lists every number: our range "deux ou trois" is 2 and 3."""
    _spec(tmp_path, "NumberModel.json", [
        {"Input": "deux ou trois",
         "Results": [{"Text": "deux", "TypeName": "number", "Start": 0, "End": 3,
                      "Resolution": {"subtype": "integer", "value": "2"}},
                     {"Text": "trois", "TypeName": "number", "Start": 8, "End": 12,
                      "Resolution": {"subtype": "integer", "value": "3"}}]},
    ])
    rep = {r.model: r for r in run_all(tmp_path, include_flagged=False)}["Number"]
    assert rep.counted == 1 and rep.counted_exact == 1


def test_one_period_of_ours_matches_a_range_whose_year_is_unsaid(tmp_path: Path) -> None:
    """"le premier trimestre de l'année" is the spec's (XXXX-01-01,XXXX-04-01): our one
    quarter 2016-Q1 (1 January to 31 March) is that range in a year; the second quarter
    (April to June) is not."""
    def res(text: str, start: int, timex: str) -> dict[str, object]:
        return {"Text": text, "TypeName": "datetimeV2.daterange", "Start": start,
                "End": start + len(text) - 1, "Resolution": {"values": [{"timex": timex}]}}

    ctx = {"ReferenceDateTime": "2016-11-07T00:00:00"}
    q1 = "Le premier trimestre de l'année est lent."
    q2 = "Le deuxième trimestre de l'année est lent."
    _spec(tmp_path, "DateTimeModel.json", [
        {"Input": q1, "Context": ctx,
         "Results": [res("Le premier trimestre de l'année", 0, "(XXXX-01-01,XXXX-04-01,P3M)")]},
        {"Input": q2, "Context": ctx,
         "Results": [res("Le deuxième trimestre de l'année", 0, "(XXXX-01-01,XXXX-04-01,P3M)")]},
    ])
    rep = {r.model: r for r in run_all(tmp_path, include_flagged=False)}["DateTime"]
    assert rep.counted == 2 and rep.counted_exact == 1 and rep.matched_by == {"range": 1}


def test_the_spec_notations_of_seasons_weeks_of_a_month_middles_and_decades() -> None:
    """Session 17: the same days in the spec's notation. A season without its year ("SU")
    is our 2016-SU; "XXXX-10-WXX-5-#1" (first Friday of October) is our 2016-10-07, not
    2016-10-14; "XXXX-07-W05" (July's fifth week) is our 2016-W30, not W29; a range from
    "la mi-mars" starts on a day in the middle third of our March (mod MID), not on the
    1st; the 90s "(XX90-01-01,XX100-01-01)" are our 1990-1999, not the 80s."""
    from veille.analyze.recognizers import _score_case
    from veille.core.model import TimeRef

    def spec(text: str, timex: str) -> list[dict[str, object]]:
        return [{"Text": text, "TypeName": "datetimeV2.date", "Start": 0,
                 "End": len(text) - 1, "Resolution": {"values": [{"timex": timex}]}}]

    def one(text: str, value: str, mod: str | None = None, lo: str | None = None,
            hi: str | None = None) -> list[TimeRef]:
        return [TimeRef(text, 0, len(text), 0, "DATE", value, mod=mod, range_start=lo,
                        range_end=hi)]

    assert _score_case("été", spec("été", "SU"), one("été", "2016-SU"))[0]
    assert not _score_case("été", spec("été", "SU"), one("été", "2016-WI"))[0]
    fri = "le 1er vendredi d'octobre"
    assert _score_case(fri, spec(fri, "XXXX-10-WXX-5-#1"), one(fri, "2016-10-07"))[0]
    assert not _score_case(fri, spec(fri, "XXXX-10-WXX-5-#1"), one(fri, "2016-10-14"))[0]
    wk = "la dernière semaine de juillet"
    assert _score_case(wk, spec(wk, "XXXX-07-W05"), one(wk, "2016-W30"))[0]
    assert not _score_case(wk, spec(wk, "XXXX-07-W05"), one(wk, "2016-W29"))[0]

    text = "entre la mi-mars et la fin septembre"
    rng = spec(text, "(XXXX-03-16,XXXX-10-01,P7M)")
    end = TimeRef("fin septembre", 23, 36, 0, "DATE", "2016-09", mod="END",
                  range_start="2016-09-01", range_end="2016-09-30")
    mid = TimeRef("mi-mars", 9, 16, 0, "DATE", "2016-03", mod="MID",
                  range_start="2016-03-01", range_end="2016-03-31")
    assert _score_case(text, rng, [mid, end])[0]
    assert not _score_case(text, rng, [replace(mid, mod=None), end])[0]

    dec = "en 90s"
    assert _score_case(dec, spec(dec, "(XX90-01-01,XX100-01-01,P10Y)"),
                       one(dec, "199X", lo="1990-01-01", hi="1999-12-31"))[0]
    assert not _score_case(dec, spec(dec, "(XX90-01-01,XX100-01-01,P10Y)"),
                           one(dec, "198X", lo="1980-01-01", hi="1989-12-31"))[0]
