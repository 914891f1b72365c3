"""One person, one speaker on the story page (stories.speakers.join_speakers).

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


# Two outlets' sentences of the news-clusters Costa Rica plane-crash story: the
# Washington Post (04d3d3b4) names the aviation director "Enio Cubillo", the
# New York Times (31082af8) "Enio Cubillo Araya" (his second surname).
_WAPO = ("At a news conference Sunday, Enio Cubillo, director of Costa Rica Civil Aviation, said "
         "the Nature Air charter crashed shortly after taking off from Punta Islita on a planned "
         "flight to the capital of San Jose.")
_NYT = ("Enio Cubillo Araya, the director general of Costa Rica's civil aviation agency, said in "
        "a phone interview that the two crashes appeared to have been isolated episodes and not "
        "symptomatic of a deeper problem.")


def _linked(arts: list[dict[str, Any]]) -> tuple[list[Any], dict[str, Any]]:
    """Analyses and entity records as `veille analyze` saves them (linked)."""
    from veille.analyze.linking import link_entities

    ans, records = link_entities(
        analyze_batch([(a["uid"], a["text"], a["language"], None) for a in arts]), [])
    return ans, {r.entity_id: r.to_dict() for r in records}


def test_a_second_surname_left_out_is_one_speaker() -> None:
    arts = [day_article(uid, text, source, "2017-12-31", "en")
            for uid, source, text in (("a", "www.washingtonpost.com", _WAPO),
                                      ("b", "www.nytimes.com", _NYT))]
    ans, ents = _linked(arts)
    view = build_story_view(arts, ans, ents)
    cubillo = [sp for sp in view.speakers if "Cubillo" in sp.speaker]
    assert [(sp.speaker, len(sp.quotes)) for sp in cubillo] == [("Enio Cubillo Araya", 2)]


def test_an_update_joins_speakers_as_the_full_build_does() -> None:
    """The incremental path merged speakers by key only: the short form of a
    stored name stayed a second speaker after an update."""
    import copy

    from veille.core.records import StoredArticle
    from veille.stories.incremental import update_story_view

    arts = [day_article(uid, text, source, "2017-12-31", "en")
            for uid, source, text in (("a", "www.nytimes.com", _NYT),
                                      ("b", "www.washingtonpost.com", _WAPO))]
    ans, ents = _linked(arts)
    full = build_story_view(arts, ans, ents).to_dict()
    first = build_story_view(arts[:1], ans[:1], ents).to_dict()
    upd = update_story_view(copy.deepcopy(first), [StoredArticle.from_row(arts[1])], [ans[1]],
                            ents)

    def who(v: dict[str, Any]) -> list[tuple[str, int]]:
        return sorted((sp["speaker"], sp["n_quotes"]) for sp in v["speakers"]
                      if "Cubillo" in sp["speaker"])

    assert who(upd) == who(full) == [("Enio Cubillo Araya", 2)]


def test_short_forms() -> None:
    from veille.stories.speakers import _short_form

    assert _short_form(["borissow"], ["bojko", "borissow"])
    assert _short_form(["enio", "cubillo"], ["enio", "cubillo", "araya"])
    assert _short_form(["george", "bush"], ["george", "w", "bush"])
    assert not _short_form(["donald", "trump"], ["donald", "trump", "jr"])  # the son
    assert not _short_form(["earlier", "trump"], ["donald", "trump"])
    assert not _short_form(["kim", "jong", "il"], ["kim", "jong", "un"])


def test_a_canonical_name_with_page_furniture_is_shown_as_the_text_names_him() -> None:
    """news-clusters' SpaceX story: the linker's canonical name for Elon Musk
    kept a video clock and a descriptor ("0:54 Billionaire Elon Musk"); the
    story's sentences call him "Elon Musk" and "Musk"."""
    from collections import Counter

    from veille.stories.speakers import display_name

    assert display_name("0:54 Billionaire Elon Musk",
                        Counter({"Musk": 74, "Elon Musk": 17})) == "Elon Musk"
    # a surname alone never replaces the full name; a canonical the text uses stays
    assert display_name("Bojko Borissow", Counter({"Borissow": 3})) == "Bojko Borissow"
    assert display_name("Donald Trump", Counter({"Donald Trump": 2, "Trump": 9})) == "Donald Trump"


