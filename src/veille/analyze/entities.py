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
from functools import lru_cache
from typing import TYPE_CHECKING

from babel import Locale
from cleanco.termdata import terms_by_type
from wordfreq import zipf_frequency

from veille.analyze import entities_credits as credits
from veille.analyze import entities_lists as lists
from veille.analyze import entities_orgs as orgs
from veille.analyze import entities_places as places
from veille.analyze import entities_repeats as repeats
from veille.analyze import gazetteer, scoreboards
from veille.analyze import labels as L
from veille.analyze.entities_surnames import surnames_of_people
from veille.analyze.nlp import doc_text
from veille.analyze.quotes.gender import known_given_name
from veille.core.model import Mention
from veille.core.text import fold_name
from veille.lang import PACKS, SUPPORTED

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
    # and a function word of the sentence the model ran into ("Tessin-néglige-t-elle
    # la", "Georges Pompidou et"; "eft" for "est" with a long s): a name ends with a
    # name word, never with a lower-case article, pronoun, conjunction or verb
    while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space
                     or doc[j - 1].text.lower() in _POSSESSIVES
                     or (j - 1 > i and _function_word(doc, doc[j - 1]))):
        j -= 1
    j = _without_descriptor(doc, i, j)
    return (i, j) if j > i else None


def _without_descriptor(doc: Doc, i: int, j: int) -> int:
    """End of a span without the lower-case description the model ran into it:
    "Interfax news agency", "Nation of Islam group" name Interfax and the Nation
    of Islam; the description ends with an organisation noun of the text's
    language (its pack's ``org_nouns``: "agency", "group"). A name spelt in
    lower case after its first word ("Société générale") ends with no such noun,
    and one common word before the noun is no name alone ("Democratic party")."""
    pack = PACKS.get(doc.lang_)
    nouns = pack.entities.org_nouns if pack is not None and pack.entities is not None else None
    if not nouns or j - i < 2 or doc[j - 1].text not in nouns:
        return j
    k = j
    while k > i + 1 and doc[k - 1].is_alpha and doc[k - 1].is_lower:
        k -= 1
    if k - i == 1 and _common_word(doc[i].text):
        return j  # "Democratic party", "Green party": the noun is part of the name
    return k if doc[k - 1].text[:1].isupper() else j


def _function_word(doc: Doc, t: Token) -> bool:
    """A lower-case stop word of the text's language (read with s where a scan
    read a long s as f: "eft" is "est"); name particles ("de", "von", "da")
    never end a name, so they go too."""
    w = t.text
    if not w.isalpha() or not w.islower():
        return False
    if t.is_stop:
        return True
    from veille.analyze.names import LONG_S_ZIPF, long_s  # names reads this module's words
    read = long_s(w)
    if read != w and doc.vocab[read].is_stop:
        return True
    # a short one is read so too when it is no word of the text's language
    # ("eft" is English, not French: "Ruffie eft", "Galizyn eft")
    read = w.replace("f", "s")
    # (below the frequency from which names.long_s reads a word as written)
    return read != w and doc.vocab[read].is_stop and _zipf(w, doc.lang_) < LONG_S_ZIPF


def _char_span(doc: Doc, i: int, j: int, full: str) -> tuple[int, int, str]:
    start = doc[i].idx
    end = doc[j - 1].idx + len(doc[j - 1].text)
    text = full[start:end]
    m = _ELIDED.match(text)
    if m:  # "l’OTAN" tokenised as one token
        start += m.end()
        text = text[m.end():]
    return start, end, text


#: Zipf frequency (wordfreq) from which a word in capitals that opens a
#: wire-copy slug line is the common word of a section ("SOCCER - ...").
SLUG_WORD_ZIPF = 4.0
_SLUG_DASH = re.compile(r"[ \t]+[-–—][ \t]")


