"""Turn article text plus annotation spans into flat segments a template can escape.

Article text is untrusted: it is never marked safe. The template receives
plain strings and flags, and Jinja's autoescaping writes every character of
the article as text, whatever markup it holds.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode


def parse_range(value: str | None, n: int) -> tuple[int, int] | None:
    """``"120-245"`` -> (120, 245) inside a text of length ``n``; None when malformed."""
    if not value:
        return None
    try:
        a, b = (int(x) for x in value.split("-", 1))
    except ValueError:
        return None
    if 0 <= a < b <= n:
        return a, b
    return None


def article_segments(text: str, analysis: Mapping[str, Any], cite: tuple[int, int] | None,
                     terms: Sequence[tuple[int, int]] = ()) -> list[dict[str, Any]]:
    """Segments of ``text``, each with the annotations covering it.

    Annotations: entity mentions (linked to their entity page), quotes, time
    expressions, search-term hits and the cited sentence.
    """
    n = len(text)
    spans: list[tuple[int, int, str, dict[str, Any]]] = []

    def add(start: Any, end: Any, kind: str, info: dict[str, Any]) -> None:
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= n:
            spans.append((start, end, kind, info))

    for m in analysis.get("entities") or []:
        if isinstance(m, dict):
            add(m.get("start"), m.get("end"), "ent", {"id": m.get("entity_id"), "label": m.get("label"),
                                                    "name": m.get("canonical") or m.get("text")})
    for qt in analysis.get("quotes") or []:
        if isinstance(qt, dict):
            who = qt.get("speaker_canonical") or qt.get("speaker")
            add(qt.get("start"), qt.get("end"), "quote", {"speaker": who})
    for t in analysis.get("times") or []:
        if isinstance(t, dict):
            add(t.get("start"), t.get("end"), "time", {"value": t.get("value")})
    for a, b in terms:
        add(a, b, "hit", {})
    if cite:
        add(cite[0], cite[1], "cite", {})
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out: list[dict[str, Any]] = []
    first_cite = True
    # One sweep over the cuts: a span covers the segment [a, b) from the cut it
    # starts at until the cut it ends at (every start and end is a cut), so the
    # covering spans are kept as a running list instead of testing every span
    # against every segment (a page with ~100 mentions has ~200 segments).
    by_start = sorted(range(len(spans)), key=lambda i: spans[i][0])
    covering: list[int] = []  # indices into spans, in their order of addition (entities first)
    nxt = 0
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [i for i in covering if spans[i][1] > a]
        while nxt < len(by_start) and spans[by_start[nxt]][0] <= a:
            insort(covering, by_start[nxt])
            nxt += 1
        # Every key present: the template reads them as s['key'], one dict
        # lookup each (Jinja's s.key on a dict, or a missing key, goes through
        # a caught AttributeError/KeyError: most of an article page's render time).
        seg: dict[str, Any] = {"text": text[a:b], "start": a, "ent": None, "ent_first": False,
                               "quote": None, "time": None, "hit": False, "cite": False,
                               "cite_anchor": False}
        for s, _e, kind, info in (spans[i] for i in covering):
            if kind == "ent" and seg["ent"] is None:
                seg["ent"] = info
                seg["ent_first"] = s == a
            elif kind in ("quote", "time") and seg[kind] is None:
                seg[kind] = info
            elif kind in ("hit", "cite"):
                seg[kind] = True
        if seg.get("cite") and first_cite:
            seg["cite_anchor"] = True
            first_cite = False
        out.append(seg)
    return out


def snippet_segments(snippet: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Split a search snippet into plain and highlighted pieces."""
    text = snippet.get("text") or ""
    out, pos = [], 0
    for a, b in snippet.get("highlights") or []:
        if a > pos:
            out.append({"text": text[pos:a], "hit": False})
        out.append({"text": text[a:b], "hit": True})
        pos = b
    if pos < len(text):
        out.append({"text": text[pos:], "hit": False})
    return out


def citations(view: Mapping[str, Any]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Summary sentences with, for every cited article, the offsets of its own sentence.

    Numbers follow the view's article order, so [2] is the same article
    everywhere on the page.
    """
    numbers = {a["uid"]: i + 1 for i, a in enumerate(view.get("articles") or []) if isinstance(a, dict)}
    facts = {f.get("id"): f for f in view.get("facts") or [] if isinstance(f, dict)}
    out = []
    for item in view.get("summary") or []:
        if not isinstance(item, dict):
            continue
        fact = facts.get(item.get("fact")) or {}
        links = []
        for uid in item.get("citations") or [item.get("article")]:
            if uid is None:
                continue
            start, end = None, None
            if uid == item.get("article"):
                start, end = item.get("start"), item.get("end")
            else:
                for m in fact.get("members") or []:
                    if m.get("article") == uid:
                        start, end = m.get("start"), m.get("end")
                        break
            links.append({"article": uid, "n": numbers.get(uid, "?"), "start": start, "end": end})
        out.append({"text": item.get("text"), "n_sources": item.get("n_sources"), "links": links,
                    "fact": item.get("fact"), "languages": item.get("languages") or []})
    return out, numbers


def fact_link(member: Mapping[str, Any]) -> str:
    return f"{member.get('start')}-{member.get('end')}"


def url_part(value: Any) -> str:
    """A value percent-encoded to be one piece of a URL (a path segment or a
    query value): "/" too, so the id ``../../etc/passwd`` links to that id
    (``/articles/..%2F..%2Fetc%2Fpasswd``) and not up the path; an id that is
    exactly "." or ".." is encoded whole, as browsers resolve those segments."""
    if value is None:
        return ""
    if isinstance(value, Mapping | list | tuple):  # Jinja's own pairs form
        return urlencode(list(value.items()) if isinstance(value, Mapping) else list(value))
    text = str(value)
    if text in (".", ".."):
        return text.replace(".", "%2E")
    return quote(text, safe="")


def install_filters(env: Any) -> None:
    """``|urlencode`` in every template means :func:`url_part` (Jinja's keeps "/")."""
    env.filters["urlencode"] = url_part
