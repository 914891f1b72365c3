"""Cue frames learned from an attribution gold: (cue lemma, dependency relation).

PolNeAR-style golds mark a cue ("complained", "has promised", "called for")
and a content for every attribution. A verb reports its complement as a
statement only through some relations: "assured WMAL *that …*" (ccomp), "has
promised *to cut …*" (xcomp), "called *for a ban*" (prep for + pobj), not
"assured *WMAL*" (dobj). A frame is such a (lemma, relation) pair; the
extractor's frame step (:func:`veille.analyze.quotes.indirect.learned_frame`)
takes the complement of a frame as the statement and the verb's subject as the
speaker. Frames are learned here from a gold's tuning part and kept as data
in the language pack (``QuoteWords.cue_frames``): a long tail of reporting
verbs is a lexicon to measure, not a list to write by hand.

A frame is kept when (a) the gold uses it as a cue at least ``min_cues``
times and (b) where the relation occurs in the texts, its complement is a gold
content at least ``min_precision`` of the time (so "say" + ccomp is kept,
"call" + dobj — "called him a liar" — is not).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Relations a frame may use: a clause, an infinitive, an object, a
#: preposition's object. Adverbial clauses and conjuncts are never statements
#: of the verb (they are the journalist's narration around it).
FRAME_RELATIONS = ("ccomp", "xcomp", "dobj", "obj")
FRAME_PREP = "prep"


def relation(verb: Token, head: Token) -> str | None:
    """The frame relation from ``verb`` to a content's head token, or None."""
    if head.head.i == verb.i and head.i != verb.i and head.dep_ in FRAME_RELATIONS:
        return head.dep_
    p = head.head
    if p.head.i == verb.i and p.dep_ == FRAME_PREP and head.dep_ in ("pobj", "pcomp"):
        return f"prep:{p.text.lower()}"
    return None


def complements(verb: Token) -> Iterable[tuple[str, Token]]:
    """Every (relation, complement head) a verb has after it, in frame terms."""
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ in FRAME_RELATIONS:
            yield c.dep_, c
        elif c.dep_ == FRAME_PREP:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    yield f"prep:{c.text.lower()}", p
                    break


def clause_complements(verb: Token) -> Iterable[tuple[str, Token]]:
    """A preposition's clause after the verb, in frame terms: "is calling *for
    the United States to step up* …" parses as an adverbial clause marked by
    "for" (``prep:for``), the same frame as "called for a ban". Kept apart from
    :func:`complements` (the frame model never saw these rows): only a
    relation the lexicon lists takes them."""
    for c in verb.children:
        if c.i < verb.i or c.dep_ not in ("advcl", "ccomp") or c.pos_ not in ("VERB", "AUX"):
            continue
        first = c.left_edge
        if first.dep_ == "mark" and first.head.i == c.i and first.pos_ in ("ADP", "SCONJ") \
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
            yield f"prep:{first.lower_}", c


def _head_token(doc: Doc, a: int, b: int) -> Token | None:
    toks = [t for t in doc if a <= t.idx < b and not t.is_space]
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if heads else None


def _covers(a: int, b: int, spans: Sequence[tuple[int, int]]) -> bool:
    size = sum(y - x for x, y in spans)
    over = sum(max(0, min(b, y) - max(a, x)) for x, y in spans)
    return over >= 0.5 * size and over >= 0.5 * max(1, b - a)


def learn_frames(pairs: Iterable[tuple[Doc, Sequence[tuple[Sequence[tuple[int, int]],
                                                           tuple[int, int] | None]]]],
                 min_cues: int = 2, min_precision: float = 0.5,
                 ) -> dict[str, list[tuple[str, int, int, int]]]:
    """Frames of a gold: ``pairs`` = (parsed text, [(content spans, cue span)]).

    Returns lemma -> [(relation, cue count, occurrences, gold hits)] for the
    kept frames (verbs only).
    """
    cues: Counter[tuple[str, str]] = Counter()
    occ: Counter[tuple[str, str]] = Counter()
    hits: Counter[tuple[str, str]] = Counter()
    for doc, atts in pairs:
        for spans, cue in atts:
            if cue is None:
                continue
            head = _head_token(doc, spans[0][0], spans[-1][1])
            if head is None:
                continue
            for v in doc:
                if cue[0] <= v.idx < cue[1] and v.pos_ == "VERB":
                    rel = relation(v, head)
                    if rel:
                        cues[(v.lemma_.lower(), rel)] += 1
                        break
        contents = [spans for spans, _ in atts]
        for v in doc:
            if v.pos_ != "VERB":
                continue
            for rel, h in complements(v):
                key = (v.lemma_.lower(), rel)
                sub = sorted(h.subtree, key=lambda t: t.i)
                a, b = sub[0].idx, sub[-1].idx + len(sub[-1].text)
                occ[key] += 1
                hits[key] += any(_covers(a, b, s) for s in contents)
    out: dict[str, list[tuple[str, int, int, int]]] = {}
    for (lemma, rel), n in sorted(cues.items()):
        if n >= min_cues and occ[(lemma, rel)] and \
                hits[(lemma, rel)] / occ[(lemma, rel)] >= min_precision:
            out.setdefault(lemma, []).append((rel, n, occ[(lemma, rel)], hits[(lemma, rel)]))
    return out


