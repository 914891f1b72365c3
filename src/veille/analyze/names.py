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
import string
from functools import lru_cache

from wordfreq import zipf_frequency

from veille.analyze import gazetteer
from veille.analyze.labels import WORDS
from veille.core.text import fold_name
from veille.lang import SUPPORTED

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
_ABBREVIATED = WORDS.abbreviated_titles
_ARTICLES = WORDS.articles
_ADMIN = WORDS.admin_nouns
_REGION = WORDS.region_nouns
_FEATURE = WORDS.feature_nouns
_LINKS = WORDS.source_links  # "du", "of the"
_OF = WORDS.of_words
_GLUED_TITLE = re.compile(
    "^(?:" + "|".join(re.escape(t) for t in sorted(WORDS.abbreviated_titles, key=len, reverse=True)
                      if t.endswith(".")) + r")(?=[A-ZÀ-Ý])", re.I) if any(
    t.endswith(".") for t in WORDS.abbreviated_titles) else re.compile(r"(?!)")


def strip_titles(name: str) -> str:
    """'M. Barry' -> 'Barry', 'le président Vladimir Poutine' -> 'Vladimir Poutine',
    'M.Gambetta' (OCR or typing without the space) -> 'Gambetta', 'la ville de
    Berne' -> 'Berne' (an administrative noun before a place names the place)."""
    toks = name.split()
    if toks:
        m = _GLUED_TITLE.match(toks[0])
        if m:
            toks = [toks[0][m.end():], *toks[1:]]
    k = 0
    while k < len(toks) - 1 and toks[k].lower() in _ARTICLES:
        k += 1
    if k < len(toks) - 1 and toks[k].islower() and toks[k] in _ADMIN:
        j = k + 1
        if j < len(toks) - 1 and toks[j].lower().rstrip("'’") in _OF:
            j += 1
        elif toks[j][:2].lower() in {o + "'" for o in _OF} | {o + "’" for o in _OF}:
            toks = [*toks[:j], toks[j][2:], *toks[j + 1:]]
        if j < len(toks) and toks[j][:1].isupper():
            toks = toks[j:]
    while len(toks) > 1 and (toks[0].lower() in _TITLES or toks[0].lower() in _ARTICLES
                             or toks[0].lower().rstrip(".") in _TITLES):
        toks = toks[1:]
    return " ".join(toks)


def place_of(name: str) -> str | None:
    """The name a lowercase region or feature noun introduces ("canton de Vaud"
    -> "Vaud", "mer Baltique" -> "Baltique", "the province of Ontario" ->
    "Ontario"), or None. The caller decides whether the bare name is the same
    place (not when a city carries it: "canton de Fribourg")."""
    toks = name.split()
    k = 0
    while k < len(toks) - 1 and toks[k].lower() in _ARTICLES:
        k += 1
    if k >= len(toks) - 1 or not toks[k].islower():
        return None
    noun, j = toks[k], k + 1
    if noun in _REGION:
        if toks[j].lower().rstrip("'’") in _OF | _LINKS and j < len(toks) - 1:
            j += 1
            while j < len(toks) - 1 and toks[j].lower() in _ARTICLES:
                j += 1
        elif toks[j][:2].lower() in {o + "'" for o in _OF} | {o + "’" for o in _OF}:
            rest = toks[j][2:]
            return " ".join([rest, *toks[j + 1:]]) if rest[:1].isupper() else None
        else:
            return None
    elif noun not in _FEATURE:
        return None
    return " ".join(toks[j:]) if toks[j][:1].isupper() else None


def is_feature(name: str) -> bool:
    """``name`` opens with a lowercase natural-feature noun ("mer Baltique")."""
    toks = [t for t in name.split() if t.lower() not in _ARTICLES]
    return len(toks) > 1 and toks[0] in _FEATURE


def translit_token(tok: str) -> str:
    t = tok
    for a, b in _RULES:
        t = t.replace(a, b)
    t = _DOUBLE.sub(r"\1", t)
    if len(t) > 3 and t.endswith("e"):
        t = t[:-1]
    return t


#: Zipf frequency a long-s reading must reach to replace an unknown word: a
#: common word of some language we read ("Russie", "Conseil"), not a rare one.
LONG_S_ZIPF = 3.0


@lru_cache(maxsize=50_000)
def long_s(tok: str) -> str:
    """A folded word as printed before ~1800-1850 and read by OCR: the long s
    (ſ) comes out as an "f" ("Ruffie", "Afie", "Confeil"). An "f" word that is
    no word of any language we read, whose reading with "s" is a common one,
    is read with "s"; a known word ("fort", "fans") is left alone."""
    if "f" not in tok or len(tok) < 4 or not tok.isalpha() or is_known_word(tok):
        return tok
    cands = [tok.replace("f", "s")]
    cands += [tok[:i] + "s" + tok[i + 1:] for i, c in enumerate(tok) if c == "f"]
    for c in cands:
        if word_frequency(c) >= LONG_S_ZIPF:
            return c
    return tok


