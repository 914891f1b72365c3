"""Read models: dates read from a row in one place, analyses typed from their JSON."""

from __future__ import annotations

from datetime import date

from veille.core.model import Analysis, Quote, Sentence, TimeRef
from veille.core.records import StoredArticle, analysis_from_dict, row_dates


def test_row_dates_prefer_stored_bounds_then_label() -> None:
    r = row_dates("2023-06-01", "2023-06-30", "month", "2023-06")
    assert (r.start, r.end, r.precision) == (date(2023, 6, 1), date(2023, 6, 30), "month")
    assert row_dates(None, None, "month", "2024-02").end == date(2024, 2, 29)
    assert row_dates(None, None, "year", "2023").end == date(2023, 12, 31)
    assert row_dates("2023-06-09", None, "day", None).end == date(2023, 6, 9)
    assert row_dates("bad", None, "day", "2023-06-09").start == date(2023, 6, 9)
    assert not row_dates(None, None, None, "not a date").known


def test_stored_article_dates_follow_its_fields() -> None:
    a = StoredArticle(uid="a", text="x", published="2023-06", published_start="2023-06-01",
                      published_end="2023-06-30", date_precision="month")
    assert a.published_range == (date(2023, 6, 1), date(2023, 6, 30))
    assert StoredArticle.from_row({"uid": "b", "text": "y"}).published_range is None


def test_analysis_from_dict_round_trips_and_tolerates_old_rows() -> None:
    an = Analysis(article_uid="a", language="fr",
                  sentences=[Sentence(0, 0, 5, "Oui.")],
                  quotes=[Quote(text="oui", start=0, end=3, sentence=0, speaker="X")],
                  times=[TimeRef(text="mardi", start=0, end=5, sentence=0, value="2024-05-07")])
    assert analysis_from_dict(an.to_dict()) == an
    old = analysis_from_dict({"quotes": [{"text": "t", "start": 1, "end": 2, "sentence": 0,
                                          "gone_field": 1}], "sentences": [{"end": 4}]}, "u")
    assert old.article_uid == "u" and old.quotes[0].kind == "direct"
    assert (old.sentences[0].index, old.sentences[0].start) == (0, 0)
