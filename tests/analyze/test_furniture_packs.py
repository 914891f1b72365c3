"""German, Spanish and Italian furniture cue words (partial packs in
veille.lang, session 12) and the rule that reads them (furniture.cue_rule),
on real SemEval texts no labels file names (read from ../shared/data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.analyze import furniture
from veille.analyze.evaluate_furniture import Doc, load_docs
from veille.lang import PACKS, PARTIAL, SUPPORTED, language_data


@pytest.fixture(scope="module")
def semeval(shared_data: Path) -> dict[str, Doc]:
    return {k[1]: d for k, d in load_docs(shared_data).items() if k[0] == "semeval"}


def _flagged(d: Doc) -> list[str]:
    return [d.text[s.start:s.end] for s in furniture.detect(d.text, d.language) if s.furniture]


def test_partial_packs_hold_furniture_words_only_and_are_no_supported_language() -> None:
    for code in ("de", "es", "it"):
        pack = language_data(code)
        assert pack.code == code and pack.furniture is not None and pack.furniture.phrases
        assert pack.time is None and pack.quotes is None and pack.numbers is None
        assert code in PARTIAL and code not in PACKS and code not in SUPPORTED
    # a text of unknown language gets every pack's cue words
    assert {"weiterlesen", "lee también", "leggi anche", "sign up"} <= furniture.words_for(None).phrases


def test_german_newsletter_sign_up_is_flagged_and_the_sentence_about_it_is_not(
        semeval: dict[str, Doc]) -> None:
    """A Berliner Morgenpost news blog (SemEval 1548687174): the sign-up line
    is furniture; the sentence before it, which states what the newsletter
    does, is a paragraph and prose, though it holds the same cue word."""
    d = semeval["1548687174"]
    flagged = _flagged(d)
    assert "Hier können Sie sich für den Coronavirus-Newsletter anmelden." in flagged
    assert not any(f.startswith("In einem speziellen Newsletter") for f in flagged)
    assert not any(f.startswith("Auf mehreren Partys") for f in flagged)


def test_spanish_read_more_line_is_flagged(semeval: dict[str, Doc]) -> None:
    d = semeval["1500915115es"]
    flagged = _flagged(d)
    assert any(f.startswith("LEER MÁS:") for f in flagged)
    assert not any(f.startswith("El 31 de diciembre") for f in flagged)


def test_cue_rule_leaves_the_top_line_paragraphs_and_universal_marks_alone() -> None:
    text = ("Actor's Bold Stand on Jamia Violence on Rajiv Masand Show is Must Watch\n"
            "The actor said in an interview on Monday that she had decided to speak out "
            "because, in her words, nobody else in the industry would. Read more about it.\n"
            "Each represents a fork in the road, and the direction the nation chooses will be critical. •\n"
            "Sign up for our daily newsletter\n")
    segs = furniture.segments(text, "en")
    rows = furniture.features(text, segs, furniture.words_for("en"), furniture.stop_words("en"))
    got = [furniture.cue_rule(text[a:b], row, i == 0, "en")
           for i, ((a, b), row) in enumerate(zip(segs, rows, strict=True))]
    assert got == [False, False, False, True]


def test_page_tail_appeals_of_session_18_are_flagged_and_the_reports_are_not(
        semeval: dict[str, Doc]) -> None:
    """The readers' appeals a page closes with (session 18's pack phrases: "la
    tua iscrizione", "vedi offerte", "edición impresa"), on two SemEval texts
    no labels file names: an Italian translation of an Atlanta
    Journal-Constitution page and a Costa Rican DIARIO EXTRA report. Their
    paragraphs stay prose."""
    it = semeval["1484223583it"]
    flagged = _flagged(it)
    assert "Vedi offerte." in flagged
    assert any(f.startswith("La tua iscrizione all'Atlanta Journal-Constitution") for f in flagged)
    assert not any(f.startswith("Gli insegnanti della scuola materna") for f in flagged)
    es = semeval["1527827009"]
    flagged = _flagged(es)
    assert any(f.startswith("Lea más detalles sobre estas y otras noticias") for f in flagged)
    assert not any(f.startswith("Según las comunicaciones centrales") for f in flagged)
