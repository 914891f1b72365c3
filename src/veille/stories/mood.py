"""Sentence mood from the parse: which statements tell the reader to do
something instead of stating a fact.

An interviewer's prompt ("Take us through what happened that night."), a
listing's advice ("View the night sky afterward, weather permitting. 8 p.m."),
an aside to the reader ("But do take note of the dating on the components")
hold a date but report no event: they are imperatives, and they do not end on
a question mark. The stored analysis keeps no parse, so the dated candidates of
a timeline are parsed here, once each (cached by text), with a small spaCy
pipeline of the language (:data:`MOOD_PIPELINES`), its entity recogniser left
out. A language without one keeps every line.

The test reads the parse, not a word list: the sentence's root is a verb in the
imperative (the morphology's ``Mood=Imp``, as the French pipeline gives it) or
a bare infinitive (``VerbForm=Inf``: the English tagger's VB) with no subject,
no finite auxiliary or modal, no subordinator, and no subject anywhere before it
(a coordinated verb whose subject the parser attached elsewhere, "They remain
close ..., then slowly break apart", is no imperative).

Parsing every dated sentence would cost a large story's build seconds, so only a
sentence that can open on a verb is parsed: its first word, or the word after a
first one set off by a comma ("Afterward, enjoy ..."), is a form of a verb of
the pipeline's own lemmatiser index (WordNet's base forms in English, where an
imperative is the base form; inflected forms through the lemmatiser's lookup
table and verb suffix rules, "regardez" -> "regarder"). News sentences open on
their subject, a name, a number or an adverbial: about one in fifteen passes on
news-clusters ("Police", "Group" are verbs too). An imperative after another
word ("But do take note ...") is missed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from veille.core.settings import FALLBACK_MODELS

_SUBJECT = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "csubj:pass", "expl",
                      "expl:subj", "expl:pass", "agent"})
#: The pipelines the mood is parsed with: small ones. A view parses a few
#: dozen sentences of a story; the analysis' English md pipeline would hold
#: 280 MB more in the process building views (measured: 387 vs 152 MB RSS
#: after loading), French md 380 MB (and its morphologiser tags "Regardez" a
#: participle). English: en_core_web_sm, which every install has (the
#: analysis' fallback). A language without one keeps every line.
MOOD_PIPELINES: dict[str, str] = {"en": FALLBACK_MODELS["en_core_web_md"]}
#: parsed sentences kept (text -> verdict): an update re-reads a story's lines
_CACHE_MAX = 50_000
_cache: dict[tuple[str, str], bool] = {}


_WORD = re.compile(r"[^\W\d_]+")


@cache
def _pipeline(language: str) -> tuple[Any, frozenset[str], Any] | None:
    """(the parser, the lemmatiser's verb base forms, a word's possible verb lemmas)."""
    name = MOOD_PIPELINES.get(language)
    if name is None:
        return None
    import spacy  # imported here: a story with no dated line never parses

    try:
        nlp = spacy.load(name, exclude=["ner"], disable=["lemmatizer"])
    except OSError:
        return None
    verbs: frozenset[str] = frozenset()
    lookup: dict[str, str] = {}
    rules: list[tuple[str, str]] = []
    if "lemmatizer" in nlp.component_names:
        tables = getattr(nlp.get_pipe("lemmatizer"), "lookups")  # noqa: B009 - typed as a callable
        if "lemma_index" in tables.tables:
            verbs = frozenset(tables.get_table("lemma_index").get("verb", ()))
        if "lemma_lookup" in tables.tables:
            lookup = dict(tables.get_table("lemma_lookup").items())
        if "lemma_rules" in tables.tables:
            rules = [(a, b) for a, b in tables.get_table("lemma_rules").get("verb", ())]

    def lemmas(word: str) -> set[str]:
        """The word, its lookup lemma and what the lemmatiser's verb suffix
        rules make of it ("prenez" -> "prendre" is no lookup entry)."""
        out = {word, lookup.get(word, word)}
        out.update(word[: len(word) - len(a)] + b for a, b in rules if word.endswith(a))
        return out

    return nlp, verbs, lemmas


def may_open_on_verb(text: str, verbs: frozenset[str], lemmas: Any) -> bool:
    """The sentence's first word, or the word after a first one set off by a
    comma ("Afterward, enjoy ..."), is a form of a verb of the lemmatiser's
    index."""
    toks = text.split(maxsplit=2)
    for tok in toks[:2]:
        m = _WORD.search(tok)
        if m and not lemmas(m.group().lower()).isdisjoint(verbs):
            return True
        if not tok.endswith(","):
            return False
    return False


def is_imperative_doc(doc: Any) -> bool:
    """The first sentence of a parsed ``doc`` is an imperative (see the module)."""
    sent = next(iter(doc.sents), None)
    if sent is None:
        return False
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    mood = root.morph.get("Mood")
    form = root.morph.get("VerbForm")
    # the French pipeline tags "Prenez" a second person indicative: with no
    # subject (the indicative needs "vous"), an imperative all the same
    if "Imp" not in mood and form != ["Inf"] and "2" not in root.morph.get("Person"):
        return False
    for c in root.children:
        if c.dep_ in _SUBJECT or c.dep_ == "mark":
            return False
        if c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm"):
            return False  # "will take", "peut prendre": a modal or finite auxiliary
    return not any(t.dep_ in _SUBJECT for t in sent if t.i < root.i)


def imperatives(texts: Sequence[str], language: str | None) -> list[bool]:
    """For each text, whether it is an imperative (False when ``language`` has
    no pipeline). Parsed in one batch; verdicts cached by text."""
    out = [False] * len(texts)
    if not language or not texts:
        return out
    todo = [k for k, t in enumerate(texts) if (language, t) not in _cache]
    if todo:
        loaded = _pipeline(language)
        if loaded is None:
            return out
        nlp, verbs, lemmas = loaded
        if len(_cache) + len(todo) > _CACHE_MAX:
            _cache.clear()
        if verbs:  # a pipeline without the index parses every sentence
            for k in todo:
                if not may_open_on_verb(texts[k], verbs, lemmas):
                    _cache[(language, texts[k])] = False
            todo = [k for k in todo if (language, texts[k]) not in _cache]
        # the whole sentence: its first words alone made '"Please be patient and
        # keep a safe distance behind working snow plows," the city' an imperative
        for k, doc in zip(todo, nlp.pipe([texts[k] for k in todo], batch_size=64),
                          strict=True):
            _cache[(language, texts[k])] = is_imperative_doc(doc)
    return [_cache.get((language, t), False) for t in texts]
