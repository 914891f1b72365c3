"""Page furniture: the lines of a scraped page that are not the article's prose.

Captions and picture credits, share / subscribe / newsletter boxes, video
widgets ("JUST WATCHED ... Replay More Videos ... 01:35"), gallery counters
("Hide Caption 5 of 25"), related-article lists, embedded posts
("... pic.twitter.com/x — Name (@handle) May 28, 2016"), bylines, section
subheads and datelines with a clock reach a text whatever its input format:
a JSONL or text record is whatever a scraper kept, so trafilatura's HTML
clean-up cannot be the only defence. This module decides, line by line,
which parts of a text are furniture; the article keeps its raw text (the
furniture is flagged, not deleted, so every offset stays valid) and the
analysis and the story views leave the flagged sentences out.

Why a small learned model and not rules: the kinds of furniture share no
single marker (a Sun caption is "Getty Images Chicago Cubs celebrate ...",
a Daily Mail caption is a plain sentence without its full stop, a tweet is
prose with a handle and a date), so any rule set becomes a list of
exceptions tuned on the lines it was written against. Gradient-boosted trees
(of depth 3: 200 since session 6, 400 since session 16, which raised F1
leaving one labels set out by 0.01 on two seeds; a logistic regression
before) over
~50 shape and context features (length, end punctuation, capitals, digits
and clocks, URLs and handles, pipes, cue words of the language pack, headline
case below the top, the line repeated or echoed in the same text, a gallery's
lines sharing their first words, a sentence cut out of a blob line, a run of
widget lines around it, the neighbouring lines' shapes; since session 7 a
transcript's speaker labels, the share of function words from spaCy's
stop-word lists of any language, CJK clauses counted as words, runs of four
words shared with other lines of the text, and the features of the sentence a
cut segment belongs to) weigh the same
evidence with its interactions, are measured on labelled lines they were not
fitted on (tests/data/furniture, ``veille eval furniture``), and ship as a
JSON file in the package (``furniture_weights.json``, ~180 kB;
``scripts/train_furniture.py`` refits it and checks the export scores as
scikit-learn does). Scoring walks the trees in plain Python (a few ms per
article): scikit-learn is only needed to train.

What it does not use: the parse (the detector must give the same answer to
a text of a language without a spaCy pipeline, and to the fallback
sentences of a text whose parse failed). The other articles of the same
source are used when the caller has them (below); a lone article falls back
on the in-text repetition, shared-run and gallery features.

The unit is a *segment*: a non-blank line, or a sentence (the analysis'
rule splitter, ``veille.lang.sentences``) of a line so long it must be a text
pasted without its line breaks (SemEval's CSV), so that a caption glued
inside such a blob can still be told apart.

Since session 8 the caller may also pass the evidence this module cannot
see: per-source line counts (:class:`SiteCounts`, from the store's
``line_hashes``: in how many other articles of the same outlet each line
recurs). They are features of the trees and, for a line of three words or
more found in two other articles of the source, a rule (``site_recurring``).

Since session 9 the trees are fitted on every labels set but the newest
fresh one (each earlier fresh set had come in much lower than the set the
model was tuned on: a fold of documents of the tuning set promised more than a
new set gave), their threshold is chosen leaving one labels set out at a
time, and a second rule flags a widget's items: a line sharing eight words in
a row with three other lines of its text (``widget_items``).

Since session 11 the trees also see where a line sits among the article's
paragraphs (how many lie before and after it, how far it is from the end,
the previous line's length: the tail of a page holds contributor notes, bios
and newsletter messages, a subhead sits between paragraphs) and markup left
in a line (an embed's ``<tweet …>`` stub): a census of the lines missed when
one labels set is left out found those kinds missed most.

Since session 12 German, Spanish and Italian pages have their cue words
(partial packs in ``veille.lang``), the model is fitted on fresh sets 5 and
7 too, and a third rule (``cue_rule``) flags a line below the top that
carries a cue phrase of its language's pack but is no paragraph: the trees
weigh a cue against a line's other features and miss the rare kinds ("Bitte
beachten Sie die englische Originalmeldung …", "Hier können Sie sich für den
Newsletter anmelden.").

Since session 14 the trees see a credit closing a line by its typography
(``credit_tail``: "[Photo/Agencies]", "(University of Oklahoma)", "… LAUREN
HURLEY/PA"): the census of the lines missed leaving one set out found
captions written as full sentences the largest kind, and those at the top of
a page (where a line is taken for the headline) were missed even when a
credit closed them, because the pack's credit words did not name the
credit.

Since session 17 a line above the body's dateline ("(CNN) The …",
"MELBOURNE, Fla. — …") and an author's note opening or closing the page
("Cindy Godwin is a retired marketing executive …") score at least
:data:`PREAMBLE_SCORE`: summary suspects, not verdicts (:func:`_preamble`,
:func:`_author_note`).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from veille.core.model import Sentence
from veille.lang import PACKS, PARTIAL, language_data
from veille.lang.furniture_words import UNIVERSAL, FurnitureWords, merged
from veille.lang.sentences import rule_sentences

#: A line longer than this is a blob (a text pasted without its line breaks,
#: as in SemEval's CSV): it is cut into punctuation sentences.
BLOB_CHARS = 600
#: A sentence is furniture when at least this share of its characters lies in
#: furniture segments (a sentence the parser ran across a caption line and a
#: prose line goes with the larger part).
SENTENCE_SHARE = 0.5
WEIGHTS_FILE = "furniture_weights.json"

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+", re.UNICODE)
_END = re.compile(r"[.!?…。！？](?:\s*[\"'”’»)\]」』）])*$")
_END_QUOTE = re.compile(r"[\"”»]$")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:.h]\d{2}(?!\d)\s*(?:[ap]\.?m\.?|gmt|utc|[ap]st|[ecmp][sd]t)?",
                    re.IGNORECASE)
_CLOCK_MARKED = re.compile(r"(?<!\d)\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?(?!\w)|gmt|utc)"
                           r"|(?<!\d)\d{1,2}:\d{2}(?!\d)", re.IGNORECASE)
_URL = re.compile(r"https?://|www\.|pic\.twitter\.com|\bt\.co/|\.(?:com|org|net|co\.uk|fr)\b/?",
                  re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@])@\w{2,}")
_HASHTAG = re.compile(r"(?<![\w#&])#[^\W\d]\w+")
_SLASH_CREDIT = re.compile(r"\b[A-Z][\w.'-]*\s*/\s*[A-Z]")
_POST_SIGNATURE = re.compile(r"[—–-]\s*[^—–\n]{1,60}\((?:@\w+)\)")
_END_PAREN = re.compile(r"\(([^()]{2,60})\)\W*$")
#: A caption's credit closing its line: in brackets ("[Photo/Agencies]",
#: "(University of Oklahoma)") or bare after the caption's last word ("…
#: society” LAUREN HURLEY/PA", "Photograph: Matt York/AP").
_END_BRACKET = re.compile(r"[(\[]([^()\[\]]{2,60})[)\]]\s*$")
_BARE_CREDIT = re.compile(r"(?:^|[.!?”\"’»)]\s+|\s)(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*/\s*"
                          r"(?:[A-Z][\w.'’&-]*\s*){1,4}$")
_LONG_WORD = re.compile(r"[^\W\d_]{3,}")
_NAME_WORD = re.compile(r"[^\W\d_]{2,}")
_COUNTER = re.compile(r"\b\d{1,3}\s*(?:of|/|sur|de)\s*\d{1,3}\b")
_PIPE = re.compile(r"\s[|]\s")
_SENT_MARK = re.compile(r"[.!?…](?:\s*[\"'”’»)\]])*\s+(?=\S)")
#: A line closed by a short abbreviation or an initial ("Mr.", "A.", "Inc."):
#: a sentence cut by a stray break or by the blob splitter, not a unit of its own.
_ABBREV_END = re.compile(r"(?:^|\s|\W)(?:[A-Z]|[A-Z][a-z]{1,3}|[a-z])\.$")
#: A transcript's speaker label opening a line: a name in capitals, maybe its
#: role ("ARI SHAPIRO, HOST:", "TAPPER:", "JAKE TAPPER:"), then a colon.
_SPEAKER = re.compile(r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Z .'’-]{1,30})?:(?=\s|$)")
#: Scripts written without spaces between words (a "word" of ``_WORD`` is a
#: whole clause there): their characters are counted instead.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_DIGIT_END = re.compile(r"\d\.$")
#: Markup left in the text ("<tweet tweet-id=…>", "<a href=…>", "<tweet/>"):
#: what a scraper kept of an embed, a player or a link box, not prose.
_MARKUP = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
#: Above this many segments the echo feature compares each line with its
#: neighbours only (a long text would cost a quadratic scan).
ECHO_SPAN = 60


@dataclass(frozen=True)
class Segment:
    """One line (or blob sentence) with its verdict."""

    start: int
    end: int
    score: float  # probability of furniture
    furniture: bool


def segments(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """The units furniture is decided on: the text's non-blank lines, a
    blob line cut into sentences; spans are stripped of surrounding spaces.
    A blob is cut by the analysis' own rule splitter (``veille.lang.sentences``,
    since session 8: one splitter; it knows "20.000", "z.B.", "U.S." where a
    punctuation regex cut them), so a flagged piece is a sentence the
    analysis also sees."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b <= a:
            continue
        if b - a > BLOB_CHARS:
            out.extend((a + s, a + e) for s, e in rule_sentences(text[a:b], language))
        else:
            out.append((a, b))
    return out


