"""Direct and indirect quotations, with their speaker.

Direct quotes are found on the raw characters (« … », “ … ”, "…"), so they
survive a bad parse; the parse is used only to attribute them. The modules,
one job each:

- :mod:`.marks`     — quote-mark pairing: where each quotation opens and closes
                      (typography, any language).
- :mod:`.context`   — the per-Doc lookups the steps share, and what a speech verb is.
- :mod:`.speakers`  — speaker resolution: a verb's subject, a pronoun's antecedent.
- :mod:`.cascade`   — the attribution cascade for a direct quote, one named
                      step per function (incise, colon, name-colon, selon,
                      passive-agent, embedded, none).
- :mod:`.indirect`  — reported speech without marks (que-clause, ccomp,
                      infinitive, post-posed incise).
- :mod:`.extract`   — :func:`extract_quotes`, which runs them over one Doc.

Every word these steps use comes from the text's language pack
(``language_data(code).quotes``, a :class:`~veille.lang.quote_words.QuoteWords`);
a language without one gets quote-mark spans only. Comparing quotes across
articles (one statement in several wordings) is the explain stage's job:
:mod:`veille.stories.quote_matching`.
"""

from __future__ import annotations

from veille.analyze.quotes.context import Attribution
from veille.analyze.quotes.extract import extract_quotes
from veille.analyze.quotes.marks import MAX_QUOTE_CHARS, find_quote_spans

__all__ = ["MAX_QUOTE_CHARS", "Attribution", "extract_quotes", "find_quote_spans"]