def _slug_word(full: str, start: int, end: int, text: str, lang: str) -> bool:
    """A common word in capitals opening a line before a dash set off by spaces
    ("SOCCER - JAPAN GET...", "CRICKET - ...", "BOXING - "): the section slug of
    wire copy, which the model reads as an organisation. A place there (the
    model's or the gazetteer's) is a dateline ("WASHINGTON - ") and stays."""
    if not (text.isalpha() and text.isupper() and len(text) >= 5):
        return False  # (an acronym is short: "NASA", "FIFA" are names)
    if start > 0 and full[start - 1] != "\n":
        return False
    if not _SLUG_DASH.match(full, end):
        return False
    if gazetteer.country_code(text) or gazetteer.city(text):
        return False
    if re.search(rf"\b{re.escape(text.capitalize())}\b", full):
        return False  # "GOOGLE - ..." of an article that names Google
    return _zipf(text, lang) >= SLUG_WORD_ZIPF


def _looks_like_name(doc: Doc, i: int, j: int, text: str, label: str = "") -> bool:
    """A mention must start like a name; multiword spans need a proper noun.

    Drops model noise such as "Un missile balistique" or "État ukrainien":
    a capitalised common noun followed only by lowercase words is a description,
    unless it is an institution's name (see :func:`_institution_name`).
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
    return any(t.text[:1].isupper() for t in toks[1:]) or (
        label == "ORG" and _institution_name(doc, i, j))


def _institution_name(doc: Doc, i: int, j: int) -> bool:
    """French (and the press of other languages that write institutions so)
    capitalises only the first word of an institution's name: "le Conseil
    fédéral", "la Banque nationale", "du Conseil de sécurité". Told from a
    description opening a sentence ("Un missile balistique") by its place:
    after an article or preposition of the same sentence and line (lower
    case, or opening the sentence), where the capital is no sentence's, and
    the model reads an organisation there."""
    k = _before(doc, i)
    if k < 0 or doc[i].is_sent_start or "\n" in doc[k].whitespace_ + "".join(
            t.text for t in doc[k + 1:i]):
        return False
    prev = doc[k]
    # "Le Conseil fédéral a décidé": the article opening the sentence holds its capital
    if not (prev.text.isalpha() and prev.pos_ in ("DET", "ADP")
            and (prev.text.islower() or prev.is_sent_start and prev.text[1:].islower())):
        return False
    first, last = doc[i], doc[j - 1]
    # a name cut before its end ("les Usines de l'| Aluminium") is no name
    return first.text[:1].isupper() and first.text[1:].islower() and first.is_alpha \
        and first.pos_ in ("NOUN", "PROPN") and last.pos_ not in ("ADP", "DET") \
        and not last.text.endswith(("'", "’")) \
        and all(t.text.islower() for t in doc[i + 1:j] if t.is_alpha)


def _before(doc: Doc, i: int) -> int:
    """The index of the nearest token before ``i`` that is no whitespace (-1 at
    the start): the word a name follows, across the line breaks the parse keeps."""
    k = i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k


def _noun_before(doc: Doc, k: int) -> bool:
    """The token at ``k`` is no verb by the parse (a cue word spelt like a verb
    cues only as the noun)."""
    return k >= 0 and doc[k].pos_ not in ("VERB", "AUX")


def _prev_words(doc: Doc, i: int, n: int = 3) -> list[str]:
    out: list[str] = []
    k = i - 1
    while k >= 0 and len(out) < n:
        t = doc[k]
        if not t.is_space:
            out.append(t.text.lower().rstrip("'’"))
        k -= 1
    return out  # nearest first


def _abbreviation(head: str) -> bool:
    """``head`` (up to a dot) is the start of a dotted abbreviation, one letter
    then a dot: "a." of "a.m.", "p." of "p.m." ("8:20 a.m. Republican
    presidential candidate": the "m." is no French "M." glued to a figure)."""
    return len(head) >= 2 and head[-2].isalpha() and (len(head) == 2 or not head[-3].isalnum())


def _cue_label(doc: Doc, i: int, j: int, label: str) -> tuple[str, str] | None:
    """A label implied by the words right before the mention, with the cue name."""
    prev = _prev_words(doc, i, 4)
    if not prev:
        return None
    p0 = prev[0]
    cut = p0.rfind(".", 0, len(p0) - 1)
    if cut >= 0 and p0[cut + 1:] in _TITLES and not _abbreviation(p0[:cut + 1]):
        p0 = p0[cut + 1:]  # "80.M. Rochette": a title glued to the figure before it by OCR
    p1 = prev[1] if len(prev) > 1 else ""
    p2 = prev[2] if len(prev) > 2 else ""
    # "(Photo: AP)", "(Photo : Reuters)", "Photograph: Getty Images" -- a credit
    # closes its line or bracket ("Photos: Justin Timberlake's Super Bowl show"
    # is a gallery's title, not a credit)
    if p0 == ":" and p1 in _W.credit_words and (
            j >= len(doc) or doc[j].is_space or doc[j].text in (")", "/", "]")
            or "\n" in doc[j - 1].whitespace_):
        return ("ORG", "credit")
    # "le président X", "M. X", "son homologue X", "le président russe X"
    if p0 in _TITLES or (doc[i - 1].pos_ == "ADJ" and p1 in _TITLES):
        return ("PER", "title")
    if label != "PER" and _in_title_list(doc, i):
        return ("PER", "title-list")
    # "the militant group Boko Haram", "la société Alstom": an organisation noun
    # in apposition names what the name is (a noun in capitals opens a name:
    # "Group" of "the Carlyle Group" is inside the span, never before it)
    if p0 in _W.org_nouns and doc[i - 1].text[:1].islower():
        return ("ORG", "org-noun")
    if label != "MISC" and _work_title(doc, i, j, p0, p1):
        return ("MISC", "work-noun")
    # "la résidence X", "la ville de X", "la région de Lougansk"; the noun must
    # be one by the parse ("to place Cubs caps on the graves" names no place)
    if (p0 in _W.place_nouns and _noun_before(doc, _before(doc, i))) or (
            p0 in _W.of_words and p1 in _W.place_nouns
            and _noun_before(doc, _before(doc, _before(doc, i)))):
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


def _work_title(doc: Doc, i: int, j: int, p0: str, p1: str) -> bool:
    """"her hit song Bodak Yellow", "the movie "Kill Bill"", "her latest single,
    Bartier Cardi": a common noun of a work right before the name (a quote
    mark between), or in apposition to it after a comma, names its title
    (``work_nouns``; the parse must read the noun a noun, so that "a single
    North Korean missile" is no single)."""
    k = _before(doc, i)
    if p0 in ('"', "“", "«", "'", "‘"):
        k = _before(doc, k)
        p0 = p1
    elif p0 == ",":
        k = _before(doc, k)
        root = doc[i:j].root
        if k < 0 or root.dep_ != "appos" or root.head.i != k:
            return False
        p0 = p1
    if k < 0 or p0 not in _W.work_nouns:
        return False
    noun = doc[k]
    if not noun.text[:1].islower():
        return False
    if noun.pos_ == "NOUN":
        return True
    # "her second single Bartier Cardi": the model reads "single" an adjective;
    # a possessive before it (over adjectives) makes it the work ("a single
    # North Korean missile" stays a count)
    m = k - 1
    while m >= 0 and doc[m].pos_ == "ADJ":
        m -= 1
    return noun.pos_ == "ADJ" and m >= 0 and doc[m].dep_ == "poss"


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
            if b - a == 1 and lab != "MISC" and doc[a].is_sent_start \
                    and doc[a].pos_ in ("VERB", "AUX", "ADV") and b < len(doc) \
                    and doc[b].text.isalpha() and doc[b].text.islower() \
                    and _zipf(doc[a].text, doc.lang_) >= INNER_WORD_ZIPF:
                # a common word opening a sentence that goes on in lower case,
                # which the parse reads as a verb: "Veuillez accepter", "Lire aussi"
                # (a name in a table is followed by figures: "Fleming 8-1-26-3")
                continue
            start, end, text = _char_span(doc, a, b, full)
            text, end = _before_dash(text, end)
            if not text or not _looks_like_name(doc, a, b, text, lab):
                continue
            if lab != "LOC" and _slug_word(full, start, end, text, doc.lang_):
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
            if cue is None and lab == "PER" and _place_and_word(text):
                cue = ("ORG", "place-org")
            if cue is None and lab != "ORG" and _contest_side(doc, a, b, text, lab):
                cue = ("ORG", scoreboards.TEAM)
            if cue is None and lab in ("PER", "ORG") and is_credit(full, start, end):
                cue = (lab, "credit")
            # (after the credit: "(Costa Rica's Public Safety Ministry/AP)" is a
            # picture's credit, nobody of the story, whatever it names)
            if cue is None and lab == "PER" and _institution_head(text):
                cue = ("ORG", "head-noun")
            if cue is None and lab == "PER" and b - a == 1 and _thing_article(doc, a):
                cue = ("MISC", THING_ARTICLE)
            if cue is None and lab == "PER" and orgs.org_evidence(doc, a, b):
                cue = ("ORG", orgs.ORG_CONTEXT)
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
    _person_words_keep_people(out)
    orgs.people_keep_their_words(out)
    orgs.same_name_follows(out)

    def sentence_of(pos: int) -> int:
        return sentence_index_of(sent_starts, pos)

    out = _drop_occupations(_split_glued_names(out, sent_starts, offset))
    out = credits.split_glued_credits(out, full, offset, sentence_of)
    out = _datelines(out, full, doc.lang_, sent_starts, offset)
    months = _month_names(doc.lang_)
    out = scoreboards.teams(out, full, offset, sentence_of,
                            skip=lambda w: fold(w).rstrip(".") in months,
                            stop=lambda w: doc.vocab[w.lower()].is_stop)
    out = scoreboards.fixtures(out, full, offset, sentence_of, _W.fixture_links,
                               _W.fixture_venues)
    # last: the quote steps read these marks (entities_credits.voiced_mentions)
    out = credits.mark_caption_credits(out, doc, offset, sentence_of)
    places.cities_with_regions(out, full, offset)
    # (after the credits: an agency or platform they name is an organisation
    # of the list, "Instagram, WhatsApp, and Snapchat")
    out = lists.organisations_of_lists(out, doc, offset)
    # a tagged name written again untagged (after every label step: its label
    # is the one the name's tagged mentions end with)
    out = repeats.repeated_names(out, doc, full, offset, sentence_of, _TITLES)
    # last: the label the article's other mentions of a name carry (every
    # label cue above is read first)
    return surnames_of_people(out, lambda m: _modifies_noun(doc, m, offset))


def _modifies_noun(doc: Doc, m: Mention, offset: int) -> bool:
    """The mention's last word is a compound modifier of a common noun after
    it, by the parse: "The Trump campaign", "the Obama administration"."""
    span = doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
    if span is None or not len(span):
        return False
    t = span[-1]
    return t.dep_ == "compound" and t.head.i > t.i and t.head.pos_ == "NOUN" \
        and t.head.text[:1].islower()


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
    """Cut a span at a dash set off by spaces, a bracket, or a contest verb in
    a headline in capitals (``_contest_word``): no name holds one.

    Headlines, result tables and bylines ("CRICKET - SRI LANKA", "Romania -
    Cosmin Contra", "Scott Draper ( Australia") are where the model runs two
    names into one span; a dash *inside* a word ("Hewlett-Packard",
    "Saint-Nazaire") is kept, as it has no space on both sides."""
    out: list[tuple[int, int]] = []
    a = i
    caps = all(not c.is_alpha or c.is_upper for c in doc[i:j])
    for k in range(i, j):
        t = doc[k]
        spaced = t.text in ("(", ")", "[", "]", "|") or (
            k > 0 and bool(doc[k - 1].whitespace_) and bool(t.whitespace_))
        if (t.text in _DASHES and spaced) or (caps and k > i and _contest_word(t)):
            if k > a:
                out.append((a, k))
            a = k + 1
    if a < j:
        out.append((a, j))
    return out


def _contest_word(t: Token) -> bool:
    """A verb of a contest in a headline in capitals, which the model runs
    into the sides' names ("ROMANIA BEAT LITHUANIA", "WIGAN BEAT BRADFORD"):
    no name holds one, so the span is cut there."""
    low = t.text.lower()
    return t.is_alpha and len(low) > 2 and (
        low in _W.contest_verbs or t.lemma_.lower() in _W.contest_verbs
        or (low.endswith("s") and low[:-1] in _W.contest_verbs))


def _before_dash(text: str, end: int) -> tuple[str, int]:
    """A name cut at an em dash, which no name holds: OCR'd columns run a name
    into the next item over ".—" with no space ("Vizentini.— Aux Folies-
    Dramatiques", "E. Cadol.—"); the name is what precedes it."""
    k = text.find("—")
    if k < 0:
        return text, end
    head = text[:k].rstrip(" .,;:")
    return head, end - (len(text) - len(head))


#: A capitalised word of a person span that the article writes alone, or the
#: gazetteer knows as a place: evidence that a caption, a byline or a dateline
#: was run into the name ("Getty Images Lewis Hamilton", "London Sadiq Khan",
#: "Soyoung Kim SEOUL", "Justin Timberlake Justin Timberlake").
def _split_glued_names(out: list[Mention], sent_starts: list[int], offset: int) -> list[Mention]:
    """Cut a person span of three words or more where another name is glued to
    its head or tail, on evidence of the article or the gazetteer.

    The glued piece must be an organisation the same article names apart
    ("Getty Images", "Reuters"), a country or city of the gazetteer that the
    article also writes alone (a large city: "London" of "Mayor of London
    Sadiq Khan"), a
    place in capitals at the end (a byline's dateline: "SEOUL"), or the name
    itself repeated; what is left must be a full name of two capitalised
    words or more. A township that shares a person's name is no evidence
    ("Aung San" of "Aung San Suu Kyi", even tagged LOC alone in the same
    article), nor a place the article never writes alone ("Marco" is a town
    somewhere); a span the article writes twice whole is a name, not glue."""
    if not any(m.label == "PER" and len(m.text.split()) >= 3 for m in out):
        return out
    written: dict[str, set[str]] = {}
    for m in out:
        written.setdefault(fold(m.text), set()).add(m.label)
    seen = {fold(m.text): 0 for m in out}
    for m in out:
        seen[fold(m.text)] += 1
    # a name of two words or more run into several different full names is a
    # photo credit repeated over captions ("Getty Images Bill Murray", "Getty
    # Images Lewis Hamilton"): an organisation, whatever the model called it
    rests: dict[str, set[str]] = {}
    for m in out:
        ws = m.text.split()
        if m.label != "PER" or len(ws) < 4:
            continue
        for k in range(2, len(ws) - 1):
            if all(w[:1].isupper() for w in ws[k:]):
                rests.setdefault(fold(" ".join(ws[:k])), set()).add(fold(" ".join(ws[k:])))
    for head, after in rests.items():
        if len(after) >= 2:
            written.setdefault(head, set()).add("ORG")
    res: list[Mention] = []
    for m in out:
        pieces = _glue_pieces(m, written, seen) if m.label == "PER" else None
        if not pieces:
            res.append(m)
            continue
        for ps, pe, lab, cue in pieces:
            start = m.start + ps
            n = Mention(text=m.text[ps:pe], label=lab, start=start, end=m.start + pe,
                        sentence=sentence_index_of(sent_starts, start))
            n.model_label = m.model_label
            n.label_cue = cue
            res.append(n)
    return res


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _glue_pieces(m: Mention, written: dict[str, set[str]],
                 seen: dict[str, int]) -> list[tuple[int, int, str, str | None]] | None:
    words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(m.text)]
    if len(words) < 3 or seen.get(fold(m.text), 0) > 1:
        return None

    def evidence(piece: str, tail: bool) -> tuple[str, str | None] | None:
        labels = written.get(fold(piece), set())
        if "ORG" in labels:
            return "ORG", None
        # a head the article writes alone; a tail in capitals (a byline's
        # dateline) or one the article writes alone as a place ("Photo:
        # Roland Weihrauch Düsseldorf" beside "Düsseldorf")
        alone = _is_caps(piece) or "LOC" in labels if tail else bool(labels)
        if gazetteer.is_acronym(piece) or not (
                alone and (gazetteer.country_code(piece) or gazetteer.major_city(piece))):
            return None
        return "LOC", "gazetteer"

    def full_name(ws: list[tuple[int, int, str]]) -> bool:
        return len(ws) >= 2 and all(w[:1].isupper() for _, _, w in ws)

    for k in range(1, len(words)):
        head, rest = words[:k], words[k:]
        head_text = m.text[head[0][0]:head[-1][1]]
        if k >= 2 and len(rest) == 1 and "ORG" in written.get(fold(head_text), set()) \
                and rest[0][2][:1].isupper() and _common_word(rest[0][2]):
            # a credit before a caption's first word ("Getty Images Bodies"):
            # the credit, and no name after it
            return [(head[0][0], head[-1][1], "ORG", None)]
        if not full_name(rest):
            continue
        if k >= 2 and fold(head_text) == fold(m.text[rest[0][0]:]):
            # the same name twice: a headline or caption run into the text
            return [(head[0][0], head[-1][1], "PER", None), (rest[0][0], rest[-1][1], "PER", None)]
        ev = evidence(head_text, tail=False)
        if ev is not None:
            return [(head[0][0], head[-1][1], *ev), (rest[0][0], rest[-1][1], "PER", None)]
    for k in range(len(words) - 1, 1, -1):
        rest, tail = words[:k], words[k:]
        if not full_name(rest):
            continue
        ev = evidence(m.text[tail[0][0]:tail[-1][1]], tail=True)
        if ev is not None:
            return [(rest[0][0], rest[-1][1], "PER", None), (tail[0][0], tail[-1][1], *ev)]
    return None


