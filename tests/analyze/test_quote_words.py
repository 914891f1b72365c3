"""Quotes read their words from the language pack; a language without one gets marks only."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
import spacy

from veille.analyze.entities import mentions_from_doc, sentence_index_of
from veille.analyze.nlp import sentence_ranges
from veille.analyze.quotes import extract_quotes
from veille.lang import PACKS, language_data


def _run(doc, words=None):
    starts = [doc[a].idx for a, _ in sentence_ranges(doc)]
    mentions = mentions_from_doc(doc, starts)
    return extract_quotes(doc, mentions, lambda p: sentence_index_of(starts, p), words=words)


def test_a_language_without_quote_words_gets_marks_only():
    # German has no quote words: its quotations are found on the marks, but
    # nobody is named and no French or English rule is applied ("sagte"
    # is no speech verb veille knows; "selon" here is just a word).
    assert language_data("de").quotes is None
    doc = spacy.blank("de")("« Wir schaffen das », sagte Angela Merkel, selon la presse. "
                            'Sie habe "keine Angst" gehabt.')
    quotes, notes = extract_quotes(doc, [], lambda p: 0)
    assert [q.text for q in quotes] == ["Wir schaffen das", "keine Angst"]
    assert all(q.speaker is None and q.method == "none" and q.source is None for q in quotes)
    assert all(q.kind == "direct" for q in quotes)
    assert any("no quote words" in n for n in notes)


@pytest.mark.parametrize("code", sorted(PACKS))
def test_every_pack_with_quote_words_is_consistent(code):
    words = PACKS[code].quotes
    assert words is not None and words.speech_verbs
    assert words.incise_only_verbs <= words.speech_verbs
    assert words.infinitive_speech_verbs <= words.speech_verbs
    assert words.according_to and words.stop_words()


def test_the_subject_before_an_incise_verb_is_the_packs_rule(nlp_en):
    # "“…,” Janet Yellen told reporters": the subject stands between the
    # quote and its verb, which English allows and the pack says so.
    doc = nlp_en("“The numbers are clear,” Janet Yellen told reporters in Washington.")
    en = language_data("en").quotes
    assert en is not None
    (q,), _ = _run(doc)
    assert q.method == "incise" and q.speaker == "Janet Yellen"
    (q,), _ = _run(doc, words=replace(en, subject_before_incise_verb=False))
    assert q.method != "incise"


def test_speech_verbs_come_from_the_pack(nlp_fr):
    doc = nlp_fr("« Nous ne céderons rien », a déclaré Catherine Colonna.")
    fr = language_data("fr").quotes
    assert fr is not None
    (q,), _ = _run(doc)
    assert q.speaker == "Catherine Colonna" and q.verb == "déclarer"
    (q,), _ = _run(doc, words=replace(fr, speech_verbs=fr.speech_verbs - {"déclarer"}))
    # without the pack's verb, only the punctuation attributes it ("« … », VERB
    # NAME" with any verb), at a lower confidence
    assert q.method == "incise-verb" and (q.confidence or 0) < 0.9


def test_the_quote_code_names_no_language():
    # Every language rule of the quote extractor and matcher is pack data:
    # the code tests no language code and loads no language's words.
    src = Path(__file__).resolve().parents[2] / "src" / "veille"
    files = [*sorted((src / "analyze" / "quotes").glob("*.py")),
             src / "stories" / "quote_matching.py", src / "stories" / "speakers.py"]
    named = re.compile(r"""["'](?:fr|en|french|english)["']|lang_\s*==|spacy\.lang\.""")
    for f in files:
        assert not named.search(f.read_text(encoding="utf-8")), f
