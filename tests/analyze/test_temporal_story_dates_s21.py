"""Session 21 (issue #17): dates a story page's timeline got wrong that the TimeML figures
do not see, read line by line on 20 news-clusters stories (``tests/data/timeline_dates/``).

A game's "second quarter" in a story of Super Bowl ads was the calendar's 2017-Q2 because
the article spoke of money elsewhere; "her Christmas lights" and "her Christmas list" were
25 December. Sentences are from ``news_cluster.jsonl`` (line numbers cited), with the
publication date of their article.
"""

from __future__ import annotations

from datetime import date

from veille.analyze.nlp import get_nlp
from veille.analyze.temporal import extract_times
from veille.core.model import DateRange


def _found(text: str, day: date) -> dict[str, str | None]:
    ref = DateRange(day, day, "day")
    return {t.text: t.value for t in extract_times(text, [], ref, "en", [(0, get_nlp("en")(text))])}


def test_a_games_quarter_in_a_text_with_money_elsewhere() -> None:
    # line 65 (Daily Mail, 2018-02-05): the ads cost money, the quarter is the game's
    got = _found("This year's commercials are battling to snag the attention of some 110million "
                 "viewers estimated to tune in to Sunday's big game and are spending $5million or "
                 "more for just 30 seconds of airtime alone.\nThey looked for his coming in the "
                 "second quarter and before halftime, they looked to the 60-second ad.",
                 date(2018, 2, 5))
    assert "the second quarter" not in got
    assert got["Sunday"] == "2018-02-04"


def test_a_fiscal_quarter_stays_where_the_sentence_speaks_of_money() -> None:
    # line 126 (2017-12-29): money in the sentence, a firm's quarter
    got = _found("Goldman Sachs is expecting a $5 billion hit to profits during the fourth "
                 "quarter because of the tax overhaul recently signed into law.",
                 date(2017, 12, 29))
    assert got["the fourth quarter"] == "2017-Q4"


def test_a_trades_game_words_do_not_make_a_quarter_a_games() -> None:
    # "game" as a compound's part names a trade (line 126's quarter, said of a game maker):
    # a fiscal quarter in a text with money
    got = _found("Goldman Sachs is expecting a $5 billion hit to profits.\nThe video game maker "
                 "expects a strong fourth quarter.", date(2017, 12, 29))
    assert got["fourth quarter"] == "2017-Q4"


def test_a_holiday_naming_a_kind_of_thing_is_no_date() -> None:
    # lines 226 and 291 (2017-12-26, 2017-12-27): the lights are not put up on the day
    assert _found("She suspected that her family had put up their Christmas lights wrong.",
                  date(2017, 12, 26)) == {}
    assert _found("The multibillion-dollar bill did inspire Horomanski to add an item to her "
                  "Christmas list.", date(2017, 12, 27)) == {}


def test_a_holiday_naming_its_day_or_a_stretch_still_dates() -> None:
    # line 232 (CNN, 2018-01-01): the crash was on the eve; line 112: the holiday stretch
    got = _found("Relatives and friends are mourning the deaths of 10 Americans, including two "
                 "families, killed in a New Year's Eve plane crash in Costa Rica.",
                 date(2018, 1, 1))
    assert got["New Year's Eve"] == "2017-12-31"
    got = _found("Rihanna had just spend the Christmas holiday with her cousin Tavon.",
                 date(2017, 12, 27))
    assert got["Christmas"] == "2017-12-25"
    # line 252 (2017-12-26): "a 34-6 Christmas Day win" names the day
    got = _found("The Pittsburgh Steelers dominated the Houston Texans with a touchdown in each "
                 "quarter leading to a 34-6 Christmas Day win.", date(2017, 12, 26))
    assert got["Christmas Day"] == "2017-12-25"


def test_a_quotation_paragraph_after_a_quotation_said_on_a_day_counts_from_that_day() -> None:
    # line 201 (Daily Mail, 2018-01-03, a Wednesday): the spokesman's "today" is the Friday
    # he spoke on, in the paragraph that goes on with his quotation (single quote marks)
    text = ("Responding to the criticism, Apple spokesperson Nick Leahy told The Chicago "
            "Tribune that the problem was the result of a technical issue.\n'The roof has a "
            "warming system that's built into it,' Leahy said on Friday.\n'It needed some "
            "fine-tuning and it got re-programmed today. It's hopefully a temporary problem.'")
    got = _found(text, date(2018, 1, 3))
    assert got["on Friday"] == "2017-12-29"
    assert got["today"] == "2017-12-29"
    # a paragraph of the writer's own after it keeps the paper's day
    got = _found(text.replace("\n'It needed", "\nIt needed").replace("problem.'", "problem."),
                 date(2018, 1, 3))
    assert got["today"] == "2018-01-03"
