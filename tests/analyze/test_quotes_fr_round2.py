"""French speaker resolution, round 2 (issue #16): sentences written for the
tests in the shapes of regional press, not copied from the gold."""

from __future__ import annotations


def _speech(analyze, text):
    return [q for q in analyze(text, "fr").quotes if q.kind not in ("title", "term")]


def test_a_definite_role_noun_repeats_the_person_just_named(analyze):
    qs = _speech(analyze, "Catherine Vautrin a visité mardi l'usine de Reims. Devant les "
                 "salariés, l'élue a salué « un effort remarquable de toute l'équipe ».")
    assert qs and qs[0].speaker == "Catherine Vautrin"


def test_a_role_noun_of_the_other_gender_is_somebody_else(analyze):
    qs = _speech(analyze, "Jean Martin a visité mardi l'usine de Reims. Devant les salariés, "
                 "la directrice a salué « un effort remarquable de toute l'équipe ».")
    assert qs and qs[0].speaker != "Jean Martin"
