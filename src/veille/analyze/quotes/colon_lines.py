"""A line that names its source before a colon: "Clinton: Trump will reverse
Roe v. Wade", "Obama To Asians Worried About U.S. Election: It's Going To Be
OK", "Report: Half Clinton's State meetings were with donors".

News headlines (and the summary lines of live blogs) give a statement this
way, with no verb and no quote marks. The colon cue is taken only where the
line opens on the source: a person or organisation the recogniser found (a
few capitalised title words may come before it: "Former AG Mukasey"), or one
capitalised document noun ("Report:", "Poll:"); between the source and the
colon only an addressee or a venue ("to Planned Parenthood", "at RNC", "on
Hillary"). A place ("Iowa: Trump leads") or a topic ("Election 2016: …")
names no source. On by the language's ``colon_lines``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from veille.analyze.quotes.context import Attribution, QuoteContext
from veille.core.model import Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Longest part before the colon, in words ("Obama To Asians Worried About U.S.
#: Election" is 7); fewest words after it for a statement.
MAX_SOURCE_WORDS = 8
MIN_CONTENT_WORDS = 3
#: Longest part before the colon when what follows is wholly in quote marks:
#: a headline quoting somebody may name a long topic ("Gillibrand on Hillary
#: Releasing Her Goldman Sachs Speech Transcripts: ‘I Think She Will.’"); the
#: marks say the line is somebody's words, not a sentence with a colon.
MAX_SOURCE_WORDS_QUOTED = 12
#: Opening and closing marks a headline quotes with (single marks too: a
#: headline nests its quote in single marks, which :mod:`marks` leaves alone).
_OPENERS = "‘“\"'"
_CLOSERS = "’”\"'"


def colon_lines(ctx: QuoteContext) -> list[tuple[Quote, Attribution]]:
    """Each line of the text of the form "Source: statement" (see module doc)."""
    out: list[tuple[Quote, Attribution]] = []
    text, off = ctx.text, ctx.offset
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        colon = line.find(":", 0, 120)
        if colon <= 0 or not line[colon + 1:colon + 2].isspace():
            continue  # "AP:Associated Press …": a photo credit glued to its caption
        found = _statement(ctx, start + off, start + colon + off, start + len(line) + off)
        if found is not None:
            out.append(found)
    return out


def _statement(ctx: QuoteContext, a: int, colon: int, end: int) -> tuple[Quote, Attribution] | None:
    doc = ctx.doc
    head = [t for t in doc[ctx.tok_at(a):ctx.tok_at(colon)] if not t.is_space]
    dashes = [k for k, t in enumerate(head) if t.text in ("–", "—")]
    if dashes:
        # "EXCLUSIVE – Roger Stone: Don't Trust …", "TOPIC — Name: …": a kicker
        # set off by a dash before the line's source
        head = head[dashes[-1] + 1:]
    quoted = _quoted_line(ctx, colon, end)
    limit = MAX_SOURCE_WORDS_QUOTED if quoted else MAX_SOURCE_WORDS
    if not head or len(head) > limit or ctx.in_quote(colon):
        return None
    if any(t.is_punct and t.text not in (".", "’", "'", "-") for t in head):
        return None  # "WASHINGTON (AP) —", "Yes, he said:": no source line
    speaker, mention, k = _source(ctx, head)
    if speaker is None:
        return None
    if mention is not None and mention.end > colon:
        # the recogniser ran the name on past the colon ("Brooks: Rubio Did Well"
        # as one name): the source is the part before it
        cut = ctx.text[mention.start - ctx.offset:colon - ctx.offset].strip()
        mention = replace(mention, text=cut, end=mention.start + len(cut))
        speaker = cut
    rest = head[k:]
    if quoted and mention is not None and mention.label == "ORG":
        # "CNN President On Trump: ‘We Do Not Pay …’": the body's title words
        # after its name; a quoted line is somebody's words, the holder's
        n = 0
        while n < min(2, len(rest) - 1) and rest[n].text[:1].isupper() \
                and rest[n].tag_ in ("NN", "NNP"):
            n += 1  # singular: "CNN Films On …" names a body's works
        if n and (rest[n].pos_ == "ADP" or rest[n].lower_ in ctx.words.colon_source_links):
            e = rest[n - 1].idx + len(rest[n - 1].text) + ctx.offset
            speaker, mention, rest = ctx.text[mention.start - ctx.offset:e - ctx.offset], None, rest[n:]
    if rest and not (rest[0].pos_ == "ADP" or rest[0].lower_ in ctx.words.colon_source_links):
        return None  # "Trump Campaign Manager Says: …", "Clinton Leads In Iowa: …"
    body = [t for t in doc[ctx.tok_at(colon) + 1:ctx.tok_at(end)] if not t.is_space]
    words = [t for t in body if not t.is_punct]
    if len(words) < MIN_CONTENT_WORDS:
        return None  # "Stated Stone:" then the quote on its own line; a label
    if body[0].text.startswith(("@", "http", "www")) or body[0].like_url or body[0].like_email:
        return None  # "Follow X on Twitter: @X": an address, no statement
    first = body[0]
    while body and body[-1].text in (".", ",", ";"):
        body.pop()
    if not body:
        return None
    last = body[-1]
    s, e = first.idx + ctx.offset, last.idx + len(last.text) + ctx.offset
    q = Quote(text=ctx.text[s - ctx.offset:e - ctx.offset], start=s, end=e, sentence=0,
              kind="indirect")
    cue = (colon, colon + 1)
    attr = Attribution(speaker, mention, None, "indirect: colon line", "indirect-colon-line",
                       0.7 if mention is not None else 0.6, cue,
                       "named" if mention is not None else "noun")
    return q, attr


def _source(ctx: QuoteContext, head: list[Token]) -> tuple[str | None, Mention | None, int]:
    """(speaker, mention, index of the first token after the source) for the
    words before the colon, or (None, None, 0)."""
    for k, t in enumerate(head[:4]):
        m = ctx.mention_of(t)
        if m is not None:
            if m.label not in ("PER", "ORG") or m.start != t.idx + ctx.offset:
                return None, None, 0
            toks = ctx.tok_span(m)
            last = ctx.doc[toks[-1]] if len(toks) else t
            if m.label == "ORG" and last.tag_ == "NNPS":
                return None, None, 0  # "Panama Papers: …": a plural name is the topic
            if not all(x.text[:1].isupper() for x in head[:k]):
                return None, None, 0  # only title words before the name
            j = k
            while j < len(head) and head[j].idx + ctx.offset < m.end:
                j += 1
            return m.text, m, j
        if not t.text[:1].isupper():
            return None, None, 0
        named = _named_elsewhere(ctx, head, k)
        if named is not None:
            if not all(x.text[:1].isupper() for x in head[:k]):
                return None, None, 0
            return named.text, named, k + len(named.text.split())
    first = head[0]
    if (first.pos_ in ("NOUN", "PROPN") and first.lemma_.lower() in ctx.words.document_nouns
            and (len(head) == 1 or head[1].pos_ == "ADP")):
        return first.text, None, 1
    return None, None, 0


def _quoted_line(ctx: QuoteContext, colon: int, end: int) -> bool:
    """Is everything after the colon inside quote marks ("…: ‘I Think She Will.’")?"""
    body = ctx.text[colon + 1 - ctx.offset:end - ctx.offset].strip().rstrip(".,;")
    return len(body) > 2 and body[0] in _OPENERS and body[-1] in _CLOSERS


def _named_elsewhere(ctx: QuoteContext, head: list[Token], k: int) -> Mention | None:
    """The words of ``head`` from ``k`` as a person the article names
    elsewhere by a full name, whole or by its surname, when the recogniser
    missed them on the line ("Trump: ‘I’m the Worst Thing …’", a headline's
    title case, then "Donald Trump" in the story; a transcript's "WALT: …"
    after "VIVIENNE WALT"): the article's own names, as the label repair
    reads them. Longest match first; a new Mention at the line's place, with
    the named person's entity."""
    line_start = head[0].idx + ctx.offset
    line_end = head[-1].idx + len(head[-1].text) + ctx.offset
    names: dict[str, Mention] = {}
    for m in ctx.mentions:
        if m.label != "PER" or line_start <= m.start < line_end or ctx.in_quote(m.start):
            continue
        parts = m.text.split()
        if len(parts) > 1:  # a full name (one word tagged a person is weak: "Steelers")
            names.setdefault(m.text, m)
            names.setdefault(parts[-1], m)
    if not names:
        return None
    for j in range(min(len(head), k + 4), k, -1):
        words = head[k:j]
        if not all(t.text[:1].isupper() for t in words) or words[-1].tag_ == "NNPS":
            continue  # "Texans: Visit Indianapolis on Sunday": a plural name is a team
        s, e = words[0].idx + ctx.offset, words[-1].idx + len(words[-1].text) + ctx.offset
        surface = ctx.text[s - ctx.offset:e - ctx.offset]
        other = names.get(surface)
        if other is not None:
            return replace(other, text=surface, start=s, end=e, label_cue="same-name")
    return None