@lru_cache(maxsize=16)
def words_for(language: str | None) -> FurnitureWords:
    """The cue words for a text: its pack's and the universal marks; a text
    of unknown language gets every pack's (as a query does, see lang/)."""
    if language is None:
        return merged(UNIVERSAL, *(p.furniture for p in (*PACKS.values(), *PARTIAL.values())))
    return merged(UNIVERSAL, language_data(language).furniture)


@lru_cache(maxsize=64)
def _phrase_re(phrases: frozenset[str], anchored: bool) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    head = r"^\W*" if anchored else r"(?<!\w)"
    return re.compile(f"{head}(?:{alts})(?!\\w)", re.IGNORECASE)


def _count(rx: re.Pattern[str] | None, s: str) -> int:
    return len(rx.findall(s)) if rx is not None else 0


def _norm(s: str) -> str:
    return " ".join(_WORD.findall(s.lower()))


@lru_cache(maxsize=16)
def stop_words(language: str | None) -> frozenset[str]:
    """The function words of a language (spaCy's lists, which need no model):
    prose is made of them, a caption, a credit, a widget or a list of names
    much less so, whatever the language. A text of unknown language gets the
    union of the packs' languages."""
    import importlib

    key = (language or "").strip().lower().replace("_", "-").split("-")[0]
    codes = [key] if key.isalpha() else list(PACKS)
    out: set[str] = set()
    for code in codes:
        try:
            mod = importlib.import_module(f"spacy.lang.{code}.stop_words")
        except ImportError:
            continue
        out.update(w.lower() for w in getattr(mod, "STOP_WORDS", ()))
    return frozenset(out)


def _shape(line: str, words: FurnitureWords, stops: frozenset[str] = frozenset()) -> dict[str, float]:
    """Features of the line alone."""
    toks = _WORD.findall(line)
    cjk = len(_CJK.findall(line))
    # a clause of Chinese or Japanese is one \w+ run: count its characters
    # (two per word, roughly) so that it is not taken for a fragment
    # (a line without any CJK character has no CJK word: no search per word)
    cjk_words = sum(1 for t in toks if _CJK.search(t)) if cjk else 0
    n_words = len(toks) + cjk // 2 - cjk_words
    n_words = max(n_words, 1 if toks else 0)
    spaced = [t.lower() for t in toks if not _CJK.search(t)] if cjk else [t.lower() for t in toks]
    speaker = _SPEAKER.match(line.strip())
    letters = list(filter(str.isalpha, line))
    n_letters = len(letters) or 1
    caps = sum(1 for t in toks if t[:1].isupper())
    # map over str methods: the same counts as a generator, at a third of the cost
    # (this runs on every line and group of every article)
    digits = sum(map(str.isdigit, line))
    stripped = line.rstrip()
    first = stripped.lstrip()[:1]
    m_paren = _END_PAREN.search(stripped)
    end_paren = m_paren.group(1) if m_paren else ""
    return {
        "len_log": math.log1p(len(line)),
        "words_log": math.log1p(n_words),
        "end_punct": float(bool(_END.search(stripped))),
        "end_colon": float(stripped.endswith(":")),
        "end_quote": float(bool(_END_QUOTE.search(stripped))),
        "fragment": float(n_words <= 3),
        "no_letters": float(not letters),
        "starts_lower": float(first.islower()),
        "starts_digit": float(first.isdigit()),
        "upper_ratio": sum(map(str.isupper, letters)) / n_letters,
        "cap_word_ratio": caps / n_words if n_words else 0.0,
        "digit_ratio": digits / max(1, len(line)),
        "clock": float(bool(_CLOCK_MARKED.search(line))),
        "url": float(bool(_URL.search(line))),
        "handle": float(bool(_HANDLE.search(line))),
        "hashtag": float(bool(_HASHTAG.search(line))),
        "post_signature": float(bool(_POST_SIGNATURE.search(line))),
        "slash_credit": float(bool(_SLASH_CREDIT.search(line))),
        "counter": float(bool(_COUNTER.search(line))),
        "paren_line": float(stripped.startswith("(") and stripped.endswith(")")),
        # a caption ends with its credit: "... on Monday. (Reuters)", "(Hayoung Jeon/EPA)"
        "credit_end": float(bool(end_paren) and (
            "/" in end_paren or _count(_phrase_re(words.credits, False), end_paren) > 0
            or _count(_phrase_re(words.openers, True), end_paren) > 0)),
        "credit_tail": float(_credit_tail(stripped)),
        "cue_phrases": min(3.0, _count(_phrase_re(words.phrases, False), line)),
        "cue_opener": float(_count(_phrase_re(words.openers, True), line) > 0),
        "credit": min(3.0, _count(_phrase_re(words.credits, False), line)),
        "credit_opener": float(_count(_phrase_re(words.credits, True), line) > 0),
        "quote_open": float(first in "\"'“‘«"),
        "end_question": float(stripped.endswith("?")),
        "pipe": float(bool(_PIPE.search(line))),
        # a paragraph holds several sentences; a caption, a widget or a subhead rarely does
        "sentences_log": math.log1p(len(_SENT_MARK.findall(stripped))),
        "abbrev_end": float(bool(_ABBREV_END.search(stripped))),
        # headline case ("Gorilla Killed To Save Boy At Cincinnati Zoo"): words
        # of four letters and more, nearly all capitalised
        "title_case": _title_case(toks),
        # the share of function words (-1 where words are not spaced): prose
        # is built of them, furniture much less
        "stop_ratio": (sum(1 for t in spaced if t in stops) / len(spaced)) if len(spaced) >= 2 and stops
        else -1.0,
        # a transcript's dialogue line opens with its speaker; a label alone on
        # its line is programme furniture
        "speaker": float(speaker is not None and bool(line.strip()[speaker.end():].strip())),
        "speaker_only": float(speaker is not None and not line.strip()[speaker.end():].strip()),
        # "Am 14." | "Januar ...", "sacrificó 23." | "000 aves": a number cut by
        # the sentence splitter, not a line of its own
        "digit_end": float(bool(_DIGIT_END.search(stripped))),
        "markup": float(bool(_MARKUP.search(line))),
    }


