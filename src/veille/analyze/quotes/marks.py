"""Quote marks: which characters open and close a quotation, and where.

Typography, not language: the marks are found on the raw characters, so they
survive a bad parse, and a text in a language veille has no words for still
gets its quotations (without speakers). Guillemets pair with each other (they
nest: « … « … » … »); curly and straight double quotes pair together by
position (:func:`_double_pairs`): edited copy mixes them ('"We work closely.”').
The low-9 mark „ opens (German, Polish, Czech, Romanian, Hungarian… print
„so“ or „so”): a “ after an open „ closes it, where in English it would open.
"""

from __future__ import annotations

import re

PAIRS = (("«", "»"),)
MAX_QUOTE_CHARS = 3000
#: notes listed per text; the rest are counted in one last note
MAX_NOTES = 20

# A straight " opens when it follows a space (or an opening bracket, a dash)
# and touches the next word; it closes when it touches the previous word and
# is followed by a space or punctuation. Either side may be ambiguous
# ("word"word", or French spacing " like this ").
_LEFT_FREE = frozenset("([{-–—/")
_RIGHT_FREE = frozenset(".,;:!?)]}…")
# two apostrophes '' stand for a double quote in some wire copy (the NYT
# corpus: "''We run people …,'' said X"); listed first so they match as one mark
_DOUBLE_MARKS = re.compile('\'\'|["“”„]')
_FEET_INCHES = re.compile(r"\d['’]\d{1,2}$")
_BLOCK = re.compile(r"(?:[^\n]|\n(?!\s*\n))+")  # text between blank lines

#: (open, inner_start, inner_end, close_end) of one quotation, in characters.
Span = tuple[int, int, int, int]


def find_quote_spans(text: str) -> tuple[list[Span], list[str]]:
    """(open, inner_start, inner_end, close_end) for every well-formed quote.

    Mismatched marks are reported as notes and skipped rather than guessed:
    a quote running across paragraphs would swallow unrelated text.

    >>> find_quote_spans("Il a dit « oui » puis « non ».")[0]
    [(9, 11, 14, 16), (22, 24, 27, 29)]
    """
    spans: list[Span] = []
    notes: list[str] = []
    for op, cl in PAIRS:
        i = 0
        b = -1  # the next closing mark, found once per closing mark (linear time:
        #         "« « « … »" with one closer far away scans to it once, not per «)
        while True:
            a = text.find(op, i)
            if a < 0:
                stray = text.find(cl, i)
                if stray >= 0:
                    notes.append(f"quote: closing {cl} at {stray} without opening {op}")
                break
            stray = text.find(cl, i, a)
            if stray >= 0:
                notes.append(f"quote: closing {cl} at {stray} without opening {op}")
            if b <= a:
                b = text.find(cl, a + 1)
            nxt = text.find(op, a + 1)
            if b < 0:
                notes.append(f"quote: {op} at {a} is never closed")
                run = _open_run(text, a, nxt if nxt >= 0 else len(text))
                if run is None:
                    break
                spans.append(_trim_inner(text, a, run))
                i = run
                continue
            if 0 <= nxt < b:
                outer = _nested_close(text, op, cl, a, nxt, b)
                if outer is not None:
                    # « Nous respectons son « intégrité territoriale » et … »: one
                    # quotation with a quotation inside, read as the outer one
                    spans.append(_trim_inner(text, a, outer))
                    i = outer + 1
                    continue
                notes.append(f"quote: {op} at {a} opened again at {nxt} before closing")
                run = _open_run(text, a, nxt)
                if run is not None:
                    spans.append(_trim_inner(text, a, run))
                i = nxt
                continue
            inner = text[a + 1 : b]
            if "\n\n" in inner or len(inner) > MAX_QUOTE_CHARS:
                notes.append(f"quote: {op}…{cl} at {a} spans paragraphs; skipped")
                i = a + 1
                continue
            spans.append(_trim_inner(text, a, b))
            i = b + 1
    for a, b in _double_pairs(text, notes):
        spans.append(_trim_inner(text, a, b, _mark_len(text, a), _mark_len(text, b)))
    spans.sort()
    if len(notes) > MAX_NOTES:
        # 5,000 stray marks are one problem for the reader, not 5,000 lines
        notes = notes[:MAX_NOTES] + [f"quote: {len(notes) - MAX_NOTES} more mismatched quote "
                                     "marks not listed"]
    return spans, notes


