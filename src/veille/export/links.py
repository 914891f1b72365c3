"""Links to a story, an article, a fact and a quote that stay valid.

A journalist shares or cites these, so each names something that does not
move when the story grows or is rebuilt:

- a story by its id (``/stories/12``); a merged id redirects to the story
  that absorbed it (``veille.store.story_aliases``);
- an article by its id, and a sentence of it by character offsets in its
  stored text (``/articles/ID?hl=START-END#cited``), which never change;
- a fact or a quote by an anchor on the story page derived from *where it is
  said* (article id and offsets, or article id and wording), never from its
  rank in the view ("F3" is the third fact today and another one tomorrow).
  The page puts an anchor on every statement of a fact and every rendering
  of a quote, so a link made from any of them still lands when the facts
  are regrouped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote


def _base(base_url: str) -> str:
    return base_url.rstrip("/")


def path_part(value: object) -> str:
    """One URL path segment: "/" encoded too, so an id like ``../x`` stays
    one segment; "." and ".." encoded whole (browsers resolve them)."""
    text = str(value)
    if text in (".", ".."):
        return text.replace(".", "%2E")
    return quote(text, safe="")


def story_url(base_url: str, story_id: int) -> str:
    return f"{_base(base_url)}/stories/{int(story_id)}"


def article_url(base_url: str, uid: str, start: int | None = None, end: int | None = None) -> str:
    url = f"{_base(base_url)}/articles/{path_part(uid)}"
    if start is not None and end is not None:
        url += f"?hl={int(start)}-{int(end)}#cited"
    return url


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x00".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]


def statement_anchor(member: Mapping[str, Any]) -> str:
    """The anchor of one statement (a fact's member): its article and offsets."""
    return "fact-" + _digest(member.get("article"), member.get("start"), member.get("end"))


def fact_anchor(fact: Mapping[str, Any]) -> str:
    """A fact's anchor: that of its representative statement."""
    rep = fact.get("representative") or (fact.get("members") or [{}])[0]
    return statement_anchor(rep if isinstance(rep, Mapping) else {})


def rendering_anchor(rendering: Mapping[str, Any]) -> str:
    """The anchor of one outlet's wording of a quote: its article and words."""
    return "quote-" + _digest(rendering.get("article"), " ".join(str(rendering.get("text") or "").split()))


def quote_anchor(group: Mapping[str, Any]) -> str:
    """A quote's anchor: that of its first rendering."""
    renderings = group.get("renderings") or [{}]
    return rendering_anchor(renderings[0] if isinstance(renderings[0], Mapping) else {})


def fact_url(base_url: str, story_id: int, fact: Mapping[str, Any]) -> str:
    return f"{story_url(base_url, story_id)}#{fact_anchor(fact)}"


def quote_url(base_url: str, story_id: int, group: Mapping[str, Any]) -> str:
    return f"{story_url(base_url, story_id)}#{quote_anchor(group)}"