def _credit_tail(stripped: str) -> bool:
    """The line ends with a credit as a caption does, after some words of
    its own: a bracketed name that opens with a capital and holds a slash or
    capitalised words only ("(Michael Wyke/Associated Press)", "(University
    of Oklahoma)", "(Photo: AP)", "[Photo/IC]"; not "(sda/afp)", "(R-Texas).",
    "(video)", "(Foto!)"),
    or a bare "Name/Agency" after the last word of a line with no end
    punctuation. Language-free: the typography of a credit, not its words
    (the pack's credit words are ``credit_end``)."""
    m = _END_BRACKET.search(stripped)
    if m is not None and m.start() > 0:
        inner = m.group(1).strip()
        if inner[:1].isupper():
            if "/" in inner:
                return True
            # "(Photo: AP)", "(University of Oklahoma)": two capitalised words
            # or more, and no lower-case word but a short one ("of", "de")
            caps = [w for w in _NAME_WORD.findall(inner) if w[0].isupper()]
            lower = [w for w in _LONG_WORD.findall(inner) if not w[0].isupper()]
            if len(caps) >= 2 and not lower and not any(map(str.isdigit, inner)):
                return True
    return bool(_BARE_CREDIT.search(stripped)) and not _END.search(stripped)


def _title_case(toks: Sequence[str]) -> float:
    long = [t for t in toks if len(t) >= 4 and t.isalpha()]
    if len(long) < 3:
        return 0.0
    return sum(1 for t in long if t[0].isupper()) / len(long)


def _in_blob(text: str, a: int, b: int) -> tuple[bool, bool]:
    """Whether a segment is a sentence cut out of a blob line, and whether it
    is the blob's first sentence (where a glued headline or caption sits)."""
    lo = text.rfind("\n", 0, a) + 1
    hi = text.find("\n", b)
    hi = len(text) if hi < 0 else hi
    line = text[lo:hi]
    if len(line.strip()) <= BLOB_CHARS:
        return False, False
    return True, not text[lo:a].strip()


