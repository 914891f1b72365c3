"""Statements: the sentence-sized units every story view is built from.

A unit is a sentence of one article with the entities, times, quantities and
quotes that fall inside its character span. Scraped news text often glues a
photo caption to the next sentence ("... plans (Photo: X) Vladimir ..."), so a
sentence holding a photo credit is split at the credit: the caption becomes a
unit flagged ``caption`` (it still states facts, so it counts for corroboration)
and is kept out of titles and summaries. Sentences the analysis flagged as page
furniture (``Sentence.furniture``: captions, share boxes, embedded posts) make
no unit at all.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from veille.core.model import Analysis, Mention, Quantity, Quote, Sentence, TimeRef
from veille.core.records import StoredArticle
from veille.lang.furniture_words import MEDIA_PAGE_PATHS
from veille.lang.sentences import rule_sentences

# A credit parenthetical: "(Photo: Reuters)", "(Roman Chop/Associated Press)",
# "(Crédit : AFP)". Names on both sides of the slash are short.
CREDIT = re.compile(
    r"\((?:\s*(?:photo|photos|foto|image|crédit|credit|illustration|vidéo|video)s?\b[^()]{0,60}"
    r"|[^()/\n]{2,40}/[^()/\n]{2,40})\)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+", re.UNICODE)
# Site furniture left in article text by copy-paste or feeds ("Copyright 1995 - .
# All rights reserved"): no statement of the story. Only unambiguous markers:
# a sentence about copyright law must stay ("The EU copyright directive ...").
FURNITURE = re.compile(
    r"©|\ball rights reserved\b|\btous droits réservés\b|\balle rechte vorbehalten\b"
    r"|\btodos los derechos reservados\b|\btutti i diritti riservati\b"
    r"|^\W*copyright\s+(?:\(c\)\s*)?\d{4}\b",
    re.IGNORECASE,
)
QUOTE_SHARE = 0.4
_PARA = re.compile(r"\n\s*\n")
_CAPTION_CUT = re.compile(r"[.!?»,;:]\s+(?=[A-ZÀ-ÖØ-Þ])")
_ENDS_QUESTION = re.compile(r"[?？؟]\s*['\"’”»)\]]*\s*$")


def is_question(text: str) -> bool:
    """A question states nothing: a subhead ("What does North Korea want?"), a
    reader prompt, an interviewer's question, one the article goes on to
    answer. No summary sentence, no dated event, no fact's wording when a
    member states it."""
    return bool(_ENDS_QUESTION.search(text.strip()))


_ENDS_SENTENCE = re.compile(r"[.!?…]['\"’”»)\]]*\s*$|[\"”»]\s*$")
_LETTER_WORD = re.compile(r"[^\W\d_]+")
MIN_EVENT_WORDS = 3


def states_event(text: str) -> bool:
    """A sentence that can be an event of the timeline: it ends like a sentence
    and has words beyond its date. Headlines repeated in the body ("Hawaiian
    Airlines Flight Takes Off In 2018 But Lands In 2017"), lead-ins ending on a
    colon ("On Monday, the firm released a statement:"), clocks and dates on
    their own ("7:30 p.m.", "Dec. 31, 2017.") report no event of their own."""
    t = text.strip()
    return bool(_ENDS_SENTENCE.search(t)) and len(_LETTER_WORD.findall(t)) >= MIN_EVENT_WORDS + 1


@dataclass
class Unit:
    idx: int  # position in the story's unit list
    article: int  # index into the story's article list
    uid: str
    sentence: int  # sentence index in the article analysis
    start: int
    end: int
    text: str
    language: str | None
    caption: bool = False
    # the furniture detector's score of the sentence (0: unscored; see summary.prefer_clean)
    furniture_score: float = 0.0
    # opens on an imperative (Sentence.imperative): tells the reader to do
    # something, reports no event
    imperative: bool = False
    # the speakers of its stance quotes, when the unit comes from a stored
    # statement (no quotes kept): see :func:`stance_speakers`
    stances: list[str] | None = None
    entities: list[str] = field(default_factory=list)  # entity ids, in order, repeated
    entity_labels: dict[str, str] = field(default_factory=dict)  # id -> PER/ORG/LOC/MISC
    times: list[TimeRef] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    @property
    def match_text(self) -> str:
        """What the statement says, for matching statements across articles.

        When direct quotes make up most of the sentence, the attribution around
        them ("..., a déclaré X, selon une transcription de Y") is boilerplate that
        makes any two quoted sentences look alike; the quoted words are the statement.
        """
        direct = [q for q in self.quotes if q.kind in ("direct", "partial") and q.text]
        quoted = sum(len(str(q.text)) for q in direct)
        if direct and quoted >= QUOTE_SHARE * len(self.text):
            return " ".join(str(q.text) for q in direct)
        return self.text

    @cached_property
    def n_words(self) -> int:
        return len(_WORD.findall(self.text))


#: how the quote stage marks a statement found as a speech verb's noun object
#: ("criticized organizers of ...", "condemned the latest missile launch":
#: ``analyze.quotes.indirect.noun_object``, verbs of the language pack's
#: ``object_speech_verbs``)
STANCE_CUE = "indirect: object"


def stance_speakers(u: Unit) -> list[str]:
    """Who ``u`` reports taking a stance on a thing: the speakers of its
    quotes whose content is a speech verb's object ("A German police union
    boss has criticized organizers of Berlin's ... party", "Russia strongly
    condemned the latest missile launch"). A unit read back from a stored
    statement has no quotes and carries them (``stances``)."""
    if u.stances is not None:
        return u.stances
    return list(dict.fromkeys(q.speaker for q in u.quotes if q.cue == STANCE_CUE and q.speaker))


def stance_map(units: Sequence[Unit]) -> dict[str, dict[str, list[str]]]:
    """The stance speakers of ``units`` by article uid and start offset (the
    view's ``stances``): what an update needs of the quotes it does not read."""
    out: dict[str, dict[str, list[str]]] = {}
    for u in units:
        speakers = stance_speakers(u)
        if speakers:
            out.setdefault(u.uid, {})[str(u.start)] = speakers
    return out


def fallback_sentences(text: str, language: str | None) -> list[Sentence]:
    """Sentences for an article that has no analysis: the rule splitter the
    analysis itself falls back on (``veille.lang.sentences``: the language's
    tokenizer decides which full stops end a sentence, a line break always
    does), so that a story built before and after the analysis cuts the text
    alike. One splitter, not two: this module had its own blank sentencizer,
    which ran sentences across line breaks (a caption and its paragraph)."""
    if not text or not text.strip():
        return []
    return [Sentence(index=i, start=a, end=b, text=text[a:b])
            for i, (a, b) in enumerate(rule_sentences(text, language))]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_span(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split a sentence span at paragraph breaks and photo credits.

    Pieces that end in a photo credit are captions. Paragraph breaks are split
    too: a sentence never runs across a blank line in news text, whatever the
    segmenter decided.
    """
    pieces: list[tuple[int, int, bool]] = []
    for p_start, p_end in _paragraphs(text, start, end):
        cur = p_start
        for m in CREDIT.finditer(text, p_start, p_end):
            a, b = _strip_span(text, cur, m.start())
            if b > a:
                cut = _caption_start(text, a, b)
                if cut > a:
                    pieces.append((*_strip_span(text, a, cut), False))
                pieces.append((*_strip_span(text, cut, b), True))
            cur = m.end()
        a, b = _strip_span(text, cur, p_end)
        if b > a:
            pieces.append((a, b, False))
    return pieces


def _caption_start(text: str, a: int, b: int) -> int:
    """Where the caption before a credit begins.

    Scraped pages paste the caption right after the previous sentence, sometimes
    after a mere comma ("... en mars, Un missile ... (Photo: AP)"): the caption
    starts after the last sentence end, or comma, followed by a capitalised word,
    when both sides keep at least four words.
    """
    best = a
    for m in _CAPTION_CUT.finditer(text, a, b):
        left, right = text[a : m.start() + 1], text[m.end() : b]
        if len(_WORD.findall(left)) >= 4 and len(_WORD.findall(right)) >= 4:
            best = m.end()
    return best


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    cur = start
    for m in _PARA.finditer(text, start, end):
        out.append((cur, m.start()))
        cur = m.end()
    out.append((cur, end))
    return out


Spanned = TypeVar("Spanned", Mention, TimeRef, Quantity, Quote)


def _by_start(items: list[Spanned]) -> tuple[list[Spanned], list[int]]:
    """Items with a start offset, sorted by it, and the offsets (for bisection)."""
    kept = sorted((x for x in items if x.start is not None), key=lambda x: int(x.start))
    return kept, [int(x.start) for x in kept]


def _within(items: list[Spanned], starts: list[int], a: int, b: int) -> list[Spanned]:
    """Items whose first character falls in [a, b): an item belongs to one unit only."""
    return items[bisect_left(starts, a) : bisect_left(starts, b)]


def _valid_spans(sents: list[Sentence], n: int) -> list[tuple[Sentence, int, int]]:
    """Sentence spans clamped to the text; spans left empty are dropped."""
    out = []
    for s in sents:
        try:
            a = max(0, min(int(s.start), n))
            b = max(a, min(int(s.end if s.end is not None else a), n))
        except (TypeError, ValueError):
            continue
        if b > a:
            out.append((s, a, b))
    return out


def entity_key(m: Mention) -> str | None:
    """The linked entity id; unlinked mentions fall back to their folded surface form."""
    if m.entity_id:
        return str(m.entity_id)
    if m.canonical:
        return str(m.canonical)
    t = " ".join(str(m.text or "").lower().split())
    return f"text:{t}" if t else None


#: The furniture evidence a sentence of a media page carries at least: over
#: the summary's suspect mark (``summary.SUSPECT_FURNITURE``, 0.3), under the
#: detector's verdict (0.6), so its facts and quotes stay.
MEDIA_PAGE_SCORE = 0.5


def media_page(url: str | None) -> bool:
    """A page of video, pictures or a programme, by its URL's path
    (:data:`~veille.lang.furniture_words.MEDIA_PAGE_PATHS`): the text kept
    from it is a player's blurb ("President Donald Trump addresses the nation
    following …", edition.cnn.com/videos/…), a gallery's captions or a show's
    teaser ("Find out what … has to say about it. We've got that and more on
    this episode of Boom Bust!", rt.com/shows/…), which read as prose to the
    furniture detector (0.05-0.2). Its sentences are summary suspects: the
    summary prefers a clean sentence of an article, and keeps them when the
    story has nothing else."""
    if not url:
        return False
    path = url.split("://", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    parts = path.lower().split("/")[1:-1]  # the host first, the page's own slug last
    return any(p in MEDIA_PAGE_PATHS for p in parts)


def build_units(
    articles: Sequence[StoredArticle], analyses: Sequence[Analysis | None]
) -> tuple[list[Unit], list[str]]:
    """All statement units of a story, and notes about what was missing."""
    units: list[Unit] = []
    notes: list[str] = []
    for ai, art in enumerate(articles):
        text = art.text or ""
        an = analyses[ai] if ai < len(analyses) else None
        lang = art.language or (an.language if an is not None else None)
        if an is None:
            notes.append(
                f"article {art.uid}: no analysis; sentences split without entities, "
                "quotes, times or quantities"
            )
            sents = fallback_sentences(text, lang)
        else:
            sents = list(an.sentences)
            if not sents and text.strip():
                sents = fallback_sentences(text, lang)
        if not sents:
            notes.append(f"article {art.uid}: no sentences")
            continue
        mentions, m_starts = _by_start(list(an.entities) if an else [])
        times, t_starts = _by_start(list(an.times) if an else [])
        quants, q_starts = _by_start(list(an.quantities) if an else [])
        quotes, qq_starts = _by_start(list(an.quotes) if an else [])
        floor = MEDIA_PAGE_SCORE if media_page(art.url) else 0.0
        spans = _valid_spans(sents, len(text))
        if not spans and text.strip():
            notes.append(f"article {art.uid}: analysis sentences do not fit the text; "
                         "sentences split again")
            spans = _valid_spans(fallback_sentences(text, lang), len(text))
        for s, s_start, s_end in spans:
            if s.furniture:  # a caption, credit or widget line (veille.analyze.furniture)
                continue
            pieces = _split_span(text, s_start, s_end)
            for k, (a, b, is_caption) in enumerate(pieces):
                seg_text = text[a:b]
                if not _WORD.search(seg_text):  # a lone quote mark or dash is no statement
                    continue
                if FURNITURE.search(seg_text):
                    continue
                u = Unit(
                    idx=len(units),
                    article=ai,
                    uid=art.uid,
                    sentence=int(s.index),
                    start=a,
                    end=b,
                    text=seg_text,
                    language=lang,
                    caption=is_caption,
                    furniture_score=max(s.furniture_score or 0.0, floor),
                    # the mood is the sentence's first clause's: its first piece
                    imperative=bool(s.imperative) and k == 0,
                )
                for m in _within(mentions, m_starts, a, b):
                    key = entity_key(m)
                    if key:
                        u.entities.append(key)
                        u.entity_labels.setdefault(key, str(m.label or ""))
                u.times = _within(times, t_starts, a, b)
                u.quantities = _within(quants, q_starts, a, b)
                u.quotes = _within(quotes, qq_starts, a, b)
                units.append(u)
    return units, notes
