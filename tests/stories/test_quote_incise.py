"""Two renderings of one quote differ only if the speaker's words differ (session 11, #19).

Renderings as the quote extractor gives them for news-clusters stories
(../shared/data/news-clusters): Telegram (telegraph.co.uk, usatoday.com
2018-02), Harambe (rt.com, npr.org 2016-05-29), Nice (nytimes.com,
edition.cnn.com 2016-07-15). A quote joined across its attribution keeps the
incise in its text.
"""

from __future__ import annotations

from typing import Any

from veille.stories.quote_matching import differing_renderings


def _r(text: str, source: str) -> dict[str, Any]:
    return {"text": text, "source": source, "article": source, "sentence": text,
            "kind": "direct"}


def test_the_attribution_between_pieces_is_not_the_quote() -> None:
    durov = [
        _r("We were alerted by Apple that inappropriate content was made available to our "
           "users and both apps were taken off the App Store,\" Durov said on Twitter. \"Once "
           "we have protections in place we expect the apps to be back on the App Store.",
           "telegraph"),
        _r("We were alerted by Apple that inappropriate content was made available to our "
           "users, and both apps were taken off the App Store,\" Pavel Durov remarked on "
           "Twitter. \"Once we have protections in place, we expect the apps to be back on "
           "the App Store.", "usatoday"),
    ]
    assert differing_renderings(durov) == []
    maynard = [
        _r("The Zoo security team's quick response saved the child's life. We are all "
           "devastated that this tragic accident resulted in the death of a critically-"
           "endangered gorilla,\" Maynard said later in a statement. \"This is a huge loss "
           "for the Zoo family and the gorilla population worldwide.", "rt"),
        _r("The Zoo security team's quick response saved the child's life. We are all "
           "devastated that this tragic accident resulted in the death of a critically-"
           "endangered gorilla,\" Zoo Director Thane Maynard said in the statement. \"This "
           "is a huge loss for the Zoo family and the gorilla population worldwide.", "npr"),
    ]
    assert differing_renderings(maynard) == []


def test_a_word_more_in_the_quote_still_differs() -> None:
    hollande = [
        _r("France has been struck on the day of her national holiday,” he said. “Human "
           "rights are denied by fanatics, and France is clearly their target.", "nyt"),
        _r("human rights are denied by fanatics and France is quite clearly their target.",
           "cnn"),
    ]
    assert len(differing_renderings(hollande)) == 2
