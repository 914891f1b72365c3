"""Session 21, English quotes: behaviour checked on real text (sources in each test)."""

from __future__ import annotations


def _starting(qs, words):
    return [q for q in qs if q.text.startswith(words)]


def _shown(qs):
    return [(q.text, q.speaker, q.method) for q in qs]


# --- where and when the words were said is no statement -----------------------
# PolNeAR train (tune half): huff-post_2015-12-03 ("…,” Zucker said during a
# discussion Thursday with …"), breitbart_2016-03-15 ("… is ending his campaign
# … after a humiliating loss in his home state of Florida"): the frame model
# took the occasion for a second statement; the gold has none.

def test_a_discussion_during_which_words_were_said_is_no_statement(speech_en):
    text = ("“We do not pay candidates to appear at debates,” Zucker said during a discussion "
            "Thursday with BuzzFeed Editor-in-Chief Ben Smith hosted by the Paley Center for "
            "Media.\n")
    qs = speech_en(text)
    assert not _starting(qs, "a discussion"), _shown(qs)
    said = _starting(qs, "We do not pay candidates")
    assert said and said[0].speaker == "Zucker", _shown(qs)


def test_an_event_after_which_a_campaign_ends_is_no_statement(speech_en):
    text = ("Republican Marco Rubio is ending his campaign for the Republican nomination for "
            "president after a humiliating loss in his home state of Florida.\n")
    qs = speech_en(text)
    assert not _starting(qs, "a humiliating loss"), _shown(qs)


# --- "they" for a plural noun that spoke --------------------------------------
# PolNeAR train (tune half): huff-post_2015-12-10 ("…, the groups say. They
# argue that Clinton should “lead by example.”"): no organisation was a subject
# before, so "they" named nobody. Control, huff-post_2015-11-17: "these
# contributions" complicate a line, they say nothing.

def test_they_stands_for_a_plural_noun_that_spoke(speech_en):
    text = ("Clark’s comments further “the anti-Muslim mob mentality” fostered by Trump and "
            "other GOP presidential hopefuls, the groups say. They argue that Clinton should "
            "“lead by example.”\n")
    qs = speech_en(text)
    said = _starting(qs, "Clinton should")
    assert said and said[0].speaker == "the groups", _shown(qs)


def test_they_is_no_plural_noun_that_said_nothing(speech_en):
    text = ("While these contributions complicate Clinton’s debate line, they don’t "
            "necessarily tell where Clinton would ultimately come down on financial sector "
            "regulation.\n")
    qs = speech_en(text)
    assert all(q.speaker != "these contributions" for q in qs), _shown(qs)