def _drop_occupations(out: list[Mention]) -> list[Mention]:
    """A capitalised occupation before a person's name is no part of it
    ("Singer Rihanna", "Comedian Sarah Silverman", "Billionaire Elon Musk": a
    caption's or a headline's style), when the article names the person
    without it too. The dropped word is a common word of some language and no
    given name ("Rose Byrne", "Will Smith" keep theirs), and what is left is
    written alone as a person in the same article: the evidence that the
    name starts after it."""
    people = {fold(m.text) for m in out if m.label == "PER"}
    res: list[Mention] = []
    for m in out:
        first, _, rest = m.text.partition(" ")
        if m.label == "PER" and rest and fold(rest) in people and first.isalpha() \
                and not first.isupper() and first[:1].isupper() \
                and _common_word(first) and not known_given_name(first):
            start = m.start + len(m.text) - len(rest)
            n = Mention(text=rest, label=m.label, start=start, end=m.end, sentence=m.sentence)
            n.model_label = m.model_label
            n.label_cue = m.label_cue or "title"
            res.append(n)
            continue
        res.append(m)
    return res


def _common_word(word: str) -> bool:
    """A word of ordinary prose in some language we read (wordfreq zipf >= 3.5)."""
    from veille.analyze.names import word_frequency  # names reads this module's words
    return word.isalpha() and word_frequency(word) >= INNER_WORD_ZIPF


