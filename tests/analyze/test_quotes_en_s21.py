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


# --- an incise whose subject carries an apposition ------------------------------
# news-clusters (read check, not tuned on): The Washington Post's "“This
# discovery, …,” Priyamvada Natarajan, a theoretical astrophysicist at Yale
# University, told NBC." The preposition inside the apposition stopped the
# incise; the quote was only "embedded" in a statement "without marks" running
# from the quote to the speaker's name (that statement is still listed: see
# the docs page, "Measured, not shipped"). Controls from the same read:
# The Sun's partial quote inside Moon Jae-in's reported words before ",
# Yonhap news agency reported" stays Moon's; The Washington Post's quote closing
# on a point is no incise of the next sentence's verb.

def test_an_incise_subject_with_an_apposition_names_the_speaker(speech_en):
    text = ("“This discovery, if the interpretation of the data holds up, looks very exciting "
            "indeed,” Priyamvada Natarajan, a theoretical astrophysicist at Yale University, "
            "told NBC.\n")
    qs = speech_en(text)
    said = _starting(qs, "This discovery")
    assert len(said) == 1 and said[0].method == "incise" \
        and said[0].speaker == "Priyamvada Natarajan", _shown(qs)


def test_a_partial_quote_inside_narration_keeps_the_narrated_speaker(speech_en):
    text = ("Moon Jae-in also said dialogue with the Kim was “impossible in a situation like "
            "this”, South Korea’s Yonhap news agency reported.\n")
    qs = speech_en(text)
    said = _starting(qs, "impossible in a situation")
    assert said and said[0].speaker == "Moon Jae-in", _shown(qs)


def test_a_quote_closing_on_a_point_is_no_incise_of_the_next_sentence(speech_en):
    text = ("A spokesman for U.N. Secretary-General Ban Ki-moon called the launch “deeply "
            "deplorable” and exhorted North Korea “to halt its provocative actions and return "
            "to compliance with its international obligations.” Both South Korean President "
            "Park Geun-hye and Japanese Prime Minister Shinzo Abe called emergency meetings of "
            "their national security councils.\n")
    qs = speech_en(text)
    said = _starting(qs, "to halt its provocative actions")
    assert said and said[0].speaker != "Shinzo Abe", _shown(qs)


# --- a partial quote takes the innermost statement's speaker ------------------
# news-clusters (read check): The Washington Post's "David Bennett, … at NASA,
# said that the research was “interesting” but …, NBC reported." The quoted
# word is Bennett's, inside the statement NBC reports.

def test_a_partial_quote_belongs_to_the_innermost_reported_statement(speech_en):
    text = ("But other experts stressed skepticism. David Bennett, a gravitational lensing "
            "expert at NASA, said that the research was “interesting” but that the data could "
            "be interpreted in a way to suggest the objects were not extragalactic, NBC "
            "reported.\n")
    qs = speech_en(text)
    said = [q for q in qs if q.text == "interesting"]
    assert said and said[0].speaker == "David Bennett", _shown(qs)
