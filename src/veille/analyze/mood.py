"""Sentence mood from the parse the analysis already runs: which sentences
tell the reader to do something instead of stating a fact (issue #19).

An interviewer's prompt ("Take us through what happened that night."), a
listing's advice ("View the night sky afterward, weather permitting. 8 p.m."),
an aside to the reader ("Get more information at CDC.gov") hold a date but
report no event, and they do not end on a question mark. Session 18 parsed the
timeline's candidates again when building a view (a second spaCy pipeline in
every process that builds one); the analysis has each sentence's parse at
hand, so it keeps one bit per sentence (``Sentence.imperative``) and the views
read it.

The test reads the parse, not a word list: the root of the sentence's first
clause is a verb in the imperative (the morphology's ``Mood=Imp``) or a bare
infinitive (``VerbForm=Inf``: the English tagger's VB) with no subject, no
finite auxiliary or modal, no subordinator, and no subject anywhere before it
(a coordinated verb whose subject the parser attached elsewhere, "They remain
close ..., then slowly break apart", is no imperative). In a language whose
finite verbs always carry their subject (``LanguageData.writes_subject``) a
second-person verb with none is one too: the French tagger reads "Prenez" as
an indicative.
"""

from __future__ import annotations

from typing import Any

from veille.lang import language_data

_SUBJECT = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "csubj:pass", "expl",
                      "expl:subj", "expl:pass", "agent"})


def is_imperative(doc: Any, start: int, end: int, language: str | None) -> bool:
    """Whether the sentence of tokens ``start``-``end`` of a parsed ``doc``
    opens on an imperative clause (see the module). The clause is the parser's
    sentence of the first word token: the analysis glues the parser's fragments
    back into one sentence, the mood is that of its first clause."""
    first = next((t for t in doc[start:end] if not (t.is_space or t.is_punct)), None)
    if first is None:
        return False
    sent = first.sent
    if _is_label(sent) and sent.end < end:
        # a verbless lead-in ending on a colon ("MONTAGNE: Take us through …", a
        # transcript's speaker label, kept in one sentence with what follows it):
        # the mood is that of the clause after it
        return is_imperative(doc, sent.end, end, language)
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or not start <= root.i < end:
        return False
    mood = root.morph.get("Mood")
    form = root.morph.get("VerbForm")
    second_person = "2" in root.morph.get("Person") and language_data(language).writes_subject
    if "Imp" not in mood and form != ["Inf"] and not second_person:
        return False
    for c in root.children:
        if c.dep_ in _SUBJECT or c.dep_ == "mark":
            return False
        if c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm"):
            return False  # "will take", "peut prendre": a modal or finite auxiliary
    return not any(t.dep_ in _SUBJECT for t in sent if t.i < root.i)


def _is_label(sent: Any) -> bool:
    """A parser sentence that is a label, not a clause: it ends on a colon and holds no verb."""
    words = [t for t in sent if not t.is_space]
    return bool(words) and words[-1].text == ":" and not any(
        t.pos_ in ("VERB", "AUX") for t in words)


__all__ = ["is_imperative"]