def _nested_close(text: str, op: str, cl: str, a: int, nxt: int, b: int) -> int | None:
    """The closing mark of the outer quote when exactly one quote is nested in
    it (« … « … » … »), within ``MAX_QUOTE_CHARS`` and one paragraph; None
    otherwise (then the opener is reported unclosed, as before). The searches
    are bounded by the quote's length, so a run of openers stays linear."""
    if b - a > MAX_QUOTE_CHARS or text.find(op, nxt + 1, b) >= 0:
        return None
    b2 = text.find(cl, b + 1, a + MAX_QUOTE_CHARS + 1)
    if b2 < 0 or text.find(op, b + 1, b2) >= 0 or "\n\n" in text[a:b2]:
        return None
    return b2


def _mark_len(text: str, i: int) -> int:
    """2 for a two-apostrophe mark '' (a pair's closing position may stand
    past the text's end, for a quote that runs to the end of its sentence)."""
    return 2 if text.startswith("''", i) else 1


def _mark_at(text: str, i: int) -> str:
    return text[i:i + _mark_len(text, i)]


def _straight_role(text: str, i: int, width: int = 1) -> str:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    left_free = prev.isspace() or prev in _LEFT_FREE
    right_free = nxt.isspace() or nxt in _RIGHT_FREE
    if left_free and not right_free:
        return "open"
    if right_free and not left_free:
        return "close"
    return "?"


def _unit_sign(text: str, i: int) -> bool:
    """A straight " after a number and a space, followed by no word ("l' 06 ".",
    "41 " d'avance", "(Be, 8 ")"): results tables and OCR'd sports pages set the
    seconds sign this way; a closing quote mark sits against its last word."""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if not (i >= 2 and text[i - 1] == " " and text[i - 2].isdigit() and not nxt.isalnum()):
        return False
    k = i - 2
    while k >= 0 and (text[k].isdigit() or text[k] in "'’.,"):
        k -= 1
    # a number of its own ("à 41 "", "2'24 ""), not the end of a word ("COVID-19 "")
    return k < 0 or text[k].isspace() or text[k] in "(["


def _double_pairs(text: str, notes: list[str]) -> list[tuple[int, int]]:
    """(opening, closing) positions of double quotes, per paragraph.

    “ opens and ” closes; a straight " takes its role from its neighbours,
    and only an ambiguous one takes the role alternation gives it. Pairing
    marks in order broke on the first missing one (common in copied and
    machine-translated text: '"I am shocked. "They earn less here", he
    said' made ', he said' the quote) and on mixed marks ('"We work
    closely.”'). An opening mark followed by another one was never closed:
    it is reported and skipped, not guessed; so is a quote longer than
    ``MAX_QUOTE_CHARS``.
    """
    pairs: list[tuple[int, int]] = []
    for block in _BLOCK.finditer(text):
        opened: int | None = None
        for m in _DOUBLE_MARKS.finditer(block.group()):
            i = block.start() + m.start()
            mark = m.group()
            if mark == '"' and _unit_sign(text, i):
                continue  # "41 " d'avance", "2'24 "": the seconds (or inches) sign
            if mark == "''":
                # only where it is plainly a mark: against a word on one side
                # and free on the other; "word''word" or a lone '' is no quote
                role = _straight_role(text, i, 2)
                if role == "?" or _FEET_INCHES.search(text, max(0, i - 12), i):
                    continue  # 6'2'' / 2'24'': feet and inches, minutes and seconds
            elif mark == "„":
                role = "open"
            elif mark == "“":
                # „so“: the German closing mark is the English opening one
                role = "close" if opened is not None and text[opened] == "„" else "open"
            else:
                role = "close" if mark == "”" else _straight_role(text, i)
            if opened is None:
                if role == "close":
                    notes.append(f"quote: closing {mark} at {i} without opening")
                else:
                    opened = i
            elif role == "open":
                notes.append(f"quote: {_mark_at(text, opened)} at {opened} is never closed")
                run = _open_run(text, opened, i)
                if run is not None:
                    pairs.append((opened, run))
                opened = i
            else:
                if i - opened - 1 > MAX_QUOTE_CHARS:
                    notes.append(f"quote: {_mark_at(text, opened)}…{mark} at {opened} is too long; skipped")
                elif i - opened > _mark_len(text, opened):
                    pairs.append((opened, i))
                opened = None
        if opened is not None:
            notes.append(f"quote: {_mark_at(text, opened)} at {opened} is never closed")
            run = _open_run(text, opened, block.end())
            if run is not None:
                pairs.append((opened, run))
    return pairs


