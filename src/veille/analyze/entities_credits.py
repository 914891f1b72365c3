"""Picture credits run into entity spans: cut once, in the entity stage.

Scraped pages run a photo's credit into its caption ("Getty Images Chicago
Cubs celebrate …", "Reuters Equifax claimed that …", "Getty Images Bodies
were seen …", a line "Getty." above a paragraph), and the recogniser reads
the credit as (part of) a name. Two readers care: the linker (an entity
"Getty Images Chicago Cubs" is neither the agency nor the team) and the
quote steps (a credit is nobody's voice, and no antecedent of the next
"he"). Both read the cut made here: the credit becomes an organisation of
its own (cue ``credit``, or :data:`CAPTION_CREDIT` where it sits in a
caption and says nothing), the name after it keeps its own mention, and the
quote steps drop the :data:`CAPTION_CREDIT` mentions
(:func:`voiced_mentions`) instead of cutting the credit a second time.

A credit is known by the agency names the furniture detector uses
(``lang.furniture_words.UNIVERSAL``, the same in every language), or as a
name of two words or more that the article's caption lines run into several
different names ("Usa Today Sports Chicago Cubs", "Usa Today Sports
Cleveland Cavaliers"), and by its place: the first words of a line, or
repeated over captions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from veille.analyze import gazetteer
from veille.analyze import labels as L
from veille.analyze.furniture import words_for
from veille.analyze.names import word_frequency
from veille.analyze.nlp import doc_text
from veille.core.model import Mention
from veille.lang.furniture_words import UNIVERSAL
from veille.lang.stop_words import spacy_stop_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The cue of a credit that sits in a caption and is nobody's voice (the
#: quote steps leave these mentions out; the linker reads them as any cue).
CAPTION_CREDIT = "caption-credit"
#: The cue of a person a picture credit names ("Paula Bronstein/Getty
#: Images"): the photographer, nobody of the story (no speaker, and the
#: linker files no record for them, so no chip).
PHOTOGRAPHER = "photographer"
#: The cue of an agency or platform the furniture detector's credits name
#: ("Getty Images", "Instagram"), written whole outside a credit: an
#: organisation (it may speak: "Twitter said"), whatever the model said.
AGENCY = "agency"
#: A word this common (wordfreq zipf) glued alone after a credit opens the
#: caption ("Twitter Bodies were seen …"), it names nobody.
COMMON_WORD_ZIPF = 3.5

_WORD = re.compile(r"\S+")
_CREDIT_WORD = re.compile(r"[\w&'’.-]+")
_W = L.WORDS

SentenceOf = Callable[[int], int]


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


def voiced_mentions(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` without the caption credits and photographers the entity
    stage marked: what the quote steps may read as speakers and antecedents."""
    return [m for m in mentions if m.label_cue not in (CAPTION_CREDIT, PHOTOGRAPHER)]


def split_glued_credits(out: list[Mention], full: str, offset: int,
                        sentence_of: SentenceOf) -> list[Mention]:
    """Cut a picture credit off the organisation or place that opens a
    caption ("Getty Images Chicago Cubs celebrate ...", "EPA Chicago Cubs
    manager ..."), which the model reads as one name beside the real one.

    Persons are cut by ``entities._split_glued_names``; this is the same
    evidence for the other labels. The span must open a line (where captions
    put the credit), what follows the credit must be a name of two
    capitalised words or more that the article also writes alone, and the
    credit must be a picture or wire agency's name (the furniture detector's
    list) or a name of two words or more the article's captions run into
    several different names ("Usa Today Sports Chicago Cubs", "Usa Today
    Sports Cleveland Cavaliers"), which is no place of the gazetteer ("New
    York Yankees", "New York Mets" share a city, not a credit)."""
    def opens_line(m: Mention) -> bool:
        k = max(m.start - offset, 0)
        return not full[full.rfind("\n", 0, k) + 1:k].strip(" \t")

    cands = [m for m in out if m.label != "PER" and len(m.text.split()) >= 3 and opens_line(m)]
    if not cands:
        return out
    alone: dict[str, list[str]] = {}
    for m in out:
        alone.setdefault(fold(m.text), []).append(m.label)
    rests: dict[str, set[str]] = {}
    for m in out:
        ws = m.text.split()
        if len(ws) < 4 or not opens_line(m):
            continue
        for k in range(2, len(ws) - 1):
            rests.setdefault(fold(" ".join(ws[:k])), set()).add(fold(" ".join(ws[k:])))
    repeated = {h for h, after in rests.items()
                if len(after) >= 2 and not gazetteer.country_code(h) and not gazetteer.major_city(h)}
    res: list[Mention] = []
    for m in out:
        cut = _glued_cut(m.text, alone, repeated) if any(m is c for c in cands) else None
        if cut is None:
            res.append(m)
            continue
        # the name keeps the label the article gives it alone ("Chicago Cubs"
        # an organisation where the model called the glued span MISC)
        labels = alone.get(fold(m.text[cut[1]:]), [])
        label = m.label if not labels or m.label in labels else max(labels, key=labels.count)
        for ps, pe, lab, cue in ((0, cut[0], "ORG", "credit"), (cut[1], len(m.text), label, None)):
            res.append(_piece(m, ps, pe, lab, cue if cue is not None else m.label_cue, sentence_of))
    return res


