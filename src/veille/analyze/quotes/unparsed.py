"""Quotes of a text no parser reads: quote marks and the incise around them.

For a language with no spaCy pipeline (German, Spanish, Italian, Polish,
Russian… in veille today) there is no subject, lemma or clause to attribute a
quotation with. News copy still marks attribution by typography the same way
in all of them: the quotation, a comma, a reporting verb and who spoke after
it (an incise); who spoke, a reporting verb and a colon before it; or a
preposition of attribution next to a name. The reporting words come from
``veille.lang.incise_words``. A quotation with no such cue is left out:
without a parse it may as well be a title or a scare-quoted word, and a
speakerless, cueless list would only add noise to "who said what".

The speaker is the run of capitalised words (with name particles: "von der",
"de") right after the verb or preposition, or right before the verb of a
lead-in; a leading common noun is a role, not part of the name ("erklärt
Regisseur Porumboiu": a frequent word of the language that is no given name,
by wordfreq and gender-guesser). A role noun alone ("dijo el presidente")
gives the quote its cue but no speaker. An incise with no name ("dijo.",
Spanish and Italian drop the subject; "sagte sie") carries the last named
speaker of the article when that quote is close before it and the pronoun,
if any, agrees with the speaker's given name: news copy quotes one speaker
in a run ("..., dijo Hettema. «Hemos visto ...», dijo.").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from veille.analyze.quotes.gender import given_name_gender, known_given_name
from veille.analyze.quotes.marks import find_quote_spans
from veille.core.model import Quote
from veille.lang.incise_words import (
    ACCORDING_TO,
    INCISE_PRONOUNS,
    NAME_PARTICLES,
    VERBS,
    WEAK_PARTICLES,
)

WINDOW = 80  # characters read after a quotation for its incise, before it for a lead-in
MAX_NAME_WORDS = 5
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)  # no full stop: it ends a name
APPOSITION_WORDS = 8  # "dijo el presidente de la Orquesta, Daniel Froschauer"
#: how far after the end of the last attributed quote a nameless incise still
#: carries its speaker (about two short paragraphs of wire copy)
CARRY_CHARS = 500
#: a word at least this frequent in the language (wordfreq's Zipf scale: about
#: once in 30,000 words) that is no given name is a common noun: a role
ROLE_ZIPF = 3.5


def quotes_without_parse(text: str, language: str | None,
                         sentence_of: Callable[[int], int]) -> tuple[list[Quote], list[str]]:
    """(quotes with a reporting cue, notes on the quote marks) of ``text``."""
    spans, notes = find_quote_spans(text)
    verbs = VERBS.get(language or "")
    preps = ACCORDING_TO.get(language or "", frozenset())
    if not verbs:
        return [], notes
    out = []
    last: Quote | None = None  # the last quote with a named speaker
    for open_, s, e, close_end in spans:
        words = text[s:e].split()
        if len(words) < 3:  # a name, a title, a scare-quoted word
            continue
        cue = _after(text, close_end, verbs, preps) or _before(text, open_, verbs)
        if cue is None:
            continue
        cue_start, cue_end, speaker, sp_start, sp_end = cue
        if speaker is not None and sp_start is not None:
            speaker, sp_start = _without_role(speaker, sp_start, language)
        q = Quote(
            text=text[s:e], start=s, end=e, sentence=sentence_of(s), kind="direct",
            speaker=speaker, verb=text[cue_start:cue_end], cue="incise-unparsed",
            method="marks+cue", confidence=0.6 if speaker else 0.4,
            speaker_start=sp_start, speaker_end=sp_end, cue_start=cue_start,
            cue_end=cue_end, resolution="named" if speaker else None)
        if speaker is None:
            named = _last_named(text, q.start, verbs, last, language)
            if named is not None and _agrees(text, named, q, language):
                q.speaker, q.resolution, q.confidence = named, "carried", 0.45
        else:
            last = q
        out.append(q)
    return out, notes


def _last_named(text: str, start: int, verbs: frozenset[str], last: Quote | None,
                language: str | None) -> str | None:
    """The speaker an incise named last before ``start``, within CARRY_CHARS:
    of a quote (``last``) or of reported speech with no quote marks ("...,
    dijo Hettema.", "Schmidt-Burbach ha affermato che ...")."""
    lo = max(0, start - CARRY_CHARS)
    best: tuple[int, str] | None = None
    if last is not None and last.speaker and last.end >= lo:
        best = (last.end, last.speaker)
    window = text[lo:start]
    for m in _verbs_rx(verbs).finditer(window):
        at = lo + m.start()
        if best is not None and at <= best[0]:
            continue
        name = (_name_at(text, lo + m.end()) or _role_then_name(text, lo + m.end())
                or _name_before(text, at))
        if name is not None and name[1] < start \
                and not any(_role_word(w, language) for w in name[0].split()):
            # each word a given name or a rare one: a person's name, not a noun
            # German capitalises ("erklärte Rücktritt")
            best = (at, name[0])
    return best[1] if best else None


@lru_cache(maxsize=32)
def _verbs_rx(verbs: frozenset[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)


def _without_role(name: str, start: int, language: str | None) -> tuple[str, int]:
    """"Regisseur Porumboiu" -> "Porumboiu": leading words that are frequent
    words of the language and no given name are a role before the name."""
    words = name.split(" ")
    while len(words) > 1 and _role_word(words[0], language):
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


def _role_word(word: str, language: str | None) -> bool:
    """A frequent word of the language that is no given name ("Regisseur",
    "Rücktritt"): a role or a noun, not part of a person's name. With no
    language there is no word list to tell by: never."""
    from wordfreq import zipf_frequency  # lazy: its tables load on first use

    if not language:
        return False
    return not known_given_name(word) and zipf_frequency(word.lower(), language) >= ROLE_ZIPF


def _agrees(text: str, speaker: str, q: Quote, language: str | None) -> bool:
    """A pronoun after the incise's verb, if any, is of ``speaker``'s gender
    (by the given name; an unknown name agrees with either)."""
    if q.cue_end is None:
        return True
    after = re.match(r"\s*([^\W\d_]+)", text[q.cue_end:q.cue_end + 20])
    pronoun = INCISE_PRONOUNS.get(language or "", {}).get(after.group(1).lower()) \
        if after else None
    if pronoun is None:
        return True
    gender = given_name_gender(speaker)
    return gender is None or gender == pronoun


Cue = tuple[int, int, str | None, int | None, int | None]


def _after(text: str, pos: int, verbs: frozenset[str], preps: frozenset[str]) -> Cue | None:
    """„…“, sagte Angela Merkel / "…", dijo el presidente / «…», secondo Conte."""
    m = re.match(r"[ \t]*[,–—-]?[ \t]*", text[pos:pos + WINDOW])
    at = pos + (m.end() if m else 0)
    rest = text[at:at + WINDOW]
    for form, needs_name in [(v, False) for v in verbs] + [(p, True) for p in preps]:
        if rest[:len(form)].lower() == form and _boundary(rest, len(form)):
            name = _name_at(text, at + len(form))
            if name is None and needs_name:
                continue
            if name is None:
                name = _apposition(text, at + len(form)) or _role_then_name(text, at + len(form))
            sp, a, b = name if name else (None, None, None)
            return at, at + len(form), sp, a, b
    return None


def _before(text: str, pos: int, verbs: frozenset[str]) -> Cue | None:
    """Angela Merkel sagte: „…“ (the verb ends right before a colon)."""
    head = text[max(0, pos - WINDOW):pos]
    m = re.search(r"(\S+(?: \S+)?)[ \t]*:[ \t]*$", head)
    if m is None:
        return None
    base = pos - len(head)
    tail = head[:m.end(1)]
    for form in verbs:
        n = len(form)
        if tail[-n:].lower() == form and (len(tail) == n or not tail[-n - 1].isalnum()):
            v_start = base + m.end(1) - n
            name = _name_before(text, v_start)
            sp, a, b = name if name else (None, None, None)
            return v_start, v_start + n, sp, a, b
    return None


def _boundary(s: str, i: int) -> bool:
    return i >= len(s) or not s[i].isalnum()


def _name_at(text: str, pos: int) -> tuple[str, int, int] | None:
    """The capitalised words starting at ``pos`` (after spaces), particles inside."""
    words: list[re.Match[str]] = []
    for m in _WORD.finditer(text, pos, min(len(text), pos + WINDOW)):
        gap = text[(words[-1].end() if words else pos):m.start()]
        if gap.strip():  # punctuation ends the name
            break
        w = m.group()
        if not (w[0].isupper() or _particle(w, words)):
            break
        words.append(m)
        if len(words) >= MAX_NAME_WORDS:
            break
    while words and not words[-1].group()[0].isupper():
        words.pop()
    if not words:
        return None
    a, b = words[0].start(), words[-1].end()
    return text[a:b], a, b


def _apposition(text: str, pos: int) -> tuple[str, int, int] | None:
    """A role noun, a comma and a full name: "dijo el líder del Congreso,
    Digvijaya Singh". Only a name of two words or more (a lone capitalised word
    after a comma may be a place or a new clause), within a few words, with no
    sentence end between."""
    head = text[pos:pos + WINDOW]
    comma = head.find(",")
    if comma < 0 or len(head[:comma].split()) > APPOSITION_WORDS or re.search(r"[.!?;:]", head[:comma]):
        return None
    name = _name_at(text, pos + comma + 1)
    if name is None or len(name[0].split()) < 2:
        return None
    return name


def _role_then_name(text: str, pos: int) -> tuple[str, int, int] | None:
    """"dijo el teniente Pete Hettema", "sagte der Sprecher Ralf Jürgens": a
    few lower-case words (an article and a role), then a name whose first word
    is a given name (gender-guesser's lists): a capitalised word after a role
    alone may be an institution ("dijo el ministerio de Salud")."""
    m = re.match(r"(?:[ \t]+[^\W\d_A-ZÀ-Þ][\w'’-]*){1,4}[ \t]+", text[pos:pos + WINDOW])
    if m is None:
        return None
    name = _name_at(text, pos + m.end())
    if name is None or len(name[0].split()) < 2 or not known_given_name(name[0].split()[0]):
        return None
    return name


def _particle(w: str, before: list[re.Match[str]]) -> bool:
    """A name particle inside a name: "de", "von", "van" after a name word; an
    article-like one ("der", "la", "das") only right after another particle
    ("von der Leyen", "de la Cruz"): after a bare name it is the article of
    what follows ("sagte Mussawi der Staatsagentur")."""
    lw = w.lower()
    if lw not in NAME_PARTICLES or not before:
        return False
    return lw not in WEAK_PARTICLES or before[-1].group().lower() in NAME_PARTICLES


def _name_before(text: str, end: int) -> tuple[str, int, int] | None:
    """The capitalised words ending right before ``end`` (the verb)."""
    words = [m for m in _WORD.finditer(text, max(0, end - WINDOW), end)]
    name: list[re.Match[str]] = []
    for m in reversed(words):
        gap = text[m.end():(name[0].start() if name else end)]
        if gap.strip():
            break
        w = m.group()
        if w[0].isupper() or (w.lower() in NAME_PARTICLES and name):
            name.insert(0, m)
        else:
            break
        if len(name) >= MAX_NAME_WORDS:
            break
    while name and not name[0].group()[0].isupper():
        name.pop(0)
    for i in range(len(name) - 1, 0, -1):  # "Mussawi der Staatsagentur sagte": no name
        if not (name[i].group()[0].isupper() or _particle(name[i].group(), name[:i])):
            name = name[i + 1:]
            break
    if not name:
        return None
    return text[name[0].start():name[-1].end()], name[0].start(), name[-1].end()
