"""Whatever the articles and analyses look like, the view renders (property-based)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.stories.view import build_story_view

texts = st.one_of(
    st.just(""),
    st.just("   \n\n "),
    st.text(min_size=0, max_size=300),
    st.lists(st.sampled_from(["Le ministre a parlé mardi.", "(Photo: AFP)", "« Oui », a-t-il dit.",
                              "12 morts.", "\n\n", "PARIS (AFP) -", "The vote was 300 to 200."]),
             max_size=12).map(" ".join),
)


@st.composite
def stories(draw: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any] | None]]:
    n = draw(st.integers(min_value=0, max_value=4))
    arts, ans = [], []
    for i in range(n):
        text = draw(texts)
        arts.append({
            "uid": f"a{i}", "text": text, "title": draw(st.one_of(st.none(), st.text(max_size=40))),
            "source": draw(st.one_of(st.none(), st.sampled_from(["x.example", "y.example", ""]))),
            "url": None, "published": draw(st.sampled_from([None, "2024", "2024-05", "2024-05-10",
                                                              "not a date"])),
            "date_precision": "day", "language": draw(st.sampled_from([None, "fr", "en", "zz"])),
            "duplicate_of": draw(st.sampled_from([None, "a0", "a9", f"a{i}"])),
        })
        if draw(st.booleans()):
            ans.append(None)
            continue
        # offsets that may point anywhere, including outside the text
        a = draw(st.integers(min_value=0, max_value=max(len(text), 1)))
        b = draw(st.integers(min_value=0, max_value=len(text) + 5))
        ans.append({
            "sentences": draw(st.sampled_from([[], [{"index": 0, "start": a, "end": b,
                                                     "text": text[a:b]}]])),
            "entities": [{"text": "X", "label": "PER", "start": a, "end": b, "sentence": 0,
                          "entity_id": draw(st.sampled_from([None, "per:x"]))}],
            "quotes": [{"text": draw(st.text(max_size=20)), "start": a, "end": b, "sentence": 0,
                        "speaker_entity_id": None}],
            "times": [{"text": "t", "start": a, "end": b, "sentence": 0, "type": "DATE",
                       "range_start": draw(st.sampled_from([None, "2024-05-01", "bad"])),
                       "range_end": None, "granularity": "month"}],
            "quantities": [{"text": "q", "start": a, "end": b, "sentence": 0,
                            "value": draw(st.sampled_from([None, 1.0, 2.0])), "noun": "morts"}],
        })
    return arts, ans


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_any_story_renders(story: tuple[list[dict[str, Any]], list[dict[str, Any] | None]]) -> None:
    arts, ans = story
    view = build_story_view(arts, ans, {}).to_dict()
    json.dumps(view)
    assert view["n_articles"] == len(arts)
    for key in ("title", "summary", "facts", "disagreements", "timeline", "speakers",
                "entity_graph", "missing"):
        assert key in view
    if not arts:
        assert view["missing"] == ["story has no articles"]
    for s in view["summary"]:
        assert set(s["citations"]) <= {a["uid"] for a in arts}


def test_word_for_word_copies_are_folded_not_read_again() -> None:
    """A dispatch run by many outlets word for word: the copies beyond the first
    few are not analysed again, but every one is cited and counted as a source."""
    import re

    text = ("Le parlement a adopté la loi sur l'eau par 300 voix contre 200 jeudi. "
            "Le texte prévoit des quotas de pompage pour les agriculteurs.")
    sents = [{"index": i, "start": m.start(), "end": m.end(), "text": m.group()}
             for i, m in enumerate(re.finditer(r"[^.]+\.", text))]
    arts = [{"uid": f"c{k}", "text": text, "title": None, "source": f"site-{k}.example",
             "url": None, "published": "2024-05-10", "date_precision": "day", "language": "fr",
             "duplicate_of": None} for k in range(8)]
    ans = [{"article_uid": a["uid"], "language": "fr", "sentences": sents, "entities": [],
            "quotes": [], "times": [], "quantities": [], "notes": []} for a in arts]
    v = build_story_view(arts, ans, {}).to_dict()
    assert v["n_articles"] == 8
    assert any("word for word" in m for m in v["missing"])
    f = next(f for f in v["facts"] if "parlement" in f["statement"])
    assert sorted(f["articles"]) == sorted(a["uid"] for a in arts)
    assert f["n_sources"] == 8
    assert len({m["article"] for m in f["members"]}) == 3  # the copies built in full
