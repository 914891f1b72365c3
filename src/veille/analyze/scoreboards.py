"""Results tables and score lines: the names in them are teams, not places.

Wire copy prints sport as tables, one line a row: "NEW YORK 74 59 .556 -",
"Lotte 6 Hyundai 2", "Glamorgan 235". A model trained on prose reads a city
there as the city (OntoNotes' GPE) and misses the names it does not know; to a
reader the row is a team, an organisation, and a city's entity page that
lists its baseball standings is wrong. The evidence is the shape of the line,
not a list of clubs: a line made of capitalised names and figures only (no
lower-case word, no date: a dateline "BELGRADE 1996-08-30" is a place), with
a name followed by a figure and at least two figures in all. On such a line a
place or unknown name that is not a country (national sides and
nationalities in brackets stay places, as CoNLL-2003 and the press label
them) is a team, and a person stays a person (a bowler's figures, a
cyclist's time).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from veille.analyze import gazetteer
from veille.core.model import Mention

#: The cue a team's mention carries (``Mention.label_cue``): the linker keeps
#: it apart from the place of that name.
TEAM = "team"
#: The evidence a team's names carry on their entity, and the prefix of their
#: keys: a team joins the team of that name only, never the city.
TEAM_EVIDENCE = "a team in a results table"
TEAM_KEY = "team:"
#: A figure of a table: a score, a count, a ratio, a time, a rank ("74",
#: ".556", "1/2", "8-1-26-3", "20:36:54", "211,175", "5.", "+3").
_FIGURE = re.compile(r"^[+-]?(?:\d[\d.,:/-]*|\.\d+)$")
_PUNCT = frozenset({",", "(", ")", "-", "--", "–", "—", ".", ";", ":", "|"})
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_TOKEN = re.compile(r"\S+")


def _kind(tok: str) -> str:
    """'n' a figure, 'p' punctuation, 'w' a name word, 'x' anything else."""
    if tok in _PUNCT:
        return "p"
    core = tok.rstrip(",;")
    if _FIGURE.match(core):
        return "n"
    if core[:1].isupper() and any(c.isalpha() for c in core):
        return "w"
    return "x"


def _table_row(tokens: list[str], stop: Callable[[str], bool]) -> bool:
    kinds = [_kind(t) for t in tokens]
    if "x" in kinds or kinds.count("n") < 2 or any(_ISO_DATE.match(t) for t in tokens):
        return False
    # a headline in capitals is prose: it has function words ("FRANCE LAUNCH
    # 1998 WORLD CUP BUILD-UP WITH 2-0 WIN")
    if any(k == "w" and stop(t) for k, t in zip(kinds, tokens, strict=True)):
        return False
    seq = [k for k in kinds if k != "p"]
    return any(a == "w" and b == "n" for a, b in zip(seq, seq[1:], strict=False))


#: What follows a team in a row: a plain count (a score, games won); a
#: player's row has compound figures ("8-0-39-3" bowling, "6-4" a set,
#: "20:36:54" a time).
_COUNT = re.compile(r"^\d+,?$")


def _run_end(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index past the run of name words from ``i``, or ``i`` when no count follows it."""
    j = i
    while j < len(toks) and _kind(toks[j][2]) == "w" and not toks[j][2].startswith("("):
        j += 1
    return j if j < len(toks) and _COUNT.match(toks[j][2]) else i


def _over_figures(text: str) -> bool:
    """A span of a table row holding a figure is the model reading across the
    row, not a name: "Atlanta 5 PITTSBURGH 1" is two teams and their scores,
    "Bournemouth 4" a team and its games played."""
    return any(_kind(t) == "n" for t in text.split())


def _as_team(out: list[Mention], hits: list[Mention], text: str, start: int,
             sentence_of: Callable[[int], int]) -> None:
    """Put one team mention where the model's ``hits`` were; the model's label
    is kept as evidence when one span is replaced, as other label repairs do."""
    for m in hits:
        out.remove(m)
    n = Mention(text=text, label="ORG", start=start, end=start + len(text), sentence=sentence_of(start))
    n.model_label = hits[0].label if len(hits) == 1 else None
    n.label_cue = TEAM
    out.append(n)


