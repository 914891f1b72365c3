"""The shortcuts of the normalisation fast path agree with ftfy's own code
and with the plain Python they replace.

- ``_uncurl`` (plain replacements) gives ``ftfy.fixes.uncurl_quotes`` on
  every code point, alone and in one string.
- The anchors of the uncurled text, reused from the original's (no second
  scan), give the same mojibake verdict as a fresh scan, on the seed articles
  with their quotes curled and mixed with mojibake.
- ``_fold_spaces`` (content_hash's whitespace folding, with a fast path for
  normalised text) gives ``" ".join(text.split())``; the whitespace it looks
  for is every whitespace character there is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ftfy.badness import is_bad
from ftfy.fixes import uncurl_quotes
from hypothesis import given, settings
from hypothesis import strategies as st

from veille.ingest.normalize import _fix_text, _is_bad, _uncurl

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))


def _all_chars() -> Iterator[str]:
    """Every code point but the surrogates."""
    return (chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_uncurl_matches_ftfy_on_every_code_point() -> None:
    changed = [c for c in _all_chars() if uncurl_quotes(c) != c]
    assert changed  # ftfy does rewrite some quotes
    assert [c for c in _all_chars() if _uncurl(c) != c] == changed
    assert all(_uncurl(c) == uncurl_quotes(c) for c in changed)
    whole = "".join(_all_chars())
    assert _uncurl(whole) == uncurl_quotes(whole)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("ab .'\"\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u02bc"
                                     "éÃÂâ€œ™©®«»ÐÑ\u00a0ВГβΓ")), max_size=40).map("".join))
def test_fix_text_with_quotes_matches_ftfy(text: str) -> None:
    import ftfy

    assert _fix_text(text) == ftfy.fix_text(text, normalization="NFC")
    assert _is_bad(text) == is_bad(text)
    assert _is_bad(_uncurl(text)) == is_bad(uncurl_quotes(text))


@pytest.mark.skipif(not EXAMPLES, reason="examples/ absent")
def test_fix_text_on_curled_seed_text_matches_ftfy() -> None:
    import ftfy

    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        curled = text.replace("'", "\u2019").replace(" \"", " \u201c").replace("\" ", "\u201d ")
        for t in (curled, curled.encode("utf-8").decode("windows-1252", "replace"),
                  curled.replace(". ", ".\u201c\u00c3 ", 3), curled.replace(" ", "  Ã ", 2)):
            assert _fix_text(t) == ftfy.fix_text(t, normalization="NFC")



def test_other_spaces_are_all_whitespace_but_space_and_line_feed() -> None:
    from veille.ingest.normalize import _OTHER_SPACES

    assert sorted(_OTHER_SPACES) == [c for c in _all_chars() if c.isspace() and c not in " \n"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", "\n\n\n", " \n", "\t", "\u00a0",
                                 "\u2028", "\x0b", "\x1c", "\u3000", "mot", "É", "l'été",
                                 "50\u202f000"]), max_size=25).map("".join))
def test_fold_spaces_is_split_and_join(text: str) -> None:
    from veille.ingest.normalize import _fold_spaces

    assert _fold_spaces(text) == " ".join(text.split())


@pytest.mark.skipif(not EXAMPLES, reason="examples/ absent")
def test_fold_spaces_on_seed_text() -> None:
    from veille.ingest.normalize import _fold_spaces, normalize_text

    for path in EXAMPLES:
        whole = path.read_text(encoding="utf-8")
        for text in (whole, normalize_text(whole), *normalize_text(whole).split("\n\n")):
            assert _fold_spaces(text) == " ".join(text.split())


def test_mojibake_windows_are_read_from_the_installed_regex() -> None:
    """Each alternative of ftfy's regex was analysed (no fall back to the
    uniform windows), and no window reaches further than the longest match."""
    from veille.ingest.normalize import _bad_anchor_re, _reach, _reach_plan

    plan = _reach_plan()
    assert plan is not None
    _, span = _bad_anchor_re()
    assert all(0 <= before < span and 0 < after < span for _, before, after in plan)
    assert _reach("a") is None and _reach("é") is None  # ASCII and common letters need no window


# Every character ftfy's mojibake regex names, with letters and spaces: the
# strings these make hit its alternatives (and their edges) far more often
# than text does.
def _regex_chars() -> list[str]:
    from ftfy.badness import BADNESS_RE

    return sorted({c for c in BADNESS_RE.pattern if not c.isspace() and c not in "[]|#()-\\"}
                  | set("aZ .\n\u00a0"))


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_regex_chars()), max_size=24).map("".join))
def test_windows_find_what_ftfy_finds(text: str) -> None:
    from veille.ingest.normalize import _anchor_positions, _bad_near, _bad_near_uniform

    positions = _anchor_positions(text)
    assert _bad_near(text, positions) == _bad_near_uniform(text, positions) == is_bad(text)
