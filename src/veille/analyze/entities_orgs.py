"""An organisation the model calls a person, told by how its sentence treats it.

Small models tag a company or a title they have never seen a person
("Gannett", "FiveThirtyEight", "Zycie Warszawy"): a capitalised word or two in
a subject position looks like anyone's name. No list of names fixes that for
the next unseen company; the sentence does, as a reader sees it, and the parse
gives it:

- **a job held at it**: "an analyst at A.G. Edwards", "senior editor at
  FiveThirtyEight": the object of "at" after a noun naming a person's job
  (the packs' titles and bylines: ``at_jobs``, the prepositions ``job_links``)
  is where the job is held, never a person;
- **a kind of organisation it qualifies**: "the Gannett newspaper chain",
  "six Gannett newspapers", "Zycie Warszawy daily said": the name modifies
  (compound) a common noun the pack calls an organisation (``org_nouns``,
  read by lemma), unless it is a group a person leads and that bears the
  person's name (``led_groups``: "the Dole team", "the Sanders campaign");
- **an organisation in apposition**: "the most widely used virtual currency
  company, Coinbase, has struggled", "Gannett, the newspaper chain, said";
- **"its" for it**: "Zycie Warszawy said its own publisher ...": the name is
  the subject of a verb and the first word after it that could be the
  possessor is "its", with no other noun between: a person is "his" or "her".

Only for a name the model tagged a person and no cue labelled otherwise; and
never a word of a person's full name the article writes, nor a name written
in full (two words or more) as a person elsewhere in it with a title or
another cue ("the Trump team" beside Donald Trump stays his): the article's
evidence about the person outweighs one sentence's grammar.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from veille.analyze import labels as L
from veille.analyze.quotes.gender import known_given_name
from veille.core.model import Mention
from veille.core.text import fold_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: the cue of a name relabelled an organisation by its sentence
ORG_CONTEXT = "org-context"
_W = L.WORDS
_SUBJECTS = ("nsubj", "nsubjpass")
#: the parts of speech that could own an "its" before it: a noun between the
#: name and "its" may be what "its" refers to
_OWNERS = ("NOUN", "PROPN", "PRON")


def _root(span: Span) -> Token:
    return span.root


def _job_at(span: Span) -> bool:
    """"senior editor at FiveThirtyEight": the name is the object of a job
    preposition whose head is a noun naming a job (by lemma, or the last word
    of a two-word job "chief executive")."""
    r = _root(span)
    prep = r.head
    if r.dep_ != "pobj" or prep.lower_ not in _W.job_links or prep.i >= span.start:
        return False
    job = prep.head
    if job.pos_ not in ("NOUN", "PROPN") or job.i >= span.start:
        return False
    return job.lemma_.lower() in _W.at_jobs or job.lower_ in _W.at_jobs


def _qualifies_org_noun(span: Span) -> bool:
    """"the Gannett newspaper chain", "six Gannett newspapers": the name is a
    compound of a common noun the pack calls an organisation, or of a noun
    whose own compound is one ("newspaper" of "newspaper chain")."""
    r = _root(span)
    if r.dep_ != "compound":
        return False
    head = r.head
    if head.i < span.end or head.pos_ != "NOUN" or not head.text[:1].islower():
        return False
    if _is(head, _W.led_groups):
        return False  # "Dole team seeking to pin down debate details": his team
    kinds = [head, *(c for c in head.children if c.dep_ == "compound" and c.i >= span.end)]
    return any(t.pos_ == "NOUN" and t.text[:1].islower() and _is(t, _W.org_nouns) for t in kinds)


def _is(t: Token, words: frozenset[str]) -> bool:
    return t.lemma_.lower() in words or t.lower_ in words


def _its_subject(span: Span) -> bool:
    """"Zycie Warszawy said its own publisher ...": the subject of a verb, and
    the first word after it that could own what follows is "its", outside
    the name's own phrase ("Htay Oo, its acting chairman, told": the "its"
    of an apposition is another's, the party's)."""
    r = _root(span)
    if r.dep_ not in _SUBJECTS or r.head.i < span.end:
        return False
    doc = span.doc
    end = r.sent.end
    own = {t.i for t in r.subtree}  # "Htay Oo, its acting chairman, told": its party
    for t in doc[span.end:end]:
        if t.lower_ in _W.thing_possessives:
            return t.i not in own
        if t.pos_ in _OWNERS or t.is_punct and t.text not in (",",):
            return False
    return False


def _which_clause(span: Span) -> bool:
    """"Gannett, which owns USA Today, said": a relative clause on the name
    opened by a pronoun its language never uses for a person. Only on a
    subject, before its verb: after a clause, "which" may stand for the whole
    event ("he endorsed Sanders, which surprised many")."""
    r = _root(span)
    if r.dep_ not in _SUBJECTS or r.head.i < span.end:
        return False
    return any(c.dep_ == "relcl" and any(t.lower_ in _W.thing_relatives and t.i >= span.end
                                          for t in c.children)
               for c in r.children)


def _apposed_org_noun(span: Span) -> bool:
    """"the most widely used virtual currency company, Coinbase, has struggled",
    "Gannett, the newspaper chain, said": the name and a common noun the pack
    calls an organisation are in apposition (the noun right before the name,
    "the company Coinbase", is a cue of ``entities._cue_label`` already)."""
    r = _root(span)
    nouns = [r.head] if r.dep_ == "appos" else []
    nouns += [c for c in r.children if c.dep_ == "appos" and c.i >= span.end]
    return any(n.pos_ == "NOUN" and n.text[:1].islower() and _is(n, _W.org_nouns)
               and not _is(n, _W.led_groups) for n in nouns)


def org_evidence(doc: Doc, a: int, b: int) -> bool:
    """The name at tokens ``a``..``b`` is an organisation by its sentence (see
    the module doc)."""
    span = doc[a:b]
    return _job_at(span) or _qualifies_org_noun(span) or _apposed_org_noun(span) \
        or _its_subject(span) or _which_clause(span)


def people_keep_their_words(out: Sequence[Mention]) -> None:
    """A name this module relabelled goes back to the person when the article
    says it is one: a word of a person's full name it writes ("the Trump team"
    beside Donald Trump), the same name with a person's cue elsewhere ("Mr."),
    or a name opening with a known given name ("John Smith said its ...")."""
    marked = [m for m in out if m.label_cue == ORG_CONTEXT]
    if not marked:
        return
    full: dict[str, set[str]] = {}  # a word -> the persons' full names holding it
    cued: set[str] = set()
    for m in out:
        if m.label != "PER":
            continue
        k = fold_name(m.text)
        if m.label_cue:
            cued.add(k)
        if len(k.split()) >= 2:
            for w in k.split():
                full.setdefault(w, set()).add(k)
    for m in marked:
        k = fold_name(m.text)
        if k in cued or known_given_name(m.text.split()[0]) \
                or any(full.get(w, set()) - {k} for w in k.split()):
            m.label, m.label_cue = m.model_label or "PER", None


def same_name_follows(out: Sequence[Mention]) -> None:
    """The article's other mentions of a name its sentence made an organisation,
    which only the model called a person, are that organisation too (the quote
    steps read each mention's label)."""
    orgs = {fold_name(m.text) for m in out if m.label_cue == ORG_CONTEXT}
    if not orgs:
        return
    for m in out:
        if m.label == "PER" and not m.label_cue and fold_name(m.text) in orgs:
            m.label, m.label_cue = "ORG", ORG_CONTEXT
