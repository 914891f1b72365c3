"""One statement, several renderings: quotes compared across the story's articles.

Two outlets translating or trimming one statement give two wordings
(« Tout se déroule comme prévu » / « tout est comme prévu, tout est stable »).
Two matchers group them:

- :func:`match_quotes_across` — same linked speaker entity and shared
  content-word stems (stop words of the quote's language left out), two at
  least, and most of them or the same words in the same order
  (:func:`said_alike`);
- :func:`match_by_words` — the fallback when that finds nothing (speakers not
  linked): same speaker key, or one side unattributed, and shared words.

:func:`differing_renderings` then says which renderings of a group word the
statement differently (a disagreement to show side by side).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from typing import Any

import snowballstemmer

from veille.core.model import Analysis, Quote
from veille.core.text import fold, fold_words
from veille.lang import language_data
from veille.lang.stemmers import STEMMERS
from veille.lang.stop_words import spacy_stop_words
from veille.stories.units import Unit

_WORD = re.compile(r"\w{3,}", re.UNICODE)
MIN_WORDS = 3
MIN_OVERLAP = 0.5
# two quotes of one speaker sharing a name ("Pixel Visual Core") are not one statement:
# a rendering must also share a good part of the union of words
MIN_JACCARD = 0.3

_QUOTE_FIELDS = frozenset(f.name for f in fields(Quote))


def quote_from_stored(stored: Quote | Mapping[str, Any]) -> Quote:
    """A stored quote (the analysis JSON's dict) as a typed :class:`Quote`.

    The one place quotes are rebuilt from dicts; drop it once the store
    returns typed analyses (a :class:`Quote` already passes through as is).
    Keys that are no Quote field are ignored.
    """
    if isinstance(stored, Quote):
        return stored
    return Quote(**{k: v for k, v in stored.items() if k in _QUOTE_FIELDS})


@dataclass(frozen=True)
class StoryQuote:
    """One quote of the story and the unit (sentence of an article) it sits in."""

    quote: Quote
    unit: Unit


# --- matching by speaker entity and content-word stems ----------------------


@cache
def _stemmer(language: str | None) -> Any:
    name = STEMMERS.get(language or "")
    return snowballstemmer.stemmer(name) if name else None


@cache
def _stop_words(language: str | None) -> frozenset[str]:
    """The stop words of a language with quote words: spaCy's list, read from
    its file (``lang.stop_words``), not by importing spaCy's language module,
    which cost seconds on the first view built by a process."""
    data = language_data(language)
    if data.quotes is None:
        return frozenset()
    return frozenset(fold(w) for w in spacy_stop_words(data.code))


def content_stems(text: str, language: str | None, names: bool = True) -> set[str]:
    """The stems of ``text``'s content words: folded, stop words of the
    language's quote words left out, Snowball-stemmed when the language has a
    stemmer. A language without quote words keeps every word (no stop list).

    ``names=False`` also leaves out capitalised words inside the text (names:
    what a statement is about, not what it says)."""
    raw = re.findall(r"\w+", text)
    if not names:
        raw = [w for k, w in enumerate(raw) if k == 0 or not w[:1].isupper()]
    return {st for st in (_content_stem(w, language) for w in raw) if st is not None}


@lru_cache(maxsize=100_000)  # words are Zipfian: quotes and contexts repeat them
def _content_stem(word: str, language: str | None) -> str | None:
    """A word's stem as :func:`content_stems` keeps it, or None for a stop word
    or a lone letter (folding and Snowball per word were most of its cost)."""
    t = fold(word)
    if t in _stop_words(language) or not (len(t) > 1 or t.isdigit()):
        return None
    stem = _stemmer(language)
    return str(stem.stemWord(t)) if stem is not None else t


POSTING_CAP = 200  # a word shared by more quotes than this does not propose pairs


def candidate_pairs(tokens: Sequence[Iterable[Hashable]],
                    same: Sequence[Hashable] | None = None) -> Iterator[tuple[int, int]]:
    """Pairs of items sharing a token (blocking, instead of every pair).

    Items with the same ``same`` key (an identical wording) are chained to
    each other directly; a token carried by more than POSTING_CAP items
    proposes no pair (two renderings of one statement share rarer words too).
    """
    seen: set[tuple[int, int]] = set()
    if same is not None:
        first: dict[Hashable, int] = {}
        for k, key in enumerate(same):
            if key in first:
                yield first[key], k
            else:
                first[key] = k
    postings: dict[Hashable, list[int]] = {}
    for k, toks in enumerate(tokens):
        for t in set(toks):
            postings.setdefault(t, []).append(k)
    for items in postings.values():
        if len(items) < 2 or len(items) > POSTING_CAP:
            continue
        for a in range(len(items)):
            for b in range(a + 1, len(items)):
                p = (items[a], items[b])
                if p not in seen:
                    seen.add(p)
                    yield p


def connected(n: int, joined: Callable[[int, int], bool],
              pairs: Iterable[tuple[int, int]] | None = None) -> list[list[int]]:
    """The connected components of the pairs of ``range(n)`` that ``joined``
    accepts (union-find), each in index order, in the order of its first member.
    With ``pairs``, only those are tested (see :func:`candidate_pairs`)."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    if pairs is None:
        pairs = ((x, y) for x in range(n) for y in range(x + 1, n))
    for x, y in pairs:
        if find(x) != find(y) and joined(x, y):
            parent[find(x)] = find(y)
    groups: dict[int, list[int]] = {}
    for x in range(n):
        groups.setdefault(find(x), []).append(x)
    return list(groups.values())


def match_quotes_across(
    analyses: Sequence[Analysis], threshold: float = 0.5, min_words: int = 2
) -> list[list[tuple[str, int]]]:
    """Groups of (article uid, quote index) that render one statement.

    Two quotes join when they come from different articles, have the same
    speaker entity and share at least ``threshold`` of the content-word stems
    of the shorter one (overlap coefficient; stop words removed so that
    "tout … comme …" does not count). Quotes with fewer than ``min_words``
    content words are left out: a one-word scare quote matches too much.
    Groups are the connected components of that relation, of size >= 2.
    """
    items: list[tuple[str, int, str, set[str]]] = []
    texts: list[str] = []
    for an in analyses:
        for i, q in enumerate(an.quotes):
            if not q.speaker_entity_id:
                continue
            if q.kind in ("title", "term"):
                continue
            stems = content_stems(q.text, an.language)
            if len(stems) >= min_words:
                # compared without names: "We have a very good relationship with
                # China" and "I am very disappointed in China" share only their topic
                items.append((an.article_uid, i, q.speaker_entity_id,
                              content_stems(q.text, an.language, names=False)))
                texts.append(q.text)

    def joined(x: int, y: int) -> bool:
        ux, _, sx, ax = items[x]
        uy, _, sy, ay = items[y]
        if ux == uy or sx != sy:
            return False
        inter = len(ax & ay)
        share = inter / min(len(ax), len(ay)) if inter else 0.0
        # one shared content word is a topic, not a statement, unless both say
        # the same words in the same order ("Tout se déroule comme prévu" /
        # "tout est comme prévu, tout est stable": the seeds' two outlets); a
        # rendering in other words shares most of them (a reported statement)
        if not inter or share < threshold:
            return False
        return ((inter >= MIN_SHARED_STEMS and share >= REWORDED)
                or said_alike(texts[x], texts[y]))

    pairs = candidate_pairs([{(it[2], w) for w in it[3]} for it in items],
                            [(it[2], frozenset(it[3])) for it in items])
    groups = [[items[x][:2] for x in g] for g in connected(len(items), joined, pairs)]
    return [sorted(g) for g in groups if len({u for u, _ in g}) >= 2]


def match_by_entity(quotes: Sequence[StoryQuote]) -> list[list[int]]:
    """:func:`match_quotes_across` over the story's quotes, as groups of indices
    into ``quotes`` (every quote in a group; unmatched ones alone)."""
    by_uid: dict[str, Analysis] = {}
    where: dict[tuple[str, int], int] = {}
    for k, x in enumerate(quotes):
        uid = x.unit.uid
        an = by_uid.setdefault(uid, Analysis(article_uid=uid, language=x.unit.language))
        where[(uid, len(an.quotes))] = k
        an.quotes.append(x.quote)
    seen: set[int] = set()
    out: list[list[int]] = []
    for g in match_quotes_across(list(by_uid.values())):
        idx = [where[(u, i)] for u, i in g if (u, i) in where]
        seen.update(idx)
        out.append(idx)
    out.extend([k] for k in range(len(quotes)) if k not in seen)
    return out


# --- matching by words, when speakers are not linked -------------------------


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text or "")}


