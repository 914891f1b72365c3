"""The wording join of a crowded date asks only the kept lines that can join
(``timeline._first_host``): the same lines as asking every kept line in turn.

Real sentences: the seed articles (examples/*.txt) cut into sentences, each
given by two to four outlets in slightly different forms (the same sentence,
its first clause, another outlet's trailing words), all dated one day, with
clock times on some, as a big story's publication day crowds its timeline."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from veille.core.views import TimelineEntry
from veille.stories import timeline
from veille.stories.timeline import SAME_DAY_WORDING, merge_same_wording

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _lines() -> list[TimelineEntry]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    sentences = [s.strip() for t in texts for s in re.split(r"(?<=[.!?])\s+", t)
                 if len(s.split()) >= 8]
    assert len(sentences) >= 30, "examples/*.txt missing"
    out = []
    for n, s in enumerate(sentences):
        forms = [s, s.split(",")[0] + ".", s[: len(s) * 3 // 4] + " officials said."][: 2 + n % 2]
        for m, form in enumerate(forms):
            clock = n % 7 == 0
            out.append(TimelineEntry(
                date="2020-05-01", start="2020-05-01", end="2020-05-01",
                precision="minute" if clock else "day", relative_to_publication="same",
                restates_publication_date=False,
                expressions=[f"{n % 3 + 5}:{10 * m:02d} p.m." if clock else "Friday"],
                sentence=form, fact=f"F{n}-{m}", articles=[f"a{n}-{m}"],
                sources=[f"s{(n + m) % 9}"], other_dates=[], languages=["en"]))
    return out


def _every_kept_line(kept, kept_cols, near, minute, k, joins, bar):  # type: ignore[no-untyped-def]
    """The greedy join before ``_first_host``: every kept line asked in turn."""
    return next((h for h, c in zip(kept, kept_cols, strict=True)
                 if joins(h, k, float(near[c]))), None)


def _plain(lines: list[TimelineEntry]) -> list[tuple[object, ...]]:
    return [(e.fact, e.sentence, tuple(e.sources), tuple(e.articles), tuple(e.expressions))
            for e in lines]


@pytest.mark.parametrize("rows", [timeline.NEAR_ROWS, 16])
def test_the_same_lines_join_as_when_every_kept_line_is_asked(
        rows: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeline, "NEAR_ROWS", rows)  # chunks: kept lines from earlier ones
    got = merge_same_wording(_lines(), SAME_DAY_WORDING)
    monkeypatch.setattr(timeline, "_first_host", _every_kept_line)
    want = merge_same_wording(_lines(), SAME_DAY_WORDING)
    assert _plain(got) == _plain(want)
    assert len(_lines()) - len(want) >= 20  # lines were joined: the test can see a miss


def test_only_lines_near_the_bar_or_with_a_clock_are_asked() -> None:
    asked: list[int] = []

    def joins(h: int, k: int, near: float) -> bool:
        asked.append(h)
        return False

    # kept lines 0-3 at columns 3, 2, 1, 0 of the row: line 0 well above the
    # bar, line 1 far below but with a clock, line 2 within rounding of the bar,
    # line 3 far below
    near = np.array([0.02, SAME_DAY_WORDING - 1e-4, 0.01, 0.9], dtype=np.float32)
    minute = np.array([False, True, False, False, True])
    assert timeline._first_host([0, 1, 2, 3], [3, 2, 1, 0], near, minute, 4, joins,
                                SAME_DAY_WORDING) is None
    assert asked == [0, 1, 2]
    asked.clear()
    minute[4] = False  # the new line gives no clock: line 1's does not matter
    timeline._first_host([0, 1, 2, 3], [3, 2, 1, 0], near, minute, 4, joins, SAME_DAY_WORDING)
    assert asked == [0, 2]