def _glued_cut(text: str, alone: dict[str, list[str]], repeated: set[str]) -> tuple[int, int] | None:
    """Where the credit ends and the name starts in a span, or None: the
    longest credit whose name after it the article writes alone (a repeated
    credit needs no more evidence)."""
    words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(text)]
    for k in range(len(words) - 2, 0, -1):
        head, rest = words[:k], words[k:]
        if not all(w[:1].isupper() for _, _, w in rest):
            continue
        h = fold(text[:head[-1][1]])
        r = fold(text[rest[0][0]:])
        if (h in UNIVERSAL.credits and r in alone) or h in repeated:
            return head[-1][1], rest[0][0]
    return None


def mark_caption_credits(mentions: Sequence[Mention], doc: Doc, offset: int,
                         sentence_of: SentenceOf) -> list[Mention]:
    """``mentions`` of the parsed piece ``doc`` (which starts at ``offset`` in
    the article) with the picture credits of its captions cut off and marked.

    A credit is cut off a mention that opens a line with it, or wherever the
    article runs it into several different words (a credit repeated over
    captions: "Getty Images Bodies", "Getty Images Victims"). A name glued
    after it ("Reuters Equifax") keeps its own mention when the article also
    writes it alone; a caption's first word ("Getty Images Witnesses
    described …") goes with the credit, unless the parse reads a proper name
    there ("Reuters Institute") and nothing else says it is a credit: then
    the span stays whole. The credit itself is an organisation marked
    :data:`CAPTION_CREDIT`; a lone credit is marked too unless it is the
    subject of its own clause ("Reuters reported", "… according to
    Reuters.")."""
    text = doc_text(doc)
    starts = [t.idx for t in doc]
    alone = {fold(m.text) for m in mentions}
    cuts = {id(m): _credit_end(m.text) for m in mentions}
    runs: dict[str, set[str]] = {}
    for m in mentions:
        cut = cuts[id(m)]
        if cut is not None:
            runs.setdefault(fold(m.text[:cut]), set()).add(fold(m.text[cut:]))
    out: list[Mention] = []
    for m in mentions:
        cut = cuts[id(m)]
        a, b = m.start - offset, m.end - offset
        if cut is None or a < 0 or b > len(text):
            out.append(m)
            continue
        opens_line = not text[text.rfind("\n", 0, a) + 1:a].strip()
        repeated = len(runs[fold(m.text[:cut])]) >= 2
        if not opens_line and not repeated:
            out.append(m)
            continue
        credit = _piece(m, 0, len(m.text[:cut].rstrip(" .-–—:|/")), "ORG", CAPTION_CREDIT,
                        sentence_of)
        rest = m.text[cut:].strip(" -–—:|/")
        if not rest:
            line_end = text.find("\n", b)
            after = text[b:line_end if line_end >= 0 else len(text)]
            if _speaks(after) or not opens_line and not after.lstrip()[:1].isupper():
                out.append(m)  # "Reuters reported …", "… according to Reuters."
            else:
                out.append(credit)
            continue
        k = m.text.index(rest, cut)
        pair = _coordinated(rest)
        if pair is not None:
            # "Facebook and Google workers launch …": two names, no credit
            head = m.text[:cut].rstrip(" .")
            second = m.start + k + pair
            out.append(Mention(head, m.label, m.start, m.start + len(head), m.sentence,
                               model_label=m.model_label, label_cue=m.label_cue))
            out.append(Mention(m.text[second - m.start:], m.label, second, m.end,
                               sentence_of(second), model_label=m.model_label,
                               label_cue=m.label_cue))
            continue
        if fold(rest) in alone:
            out.append(credit)
            out.append(Mention(rest, m.label, m.start + k, m.start + k + len(rest),
                               m.sentence, model_label=m.model_label, label_cue=m.label_cue))
            continue
        i = bisect.bisect_left(starts, a + k)
        if not repeated and i < len(doc) and doc[i].pos_ == "PROPN" and not (
                " " not in rest and word_frequency(rest) >= COMMON_WORD_ZIPF):
            out.append(m)  # "Reuters Institute": a name of its own ("Twitter Bodies": not)
        else:
            out.append(credit)  # the caption's first word goes with the credit
    mark_photographers(out, text, offset)
    _agencies_are_organisations(out)
    return furniture_free(out, text, offset, doc.lang_)


