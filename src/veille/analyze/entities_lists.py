"""Label evidence from an enumeration of names (#15, session 16).

Names coordinated in one list are most often of one kind: "photos on
Instagram, WhatsApp, and Snapchat", "Snapchat, Instagram, Facebook and
YouTube". The small English model reads a platform it does not know as a
person; the list's other members, organisations by the model or by a cue
(an agency/platform of the credit list), are the evidence that it is one
too. Only the model's guess of one word is moved: a name with a context cue
keeps it, and so do a known given name and a name of two words or more
("Apple, Google and Sarah Smith" keeps its person).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from veille.analyze.quotes.gender import known_given_name
from veille.core.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The cue of a name an enumeration of organisations relabels.
ORG_LIST = "org-list"
#: Other members of the list that must be organisations (and none a person).
MIN_ORGS = 2


def _joined(doc: Doc, a: Mention, b: Mention, offset: int) -> bool:
    """Only commas and coordinating conjunctions stand between ``a`` and ``b``
    (the parse's part of speech, so any language of the packs reads)."""
    span = doc.char_span(a.end - offset, b.start - offset, alignment_mode="expand")
    if span is None or not len(span):
        return False
    # (a line break is a token of its own: a list never runs across lines)
    toks = [t for t in span if a.end - offset <= t.idx < b.start - offset]
    return bool(toks) and all(t.text == "," or t.pos_ == "CCONJ" for t in toks)


def enumerations(mentions: Sequence[Mention], doc: Doc, offset: int) -> list[list[int]]:
    """Runs of mention indexes joined by commas and conjunctions, 3 or more names."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    runs: list[list[int]] = []
    cur: list[int] = []
    for i in order:
        if cur and _joined(doc, mentions[cur[-1]], mentions[i], offset):
            cur.append(i)
            continue
        if len(cur) >= MIN_ORGS + 1:
            runs.append(cur)
        cur = [i]
    if len(cur) >= MIN_ORGS + 1:
        runs.append(cur)
    return runs


def organisations_of_lists(mentions: list[Mention], doc: Doc, offset: int) -> list[Mention]:
    """Relabel the model's person of a list of organisations (cue ``org-list``).

    Only this way: lists of people and places with one odd member read so
    were wrong as often as right over news-clusters (a person's surname
    among city names made a place, "Rabbi Jacob Luski" among synagogues)."""
    for run in enumerations(mentions, doc, offset):
        labels = [mentions[i].label for i in run]
        for i in run:
            m = mentions[i]
            if m.label != "PER" or m.label_cue or " " in m.text.strip() \
                    or known_given_name(m.text):
                continue
            others = labels.copy()
            others.remove("PER")
            if "PER" not in others and others.count("ORG") >= MIN_ORGS:
                m.label, m.label_cue = "ORG", ORG_LIST
    return mentions
