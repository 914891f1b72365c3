"""A name the article tags is a name where it is written again (#15, session 21).

The model reads each occurrence of a name in its sentence: "Interfax news
agency said" is tagged, "Interfax quoted Chernomyrdin" and "Tanjug said" two
lines on are not; a club or a player named in a report once tagged and once
not. A reader knows the second "Interfax" is the first. Here a name the
article tags, always with one label, is a mention of that label wherever the
same words are written again, spelt and capitalised the same, untagged:

- only whole tokens of the parse, and a single word only where the parse
  reads it a proper noun ("May" of a date, "Will" of a question are not
  Theresa May nor Will Smith);
- not inside a longer capitalised name the model left untagged (a capitalised
  word right before or after it, other than a title or the sentence's start:
  "Chicago" of an untagged "Chicago Tribune" is no place of the story);
- not a MISC name (nationalities, events, a video player's "Skip"), nor one
  word the article also writes in lower case (a common word of the
  text capitalised in a menu: "Follow", "Library");
- not a name whose tagged mentions are credits, bylines, picture credits or
  results-table teams (their repeats are read by those steps), nor a name
  tagged with two labels in the article (which one would be a guess).

The repeat carries the label of the name's tagged mentions as the model's
(no context cue: a repeat is no more evidence than its first mention).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from veille.analyze.entities_credits import BYLINE, CAPTION_CREDIT, PHOTOGRAPHER
from veille.analyze.scoreboards import TEAM
from veille.core.model import Mention

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc

#: Cues of mentions whose text is not spread: their steps read every occurrence.
_OWN_STEPS = frozenset({"credit", "dateline", BYLINE, PHOTOGRAPHER, CAPTION_CREDIT, TEAM})
#: Labels spread: the model's MISC (nationalities, events, products, and page
#: furniture: a video gallery's "Skip" x76 in one article) is too mixed.
_SPREAD = frozenset({"PER", "LOC", "ORG"})
#: A name shorter than this (folded letters) is not spread ("AP", "UN" in text
#: of all kinds: acronyms are tagged where the model knows them).
MIN_LETTERS = 3
#: An article holding more names than this is a table or a dump: its names are
#: listed, not told, and a scan over each is quadratic.
MAX_NAMES = 300


def _capitalised(t: object) -> bool:
    text = getattr(t, "text", "")
    return bool(text[:1].isupper()) and any(c.isalpha() for c in text)


def repeated_names(mentions: Sequence[Mention], doc: Doc, full: str, offset: int,
                   sentence_of: Callable[[int], int], titles: frozenset[str]) -> list[Mention]:
    """``mentions`` with a mention added wherever a tagged name is written again
    untagged (see the module doc)."""
    labels: dict[str, set[str]] = defaultdict(set)
    skip: set[str] = set()
    for m in mentions:
        if m.nested:
            continue
        labels[m.text].add(m.label)
        if m.label_cue in _OWN_STEPS:
            skip.add(m.text)
    if not labels or len(labels) > MAX_NAMES:
        return list(mentions)
    taken = sorted((m.start - offset, m.end - offset) for m in mentions)
    added: list[Mention] = []
    for text, labs in labels.items():
        if text in skip or len(labs) != 1 or sum(c.isalpha() for c in text) < MIN_LETTERS \
                or "\n" in text or not text[:1].isupper():
            continue
        label = next(iter(labs))
        if label not in _SPREAD:
            continue
        if " " not in text and re.search(rf"(?<!\w){re.escape(text.lower())}(?!\w)", full):
            continue  # the text writes the word in lower case: a common word of it
        for hit in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", full):
            s, e = hit.span()
            if any(a < e and s < b for a, b in taken):
                continue
            span = doc.char_span(s, e)
            if span is None or not len(span):
                continue
            if len(span) == 1 and span[0].pos_ != "PROPN":
                continue
            first, last = span[0], span[-1]
            if first.i > 0 and not first.is_sent_start:
                prev = doc[first.i - 1]
                if _capitalised(prev) and prev.text.lower().rstrip(".") not in titles \
                        and prev.text.lower() not in titles:
                    continue
            if last.i + 1 < len(doc):
                nxt = doc[last.i + 1]
                if _capitalised(nxt) and not nxt.is_sent_start:
                    continue
            m = Mention(text=text, label=label, start=s + offset, end=e + offset,
                        sentence=sentence_of(s + offset))
            m.model_label = label
            added.append(m)
            taken.append((s, e))
    if not added:
        return list(mentions)
    return sorted([*mentions, *added], key=lambda m: (m.start, -m.end))