def is_agency(name: str) -> bool:
    """``name`` is the whole name of a picture or news agency the furniture
    detector knows ("Associated Press", "Getty Images", "Reuters")."""
    return _credit_end(name) == len(name.rstrip("."))


def _agencies_are_organisations(mentions: Sequence[Mention]) -> None:
    """A mention that is the whole name of a picture or news agency the
    furniture detector knows ("Getty Images", "Associated Press") is that
    organisation, whatever the model said: the model reads "Getty Images"
    as a person's name, and once the caption credits (which said ORG) file
    no record, those guesses alone would label the agency a person."""
    for m in mentions:
        if m.label in ("PER", "MISC") and m.label_cue != PHOTOGRAPHER \
                and is_agency(m.text):
            m.label = "ORG"
            m.label_cue = m.label_cue or AGENCY


#: A sentence's end before a name that closes its line: what is before the
#: name is a caption ("... (Kabul, March 1, 2002) Paula Bronstein").
_CAPTION_END = ".)]!?\"”’"
#: A name directly followed by "/" and an agency's or a paper's name that
#: closes the line: "Paula Bronstein/Getty Images", "Vjeran Pavic/The Verge",
#: "(Photo by Alex Wong/Getty Images)" (not "Addington Village / Harrington
#: Road.", a sentence's two places).
_SLASH_CREDIT = re.compile(r"\s?/\s?((?:[A-Z][\w&'’./-]*[ \t]*)+)[)\]]?[ \t]*$")


def mark_photographers(mentions: Sequence[Mention], text: str, offset: int) -> None:
    """Mark :data:`PHOTOGRAPHER` the persons a picture credit names: they
    took the picture, and are nobody of the story (no chip, no speaker).

    A person's name (or a name the model called MISC) is a credit when an
    agency's or a paper's name closing the line follows it after a slash
    ("Paula Bronstein/Getty Images", "Vjeran Pavic/The Verge"); a person's
    name is one when it closes a line after a
    caption's credit words ("... 2002) All photos Paula Bronstein", the
    pack's ``credit_words``), or when it closes two lines or more of the
    article right after a sentence's end (a gallery's captions signed by
    their photographer: "... (Kabul, March 1, 2002) Paula Bronstein" x16).
    A person inside a bracketed credit ("(AP Photo/Matt Rourke, File)", cue
    ``credit``) is one too. A name closing one line so is left alone: a
    quote's author under a pull quote, a signature."""
    closing: dict[str, list[Mention]] = {}
    for m in mentions:
        a, b = m.start - offset, m.end - offset
        if m.label == "PER" and m.label_cue == "credit":
            # inside a bracketed credit: "(AP Photo/Matt Rourke, File)",
            # "(Photo by Alex Wong/Getty Images)" (``entities.is_credit``)
            m.label_cue = PHOTOGRAPHER
            continue
        if m.label not in ("PER", "MISC") or m.label_cue is not None or a < 0 or b > len(text):
            continue
        line_end = text.find("\n", b)
        slash = _SLASH_CREDIT.match(text[b:line_end if line_end >= 0 else len(text)])
        if slash is not None and not slash.group(1).rstrip().endswith("."):
            m.label_cue = PHOTOGRAPHER
            continue
        if _opens_caption_credit(text, a, b) or (
                _after_agency_slash(text, a)
                and _credit_end(m.text) != len(m.text.rstrip("."))):  # "AFP/Getty Images"
            m.label_cue = PHOTOGRAPHER
            continue
        if m.label != "PER" or m.label_cue is not None:
            continue
        if text[b:line_end if line_end >= 0 else len(text)].strip(" \t.\u00a0"):
            continue
        before = text[text.rfind("\n", 0, a) + 1:a].rstrip()
        cut = max(before.rfind(c) for c in _CAPTION_END)
        if cut < 0:
            continue
        gap = fold(before[cut + 1:]).split()
        if not gap:
            closing.setdefault(fold(m.text), []).append(m)
        elif len(gap) <= 3 and any(w.strip(":") in _W.credit_words for w in gap) and all(
                w.strip(":") in _W.credit_words or len(w) <= 3 for w in gap):
            m.label_cue = PHOTOGRAPHER
    for ms in closing.values():
        if len({text.rfind("\n", 0, m.start - offset) for m in ms}) >= 2:
            for m in ms:
                m.label_cue = PHOTOGRAPHER