def _cut_numbers(doc: Doc, a: int, b: int, label: str) -> tuple[int, int] | None:
    """Drop a year or count before a name and a score after it ("1936 Olympics",
    "Lithuania 2-1", "McGrath 9.5-0-44-1"); a plain number after a non-person
    name may be its own ("Channel 4", "Area 51") and stays."""
    while a < b and (doc[a].text.isdigit() or _SCORE.match(doc[a].text)):
        a += 1  # a count, a year, or a video's clock ("0:54 Billionaire Elon Musk")
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


def _contest_side(doc: Doc, a: int, b: int, text: str, label: str) -> bool:
    """A place that beats, draws with or loses to another is a team: the
    subject or object of a contest verb of the packs ("Derbyshire beat
    Worcestershire by nine wickets", "lost to Atlanta"), named like a city or a
    region of the gazetteer. A country is left alone (its national side is the
    country, as CoNLL labels it too), and so is a person's name: a lone word the
    model took for a person must be a region or a large city and no given name
    ("Duran beat ..." is the boxer)."""
    if gazetteer.country_code(text) is not None or gazetteer.is_acronym(text):
        return False
    if not (gazetteer.is_club_region(text) or gazetteer.city(text) is not None):
        return False
    if label == "PER" and (len(text.split()) > 1 or known_given_name(text)
                           or not (gazetteer.is_club_region(text) or gazetteer.major_city(text))):
        return False
    root = doc[a:b].root
    head, dep = root.head, root.dep_
    if dep == "pobj" and head.dep_ == "prep":
        # the other side ("lost to Atlanta"), not the venue ("won in Abu Dhabi")
        if head.lower_ not in _W.contest_links:
            return False
        head = head.head
    elif dep not in ("nsubj", "nsubjpass", "dobj", "obj", "obl", "conj"):
        return False
    if dep == "conj":  # "Surrey and Kent drew": the first of the pair decides
        if head.dep_ not in ("nsubj", "dobj", "obj"):
            return False
        head = head.head
    # a reflexive verb is no contest between sides ("ils se battent": they fight)
    return head.pos_ == "VERB" and head.lemma_.lower() in _W.contest_verbs \
        and not any(c.dep_.startswith("expl") for c in head.children)


