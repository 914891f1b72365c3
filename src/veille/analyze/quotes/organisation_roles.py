"""A definite noun that stands for an organisation the text named with it:
"the law firm Mossack Fonseca … The firm said", "Equifax, the credit
reporting company, … The company said".

News copy names an organisation once with what it is and then refers to it
by that noun. Only the two forms that give the noun to the name in the same
phrase count (the noun right before the name, or in apposition to it), the
organisation is the only one the text gave the noun to before, and the noun
is singular with a definite article: "a company said" introduces another one,
and "the company" after "the firm X" and "the company Y" may be either.
A person's role ("the spokesman for the Pentagon") never reaches here: the
people the text gave the noun to are looked for first (``resolve_role``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from veille.analyze.quotes.context import QuoteContext
    from veille.core.model import Mention


def organisation_role(ctx: QuoteContext, noun: Token, window: int = 1500) -> Mention | None:
    """The one organisation the text called ``noun`` (its lemma) before it,
    within ``window`` characters, or None."""
    if "Plur" in noun.morph.get("Number", []) or not any(
            c.dep_ == "det" and c.lower_ in ctx.words.articles for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    pos = noun.idx + ctx.offset
    holder: Mention | None = None
    for m in reversed(ctx.mentions):
        if m.label != "ORG" or m.end > pos or ctx.in_quote(m.start):
            continue
        if holder is None and pos - m.end > window:
            break
        if not _given_to(ctx, m, lemma, noun):
            continue
        if holder is None:
            holder = m
        elif m.text.lower() != holder.text.lower():
            return None  # two organisations called so: the noun may be either
    return holder


def _given_to(ctx: QuoteContext, m: Mention, lemma: str, noun: Token) -> bool:
    """Does the text give the noun to the organisation ``m`` where it names
    it: "the law firm Mossack Fonseca" (the noun right before the name), or
    "Equifax, the credit reporting company" / "the company, Equifax," (an
    apposition in the parse)?"""
    doc = ctx.doc
    span = ctx.tok_span(m)
    if not len(span):
        return False
    before = doc[span[0] - 1] if span[0] > 0 else None
    if before is not None and before.i != noun.i and before.pos_ == "NOUN" \
            and before.lemma_.lower() == lemma:
        return True
    for t in doc[span[0]:span[-1] + 1]:
        for c in t.children:
            if c.dep_ == "appos" and c.i != noun.i and c.pos_ == "NOUN" \
                    and c.lemma_.lower() == lemma:
                return True  # "Equifax, the credit reporting company,"
    head = doc[span[-1]]
    while head.i in span and head.head.i != head.i and head.head.i in span:
        head = head.head
    return head.dep_ == "appos" and head.head.i != noun.i and head.head.pos_ == "NOUN" \
        and head.head.lemma_.lower() == lemma and head.head.i not in span
