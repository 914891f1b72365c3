"""Text normalisation and content hashing, shared by every reader."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator

import ftfy
from ftfy.badness import BADNESS_RE
from ftfy.chardata import HTML_ENTITY_RE

# Runs of two or more spaces/tabs (NBSP, thin spaces included); a single one
# is kept as it is.
_SPACE_RUNS = re.compile(r"[ \t\u00a0\u2009\u202f]{2,}")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_SPACE_RUN_NEEDS = ("  ", "\t", "\u00a0", "\u2009", "\u202f")
_WS = re.compile(r"\s+")
# Lone surrogates (JSON "\\ud800" decodes to one) cannot be stored as UTF-8,
# and control characters (NUL above all: PostgreSQL refuses it) have no place
# in a one-line field such as an id, a source name or a URL.
# Bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069) are
# dropped from these fields too: in an id or a source name they only serve to
# make "evil\u202egpj.exe" display as "evilexe.jpg".
_UNSTORABLE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def normalize_text(text: str) -> str:
    """Repair mojibake (ftfy), compose characters (NFC), tidy whitespace.

    Non-breaking and thin spaces are kept inside numbers ("50 000") because
    quantities rely on them; only runs of ordinary spaces and tabs collapse.
    """
    text = _fix_text(text)
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:  # a one-character scan (~0.1 us); the two replacements ~2 us
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # The substitutions only when they can match: a run of two of
    # _SPACE_RUNS's characters is "  " or holds one of the others; "\n{3,}"
    # needs "\n\n\n". A substring test is a fast scan; a regex scan with a
    # character class costs ~20 us on a 3 kB article (10 % of normalising).
    if any(c in text for c in _SPACE_RUN_NEEDS):
        text = _SPACE_RUNS.sub(" ", text)
    text = "\n".join([line.strip() for line in text.split("\n")])
    if "\n\n\n" in text:
        text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


# Characters the fast path below accepts: Latin, Greek and Cyrillic letters,
# ASCII and common punctuation, currency signs -- each one that ftfy leaves
# alone on its own (so no ligature, wide form, control, line separator; curly
# quotes are let in and uncurled as ftfy's fixer does), NFC-stable and not
# combining (so NFC cannot change a run of them). "&" is let in only when
# the text holds nothing ftfy's HTML unescaping would decode (its
# HTML_ENTITY_RE finds no match): then that step leaves the text alone.
_FAST_RANGES = [(0x09, 0x0A), (0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x4FF), (0x2010, 0x205E),
                (0x20A0, 0x20C0), (0x2100, 0x215F)]
_QUOTES = "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f"
# ftfy's mojibake regex anchors one case at the start of each line it fixes.
_BAD_LINE_START = re.compile(r"^[ÃÂ] ", re.MULTILINE)
_fast: frozenset[str] | None = None
_scan: re.Pattern[str] | None = None


def _fast_chars() -> frozenset[str]:
    global _fast
    if _fast is None:
        ok = [chr(c) for lo, hi in _FAST_RANGES for c in range(lo, hi + 1)]
        _fast = frozenset(c for c in ok if not unicodedata.combining(c)
                          and unicodedata.normalize("NFC", c) == c
                          and (c in _QUOTES or ftfy.fix_text(c, normalization="NFC") == c))
    return _fast


def _scan_re() -> re.Pattern[str]:
    """One character that is not fast or that a mojibake match may need (an
    anchor of _bad_anchor_re): one scan of the text finds both, where two
    single-class scans cost ~6 us each on a 2 kB article."""
    global _scan
    if _scan is None:
        anchors, _ = _bad_anchor_re()
        quiet = sorted(c for c in _fast_chars() if not anchors.match(c))
        _scan = re.compile("[^" + "".join(re.escape(c) for c in quiet) + "]")
    return _scan


def _fix_text(text: str) -> str:
    """``ftfy.fix_text(text, normalization="NFC")``, skipping ftfy when it
    would only uncurl quotes.

    ftfy costs ~1 ms per article (it fixes line by line, running its mojibake
    regex and every fixer on each); most feeds are clean. When every character
    is one ftfy leaves alone and its own mojibake test (``is_bad``, the gate of
    its encoding repair) finds nothing before and after uncurling, ftfy's
    result is exactly ``uncurl_quotes(text)``; anything else goes to ftfy.
    Checked against ftfy on the bench corpus and crafted mojibake
    (tests/ingest/test_normalize_fast.py).
    """
    fast = _fast_chars()
    anchors = []
    for m in _scan_re().finditer(text):
        i = m.start()
        if text[i] not in fast:
            return ftfy.fix_text(text, normalization="NFC")
        anchors.append(i)  # a fast character found by the scan is an anchor
    # "^[ÃÂ] " can only match where "Ã" or "Â" occurs: two one-character
    # scans (memchr, ~0.3 us) instead of a MULTILINE regex scan (~9 us on a
    # 2 kB article; a two-character substring scan costs ~3.5 us).
    if ((("\u00c3" in text or "\u00c2" in text) and _BAD_LINE_START.search(text))
            or ("&" in text and HTML_ENTITY_RE.search(text)) or _bad_near(text, anchors)):
        return ftfy.fix_text(text, normalization="NFC")
    fixed = _uncurl(text)
    if fixed != text:
        # Uncurling rewrites characters in place (same length) into ASCII
        # quotes, so the anchors of ``fixed`` are those of ``text`` whose
        # character is still one: no second scan of the whole text (~7 us).
        one, _ = _bad_anchor_re()
        kept = [i for i in anchors if fixed[i] == text[i] or one.match(fixed, i)]
        if _bad_near(fixed, kept):
            return ftfy.fix_text(text, normalization="NFC")
    return fixed


# What ftfy's uncurl_quotes replaces (its SINGLE_QUOTE_RE "[ʼ‘-‛]" and
# DOUBLE_QUOTE_RE "[“-‟]"; tests/ingest/test_normalize_shortcuts.py checks every
# code point against ftfy's own function). A chain of str.replace costs ~1 us
# on a 2 kB article, ftfy's two regex substitutions ~12 us.
_SINGLE_QUOTES = "\u02bc\u2018\u2019\u201a\u201b"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f"


def _uncurl(text: str) -> str:
    """``ftfy.fixes.uncurl_quotes(text)``, by plain replacements."""
    for q in _SINGLE_QUOTES:
        text = text.replace(q, "'")
    for q in _DOUBLE_QUOTES:
        text = text.replace(q, '"')
    return text


# Characters frequent in French and English news (most frequent first in the
# bench corpus) that ftfy's mojibake regex never needs: every alternative of
# BADNESS_RE has a character it must match that is neither ASCII nor one of
# these (checked against the regex itself, see _bad_anchor_re).
_COMMON = "éà’èê—ô–îçâûùüëä…öïßáñãåúóíì"
_bad_anchor: tuple[re.Pattern[str], int] | None = None


def _bad_anchor_re() -> tuple[re.Pattern[str], int]:
    """(one character of those a BADNESS_RE match must contain one of,
    the longest match + 1).

    Proven from the regex, not assumed: it is parsed and each of its
    alternatives must have a character element that accepts no ASCII and no
    ``_COMMON`` character; its longest match is its parsed maximum width. If
    ftfy's regex ever stops allowing this, the anchors fall back to all
    non-ASCII characters and then to every character with the span of the
    whole text.

    One character, not runs (``[...]+``): re scans a single-character class
    with its fast first-character loop, ~3x faster than a repeated class
    (7 vs 19 us on a 2 kB article), and the windows of a run's characters
    merge into the run's window (see _bad_near).
    """
    global _bad_anchor
    if _bad_anchor is None:
        common = "".join(chr(i) for i in range(128)) + _COMMON
        try:
            _bad_anchor = (re.compile("[^" + re.escape(common) + "]"),
                           _needs_rare_char(BADNESS_RE, common))
        except _Unproven:
            try:
                ascii_ = "".join(chr(i) for i in range(128))
                _bad_anchor = (re.compile(r"[^\x00-\x7f]"), _needs_rare_char(BADNESS_RE, ascii_))
            except _Unproven:
                _bad_anchor = (re.compile(r"[\s\S]"), 1 << 62)
    return _bad_anchor


class _Unproven(Exception):
    pass


def _needs_rare_char(rx: re.Pattern[str], common: str) -> int:
    """The span bound (max match width + 1) when every match of ``rx``
    contains a character outside ``common``; raises _Unproven otherwise."""
    from re import _compiler, _constants, _parser  # type: ignore[attr-defined]

    tree = _parser.parse(rx.pattern, rx.flags)
    if len(tree) != 1 or tree[0][0] is not _constants.BRANCH:
        raise _Unproven
    flags = rx.flags

    def can_be_common(seq: list[tuple[object, object]]) -> bool:
        """Whether every character this sequence must match can be common."""
        for op, av in seq:
            if op is _constants.AT:
                continue
            if op in (_constants.LITERAL, _constants.IN, _constants.ANY):
                one = _compiler.compile(_parser.SubPattern(_parser.State(), [(op, av)]), flags)
                if not one.search(common):
                    return False
            elif op is _constants.MAX_REPEAT and isinstance(av, tuple):
                if av[0] and not can_be_common(av[2]):
                    return False
            else:
                return True  # an element we do not analyse: assume the worst
        return True

    if any(can_be_common(alt) for alt in tree[0][1][1]):
        raise _Unproven
    width = tree.getwidth()[1]
    if width > 64:
        raise _Unproven
    return width + 1


def _is_bad(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``, searching only near the characters a
    match must contain.

    Every match of ftfy's BADNESS_RE contains a character that is neither
    ASCII nor one of ``_COMMON`` and spans at most ``span - 1`` characters
    (both proven from the regex by _bad_anchor_re), so a match lies within
    ``span`` characters of one (and, per alternative, closer still: see
    _bad_near); searching those windows (``search(text, pos, endpos)``, so
    ``^`` keeps meaning the real start) finds exactly what a whole-text search
    finds, at a fraction of the cost: in French and English news most
    non-ASCII characters are accented letters and apostrophes.
    """
    return _bad_near(text, _anchor_positions(text))


