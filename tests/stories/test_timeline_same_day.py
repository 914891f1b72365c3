"""One event worded apart by two outlets is one timeline line (session 11, #19).

Sentences from news-clusters (../shared/data/news-clusters): the Boko Haram
story (2016-10-13) and the bank-tax story (2017-12/2018-01), as published.
"""

from __future__ import annotations

from veille.core.views import TimelineEntry
from veille.stories.timeline import SAME_DAY_WORDING, merge_same_wording


def _line(sentence: str, fact: str, source: str, start: str = "2009-01-01",
          end: str = "2009-12-31") -> TimelineEntry:
    return TimelineEntry(date=start[:4], start=start, end=end, precision="year",
                         relative_to_publication="before", restates_publication_date=False,
                         expressions=[start[:4]], sentence=sentence, fact=fact,
                         articles=[source], sources=[source], other_dates=[], languages=["en"])


def test_one_toll_worded_apart_is_one_line() -> None:
    a = _line("The insurgency has claimed more than 20,000 lives and displaced 2.6 million "
              "people from their homes since Boko Haram took up arms against the Nigerian "
              "government in 2009.", "F3", "afp")
    b = _line("Boko Haram has been blamed for the deaths of more than 20,000 people and "
              "displacement of 2.3 million others in Nigeria since their insurgency in 2009.",
              "F9", "sun")
    out = merge_same_wording([a, b], SAME_DAY_WORDING)
    assert len(out) == 1 and set(out[0].sources) == {"afp", "sun"}


def test_two_figures_are_two_lines() -> None:
    a = _line("Analysts at Goldman Sachs have estimated that the tax law will boost big-bank "
              "earnings per share by 13 percent next year.", "F1", "cnbc", "2018-01-01", "2018-12-31")
    b = _line("It will enjoy an 18 percent earnings surge in 2018, Goldman estimates.", "F2",
              "fortune", "2018-01-01", "2018-12-31")
    assert len(merge_same_wording([a, b], SAME_DAY_WORDING)) == 2


def test_other_dates_or_languages_are_never_joined() -> None:
    text = ("The insurgency has claimed more than 20,000 lives and displaced 2.6 million "
            "people from their homes since Boko Haram took up arms against the Nigerian "
            "government in 2009.")
    a = _line(text, "F1", "afp")
    b = _line(text, "F2", "bbc", "2010-01-01", "2010-12-31")
    c = _line(text, "F3", "lemonde")
    c.languages = ["fr"]
    assert len(merge_same_wording([a, b, c], SAME_DAY_WORDING)) == 3


def test_two_peoples_representatives_are_two_lines() -> None:
    # the Thurman/Tarantino story (news-clusters, 2018-02-03)
    a = _line("A representative for Tarantino did not respond to a request for comment "
              "Saturday.", "F4", "ap", "2018-02-03", "2018-02-03")
    b = _line("When reached for comment Saturday, a representative for Thurman said the Times "
              "article \"speaks for itself\" and declined to comment further.", "F7", "vulture",
              "2018-02-03", "2018-02-03")
    people = {"F4": {"per:quentin-tarantino"}, "F7": {"per:uma-thurman"}}
    assert len(merge_same_wording([a, b], SAME_DAY_WORDING, people)) == 2


def test_one_clock_time_is_one_event() -> None:
    # the New England fireball (news-clusters, 2017-12-26/27): nytimes.com, rt.com,
    # cetusnews.com
    a = _line("The Mount Agamenticus Conservation Program webcam on Mount Agamenticus in York "
              "County captured the event at 5:52 p.m.", "F2", "nyt", "2017-12-26", "2017-12-26")
    b = _line("It happened at 5:52 p.m.", "F6", "rt", "2017-12-26", "2017-12-26")
    c = _line("The American Meteor Society, a nonprofit group of astronomers, received over 180 "
              "reports from eyewitnesses of the natural pyrotechnics display which took place "
              "at approximately 6pm EST on December 26.", "F3", "cetus", "2017-12-26",
              "2017-12-26")
    for x, expr in ((a, "5:52 p.m."), (b, "5:52 p.m."), (c, "6pm")):
        x.precision, x.expressions = "minute", [expr]
    out = merge_same_wording([a, b, c], SAME_DAY_WORDING)
    assert len(out) == 2 and set(out[0].sources) == {"nyt", "rt"}