def title_only(name: str) -> bool:
    """A mention that is an abbreviated title and nothing else ("M.", "MM.",
    "M ."): OCR and annotators cut names there; a title alone names nobody."""
    toks = fold_name(name).split()
    return bool(toks) and all(t in _ABBREVIATED or t + "." in _ABBREVIATED for t in toks)


def person_name(text: str) -> str:
    """The name part of a person mention: an apposition after a comma ("Ducrot,
    le commandant de Strasbourg", "Edith Mathis, soprano") and lower-case
    words before the name ("pauvre et vaillante Déjazet", "sept Sages") are no
    part of it; titles are left to :func:`strip_titles`."""
    parts = [p.strip() for p in text.split(",")]
    # the first part that holds a capitalised word: "voyageur lyonnais, M. de Monconis"
    text = next((p for p in parts if any(w[:1].isupper() for w in p.split())), text)
    toks = text.split()
    k = 0
    while k < len(toks) - 1 and toks[k][:1].islower() and toks[k].lower() not in _TITLES:
        k += 1
    return " ".join(toks[k:])


#: a name particle of one capital and an apostrophe ("O'Neill"), but not an
#: elided article or "of" word of the packs ("L'Espagne" is Espagne, "D'Orléans"
#: of Orléans)
_PARTICLE_LETTERS = "".join(sorted(
    set(string.ascii_uppercase) - {w.upper() for w in _ARTICLES | _OF if len(w) == 1}))
_PARTICLE = re.compile(rf"(?<![\w'’])([{_PARTICLE_LETTERS}])['’](?=[A-Z][a-z])")
_EOL_HYPHEN = re.compile(r"¬\s*(?=[A-ZÀ-Ý])")
_EOL_CUT = re.compile(r"¬\s*")


def unbreak(text: str) -> str:
    """A name as written before a scan's line break: the mark "¬" before a
    capital stands for a hyphen of the name ("New¬York", "Saint¬Nazaire"),
    before a lower-case letter for a word cut in two ("Allema¬gne")."""
    if "¬" not in text:
        return text
    return _EOL_CUT.sub("", _EOL_HYPHEN.sub("-", text))


@lru_cache(maxsize=100_000)
def key(name: str) -> str:
    """The matching key of a surface form (cached: every batch re-keys the
    aliases of the entities it is linked against). A lone abbreviated title
    has no key (it names nobody)."""
    if title_only(name):
        return ""
    name = gazetteer.us_state(name) or unbreak(name)
    # an Irish or Italian name particle, one capital and an apostrophe, is one
    # word with the name ("O'Neill", "D’Angelo"): keyed apart, "O" read as a
    # given name and "James O’Neill" no longer ended with the surname
    name = _PARTICLE.sub(r"\1", name)
    return " ".join(translit_token(long_s(t)) for t in fold_name(strip_titles(name)).split())


#: a Roman numeral after a full name: its generation ("IV"), in every language
_ROMAN = re.compile(r"[IVX]{1,4}")
_GENERATION = WORDS.generation_words


def is_generation(word: str) -> bool:
    """A word after a full name that says which generation of a family it is
    (a Roman numeral, or the packs' "Jr.", "Sr.", in any case, a comma after it
    allowed): no surname itself. One predicate for the entity step's surnames
    and the quote steps' unlisted people, which had decided it apart ("JR."
    and stacked generations were surnames in one and not the other)."""
    w = word.rstrip(",")
    return bool(_ROMAN.fullmatch(w)) or w.lower() in _GENERATION


def without_generation(words: list[str]) -> list[str]:
    """A full name's words without the generations after it ("Luther Stan Pate
    IV" ends with Pate, "Martin Luther King Jr." with King); two words are kept
    at least ("Elizabeth II" keeps its numeral: no surname to find)."""
    while len(words) > 2 and is_generation(words[-1]):
        words = words[:-1]
    return words


def is_patronymic(token: str) -> bool:
    return bool(_PATRONYMIC.search(token)) and token[:1].isupper()


#: Zipf frequency (log10 of uses per billion words) from which a written form
#: is a word of a language: 1.5 is about one use in 30 million words.
KNOWN_WORD_ZIPF = 1.5


@lru_cache(maxsize=50_000)
def word_frequency(word: str) -> float:
    """How common ``word`` is in the most common of the languages we read
    (wordfreq's packaged lists): a glued or misread scan ("Allemagnevoulût",
    "Esoagne") is no word of any, "Chinatown" or "Franco" are."""
    w = word.lower()
    return max((zipf_frequency(w, lang) for lang in SUPPORTED), default=0.0)


def is_known_word(word: str) -> bool:
    return word_frequency(word) >= KNOWN_WORD_ZIPF