#: How far an unclosed quote introduced by a colon may run (characters).
OPEN_RUN_CHARS = 600
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def _open_run(text: str, a: int, limit: int) -> int | None:
    """Where a quote opened but never closed ends: 'Walz a déclaré: "Aucun
    maire …. "J'autorise …' (copy that drops the closing mark, a
    multi-paragraph quote, a text cut by its source). A closing mark of the
    other family before ``limit`` closes it ('«Ils le méritent", a-t-il
    déclaré', '"Cela a un impact … carbone », a déclaré Grosse': translated
    and pasted copy mixes them). Else, when a colon introduces it or it opens
    a sentence ('… mercredi. "Pendant que vous preniez …'), the quotation
    runs to its last full sentence before the next opening mark, the
    paragraph's end or ``OPEN_RUN_CHARS``; None otherwise (a mark inside a
    sentence says nothing of where a quotation starts) or when no sentence
    ends in reach. The position returned stands for the closing mark."""
    hi = min(limit, a + 1 + OPEN_RUN_CHARS, len(text))
    para = text.find("\n", a + 1, hi)
    if para >= 0:
        hi = para
    close = _other_close(text, a, hi)
    if close is not None:
        return close
    k = a - 1
    while k >= 0 and text[k] in " \u00a0\t":
        k -= 1
    if not (k >= 0 and text[k] == ":" or _opens_sentence(text, a, k)):
        return None
    last = None
    for m in _SENTENCE_END.finditer(text, a + 1, hi):
        last = m.end()
    if last is None or last - a < 20:
        return None
    return last


def _opens_sentence(text: str, a: int, k: int) -> bool:
    """Does the mark at ``a`` (``k``: the last character before it that is no
    space) open a sentence: the text's or a line's start, or a sentence's end,
    before it, and a capital after it?"""
    if k >= 0 and text[k] not in ".!?…\n":
        return False
    j = a + 1
    while j < len(text) and text[j] in " \u00a0\t":
        j += 1
    return j < len(text) and text[j].isupper()


#: Closing marks of the other family: a guillemet closed by a double quote and back.
_OTHER_CLOSE = {"«": ("”", '"'), "“": ("»",), '"': ("»",), "„": ("»",)}
_OPENERS = {"”": "“", '"': '"', "»": "«"}


def _other_close(text: str, a: int, hi: int) -> int | None:
    """The first closing mark of the other family between ``a`` and ``hi``
    that closes the quote opened at ``a``: nothing of its own family opens
    before it (then it is that quotation's), and a straight mark touches the
    word before it."""
    closers = _OTHER_CLOSE.get(text[a], ())
    best = min((i for i in (text.find(c, a + 1, hi) for c in closers) if i >= 0), default=-1)
    if best < 0 or best - a < 20:
        return None
    mark = text[best]
    if mark == '"' and _straight_role(text, best) != "close":
        return None
    opener = _OPENERS[mark]
    if text.find(opener, a + 1, best) >= 0 or (mark == '"' and text.find("“", a + 1, best) >= 0):
        return None
    return best


def _trim_inner(text: str, a: int, b: int, open_len: int = 1, close_len: int = 1) -> Span:
    s, e = a + open_len, b
    while s < e and text[s].isspace():
        s += 1
    # the incise comma inside the marks (“…,” she said) is no quoted word
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return (a, s, e, b + close_len)