def _anchor_positions(text: str) -> list[int]:
    """Where the characters a BADNESS_RE match needs are in ``text``."""
    anchors, _ = _bad_anchor_re()
    return [m.start() for m in anchors.finditer(text)]


def _bad_near(text: str, positions: list[int]) -> bool:
    """Whether BADNESS_RE matches near one of ``positions`` (ascending, at
    least every anchor of _bad_anchor_re in ``text``).

    Each position is widened by how far a match holding its character can
    reach (_reach: ~1-3 characters for the quotes and accented capitals of
    news, instead of the longest match on both sides: a third of the searching
    for the same verdict); overlapping windows merge. Searching a window
    finds a match only where a whole-text search would (BADNESS_RE looks at
    no character outside what it matches; ``^`` keeps meaning the real start).
    """
    if _reach_plan() is None:
        return _bad_near_uniform(text, positions)
    return _bad_in_windows(text, _reach_windows(text, positions))


def _reach_windows(text: str, positions: list[int]) -> Iterator[tuple[int, int]]:
    """(lo, hi) around each position, by its character's _reach; none for a
    character no match can hold."""
    reach = _reach_cache
    if len(reach) > 100_000:
        reach.clear()
    for i in positions:
        c = text[i]
        r = reach.get(c, _UNKNOWN)
        if r is _UNKNOWN:
            r = reach[c] = _reach(c)
        if r is not None:
            yield max(i - r[0], 0), i + r[1]