def _said_words(text: str) -> set[str]:
    """:func:`_words` without the capitalised words inside the text (names)."""
    return {w.lower() for k, w in enumerate(_WORD.findall(text or ""))
            if k == 0 or not w[:1].isupper()}


def speaker_key(q: Quote) -> str | None:
    """Who a quote is by, as precisely as it says: entity, canonical name, surface."""
    return q.speaker_entity_id or q.speaker_canonical or q.speaker


def match_by_words(quotes: Sequence[StoryQuote]) -> list[list[int]]:
    """Groups of indices into ``quotes`` that render one statement (union-find):
    other article, same speaker (or one side unattributed), the same words or
    at least two shared words making half of the shorter quote's words.
    Names inside a quote are what it is about, not what it says: they are left
    out of the words compared ('a new Donald Trump to appear next time' and
    Robby Mook's 'that Donald Trump may lie', session-21 audit, story 35)."""
    words = [_said_words(x.quote.text) for x in quotes]

    def joined(i: int, j: int) -> bool:
        qi, qj = quotes[i], quotes[j]
        if qi.unit.uid == qj.unit.uid:
            return False
        si, sj = speaker_key(qi.quote), speaker_key(qj.quote)
        if si and sj and si != sj:
            return False
        if same[i] == same[j] and same[i][1]:
            return True  # the same words by the same speaker, however short ("to respond")
        wi, wj = words[i], words[j]
        if len(wi) < MIN_WORDS or len(wj) < MIN_WORDS:
            return False
        shared = wi & wj
        share = len(shared) / min(len(wi), len(wj))
        return (len(shared) >= 2 and share >= MIN_OVERLAP
                and (share >= REWORDED or said_alike(qi.quote.text, qj.quote.text)))

    same = [(speaker_key(x.quote), fold_words(x.quote.text or "")) for x in quotes]
    return connected(len(quotes), joined, candidate_pairs(words, same))


