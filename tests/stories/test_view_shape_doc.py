"""The view shape written in docs/measured/quality-stories.md is the one StoryView prints."""

from __future__ import annotations

import re
from pathlib import Path

from veille.core.views import StoryView, from_plain

DOC = Path(__file__).resolve().parents[2] / "docs" / "measured" / "quality-stories.md"


def _top_keys(block: str) -> set[str]:
    """Keys at the first level of the documented ``{...}`` block."""
    keys, depth = set(), 0
    for m in re.finditer(r"[{}\[\]]|\b([a-z_]+)\b(?=\s*[:,}])", block):
        tok = m.group(0)
        if tok in "{[":
            depth += 1
        elif tok in "}]":
            depth -= 1
        elif depth == 1 and tok != "null":
            keys.add(tok)
    return keys


def test_documented_view_keys_are_the_printed_ones(seed_view: dict) -> None:
    text = DOC.read_text(encoding="utf-8")
    block = text.split("## View shape", 1)[1].split("```", 2)[1]
    documented = _top_keys(block)
    printed = set(from_plain(StoryView, seed_view).to_dict()) | {"story_id"}  # set when stored
    assert documented == printed
    assert list(seed_view) == [k for k in StoryView.from_dict(seed_view).to_dict()]
