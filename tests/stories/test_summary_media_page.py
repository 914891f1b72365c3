"""Sentences of a video, gallery or programme page are summary suspects
(session 17, #19).

Texts from news-clusters (../shared/data/news-clusters), as published: CNN's
video page of the President's Las Vegas address (2017-10, its whole text) and
sentences written for the test in the manner of the wires' copy of the same
night, on made-up URLs.
"""

from __future__ import annotations

import numpy as np

from veille.core.records import StoredArticle
from veille.stories.similarity import StoryVectors
from veille.stories.summary import SUSPECT_FURNITURE, build_summary
from veille.stories.units import build_units, media_page

VIDEO = ("President Donald Trump addresses the nation following a mass shooting at Las Vegas' "
         "Mandalay Bay resort that has left at least 50 people dead and hundreds more injured.")
ARTICLES = [  # three outlets' first two sentences
    "A gunman opened fire on a country music festival on the Las Vegas Strip on Sunday night, "
    "killing at least 50 people and wounding more than 400, police said.\n"
    "The gunman fired from the 32nd floor of the Mandalay Bay hotel, police said.\n",
    "Police said the gunman killed himself before officers entered his hotel room.\n"
    "Hundreds of people were taken to hospitals across the city overnight.\n",
    "The attack is the deadliest mass shooting in the modern history of the United States.\n"
    "President Donald Trump called the shooting an act of pure evil on Monday morning.\n",
]


def test_media_pages_by_their_path() -> None:
    assert media_page("http://edition.cnn.com/videos/us/2017/10/02/donald-trump-entire-las-vegas-"
                      "shooting-address-sot.cnn")
    assert media_page("http://edition.cnn.com/2017/10/02/us/gallery/las-vegas-shooting/index.html")
    assert media_page("https://www.rt.com/shows/boom-bust/402559-hurricane-harvey-irma-damage/")
    assert media_page("https://www.bbc.com/news/av/world-us-canada-41471436")
    # an article whose slug speaks of videos, a section named otherwise, no URL
    assert not media_page("https://www.usatoday.com/story/tech/2018/02/05/video-games-sales/1/")
    assert not media_page("http://edition.cnn.com/2016/03/18/health/seaworld-blackfish-effect-"
                          "circuses-zoos/index.html")
    assert not media_page("https://example.com/videos")  # the page's own slug
    assert not media_page(None)


def test_a_video_page_gives_way_to_the_articles() -> None:
    arts = [StoredArticle(uid="v", text=VIDEO, url="http://edition.cnn.com/videos/us/2017/10/02/"
                          "donald-trump-entire-las-vegas-shooting-address-sot.cnn", language="en"),
            *(StoredArticle(uid=f"a{k}", text=t, url=f"https://www.example{k}.com/news/2017/10/02/"
                            "las-vegas-shooting/", language="en") for k, t in enumerate(ARTICLES))]
    units, _ = build_units(arts, [None, None])
    video = [u for u in units if u.uid == "v"]
    assert video and all(u.furniture_score >= SUSPECT_FURNITURE for u in video)
    assert all(u.furniture_score == 0.0 for u in units if u.uid != "v")
    from veille.core.views import Fact, UnitRef
    facts = []
    for i, u in enumerate(units):
        ref = UnitRef(article=u.uid, sentence=0, start=u.start, end=u.end, text=u.text,
                      caption=False, language="en")
        facts.append(Fact(statement=u.text, representative=ref, n_sources=1, sources=[u.uid],
                          articles=[u.uid], members=[ref], entities=[], id=f"F{i}", units=[i]))
    keys = {u.uid: {"key": f"outlet:{u.uid}"} for u in units}
    central = np.ones(len(units))
    out = build_summary(units, StoryVectors([u.text for u in units]), central, facts, keys,
                        "en", n=5)
    assert len(out) == 5 and all(s.article != "v" for s in out)
    # a story of the video page alone keeps its line: a summary, even short, beats none
    alone, _ = build_units(arts[:1], [None])
    one = build_summary(alone, StoryVectors([u.text for u in alone]), np.ones(len(alone)),
                        facts[:len(alone)], keys, "en", n=5)
    assert [s.article for s in one] == ["v"]