def group_story_quotes(quotes: Sequence[StoryQuote]) -> list[list[int]]:
    """The story's quotes grouped by statement: by linked speaker entity, or,
    when that groups nothing (speakers not linked), by words."""
    groups = match_by_entity(quotes)
    if not any(len(g) > 1 for g in groups):
        groups = match_by_words(quotes)
    return groups


MIN_SHARED_STEMS = 2  # content words two renderings of one statement share at least
REWORDED = 0.6  # share of the shorter's content words that makes a rewording one statement
SAID_ALIKE = 0.5  # share of the shorter quote's words the other says in the same order
SAID_RUN = 2  # words in a row both say, at least once


def said_alike(a: str, b: str) -> bool:
    """Whether two quotes of one speaker say the same words: in the same order,
    for half of the shorter one, with at least two of them in a row.

    Sharing content words is not enough: one speaker's two statements in a
    story share its topic ("the very need for moderators" / "what the country
    needs first and foremost is a dose of law and order", Trump, both
    "need": one statement of "2 sources" on the session-21 audit's story 35).
    Two outlets quoting or reporting one statement keep its words and their
    order ("would face fire and fury if it threatened the United States"),
    even when one trims or rewords a little."""
    from difflib import SequenceMatcher

    # every word, attribution included: a quote's text may hold the quoted
    # words between marks ('launch over Japan "put millions of Japanese into
    # duck and cover"'), which quoted_words would drop
    ta, tb = _tokens(a or ""), _tokens(b or "")
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    blocks = [m for m in SequenceMatcher(None, ta, tb, autojunk=False).get_matching_blocks()
              if m.size]
    return (any(m.size >= SAID_RUN for m in blocks)
            and sum(m.size for m in blocks) >= SAID_ALIKE * min(len(ta), len(tb)))


