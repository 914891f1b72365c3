"""Facts across languages (#18) on real SemEval-2022 task 8 articles.

The article pair is a Polish report and its English version (pair
1596106217_1597013708en, judged the same story); the sentence pairs named
here are labelled same-fact in tests/data/xlang_facts/pairs.jsonl.
"""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from .conftest import day_article

REPO = Path(__file__).resolve().parents[2]
CSV = REPO.parent / "shared" / "data" / "semeval2022-task8" / "training_set.csv"
PAIR = "1596106217_1597013708en"


@pytest.fixture(scope="module")
def pl_en() -> dict[str, Any]:
    if not CSV.exists():
        pytest.skip("../shared/data absent: semeval2022-task8/training_set.csv")
    from veille.analyze.linking import link_entities
    from veille.analyze.pipeline import analyze_batch
    from veille.core.model import DateRange

    csv.field_size_limit(sys.maxsize)
    with CSV.open(encoding="utf-8", newline="") as fh:
        row = next(r for r in csv.DictReader(fh) if r["pair_id"] == PAIR)
    ids = PAIR.split("_")
    arts = [day_article(ids[k], row[f"text{k + 1}"], f"outlet{k}.example", "2020-05-01",
                        row[f"lang{k + 1}"]) for k in range(2)]
    day = DateRange(date(2020, 5, 1), date(2020, 5, 1), "day")
    ans = analyze_batch([(a["uid"], a["text"], a["language"], day) for a in arts])
    ans, records = link_entities(ans, [])
    return {"articles": arts, "analyses": [a.to_dict() for a in ans],
            "entities": {e.entity_id: e.to_dict() for e in records}}


def _fact_with(view: Any, words: str) -> Any:
    return next((f for f in view.facts if any(words in m.text for m in f.members)), None)


def test_same_statement_in_two_languages_is_one_fact_with_two_sources(pl_en: dict) -> None:
    from veille.stories.view import build_story_view

    before = build_story_view(pl_en["articles"], pl_en["analyses"], pl_en["entities"],
                              cross_language=False)
    after = build_story_view(pl_en["articles"], pl_en["analyses"], pl_en["entities"])
    assert not [f for f in before.facts if len(f.languages) > 1]
    f = _fact_with(after, "analizowała już taki scenariusz")
    assert f is not None
    assert f.languages == ["en", "pl"]
    assert f.n_sources == 2
    assert any("already analyzed such a scenario" in m.text and m.language == "en"
               for m in f.members)
    # unrelated statements of the two articles stay apart
    assert len([x for x in after.facts if len(x.languages) > 1]) < len(after.facts) // 3


def test_summary_in_the_readers_language_cites_the_other(pl_en: dict) -> None:
    from veille.stories.view import build_story_view

    for lang in ("en", "pl"):
        v = build_story_view(pl_en["articles"], pl_en["analyses"], pl_en["entities"], lang=lang)
        assert v.languages.reader == lang
        assert v.summary and all(s.language == lang for s in v.summary)
        cited = [s for s in v.summary if len(s.languages) > 1]
        assert cited, "a fact stated in both languages is in the summary"
        assert all(len(s.citations) == 2 for s in cited)
        # no two summary sentences state one fact
        assert len({s.fact for s in v.summary}) == len(v.summary)


def test_timeline_and_json_carry_languages(pl_en: dict) -> None:
    from veille.core.views import StoryView
    from veille.stories.view import build_story_view

    v = build_story_view(pl_en["articles"], pl_en["analyses"], pl_en["entities"])
    by_id = {f.id: f for f in v.facts}
    for e in v.timeline:
        assert set(by_id[e.fact].languages) <= set(e.languages)
    d = v.to_dict()
    assert StoryView.from_dict(d).to_dict() == d
    assert "languages" in d["facts"][0] and "reader" in d["languages"]


def test_incremental_update_joins_across_languages(pl_en: dict) -> None:
    from veille.core.records import StoredArticle, analysis_from_dict
    from veille.stories.incremental import update_story_view
    from veille.stories.view import build_story_view

    en = [k for k, a in enumerate(pl_en["articles"]) if a["language"] == "en"][0]
    pl = 1 - en
    view = build_story_view([pl_en["articles"][en]], [pl_en["analyses"][en]],
                            pl_en["entities"]).to_dict()
    art = StoredArticle.from_row(pl_en["articles"][pl])
    an = analysis_from_dict(pl_en["analyses"][pl], art.uid)
    out = update_story_view(view, [art], [an], pl_en["entities"])
    both = [f for f in out["facts"] if f["languages"] == ["en", "pl"]]
    assert both and all(f["n_sources"] == 2 for f in both)