def _echo(word_sets: Sequence[frozenset[str]], i: int) -> float:
    """The largest share of this line's words found in another, longer line of
    the text: a Daily Mail or USA Today caption repeats a sentence of the
    article in other words, a pull quote repeats it whole."""
    mine = word_sets[i]
    if len(mine) < 4:
        return 0.0
    n = len(word_sets)
    lo, hi = (0, n) if n <= ECHO_SPAN else (max(0, i - ECHO_SPAN // 2), min(n, i + ECHO_SPAN // 2))
    best = 0.0
    for j in range(lo, hi):
        other = word_sets[j]
        if j == i or len(other) < len(mine) or other == mine:
            continue
        best = max(best, len(mine & other) / len(mine))
    return best


#: Words in a row that make a widget's boilerplate when several lines share them.
RUN_WORDS = 4
#: A run shared with this many other lines (log) makes a line part of a widget.
SHARED_STRONG = math.log1p(3)


def norms_of(lines: Sequence[str]) -> list[list[str]]:
    return [_norm(s).split() for s in lines]


#: Words in a row that only a widget's item repeats verbatim: prose repeats a
#: name of four words ("the Central American Minors program") in many lines,
#: not eight words in four of them.
LONG_RUN_WORDS = 8
#: A line sharing a run of :data:`LONG_RUN_WORDS` with this many other lines
#: of its text is an item of a widget (rule :func:`widget_items`).
LONG_RUN_LINES = 3


def _shared_runs(tokens: Sequence[Sequence[str]], run: int = RUN_WORDS) -> list[float]:
    """For each line, how many other lines share one of its runs of
    :data:`RUN_WORDS` words (log): a gallery or a video carousel repeats its
    boilerplate ("Hide Caption 3 of 8", "Skip in Skip x Embed x Share CLOSE
    ...") in every item, whatever the page's language; prose repeats a run of
    words in two lines at most (a caption echoing its paragraph)."""
    owners: dict[tuple[str, ...], set[int]] = {}
    runs: list[set[tuple[str, ...]]] = []
    for i, toks in enumerate(tokens):
        # the runs as zip of shifted views: the same tuples as slicing at each
        # offset, built in C
        mine = set(zip(*(toks[k:] for k in range(run)), strict=False))
        runs.append(mine)
        for r in mine:
            owners.setdefault(r, set()).add(i)
    return [math.log1p(max((len(owners[r]) - 1 for r in mine), default=0)) for mine in runs]


#: The order of features in the weights file (checked when it is loaded).
FEATURES: tuple[str, ...] = (
    # headline case counts only below the top (``title_not_first``): at the
    # top it is the article's own headline, prose by the annotation guide
    *(k for k in _shape("", UNIVERSAL) if k != "title_case"),
    "repeated", "gallery", "last", "first_no_end", "continues",
    "prev_end_punct", "prev_short", "next_short",
    "prev_cue", "next_cue",
    "in_blob", "blob_first", "next_continues", "position", "echo",
    "prev_in_blob", "next_in_blob", "window_cue", "title_not_first",
    "title_first", "speakers_log", "prev_speaker", "next_speaker", "prev_stop", "next_stop",
    "shared_run", "group_size_log", "group_len_log", "group_end_punct", "group_stop",
    "group_sentences_log",
    # since session 8: the line in other articles of the same source (SiteCounts)
    "site_known_log", "site_repeat_log", "site_share", "site_doc_share", "site_window",
    # since session 9: a widget's long verbatim run, the line that follows,
    # and the line introducing a run of unpunctuated lines (a list)
    "shared_long", "next_len_log", "next_quote_open", "list_intro_words_log", "list_intro_stop",
    # since session 11: the line's place among the article's paragraphs
    "from_end_log", "paragraphs_before_log", "paragraphs_after_log", "prev_len_log",
)

#: Since session 21 a second stage (:attr:`Model.stack`) sees, besides a
#: line's own features, the first stage's scores of the line and of its
#: neighbours: what the trees believe of the lines around it. A caption or a
#: subhead looks like prose on its own and like furniture among furniture;
#: a widget's plain sentence sits in a run of flagged lines. These are the
#: neighbours' *labels* as the model guesses them, which no shape feature of
#: one line (``prev_short``, ``window_cue``) carries, and they mean the same
#: on every site.
STACK_FEATURES: tuple[str, ...] = (
    "score", "prev_score", "next_score", "prev2_score", "next2_score", "window_max_score",
    "window_mean_score", "doc_mean_score", "doc_share_flagged",
)
#: A first-stage score this high counts as flagged in ``doc_share_flagged``.
STACK_SHARE = 0.5


def stack_features(scores: Sequence[float]) -> list[list[float]]:
    """The second stage's extra columns (:data:`STACK_FEATURES`) of each
    segment, from the first stage's scores of a text's segments (-1: no
    such neighbour)."""
    n = len(scores)
    if not n:
        return []
    mean = sum(scores) / n
    share = sum(1 for p in scores if p >= STACK_SHARE) / n
    out = []
    for i, p in enumerate(scores):
        win = [scores[j] for j in range(max(0, i - WINDOW), min(n, i + WINDOW + 1)) if j != i]
        out.append([p, scores[i - 1] if i > 0 else -1.0, scores[i + 1] if i + 1 < n else -1.0,
                    scores[i - 2] if i > 1 else -1.0, scores[i + 2] if i + 2 < n else -1.0,
                    max(win) if win else -1.0, sum(win) / len(win) if win else -1.0, mean, share])
    return out


#: How many segments on each side the window features look at.
WINDOW = 3
_STRONG = ("cue_phrases", "cue_opener", "credit_opener", "counter", "pipe", "clock", "url",
           "handle", "credit_end", "slash_credit")


@dataclass(frozen=True)
class SiteCounts:
    """What the other articles of the same source (outlet, domain) say about
    an article's lines: how many such articles are known (``articles``) and,
    per :func:`line_key`, in how many of them the line recurs (``lines``; a
    key absent is a line no other article holds). An outlet's disclaimer,
    newsletter box, show blurb or columnist's bio recurs verbatim across its
    pages, which no feature of one article can see. Built by the caller (the
    store: ``veille.store.line_counts``; the scorer: the dev corpora)."""

    articles: int
    lines: Mapping[str, int]
    #: The article's own :func:`line_keys`, when the caller computed them to
    #: ask the store (the pipeline's parent process does): :func:`detect`
    #: then does not hash every line again. Trusted only for the language
    #: they were cut with (a blob is cut into sentences by language) and
    #: when there is one per segment.
    keys: tuple[str, ...] | None = None
    keys_language: str | None = None
    #: The segments (:func:`segments`) those keys are of, when the caller cut
    #: them: cutting a blob into sentences is the costly part.
    spans: tuple[tuple[int, int], ...] | None = None


#: Above this many other articles of a source, the counts say no more.
SITE_CAP = 50
_DIGITS = re.compile(r"\d+")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")


def line_key(line: str) -> str:
    """The key a line is counted under across a source's articles: its words
    lower-cased, numbers masked ("Hide Caption 3 of 8", "Updated 11:03 AM"
    recur with other numbers), hashed. Empty for a line without words."""
    return _key(_norm(line))


def _key(norm: str) -> str:
    """:func:`line_key` of a line already normalised (``_norm``)."""
    masked = _DIGITS.sub("0", norm)
    return hashlib.sha1(masked.encode("utf-8")).hexdigest()[:16] if masked else ""


def line_keys(text: str, spans: Sequence[tuple[int, int]] | None = None,
              language: str | None = None) -> list[str]:
    """The key of each segment of ``text`` (``spans``: its :func:`segments`)."""
    return [line_key(text[a:b]) for a, b in (segments(text, language) if spans is None else spans)]


def _site_features(keys: Sequence[str], site: SiteCounts | None) -> list[dict[str, float]]:
    n = len(keys)
    if site is None or site.articles <= 0:
        none = {"site_known_log": 0.0, "site_repeat_log": -1.0, "site_share": -1.0,
                "site_doc_share": -1.0, "site_window": -1.0}
        return [dict(none) for _ in keys]
    known = min(site.articles, SITE_CAP)
    reps = [min(site.lines.get(k, 0), known) if k else 0 for k in keys]
    # an article whose lines nearly all recur is a copy of another (an update,
    # a re-post), not a page of boilerplate: the model sees that share
    doc_share = sum(1 for r in reps if r > 0) / n if n else 0.0
    out = []
    for i, r in enumerate(reps):
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        out.append({"site_known_log": math.log1p(known), "site_repeat_log": math.log1p(r),
                    "site_share": r / known, "site_doc_share": doc_share,
                    "site_window": sum(1 for j in range(lo, hi) if j != i and reps[j] > 0)
                    / (2 * WINDOW)})
    return out


def features(text: str, spans: Sequence[tuple[int, int]], words: FurnitureWords,
             stops: frozenset[str] = frozenset(), site: SiteCounts | None = None,
             keys: Sequence[str] | None = None) -> list[list[float]]:
    """One feature vector per segment, in :data:`FEATURES` order (``keys``:
    the segments' :func:`line_keys`, when the caller has them)."""
    lines = [text[a:b] for a, b in spans]
    shapes = [_shape(s, words, stops) for s in lines]
    # a transcript: several lines open with a speaker label
    speakers_log = math.log1p(sum(1 for sh in shapes if sh["speaker"] > 0 or sh["speaker_only"] > 0))
    norms = [_norm(s) for s in lines]
    counts: dict[str, int] = {}
    for k in norms:
        if k:
            counts[k] = counts.get(k, 0) + 1
    heads = [" ".join(k.split()[:3]) if len(k.split()) >= 4 else "" for k in norms]
    blobs = [_in_blob(text, a, b) for a, b in spans]
    word_sets = [frozenset(w for w in k.split() if len(w) > 2) for k in norms]
    dicts: list[dict[str, float]] = []
    n = len(lines)
    sites = _site_features(keys if keys is not None else [_key(k) for k in norms], site)
    tokens = [k.split() for k in norms]  # = norms_of(lines), not normalised twice
    shared = _shared_runs(tokens)
    shared_long = _shared_runs(tokens, LONG_RUN_WORDS)
    intros = _list_intros(shapes)
    before, after = _paragraphs_around(shapes)
    # a line of a widget's run: a strong cue, or boilerplate shared with 3+ lines
    strong = [any(sh[k] > 0 for k in _STRONG) or shared[i] >= SHARED_STRONG
              for i, sh in enumerate(shapes)]
    for i, sh in enumerate(shapes):
        prev = shapes[i - 1] if i > 0 else None
        nxt = shapes[i + 1] if i + 1 < n else None
        ctx = {
            "repeated": float(bool(norms[i]) and counts.get(norms[i], 0) > 1),
            # a gallery: neighbours open with the same words and then differ
            # ("Photos: <gallery title> <caption>"); the same paragraph twice is no gallery
            "gallery": float(bool(heads[i]) and any(
                0 <= j < n and heads[j] == heads[i] and norms[j] != norms[i] for j in (i - 1, i + 1))),
            # a page ends with its share and newsletter boxes; a text of a few
            # lines (a wire brief, a record a scraper cleaned) ends with prose
            "last": float(i == n - 1 and n >= 5),
            # a title at the top is the article's own statement; a bare line
            # further down is a subhead, a caption or a widget
            "first_no_end": float(i == 0 and not sh["end_punct"]),
            # a line cut out of a sentence by a stray break ("Mr." | "Trump,
            # do you ...", "$10,097." | "58 at 6."): it goes with its neighbour
            "continues": float(prev is not None and (
                (prev["fragment"] and prev["end_punct"]) or sh["starts_lower"] > 0
                or ((prev["digit_end"] > 0 or (not prev["end_punct"] and not prev["end_colon"]))
                    and sh["starts_digit"] > 0))),
            "prev_end_punct": prev["end_punct"] if prev else 1.0,
            "prev_short": float(prev is not None and prev["len_log"] < math.log1p(60)),
            "next_short": float(nxt is not None and nxt["len_log"] < math.log1p(60)),
            "prev_cue": float(prev is not None and (prev["cue_phrases"] + prev["cue_opener"]
                                                    + prev["credit_opener"]) > 0),
            "next_cue": float(nxt is not None and (nxt["cue_phrases"] + nxt["cue_opener"]
                                                   + nxt["credit_opener"]) > 0),
            "in_blob": float(blobs[i][0]),
            "blob_first": float(blobs[i][1]),
            # the next line carries on this one: it opens in lower case, or
            # this one is a short fragment closed by an abbreviation
            "next_continues": float(nxt is not None and (
                nxt["starts_lower"] > 0 or (sh["abbrev_end"] > 0 and sh["words_log"] < math.log1p(4)))),
            "position": i / (n - 1) if n > 1 else 0.0,
            "echo": _echo(word_sets, i),
            "prev_in_blob": float(i > 0 and blobs[i - 1][0]),
            "next_in_blob": float(i + 1 < n and blobs[i + 1][0]),
            # a widget or gallery is a run of lines: a plain sentence between
            # "... | 1:21" and "... 3 of 41" belongs to the run
            # headline case is the article's own title at the top, a subhead
            # or a related headline further down
            "title_not_first": sh["title_case"] if i > 0 else 0.0,
            "window_cue": sum(strong[j] for j in range(max(0, i - WINDOW), min(n, i + WINDOW + 1))
                              if j != i) / (2 * WINDOW),
            # at the top, headline case is the article's own title
            "title_first": sh["title_case"] if i == 0 else 0.0,
            "shared_run": shared[i],
            "shared_long": shared_long[i],
            "next_len_log": nxt["len_log"] if nxt else 0.0,
            "next_quote_open": nxt["quote_open"] if nxt else 0.0,
            "list_intro_words_log": intros[i][0],
            "list_intro_stop": intros[i][1],
            "speakers_log": speakers_log,
            "prev_speaker": float(prev is not None and (prev["speaker"] + prev["speaker_only"]) > 0),
            "next_speaker": float(nxt is not None and (nxt["speaker"] + nxt["speaker_only"]) > 0),
            "prev_stop": prev["stop_ratio"] if prev else -1.0,
            "next_stop": nxt["stop_ratio"] if nxt else -1.0,
            # since session 11: where the line sits among the article's
            # paragraphs. A page's tail (contributor line, bio, editor's
            # note, newsletter messages) has no paragraph after it, a subhead
            # has paragraphs on both sides and a short line before it
            "from_end_log": math.log1p(n - 1 - i),
            "paragraphs_before_log": math.log1p(before[i]),
            "paragraphs_after_log": math.log1p(after[i]),
            "prev_len_log": prev["len_log"] if prev else 0.0,
        }
        dicts.append({**sh, **ctx, **sites[i]})
    _add_groups(text, spans, dicts, stops, words)
    return [[row[f] for f in FEATURES] for row in dicts]


#: A paragraph: a line closed by end punctuation with at least this many words.
PARAGRAPH_WORDS = 12


def _paragraphs_around(shapes: Sequence[Mapping[str, float]]) -> tuple[list[int], list[int]]:
    """For each line, how many paragraphs of the text lie before and after
    it (the line itself not counted). The furniture a census of the misses
    found most (session 11) sits by its place among the paragraphs, not by
    its own shape: "Jihye Lee contributed to this post." or a writer's bio
    is a plain sentence after the last paragraph, a subhead a short line
    between two paragraphs."""
    para = [sh["end_punct"] > 0 and sh["words_log"] >= math.log1p(PARAGRAPH_WORDS) for sh in shapes]
    before: list[int] = []
    k = 0
    for p in para:
        before.append(k)
        k += p
    total = k
    after = [total - b - int(p) for b, p in zip(before, para, strict=True)]
    return before, after


#: A line of a list is at most this long (characters, log).
LIST_ITEM_LEN = math.log1p(100)


def _list_intros(shapes: Sequence[Mapping[str, float]]) -> list[tuple[float, float]]:
    """For a line in a run of short lines without end punctuation (a list),
    the words (log) and the function-word share of the line introducing the
    run when it ends with a colon; (0, -1) otherwise. "Read more:" or
    "Related:" heads a list of headlines (furniture); "The report covers:" or
    "He listed his advice:" heads a list the article states (prose): the
    intro's own shape tells them apart, not a list of words."""
    out: list[tuple[float, float]] = []
    intro: tuple[float, float] = (0.0, -1.0)
    for i, sh in enumerate(shapes):
        item = not sh["end_punct"] and sh["len_log"] <= LIST_ITEM_LEN and not sh["end_colon"]
        if not item:
            intro = (0.0, -1.0)
        elif i > 0 and shapes[i - 1]["end_colon"]:
            intro = (shapes[i - 1]["words_log"], shapes[i - 1]["stop_ratio"])
        out.append(intro if item else (0.0, -1.0))
    return out


def widget_items(text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """The segments that share a run of :data:`LONG_RUN_WORDS` words with at
    least :data:`LONG_RUN_LINES` other segments of the text: the items of a
    video carousel or gallery repeat their boilerplate verbatim ("Skip in Skip
    x Embed x Share CLOSE WHAT YOU NEED TO KNOW ABOUT ..."), prose does not
    (checked on the labelled lines of sessions 1-8: 43 lines, all furniture;
    four lines sharing six words already hold prose)."""
    got = _shared_runs([_norm(text[a:b]).split() for a, b in spans], LONG_RUN_WORDS)
    return [g >= math.log1p(LONG_RUN_LINES) for g in got]


def _add_groups(text: str, spans: Sequence[tuple[int, int]], rows: list[dict[str, float]],
                stops: frozenset[str], words: FurnitureWords) -> None:
    """Features of the *group* a segment belongs to: segments glued back
    where a break cut a sentence ("Through Dec." | "31, a new ID card ...",
    "La provincia ... sacrificó 23." | "000 aves ...", "Mr." | "Trump ..."),
    so that a piece is judged with the sentence it was cut from."""
    n = len(rows)
    start = 0
    for i in range(n + 1):
        if i < n and i > start and (rows[i]["continues"] > 0 or rows[i - 1]["next_continues"] > 0):
            continue
        if i > start:
            # a group of one segment is that segment's line: its row already
            # holds the line's shape (most groups; shaping a paragraph is the
            # costly part of this module)
            g = rows[start] if i - start == 1 else _shape(text[spans[start][0]:spans[i - 1][1]],
                                                          words, stops)
            for j in range(start, i):
                rows[j].update({"group_size_log": math.log1p(i - start), "group_len_log": g["len_log"],
                                "group_end_punct": g["end_punct"], "group_stop": g["stop_ratio"],
                                "group_sentences_log": g["sentences_log"]})
        start = i


@dataclass(frozen=True)
class Tree:
    """One regression tree of a boosted ensemble, as scikit-learn stores it
    (node arrays; a leaf has ``left == -1``; go left when x <= threshold)."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def leaf(self, row: Sequence[float]) -> float:
        node = 0
        while self.left[node] != -1:
            node = self.left[node] if row[self.feature[node]] <= self.threshold[node] else self.right[node]
        return self.value[node]


def _leaves(trees: Sequence[Tree], row: Sequence[float]) -> Iterator[float]:
    """Each tree's leaf value for ``row``, in order: :meth:`Tree.leaf` with
    the node arrays held in locals (a boosted model walks hundreds of trees
    per segment, every segment of every article)."""
    for t in trees:
        feature, threshold, left, right = t.feature, t.threshold, t.left, t.right
        node = 0
        while left[node] != -1:
            node = left[node] if row[feature[node]] <= threshold[node] else right[node]
        yield t.value[node]


@dataclass(frozen=True)
class Model:
    """A fitted scorer and its threshold: a logistic regression
    (standardisation and weights) or gradient-boosted trees (``kind ==
    "trees"``: the features interact — a headline-cased line is prose at the
    top and a subhead below it — which one linear score cannot express)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float = 0.5
    kind: str = "logistic"
    rate: float = 0.0
    trees: tuple[Tree, ...] = ()
    #: the second stage (since session 21): fitted on :data:`FEATURES` and
    #: :data:`STACK_FEATURES`; its scores are the verdicts' (``threshold``
    #: is the verdict's threshold on them)
    stack: Model | None = None

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The scores of one text's segments (``rows`` in text order): the
        second stage, when there is one, sees the first's scores around each."""
        first = [self.score(r) for r in rows]
        if self.stack is None:
            return first
        return [self.stack.score([*r, *x]) for r, x in zip(rows, stack_features(first), strict=True)]

    def score(self, row: Sequence[float]) -> float:
        z = self.intercept
        if self.kind == "trees":
            # scikit-learn compares float32 features with its thresholds
            row32 = array("f", row)
            z += self.rate * sum(_leaves(self.trees, row32))
        else:
            for x, m, s, w in zip(row, self.mean, self.scale, self.coef, strict=True):
                z += w * (x - m) / s
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "features": list(self.features),
                                  "intercept": self.intercept, "threshold": self.threshold}
        if self.kind == "trees":
            out["rate"] = self.rate
            out["trees"] = [{"feature": list(t.feature), "threshold": list(t.threshold),
                             "left": list(t.left), "right": list(t.right), "value": list(t.value)}
                            for t in self.trees]
        else:
            out.update({"mean": list(self.mean), "scale": list(self.scale), "coef": list(self.coef)})
        if self.stack is not None:
            out["stack"] = self.stack.to_dict()
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any], expected: tuple[str, ...] = FEATURES) -> Model:
        feats = tuple(str(x) for x in d["features"])
        if feats != expected:
            raise ValueError(f"furniture weights were fitted on features {feats}, "
                             f"this code computes {expected}: refit (scripts/train_furniture.py)")
        stack = (Model.from_dict(d["stack"], (*FEATURES, *STACK_FEATURES)) if d.get("stack")
                 else None)
        threshold = float(d.get("threshold", 0.5))
        if d.get("kind") == "trees":
            trees = tuple(Tree(tuple(int(x) for x in t["feature"]),
                               tuple(float(x) for x in t["threshold"]),
                               tuple(int(x) for x in t["left"]), tuple(int(x) for x in t["right"]),
                               tuple(float(x) for x in t["value"])) for t in d["trees"])
            return cls(feats, (), (), (), float(d["intercept"]), threshold, "trees",
                       float(d["rate"]), trees, stack)
        return cls(feats, tuple(float(x) for x in d["mean"]), tuple(float(x) for x in d["scale"]),
                   tuple(float(x) for x in d["coef"]), float(d["intercept"]), threshold,
                   stack=stack)


