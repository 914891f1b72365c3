"""A page's labels ("Jetzt teilen:", "Trending Right Now:", "Now Playing:") tell no time.

A share button, a list heading or a player's caption, flattened into the text by the
page's reader, is a short run of words closed by a colon and followed by what it
labels: a new line or a capitalised word. "Now" in one of them is the page's
call to act or its heading, not the time the story is told at, so a "now" that sits
in one is no time expression. What tells a label from a sentence is its shape, the
same in every language: at most three words from the last break (a line, a sentence
end, a bracket, another label) or from a capitalised time word to the colon, and no
lower-case run after it ("Now I know: it feels ..." is a sentence).
"""

from __future__ import annotations

import re

#: the most words a label holds ("Teilen Sie jetzt:", "Trending Right Now:")
_LABEL_WORDS = 3
#: what ends the text before a label: a line, a sentence, a bracket, a label, a marker
_BREAK = re.compile(r"[\n.!?:;)\]+|»«”]")
#: up to two more words after the time word, then the label's colon
_TAIL = re.compile(r"((?:[^\S\n]+[^\W\d_][\w'’-]*){0,2})[^\S\n]*:[^\S\n]*")


def in_page_label(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` sits in a label of the page (see the module's doc)."""
    lo = max(0, start - 80)
    breaks = [m.end() for m in _BREAK.finditer(text, lo, start)]
    if not breaks and lo > 0 and not text[start].isupper():
        return False
    tail = _TAIL.match(text, end)
    if tail is None:
        return False
    labelled = text[tail.end():tail.end() + 1]
    if labelled and labelled != "\n" and not labelled.isupper():
        return False  # "Now I know: it feels a little unsettling": a sentence
    # a capitalised time word opens its label ("Foto: Christoph Weber Jetzt teilen:")
    opened = text[start].isupper()
    words = (0 if opened else len(text[breaks[-1] if breaks else lo:start].split())) \
        + len(text[start:end].split()) + len(tail.group(1).split())
    return words <= _LABEL_WORDS
