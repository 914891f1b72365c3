"""A lone surname of a person the article names in full is a person, in the article.

Small models often tag a surname alone an organisation or a place where the
same article tags the full name a person ("Republican National Committee
Chairman Reince Priebus ... Priebus said", then "Priebus" as ORG x5). The
linker repairs the label of the entity it files (``linking._local_groups``),
but the linker runs after the analysis: the quote steps, which read each
mention's label to find a speaker and give a pronoun its antecedent ("...,
though he added"), saw an organisation. This is the same evidence, read on
the article's own mentions before any other step: the label other mentions
of the name carry in the article.

Only what is a person whichever person it is: a word that is the last word
of one or more full names the article tags a person (Bill and Hillary Clinton
both make "Clinton" a person), written before it (a short form refers back; a
headline's, in the first sentence, may come first: the linker's order), to
which no context cue gives another label in the article ("the company Ford"),
and which is no country of the gazetteer ("Jordan" beside "Michael Jordan"
keeps what the model said: the linker's rule too). A name of another label
containing the word ("Trump Tower", "Ford Motor") does not stop it: the
linker joins the lone word to the person all the same. And a full name the
article tags a person more often than anything else, weighed as the linker
weighs labels, is one at each of its mentions ("Donald Trump" tagged ORG once
among five).

A name that modifies the noun after it keeps the model's label ("The Trump
campaign has said", "A Boko Haram insider told CNN"): the quote steps name
the campaign or the insider from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from veille.analyze import gazetteer, names
from veille.analyze import labels as L
from veille.core.model import Mention

#: the cue of a lone word relabelled a person by this rule (the quote steps
#: and the linker read it as any person's cue)
SURNAME = "surname"
#: the cue of a full name relabelled a person by the label its other mentions carry
SAME_NAME = "same-name"
_OTHER = ("ORG", "LOC", "MISC")
#: a full name's words at most (keyed), and no separator inside: a span the
#: model ran over a title ("Justin Timberlake: Man of the Woods") has no
#: surname to give
MAX_NAME_WORDS = 4
_SEPARATOR = re.compile(r"[:;,/|()\[\]]")


def _words(m: Mention) -> list[str]:
    return names.key(names.person_name(m.text)).split()


def _without_generation(m: Mention) -> list[str]:
    """The keyed words of a full name without a generation after it ("Luther
    Stan Pate IV" ends with Pate, "Martin Luther King Jr." with King)."""
    words = m.text.split()
    kept = names.without_generation(words)
    return _words(m) if kept == words else names.key(names.person_name(" ".join(kept))).split()


def _guessed(m: Mention) -> bool:
    """Labelled by the model alone, not by a context cue."""
    return not m.label_cue and (m.model_label or m.label) == m.label


def surnames_of_people(mentions: Sequence[Mention],
                       modifier: Callable[[Mention], bool] | None = None) -> list[Mention]:
    """``mentions`` with the label the article's other mentions of a name give
    it (see the module doc), in place; returned as a list.

    ``modifier(m)``: the name modifies the common noun after it ("The Trump
    campaign has said", "A Boko Haram insider told CNN"): it stands for the
    noun's organisation there, and the model's label is kept (the quote
    steps name the campaign or the insider, not the man or the group)."""
    # 1. a full name the article tags a person more often than anything else
    # ("Donald Trump" tagged ORG once among five): a person at each mention.
    # Weighed as the linker weighs them: the model's label repeated in one
    # article is one guess (a repeat counts a quarter), a context cue is
    # evidence about the name itself, and one that says otherwise ("the
    # militant group Boko Haram", tagged a person ten times around it) wins
    votes: dict[str, dict[str, float]] = {}
    against: set[str] = set()
    for m in mentions:
        ws = _words(m)
        if len(ws) < 2:
            continue
        k = " ".join(ws)
        v = votes.setdefault(k, {})
        if m.label_cue:
            v[m.label] = v.get(m.label, 0.0) + L.CUE_WEIGHT
            if m.label != "PER":
                against.add(k)
        else:
            v[m.label] = v.get(m.label, 0.0) + (L.MODEL_REPEAT_WEIGHT if m.label in v else L.MODEL_WEIGHT)
    persons = {k for k, v in votes.items() if k not in against
               and v.get("PER", 0.0) > sum(n for lab, n in v.items() if lab != "PER")}
    for m in mentions:
        if m.label in _OTHER and _guessed(m) and " ".join(_words(m)) in persons \
                and not (modifier is not None and modifier(m)):
            m.label = "PER"
            m.label_cue = SAME_NAME
    # 2. a surname alone: the end of such a full name, one word or more
    # ("Priebus", and "O'Neill" of "James O'Neill" or "de Blasio" of "Bill de
    # Blasio", which keys split in two)
    surnames: dict[str, int] = {}  # surname -> where its first full name starts
    taken: set[str] = set()  # names a context cue gives another label
    for m in mentions:
        ws = _words(m)
        if not ws:
            continue
        if m.label == "PER" and 2 <= len(ws) <= MAX_NAME_WORDS and not _SEPARATOR.search(m.text):
            ws = _without_generation(m)
            for i in range(1, len(ws)):
                tail = " ".join(ws[i:])
                surnames[tail] = min(m.start, surnames.get(tail, m.start))
        elif m.label != "PER" and m.label_cue:
            taken.add(" ".join(ws))
    if not surnames:
        return list(mentions)
    for m in mentions:
        if m.label not in _OTHER or not _guessed(m):
            continue
        k = " ".join(_words(m))
        if k not in surnames or k in taken:
            continue
        if m.start < surnames[k] and m.sentence > 0:
            continue
        if gazetteer.country_code(m.text) or (modifier is not None and modifier(m)):
            continue
        m.label = "PER"
        m.label_cue = SURNAME
    return list(mentions)
