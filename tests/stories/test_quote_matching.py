"""Quotes compared across articles: one statement, several renderings."""

from __future__ import annotations

from dataclasses import replace

from veille.core.model import Analysis, Quote
from veille.stories.quote_matching import (
    StoryQuote,
    content_stems,
    group_story_quotes,
    match_quotes_across,
    quote_from_stored,
    said_alike,
)
from veille.stories.units import Unit


def test_match_across_needs_same_speaker_and_overlap():
    def an(uid, text, sid):
        return Analysis(uid, "fr", quotes=[Quote(text, 0, len(text), 0, speaker_entity_id=sid)])

    same = [an("a", "Les réserves de gaz sont pleines pour l'hiver", "per:x"),
            an("b", "nos réserves de gaz sont pleines", "per:x")]
    assert match_quotes_across(same) == [[("a", 0), ("b", 0)]]
    other = [same[0], an("b", "nos réserves de gaz sont pleines", "per:y")]
    assert match_quotes_across(other) == []
    unrelated = [same[0], an("b", "La réforme des retraites sera votée", "per:x")]
    assert match_quotes_across(unrelated) == []


def test_content_stems_use_the_languages_stop_words_only_when_it_has_quote_words():
    # French: "tout", "se", "comme" are stop words; accents are folded and words stemmed.
    fr = content_stems("Tout se déroule comme prévu", "fr")
    assert not {"tout", "se", "comm", "comme"} & fr and len(fr) == 2
    assert content_stems("Tout se déroulait comme prévu", "fr") == fr
    # German has no quote words: no stop list (never the English or French one).
    de = content_stems("Das ist der Plan", "de")
    assert len(de) == 4


def test_quote_from_stored_ignores_keys_that_are_no_quote_field():
    q = quote_from_stored({"text": "oui", "start": 3, "end": 6, "sentence": 0,
                           "speaker": "X", "unit_text": "…"})
    assert q == Quote("oui", 3, 6, 0, speaker="X")


def _unit(uid, text):
    return Unit(idx=0, article=0, uid=uid, sentence=0, start=0, end=len(text), text=text,
                language="fr")


def test_unlinked_speakers_fall_back_to_word_matching():
    a = Quote("Les réserves de gaz sont pleines pour l'hiver", 0, 44, 0, speaker="Olaf Scholz")
    b = Quote("nos réserves de gaz sont pleines", 0, 32, 0, speaker="Olaf Scholz")
    c = Quote("nos réserves de gaz sont pleines", 0, 32, 0, speaker="Robert Habeck")
    quotes = [StoryQuote(q, _unit(uid, q.text)) for uid, q in (("a", a), ("b", b), ("c", c))]
    groups = sorted(sorted(g) for g in group_story_quotes(quotes))
    assert groups == [[0, 1], [2]]
    # Once speakers are linked, the entity matcher decides: an unattributed
    # rendering (which the word matcher would join) stays apart.
    linked = [StoryQuote(replace(x.quote, speaker_entity_id="per:x"), x.unit) for x in quotes[:2]]
    anon = StoryQuote(replace(b, speaker=None), _unit("d", b.text))
    assert sorted(sorted(g) for g in group_story_quotes([*linked, anon])) == [[0, 1], [2]]


def test_two_statements_about_one_topic_are_not_one_statement():
    # issue #16: Trump's "good relationship with China" and "disappointed in
    # China" were grouped as one statement from 2 sources
    def an(uid, text):
        return Analysis(uid, "en", quotes=[Quote(text, 0, len(text), 0, speaker_entity_id="per:t")])

    pair = [an("a", "We have a very good relationship with China"),
            an("b", "I am very disappointed in China")]
    assert match_quotes_across(pair) == []
    same = [an("a", "We have a very good relationship with China"),
            an("b", "we have a very good relationship with China, believe me")]
    assert match_quotes_across(same) == [[("a", 0), ("b", 0)]]


def test_stop_words_are_spacys_without_importing_spacy_language_packages() -> None:
    """The first view a process builds imported spacy.lang.fr (seconds) for a
    word list; the list read from its file is the same list."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    from veille.lang.stop_words import spacy_stop_words

    assert spacy_stop_words("fr") == frozenset(FR)
    assert spacy_stop_words("en") == frozenset(EN)
    assert spacy_stop_words("xx-not-a-language") == frozenset()


def test_matching_quotes_leaves_spacy_language_packages_unimported() -> None:
    import subprocess
    import sys

    code = ("import sys\n"
            "from veille.stories.quote_matching import content_stems\n"
            "assert content_stems('Tout se déroule comme prévu', 'fr') == content_stems("
            "'tout se déroule comme prévu', 'fr')\n"
            "print(sorted(m for m in sys.modules if m.startswith('spacy.lang')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_same_short_words_of_one_speaker_are_one_statement() -> None:
    """news-clusters' Tamimi story: AP, the Washington Post and the NYT each
    report that soldiers declined "to respond"; the page listed « to respond »
    three times under one speaker (too short for the word-overlap test)."""
    q = Quote("to respond", 0, 10, 0, speaker="Israeli troops")
    quotes = [StoryQuote(q, _unit(uid, "The soldiers declined to respond.")) for uid in "abc"]
    assert sorted(sorted(g) for g in group_story_quotes(quotes)) == [[0, 1, 2]]
    other = StoryQuote(replace(q, speaker="the army"), _unit("d", "The army declined to respond."))
    assert [0, 1, 2] in [sorted(g) for g in group_story_quotes([*quotes, other])]


def test_two_statements_of_one_speaker_sharing_a_word_are_two():
    """Session-21 audit, story 35: Trump's "the very need for moderators"
    (PolNeAR dev, usa-today_2016-09-23_trump-questions-the-fairness-of-) and "his
    message that what the country needs first and foremost is a dose of law and
    order" (wash-post_2016-09-29_the-real-trump-showed-up-at-deba) share one
    content word, "need": they were one statement of "2 sources"."""
    def an(uid, text):
        return Analysis(uid, "en", quotes=[Quote(text, 0, len(text), 0,
                                                 speaker_entity_id="per:trump")])

    apart = [an("usa-today", "the very need for moderators"),
             an("wash-post", "his message that what the country needs first and foremost is "
                             "a dose of law and order")]
    assert match_quotes_across(apart) == []
    # Two outlets quoting one statement (news-clusters, the North Korea story):
    # the same words in the same order, one trimmed.
    same = [an("a", "Pyongyang would face \u201cfire and fury\u201d if it threatened the United States"),
            an("b", "the North would face \u201cfire and fury\u201d if it threatened the United States")]
    assert match_quotes_across(same) == [[("a", 0), ("b", 0)]]
    assert said_alike(same[0].quotes[0].text, same[1].quotes[0].text)
    assert not said_alike(apart[0].quotes[0].text, apart[1].quotes[0].text)
