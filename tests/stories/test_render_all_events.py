"""``veille story --all-events``: the terminal page's timeline beyond its
compact default, on the seeds story (examples/)."""

from __future__ import annotations

from typing import Any

from veille.stories.render import render_lines


def _own_part(lines: list[str]) -> str:
    """The timeline's lines of the story's own dates (before the background)."""
    part = lines[lines.index("Timeline") + 1:lines.index("Who said what")]
    return "\n".join(x for x in part[:next((k for k, x in enumerate(part)
                                            if x.startswith("  Background")), len(part))])


def test_all_events_lists_every_line_of_the_story_dates(seed_view: dict[str, Any]) -> None:
    own = [e for e in seed_view["timeline"] if not e["background"]]
    hidden = [e for e in own if not e["compact"]]
    # lines dated by the articles' own month ("Aujourd'hui, la Russie a signalé
    # de violents combats ...") are not in the compact default
    assert hidden
    default, every = _own_part(render_lines(seed_view)), _own_part(
        render_lines(seed_view, all_events=True))
    assert f"… {len(hidden)} more events (--all-events)" in default
    assert "more events" not in every
    for e in own:
        assert e["sentence"][:60] in every
    for e in hidden:
        assert e["sentence"][:60] not in default


def test_a_date_of_an_undated_article_says_so(seed_story: dict[str, Any]) -> None:
    """Session-21 audit: `veille story` printed "(month, unknown)" beside a
    date whose article has no date (a dump without dates); the page says
    "(article undated)". The seeds, the first posted without its date."""
    from veille.stories.view import build_story_view

    arts = [dict(a) for a in seed_story["articles"]]
    arts[0].update(published=None, published_start=None, published_end=None,
                   date_precision="unknown")
    view = build_story_view(arts, seed_story["analyses"], seed_story["entities"]).to_dict()
    assert any(e["relative_to_publication"] == "unknown" for e in view["timeline"])
    text = "\n".join(render_lines(view, all_events=True))
    assert ", article undated) " in text
    assert ", unknown)" not in text