def _bad_near_uniform(text: str, positions: list[int]) -> bool:
    """_bad_near with ``span`` characters on each side of every position."""
    _, span = _bad_anchor_re()
    return _bad_in_windows(text, ((max(i - span, 0), i + 1 + span) for i in positions))


def _bad_in_windows(text: str, windows: Iterable[tuple[int, int]]) -> bool:
    """Whether BADNESS_RE matches in one of ``windows`` (ordered by start),
    overlapping ones merged so that no stretch is searched twice."""
    start = end = -1
    for lo, hi in windows:
        if lo <= end:
            if lo < start:
                start = lo
            if hi > end:
                end = hi
            continue
        if end >= 0 and BADNESS_RE.search(text, start, end):
            return True
        start, end = lo, hi
    return end >= 0 and BADNESS_RE.search(text, start, end) is not None


_UNKNOWN = (-1, -1)
_reach_cache: dict[str, tuple[int, int] | None] = {}
_plan: list[tuple[re.Pattern[str], int, int]] | None = None
_plan_done = False


def _reach_plan() -> list[tuple[re.Pattern[str], int, int]] | None:
    """For each alternative of BADNESS_RE: (its first one-character element
    that accepts no ASCII and no ``_COMMON`` character, the most characters
    a match can have before that one, the most from that one to the match's
    end inclusive). None when the regex holds anything not analysed here
    (then windows are the uniform ``span`` of _bad_anchor_re).

    Read from the parsed regex, like _needs_rare_char: a match of an
    alternative holds a character of that element at an offset between the
    widths of what precedes it, so it lies within [i - before, i + after)
    of that character's position i."""
    global _plan, _plan_done
    if not _plan_done:
        try:
            _plan = _alternatives_reach(BADNESS_RE, "".join(chr(i) for i in range(128)) + _COMMON)
        except _Unproven:
            _plan = None
        _plan_done = True
    return _plan


