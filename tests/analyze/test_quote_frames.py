"""Session 7 (issue #16): cue frames learned from a gold, relatives, places and
titles, on sentences written for the tests in the shapes of PolNeAR's train gold."""

from __future__ import annotations

import pytest

from veille.analyze.quotes.frames import complements, learn_frames, relation
from veille.lang.en.quotes import CUE_FRAMES


def _indirect(analyze, text):
    return [q for q in analyze(text, "en").quotes if q.kind == "indirect"]


def test_a_learned_frame_reports_a_prepositional_object(analyze):
    # "speak" is no speech verb of the pack's list: the frame (speak, prep:about) is learned
    qs = _indirect(analyze, "Bernie Sanders spoke about income inequality in America on Monday.")
    assert len(qs) == 1 and qs[0].method == "indirect-frame"
    assert qs[0].text.startswith("income inequality") and qs[0].speaker == "Bernie Sanders"


def test_a_frame_needs_its_relation(analyze):
    # "tout" reports its object; "speak to" (an addressee) is no frame of "speak"
    assert "prep:to" not in CUE_FRAMES.get("speak", ())
    qs = _indirect(analyze, "Bernie Sanders spoke to reporters in Iowa on Monday.")
    assert not qs


def test_a_frame_with_nobody_speaking_is_no_statement(analyze):
    assert not _indirect(analyze, "There was talk about income inequality in America.")


def test_complained_and_assured_that_are_reported_speech(analyze):
    qs = _indirect(analyze, "Senator Ted Cruz complained that the debate moderators were biased. "
                   "Donald Trump assured WMAL that he would release his tax returns.")
    assert [(q.speaker, q.text) for q in qs] == [
        ("Ted Cruz", "the debate moderators were biased"),
        ("Donald Trump", "he would release his tax returns")]


def test_a_relative_who_speaks_as_its_antecedent(analyze):
    qs = _indirect(analyze, "Marco Rubio, who said the plan would fail, left the room early.")
    assert len(qs) == 1 and qs[0].speaker == "Marco Rubio" and qs[0].text == "the plan would fail"


def test_a_place_in_a_subjects_complement_does_not_speak(analyze):
    qs = analyze('Families from Belleair, Florida, waited at the gate. "We are scared," '
                 "one of them told the reporters.", "en").quotes
    assert all(q.speaker != "Florida" for q in qs)


def test_a_country_subject_of_a_speech_verb_speaks(analyze):
    qs = _indirect(analyze, "France said the deal was dead.")
    assert len(qs) == 1 and qs[0].speaker == "France"


def test_a_title_reached_by_an_incise_is_a_title(analyze):
    qs = analyze('“Pulp Fiction,” the critic Jane Smith wrote, was the film of the decade.',
                 "en").quotes
    t = [q for q in qs if q.text.startswith("Pulp")]
    assert t and t[0].kind == "title" and t[0].speaker is None


def test_frames_are_learned_from_gold_cues(nlp_en):
    doc = nlp_en("Trump complained that the press was unfair. Cruz complained that the rules "
                 "were rigged. Clinton complained about the weather.")
    atts = []
    for clause in ("the press was unfair", "the rules were rigged"):
        a = doc.text.index(clause)
        cue = doc.text.rindex("complained", 0, a)
        atts.append(([(a, a + len(clause))], (cue, cue + len("complained"))))
    frames = learn_frames([(doc, atts)], min_cues=2, min_precision=0.5)
    assert frames["complain"][0][:2] == ("ccomp", 2)
    v = next(t for t in doc if t.text == "complained")
    rels = [r for r, _ in complements(v)]
    assert "ccomp" in rels
    h = next(h for r, h in complements(v) if r == "ccomp")
    assert relation(v, h) == "ccomp"


@pytest.mark.parametrize("lemma", ["say", "tell", "note", "claim", "insist"])
def test_the_english_frames_keep_the_common_clause_verbs(lemma):
    assert "ccomp" in CUE_FRAMES[lemma]


def test_a_verb_opening_the_next_quote_is_no_incise_of_the_last(analyze):
    qs = analyze('Mattis said the launch had "put millions of Japanese in duck and cover." '
                 'Foreign Secretary Boris Johnson said: "North Korea has conducted yet another '
                 'illegal missile launch."', "en").quotes
    first = next(q for q in qs if q.text.startswith("put millions"))
    assert first.speaker != "Boris Johnson"


def test_a_participle_after_a_preposition_shares_the_subject(analyze):
    qs = analyze("Judge Richard Berman returned to the room. When he returned he began by "
                 "saying, “I don’t think that it’s necessary for Mr. D’Souza to go to jail.”",
                 "en").quotes
    q = next(q for q in qs if q.text.startswith("I don"))
    assert q.speaker == "Richard Berman" and q.method == "colon"


def test_a_capitalised_title_gives_the_role(analyze):
    qs = _indirect(analyze, "President Barack Obama spoke on Tuesday. Later, the president "
                   "said that the law would pass.")
    assert [(q.speaker, q.resolution) for q in qs] == [("Barack Obama", "role")]


def test_a_verb_the_french_tagger_reads_as_a_noun_reports(analyze):
    # "juge" is tagged as a noun (adjective of "président"): the verb before "que"
    qs = [q for q in analyze("Le président juge que la situation est grave.", "fr").quotes
          if q.kind == "indirect"]
    assert [(q.text, q.speaker) for q in qs] == [("la situation est grave", "Le président")]


def test_a_long_titled_subject_before_the_incise_verb(analyze):
    qs = analyze("“The evidence is clear — it’s time a special prosecutor be appointed,” "
                 "Republican National Committee chairman Reince Priebus said.", "en").quotes
    assert [(q.speaker, q.method) for q in qs] == [("Reince Priebus", "incise")]