def differing_renderings(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Renderings taking part in a pair from two sources that words the same statement
    differently: overlapping content words, neither a mere excerpt of the other."""
    keep: set[int] = set()
    rs = rs[:MAX_RENDERINGS]
    for i in range(len(rs)):
        for j in range(i + 1, len(rs)):
            a, b = rs[i], rs[j]
            if a["source"] == b["source"]:
                continue
            ta, tb = quoted_words(a["text"] or ""), quoted_words(b["text"] or "")
            na, nb = fold_words(ta), fold_words(tb)
            if na == nb or na in nb or nb in na:
                continue
            wa, wb = _words(ta), _words(tb)
            if len(wa) < MIN_WORDS or len(wb) < MIN_WORDS:
                continue
            shared = wa & wb
            if (len(shared) >= 2 and len(shared) / min(len(wa), len(wb)) >= MIN_OVERLAP
                    and len(shared) / len(wa | wb) >= MIN_JACCARD
                    and worded_differently(ta, tb)):
                keep.update((i, j))
    return [rs[k] for k in sorted(keep)]


_MARK = re.compile(r"[\"“”«»]")


def quoted_words(text: str) -> str:
    """A rendering without the attribution between its quoted pieces: a quote
    joined across its incise ('... like that," Maynard said. "So he ...') is
    compared on the speaker's words only, so two outlets naming the speaker
    differently ("Durov said on Twitter" / "Pavel Durov remarked on Twitter")
    is no wording difference. A rendering starts inside the quote: its first
    mark closes, the next opens."""
    parts = _MARK.split(text)
    return " ".join(parts[::2]) if len(parts) > 1 else text


MAX_RENDERINGS = 30  # renderings of one statement compared pairwise (the first ones)
SHARED_RUNS = 0.5  # share of the shorter rendering in runs of words common to both
SPELLING = 85  # rapidfuzz ratio above which two words are one word spelled two ways
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _tokens(text: str) -> list[str]:
    # "U.S." and "US" are one word: dots and apostrophes inside words dropped
    return [fold(t) for t in _TOKEN.findall(re.sub(r"(?<=\w)[.'’](?=\w)", "", text))]


def worded_differently(a: str, b: str) -> bool:
    """Whether two renderings of one statement differ *inside* the words they share.

    Outlets cut a statement at different places ("It was Uma's suggestion. To
    just wrap ..." / "to just wrap ... Not forever"): renderings where one only
    starts later or stops earlier are excerpts, not two wordings. A difference between two shared
    runs of words is a wording difference ("did not accord with the facts" / "do
    not accord with facts"), unless it is the same word spelled two ways
    ("travelling" / "traveling", "U.S." / "US") or one short word (an article,
    a preposition) more or less.
    """
    from difflib import SequenceMatcher

    from rapidfuzz.fuzz import ratio

    ta, tb = _tokens(a), _tokens(b)
    blocks = [m for m in SequenceMatcher(None, ta, tb, autojunk=False).get_matching_blocks()
              if m.size]
    # two different statements of one speaker share scattered words, not runs
    if not blocks or sum(m.size for m in blocks) < SHARED_RUNS * min(len(ta), len(tb)):
        return False
    gaps = [(ta[:blocks[0].a], tb[:blocks[0].b])]
    gaps += [(ta[p.a + p.size:n.a], tb[p.b + p.size:n.b])
             for p, n in zip(blocks, blocks[1:], strict=False)]
    last = blocks[-1]
    gaps.append((ta[last.a + last.size:], tb[last.b + last.size:]))
    for k, (gap_a, gap_b) in enumerate(gaps):
        ends = k in (0, len(gaps) - 1)
        if (ends and not (gap_a and gap_b)) or not (gap_a or gap_b):
            continue  # one rendering stops earlier or starts later: an excerpt
        if max(len(gap_a), len(gap_b)) <= 2 and gap_a and gap_b and \
                ratio("".join(gap_a), "".join(gap_b)) >= SPELLING:
            continue  # one word spelled two ways: "e-mail"/"email", "First Group"/"FirstGroup"
        if not (gap_a and gap_b) and len(gap_a + gap_b) == 1 and len((gap_a + gap_b)[0]) <= 3:
            continue  # an article or preposition more or less ("the wall of (the) consulate")
        if gap_a and gap_b and max(len(gap_a), len(gap_b)) <= ELIDED_WORDS and \
                elided("".join(gap_a), "".join(gap_b)):
            continue  # "I've" / "I have", "don't" / "do not", "@michaelsheen &" / "Michael Sheen and"
        return True
    return False


ELIDED_WORDS = 3  # words of a gap an elision can span ("michael sheen and")
ELIDED_LETTERS = 3  # letters an elision leaves out at most ("ha" of "have", "and" for "&")


def elided(a: str, b: str) -> bool:
    """Whether one of two gap texts (their words joined) is the other with a
    few letters left out, from the same first letter: a contraction ("ive" /
    "ihave", "dont" / "donot", "cant" / "cannot"), or a symbol the tokens drop
    for its word ("michaelsheen" for "@michaelsheen &" / "michaelsheenand").
    The renderings say the same words; no language's list of contractions is
    needed, the letters show it."""
    short, long_ = sorted((a, b), key=len)
    if not short or short[0] != long_[0] or not 0 < len(long_) - len(short) <= ELIDED_LETTERS:
        return False
    rest = iter(long_)
    return all(c in rest for c in short)  # ``short`` a subsequence of ``long_``
