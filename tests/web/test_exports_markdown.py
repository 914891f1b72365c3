"""Markdown escaping of article text: whatever the text, a CommonMark reader
shows exactly its characters (one line), never markup it opened."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from veille.export.story import md

MD = MarkdownIt("commonmark")
# the characters that open markup, plus letters, digits and spaces to separate them
MARKUP = st.text(alphabet=st.sampled_from(list("\\`*_{}[]()<>#+-.!|~&=:;/\"' aZ09\n\t")), max_size=40)


def _shown(source: str) -> str:
    """The text a reader sees in the rendered list item (tags removed)."""
    out = MD.render(source)
    assert out.startswith("<ol>\n<li>") and out.endswith("</li>\n</ol>\n"), out
    inner = out[len("<ol>\n<li>"):-len("</li>\n</ol>\n")]
    assert "<" not in inner.replace("&lt;", ""), inner  # no element at all
    return html.unescape(inner)


@settings(max_examples=300, deadline=None)
@given(MARKUP)
def test_any_text_reads_as_itself(text: str) -> None:
    expected = " ".join(text.split())
    if not expected:
        return
    assert _shown("1. " + md(text)) == expected


def test_real_hostile_title() -> None:
    title = '<script>alert(1)</script> [clic](javascript:alert(2)) **Urgent** ![x](http://e.invalid/p.png)'
    assert _shown("1. " + md(title)) == title
