"""Session 16 (issue #17) read check of news-clusters rows 172-210: what a journalist
would find wrong on a timeline, fixed. Sentences from the rows named, or written here in
their style."""

from __future__ import annotations

from datetime import date

from veille.analyze.nlp import get_nlp
from veille.analyze.temporal import extract_times
from veille.core.model import DateRange


def _values(text: str, day: date) -> dict[str, str | None]:
    doc = get_nlp("en")(text)
    return {t.text: t.value for t in extract_times(text, [], DateRange(day, day, "day"), "en",
                                                   [(0, doc)])}


def test_a_day_word_in_a_title_is_no_day() -> None:
    day = date(2016, 11, 3)
    # row 208 (The Sun): a photo credit
    got = _values("Getty Images Bill Murray gets champagne sprayed in his face after the Cubs "
                  "win\nUsa Today Sports Chicago Cubs catcher David Ross is carried off the "
                  "field.", day)
    assert "Today" not in got
    got = _values("Hillary Clinton tweeted: \"They did it! Way to make history.\"\nUsa Today "
                  "Sports Cleveland Cavaliers star LeBron James watched.", day)
    assert "Today" not in got
    assert "Today" not in _values("The poll, conducted by USA Today, found support.", day)
    # the day itself stays a day
    got = _values("Moscow today announced sanctions. Today, the city is calm.", day)
    assert got["today"] == "2016-11-03"
    assert "Today" in got


def test_an_event_titled_tonight_gives_its_clock_the_day_listed() -> None:
    # row 154 (Washington Post, 30 December 2017): a listing's show "Stars Tonight"
    got = _values("Jan. 8 — Witness winter's wonders during \u201cStars Tonight\u201d at the "
                  "David M. Brown Planetarium, Arlington. 7:30 p.m. $3.", date(2017, 12, 30))
    assert "Tonight" not in got
    assert got["7:30 p.m."] == "2018-01-08T19:30"


def test_a_year_before_a_named_day_is_its_year() -> None:
    # rows 65 (Washington Post) and 179 (RT): "the 2015 New Year's Eve" was 2015 and the
    # paper's own New Year's Eve
    got = _values("In the aftermath of the 2015 New Year\u2019s Eve events, police have "
                  "boosted security at mass events.", date(2018, 1, 10))
    assert got["2015 New Year\u2019s Eve"] == "2015-12-31"
    assert _values("The 2016 Thanksgiving weekend was busy.", date(2018, 1, 10))[
        "2016 Thanksgiving"] == "2016-11-24"


def test_a_year_ago_counts_from_the_quarter_reported() -> None:
    # from the census of TimeBank half a (an earnings report): "the year-ago quarter" is
    # counted back from the quarter reported and is not it, and the day a quarter ends on
    # keeps that quarter the one compared with
    got = _values("Acme Corp. posted a third-quarter profit. It earned $5 million in the "
                  "quarter ended Sept. 30, against $4 million in the year-ago quarter. The "
                  "year-ago figures were restated.", date(1989, 11, 1))
    assert got["the year-ago quarter"] == "1988-Q3"
    assert got["The year-ago"] == "1988-Q3"


def test_a_period_said_with_its_distance_back_is_one_expression() -> None:
    # from the census of TimeBank half a: "the quarter a year ago" was the quarter reported
    # and a bare "a year ago"
    got = _values("Columbia reported a $5 million loss for the third quarter. For the quarter "
                  "a year ago, Columbia reported earnings of $2 million.", date(1989, 11, 1))
    assert got["the quarter a year ago"] == "1988-Q3"
    assert "a year ago" not in got


def test_a_clock_restated_after_local_time_is_dropped() -> None:
    # rows 60 (HuffPost) and 58 (China Daily): "(2107 GMT)" after "6:07 a.m. local time" is
    # the same instant in another zone, on another day; it was read as a second clock
    got = _values("The missile passed over Japanese territory around 6:07 a.m. local time "
                  "(2107 GMT), Japanese officials said.", date(2017, 8, 28))
    assert "2107" not in got
    assert got["around 6:07 a.m."] == "2017-08-28T06:07"
    # a wire's clock of its own stays
    assert _values("The rocket blasted off at 0030 GMT.", date(2016, 2, 7))["0030"] \
        == "2016-02-07T00:30"
