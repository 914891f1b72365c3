"""One statement cut in two by its incise: “A,” X said. “B.” -> one quote.

News copy breaks a speaker's statement after its first sentence or clause to
name the speaker, then goes on in new quote marks. The reader (and an
attribution gold such as PolNeAR, which marks the two pieces as one content)
takes it as one statement; listed as two quotes, each piece is a fragment of
it. Joined, the quote runs from the first piece's start to the second's end,
incise included (a quote's text is always the article's characters between
its offsets).
"""

from __future__ import annotations

import re
from dataclasses import replace

from veille.analyze.quotes.context import QuoteContext
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
    inner = [r for r in ctx.quote_ranges if p.end < r[0] and r[1] < q.start]
    return not inner