@lru_cache(maxsize=1)
def packaged_model() -> Model:
    """The weights shipped in the package."""
    raw = resources.files("veille.analyze").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return Model.from_dict(json.loads(raw))


def detect(text: str, language: str | None = None, model: Model | None = None,
           site: SiteCounts | None = None) -> list[Segment]:
    """Every segment of ``text`` with its furniture score and verdict;
    ``site``: the line counts of the other articles of its source, when known."""
    # the caller's cut (SiteCounts.spans) is this text's when made for its language
    spans = (list(site.spans) if site is not None and site.spans is not None
             and site.keys_language == language and (not site.spans or site.spans[-1][1] <= len(text))
             else segments(text, language))
    if not spans:
        return []
    m = model or packaged_model()
    words = words_for(language)
    keys = None  # computed once, for both the features and the recurrence rule
    if site is not None:
        keys = (list(site.keys) if site.keys is not None and site.keys_language == language
                and len(site.keys) == len(spans) else line_keys(text, spans))
    rows = features(text, spans, words, stop_words(language), site, keys)
    sited = site_recurring(text, spans, site, keys)
    long_idx = FEATURES.index("shared_long")
    out: list[Segment] = []
    wires: list[int] = []
    for (a, b), row, recurs, p in zip(spans, rows, sited, m.scores(rows), strict=True):
        widget = row[long_idx] >= math.log1p(LONG_RUN_LINES)  # = widget_items, from the row
        wire = wire_caption(text[a:b], words)
        if wire:
            wires.append(len(out))
        tail = len(spans) - len(out) <= TAIL_LINES
        cue = p < m.threshold and (cue_rule(text[a:b], row, not out, language, tail) or wire
                                   or _HANDLE_LINE.match(text, a, b) is not None
                                   or closing_credit(text[a:b])
                                   or contact_line(text[a:b], row, not out)
                                   or list_header(text[a:b], words, not out))
        out.append(Segment(a, b, p, p >= m.threshold or recurs or widget or cue))
    for i in wires:
        _caption_block(text, out, i)
    _question_subheads(text, out, words)
    _preamble(text, out)
    _author_note(text, out, words)
    return out


