"""HTML page extraction: trafilatura's cascade does the work.

trafilatura already falls back from its own extractor to readability and
jusText, and takes the date from htmldate; we only map its result.
"""

from __future__ import annotations

from typing import Any


def extract_page(html: str, url: str | None = None) -> dict[str, Any] | None:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_precision=True
    )
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {
        "text": data.get("text"),
        "title": data.get("title"),
        "date": data.get("date"),
        "sitename": data.get("sitename"),
        "hostname": data.get("hostname"),
        "url": data.get("url"),
        "language": data.get("language"),
    }


def html_fragment_text(fragment: str) -> str:
    """Visible text of an HTML fragment (a feed entry's content)."""
    import lxml.html

    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on broken markup; keep the raw text
        return fragment
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    blocks = []
    for el in root.iter():
        if el.tag in {"p", "br", "div", "li", "h1", "h2", "h3", "h4"}:
            el.tail = "\n" + (el.tail or "")
    blocks.append(root.text_content())
    return "\n".join(blocks)