#: "/" between a photographer and the agency of a credit
_SLASH = re.compile(r"[ \t]?/[ \t]?")


def _opens_caption_credit(text: str, a: int, b: int) -> bool:
    """A name opening its line, then "/" and an agency of the credit list, then
    the caption ("Kim Kyung Hoon / Reuters A man walks past a TV set"): the
    photographer's credit opens the caption, so the line goes on after it
    (an agency that speaks, "Reuters reported", is no credit)."""
    if text[text.rfind("\n", 0, a) + 1:a].strip(" \t\u00a0"):
        return False
    sl = _SLASH.match(text, b)
    if sl is None:
        return False
    le = text.find("\n", sl.end())
    rest = text[sl.end():le if le >= 0 else len(text)]
    end = _credit_end(rest)
    return end is not None and not _speaks(rest[end:])


def _after_agency_slash(text: str, a: int) -> bool:
    """A name right after an agency of the credit list and "/": "REUTERS/Kim
    Kyung-Hoon TPX IMAGES OF THE DAY", "Reuters / Issei Kato" (the agency's
    own form of the credit, the photographer second)."""
    before = text[text.rfind("\n", 0, a) + 1:a].rstrip(" \t")
    if not before.endswith("/"):
        return False
    words = before[:-1].split()
    for k in range(min(3, len(words)), 0, -1):
        head = " ".join(words[-k:])
        if _credit_end(head) == len(head):
            return True
    return False


@lru_cache(maxsize=16)
def _furniture_re(language: str) -> re.Pattern[str] | None:
    phrases = words_for(language).phrases
    if not phrases:
        return None
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(f"(?<!\\w)(?:{alts})(?!\\w)", re.IGNORECASE)


def furniture_free(mentions: Sequence[Mention], text: str, offset: int,
                   language: str) -> list[Mention]:
    """``mentions`` without those made only of page furniture's words (the
    furniture detector's phrases of the text's language): "Advertisement
    Continue" of "Advertisement Continue reading the main story" is the
    page's, no organisation, and so is "Continue Reading Below" (the rest a
    stop word of the language). A name holding such a word among other
    names ("the National Archives") stays."""
    rx = _furniture_re(language)
    if rx is None:
        return list(mentions)
    stops = spacy_stop_words(language)
    out: list[Mention] = []
    for m in mentions:
        a, b = m.start - offset, m.end - offset
        if a < 0 or b > len(text):
            out.append(m)
            continue
        ls = text.rfind("\n", 0, a) + 1
        le = text.find("\n", b)
        line = text[ls:le if le >= 0 else len(text)]
        covered = [(x.start() + ls, x.end() + ls) for x in rx.finditer(line)]
        words = [(w.start() + a, w.end() + a) for w in _WORD.finditer(m.text)]
        # a function word beside the phrase is the page's too ("Continue
        # Reading Below": "continue reading" + "below")
        inside = [any(s <= ws and we <= e for s, e in covered) for ws, we in words]
        if not any(inside) or not all(
                ok or text[ws:we].casefold() in stops
                for ok, (ws, we) in zip(inside, words, strict=True)):
            out.append(m)
    return out


