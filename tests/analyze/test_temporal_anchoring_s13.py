"""Session 13 (issue #17) mechanisms, on sentences of real news (each names its source).

An age adjective ("a 20-month-old boy") is no duration; named days the packs do not
list ("Election Day", "Memorial Day", "la Fête du Travail") are dated by the `holidays`
package's calendars, only when written as a name and not another country's day.
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


def test_an_age_adjective_is_no_duration() -> None:
    # news-clusters line 98 (2016-10-13, the Chibok girls): "a 20-month-old boy" was P20M
    got = _found("The girls were released around 5:30 a.m. on Thursday, the government said. "
                 "In addition to the 21 girls, a 20-month-old boy born to one of them in "
                 "captivity was released, it said.", date(2016, 10, 13))
    assert not any("month" in k for k in got)
    assert any((t.value or "").startswith("2016-10-13") for t in got.values())  # its day stays
    # news-clusters line 367: "her four-month-old baby"
    got = _found("Another 19-year-old was found with her four-month-old baby earlier this "
                 "year.", date(2017, 5, 7))
    assert not any("month" in k for k in got)
    assert "earlier this year" in got


def test_named_days_from_the_calendar() -> None:
    # PolNeAR dev breitbart_2016-09-30 and breitbart_2016-09-21
    got = _found("Donald Trump is once again questioning the integrity of the U.S. voting "
                 "system, encouraging his supporters to visit polling locations on Election "
                 "Day to make sure everything is on the up and up.", date(2016, 9, 30))
    assert got["Election Day"].value == "2016-11-08"
    got = _found("Mrs. Clinton is being made to continue with an aggressive calendar of "
                 "fund-raisers with rich donors as Election Day grows near.", date(2016, 9, 21))
    assert got["Election Day"].value == "2016-11-08"
    # PolNeAR train politico_2016-07-29, wash-post_2016-01-18 (a Monday, MLK Day itself)
    got = _found("She married him during the election season on Memorial Day weekend, when "
                 "she was running as Dena Minning.", date(2016, 7, 29))
    assert got["Memorial Day"].value == "2016-05-30"
    got = _found("The debate here was held on the eve of Martin Luther King Day, and all three "
                 "candidates invoked the civil rights leader.", date(2016, 1, 18))
    assert got["Martin Luther King Day"].value == "2016-01-18"


def test_a_calendar_day_must_be_a_name_of_the_calendar_country() -> None:
    # sentences written for the test (no real one in the shared data): a lower-case
    # "election day" is any election's, a genitive or a nationality owns the day
    got = _found("Turnout on election day was low, officials said.", date(2017, 6, 9))
    assert "election day" not in got
    got = _found("Crowds gathered in Kiev for Ukraine's Independence Day parade.",
                 date(2017, 8, 25))
    assert "Independence Day" not in got
    got = _found("Thousands of people marked the Mexican Independence Day in Los Angeles.",
                 date(2017, 9, 17))
    assert "Independence Day" not in got


def test_french_named_days() -> None:
    # written for the test: France's calendar, in French, from the `holidays` package
    got = _found("Les syndicats ont défilé pour la Fête du Travail à Paris.", date(2018, 5, 3),
                 "fr")
    assert got["Fête du Travail"].value == "2018-05-01"
    got = _found("La Fête nationale a été célébrée à Paris.", date(2018, 7, 20), "fr")
    assert got["Fête nationale"].value == "2018-07-14"


def test_a_midnight_told_with_its_day_ends_that_day() -> None:
    # PolNeAR dev west-journal_2016-09-23 (a Friday): the veto deadline runs through Friday
    got = _found("Obama's veto is expected to come before the deadline at midnight Friday, but "
                 "Republicans seem confident.", date(2016, 9, 23))
    assert got["at midnight Friday"].value == "2016-09-23T24:00"
    assert got["at midnight Friday"].range_start == "2016-09-23"


def test_year_end_in_two_words() -> None:
    # TimeBank wsj_0950 (1989-10-26, tuned on; gold 1989): "by year end" was not found
    got = _found("Hughes's previously announced plan to reduce employment by at least 6,000 "
                 "people by year end.", date(1989, 10, 26))
    assert got["year end"].value == "1989"


def test_earlier_in_the_year_and_in_years() -> None:
    # TimeBank wsj_0918 and wsj_0973 (1989-10-26, tuned on; gold 1989 and PXY): not found
    got = _found("Herbicide use in some areas of the U.S. was delayed earlier in the year by "
                 "heavy rains.", date(1989, 10, 26))
    assert got["earlier in the year"].value == "1989"
    got = _found("A bright spot is the company's power-generation business, which is "
                 "experiencing a surge of growth for the first time in years.", date(1989, 10, 26))
    assert got["years"].value == "PXY"
    # not a week the story does not place: "in the week after" needs "earlier" / "later"
    got = _found("In the week after the attack, police arrested three men.", date(2017, 3, 1))
    assert not any("week" in k for k in got)


def test_in_n_years_after_a_noun_is_how_long() -> None:
    # news-clusters line 223 (USA Today, 2016-11-13): "48 years" was the date 2064
    got = _found("There is a chance that no Brazilian drivers will be on the grid in 2017. That "
                 "would be the first time in 48 years.", date(2016, 11, 13))
    assert got["48 years"].value == "P48Y"


def test_a_since_date_or_a_holiday_qualifying_a_thing_gives_no_clock_its_day() -> None:
    # news-clusters line 228 (CoinDesk, 2018-02-06): the clocks were put on Nov. 13
    got = _found("Prices fell as low as $5,967.34 at 07:59 UTC – the lowest level since Nov. 13. "
                 "As of writing, bitcoin is changing hands at $6,156.\nThe sell-off has been "
                 "significant, as indicated by the $1,000 drop seen between 00:45 to 05:00 UTC.",
                 date(2018, 2, 6))
    assert got["00:45"].value == "2018-02-06T00:45"
    # news-clusters line 238 (Washington Post, 2016-11-03): 12:47 a.m. was put on Halloween
    got = _found("The Chicago Cubs won the World Series here Wednesday night. Finally, in the "
                 "10th inning, reliever Carl Edwards Jr., who had dressed as Mr. Incredible on a "
                 "Cubs Halloween plane ride, tried to get the save. At 12:47 a.m., after 4 hours "
                 "28 minutes, the mound mob scene began.", date(2016, 11, 3))
    # and it is Thursday's: the small hours after a night named before
    assert got["12:47 a.m."].value == "2016-11-03T00:47"


def test_four_digits_before_a_time_zone_are_a_clock() -> None:
    # news-clusters line 375 (2018-02-06, Falcon Heavy): "(1830 GMT)" was the year 1830; it
    # restates "1:30 p.m. EST", so it is no second expression (AQUAINT tags none such)
    got = _found("Launch is scheduled during a two-and-a-half hour window Tuesday opening at "
                 "1:30 p.m. EST (1830 GMT).", date(2018, 2, 6))
    assert "1830" not in got and got["1:30 p.m."].value == "2018-02-06T13:30"
    # written for the test, after the wires' form: the clock alone
    got = _found("The quake struck at 1900 GMT on Friday, the agency said.", date(2017, 12, 30))
    assert got["1900 GMT on Friday"].value == "2017-12-29T19:00"
    got = _found("Police said the blast happened at 0630 local time.", date(2017, 12, 30))
    assert got["0630"].value == "2017-12-30T06:30"
    # a year stays a year
    got = _found("Pyongyang had also launched projectiles over Japan in 1998.", date(2017, 8, 29))
    assert got["1998"].value == "1998"


def test_a_clock_range_shares_its_afternoon() -> None:
    # news-clusters line 255 (NYT, 2018-02-06): "1:30" was 01:30
    got = _found("If some technical glitch postpones the launch, SpaceX has a second "
                 "opportunity on Wednesday, also between 1:30 and 4:00 p.m.", date(2018, 2, 6))
    assert got["1:30"].value == "2018-02-07T13:30"
    assert got["4:00 p.m."].value == "2018-02-07T16:00"


def test_a_clock_restated_in_brackets_is_no_second_time() -> None:
    # news-clusters line 261 (The Sun, 2017-08-29): "(10pm BST)" was 22:00 of the 29th
    got = _found("South Korea's military said the projectile was fired from the Sunan region "
                 "near the North Korean capital of Pyongyang just before 6am (10pm BST).",
                 date(2017, 8, 29))
    assert list(got) == ["6am"]


def test_a_month_of_that_year_is_the_story_s() -> None:
    # news-clusters line 259 (NPR, 2017-09-19): "late January" was 2017-01
    got = _found("Other reports date back to early 2016. A notice of data breach from Kroger "
                 "executives states that the incident began in late January of that year.",
                 date(2017, 9, 19))
    assert got["late January of that year"].value == "2016-01"
    # with no year told before, the month keeps an unknown year (not the paper's)
    got = _found("In March of that year, he resigned.", date(2017, 9, 19))
    assert got["March of that year"].value == "XXXX-03"


def test_july_fourth_is_the_holiday() -> None:
    # news-clusters line 242 (CNN gallery, 2018-02-06): "July" alone was read, as 2018-07
    got = _found("According to E! (which hosts all things Kardashian), Kardashian decided to end "
                 "it over the July Fourth weekend after photos surfaced of Disick with another "
                 "woman.", date(2018, 2, 6))
    assert (got["July Fourth"].value or "").endswith("-07-04")
    assert "July" not in got