#: A line that is a social-media handle and nothing else ("@Fred_945.", "—
#: @casawhitby"): the signature of a reader's post quoted on a letters page
#: or what an embed left of its author, never a statement (session 17: 36
#: such lines in the corpora, all USA Today letters-page signatures; the
#: trees gave them 0.47-0.58).
_HANDLE_LINE = re.compile(r"[—–-]?\s*@\w{2,}[.:]?\s*$")

#: A line whose last sentence is followed by a bare name of one to three
#: capitalised words (a date in brackets may come between): a provider's
#: credit closing a video blurb or a caption ("… there was no hologram."
#: (Feb. 4) AP", "… killing almost 80 people in Nice, France. Reuters",
#: "… into semiconductors. Newslook"), or a button after a widget's sentence
#: ("Get the Mach newsletter. SUBSCRIBE", "… from ABC News. Add Interest").
#: Prose ends on its punctuation; a name after it is something the page put
#: there. The mark must close a word of three letters or more, so that an
#: abbreviation ("ul. Krysiewicz", "B.Z. Berlin") or an ordinal ("am 16.
#: Juni", "aged 79. NVG") is no sentence's end.
_CLOSING_CREDIT = re.compile(r"(?<=[^\W\d_]{3})[.!?…][\"'”’»]?(?:\s+\([^()\n]{1,25}\))?"
                             r"\s+([A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,2})\s*$")
#: The closing name is at most this long, and the sentence before it at least
#: :data:`CLOSING_CREDIT_LEAD` characters.
CLOSING_CREDIT_CHARS = 25
CLOSING_CREDIT_LEAD = 20


#: An e-mail address ("gpuit@reviewjournal.com", "tips@the-sun.co.uk").
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]{2,}")
#: A line of more words than this holding an address is a paragraph (or a
#: blob) that quotes one, not a contact line.
CONTACT_LINE_WORDS = 25


def contact_line(line: str, row: Sequence[float], first: bool) -> bool:
    """A line below the top of at most :data:`CONTACT_LINE_WORDS` words that
    holds an e-mail address: the page's contact line ("Contact Glenn Puit at
    gpuit@reviewjournal.com or 702-383-0390.", "Reach the reporter at …",
    "Send your story ideas to …", a press office's "Pressekontakt: …"), in
    any language. The trees see no address (a URL is a feature, an address
    is not) and score these 0.05-0.58. Session 19: all 13 labelled lines
    holding an address are furniture; over every text of the corpora (3,800)
    the rule adds 12 lines to what the rest flags, 11 contact lines or
    sign-offs on reading, 1 doubtful (a Polish workshop's "Zapisy pod
    adresem: …" registration line)."""
    return not first and row[_WORDS_LOG] <= math.log1p(CONTACT_LINE_WORDS) and _EMAIL.search(line) is not None


def closing_credit(line: str) -> bool:
    """Whether the line ends on a provider's credit or a button after its last
    sentence (:data:`_CLOSING_CREDIT`). Language-free typography. Session 19,
    over every text of the corpora (3,800): 15 lines, all furniture on
    reading (USA Today's "CLOSE …" video blurbs, China Daily's and The
    Independent's captions with their agency or photographer, NBC's
    newsletter box, ABC's "Add Interest" button, a Polish "SPRAWDŹ
    SZCZEGÓŁY" link); 3 of the labelled lines, all furniture. A verdict,
    anywhere in the page: the blurb is the page's first line."""
    stripped = line.strip()
    m = _CLOSING_CREDIT.search(stripped)
    return m is not None and len(m.group(1)) <= CLOSING_CREDIT_CHARS and m.start() >= CLOSING_CREDIT_LEAD

#: A list header's colon comes within this many characters of the line's
#: start ("Lire aussi notre ancien éditorial (19.01.20): Macron …").
LIST_HEADER_COLON = 60


@lru_cache(maxsize=64)
def _list_header_re(headers: frozenset[str]) -> re.Pattern[str] | None:
    if not headers:
        return None
    alts = "|".join(re.escape(h) for h in sorted(headers, key=len, reverse=True))
    return re.compile(rf"\s*(?:{alts})(?![^\W_])(\s*:)?", re.IGNORECASE)


def list_header(line: str, words: FurnitureWords, first: bool) -> bool:
    """A line below the top that opens with a header of a list of links of
    its pack (:attr:`~FurnitureWords.list_headers`) and a colon: right after
    a one-word header ("PLUS: The Great British Bake Off: …", "MORE: …"),
    within :data:`LIST_HEADER_COLON` characters after a longer one ("LATEST
    STORIES: Get breaking news …", "MÁS NOTICIAS: Sea dueño …", "Lire aussi
    notre ancien éditorial (19.01.20): …"). The scraper glues the listed
    headlines into one long line, which :func:`cue_rule` leaves to the trees
    and the trees score as prose (0.0-0.5). A line of up to
    :data:`CUE_RULE_WORDS` words, or a longer one where a header with its
    colon comes again (the list goes on: "PLUS: … PLUS: …", "RELATED: …
    RELATED: …"); a longer line with one header is a headline glued to a
    paragraph of the article ("Te puede interesar: <headline> Desde el
    pasado 15 de diciembre …"), prose by its majority. A one-word header
    needs its colon at once ("More than 2 million workers …: …" is prose);
    picture words ("Photo: …", "Foto: Reuters Diosdado Cabello …",
    glued to the lead) are no headers."""
    if first:
        return False
    rx = _list_header_re(words.list_headers)
    m = rx.match(line) if rx is not None else None
    if rx is None or m is None:
        return False
    if not m.group(1):
        head = m.group(0).strip()
        if " " not in head or ":" not in line[m.end():LIST_HEADER_COLON]:
            return False
    if len(line.split()) <= CUE_RULE_WORDS:
        return True
    for w in _HEADER_START.finditer(line, m.end()):
        again = rx.match(line, w.start())
        if again is not None and again.group(1):
            return True
    return False