def _coordinated(rest: str) -> int | None:
    """Where the second name starts when ``rest`` (what follows an agency's
    name in a span) is a list joiner of some language and a capitalised name
    ("and Google", "& Twitter"), or None: a credit is never listed with
    another name ("AFP or licensors It is …" has a lower-case word after)."""
    words = rest.split()
    if len(words) < 2 or not (words[0] == "&" or words[0] in _W.list_joiners):
        return None
    if not all(w[:1].isupper() for w in words[1:]):
        return None
    return rest.index(words[1], len(words[0]))


def _piece(m: Mention, ps: int, pe: int, label: str, cue: str | None,
           sentence_of: SentenceOf) -> Mention:
    start = m.start + ps
    n = Mention(text=m.text[ps:pe], label=label, start=start, end=m.start + pe,
                sentence=sentence_of(start))
    n.model_label = m.model_label
    n.label_cue = cue
    return n


def _credit_end(name: str) -> int | None:
    """Where the longest credit the name opens with ends, or None."""
    words = list(_CREDIT_WORD.finditer(name))
    for k in range(min(3, len(words)), 0, -1):
        head = name[:words[k - 1].end()].rstrip(".")
        if fold(head) in UNIVERSAL.credits:
            return words[k - 1].end()
    return None


def _speaks(after: str) -> bool:
    """Does a lone credit go on as a clause's subject ("Reuters reported …",
    "AP said")? A caption's credit is followed by nothing, a point, a dash
    or the caption's first capitalised word ("Getty Images Bodies are …",
    "AFP or licensors It is feared …")."""
    rest = after.lstrip(" \t\u00a0")
    if not rest or rest[0] in ".-–—|/:,":
        return False
    first = _CREDIT_WORD.match(rest)
    if first is None or first.group()[:1].isupper():
        return False
    # "AFP or licensors It is …", "Getty - Contributor …": a lower-case word of
    # the credit itself, then a capitalised one opening the caption
    return not re.match(r"(?:or|and|via|/)\s+\w+\s+[A-Z]", rest)


#: The cue of a person named on a byline or an author's note: the writer of
#: the piece, no person of its story (the linker lets no lone surname of
#: another article join a person known only from such lines).
BYLINE = "byline"
#: How many lines at each edge of an article a byline or an author's note sits
#: on: the first two ("By X, CNN", a columnist's note above the story, under
#: the headline) and the last two ("(Reporting by X; Editing by Y)").
BYLINE_EDGE = 2
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_BYLINE_WORDS = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(_W.byline_words, key=len, reverse=True))
    + r")(?!\w)") if _W.byline_words else re.compile(r"(?!)")


def mark_bylines(mentions: Sequence[Mention], text: str,
                 sentences: Sequence[tuple[int, int]]) -> None:
    """Mark (cue :data:`BYLINE`) the persons named in a newsroom sentence (one
    holding a byline word of the packs) on a line at an article's edge, if the
    article names them nowhere else: the writer of a piece ("Kelly Wallace is
    CNN's digital correspondent ..." above her column, "(Reporting by X;
    Editing by Y)") is not a person of its story. ``sentences`` are the
    article's (start, end) offsets. A person of the story named on the same
    line, in another sentence ("... met its president, Tayyip Erdogan.
    (Reporting by ...)"), or named in the body too, is left alone."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    edge = lines[:BYLINE_EDGE] + lines[-BYLINE_EDGE:]
    spans = [(a, b) for a, b in sentences
             if any(la <= a < lb for la, lb in edge) and _BYLINE_WORDS.search(fold(text[a:b]))]
    if not spans:
        return

    def on_edge(m: Mention) -> bool:
        return any(a <= m.start and m.end <= b for a, b in spans)

    body = {w for m in mentions if m.label == "PER" and not on_edge(m)
            for w in fold(m.text).split()}
    for m in mentions:
        words = fold(m.text).split()
        if m.label == "PER" and m.label_cue is None and len(words) >= 2 and on_edge(m) \
                and words[-1] not in body:
            m.label_cue = BYLINE
