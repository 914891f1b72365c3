"""Named-entity mentions from a parsed Doc, cleaned and with label evidence.

The model's spans are good but untidy for linking: French spans often carry an
article or preposition ("l’OTAN", "de Russie"), photo credits glue a person to
an agency ("Roman Chop/Associated Press"), and some labels are plainly wrong
given the words around the name. Each correction below is a general rule about
news prose, recorded on the mention (``label_cue``) so that the linker can
weigh cue evidence above the bare model label; the words the rules read
(titles, place nouns, ...) come from the language packs
(:class:`veille.lang.entity_words.EntityWords`).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from cleanco.termdata import terms_by_type
from wordfreq import zipf_frequency

from veille.analyze import gazetteer
from veille.analyze import labels as L
from veille.analyze.nlp import doc_text
from veille.core.model import Mention
from veille.lang import PACKS, SUPPORTED

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_W = L.WORDS


def _elision_pattern(elisions: tuple[str, ...]) -> re.Pattern[str]:
    """'l’OTAN' tokenised as one token: the elided word before the apostrophe
    (a one-letter one in either case, as it starts a sentence: 'L’OTAN')."""
    alts = [f"[{e}{e.upper()}]" if len(e) == 1 else re.escape(e) for e in elisions]
    return re.compile(f"^(?:{'|'.join(alts)})['’]" if alts else r"(?!)")


_ELIDED = _elision_pattern(_W.elisions)
_LEADING_WORDS = _W.leading_words
_POSSESSIVES = _W.possessives
_TITLES = _W.titles


#: Legal forms of companies in every jurisdiction cleanco knows ("Inc.", "GmbH",
#: "SA", "S.p.A.", "Ltd", "Company"), longest first: a name ending with one is an
#: organisation whatever the model said ("Qualcomm Inc" tagged PER).
_LEGAL_FORMS = tuple(sorted({t.strip() for ts in terms_by_type.values() for t in ts if t.strip()},
                            key=lambda t: (-len(t), t)))


def legal_form(text: str) -> str | None:
    """The legal form ``text`` (a name of two words or more) ends with, as written.

    Written as a legal form is: capitalised, and all capitals when it is two
    letters or less ("SA", "AG"; never the words "et", "da" of a sentence).
    An abbreviation's dot is optional ("Ltd." as "Ltd")."""
    form = _legal_form(text)
    if form is None and text.endswith("."):
        form = _legal_form(text[:-1])
        return form + "." if form else None
    return form


def _legal_form(text: str) -> str | None:
    low = text.lower()
    for term in _LEGAL_FORMS:
        if not low.endswith(term) or len(low) <= len(term) or not low[-len(term) - 1].isspace():
            continue
        written = text[-len(term):]
        letters = [c for c in written if c.isalpha()]
        if not letters or not written[0].isupper():
            continue
        if len(letters) <= 2 and not all(c.isupper() for c in letters):
            continue
        if not text[: -len(term)].strip():
            continue
        return written
    return None


