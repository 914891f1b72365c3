"""Headings, graphics and headlines glued to a sentence are no summary
sentences (session 12, #19). Sentences from news-clusters
(../shared/data/news-clusters), as the pages extracted them: the Las Vegas
shooting (nytimes.com), Chang'e 4 (dailymail.co.uk), Intel's Vaunt
(theinquirer.net), the Bears (washingtonpost.com), and datelines of AP copy.
"""

from __future__ import annotations

from veille.stories.summary import opens_on_capitals, quotable, repeats_headline
from veille.stories.units import Unit


def test_a_heading_or_graphic_glued_to_the_sentence_opens_on_capitals() -> None:
    for text in (
        "THE MOON GARDEN According to the Chongqing Morning Post, a container filled with "
        "seeds and insect eggs will be attached to Chang'e 4, China's second lunar lander, "
        "and will be sent to the Moon in 2018.",
        "200 FEET LAS VEGAS BOULEVARD CROWD STAGE Site of Route 91 Harvest Festival NORTH "
        "LAS VEGAS LAS VEGAS FREEWAY LUXOR HOTEL Mandalay Bay Resort and Casino The gunman "
        "shot from the 32nd floor.",
        "NOT CONTENT WITH CHIPS Intel has knocked up a pair of smart glasses that actually "
        "look like something you'd wear as opposed to full-on nerd goggles.",
    ):
        assert opens_on_capitals(text), text


def test_datelines_and_single_capital_words_are_sentences() -> None:
    for text in (
        "LAS VEGAS - A gunman killed at least 50 people and wounded over 400 at a country "
        "music festival on the Las Vegas Strip on Sunday.",
        "NEW YORK — Rihanna is mourning the death of her cousin and calling for an end to "
        "gun violence.",
        "ERIE, Pa. — A Pennsylvania woman says she went online to check her electric bill.",
        "BERLIN (AP) - A tourist ship has struck a highway bridge on the Rhine river in "
        "western Germany.",
        "RIO DE JANEIRO — Brazil's president said on Monday that the games would go ahead.",
        "BRITAIN'S night skies will be illuminated by not one but TWO super moons in January.",
        "NASA has revealed a stunning satellite view of a very broken iceberg.",
    ):
        assert not opens_on_capitals(text), text


def test_the_articles_headline_behind_a_dateline_is_no_statement() -> None:
    title = "Chicago Bears fire coach John Fox after 5-11 season"
    assert repeats_headline("LAKE FOREST, Ill. — Chicago Bears fire coach John Fox after "
                            "5-11 season.", title)
    assert not repeats_headline("Fox's firing was first reported by NFL Network Insider Ian "
                                "Rapoport.", title)
    # a long sentence that merely ends on the headline's words states more
    assert not repeats_headline("The team said on Monday, after a meeting that lasted all "
                                "morning, that the Chicago Bears fire coach John Fox after "
                                "5-11 season.", title)
    unit = Unit(idx=0, article=0, uid="wp", sentence=0, start=0, end=10, language="en",
                text="LAKE FOREST, Ill. — Chicago Bears fire coach John Fox after 5-11 season.")
    keys = {"wp": {"key": "outlet:washingtonpost.com"}}
    assert quotable(unit, keys) and not quotable(unit, keys, {"wp": title})