#: Where a header may open again inside a line: a word's first letter.
_HEADER_START = re.compile(r"(?<![^\W_])[^\W\d_]")


#: A question subhead has at most this many words ("What could go wrong?").
QUESTION_SUBHEAD_WORDS = 12
#: ... and a page holds at least this many, each between two paragraphs.
QUESTION_SUBHEADS_MIN = 3
_QUOTE_OPEN = tuple("\"“”„«‚‘'")
#: An interview's question label ("Q: Do you think …?", USA Today's glued
#: "QWhat would have happened?").
_QA_LABEL = re.compile(r"(?:[A-Z]{1,2}\s*[:.](?:\s|$)|Q(?=[A-Z][a-z]))")


def _question_subheads(text: str, segs: list[Segment], words: FurnitureWords) -> None:
    """Flag the question subheads of an explainer: short questions standing
    alone between paragraphs ("When are they launching it and how can I
    watch?", "What could go wrong?"), when the page holds at least
    :data:`QUESTION_SUBHEADS_MIN` of them. One or two questions alone are as
    often rhetorical ones of the running text ("But would you want a
    pair?", a column's "Come again?") or a teaser; a quoted question is a
    quote. An interview's questions are its dialogue (prose by the labels
    guide): they come in runs (a question line next to another), with a
    label ("SHAPIRO: What can you tell us …?", "Q: Do you think …?") or
    addressing the interviewee (the pack's
    :attr:`~FurnitureWords.addressee`: "Auf welchen Zeitraum stellen Sie
    sich ein?"); one such question makes the page an interview and no line
    of it is flagged. The neighbours must be paragraphs
    (:data:`PARAGRAPH_WORDS` words or more, not questions). Session 19
    tried a single question alone: 2 furniture and 5 prose of the labelled
    lines; the series (session 20) keeps the subheads of explainers (NYT's
    Falcon Heavy page: 5, ICIJ's Panama Papers questions: 4, a blue moon
    explainer: 4)."""
    if len(segs) < 3:
        return
    lines = [text[s.start:s.end].strip() for s in segs]
    asks = [ln.endswith("?") for ln in lines]

    def paragraph(j: int) -> bool:
        return len(lines[j].split()) >= PARAGRAPH_WORDS and not asks[j]

    picked = [i for i in range(1, len(segs) - 1)
              if asks[i] and not segs[i].furniture and len(lines[i].split()) <= QUESTION_SUBHEAD_WORDS
              and not lines[i].startswith(_QUOTE_OPEN) and _SPEAKER.match(lines[i]) is None
              and paragraph(i - 1) and paragraph(i + 1)]
    if len(picked) < QUESTION_SUBHEADS_MIN:
        return
    for i in picked:
        if _QA_LABEL.match(lines[i]) or any(w in words.addressee for w in _WORD.findall(lines[i])):
            return
    for i in picked:
        s = segs[i]
        segs[i] = Segment(s.start, s.end, s.score, True)


#: The body's dateline is looked for among the page's first lines ...
PREAMBLE_LINES = 6
#: ... and the lines above it score at least this: a suspect for the summary
#: (``stories.summary.SUSPECT_FURNITURE``, 0.3), under the verdict's threshold
#: (0.6), so that they stay in the facts, quotes and timeline.
PREAMBLE_SCORE = 0.5
#: A dispatch's dateline opening a line: "(CNN) The ...", "(Reuters) - ...",
#: "WASHINGTON —", "LAKE FOREST, Ill. —", "SAN JOSE, Dec 31 (Reuters) - ",
#: "MOSCOW -- ", "VIENNE (Reuters) –", "Berlin (dpa) - ". Typography only: a
#: place in capitals (with a region or date after a comma, an agency in
#: brackets) closed by a dash, or an agency in brackets opening the line.
_DATELINE = re.compile(
    r"(?:\(\s*[A-Z][\w.&'’ -]{0,24}\)\s*(?:[-–—:]\s*)?(?=\S)"
    r"|[A-ZÀ-Ý][A-ZÀ-Ý.'’ -]{1,40}(?:,\s*[^\n,—–()]{1,30}?)?\s*(?:\([^()\n]{1,30}\)\s*)?"
    r"(?:—|–|--|-\s)"
    r"|[A-ZÀ-Ý][\w.'’ -]{1,30}?\s*\([^()\n]{1,20}\)\s*[-–—])")


#: A name of two to four capitalised words opening a line.
_NAME_OPENING = re.compile(r"(?:[A-Z][\w'’.-]*\s){1,3}[A-Z][\w'’.-]*\s+")
_POSSESSIVE = re.compile(r"[A-Z][\w.&-]*['’]s\s")
#: A page this short has no top or tail apart from its body.
AUTHOR_NOTE_MIN_LINES = 3


def _author_note(text: str, segs: list[Segment], words: FurnitureWords) -> None:
    """Raise to :data:`PREAMBLE_SCORE` the first or last line of a page
    when it opens as an author's note: a name, then a link of the pack's
    :attr:`~FurnitureWords.bio_links` ("Rick Scott is the Republican
    governor of Florida.", under his op-ed; "Kelly Wallace is CNN's digital
    correspondent …", over her column). The trees score these as prose
    (0.02-0.15): a sentence about a person, with nothing of a widget. Session
    17, over every text of the corpora (3,800): it raises 12 first or last
    lines, 11 of them authors' notes (the other a headline glued to its
    lead, "Crown Princess Mary is the epitome of elegance …"), so a suspect
    for the summary, not a verdict."""
    if not words.bio_links or len(segs) < AUTHOR_NOTE_MIN_LINES:
        return
    for i in (0, len(segs) - 1):
        s = segs[i]
        if s.furniture or s.score >= PREAMBLE_SCORE:
            continue
        m = _NAME_OPENING.match(text, s.start, s.end)
        if m is None:
            continue
        rest = text[m.end():s.end]
        low = rest.lower()
        for link in words.bio_links:
            if not low.startswith(link + " "):
                continue
            after = rest[len(link) + 1:]
            if " " in link or link != "is" or _POSSESSIVE.match(after):
                segs[i] = Segment(s.start, s.end, PREAMBLE_SCORE, False)
                break


def _preamble(text: str, segs: list[Segment]) -> None:
    """Raise to :data:`PREAMBLE_SCORE` the lines above the body's dateline:
    a dispatch starts at its dateline ("(CNN) The judgment …", "MELBOURNE,
    Fla. — Can you feel it?"), so what a page puts above it is the headline,
    a deck, a byline, a caption, a columnist's bio or a video's blurb ("Kelly
    Wallace is CNN's digital correspondent … Read her other columns …",
    "CLOSE A group of tech experts … Time", "This photo released by …"), not
    the story's statements. The trees score such a line low (0.03-0.4 in
    session 16's summaries: at the top of a page their evidence is thinnest),
    and a summary weighs the top of an article most. The score stays under
    the verdict's threshold: a deck or highlights line is prose by the labels
    guide and keeps its facts; only the summary, which prefers clean
    sentences, leaves it out. The dateline line must be prose itself (a wire
    caption opens "FILE - …")."""
    first = next((i for i, s in enumerate(segs[:PREAMBLE_LINES])
                  if not s.furniture and _DATELINE.match(text, s.start)), None)
    if not first:
        return
    for i in range(first):
        s = segs[i]
        if not s.furniture and s.score < PREAMBLE_SCORE:
            segs[i] = Segment(s.start, s.end, PREAMBLE_SCORE, False)


def _caption_block(text: str, segs: list[Segment], i: int) -> None:
    """A wire caption opening a blob line goes on to the line's end when a
    credit closes the line ("FILE - In this Dec. 20, 2015, file photo, … Palmer
    is retiring after 15 NFL seasons. … (Matt Rourke, File/Associated
    Press)"): AP's caption block adds the story's context in sentences of
    its own, which the trees score as prose. The closing credit must be
    flagged already and end in a bracket; without it (Reuters' "FILE PHOTO:
    … REUTERS/Name The European Commission …", a caption glued to the
    article) only the caption's own sentence is."""
    line_end = text.find("\n", segs[i].end)
    line_end = len(text) if line_end < 0 else line_end
    j = i
    while j + 1 < len(segs) and segs[j + 1].start < line_end:
        j += 1
    if j > i and segs[j].furniture and text[segs[j].start:segs[j].end].rstrip().endswith(")"):
        for k in range(i + 1, j):
            segs[k] = Segment(segs[k].start, segs[k].end, segs[k].score, True)