def sentence_index_of(starts: list[int], pos: int) -> int:
    """Index of the sentence holding char ``pos`` given sorted sentence starts."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _trim(span: Span) -> tuple[int, int] | None:
    """Token range of ``span`` without leading function words/trailing punctuation."""
    i, j = span.start, span.end
    doc = span.doc
    while i < j:
        t = doc[i]
        low = t.text.lower().rstrip("'’")
        if t.is_punct or t.is_space or low in _LEADING_WORDS or (
            t.pos_ in ("DET", "ADP") and not t.text[:1].isupper()
        ):
            i += 1
            continue
        if t.pos_ in ("DET", "ADP") and low in _LEADING_WORDS:
            i += 1
            continue
        break
    # trailing punctuation, and the English possessive: "South Korea's" names
    # South Korea (an entity of its own otherwise, next to "South Korea")
    while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space
                     or doc[j - 1].text.lower() in _POSSESSIVES):
        j -= 1
    return (i, j) if j > i else None


def _char_span(doc: Doc, i: int, j: int, full: str) -> tuple[int, int, str]:
    start = doc[i].idx
    end = doc[j - 1].idx + len(doc[j - 1].text)
    text = full[start:end]
    m = _ELIDED.match(text)
    if m:  # "l’OTAN" tokenised as one token
        start += m.end()
        text = text[m.end():]
    return start, end, text


def _looks_like_name(doc: Doc, i: int, j: int, text: str) -> bool:
    """A mention must start like a name; multiword spans need a proper noun.

    Drops model noise such as "Un missile balistique" or "État ukrainien":
    a capitalised common noun followed only by lowercase words is a description.
    """
    toks = [t for t in doc[i:j] if not t.is_punct]
    if not text:
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        # "mer Noire", "golfe Persique": a lowercase generic then a capitalised name
        return len(toks) >= 2 and toks[0].pos_ == "NOUN" and toks[-1].text[:1].isupper()
    if len(toks) <= 1:
        return True
    if any(t.pos_ == "PROPN" for t in toks):
        return True
    return any(t.text[:1].isupper() for t in toks[1:])


def _prev_words(doc: Doc, i: int, n: int = 3) -> list[str]:
    out: list[str] = []
    k = i - 1
    while k >= 0 and len(out) < n:
        t = doc[k]
        if not t.is_space:
            out.append(t.text.lower().rstrip("'’"))
        k -= 1
    return out  # nearest first


def _cue_label(doc: Doc, i: int, j: int, label: str) -> tuple[str, str] | None:
    """A label implied by the words right before the mention, with the cue name."""
    prev = _prev_words(doc, i, 4)
    if not prev:
        return None
    p0 = prev[0]
    cut = p0.rfind(".", 0, len(p0) - 1)
    if cut >= 0 and p0[cut + 1:] in _TITLES:
        p0 = p0[cut + 1:]  # "80.M. Rochette": a title glued to the figure before it by OCR
    p1 = prev[1] if len(prev) > 1 else ""
    p2 = prev[2] if len(prev) > 2 else ""
    # "(Photo: AP)", "(Photo : Reuters)"
    if p0 == ":" and p1 in _W.credit_words:
        return ("ORG", "credit")
    # "le président X", "M. X", "son homologue X", "le président russe X"
    if p0 in _TITLES or (doc[i - 1].pos_ == "ADJ" and p1 in _TITLES):
        return ("PER", "title")
    if label != "PER" and _in_title_list(doc, i):
        return ("PER", "title-list")
    # "la résidence X", "la ville de X", "la région de Lougansk"
    if p0 in _W.place_nouns or (p0 in _W.of_words and p1 in _W.place_nouns):
        return ("LOC", "place-noun")
    # "au sud d'X", "près de X" (only overrides MISC: "près de l'OTAN" stays ORG)
    if label == "MISC" and (p0 in _W.spatial or (p0 in _W.of_words and p1 in _W.spatial)):
        return ("LOC", "spatial")
    # "selon une transcription du X", "le porte-parole du X": a speaking institution
    if label == "LOC" and p0 in _W.source_links and (
        p1 in _W.source_nouns or (p1 in _W.source_articles and p2 in _W.source_nouns)
    ):
        return ("ORG", "source-noun")
    return None


#: How many tokens back a list of names is followed to the plural title opening it.
_LIST_REACH = 150


def _in_title_list(doc: Doc, i: int) -> bool:
    """The name at token ``i`` is an item of a list of persons a plural title
    opens: "MM. de Rabours et Sigg (Genève), Chuard (Sion), Maunoir (Lugano)".
    Back from the name: separators (commas, list joiners), capitalised words and
    name particles, and a short bracketed group after each item (a town, a
    party) are crossed; anything else (a verb, a full stop) ends the walk."""
    k = i - 1
    depth = 0
    steps = 0
    while k >= 0 and steps < _LIST_REACH:
        t = doc[k]
        low = t.text.lower()
        steps += 1
        if t.is_space:
            k -= 1
            continue
        if t.text in (")", "}", "]"):
            depth += 1
        elif t.text[:1] in ("(", "{", "["):  # OCR reads a bracket as a brace: "{Sion)"
            depth -= 1
            if depth < 0:
                return False
        elif depth:
            pass  # inside brackets: a town, a party, a score
        elif low in _W.plural_titles:
            return True
        elif t.text in (",", ";") or low in _W.list_joiners or low in _W.of_words \
                or low in _LEADING_WORDS:
            pass
        elif _INITIAL.match(t.text) or t.text in ("'", "’") or (
                t.text[:1].isupper() and t.text.endswith(".") and len(t.text) <= 5):
            pass  # "F. de Rabours", "Aug. Leuba", "Alfred JatOn'"
        elif t.is_punct or any(c in t.text for c in ".—:!?«»"):
            return False  # a full stop, a dash, a colon: the list ended there
        elif not t.text[:1].isupper() or t.is_sent_start:
            return False
        k -= 1
    return False


def mentions_from_doc(
    doc: Doc,
    sent_starts: list[int],
    label_map=L.map_label,
    offset: int = 0,
) -> list[Mention]:
    """Clean mentions of ``doc``; char offsets shifted by ``offset``."""
    out: list[Mention] = []
    full = doc_text(doc)  # doc.text is built on each access
    known_words: set[str] = set()  # the text's capitalised words, read once if needed
    for ent in doc.ents:
        label = label_map(ent.label_)
        if label is None:
            continue
        pieces = [(i2, j2, lab) for i, j, lab in _split_credit(doc, ent, label)
                  for i2, j2 in _split_separators(doc, i, j)]
        for i, j, lab in pieces:
            rng = _trim(doc[i:j])
            if rng is not None:
                rng = _cut_numbers(doc, *rng, lab)
            if rng is None:
                continue
            a, b = rng
            a, lab, title_cue = _strip_title_prefix(doc, a, b, lab)
            if lab == "PER":
                # "M. Barry", "président Vladimir Poutine": the title is a cue, not the name
                while b - a > 1 and doc[a].text.lower() in _TITLES and doc[a + 1].text[:1].isupper():
                    a += 1
                a = _with_initials(doc, a)
            start, end, text = _char_span(doc, a, b, full)
            if not _looks_like_name(doc, a, b, text):
                continue
            pieces_ = _ocr_pieces(text, lab, doc.lang_, full, known_words)
            if pieces_ is not None:
                # a scan glued a neighbour word to the name, or ran two names
                # together over a verb: the names, without the glue
                for ps, pe in pieces_:
                    m = Mention(text=text[ps:pe], label=lab, start=start + ps + offset,
                                end=start + pe + offset,
                                sentence=sentence_index_of(sent_starts, start + ps + offset))
                    m.model_label = lab
                    m.label_cue = None
                    out.append(m)
                continue
            cue = ("PER", "title") if title_cue else _cue_label(doc, a, b, lab)
            if cue is None and legal_form(text):
                cue = ("ORG", "legal-form")
            if cue is None and lab != "LOC" and _is_country(text, lab):
                cue = ("LOC", "gazetteer")
            if cue is None and lab in ("PER", "ORG") and is_credit(full, start, end):
                cue = (lab, "credit")
            m = Mention(
                text=text,
                label=cue[0] if cue else lab,
                start=start + offset,
                end=end + offset,
                sentence=sentence_index_of(sent_starts, start + offset),
            )
            m.model_label = lab
            m.label_cue = cue[1] if cue else None
            out.append(m)
    return out


#: Zipf frequency (wordfreq, the text's language) from which a lower-case tail
#: glued to a name by OCR is a word of the sentence ("à", "la", "sans", "sont",
#: "pouvait"): common words only, so that a name ending like a rarer word
#: ("Neuveville", "Sutermeister") is never cut.
GLUED_TAIL_ZIPF = 4.5
#: ... and from which a lower-case word inside a person's name is a word of the
#: sentence ("Paul Deschanel recevra M. Wilson"), when it has 4 letters or more
#: (name particles are shorter: de, dos, von, van, der, ibn).
INNER_WORD_ZIPF = 3.5
_WORD = re.compile(r"\S+")
_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-Ý][^\W\d_]+(?![\w-])")


def _zipf(word: str, lang: str) -> float:
    from veille.analyze.names import long_s  # names reads this module's words
    w = long_s(word.lower().replace("¬", ""))
    return zipf_frequency(w, lang if lang in SUPPORTED else "fr")


def _ocr_pieces(text: str, label: str, lang: str, full: str,
                known: set[str]) -> list[tuple[int, int]] | None:
    """The names a mention holds once the glue of a scan is taken out, as
    offsets in ``text``; None when there is nothing to take out.

    Old newspapers' OCR drops spaces: "Allemagneà la France", "Angersla",
    "Sorbonnepouvait", "Banque de France.prés", and the model takes the glued
    word into the name, or two names and the verb between them into one
    person ("Paul Deschanel recevra M. Wilson"). A glued word is cut only on
    evidence: the name before the glue is written alone elsewhere in the text
    (or is a country of the gazetteer), the glued tail is a common word of the
    text's language, and the whole is no word; a lower-case common word of 4
    letters or more splits a person's name. What follows the glue is a name of
    its own when it starts with a capital once articles are dropped."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    cut: tuple[int, int] | None = None  # (end of the name before, start of what follows)
    for i, (ws, we, w) in enumerate(words):
        core = w.rstrip(".,;:")
        if i > 0 and label == "PER" and core.islower() and len(core.replace("¬", "")) >= 4 \
                and core not in _LEADING_WORDS and _zipf(core, lang) >= INNER_WORD_ZIPF:
            cut = (words[i - 1][1], we)
            break
        if "." in core[1:-1]:  # "France.prés": a full stop with no space after it
            head, _, tail = core.partition(".")
            if head[:1].isupper() and tail.isalpha() and tail.islower() \
                    and _zipf(tail, lang) >= INNER_WORD_ZIPF:
                cut = (ws + len(head), we)
                break
        # a nationality or adjective (MISC) is a derived word, not a glued one:
        # "Zairean" beside "Zaire" is no "Zaire an"
        if label == "MISC" or not core[:1].isupper() or not core.isalpha() or core.isupper():
            continue
        from veille.analyze.names import is_known_word
        if is_known_word(core):
            continue
        for k in range(len(core) - 1, 2, -1):
            head, tail = core[:k], core[k:]
            # a one-letter ASCII tail is a name's own ending far more often than
            # a glued word ("Dudayeva" beside "Dudayev": his wife, not "Dudayev a")
            if not tail.islower() or (len(tail) == 1 and tail.isascii()) \
                    or _zipf(tail, lang) < GLUED_TAIL_ZIPF:
                continue
            if not known:
                known.update(_CAPITALISED.findall(full))
            # (a city's name is no evidence: GeoNames' alternate names are many
            # and short: "Hims", "Sido")
            if head in known or gazetteer.country_code(head):
                cut = (ws + k, we)
                break
        if cut:
            break
    if cut is None:
        cut = _case_cut(words, label)
    if cut is None:
        return None
    out: list[tuple[int, int]] = []
    if cut[0] > 0:
        out.append((0, cut[0]))
    rest = [(ws, we, w) for ws, we, w in words if ws >= cut[1]]
    while rest and not rest[0][2][:1].isupper():
        rest = rest[1:]
    if rest:
        tail_pieces = _ocr_pieces(text[rest[0][0]:], label, lang, full, known)
        base = rest[0][0]
        out += ([(base + a, base + b) for a, b in tail_pieces] if tail_pieces is not None
                else [(base, len(text))])
    return out