def test_gold_held_out_half_floor() -> None:
    """The builder's decision (``xlang.decide``) on the gold half it was not
    tuned on (rounds 1 and 3 of half 1): floors under the measured P 0.538 /
    R 0.438 (96 pairs)."""
    if not CSV.exists():
        pytest.skip("../shared/data absent: semeval2022-task8/training_set.csv")
    from veille.stories.evaluate_xlang import gold_report

    rep = gold_report()
    held = rep["decide_half1"]
    assert held["n"] >= 90 and held["precision"] >= 0.45 and held["recall"] >= 0.35


def test_decide_needs_a_clear_margin_over_rivals() -> None:
    """One counterpart clearly closer than any other is joined; the same cosine
    with a close rival is not (the same story, another claim); a rival that is
    a rewording of the match (same-language cosine >= PARAPHRASE) is none."""
    import numpy as np

    from veille.stories.xlang import decide

    clear = np.array([[0.58, 0.30], [0.25, 0.40]])
    assert [(p, q) for p, q, _, _ in decide(clear)] == [(0, 0)]
    rival = np.array([[0.58, 0.55], [0.25, 0.40]])
    assert [(p, q) for p, q, _, _ in decide(rival)] == []
    reworded = np.array([[1.0, 0.9], [0.9, 1.0]])  # the two columns say one thing
    assert [(p, q) for p, q, _, _ in decide(rival, None, reworded)] == [(0, 0)]


def _two(fr: str, en: str) -> Any:
    from veille.analyze.pipeline import analyze_batch
    from veille.core.model import DateRange
    from veille.stories.view import build_story_view

    day = DateRange(date(2020, 8, 5), date(2020, 8, 5), "day")
    arts = [day_article(u, t, f"{u}.example", "2020-08-05", lang)
            for u, lang, t in (("a1", "fr", fr), ("a2", "en", en))]
    ans = analyze_batch([(a["uid"], a["text"], a["language"], day) for a in arts])
    return build_story_view(arts, [a.to_dict() for a in ans], {})


@pytest.mark.parametrize("fr_count,en_count,differ", [("27", "31", True), ("31", "31", False)])
def test_disagreement_across_languages(fr_count: str, en_count: str, differ: bool) -> None:
    """One fact in French and English giving two death tolls is a disagreement
    (counted nouns differ by language: the quantities' kind is compared)."""
    v = _two(f"L'explosion du port a fait {fr_count} morts et des milliers de blessés mardi "
             "soir, selon le ministère libanais de la Santé.",
             f"The port explosion killed {en_count} people and injured thousands on Tuesday "
             "evening, according to Lebanon's health ministry.")
    assert any(f.languages == ["en", "fr"] and f.n_sources == 2 for f in v.facts)
    found = [d for d in v.disagreements if d.kind == "quantity"]
    assert bool(found) == differ
    if differ:
        assert {s.article for s in found[0].sides} == {"a1", "a2"}


def test_same_date_lines_in_two_languages_are_one() -> None:
    """Two timeline lines of one date whose facts were not joined (e.g. not each
    other's single best match) are one event when the encoder says so."""
    from veille.core.views import TimelineEntry
    from veille.stories.timeline import merge_same_date
    from veille.stories.xlang import SAME_FACT, embed_texts

    texts = ["Le président a signé la loi sur les retraites le 14 avril.",
             "The president signed the pension law on April 14.",
             "Les syndicats appellent à une nouvelle grève le 14 avril."]
    vecs, _ = embed_texts(texts)
    lines = [TimelineEntry(date="2023-04-14", start="2023-04-14", end="2023-04-14",
                           precision="day", relative_to_publication="past",
                           restates_publication_date=False, expressions=[t[-12:]],
                           sentence=t, fact=f"F{k + 1}", articles=[f"a{k}"],
                           sources=[f"s{k}"], languages=[lang])
             for k, (t, lang) in enumerate(zip(texts, ("fr", "en", "fr"), strict=True))]
    out = merge_same_date(lines, {f"F{k + 1}": v for k, v in enumerate(vecs)}, SAME_FACT)
    assert len(out) == 2
    signed = next(e for e in out if "a1" in e.articles)
    assert set(signed.articles) == {"a0", "a1"} and signed.languages == ["en", "fr"]


def test_a_reader_language_no_article_is_in_keeps_the_main_title(pl_en: dict) -> None:
    """Audit of session 21 (story 35 ``--lang fr``): the view had no title at all
    for a reader language none of the story's articles is written in."""
    from veille.stories.view import build_story_view

    main = build_story_view(pl_en["articles"], pl_en["analyses"], pl_en["entities"])
    fr = build_story_view(pl_en["articles"], pl_en["analyses"], pl_en["entities"], lang="fr")
    assert main.title is not None and fr.title is not None
    assert fr.languages.reader == "fr"
    assert fr.title.text == main.title.text
    assert fr.title.language == main.languages.main != "fr"
    assert any(m.startswith("no title in fr: the title is in ") for m in fr.missing)
    assert not any(m.startswith("no title:") for m in fr.missing)
    # the limits line is text for a reader, not a Python list
    several = next(m for m in fr.missing if "several languages" in m)
    assert "(en, pl)" in several and "[" not in several