_END_PUNCT = FEATURES.index("end_punct")
_WORDS_LOG = FEATURES.index("words_log")
#: A line of more words than this is a paragraph cut from its full stop, not a widget's line.
CUE_RULE_WORDS = 30


#: The last lines of a page, where its notes sit ("This story has been
#: updated to include …", "… es un contenido original de ABC.es").
TAIL_LINES = 2


def cue_rule(line: str, row: Sequence[float], first: bool, language: str | None,
             tail: bool = False) -> bool:
    """A line below the top that holds a cue phrase of its language's pack
    ("sign up", "Originalmeldung", "Datenschutzerklärung", "inscrivez-vous")
    and is no paragraph (no end punctuation, or fewer than
    :data:`PARAGRAPH_WORDS` words) nor a long line cut before its full stop.
    The trees weigh a cue against the line's other features and miss the
    rare kinds; the universal marks (©, •) are left out: a sentence closed
    by a wire's "bk ©" is prose. The top line is the headline ("… is Must
    Watch"). Checked on 19,756 lines of 1,500 unlabelled PolNeAR and SemEval
    en/de/es/fr/it texts (session 12): it adds 8 lines to what the trees
    flag, all furniture on reading (a version that also took closing
    credits and the universal marks added 32, 15 of them furniture).
    In the page's last :data:`TAIL_LINES` lines (``tail``) a full sentence
    of a paragraph's length counts too (session 20): an editor's note ("This
    post has been updated with comment from Clinton as well as …", 25 words)
    or a syndication notice closes the page, which the trees scored
    0.27-0.42 there."""
    if first or row[_WORDS_LOG] > math.log1p(CUE_RULE_WORDS):
        return False
    if not tail and row[_END_PUNCT] > 0 and row[_WORDS_LOG] >= math.log1p(PARAGRAPH_WORDS):
        return False
    return _count(_phrase_re(_pack_phrases(language), False), line) > 0


#: A wire caption names its picture within this many words of its opening
#: ("FILE - In this Friday, Dec. 29, 2017, file photo, ...": eight).
CAPTION_LEAD_WORDS = 10


def wire_caption(line: str, words: FurnitureWords) -> bool:
    """A line that opens as the wires open a caption of a file picture ("FILE
    - In this Dec. 20, 2015, file photo, Arizona Cardinals coach …", "FILE
    PHOTO: Austria's Finance Minister …", "In this photo taken on …"): an
    opener of the pack (:attr:`FurnitureWords.caption_openers`) and a picture
    noun within :data:`CAPTION_LEAD_WORDS` words. Anywhere in the page, the
    top included, and whatever its length: the AP caption is a full sentence
    of a paragraph's length at the top of its page, where the trees take it
    for the lead (0.44-0.49 in session 15's store, in a timeline as a
    2015 event) and :func:`cue_rule` does not look. Session 16: of the
    3,800 texts of the corpora, 13 lines open so, all captions on reading."""
    if not words.caption_openers or not words.picture_words:
        return False
    head = " ".join(_WORD.findall(line[:200].lower())[:CAPTION_LEAD_WORDS])
    if not any(head == o or head.startswith(o + " ") for o in words.caption_openers):
        return False
    return _count(_phrase_re(words.picture_words, False), head) > 0


@lru_cache(maxsize=16)
def _pack_phrases(language: str | None) -> frozenset[str]:
    return words_for(language).phrases - UNIVERSAL.phrases


#: A line found in this many other articles of the source is the site's own text...
SITE_MIN_REPEAT = 2
#: ... when it has this many words of two letters or more (a lone "Mr." or "6"
#: recurs by chance) ...
SITE_MIN_WORDS = 3
#: ... and the article is no copy of another (below this share of its lines recurring).
SITE_COPY_SHARE = 0.5


def site_recurring(text: str, spans: Sequence[tuple[int, int]], site: SiteCounts | None,
                   keys: Sequence[str] | None = None) -> list[bool]:
    """The segments that recur verbatim (words, numbers masked) in at least
    :data:`SITE_MIN_REPEAT` other articles of the same source: an outlet's
    disclaimer, newsletter box or show blurb, which a page alone cannot give
    away. The trees see the same counts as features, but the labelled lines
    hold few such lines without another cue, so the rule decides them
    (checked on the labelled lines: 21 of the 22 it fires on in the tune and
    held-out parts are furniture, the other a transcript's introducing line).
    An article whose lines mostly recur is a re-post of another: its prose
    recurs too, so the rule stays silent there."""
    if site is None or site.articles < SITE_MIN_REPEAT or not spans:
        return [False] * len(spans)
    if keys is None:
        keys = line_keys(text, spans)
    reps = [site.lines.get(k, 0) if k else 0 for k in keys]
    if sum(1 for r in reps if r > 0) >= SITE_COPY_SHARE * len(reps):
        return [False] * len(spans)
    # words of letters: numbers are masked in the key, so "5:45 p.m." (a live
    # blog's entry time) would recur everywhere
    return [r >= SITE_MIN_REPEAT and len(_LETTER_WORD.findall(text[a:b])) >= SITE_MIN_WORDS
            for r, (a, b) in zip(reps, spans, strict=True)]


def flag_sentences(sentences: Sequence[Sentence], segs: Sequence[Segment]) -> int:
    """Set ``furniture`` on each sentence that lies mostly in furniture
    segments, and ``furniture_score`` (the scores of the segments it lies in,
    weighted by the characters they share); returns how many were flagged."""
    bad = [(s.start, s.end) for s in segs if s.furniture]
    n = 0
    j = 0
    for sent, score in zip(sentences, _sentence_scores(sentences, segs), strict=True):
        sent.furniture_score = score
        length = sent.end - sent.start
        if length <= 0:
            continue
        while j < len(bad) and bad[j][1] <= sent.start:
            j += 1
        inside = 0
        k = j
        while k < len(bad) and bad[k][0] < sent.end:
            inside += max(0, min(sent.end, bad[k][1]) - max(sent.start, bad[k][0]))
            k += 1
        text_chars = len(sent.text.strip()) or length
        sent.furniture = inside >= SENTENCE_SHARE * min(length, text_chars)
        n += sent.furniture
    return n


def _sentence_scores(sentences: Sequence[Sentence], segs: Sequence[Segment]) -> list[float | None]:
    """Each sentence's furniture score: the mean of the segments' scores over
    its characters (segments are sorted and disjoint; None where none overlaps)."""
    out: list[float | None] = []
    j = 0
    for sent in sentences:
        while j < len(segs) and segs[j].end <= sent.start:
            j += 1
        total = weighted = 0.0
        k = j
        while k < len(segs) and segs[k].start < sent.end:
            share = min(sent.end, segs[k].end) - max(sent.start, segs[k].start)
            if share > 0:
                total += share
                weighted += share * segs[k].score
            k += 1
        out.append(round(weighted / total, 3) if total else None)
    return out


def clean_text(text: str, segs: Sequence[Segment]) -> tuple[str, list[tuple[int, int, int]]]:
    """The prose segments joined by line breaks, and the map back to the raw
    text: ``(clean_start, raw_start, length)`` per kept segment."""
    parts: list[str] = []
    mapping: list[tuple[int, int, int]] = []
    pos = 0
    for s in segs:
        if s.furniture:
            continue
        if parts:
            parts.append("\n")
            pos += 1
        mapping.append((pos, s.start, s.end - s.start))
        parts.append(text[s.start:s.end])
        pos += s.end - s.start
    return "".join(parts), mapping


def raw_offset(mapping: Sequence[tuple[int, int, int]], clean_pos: int) -> int | None:
    """The raw-text offset of a clean-text offset (None between segments)."""
    for c, r, n in mapping:
        if c <= clean_pos < c + n:
            return r + clean_pos - c
    return None
