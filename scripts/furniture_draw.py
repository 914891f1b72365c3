"""The draw of a held-out furniture set, shared by the fresh13 to fresh16
scripts (sessions 19-21).

Sessions 12-18 each copied the previous script's loop (read checks re-drawn,
then news-clusters pages, PolNeAR texts, SemEval texts in salted hash order);
a draw is only reproducible when each set's salts, caps and skip lists stay
as they were, so those are the parameters here (a :class:`Draw`) and the
loop is one. Every earlier session's read check is re-drawn by its own rule
(:func:`earlier_reads`) so that no set labels a text some session read while
tuning.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from furniture_fresh8 import LANGS5, Key, _earlier_reads, _h, _Picker, _used  # type: ignore[import-not-found]
from furniture_fresh11 import _read_check  # type: ignore[import-not-found]

from veille.analyze.evaluate_furniture import Doc, line_hash, load_docs
from veille.analyze.furniture import segments

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "furniture"
#: The read checks of sessions 12 onwards, in order: (salt, the set drawn in
#: that session). A session's read check was drawn with its own set and the
#: later ones not yet written, so each is re-drawn skipping them.
READ_SALTS = (("s12read", "fresh8"), ("s13read", "fresh9"), ("s14read", "fresh10"),
              ("s15read", "fresh11"), ("s17read", "fresh12"), ("s18read", "fresh13"),
              ("s19read", "fresh14"), ("s20read", "fresh15"), ("s21read", "fresh16"))


@dataclass(frozen=True)
class Draw:
    """One set's recorded draw: its salts, caps and strata."""

    name: str  # "fresh13": the labels file and the part "fresh13-held-out"
    round: int  # the session
    read_salt: str  # this session's read check ("s18read")
    salt: str  # the set's own order ("s18fresh13")
    nc_lines: int
    nc_most: int
    nc_drawn_from: tuple[str, ...]  # sets whose news-clusters pages are not drawn again
    pol_lines: int
    pol_most: int
    sem_lines: int
    sem_most: int
    sem_langs: tuple[str, ...]


def _later(draw: Draw) -> tuple[str, ...]:
    """The set itself and those drawn after it: their labels did not exist
    when it was drawn, so a re-draw skips them."""
    sets = [s for _, s in READ_SALTS]
    return tuple(sets[sets.index(draw.name):])


def read_check(docs: dict[Key, Doc], draw: Draw) -> tuple[_Picker, list[Key], set[Key]]:
    """Every earlier read check excluded (returned too), this session's drawn
    first: 10 SemEval texts (en, de, es, fr, it) and 5 + 5 PolNeAR texts."""
    earlier = _earlier_reads(docs)
    sets = [s for _, s in READ_SALTS]
    for k, (salt, _) in enumerate(READ_SALTS):
        if salt == draw.read_salt:
            break
        earlier |= _read_check(docs, earlier, tuple(sets[k:]), salt)
    used = _used(_later(draw))
    p = _Picker({k: d for k, d in docs.items() if k not in used and k not in earlier})
    read = (p.pick("semeval", 10, draw.read_salt, 40, set(), True, LANGS5)
            + p.pick("polnear-dev", 5, draw.read_salt, 60, set())
            + p.pick("polnear-train", 5, draw.read_salt, 60, set()))
    return p, read, earlier


def rows(draw: Draw) -> tuple[list[tuple[Key, str | None, int]], Iterator[dict[str, object]]]:
    """The read check (key, language, segments) and the set's candidate rows."""
    docs = load_docs(ROOT.parent / "shared" / "data", ROOT / "examples")
    p, read, earlier = read_check(docs, draw)
    listed = [(k, p.free[k].language, p.nseg[k]) for k in read]
    return listed, _rows(docs, p, read, earlier, draw)


def _rows(docs: dict[Key, Doc], p: _Picker, read: list[Key], earlier: set[Key],
          draw: Draw) -> Iterator[dict[str, object]]:
    used = _used(_later(draw))
    drawn: set[Key] = set()
    for name in draw.nc_drawn_from:
        with (LABELS / f"{name}.jsonl").open(encoding="utf-8") as fh:
            drawn |= {(r["corpus"], r["doc"]) for r in map(json.loads, fh) if r}
    nc = sorted((k for k in docs if k[0] == "news-clusters" and k not in drawn and k not in earlier),
                key=lambda k: _h(draw.salt, k[1]))
    n = 0
    for key in nc:
        if n >= draw.nc_lines:
            break
        d = docs[key]
        spans = segments(d.text, d.language)
        if len(spans) > draw.nc_most:
            continue
        picked = [i for i in range(len(spans)) if i not in used.get(key, set())]
        yield from (_row(draw, key, d, i, spans[i]) for i in picked)
        n += len(picked)
    n = 0
    pol = sorted((k for k in p.free if k[0] in ("polnear-dev", "polnear-train") and k not in read
                  and 0 < p.nseg[k] <= draw.pol_most), key=lambda k: _h(draw.salt, k[1]))
    for key in pol:
        if n >= draw.pol_lines:
            break
        d = docs[key]
        spans = segments(d.text, d.language)
        yield from (_row(draw, key, d, i, s) for i, s in enumerate(spans))
        n += len(spans)
    n = 0
    for key in p.pick("semeval", 10_000, draw.salt, draw.sem_most, set(read), True, draw.sem_langs):
        if n >= draw.sem_lines:
            break
        d = docs[key]
        spans = segments(d.text, d.language)
        yield from (_row(draw, key, d, i, s) for i, s in enumerate(spans))
        n += len(spans)


def _row(draw: Draw, key: Key, d: Doc, i: int, span: tuple[int, int]) -> dict[str, object]:
    line = d.text[span[0]:span[1]]
    return {"corpus": key[0], "doc": key[1], "segment": i, "part": f"{draw.name}-held-out",
            "source": d.source, "round": draw.round, "language": d.language, "sha1": line_hash(line),
            "text": line}


def main(draw: Draw, argv: list[str]) -> None:
    """``--read`` lists the read check; otherwise the candidates go to stdout."""
    listed, cands = rows(draw)
    if argv == ["--read"]:
        for k, lang, nseg in listed:
            print(f"{k[0]}\t{k[1]}\t{lang}\t{nseg}")
        return
    for r in cands:
        print(json.dumps(r, ensure_ascii=False))
