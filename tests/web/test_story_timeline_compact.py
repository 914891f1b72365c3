"""The story page's timeline opens on its compact default (issue #19: "the
events several sources carry, then the rest on demand"), on the seeds story
(examples/: two outlets' French reports of June 2023)."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient


def _lists(page: str) -> tuple[str, str]:
    """The timeline section's first list and its "more events" part."""
    section = page.split('id="h-timeline"', 1)[1].split("</section>", 1)[0]
    main = section.split("<details", 1)[0]
    more = re.search(r'<details class="more-events">(.*?)</details>', section, flags=re.S)
    return html.unescape(main), html.unescape(more.group(1) if more else "")


def test_page_shows_the_compact_timeline_then_the_rest(client: TestClient, story_id: int) -> None:
    view = client.get(f"/api/stories/{story_id}").json()["view"]
    own = [e for e in view["timeline"] if not e["background"]]
    compact = [e for e in own if e["compact"]]
    rest = [e for e in own if not e["compact"]]
    # the seeds: the March announcement and the July deployment (two sources
    # each) are compact; lines dated by the articles' own month ("Aujourd'hui,
    # la Russie a signalé de violents combats") are not
    assert compact and rest
    page = client.get(f"/stories/{story_id}").text
    main, more = _lists(page)
    for e in compact:
        assert e["sentence"] in main and e["sentence"] not in more
    for e in rest:
        assert e["sentence"] in more and e["sentence"] not in main
    assert f"{len(rest)} more event" in more
