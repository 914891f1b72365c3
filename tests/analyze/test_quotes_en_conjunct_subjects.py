"""Session 13 round 2 (issue #16), English: a thing shown as a speaker because
a conjunct speech verb borrowed the first clause's subject
(src/veille/analyze/quotes/speakers.py). The first sentence is from the
Washington Post's North Korea satellite story in news-clusters ("The launch"
was the speaker of "urged"); the second is shaped on the Mirror's Brazilian
Grand Prix story there ("safety" was the speaker of "it was thought");
the others pin the boundaries: a conjunct with no subject still shares its
head's, a named conjunct subject speaks. Last, a passive speech verb's
subject that names no person is what was found or said, not its speaker
(shaped on The Sun's Nice attack story there; a person "shown lecturing" or
"expected to say" keeps the quote: tests/analyze/test_quotes_en_things.py)."""

from __future__ import annotations


def _statements(analyze, text):
    return [q for q in analyze(text, "en").quotes if q.kind not in ("title", "term")]


def _said(qs):
    return [(q.text, q.speaker) for q in qs]


def test_a_subject_parsed_as_a_noun_conjunct_speaks_for_its_own_verb(analyze):
    text = ("The launch took place half an hour before the Republican presidential debate "
            "started, and candidates Donald Trump and Sen. Marco Rubio (R-Fla.) both urged "
            "China to get tough.\n")
    qs = [q for q in _statements(analyze, text) if "get tough" in q.text]
    assert qs, _said(_statements(analyze, text))
    assert qs[0].speaker not in (None, "The launch"), _said(qs)
    assert "Trump" in qs[0].speaker or "candidates" in qs[0].speaker, _said(qs)


def test_a_conjunct_with_an_impersonal_subject_borrows_no_speaker(analyze):
    text = ("Massa retired after the race. 'But safety comes first and obviously it was "
            "thought it was needed,' he added later.\n")
    qs = [q for q in _statements(analyze, text) if q.text.startswith("it was needed")]
    assert all(q.speaker != "safety" for q in qs), _said(qs)


def test_a_conjunct_with_no_subject_shares_its_heads(analyze):
    text = ("Senator John Smith defended the bill on Monday and said that it would "
            "lower prices for families.\n")
    qs = [q for q in _statements(analyze, text) if "lower prices" in q.text]
    assert qs and qs[0].speaker == "John Smith", _said(_statements(analyze, text))


def test_a_named_subject_of_a_second_clause_speaks(analyze):
    text = ("The storm reached the coast on Monday, and Governor Jane Miller said that "
            "schools would stay closed.\n")
    qs = [q for q in _statements(analyze, text) if "schools would stay closed" in q.text]
    assert qs and qs[0].speaker == "Jane Miller", _said(_statements(analyze, text))


def test_what_was_found_is_no_speaker(analyze):
    # shaped on The Sun's Nice attack story in news-clusters (read check)
    text = ("Police said the driver acted alone. A huge arsenal of guns, grenades and "
            "\"larger weapons\" were found in the truck.\n")
    qs = [q for q in _statements(analyze, text) if "larger weapons" in q.text]
    assert all(q.speaker is None or "arsenal" not in q.speaker for q in qs), _said(qs)

