"""Words the OCR of old newspapers glued together, split before the parse.

The digitised press (HIPE's Swiss and French papers) often loses the space
between two words: "le président aprié M. Laurent", "il a déclaréqu'il …",
"les avantages" read as "lesavantages", "deVictor Hespel". The parser then
sees one unknown word where a verb or a complementizer stood, and every stage
after it loses the clause (the quote's cue, the name's boundary). spaCy's
tokens may carry no space after them, so a glued word can become two tokens
without changing the text: every offset stays where it was.

A token is split only when the language's word list (``wordfreq``) does not
know it and it is two words it knows well, one of them a function word of the
language (spaCy's stop words): "lesavantages" is "les" + "avantages", but an
unknown compound ("autoflagellation") or name ("Montebourg" is known anyway)
is left whole. A capitalised token is split only at a lower-to-upper case
change after a function word ("deVictor", "laSuisse"): a surname that happens
to read as two words ("Lavigne") keeps its capital at the start. A trailing
elided clitic glued to the word before ("déclaréqu'", "eurentl'") is split
from a known word.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import cache

#: Lowest word frequency (Zipf scale: 3 is about once per million words) of
#: each piece: a glued pair is two common words; rarer pieces ("ter", "ail")
#: are OCR misreadings of one word, not glue.
PIECE_ZIPF = 3.0
#: How much more frequent (Zipf points: 3 is a thousand times) the rarer piece
#: must be than the glued form itself. Web text holds OCR'd and mistyped forms
#: too ("danscette" has a frequency of its own), so a form the word list knows
#: is still glue when its pieces are far more common; a real word that reads as
#: two ("dessous", "pourtant", "parfois") is about as common as its pieces.
GAP_ZIPF = 3.0
#: A token shorter than this is left alone (too many short junk forms read as
#: two tiny words).
MIN_LENGTH = 5
#: One-letter words that may be a piece ("aprié" = "a prié").
ONE_LETTER = frozenset({"a", "à", "y"})

_LETTERS = re.compile(r"[^\W\d_]+")
_CAMEL = re.compile(r"([^\W\d_]*?[a-zà-ÿ])([A-ZÀ-Þ][^\W\d_]*)")


@cache
def _zipf(word: str, code: str) -> float:
    from wordfreq import zipf_frequency  # lazy: its tables load on first use

    return float(zipf_frequency(word, code))


class GlueSplitter:
    """Splits one language's OCR-glued tokens (see the module doc).

    ``forms``: the inflected forms the pipeline's lemmatizer knows (spaCy's
    ``lemma_lookup`` table), a second word list: ``wordfreq`` misses rare
    inflections ("déplorerai" is no "déplorer" + "ai").
    """

    def __init__(self, code: str, function_words: frozenset[str], elisions: frozenset[str],
                 forms: Container[str] = frozenset()) -> None:
        self.code = code
        self.function_words = function_words
        self.elisions = sorted(elisions, key=len, reverse=True)
        self.forms = forms
        self._seen: dict[str, tuple[str, ...] | None] = {}

    def _known(self, word: str, pieces: float = PIECE_ZIPF) -> bool:
        """A word of the language, next to pieces of frequency ``pieces``."""
        return word in self.forms or _zipf(word, self.code) > pieces - GAP_ZIPF

    def _piece(self, word: str) -> float:
        """The piece's frequency, 0 when it may not stand alone."""
        if len(word) < 2 and word not in ONE_LETTER:
            return 0.0
        return _zipf(word, self.code)

    def _pair(self, word: str) -> tuple[float, str, str] | None:
        """The best split of a lower-case ``word`` into two known words, one of
        them a function word (the one whose rarer piece is the most frequent)."""
        best: tuple[float, int] | None = None
        fw = self.function_words
        for i in range(1, len(word)):
            a, b = word[:i], word[i:]
            if a not in fw and b not in fw:
                continue
            if min((len(x) for x in (a, b) if x not in fw), default=3) < 3 \
                    or max(len(a), len(b)) <= 3:
                continue  # "ps|ont", "mir|ait": tiny pieces are a misread word, not glue
            score = min(self._piece(a), self._piece(b))
            if score >= PIECE_ZIPF and (best is None or score > best[0]):
                best = (score, i)
        return None if best is None else (best[0], word[: best[1]], word[best[1]:])

    def split(self, token: str) -> tuple[str, ...] | None:
        """The pieces of an OCR-glued ``token`` (their concatenation is the
        token), or None when it is a word or reads as no pair of words."""
        if len(token) < MIN_LENGTH:
            return None
        if token not in self._seen:
            self._seen[token] = self._split(token)
        return self._seen[token]

    def _split(self, token: str) -> tuple[str, ...] | None:
        if token[-1] in "'’":
            # "déclaréqu'", "eurentl'": a known word and the elided clitic of the next
            stem = token[:-1].lower()
            if stem in self.elisions:
                return None
            for clitic in self.elisions:
                rest = token[: len(stem) - len(clitic)]
                score = self._piece(rest.lower())
                if stem.endswith(clitic) and len(rest) >= 2 \
                        and (rest.islower() or rest.istitle()) \
                        and score >= PIECE_ZIPF and not self._known(stem, score):
                    return rest, token[len(rest):]
            return None
        if not _LETTERS.fullmatch(token):
            return None
        if token.islower():
            pair = self._pair(token)
            if pair is None or self._known(token, pair[0]):
                return None
            return pair[1], pair[2]
        camel = _CAMEL.fullmatch(token)
        if camel is not None and token[0].islower() and not self._known(token.lower()):
            # "deVictor", "laSuisse": a function word, then a capitalised word
            left, right = camel.group(1), camel.group(2)
            if left in self.function_words and (right[1:].islower() or len(right) == 1):
                return left, right
        return None
