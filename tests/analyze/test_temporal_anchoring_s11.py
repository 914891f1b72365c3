"""Session 11 (issue #17) mechanisms, on sentences of real news: TimeBank 1.2 (tuned on)
and news-clusters articles read for the session's read check (not tuned on).

"one day" the parse shows is *when* (an adverb between a modal and its verb, or on a
verb looking ahead) is TimeML's FUTURE_REF, not a duration; "in one day" is how long;
a thousands separator in "8,000 years ago" is no decimal mark, and a year before the
common era is written "BC" as TimeML does.
"""

from __future__ import annotations

from datetime import date

from veille.analyze.nlp import get_nlp
from veille.analyze.temporal import extract_times
from veille.core.model import DateRange, TimeRef


def _found(text: str, day: date, language: str = "en") -> dict[str, TimeRef]:
    ref = DateRange(day, day, "day")
    return {t.text: t for t in extract_times(text, [], ref, language,
                                             [(0, get_nlp(language)(text))])}


def test_one_day_after_a_modal_is_the_future() -> None:
    # TimeBank PRI19980303.2000.2550 (gold FUTURE_REF; the parser makes "day" a subject)
    got = _found("According to the Arab American institute, Islam will one day be the "
                 "second largest religion in the country.", date(1998, 3, 3))
    assert (got["one day"].type, got["one day"].value) == ("DATE", "FUTURE_REF")
    # news-clusters line 129 (independent.co.uk, 2016-09-21), the clause alone (in the
    # whole sentence the parser hangs "one day" on "having proved", a past verb)
    got = _found("It can be used, one day, to carry humans to Mars.", date(2016, 9, 21))
    assert got["one day"].value == "FUTURE_REF"


def test_one_day_of_how_long_stays_a_duration() -> None:
    # TimeBank wsj_0172-like form (gold P1D): the time in a job
    got = _found("Mr. Lawson's successor, John Major, had only been in the job one day.",
                 date(1989, 10, 27))
    assert (got["one day"].type, got["one day"].value) == ("DURATION", "P1D")
    got = _found("The repairs will take one day.", date(2017, 12, 31))
    assert got["one day"].value == "P1D"


def test_in_one_day_is_how_long_not_tomorrow() -> None:
    # news-clusters line 113 (popularmechanics.com, 2017-12-31): it was 2018-01-01
    got = _found("Passengers on the flight will have the rare experience of celebrating "
                 "New Year's Eve twice in one day.", date(2017, 12, 31))
    assert (got["one day"].type, got["one day"].value) == ("DURATION", "P1D")
    # a larger count after "in" under a future verb is still the point ahead
    got = _found("The vote will be held in two days.", date(2016, 9, 21))
    assert got["two days"].value == "2016-09-23"


def test_thousands_of_years_ago() -> None:
    # news-clusters line 129: "about 8,000 years ago" was 2008 (8,000 read as 8.0)
    got = _found("Cassiopeia A, the expanding remains of a massive star that exploded "
                 "about 8,000 years ago.", date(2016, 9, 21))
    assert got["about 8,000 years ago"].value == "BC5985"
    got = _found("The fortress was built 1,500 years ago.", date(2016, 9, 21))
    assert got["1,500 years ago"].value == "0516"
    # a decimal comma where the language writes one: "1,5 an" is a year and a half
    got = _found("Le site a été construit il y a 2.000 ans.", date(2016, 9, 21), "fr")
    assert got["il y a 2.000 ans"].value == "0016"


def test_a_newspaper_with_its_title_is_no_set() -> None:
    # news-clusters line 148 (usa.chinadaily.com.cn, 2016-07-15): it was SET P1W
    got = _found("Seventeen people were killed in attacks in January 2015 against the "
                 "satirical weekly Charlie Hebdo and a kosher supermarket.", date(2016, 7, 15))
    assert "weekly" not in got
    # a frequency before a calendar name is still one
    got = _found("Prices are updated daily on Monday.", date(2016, 7, 15))
    assert got["daily"].type == "SET"


def test_a_month_half_a_year_either_way_is_the_past_one() -> None:
    # news-clusters line 138 (usa.chinadaily.com.cn, 2017-10-03), a list of past shootings
    # told in the present: "in April" was 2018-04
    got = _found("Virginia Tech: A student opens fire at Virginia Tech University in the "
                 "town of Blacksburg in April. He kills 27 students and five teachers.",
                 date(2017, 10, 3))
    assert got["April"].value == "2017-04"
    # five months ahead is still the coming one
    got = _found("The summit in March will decide it.", date(2017, 10, 3))
    assert got["March"].value == "2018-03"


def test_a_clock_told_in_the_past_does_not_take_a_day_to_come() -> None:
    # news-clusters line 144 (rt.com, 2018-01-14): "12:13 pm" was put on Monday the 15th
    text = ("On Sunday, a small aircraft crashed in Costa Rica. An investigation into the "
            "causes of the accident will begin Monday. \"All emergency services were "
            "activated from the moment the first alert was received at 12:13 pm,\" he said.")
    got = _found(text, date(2018, 1, 14))
    assert got["12:13 pm"].value == "2018-01-14T12:13"
    got = _found("The hearing will resume Monday. It will start at 10 a.m.", date(2018, 1, 14))
    assert got["10 a.m."].value == "2018-01-15T10:00"