def _place_and_word(text: str) -> bool:
    """A "person" named by a place and a word that is no given name: a club,
    a team, a newspaper ("Pittsburgh Steelers", "Manchester United", "Nice
    Matin", "Deportivo Coruna"), which the model reads as a person's given
    name and surname.
    The place is a country or a large city of the gazetteer (a town shares
    its name with surnames too often) and opens the name; the last word is a
    common word of some language, not a rare surname. A known given
    name anywhere ("Kobe Bryant", "Paris Hilton", "Charlotte Panthers"),
    initials ("T.J. Yates") or capitals keep the model's person."""
    ws = text.split()
    if not 2 <= len(ws) <= 3 or any(
            len(w) < 3 or not w[:1].isupper() or w.isupper() or not w.replace("-", "").isalpha()
            for w in ws):
        return False
    if any(known_given_name(w) for w in ws):
        return False

    head = " ".join(ws[:-1])
    if len(ws) == 2 and gazetteer.major_city(ws[1]) and not gazetteer.city(ws[0]):
        # ... or a word then a large city, as Spanish, Italian, Portuguese
        # and German clubs are named ("Deportivo Coruna", "Sporting Lisbon"):
        # the city's own name, not one of its other spellings ("Senna" is
        # one for Sanandaj: Ayrton Senna)
        c = gazetteer.city(ws[1])
        return c is not None and fold_name(ws[1]) in fold_name(c[1]).replace("-", " ").split()
    if gazetteer.country_code(head) is None and not gazetteer.major_city(head):
        return False
    # the word after the place is a common word (a team's plural, "United",
    # "Matin"), not a rare surname ("Memphis Depay")
    return _common_word(ws[-1])