def _is_caps(w: str) -> bool:
    letters = [c for c in w if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _is_title_case(w: str) -> bool:
    return w[:1].isupper() and any(c.islower() for c in w[1:])


def _case_cut(words: list[tuple[int, int, str]], label: str) -> tuple[int, int] | None:
    """A headline or dateline run into a name: a word in capitals opening a
    person's full name in ordinary case ("BECK Heinrich Sutermeister"; not an
    organisation's acronym: "BBC News"), or a place in
    capitals closing one that is no person's ("Kellogg PARIS"). A surname in
    capitals after given names ("Jean DUPONT", "John dos PASSOS") is how
    French prints names, and stays."""
    if len(words) < 2:
        return None
    if label == "PER" and len(words) >= 3 and _is_caps(words[0][2]) and all(
            _is_title_case(w) for _, _, w in words[1:]):
        return (words[0][1], words[1][0])
    last = words[-1][2]
    if label != "PER" and _is_caps(last) and _is_title_case(words[-2][2]) and (
            gazetteer.city(last) or gazetteer.country_code(last)):
        return (words[-2][1], words[-1][0])
    return None


#: A token that is a score, a result or a figure, not a word of a name: "2-1",
#: "9.5-0-44-1", "6/8".
_SCORE = re.compile(r"^\d[\d.,:/-]*$")
_DASHES = frozenset({"-", "–", "—", "(", ")", "[", "]", "|"})
_INITIAL = re.compile(r"^[A-ZÀ-Ý]\.$")


def _split_separators(doc: Doc, i: int, j: int) -> list[tuple[int, int]]:
    """Cut a span at a dash set off by spaces, or a bracket: no name holds one.

    Headlines, result tables and bylines ("CRICKET - SRI LANKA", "Romania -
    Cosmin Contra", "Scott Draper ( Australia") are where the model runs two
    names into one span; a dash *inside* a word ("Hewlett-Packard",
    "Saint-Nazaire") is kept, as it has no space on both sides."""
    out: list[tuple[int, int]] = []
    a = i
    for k in range(i, j):
        t = doc[k]
        spaced = t.text in ("(", ")", "[", "]", "|") or (
            k > 0 and bool(doc[k - 1].whitespace_) and bool(t.whitespace_))
        if t.text in _DASHES and spaced:
            if k > a:
                out.append((a, k))
            a = k + 1
    if a < j:
        out.append((a, j))
    return out


def _cut_numbers(doc: Doc, a: int, b: int, label: str) -> tuple[int, int] | None:
    """Drop a year or count before a name and a score after it ("1936 Olympics",
    "Lithuania 2-1", "McGrath 9.5-0-44-1"); a plain number after a non-person
    name may be its own ("Channel 4", "Area 51") and stays."""
    while a < b and doc[a].text.isdigit():
        a += 1
    r = b
    while r > a and (doc[r - 1].is_punct or _SCORE.match(doc[r - 1].text)):
        r -= 1
    run = [t.text for t in doc[r:b]]
    # a run of figures and punctuation ("2 - 1", "9.5-0-44-1") is a score; a
    # lone plain number only after a person
    if run and (len(run) > 1 or not run[0].isdigit() or label == "PER"):
        b = r
    return (a, b) if b > a else None


def _with_initials(doc: Doc, a: int) -> int:
    """Take in the initials written before a person's name ("M. Slater",
    "J. R. Ewing"), which the model often leaves out; an abbreviated title of
    the text's language ("M." of "M. Barry" in French) is a title, not an
    initial (every pack's titles when the language has no pack)."""
    pack = PACKS.get(doc.lang_)
    titles = pack.entities.titles if pack is not None and pack.entities is not None else _TITLES
    while a > 0 and _INITIAL.match(doc[a - 1].text) and doc[a - 1].text.lower() not in titles:
        a -= 1
    return a


def _is_country(text: str, label: str) -> bool:
    """A name every language's gazetteer gives one country only: a place,
    whatever the model said ("GERMANY - Bunds" as an organisation, "Sri Lanka"
    as a person). A lone word the model took for a person may be one
    ("Jordan", "Chad"), an acronym for an organisation ("PRI"), and a MISC is
    often a nationality that spells a country in another language ("Israeli",
    "Swiss"): left alone."""
    if label not in ("ORG", "PER") or gazetteer.is_acronym(text) or (
            label == "PER" and len(text.split()) < 2):
        return False
    return gazetteer.country_code(text) is not None


def _strip_title_prefix(doc: Doc, a: int, b: int, label: str) -> tuple[int, str, bool]:
    """'Premier ministre espagnol Pedro Sánchez' -> 'Pedro Sánchez', a person.

    The model sometimes swallows the title into the span (and then guesses
    MISC). Only strips when the prefix holds a real title word (lowercase
    "ministre", "président" or an abbreviation such as "M."), so that names
    that merely start with a capitalised title-like word ("Premier League")
    are left alone.
    """
    k = a
    saw_title = False
    while k < b - 1:
        t = doc[k]
        low = t.text.lower()
        if low in _TITLES and (t.text.islower() or low in _W.abbreviated_titles):
            saw_title = True
        elif low in _TITLES or (t.text.islower() and t.pos_ in ("ADJ", "ADP", "DET")):
            pass
        else:
            break
        k += 1
    if saw_title and k < b and doc[k].text[:1].isupper():
        return k, "PER", True
    return a, label, False


def _split_credit(doc: Doc, ent: Span, label: str) -> list[tuple[int, int, str]]:
    """Split "Name/Agency" photo credits into a person and an organisation."""
    slashes = [t.i for t in ent if t.text == "/"]
    if not slashes:
        parts = [t.i for t in ent if "/" in t.text and len(t.text) > 1]
        if not parts:
            return [(ent.start, ent.end, label)]
    if len(slashes) != 1:
        return [(ent.start, ent.end, label)]
    k = slashes[0]
    left = (ent.start, k)
    right = (k + 1, ent.end)
    if left[1] <= left[0] or right[1] <= right[0]:
        return [(ent.start, ent.end, label)]
    # In "First Last/Agency", the left part is the photographer.
    left_label = "PER" if (left[1] - left[0]) >= 2 else label
    return [(left[0], left[1], left_label), (right[0], right[1], "ORG")]


def is_credit(text: str, start_char: int, end_char: int) -> bool:
    """Whether a span sits in a parenthesised credit like "(Photo: AP)"/"(Name/Agency)"."""
    a = text.rfind("(", 0, start_char)
    b = text.find(")", end_char)
    if a < 0 or b < 0 or "\n" in text[a:b] or ")" in text[a:start_char] or b - a > 80:
        return False
    inner = text[a + 1 : b].lower()
    return "/" in inner or any(w in inner for w in _W.credit_words)