def test_a_clip_length_is_no_clock_time() -> None:
    # news-clusters line 25 (usatoday.com) and line 14 (edition.cnn.com): video lists
    got = _found("SpaceX 1st: Recycled rocket, recycled capsule | 2:30 SpaceX has racked up "
                 "another first.", date(2017, 12, 27))
    assert "2:30" not in got
    got = _found("MUST WATCH The weapon that makes N. Korea more dangerous 01:12 Japan on high "
                 "alert", date(2017, 9, 14))
    assert "01:12" not in got
    # a clock a word leads, or before a time zone, is still one
    got = _found("The train left at 9:30 and arrived at 11:45.", date(2017, 12, 27))
    assert got["11:45"].value == "2017-12-27T11:45"
    got = _found("Updated: 2017-09-15 21:45 MOSCOW -- Russia strongly condemns it.",
                 date(2017, 9, 15))
    assert got["21:45"].value == "2017-09-15T21:45"


def test_an_embedded_post_signature_moves_no_anchor() -> None:
    # news-clusters line 29 (rt.com, 2017-12-27): "5:52" took the tweet's date, Dec. 27
    text = ("The pyrotechnics display took place at approximately 6pm EST on December 26. "
            "What a sight! — NWS Gray (@NWSGray) December 27, 2017 Observers report a "
            "fireball that occurred over Vermont at approximately 5:52 local eastern time.")
    got = _found(text, date(2017, 12, 27))
    assert got["5:52"].value == "2017-12-26T05:52"
    # news-clusters line 27-like Instagram signature: its clock takes the post's day
    got = _found("A post shared by SpaceX (@spacex) on Dec 22, 2017 at 2:57pm PST Back then, "
                 "he anticipated it would first fly in 2013.", date(2017, 12, 27))
    assert got["2:57pm"].value == "2017-12-22T14:57"


def test_every_counted_unit_is_a_set() -> None:
    # news-clusters line 134 (theguardian.com, 2016-11-03): it was the duration P108Y
    got = _found("This kind of thing only happens once every 108 years.", date(2016, 11, 3))
    assert (got["every 108 years"].type, got["every 108 years"].value) == ("SET", "P108Y")
    got = _found("Buses run every 15 minutes.", date(2016, 11, 3))
    assert got["every 15 minutes"].value == "PT15M"
    got = _found("Les élections ont lieu tous les cinq ans.", date(2016, 11, 3), "fr")
    assert (got["tous les cinq ans"].type, got["tous les cinq ans"].value) == ("SET", "P5Y")


def test_the_latest_period_is_the_quarter_reported() -> None:
    # TimeBank wsj_0127 / wsj_0313 forms: "the latest period", "the 1988 period" after a
    # quarter named; with no quarter named, "the 1989 period" is that year
    got = _found("Third-quarter net income rose 10%. While there were no one-time gains or "
                 "losses in the latest period, there was a one-time gain of 18 million in the "
                 "1988 period.", date(1989, 11, 2))
    assert got["the latest period"].value == "1989-Q3"
    assert got["the 1988 period"].value == "1988-Q3"
    got = _found("The 1989 period of growth ended.", date(1989, 11, 2))
    assert got["The 1989 period"].value == "1989"


def test_that_holiday_is_the_one_of_the_story() -> None:
    # news-clusters line 44 (nytimes.com, 2017-12-30): it was New Year's Eve 2016
    got = _found("The government allowed the arrival of about one million asylum seekers in "
                 "2015, that chaotic New Year's Eve in Cologne set off fears.",
                 date(2017, 12, 30))
    assert got["New Year's Eve"].value == "2015-12-31"
    got = _found("Police will patrol on New Year's Eve.", date(2017, 12, 30))
    assert got["New Year's Eve"].value == "2017-12-31"


def test_a_newspaper_title_before_daily_is_no_set() -> None:
    # news-clusters line 54 (washingtonpost.com, 2017-12-30): it was SET P1D
    got = _found("Wendt told the Neue Osnabruecker Zeitung daily in an interview published "
                 "Saturday that it was wrong.", date(2017, 12, 30))
    assert "daily" not in got
    got = _found("The stock trades daily on the New York Stock Exchange.", date(2017, 12, 30))
    assert got["daily"].value == "P1D"


def test_a_month_word_inside_a_rocket_name_is_no_date() -> None:
    # news-clusters lines 18 (theguardian.com) and 63 (dailymail.co.uk): "Long March 9"
    # was 2018-03-09, "Long March 4C" 2018-03-04
    got = _found("The key to this is the Long March 9 rocket, which is in development.",
                 date(2017, 12, 31))
    assert not any("March" in k for k in got)
    got = _found("The Chang'e 4 mission will launch in June, when a Long March 4C rocket "
                 "will carry a relay satellite.", date(2018, 1, 1))
    assert not any("March" in k for k in got) and got["June"].value == "2018-06"
    # AQUAINT NYT20000601.0442: a name before a date written without "on" is no name
    got = _found("Juan Miguel Gonzalez arrived in the United States April 2, and Reno "
                 "ordered the Miami relatives to surrender the boy.", date(2000, 6, 1))
    assert got["April 2"].value == "2000-04-02"
    got = _found("It was the April 2 meeting.", date(2000, 6, 1))
    assert got["April 2"].value == "2000-04-02"


def test_black_friday_is_the_day_after_thanksgiving() -> None:
    # news-clusters line 129 (independent.co.uk, 2016-09-21): "Nasa celebrated Black Friday"
    # was the Friday nearest the paper; the 2015 one is the closest such day
    got = _found("Nasa celebrated Black Friday by looking into space.", date(2016, 9, 21))
    assert got["Black Friday"].value == "2015-11-27"
    got = _found("Cyber Monday sales hit a record.", date(2017, 11, 27))
    assert got["Cyber Monday"].value == "2017-11-27"