def teams(out: list[Mention], full: str, offset: int, sentence_of: Callable[[int], int],
          skip: Callable[[str], bool] = lambda w: False,
          stop: Callable[[str], bool] = lambda w: False) -> list[Mention]:
    """Relabel as teams the place names of a results table's rows (a name the
    model cut short is taken to its end: "Cambridge United 4 1 2"), and add
    the team names the model missed there (a run of name words followed by a
    figure, outside brackets, that is no country). A word of a person the
    article names ("Fleming" of "D. Fleming", his bowling figures) and a word
    ``skip`` rejects (a month: "July 4.5") are no team, and a row holding a
    word ``stop`` accepts (a function word) is a headline; an organisation the
    model found is one already, and keeps its own name unless it is a city's."""
    persons = {w for m in out if m.label == "PER" for w in m.text.split()}
    pos = 0
    added = False
    for line in full.split("\n"):
        start, pos = pos, pos + len(line) + 1
        toks = [(m.start() + start, m.end() + start, m.group()) for m in _TOKEN.finditer(line)]
        if not toks or not _table_row([t for _, _, t in toks], stop):
            continue
        depth = 0
        i = 0
        while i < len(toks):
            ts, _, t = toks[i]
            depth += t.count("(") + t.count("{")
            j = _run_end(toks, i) if not depth and _kind(t) == "w" else i
            if t.endswith(")"):
                depth = max(0, depth - 1)
            if j == i:
                i += 1
                continue
            rs = ts
            re_ = toks[j - 1][0] + len(toks[j - 1][2].rstrip(",;"))
            text = full[rs:re_]
            i = j
            if any(c.isdigit() for c in text) or gazetteer.country_code(text) or any(
                    w in persons or skip(w) for w in text.split()):
                continue
            hits = [m for m in out if m.start < re_ + offset and rs + offset < m.end]
            if any(m.label == "PER" or (not _over_figures(m.text) and (
                    m.start < rs + offset or (m.end > re_ + offset and not all(
                        _kind(x) in "np" for x in full[re_:m.end - offset].split()))))
                   for m in hits):
                continue  # a person's figures, or a span the model ran past the row
            if len(hits) == 1 and hits[0].label == "ORG" and not gazetteer.city(hits[0].text) \
                    and not _over_figures(hits[0].text):
                continue
            _as_team(out, hits, text, rs + offset, sentence_of)
            added = True
    if added:
        out.sort(key=lambda m: m.start)
    return out


def _fixture_sides(tokens: list[str], links: frozenset[str],
                   venues: frozenset[str] = frozenset()) -> list[tuple[int, int, bool]] | None:
    """The name runs (token index ranges, and whether the run is the venue) of
    a fixture line, or None: pairs of capitalised runs joined by a link word
    ("Birmingham v Barnsley , Manchester City v Charlton") or by a venue word
    ("KANSAS CITY AT DETROIT": the second is where they play), pairs
    separated by commas, after an optional label ending with a colon
    ("Postponed :")."""
    links = links | venues
    base = tokens.index(":") + 1 if ":" in tokens else 0
    tokens = tokens[base:]
    sides: list[tuple[int, int, bool]] = []
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while j < n and _kind(tokens[j]) == "w" and tokens[j].lower() not in links:
            j += 1
        if j == i or j >= n or tokens[j].lower() not in links:
            return None
        k = j + 1
        while k < n and _kind(tokens[k]) == "w" and tokens[k].lower() not in links:
            k += 1
        if k == j + 1:
            return None
        sides += [(i, j, False), (j + 1, k, tokens[j].lower() in venues)]
        while k < n and tokens[k] in (",", ";", "."):
            k += 1
        i = k
    return [(a + base, b + base, v) for a, b, v in sides] if sides else None


#: A schedule lists fixtures: this many lines of them in one text at least.
FIXTURE_LINES = 2


def fixtures(out: list[Mention], full: str, offset: int, sentence_of: Callable[[int], int],
             links: frozenset[str], venues: frozenset[str] = frozenset()) -> list[Mention]:
    """Relabel as teams the sides of a fixture list's lines ("Postponed :
    Walsall v Wrexham", "CHICAGO AT TORONTO"): a line made only of names
    paired by a link word of the packs ("v", "vs") is a schedule, and a place
    on it is the club of that place; after a venue word ("at") the place is
    where the game is played, and stays a place. The line must be nothing but
    those pairs, and every side a place or an organisation to the model or
    the gazetteer: a person on it makes it a match of players ("Agassi v
    Sampras") or a headline ("Trump at Davos"), and the line is left alone;
    a country, or a nation of one ("Scotland v Wales"), stays a place (a
    national side, as in results tables). A schedule has several such lines:
    one alone is a headline or a subhead ("Auckland v. Oakland", over a story
    of a flight to the wrong one)."""
    pos = 0
    changed = False
    rows: list[tuple[list[tuple[int, int, str]], list[tuple[int, int, bool]]]] = []
    for line in full.split("\n"):
        start, pos = pos, pos + len(line) + 1
        toks = [(m.start() + start, m.end() + start, m.group()) for m in _TOKEN.finditer(line)]
        sides = _fixture_sides([t for _, _, t in toks], links, venues) if len(toks) >= 3 else None
        if sides:
            rows.append((toks, sides))
    # one such line alone is a headline or a subhead ("Auckland v. Oakland" over
    # a story of two flights), not a schedule
    for toks, sides in rows if len(rows) >= FIXTURE_LINES else ():
        plan: list[tuple[int, int, list[Mention]]] = []
        for a, b, venue in sides:
            rs, re_ = toks[a][0], toks[b - 1][0] + len(toks[b - 1][2].rstrip(",;."))
            text = full[rs:re_]
            hits = [m for m in out if m.start < re_ + offset and rs + offset < m.end]
            if any(m.label == "PER" or m.start < rs + offset or m.end > re_ + offset
                   for m in hits) or not (hits or gazetteer.city(text)
                                          or gazetteer.is_club_region(text)):
                plan = []
                break
            if not venue:
                plan.append((rs, re_, hits))
        for rs, re_, hits in plan:
            text = full[rs:re_]
            if gazetteer.country_code(text) or (
                    gazetteer.is_subdivision(text) and not gazetteer.is_club_region(text)
                    and not gazetteer.city(text)) or (
                    len(hits) == 1 and hits[0].label == "ORG" and not gazetteer.city(text)):
                continue
            _as_team(out, hits, text, rs + offset, sentence_of)
            changed = True
    if changed:
        out.sort(key=lambda m: m.start)
    return out
