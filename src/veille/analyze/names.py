"""Name normalisation for matching spellings across articles and languages.

News in French and English spell the same foreign name through different
transliteration conventions (Poutine/Putin, Loukachenko/Lukashenko,
Zelenskyy/Zelenskiy, Kiev/Kyiv, Sotchi/Sochi). Rather than a list of names,
we map both spellings onto one rough phonetic key by rules that undo those
conventions: accents stripped, ``ou``→``u``, ``tch``/``ch``→``sh``,
``y``→``i``, ``w``→``v``, ``x``→``ks``, ``ph``→``f``, doubled letters
collapsed, a final mute ``e`` dropped. The key is only ever compared with
another key, so over-merging distinctions (``ch``/``sh``) is harmless while
it stays on both sides.
"""

from __future__ import annotations

import re
from functools import lru_cache

from veille.analyze.labels import WORDS
from veille.core.text import fold_name

_RULES = [
    ("tch", "sh"),
    ("tsch", "sh"),
    ("sch", "sh"),
    ("ch", "sh"),
    ("kh", "h"),
    ("ou", "u"),
    ("ck", "k"),
    ("ph", "f"),
    ("x", "ks"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("ie", "i"),
    ("ei", "i"),
    ("q", "k"),
]
_DOUBLE = re.compile(r"(.)\1+")
_PATRONYMIC = re.compile(
    "(?:" + "|".join(map(re.escape, sorted(WORDS.patronymic_endings, key=lambda e: (-len(e), e))))
    + ")$" if WORDS.patronymic_endings else r"(?!)", re.I)
_TITLES = WORDS.titles
_ARTICLES = WORDS.articles


def strip_titles(name: str) -> str:
    """'M. Barry' -> 'Barry', 'le président Vladimir Poutine' -> 'Vladimir Poutine'."""
    toks = name.split()
    while len(toks) > 1 and (toks[0].lower() in _TITLES or toks[0].lower() in _ARTICLES
                             or toks[0].lower().rstrip(".") in _TITLES):
        toks = toks[1:]
    return " ".join(toks)


def translit_token(tok: str) -> str:
    t = tok
    for a, b in _RULES:
        t = t.replace(a, b)
    t = _DOUBLE.sub(r"\1", t)
    if len(t) > 3 and t.endswith("e"):
        t = t[:-1]
    return t


@lru_cache(maxsize=100_000)
def key(name: str) -> str:
    """The matching key of a surface form (cached: every batch re-keys the
    aliases of the entities it is linked against)."""
    return " ".join(translit_token(t) for t in fold_name(strip_titles(name)).split())


def is_patronymic(token: str) -> bool:
    return bool(_PATRONYMIC.search(token)) and token[:1].isupper()
