"""The walk over adjacent time expressions that the pair rules share.

Parsed languages (``compose``: "two days after Christmas", "Monday at 10")
and languages without a parser (``locale_spans.join_day_clocks``: "am Montag
um 10.30 Uhr") join an expression with the next one by their own rules; the
walk itself (which pairs are asked, what a joined pair may not join again)
is one, here, so the two cannot drift. Its own module: ``compose`` sits above
``resolve``, which the locale modules feed, so neither can import the other.
"""

from __future__ import annotations

from collections.abc import Callable

from veille.core.model import TimeRef


def join_adjacent(out: list[TimeRef], text: str,
                  join: Callable[[TimeRef, TimeRef, str], TimeRef | None]) -> list[TimeRef]:
    """``out`` with each expression and the next one, when the second starts at
    or after the first's end, replaced by ``join(a, b, gap)`` where that gives
    one (``gap`` the text between them); a joined expression is not joined again
    with the one after it. One walk for every pair rule, parsed or not."""
    res: list[TimeRef] = []
    i = 0
    while i < len(out):
        a = out[i]
        b = out[i + 1] if i + 1 < len(out) else None
        joined = join(a, b, text[a.end : b.start]) if b is not None and b.start >= a.end else None
        if joined is not None:
            res.append(joined)
            i += 2
        else:
            res.append(a)
            i += 1
    return res