def test_names_of_several_words_join_only_with_a_linked_person() -> None:
    """Unlinked organisations of the news-clusters North Korea stories: "U.N."
    speaks, and so does the "U.N. Security Council"; a prefix is no evidence
    that two organisations are one. The Costa Rica director is a linked person."""
    from veille.stories.speakers import join_speakers

    def entry(name: str, eid: str | None) -> dict[str, Any]:
        return {"speaker": name, "entity_id": eid, "quotes": [{"text": name}], "sources": ["s"]}

    out = join_speakers([entry("United Nations", None),
                         entry("United Nations Security Council", None),
                         entry("Enio Cubillo", "per:enio-cubillo"),
                         entry("Enio Cubillo Araya", None)])
    assert sorted((e["speaker"], e["n_quotes"]) for e in out) == [
        ("Enio Cubillo Araya", 2), ("United Nations", 1), ("United Nations Security Council", 1)]


def test_a_shouted_name_is_shown_as_the_text_writes_it() -> None:
    """The Sun's capitalised lede ("MICHAEL Sheen and Sarah Silverman joked
    ...", news-clusters story on their split) became the entity's canonical
    name; its other alias writes the name plainly."""
    from collections import Counter

    from veille.stories.speakers import display_name

    assert display_name("MICHAEL Sheen", Counter({"MICHAEL Sheen": 2, "Michael Sheen": 0})) \
        == "Michael Sheen"
    assert display_name("NATO", Counter({"NATO": 4})) == "NATO"
    # an alias never used by the quotes does not replace the canonical name
    assert display_name("Kim Jong Un", Counter({"Kim": 5, "Jong Un": 0})) == "Kim Jong Un"


def test_joined_names_merge_a_statement_only_when_its_words_are_the_same() -> None:
    """Quotes of "Musk" joining "Elon Musk" (news-clusters SpaceX story): an
    excerpt of a quote is that quote; two statements sharing "the" and
    "rocket" are not (the word-overlap test merged "This is a rocket of truly
    huge scale" with another sentence about the rocket)."""
    from veille.stories.speakers import merge_quote

    def quote(text: str, src: str) -> dict[str, Any]:
        return {"text": text, "renderings": [{"text": text, "source": src}], "n_renderings": 1,
                "sources": [src], "n_sources": 1}

    quotes = [quote("will be in deep space for a billion years or so if it doesn't blow up "
                    "on ascent", "a")]
    merge_quote(quotes, quote("in deep space for a billion years or so", "b"), excerpts_only=True)
    assert len(quotes) == 1 and quotes[0]["n_sources"] == 2
    merge_quote(quotes, quote("This is a rocket of truly huge scale", "c"), excerpts_only=True)
    merge_quote(quotes, quote("the rocket will be in orbit", "d"), excerpts_only=True)
    assert len(quotes) == 3


def _entry(speaker: str, entity_id: str | None, quote: str, sentence: str) -> dict[str, Any]:
    r = {"text": quote, "kind": "indirect", "verb": "tweet", "article": "efc49552",
         "source": "outlet:dailymail.co.uk", "sentence": sentence}
    return {"speaker": speaker, "entity_id": entity_id, "sources": ["outlet:dailymail.co.uk"],
            "quotes": [{"text": quote, "renderings": [r], "n_sources": 1,
                        "sources": ["outlet:dailymail.co.uk"], "n_renderings": 1}]}


def test_one_name_linked_once_and_unlinked_once_is_one_speaker() -> None:
    """The Galaxy S9 story of news-clusters (dailymail.co.uk efc49552): the
    quote extractor gave "Ice Universe" linked in one sentence and unlinked in
    the next; the page listed the name twice (session 11). The quotes are the
    extractor's; their sentences play no part in the join."""
    from veille.stories.speakers import join_speakers

    out = join_speakers([
        _entry("Ice Universe", "per:ice-universe",
               "how, Ice Universe has a strong track record for predicting features on "
               "Samsung devices", ""),
        _entry("Ice Universe", None, "details about what the change to the back could be",
               ""),
    ])
    assert [e["speaker"] for e in out] == ["Ice Universe"]
    assert out[0]["entity_id"] == "per:ice-universe" and out[0]["n_quotes"] == 2


def test_one_name_of_two_linked_people_stays_two_speakers() -> None:
    from veille.stories.speakers import join_speakers

    out = join_speakers([
        _entry("Michael", "per:michael-sheen", "a", "Michael said a."),
        _entry("Michael", "per:michael-jackson", "b", "Michael said b."),
    ])
    assert len(out) == 2