#: the cue of a one-word name its language's definite article determines ("the Moon")
THING_ARTICLE = "article"


def _thing_article(doc: Doc, a: int) -> bool:
    """The one-word name at token ``a`` is determined by a definite article
    that its language never puts before a person ("the Moon" x12 tagged a
    person over news-clusters, and joined to President Moon): by the parse,
    the article's head is the name itself, not a noun after it ("the Obama
    administration"), nor when a common noun follows, whatever the parse
    made of it ("the Clinton camp"); a plural is a team or a family ("the
    Steelers", "the Obamas"), kept as the model has it."""
    if a == 0 or doc[a].tag_ in ("NNPS", "NNS") or doc[a].text.endswith("s"):
        return False
    if a + 1 < len(doc) and doc[a + 1].pos_ == "NOUN" and doc[a + 1].text[:1].islower():
        return False
    art = doc[a - 1]
    return art.lower_ in _W.thing_articles and art.dep_ == "det" and art.head.i == a


def _person_words_keep_people(out: list[Mention]) -> None:
    """A name the article determines is a person's still when it is a word of
    a person's full name the article writes ("Be the Clinton who shines" beside
    Hillary Clinton, "Debating The Donald" beside Donald Trump): the article's
    evidence outweighs the article's grammar."""
    marked = [m for m in out if m.label_cue == THING_ARTICLE]
    if not marked:
        return
    words = {w for m in out if m.label == "PER" and len(m.text.split()) >= 2
             for w in fold_name(m.text).split()}
    for m in marked:
        if fold_name(m.text) in words:
            m.label, m.label_cue = m.model_label or "PER", None


