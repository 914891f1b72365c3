"""The compact timeline's fill: one line per date (issue #19, session 20).

Lines of the Tiangong-1 story of news-clusters (../shared/data/news-clusters:
theguardian.com 2017-10-14, theverge.com 2017-12-31, jreasn.com 2018-01-01,
express.co.uk 2018-01-09), as published: four outlets told the 2016 loss of
contact in four lines one source each carries, which filled the compact
default before the story's other dates."""

from __future__ import annotations

from veille.core.views import TimelineEntry
from veille.stories.timeline import COMPACT_MIN, mark_compact

LINES = [  # (start, end, n_sources, sentence), in date order as the view keeps them
    ("2016-01-01", "2016-12-31", 1, '"You really can\'t steer these things," he said in 2016.'),
    ("2016-01-01", "2016-12-31", 1, "Then in 2016, the Chinese Space Agency announced it had lost "
                                    "contact and control of the space station."),
    ("2016-01-01", "2016-12-31", 1, "Jonathan McDowell, a renowned astrophysicist from Harvard "
                                    "University, suggested in 2016 that China had indeed lost "
                                    "control of the satellite."),
    ("2017-01-01", "2017-12-31", 1, "The tail end of 2017 was packed with interesting asteroid "
                                    "sightings and near-misses that gave skywatchers a reason to "
                                    "look up, but the biggest threat from above in 2018 might be "
                                    "manmade."),
    ("2017-05-01", "2017-05-31", 1, "The chance that anyone will be harmed by the debris is "
                                    "considered remote but China told the United Nations ..."),
    ("2018-03-01", "2018-03-31", 2, "Sometime in late March of next year, a Chinese space station "
                                    "named Tiangong-1 is going to fall back down to Earth — and some "
                                    "big pieces may survive the reentry."),
    ("2018-04-01", "2018-04-30", 1, "China's space agency has since notified the UN that it expects "
                                    "Tiangong-1 to come down between October 2017 and April 2018."),
]


def _entries() -> list[TimelineEntry]:
    out = []
    for k, (start, end, n, sentence) in enumerate(LINES):
        srcs = [f"outlet:{k}-{j}" for j in range(n)]
        e = TimelineEntry(date=start[:7], start=start, end=end, precision="year",
                          relative_to_publication="past", restates_publication_date=False,
                          expressions=[], sentence=sentence, fact=f"F{k}", articles=srcs,
                          sources=srcs, other_dates=[], languages=["en"])
        e.n_sources = n
        out.append(e)
    return out


def test_the_fill_takes_one_line_per_date() -> None:
    entries = _entries()
    mark_compact(entries)
    shown = [e for e in entries if e.compact]
    assert len(shown) == COMPACT_MIN
    assert sum(e.start == "2016-01-01" for e in shown) == 1
    # the line several sources carry first, then every other date of the story
    assert {e.start for e in shown} == {"2016-01-01", "2017-01-01", "2017-05-01", "2018-03-01",
                                        "2018-04-01"}


def test_lines_several_sources_carry_are_all_shown() -> None:
    """The fill never drops a line several sources carry, even on one date."""
    entries = _entries()
    for e in entries[:3]:
        e.sources = e.articles = ["outlet:a", "outlet:b"]
        e.n_sources = 2
    mark_compact(entries)
    assert all(e.compact for e in entries[:3])


def test_an_event_of_the_publication_day_named_as_a_day_is_compact() -> None:
    """edition.cnn.com and washingtonpost.com on the Costa Rica crash, both
    published Sunday 2017-12-31: "Sunday" in Sunday's paper dates the story's
    event (it was left out of the default as the article's own date again);
    "right now" is the generic present and stays out."""
    from datetime import date

    from veille.analyze.pipeline import analyze_batch
    from veille.core.model import DateRange
    from veille.stories.view import build_story_view

    from .conftest import day_article

    crash = ("A small plane crash Sunday in northwest Costa Rica killed 12 people, including 10 "
             "US citizens, officials said.")
    shock = ("\u201cWe are in utter shock and disbelief right now,\u201d Bruce Steinberg\u2019s "
             "sister, Tamara Steinberg Jacobson, wrote on Facebook.")
    arts = [day_article("cnn", crash, "edition.cnn.com", "2017-12-31", "en"),
            day_article("wapo", f"{shock}\n\n{crash}", "www.washingtonpost.com", "2017-12-31", "en")]
    day = date(2017, 12, 31)
    ans = analyze_batch([(a["uid"], a["text"], "en", DateRange(day, day, "day")) for a in arts])
    timeline = build_story_view(arts, ans, {}).to_dict()["timeline"]
    line = next(e for e in timeline if e["sentence"] == crash)
    assert line["restates_publication_date"] and line["names_publication_day"]
    assert line["compact"] and line["n_sources"] == 2
    assert not any(e["compact"] for e in timeline if "right now" in e["sentence"])
