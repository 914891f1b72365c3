"""Rule sentences for texts no parser reads (veille.lang.sentences), checked on the
real texts of the SemEval-2022 task 8 training set (10 languages, titles joined to
their text by the data set) and on the shapes that broke the old punctuation regex."""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pytest

from veille.analyze.components import fallback_sentences
from veille.lang.sentences import rule_sentences

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
CSV = SHARED / "semeval2022-task8" / "training_set.csv"


def _articles() -> dict[str, tuple[str, str]]:
    """article id -> (text, language): the first text of each id, as the other readers."""
    if not CSV.is_file():
        pytest.skip("../shared/data absent: semeval2022-task8/training_set.csv not found")
    csv.field_size_limit(sys.maxsize)
    out: dict[str, tuple[str, str]] = {}
    with CSV.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for k, art in enumerate(str(row["pair_id"]).split("_")[:2], 1):
                out.setdefault(art, (str(row[f"text{k}"]), str(row[f"lang{k}"])))
    return out


_CUT_NUMBER = re.compile(r"\d\.$")


def test_no_sentence_ends_inside_a_number_in_any_semeval_text() -> None:
    # the old regex cut 202 German sentences at "20.000" / "25.7.10", 250 English, 109 Turkish
    arts = _articles()
    cuts = []
    n_de = 0
    for art, (text, lang) in arts.items():
        n_de += lang == "de" and bool(re.search(r"\d\.\d", text))
        for a, b in rule_sentences(text, lang):
            if b < len(text) and _CUT_NUMBER.search(text[a:b]) and text[b].isdigit():
                cuts.append((art, text[max(a, b - 30):b + 10]))
    assert n_de > 50  # the check reads German numbers, not an empty set
    assert not cuts, cuts[:5]


def test_a_title_joined_by_a_double_space_is_its_own_sentence() -> None:
    # the data set stores "title  text": 363 texts; 311 come out with the title alone
    # (the rest are titles that hold a "?" or "!" of their own, or a caseless script's
    # title before a closing mark). The old regex: 20.
    shaped = ok = 0
    for text, lang in _articles().values():
        i = text.find("  ")
        if not 0 < i < 300 or "\n" in text[:i]:
            continue
        shaped += 1
        spans = rule_sentences(text, lang)
        ok += bool(spans) and text[spans[0][0]:spans[0][1]] == text[:i].strip()
    assert shaped > 300
    assert ok / shaped >= 0.8, (ok, shaped)


def test_german_abbreviations_dates_and_thousands() -> None:
    text = ("Rund 20.000 Menschen demonstrierten am 25.7.10 in Berlin. Dr. Müller sprach "
            "z.B. über 3,5 Mio. Euro. Das ist gut.")
    assert [text[a:b] for a, b in rule_sentences(text, "de")] == [
        "Rund 20.000 Menschen demonstrierten am 25.7.10 in Berlin.",
        "Dr. Müller sprach z.B. über 3,5 Mio. Euro.", "Das ist gut."]


def test_a_gap_inside_running_prose_is_no_sentence_end() -> None:
    # raw scraped text keeps two spaces where a link was removed ("as  Trump")
    text = "He said the same things. Critics said the same things as  Trump did. Then he left."
    assert len(rule_sentences(text, "en")) == 3
    # nor is the data set's cut ("… de  provisoire …"): a lowercase word follows
    text = "Près des camps de réfugiés et de  provisoire de huit militaires tués."
    assert len(rule_sentences(text, "fr")) == 1


def test_line_breaks_and_headline_gap_in_a_caseless_script() -> None:
    text = "عنوان الخبر  نص الخبر الأول.\nسطر آخر"
    spans = [text[a:b] for a, b in rule_sentences(text, "ar")]
    assert spans == ["عنوان الخبر", "نص الخبر الأول.", "سطر آخر"]


def test_the_component_splits_by_the_article_language() -> None:
    sents = fallback_sentences("Die Polizei zählte 20.000 Teilnehmer. Es blieb ruhig.", "de")
    assert [s.text for s in sents] == ["Die Polizei zählte 20.000 Teilnehmer.", "Es blieb ruhig."]
    assert [s.index for s in sents] == [0, 1]


def test_bad_input_ends() -> None:
    # a run of 5,000 quote marks, a text of dots, an unknown language code: answers, no crash
    assert len(rule_sentences('"' * 5000 + " Ein Satz.", "de")) == 1
    assert rule_sentences("." * 10_000, "de") == [(0, 10_000)]
    assert rule_sentences("Un. Deux.", "zz-unknown") == [(0, 3), (4, 9)]
    assert rule_sentences("   \n ", "de") == []


def test_a_non_breaking_space_is_no_gap() -> None:
    # kept by ingest inside numbers and after guillemets; one typographic space, not a layout gap
    text = "Le candidat\u00a0Donald Trump a parlé de 50\u202f000\u00a0emplois. «\u00a0Oui\u00a0», dit-il."
    assert len(rule_sentences(text, "fr")) == 2


def test_an_opening_quote_mark_goes_with_the_sentence_it_opens() -> None:
    # read check (SemEval de/pl): the sentencizer left "“" / '"' at the end of the sentence before
    text = 'Das sagte die Familie. “Tom Petty hätte das nie gewollt”, heißt es. Er sagte: „Ja.“ Dann ging er.'
    assert [text[a:b] for a, b in rule_sentences(text, "de")] == [
        "Das sagte die Familie.", "“Tom Petty hätte das nie gewollt”, heißt es.", "Er sagte: „Ja.“",
        "Dann ging er."]
