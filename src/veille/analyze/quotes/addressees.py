"""A passive speech verb's subject that received the words instead of saying them.

"Teague, Burrell and an assistant coach were asked to get off the plane",
"he was told to leave", "Smith was asked whether he would run again",
"hundreds of thousands of revellers are expected to flock to Berlin": the
verb is passive with no agent and its complement is an infinitive (a request
made of the subject, an expectation about it) or a question put to it. The
one who asked, told or expected is not named, so the statement has no
speaker; giving it to the subject makes the person asked say the request.

Decided by the parse (passive subject, no ``agent``, an ``xcomp`` "to"
infinitive or an if/whether ``ccomp``), not by verbs. Agentless passives with
a that-clause keep their subject: dropping it was measured and not kept in
session 12 (docs/measured/quality-quotes.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

PASSIVE_SUBJECTS = frozenset({"nsubjpass", "nsubj:pass"})
#: The English complementizers of a question put ("was asked whether …"), as
#: in :func:`veille.analyze.quotes.indirect.question_put`.
QUESTION_MARKERS = frozenset({"if", "whether"})


def addressee_subject(verb: Token, subject: Token) -> bool:
    """``subject`` is the one a passive speech verb was addressed to (or
    spoke about): the verb is passive with no "by" agent and has, after it, a
    "to" infinitive complement or a question."""
    if subject.dep_ not in PASSIVE_SUBJECTS:
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    return any((c.dep_ == "xcomp" and _infinitive(c))
               or (c.dep_ == "ccomp" and c.left_edge.lower_ in QUESTION_MARKERS)
               for c in verb.children if c.i > verb.i)


def raised_addressee(verb: Token) -> bool:
    """A passive infinitive that borrows its subject from the verb it
    completes: "The launch also seemed *to be intended* to send a message",
    "he appeared *to be asked* to leave". The borrowed subject is what the
    intention or the request is about, as with a passive's own subject above
    (English parse labels: ``auxpass``; a French parse marks no such raising)."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ == "xcomp" and _infinitive(c) for c in verb.children if c.i > verb.i)


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive (English tags: base form with a ``TO`` marker), not a
    participle ("is shown lecturing: “…”" is the subject's own speech), that
    governs no clause of its own: in "Trump is expected to say that …" the
    clause is the infinitive's speech verb's, said by the subject as before."""
    return verb.tag_ == "VB" and any(c.tag_ == "TO" for c in verb.children if c.i < verb.i) \
        and not any(c.dep_ == "ccomp" for c in verb.children)
