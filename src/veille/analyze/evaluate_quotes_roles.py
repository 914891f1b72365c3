"""The scorer's stand-in for a role-noun source ("the president said").

PolNeAR marks the words of the source, not who they refer to: a speaker
resolved to "Barack Obama" for a gold source "the president" shares no word
with it and counted wrong, however right it is. The pronoun sources have a
stand-in (the nearest named gold source, ``evaluate_quotes._proxy_named``);
this is the role nouns' one, made stricter because a role is no pronoun: the
name is accepted only when the article's own text ties that name to that role,
in one of the forms news copy uses to introduce a person with a role:

- the role as a title before the name: "President Barack Obama", "the
  president, Barack Obama", "former president Bill Clinton";
- the name with the role in apposition: "Barack Obama, the president",
  "Tim Cook, Apple's chief executive".

and only when the article ties the role to **one** name: "President Obama"
and "Vice President Joe Biden" in one article leave "the president" unproven
(the check cannot tell the titles apart), so no name is accepted for it.
This is checked on the raw text with patterns, independently of the
extractor's parse, so the scorer does not grade the extractor by its own
logic. The check can still be fooled ("Trump, the president said, ..."), but
only where the article ties no other name to the role.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

#: Determiners a definite role noun opens with ("the president", "his
#: spokesman"); an indefinite "a spokesman" introduces someone new.
_DEFINITE = frozenset({"the", "this", "that", "his", "her", "its", "their"})
#: Capitalised words that follow a title but are no name ("the president
#: Tuesday"): the calendar's day and month names, from the standard library.
_NOT_NAMES = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name) if w)
_NAME = r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}"
#: At most this many words between an apposition's comma and its role
#: ("Barack Obama, the Democratic president").
_APPOSITION_WORDS = 4


def role_phrase(source: str | None) -> str | None:
    """The role words of a definite role-noun source ("the vice president" ->
    "vice president", "the Florida senator" -> "senator", "the company's chief
    executive" -> "chief executive"); None when the source is no role noun
    (a name, a pronoun, an indefinite or bare noun)."""
    words = (source or "").split()
    if len(words) < 2 or words[0].lower() not in _DEFINITE:
        return None
    role: list[str] = []
    for w in reversed(words[1:]):
        if not w.isalpha() or not w.islower():
            break
        role.insert(0, w)
    if not role or len(role) > 3:
        return None
    return " ".join(role)


def _head(name: str) -> str:
    last = name.split()[-1]
    return re.sub(r"['’]s?$", "", last).rstrip(".").lower()


@lru_cache(maxsize=512)
def role_ties(text: str, role: str) -> dict[str, tuple[int, ...]]:
    """The head words (surnames) of the names ``text`` ties to ``role``, each
    with the offsets where it does."""
    # the role in any case ("President", "president"), the name capitalised
    r = r"(?i:" + r"\s+".join(re.escape(w) for w in role.split()) + ")"
    # "President Barack Obama"; with a comma only as a closed apposition ("the
    # president, Barack Obama, said"), not "with Cruz's campaign, Breitbart
    # News asked", where the name opens the next clause
    title = re.compile(rf"\b{r}\b(?!['’]s)(?:\s+({_NAME})|\s*,\s+({_NAME})(?=\s*[,.;:)\]—–]))")
    apposition = re.compile(
        rf"({_NAME})\s*,\s+(?:[\w'’\-]+\s+){{0,{_APPOSITION_WORDS}}}?{r}"
        # the apposition ends at the role ("Obama, the president, said"); "In
        # Iowa, the president said" is a clause, no apposition
        r"(?=\s*[,.;:)\]—–]|\s*$)")
    names = [(m.start(), m.group(1) or m.group(2)) for m in title.finditer(text)]
    names += [(m.start(), m.group(1)) for m in apposition.finditer(text)]
    ties: dict[str, list[int]] = {}
    for at, name in names:
        words: list[str] = []
        for w in name.split():
            if _head(w) in _NOT_NAMES:
                break  # "the president Tuesday": no name
            words.append(w)
        if words:
            ties.setdefault(_head(" ".join(words)), []).append(at)
    return {h: tuple(v) for h, v in ties.items()}


def role_holders(text: str, role: str) -> frozenset[str]:
    """The head words of the names ``text`` ties to ``role``."""
    return frozenset(role_ties(text, role))


_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _sentence_around(text: str, at: int) -> str:
    """The sentence holding offset ``at`` (cut at ". " and line breaks)."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = _SENTENCE_END.search(text, at)
    return text[start:end.start() if end else len(text)]


def tied_by_role(text: str, source: str | None, speaker_head: str | None,
                 source_at: int) -> bool:
    """Does the article tie the speaker (its head word) to the role noun of a
    gold ``source`` (at offset ``source_at``), and to no other name? A tie
    must come before the source (a role noun refers back to a person the
    copy introduced; in a list of profiles, "The Afro-Colombian journalist"
    is not the "Award-winning journalist Maria Hinojosa" of the next item),
    and the words that qualify the role in the source ("Afro-Colombian")
    must be in a sentence that ties it."""
    role = role_phrase(source)
    if role is None or not speaker_head:
        return False
    ties = role_ties(text, role)
    if len(ties) != 1 or speaker_head not in ties:
        return False
    before = [at for at in ties[speaker_head] if at < source_at]
    if not before:
        return False
    words = (source or "").split()
    qualifiers = [w.strip(",.") for w in words[1:len(words) - len(role.split())]
                  if not re.search(r"['’]s?$", w)]
    # "the Florida senator": "Florida" in a sentence that ties the role to the name
    sentences = [_sentence_around(text, at) for at in ties[speaker_head]]
    return all(any(re.search(rf"\b{re.escape(q)}\b", s, re.I) for s in sentences)
               for q in qualifiers)