# --- Frames beyond the lexicon: a verb-vector model -------------------------
#
# A gold teaches frames for the verbs it has seen often enough; news uses many
# more reporting verbs ("lambasted the plan", "fired back at", "weighed in
# on"). The frame model scores any (verb, relation, complement) from the verb's
# word vector, the complement's head word's vector and a few facts of the
# parse (its subject, voice, the complement's size, the preposition), one logistic regression per relation
# group, trained on the same gold (``scripts/learn_quote_frames.py``). A
# language whose pack has no model, or a pipeline without word vectors, gets
# the lexicon only.

#: Relation groups of the frame model; a preposition is a feature of "prep".
MODEL_GROUPS = ("ccomp", "xcomp", "dobj", "prep")
MODEL_PREPS = ("for", "about", "against", "on", "of", "to", "at", "with", "as", "from",
               "over", "behind", "by", "in")


def model_group(rel: str) -> str | None:
    g = "prep" if rel.startswith("prep:") else "dobj" if rel == "obj" else rel
    return g if g in MODEL_GROUPS else None


def frame_features(verb: Token, rel: str, head: Token) -> list[float] | None:
    """The frame model's inputs for one complement, or None without a word vector."""
    import math

    import numpy as np

    vec = np.asarray(verb.vector, dtype="float32")
    norm = float(np.linalg.norm(vec)) if vec.size else 0.0
    if not norm:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    n_sub = sum(1 for _ in head.subtree)
    extra = [
        1.0 if subj is not None else 0.0,
        1.0 if subj is not None and subj.ent_type_ in ("PERSON", "PER") else 0.0,
        1.0 if subj is not None and subj.ent_type_ in ("ORG", "NORP", "GPE") else 0.0,
        1.0 if subj is not None and subj.pos_ == "PRON" else 0.0,
        1.0 if verb.tag_ == "VBG" else 0.0,
        1.0 if verb.tag_ == "VBN" else 0.0,
        1.0 if any(c.dep_ in ("auxpass", "nsubjpass", "aux:pass") for c in verb.children) else 0.0,
        math.log1p(n_sub),
        1.0 if head.pos_ in ("NOUN", "PROPN") else 0.0,
        1.0 if head.pos_ in ("VERB", "AUX") else 0.0,
    ]
    if rel.startswith("prep:"):
        extra += [1.0 if rel[5:] == p else 0.0 for p in MODEL_PREPS]
    # the complement's head word: "slammed the policy" reports, "slammed the door" does not
    hvec = np.asarray(head.vector, dtype="float32")
    hnorm = float(np.linalg.norm(hvec)) if hvec.size == vec.size else 0.0
    hpart = [float(x) / hnorm for x in hvec] if hnorm else [0.0] * len(vec)
    return [float(x) / norm for x in vec] + hpart + extra


class FrameModel:
    """Per relation group: (bias, weights) of a logistic regression, and the
    probability a complement needs to be taken as a statement."""

    def __init__(self, weights: dict[str, tuple[float, Sequence[float]]],
                 thresholds: dict[str, float]) -> None:
        import numpy as np

        self._w = {g: (b, np.asarray(w, dtype="float32")) for g, (b, w) in weights.items()}
        self.thresholds = thresholds

    def probability(self, verb: Token, rel: str, head: Token) -> float:
        import math

        import numpy as np

        g = model_group(rel)
        if g is None or g not in self._w:
            return 0.0
        x = frame_features(verb, rel, head)
        bias, w = self._w[g]
        if x is None or len(x) != len(w):
            return 0.0
        z = bias + float(np.dot(w, np.asarray(x, dtype="float32")))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, verb: Token, rel: str, head: Token) -> bool:
        g = model_group(rel)
        return g is not None and self.probability(verb, rel, head) >= self.thresholds.get(g, 1.0)


_MODELS: dict[str, FrameModel | None] = {}


def frame_model(language: str) -> FrameModel | None:
    """The frame model of a language pack (``veille.lang.<code>.frame_model``), if any."""
    if language not in _MODELS:
        import importlib

        try:
            mod = importlib.import_module(f"veille.lang.{language}.frame_model")
        except ImportError:
            _MODELS[language] = None
        else:
            _MODELS[language] = FrameModel(mod.WEIGHTS, mod.THRESHOLDS)
    return _MODELS[language]


def model_candidates(doc: Doc, contents: Sequence[Sequence[tuple[int, int]]],
                     ) -> Iterable[tuple[str, list[float], bool]]:
    """(group, features, is a gold content) for every complement of every verb:
    the frame model's training rows."""
    for v in doc:
        if v.pos_ != "VERB":
            continue
        for rel, head in complements(v):
            g = model_group(rel)
            if g is None:
                continue
            x = frame_features(v, rel, head)
            if x is None:
                continue
            sub = sorted(head.subtree, key=lambda t: t.i)
            a, b = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            yield g, x, any(_covers(a, b, s) for s in contents)


def train_frame_model(rows: Iterable[tuple[str, list[float], bool]], c: float = 1.0,
                      ) -> dict[str, tuple[float, list[float]]]:
    """One logistic regression per relation group (scikit-learn, at training time only)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    by: dict[str, tuple[list[list[float]], list[bool]]] = {}
    for g, x, y in rows:
        xs, ys = by.setdefault(g, ([], []))
        xs.append(x)
        ys.append(y)
    out: dict[str, tuple[float, list[float]]] = {}
    for g, (xs, ys) in sorted(by.items()):
        if len(set(ys)) < 2:
            continue
        m = LogisticRegression(C=c, max_iter=3000).fit(np.asarray(xs), np.asarray(ys))
        out[g] = (float(m.intercept_[0]), [round(float(w), 5) for w in m.coef_[0]])
    return out
