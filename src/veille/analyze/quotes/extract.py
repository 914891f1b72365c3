"""One parsed piece of text in, its quotes out: direct quotes with their
speaker (:mod:`.cascade`) and reported speech without marks (:mod:`.indirect`)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

from veille.analyze.entities_credits import voiced_mentions
from veille.analyze.quotes.cascade import attribute, continued, incise
from veille.analyze.quotes.context import (
    SUBJ_DEPS,
    Attribution,
    QuoteContext,
    is_speech,
    unattributed,
)
from veille.analyze.quotes.demonyms import speaker_for_demonym
from veille.analyze.quotes.indirect import indirect_statements
from veille.analyze.quotes.marks import find_quote_spans
from veille.analyze.quotes.split_quotes import join_split_quotes, quote_and_incise
from veille.analyze.quotes.unlisted_people import register_unlisted_people
from veille.core.model import Mention, Quote
from veille.lang import language_data
from veille.lang.quote_words import QuoteWords

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_quotes(
    doc: Doc, mentions: Sequence[Mention], sent_index: Callable[[int], int], offset: int = 0,
    words: QuoteWords | None = None,
) -> tuple[list[Quote], list[str]]:
    """All quotes of one parsed piece of text; ``sent_index(pos)`` -> sentence index.

    ``words`` defaults to the quote words of the Doc's language; a language
    without them gets its quote-mark spans only, with no speaker and no
    reported speech (and a note saying so).
    """
    pack = language_data(doc.lang_)
    if words is None:
        words = pack.quotes
    if words is None:
        return _marks_only(doc.text, offset, sent_index, pack.name)
    # a caption's picture credit is nobody's voice: the entity stage cut and marked it
    ctx = QuoteContext(doc, offset, voiced_mentions(mentions), words)
    if words.unlisted_people:
        register_unlisted_people(ctx)
    spans, notes = find_quote_spans(ctx.text)
    spans = [(a + offset, s + offset, e + offset, c + offset) for a, s, e, c in spans]
    ctx.set_quotes([(a, c) for a, _, _, c in spans])
    # Walk direct and indirect statements in text order so that a speaker
    # found for one is a candidate antecedent for the next pronoun.
    for _, _, _, c in spans:
        # a quote's named speaker in an incise is an antecedent for a later
        # "il" in reported speech ("…, analyse Jean Motsch. Il avoue vendre …"):
        # register them before the reported speech is read
        incise(ctx, c)
    ctx.last_role = None
    indirect = indirect_statements(ctx)
    datelines = _datelines(ctx.text)
    quotes: list[Quote] = []
    for iq, ia in indirect:
        # a statement wholly quoted is already a direct quote
        if any(a <= iq.start and iq.end <= c for a, _, _, c in spans):
            continue
        if words.join_split_quotes and quote_and_incise(ctx, iq.start, iq.end):
            continue  # "“…,” he said, according to SITE": the direct quote, once
        if ia.speaker in datelines and ia.mention is None:
            continue  # "CAPE CANAVERAL, Fla. — … that hoisted …": the parse's subject
        if _only_when(ctx, iq):
            continue  # "Sanders said Sunday", "Story highlights Four hours into …"
        iq.sentence = sent_index(iq.start)
        ia = speaker_for_demonym(ctx, ia)
        if not _place_speaks(ctx, ia):
            ia = unattributed(ia.verb)
        _apply(iq, ia)
        quotes.append(iq)
    quotes = _drop_restated(quotes)
    said = sorted((q for q in quotes if q.speaker), key=lambda q: q.end)  # by end: continued()
    unsaid: list[int] = []  # ends of direct quotes nobody was found to say, sorted
    for span in spans:
        a, s, e, _ = span
        q = Quote(text=ctx.text[s - offset : e - offset], start=s, end=e, sentence=sent_index(s))
        if not q.text.strip():
            notes.append(f"quote: empty quote at {a}")
            continue
        attr, q.source = attribute(ctx, span, indirect)
        if attr.mention is not None and s <= attr.mention.start and attr.mention.end <= e \
                and 2 * (attr.mention.end - attr.mention.start) > e - s:
            # "Les « Dernières Nouvelles de Munich » croient …": the quoted name
            # is the subject of the clause, not a speaker of its own words (a
            # name in an incise inside the marks is: "« …, a expliqué X, … »")
            attr = unattributed(attr.verb)
        attr = speaker_for_demonym(ctx, attr)
        if not _place_speaks(ctx, attr) or (attr.speaker in datelines and attr.mention is None):
            attr = unattributed(attr.verb)
        if (non_speech_kind(q.text) == "title" and q.text.rstrip()[-1:] not in ".!?…"
                and not _has_verb(ctx, s, e) and not _SENTENCES.search(q.text)):
            # "“Kill Bill,” said …" / "the film “Pulp Fiction”": a few capitalised
            # words without a verb name a work, whatever step reached them
            attr = unattributed(attr.verb)
        if attr.method in WEAK_METHODS and non_speech_kind(q.text) == "title":
            attr = unattributed(attr.verb)  # a title inside someone's sentence is not their words
        work = _names_work(ctx, a, s, e, c, attr)
        if work:
            attr = unattributed(attr.verb)
        _apply(q, attr)
        lead = (_incise_lead(ctx, a) if attr.method == "incise" and q.speaker
                and words.incise_reports_sentence else None)
        if lead is not None:
            # "La crise « est un test » et « les enjeux sont énormes », a-t-il
            # déclaré": the incise reports the whole sentence, the marks are
            # only part of it
            q.start = lead
            q.text = ctx.text[lead - offset:e - offset]
            q.sentence = sent_index(lead)
            attr = Attribution(attr.speaker, attr.mention, attr.verb, attr.cue, "incise-lead",
                               attr.confidence, attr.cue_span, attr.resolution)
            q.method = "incise-lead"
        if q.speaker is None and not work and non_speech_kind(q.text) == "direct":
            # a name, a title or a scare-quoted word ("sink") continues nobody's words
            prev = continued(q, said, ctx, open_pos=a, unsaid=unsaid)
            if prev is not None:
                _carry(q, prev)
            else:
                bisect.insort(unsaid, q.end)
        if q.speaker:
            bisect.insort(said, q, key=lambda x: x.end)
            if attr.method in PARTIAL_METHODS:
                q.kind = "partial"
        else:
            q.kind = "title" if work else non_speech_kind(q.text)
        quotes.append(q)
    quotes.sort(key=lambda q: (q.start, q.kind))
    if words.join_split_quotes:
        quotes = join_split_quotes(ctx, quotes)
    return quotes, notes


#: Attribution steps that do not see a cue of their own next to the quote: a
#: title-like quote they reach is a name or a work, not the speaker's words.
WEAK_METHODS = frozenset({"narrated", "embedded", "passive-agent", "selon", "incise-verb"})


#: Steps that find the marks inside the journalist's own sentence: the quoted
#: words are part of a statement, not all of it ("partial").
PARTIAL_METHODS = frozenset({"narrated", "embedded", "passive-agent", "incise-lead"})


def _names_work(ctx: QuoteContext, open_pos: int, start: int, end: int, close_end: int,
                attr: Attribution) -> bool:
    """Do the quote marks hold the name of a work, a programme or a body rather
    than somebody's words? Decided from the sentence, not from a list of titles:

    - a work noun or a naming participle of the language right before the marks
      ("l'émission « Les nuits de la pleine lune »", "le comité « Stop Essais ! »",
      "un article intitulé : « … »"), unless the marks open on a lower-case
      clause with a verb ("le film « est un chef-d'œuvre »": a judgement);
    - or, when no cue of its own gave the quote a speaker, a few words without a
      verb, opening on a capital, used as a noun phrase of a sentence that goes
      on around them and holds no speech verb ("Il s'agit de « Corps flottants »
      de Robert Cahen").
    """
    words = ctx.words
    doc = ctx.doc
    k = ctx.tok_at(open_pos)
    if k >= len(doc):
        return False
    inside = [t for t in doc[k:ctx.tok_at(end) + 1]
              if start <= t.idx + ctx.offset < end and not t.is_space]
    if not inside:
        return False
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in inside)
    lower_clause = ctx.text[start - ctx.offset:end - ctx.offset].lstrip()[:1].islower() and has_verb
    j = k - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in ":"):
        j -= 1
    if j >= 0 and not lower_clause and len(inside) <= 16 and (
            (doc[j].pos_ == "NOUN" and doc[j].lemma_.lower() in words.work_nouns)
            or doc[j].text.lower() in words.naming_words):
        return True
    if attr.speaker is not None and attr.method not in WEAK_METHODS:
        return False
    if has_verb or len([t for t in inside if not t.is_punct]) > 8 \
            or not inside[0].text[:1].isupper():
        return False
    sent = ctx.sent(doc[k])
    outside = [t for t in sent if not t.is_space and not t.is_punct
               and not ctx.in_quote(t.idx + ctx.offset)]
    if not any(t.i < k for t in outside) or not any(t.idx + ctx.offset >= close_end
                                                     for t in outside):
        return False  # a quote that opens or ends its sentence may be a headline or a statement
    if any(is_speech(ctx, t) or t.text == ":" for t in sent
           if not ctx.in_quote(t.idx + ctx.offset)):
        return False
    head = next((t for t in inside if not (start <= t.head.idx + ctx.offset < end)), None)
    return head is not None and head.dep_.split(":")[0] in (
        "obj", "dobj", "pobj", "obl", "nmod", "appos", "nsubj", "conj", "compound", "iobj")


def _incise_lead(ctx: QuoteContext, open_pos: int) -> int | None:
    """Where the statement an incise reports starts, when the quote marks open
    inside the journalist's sentence: the sentence's start, if at least three
    words of narration come before the marks, with no speech verb or colon
    among them (those have a cue of their own); else None."""
    k = ctx.tok_at(open_pos)
    if k >= len(ctx.doc):
        return None
    sent = ctx.sent(ctx.doc[k])
    before = [t for t in ctx.doc[sent.start:k] if not t.is_space]
    # another quote closing in the same (glued) sentence bounds the lead: "…
    # cher. » A 66 ans, ce Neuchâtelois … « J'ai découvert …»" starts after it
    last_close = max((b for a, b in ctx.quote_ranges if b <= open_pos and
                      (not before or b > before[0].idx + ctx.offset)
                      and ctx.text[a - ctx.offset:b - ctx.offset].rstrip(" »”\"'’\u00a0")[-1:]
                      in (".", "!", "?", "…")), default=None)
    if last_close is not None:
        before = [t for t in before if t.idx + ctx.offset >= last_close]
    # a sentence the parser left glued to the quote's ("… de plus de 40 ans. « J'ai
    # découvert … », dit-il") is narration of its own: the lead starts after it
    stops = [i for i, t in enumerate(before) if t.text in (".", "!", "?")
             and not ctx.in_quote(t.idx + ctx.offset)]
    if stops:
        before = before[stops[-1] + 1:]
    outside = [t for t in before if not ctx.in_quote(t.idx + ctx.offset)]
    words = [t for t in outside if not t.is_punct]
    if len(words) < 3 or any(t.text == ":" for t in outside):
        return None
    if any(is_speech(ctx, t) for t in outside):
        return None
    if any(t.lemma_.lower() in ctx.words.according_to for t in before):
        return None
    return before[0].idx + ctx.offset if before else None


def _place_speaks(ctx: QuoteContext, attr: Attribution) -> bool:
    """A place speaks only as a grammatical subject ("France said", "Paris et Bonn
    se sont déclarés", the inverted subject of an incise: "a annoncé le Parquet de
    Francfort"; the government, by metonymy) or the agent of a passive judgement
    ("jugée « lamentable » par le Mexique"); a place reached otherwise (the
    complement of a subject, the first name of a clause the parse split, an
    incise's neighbour: "families from Belleair, Florida") names where, not who.
    A speaker carried from an earlier quote was checked there."""
    m = attr.mention
    if m is None or m.label != "LOC" or attr.method in ("passive-agent", "continued"):
        return True
    doc = ctx.doc
    span = ctx.tok_span(m)
    if not len(span):
        return False
    sent = ctx.sent(doc[span[0]])
    first = next((t for t in sent if not t.is_space and t.lower_ not in ctx.words.articles), None)
    if first is not None and first.i == span[0]:
        return True  # "Kiev, quant à elle, a déclaré": the clause's first words, parse missed
    if attr.cue_span is not None:
        k = ctx.tok_at(attr.cue_span[0])
        if 0 <= k < span[0] <= k + 4 and not any(t.is_punct for t in doc[k + 1:span[0]]):
            return True  # the inverted subject right after the incise verb
        if 0 <= k < len(doc) and doc[k].dep_ in ("relcl", "acl:relcl") and doc[k].head.i in span \
                and any(c.dep_ in SUBJ_DEPS and c.lower_ in ctx.words.relative_subjects
                        for c in doc[k].children):
            # "… par la Chine, qui a mis en garde contre …": the place is the
            # subject of the relative that reports
            return True
    for j in span:
        t, hops = doc[j], 0
        while t.dep_ in ("compound", "flat", "flat:name", "amod", "det", "conj") and hops < 3:
            t, hops = t.head, hops + 1
        if t.dep_ in SUBJ_DEPS:
            return True
    return False


def _datelines(text: str) -> set[str]:
    """The upper-case places that open a line as a dateline ("CAPE CANAVERAL,
    Fla. — SpaceX's …", "TEMPE, Ariz. — Say goodbye …"): when the parse makes
    one the subject of a speech verb, it names no one's voice. One pass over
    the text, whatever the number of quotes."""
    return {m.group(1) for m in _DATELINE.finditer(text)}


_DATELINE = re.compile(r"(?:^|\n)[^\S\n]*([A-Z][A-Z'’. -]{2,}[A-Z])[^\S\n]*[,—–(]")


#: The parse's entity types of a point or stretch of time.
_TIME_TYPES = frozenset({"DATE", "TIME"})


def _only_when(ctx: QuoteContext, q: Quote) -> bool:
    """Is a statement read without marks nothing but a date or a duration
    ("Sunday", "Four hours")? Said of no one: the parse took the time of the
    verb for its object ("… told reporters Sunday"), or a page label for a
    clause ("Story highlights Four hours into flight, …": "highlights" a verb
    whose object is "Four hours"). Whatever the language, by the model's own
    entity types."""
    toks = [t for t in ctx.doc[ctx.tok_at(q.start):ctx.tok_at(q.end) + 1]
            if q.start <= t.idx + ctx.offset < q.end and not t.is_punct and not t.is_space]
    return bool(toks) and all(t.ent_type_ in _TIME_TYPES for t in toks)


def _has_verb(ctx: QuoteContext, start: int, end: int) -> bool:
    """Does the quote between these characters (of the article) hold a verb?"""
    toks = [t for t in ctx.doc[ctx.tok_at(start):ctx.tok_at(end) + 1]
            if start <= t.idx + ctx.offset < end]
    return any(t.pos_ in ("VERB", "AUX") for t in toks)


def _drop_restated(quotes: list[Quote]) -> list[Quote]:
    """A reported statement inside another of the same speaker is listed once.

    "Trump said it shows he'd be awake for a 3 a.m. call" gives "it shows he'd
    be …" and, from the inner verb, "he'd be awake …": one statement for the
    reader (an inner one with no speaker is part of the outer statement too).
    A statement of somebody else inside ("X said Y claimed …") stays.
    """
    if len(quotes) < 2:
        return quotes
    out = []
    ordered = sorted(quotes, key=lambda q: (q.start, -q.end))
    outer: Quote | None = None
    for q in ordered:
        if outer is not None and q.end <= outer.end and q.speaker in (outer.speaker, None):
            continue
        if outer is None or q.end > outer.end:
            outer = q
        out.append(q)
    return out


def _marks_only(text: str, offset: int, sent_index: Callable[[int], int],
                language: str) -> tuple[list[Quote], list[str]]:
    """Quote-mark spans without speakers: what a language without quote words gets."""
    spans, notes = find_quote_spans(text)
    quotes: list[Quote] = []
    for a, s, e, _ in spans:
        q = Quote(text=text[s:e], start=s + offset, end=e + offset, sentence=sent_index(s + offset))
        if not q.text.strip():
            notes.append(f"quote: empty quote at {a + offset}")
            continue
        _apply(q, unattributed())
        quotes.append(q)
    notes.append(f"quotes: no quote words for {language}: quote marks only, no speakers "
                 "or reported speech")
    return quotes, notes


def _apply(q: Quote, attr: Attribution) -> None:
    q.speaker = attr.speaker
    q.verb = attr.verb
    q.cue = attr.cue
    q.method = attr.method
    q.confidence = attr.confidence
    if attr.mention is not None:
        q.speaker_start = attr.mention.start
        q.speaker_end = attr.mention.end
    if attr.cue_span is not None:
        q.cue_start, q.cue_end = attr.cue_span
    q.resolution = attr.resolution if attr.speaker else None


_WORDS = re.compile(r"\w[\w'’-]*")
#: A sentence's end inside the marks, then another sentence ("Like Oakland.
#: Or Ferguson,"): somebody's words, no title.
_SENTENCES = re.compile(r"[a-z]{3}[.!?…]\s+[A-Z]")


def non_speech_kind(text: str) -> Literal["direct", "title", "term"]:
    """Quote marks no one speaks through, by their typography (any language).

    A speakerless quote of a few capitalised words that does not end a
    sentence is a name or a title ("Make America Great Again", « Les
    Misérables »): ``title``; three words or fewer is a term or a scare quote
    (the "junk" level): ``term``. Anything longer stays a direct quote.
    """
    body = text.strip().rstrip(",.").strip()  # “Silent Night.”: the point is the sentence's
    words = _WORDS.findall(body)
    if body != text.strip() and len(words) > 3:
        return "direct"  # "We win." is a sentence, not a title
    if not words or len(words) > 8 or body[-1:] in ".!?…":
        return "direct"
    if body != text.strip() and len(words) > 1 and not words[1][:1].isupper():
        return "direct"  # "Let me talk.": a sentence of its own, not a title
    caps = sum(1 for w in words if w[:1].isupper())
    if words[0][:1].isupper() and caps >= 0.6 * len(words) and len(words) >= 1:
        return "title"
    return "term" if len(words) <= 3 else "direct"


def _carry(q: Quote, prev: Quote) -> None:
    """The previous quote's speaker, carried across the sentences between."""
    q.speaker = prev.speaker
    q.speaker_start, q.speaker_end = prev.speaker_start, prev.speaker_end
    q.verb = prev.verb
    q.cue = "continues the previous quote"
    q.resolution = "continued"
    q.method = "continued"
    q.confidence = 0.6
