"""Highlight snippets cut from the original text (not the stemmed index copy).

A word is a hit when one of its stems (in the article's language) is among the
query's forms, so "déployer" lights up for a search on "déploiement".
"""

from __future__ import annotations

from veille.search.text import fold, stem, tokens

SNIPPET_WORDS = 32  # window length: about two lines of a result list


def hit_spans(text: str, forms: set[str], language: str | None) -> list[tuple[int, int]]:
    """Character spans of every word of ``text`` matching a query form."""
    spans = []
    for w, s, e in tokens(text):
        if fold(w) in forms or stem(w, language) in forms:
            spans.append((s, e))
    return spans


def snippet(text: str, forms: set[str], language: str | None,
            width: int = SNIPPET_WORDS) -> dict[str, object]:
    """The window of ``width`` words holding the most distinct hits.

    Returns ``{"text", "start", "end", "highlights": [[s, e], ...]}`` with
    highlight offsets relative to the snippet text and start/end in the article.
    """
    toks = list(tokens(text))
    if not toks:
        return {"text": "", "start": 0, "end": 0, "highlights": []}
    hits = [fold(w) in forms or stem(w, language) in forms for w, _, _ in toks]
    keys = [stem(w, language) if h else None for (w, _, _), h in zip(toks, hits, strict=True)]
    best, best_score = 0, -1.0
    for i in range(0, max(1, len(toks) - width + 1)):
        if not hits[i] and i:
            continue  # a window worth showing starts on a hit (or at the top)
        window = {k for k in keys[i:i + width] if k}
        score = len(window) * 100 - i / len(toks)  # most distinct terms, then earliest
        if score > best_score:
            best, best_score = i, score
    lo = max(0, best - 4) if best else 0
    hi = min(len(toks), lo + width)
    start, end = toks[lo][1], toks[hi - 1][2]
    highlights = [[s - start, e - start] for (_, s, e), h in zip(toks[lo:hi], hits[lo:hi], strict=True)
                  if h]
    return {"text": text[start:end], "start": start, "end": end, "highlights": highlights,
            "prefix": lo > 0, "suffix": hi < len(toks)}
