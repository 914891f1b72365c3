"""One statement cut in two by its incise: “A,” X said. “B.” -> one quote;
and a statement "without marks" that is only a quote and its incise (“A,”
X said, according to Y) is that quote, listed once.

News copy breaks a speaker's statement after its first sentence or clause to
name the speaker, then goes on in new quote marks. The reader (and an
attribution gold such as PolNeAR, which marks the two pieces as one content)
takes it as one statement; listed as two quotes, each piece is a fragment of
it. Joined, the quote runs from the first piece's start to the second's end,
incise included (a quote's text is always the article's characters between
its offsets).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from veille.analyze.quotes.context import QuoteContext, is_speech
from veille.core.model import Quote

#: Most words an incise between the two pieces may hold ("X said", "said John
#: Smith, the chief executive of the company").
INCISE_WORDS = 12

_WORD = re.compile(r"\w+")


def join_split_quotes(ctx: QuoteContext, quotes: list[Quote]) -> list[Quote]:
    """``quotes`` sorted by start; a direct quote attributed by the incise that
    follows it, and the next direct quote of the same speaker right after that
    incise on the same line, become one quote (see module doc)."""
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if prev is not None and _continues(ctx, prev, q):
            out[-1] = replace(prev, end=q.end,
                              text=ctx.text[prev.start - ctx.offset:q.end - ctx.offset])
            continue
        out.append(q)
    return out


def _continues(ctx: QuoteContext, p: Quote, q: Quote) -> bool:
    if p.kind != "direct" or q.kind != "direct" or p.speaker is None:
        return False
    if p.method != "incise" or p.cue_start is None or not p.end < p.cue_start < q.start:
        return False  # the verb between the two pieces names p's speaker
    if q.speaker != p.speaker or q.method not in ("continued", "incise") or (
            q.method == "incise" and q.cue_start != p.cue_start):
        return False
    gap = ctx.text[p.end - ctx.offset:q.start - ctx.offset]
    if "\n" in gap or len(_WORD.findall(gap)) > INCISE_WORDS:
        return False
    # only the incise between: the gap opens on the first piece's closing mark
    # and ends on the second's opening mark, with no other quote inside
    return not _ranges_between(ctx, p.end + 1, q.start)


def quote_and_incise(ctx: QuoteContext, start: int, end: int) -> bool:
    """Is the statement between ``start`` and ``end`` (article characters)
    quote marks followed by a few words of incise ("“If you are not
    able …,” the spokesman said", "“Smash his head …,” he said, according to
    SITE")? The direct quote already reports it, with the incise's speaker;
    the reported-speech step would list it again, to the incise's source."""
    inside = _ranges_between(ctx, start, end, overlapping=True)
    if not inside:
        return False
    rest, k = [], start
    for a, b in inside:
        rest.append(ctx.text[k - ctx.offset:max(k, a) - ctx.offset])
        k = max(k, b)
    rest.append(ctx.text[k - ctx.offset:max(k, end) - ctx.offset])
    if _WORD.search(rest[0]):
        return False  # narration before the marks: a partial quote inside a statement
    if len(_WORD.findall(" ".join(rest))) > INCISE_WORDS:
        return False
    # the words after the marks are an incise: set off by a comma (inside or
    # after the closing mark) and holding a speech verb, not the statement
    # going on ("Ryan said that “we need more information” about how …")
    last = inside[-1][1]
    close = ctx.text[max(start, last - 3) - ctx.offset:last - ctx.offset + 2]
    if not any(p in close for p in ",?!"):
        return False
    toks = ctx.doc[ctx.tok_at(last):ctx.tok_at(end)]
    return any(is_speech(ctx, t, incise=True) for t in toks)


def _ranges_between(ctx: QuoteContext, lo: int, hi: int,
                    overlapping: bool = False) -> list[tuple[int, int]]:
    """The quote ranges (sorted, disjoint) lying inside ``[lo, hi)``, or
    touching it with ``overlapping``; by bisection (bounded work per quote
    whatever the number of quote marks)."""
    ranges = ctx.quote_ranges
    k = bisect.bisect_left(ranges, (lo, -1))
    if overlapping and k > 0 and ranges[k - 1][1] >= lo:
        k -= 1
    out = []
    while k < len(ranges) and ranges[k][0] <= hi:
        a, b = ranges[k]
        if overlapping or b < hi:
            out.append((a, b))
        k += 1
    return out