def _alternatives_reach(rx: re.Pattern[str], common: str) -> list[tuple[re.Pattern[str], int, int]]:
    from re import _compiler, _constants, _parser  # type: ignore[attr-defined]

    tree = _parser.parse(rx.pattern, rx.flags)
    if len(tree) != 1 or tree[0][0] is not _constants.BRANCH:
        raise _Unproven
    single = (_constants.LITERAL, _constants.NOT_LITERAL, _constants.IN, _constants.ANY)
    plan = []
    for alt in tree[0][1][1]:
        kmin = kmax = 0
        chosen: tuple[re.Pattern[str], int, int] | None = None
        for op, av in alt:
            if op is _constants.AT:
                if av is not _constants.AT_BEGINNING:
                    raise _Unproven
            elif op in single:
                if chosen is None:
                    one = _compiler.compile(_parser.SubPattern(_parser.State(), [(op, av)]),
                                            rx.flags)
                    if not one.search(common):
                        chosen = (one, kmin, kmax)
                kmin += 1
                kmax += 1
            elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
                lo, hi, sub = av
                if hi is _constants.MAXREPEAT or any(sop not in single for sop, _ in sub):
                    raise _Unproven
                kmin += lo * len(sub)
                kmax += hi * len(sub)
            else:
                raise _Unproven
        if chosen is None:
            raise _Unproven
        one, first, last = chosen
        plan.append((one, last, kmax - first))
    return plan


def _reach(c: str) -> tuple[int, int] | None:
    """(before, after) for a match holding ``c`` at its needed element, the
    widest over the alternatives whose element accepts ``c``; None when no
    alternative needs it (a character no match can be found near)."""
    plan = _reach_plan()
    assert plan is not None
    spans = [(before, after) for one, before, after in plan if one.match(c)]
    if not spans:
        return None
    return max(b for b, _ in spans), max(a for _, a in spans)


def content_hash(text: str) -> str:
    """Hash of the text with whitespace and case folded: two copies that differ
    only in layout are the same article."""
    return hashlib.sha256(_fold_spaces(text).casefold().encode("utf-8")).hexdigest()


# Whitespace (str.isspace) other than a space and a line feed: the 27 such
# characters all lie below U+3001 (tests/ingest/test_normalize_shortcuts.py
# checks every code point).
_OTHER_SPACES = tuple(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n")


def _fold_spaces(text: str) -> str:
    """``" ".join(text.split())``: every run of whitespace one space, none at
    the ends (str.split() splits on runs of the characters \\s matches, both
    use str.isspace: the same as _WS.sub(" ", text).strip()).

    Fast path, for normalised text: when the only whitespace is spaces and line
    feeds, replacing "\\n\\n" then "\\n" by a space turns each run into one
    or more spaces, and into exactly one when no "  " results; stripping the
    ends then gives the split-and-join. Single-character scans and two
    replacements cost ~10 us on a 2 kB article, splitting into ~400 word
    strings and joining them ~20 us."""
    spaced = text.replace("\n\n", " ").replace("\n", " ")
    if "  " in spaced or any(c in text for c in _OTHER_SPACES):
        return " ".join(text.split())
    return spaced.strip(" ")


def clean_field(value: str | None, max_chars: int | None = None) -> str | None:
    """A one-line metadata field (id, source, URL) that every store accepts:
    unstorable characters become spaces, spaces collapse; None when empty."""
    if value is None:
        return None
    value = _BIDI_CONTROLS.sub("", unicodedata.normalize("NFC", str(value)))
    value = _WS.sub(" ", _UNSTORABLE.sub(" ", value)).strip()
    if max_chars is not None:
        value = value[:max_chars]
    return value or None