def _institution_head(text: str) -> bool:
    """A "person" whose name closes with a capitalised institution noun of the
    language ("Chandra X-ray Observatory", "Kaiser Family Foundation"): the
    head noun says what the name is, whatever the words before it look like."""
    ws = text.split()
    return len(ws) >= 2 and ws[-1][:1].isupper() and fold(ws[-1]) in _W.institution_heads


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


_DATELINE_PLACE = re.compile(r"[A-ZÀ-Ý][\w.'’-]*(?: [A-ZÀ-Ý][\w.'’-]*){0,3}")
_CAPS_PLACE = re.compile(r"(?<![\w'’.-])[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+(?: [A-ZÀ-Ý][A-ZÀ-Ý'’.-]+){0,3}(?![\w'’])")
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d\b")
#: one to three capitalised words (a country, a state, "N.H.") before an ISO date
_REGION_DATE = re.compile(r"(?:[A-ZÀ-Ý][\w.'’-]*\s+){1,3}\d{4}-\d\d-\d\d\b")


@lru_cache(maxsize=8)
def _month_names(lang: str) -> frozenset[str]:
    """Month names (wide and abbreviated) of a language, from Babel's CLDR data."""
    try:
        loc = Locale.parse(lang)
    except Exception:  # no CLDR data for this code: no month names
        return frozenset()
    out: set[str] = set()
    for width in ("wide", "abbreviated"):
        for ctx in ("format", "stand-alone"):
            out.update(fold(v).rstrip(".") for v in loc.months[ctx][width].values())
    return frozenset(out)


