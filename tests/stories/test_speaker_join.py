"""One person, one speaker on the story page (stories.speakers._join_surnames).

A lone surname in one article and the full name in another stayed two
speakers when nothing linked them: a recogniser that called "Trump" an
organisation, a language with no entity pipeline. Real sentences, with their
source."""

from __future__ import annotations

from typing import Any

from veille.analyze.pipeline import analyze_batch
from veille.stories.view import build_story_view

from .conftest import day_article


def _view(day: str, language: str, *articles: tuple[str, str, str]) -> Any:
    """The story view of (uid, source, text) articles of one day and language."""
    arts = [day_article(uid, text, source, day, language) for uid, source, text in articles]
    ans = analyze_batch([(a["uid"], a["text"], language, None) for a in arts])
    return build_story_view(arts, ans, {})


def test_a_surname_speaker_joins_the_full_name_of_the_story() -> None:
    """Two outlets' sentences of the news-clusters North Korea missile story
    (CNN 093c655f, HuffPost a124707a): "Trump said" in one, "President Donald
    Trump said" in the other. Without a link between the two articles' names,
    the page listed one person as two speakers."""
    view = _view("2017-08-29", "en",
                 ("a", "edition.cnn.com",
                  '"We have a very good relationship with China and with the President of '
                  'China. We are working on different things," Trump said.'),
                 ("b", "www.huffingtonpost.com",
                  "North Korea fired a missile over Japan on Tuesday. President Donald Trump "
                  "said the North would face “fire and fury” if it threatened the United States."))
    names = [sp.speaker for sp in view.speakers]
    assert "Trump" not in names
    assert any(sp.speaker.endswith("Donald Trump") and len(sp.quotes) >= 2 for sp in view.speakers)


def test_a_surname_joins_the_full_name_without_entities() -> None:
    """Two outlets quote Borissow (SemEval 1569065538-like German copy); one names
    him in full. With no entity linking for German, the page still shows one
    speaker."""
    view = _view("2020-03-01", "de",
                 ("a", "x.de", "Die Kanzlerin sprach am Montag in Berlin über die Krise. „Es ist "
                  "nicht der Zeitpunkt dafür“, erklärte Borissow am Samstag in Sofia."),
                 ("b", "y.de", "In Sofia sprach der Regierungschef. „Wir schließen die Grenzen "
                  "nicht für Pflegekräfte“, sagte Bojko Borissow am Samstag."))
    assert [(sp.speaker, len(sp.quotes)) for sp in view.speakers] == [("Bojko Borissow", 2)]
