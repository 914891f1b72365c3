"""Session 12 (issue #16), English: a passive speech verb's subject that was
asked, told or expected is not the speaker of the infinitive or question
that follows (src/veille/analyze/quotes/addressees.py). The first sentence
is from the Daily Mail's American Airlines story in news-clusters (the
session-12 read check, docs/measured/quality-quotes.md); the others are
constructed to pin the boundaries: an agent speaks, a participle is the
subject's own speech, an infinitive's own speech verb keeps its subject."""

from __future__ import annotations


def _statements(analyze, text):
    return [q for q in analyze(text, "en").quotes if q.kind not in ("title", "term")]


def _said(qs):
    return [(q.text, q.speaker) for q in qs]


def test_the_one_asked_to_leave_is_no_speaker(analyze):
    text = ("The two players boarded the flight in Dallas on Tuesday. Teague, Burrell, and an "
            "assistant coach were asked to get off the plane.\n")
    qs = _statements(analyze, text)
    asked = [q for q in qs if q.text.startswith("to get off the plane")]
    assert asked, _said(qs)
    assert asked[0].speaker is None, _said(qs)


def test_the_one_asked_a_question_is_no_speaker(analyze):
    text = "Senator John Smith spoke in Iowa on Monday. Smith was asked whether he would run again.\n"
    qs = _statements(analyze, text)
    question = [q for q in qs if q.text.startswith("whether he would run")]
    assert question, _said(qs)
    assert question[0].speaker is None, _said(qs)


def test_a_passive_with_an_agent_gives_the_agent(analyze):
    text = "The senator was urged by his colleagues to step down.\n"
    qs = _statements(analyze, text)
    urged = [q for q in qs if q.text.startswith("to step down")]
    assert urged and urged[0].speaker == "his colleagues", _said(qs)


def test_the_infinitive_own_speech_verb_keeps_the_subject(analyze):
    text = ("Donald Trump arrived in Cleveland on Monday. Trump is expected to say that the "
            "country needs a new direction.\n")
    qs = _statements(analyze, text)
    said = [q for q in qs if q.text.startswith("the country needs")]
    assert said and said[0].speaker in ("Trump", "Donald Trump"), _said(qs)


def test_a_participle_after_a_passive_is_the_subject_speaking(analyze):
    text = ("The video runs for 52 minutes. The cleric Anwar al-Awlaki is shown lecturing: "
            "“Muslims of the West, take heed and learn from the lessons of history.”\n")
    qs = _statements(analyze, text)
    lecture = [q for q in qs if q.text.startswith("Muslims of the West")]
    assert lecture and lecture[0].speaker is not None \
        and "Awlaki" in lecture[0].speaker, _said(qs)