def _dateline_at(full: str, pos: int, lang: str, line_start: bool) -> tuple[int, int] | None:
    """The place a dateline opens at ``pos``, as (start, end): "BELGRADE
    1996-08-30", "WASHINGTON (Reuters) -", "PARIS, 15 (Havas). —", "BERNE, —",
    "Paris, March 3". A place in capitals may be followed by a date, an agency
    in brackets, a dash, or a comma and a day or a dash (old wire copy runs
    datelines into the text, so anywhere); one in ordinary case only at a
    line's start, by a comma and a date. A results table ("NEW YORK 72 61
    .541") has no date and is no dateline."""
    m = _CAPS_PLACE.match(full, pos)
    caps = m is not None and _is_caps(m.group().replace(" ", ""))
    if not caps:
        m = _DATELINE_PLACE.match(full, pos) if line_start else None
    if m is None:
        return None
    place = m.group().rstrip(".,-")
    end = pos + len(place)
    rest = full[end:end + 40]
    comma = rest.lstrip(" ").startswith(",")
    after = rest.lstrip(" ,")
    words = after.split()
    months = _month_names(lang)
    if _ISO_DATE.match(after):
        return pos, end
    if caps and comma and _REGION_DATE.match(after):
        # "KHASAVYURT , Russia 1996-08-31", "ROCHESTER , N.H. 1996-08-30":
        # the place's country or state between it and the date
        return pos, end
    if caps and (after[:1] in ("(", "—", "–") or after.startswith("- ")
                 or (comma and after[:1].isdigit())):
        return pos, end
    if comma and words and (fold(words[0]).rstrip(".,") in months or (
            words[0][:1].isdigit() and len(words) > 1 and fold(words[1]).rstrip(".,") in months)):
        return pos, end
    return None


def _datelines(out: list[Mention], full: str, lang: str, sent_starts: list[int],
               offset: int) -> list[Mention]:
    """A dateline's place is a place: the model misses or mislabels it in
    capitals ("BELGRADE 1996-08-30" unseen, "COLOMBO" as an organisation).
    Only a country or city of the gazetteer is taken; a name the model ran
    past the place is left as it is."""
    lines = {0} | {i + 1 for i, c in enumerate(full) if c == "\n" and i + 1 < len(full)}
    for pos in list(lines):
        while pos < len(full) and full[pos] in " \t":
            pos += 1
        lines.add(pos)
    starts = sorted(lines | {m.start() for m in _CAPS_PLACE.finditer(full)})
    added = False
    for pos in starts:
        span = _dateline_at(full, pos, lang, pos in lines)
        if span is None:
            continue
        a, b = span
        place = full[a:b]
        # (any city carrying the name: a dateline's place is a place, whichever
        # of the cities of that name it is, "COLOMBO" of Sri Lanka or Brazil)
        if gazetteer.is_acronym(place) or not (gazetteer.country_code(place)
                                                or gazetteer.city_name(place)):
            continue
        hits = [m for m in out if m.start < b + offset and a + offset < m.end]
        if len(hits) == 1 and (hits[0].start, hits[0].end) == (a + offset, b + offset):
            if hits[0].label != "LOC":
                hits[0].label, hits[0].label_cue = "LOC", "dateline"
        elif not hits:
            m = Mention(text=place, label="LOC", start=a + offset, end=b + offset,
                        sentence=sentence_index_of(sent_starts, a + offset))
            m.label_cue = "dateline"
            out.append(m)
            added = True
    if added:
        out.sort(key=lambda m: m.start)
    return out
