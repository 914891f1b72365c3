""""Who said what" lists speech, not acts (session 15, issue #16).

The English extractor keeps the objects of verbs no gold taught it as
statements (``indirect-frame-similar``): PolNeAR counts acts as attributions.
On the story page they read as quotes nobody gave: the Costa Rica crash page
of news-clusters listed « photographs and video of the crash site » under
the Public Safety Ministry. The sentences are constructed on that form."""

from __future__ import annotations

from datetime import date

from veille.analyze.pipeline import analyze_batch
from veille.core.model import DateRange
from veille.stories.view import build_story_view

from .conftest import day_article

TEXT = ("The Public Safety Ministry released photographs and video of the crash site. "
        "Officials said the plane had taken off nearby.")


def test_an_act_read_by_the_frame_model_is_not_listed_as_said() -> None:
    art = day_article("a", TEXT, "example.com", "2018-01-01", "en")
    d = date(2018, 1, 1)
    analysis = analyze_batch([("a", TEXT, "en", DateRange(d, d, "day"))])[0]
    # the extractor still reports the act (the attribution eval counts it) ...
    act = [q for q in analysis.quotes if q.text.startswith("photographs")]
    assert act and act[0].method == "indirect-frame-similar", [(q.text, q.method) for q in analysis.quotes]
    # ... the page lists only what was said
    view = build_story_view([art], [analysis], {}).to_dict()
    said = [q["text"] for sp in view["speakers"] for q in sp["quotes"]]
    assert not any(t.startswith("photographs") for t in said), said
    assert "the plane had taken off nearby" in said, said
