"""Session 12 (issue #16), English: reported statements the parse shapes
without a "that"-clause. Sentences from PolNeAR train's tune half (Breitbart's
UPI copy on Clinton and the Islamic State, HuffPost on Sanders and the DNC,
Breitbart on Maher), the half the rules were tuned on; PolNeAR dev is the
held-out figure (docs/measured/quality-quotes.md, "Session 12, English")."""

from __future__ import annotations

CLINTON_ISIS = (
    "WASHINGTON, Nov. 19 (UPI) — Former Secretary of State and Democratic presidential "
    "frontrunner Hillary Clinton is calling for the United States to step up military efforts "
    "in the fight against the Islamic State. She also called for all candidates to lay out "
    "specifics — including the cost — of their plans, something she has repeatedly asked of "
    "her Democratic rival Bernie Sanders.\n"
)


def _statements(analyze, text):
    return [q for q in analyze(text, "en").quotes if q.kind not in ("title", "term")]


def test_call_for_a_clause_reports_its_clause(analyze):
    qs = _statements(analyze, CLINTON_ISIS)
    step = [q for q in qs if q.text.startswith("the United States to step up")]
    assert step and step[0].speaker == "Hillary Clinton", [(q.text, q.speaker) for q in qs]
    lay = [q for q in qs if q.text.startswith("all candidates to lay out")]
    assert lay and lay[0].speaker == "Hillary Clinton", [(q.text, q.speaker) for q in qs]


def test_a_speech_verb_with_object_and_predicate_reports_the_judgement(analyze):
    text = ("Bernie Sanders sued the Democratic National Committee on Friday.\n"
            "Sanders called the DNC’s suspension “arbitrary.”\n")
    qs = _statements(analyze, text)
    judged = [q for q in qs if q.text.startswith("the DNC’s suspension")]
    assert judged and judged[0].speaker in ("Sanders", "Bernie Sanders"), \
        [(q.text, q.speaker) for q in qs]


def test_an_object_and_predicate_of_another_verb_is_no_statement(analyze):
    text = "Senator Tom Cotton kept the memo secret for a week.\n"
    assert not _statements(analyze, text)


def test_a_relative_that_opens_no_reported_clause(analyze):
    text = ("Donald Trump spoke in Iowa on Monday. He has also called on the United States to "
            "attack the oil that funds the Islamic State and proposed a safe zone inside Syria "
            "for the refugees.\n")
    qs = _statements(analyze, text)
    assert not any(q.text.startswith("funds the Islamic State") for q in qs), \
        [(q.text, q.speaker) for q in qs]
    assert any("attack the oil" in q.text and q.speaker == "Donald Trump" for q in qs), \
        [(q.text, q.speaker) for q in qs]


def test_a_complementizer_that_still_opens_the_clause(analyze):
    text = ("Bill Maher interviewed Bernie Sanders on Friday. Later in the show, after the "
            "Sanders interview concluded, Maher stated of the email scandal that the State "
            "Department IG’s report “wasn’t good.”\n")
    qs = _statements(analyze, text)
    assert any(q.text.startswith("the State Department IG’s report") and q.speaker
               and "Maher" in q.speaker for q in qs), [(q.text, q.speaker) for q in qs]
