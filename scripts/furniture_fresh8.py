"""Pick the lines of held-out set 8 and the documents of session 12's read
check (session 12; run once, kept for the record).

Set 8 is the session's honest held-out figure: labelled by reading before any
change to the detector and scored once with v8 first. Its documents are
those no labels file names (for news-clusters, where every article is named,
the segments no label names), outside every earlier read check (sessions 9-11,
re-drawn by :mod:`furniture_fresh6`'s rules, which this script repeats) and
outside this session's read check (``s12read``, drawn first: 10 SemEval texts
in en, de, es, fr, it and 10 PolNeAR texts, never labelled):

- news-clusters: in salted hash order (``s12fresh8``), the articles set 6 did
  not draw from, every segment no label names, up to :data:`NC_LINES`;
- SemEval: texts of at most :data:`SEM_MOST` segments in en, de, es, fr, it
  (a language in turn), every segment, up to :data:`SEM_LINES`.

Writes the candidates (JSONL, the whole line in ``text``, ``part:
fresh8-held-out``) to stdout; ``--read`` lists the read-check documents.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from veille.analyze.evaluate_furniture import Doc, line_hash, load_docs
from veille.analyze.furniture import segments

ROOT = Path(__file__).resolve().parents[1]
NC_LINES = 150
SEM_LINES = 140
SEM_MOST = 25
LANGS4 = ("en", "de", "es", "fr")
LANGS5 = ("en", "de", "es", "fr", "it")
Key = tuple[str, str]


def _h(salt: str, s: str) -> str:
    return hashlib.sha1(f"{salt}:{s}".encode()).hexdigest()


def _used(skip: tuple[str, ...]) -> dict[Key, set[int]]:
    used: dict[Key, set[int]] = {}
    for f in (ROOT / "tests" / "data" / "furniture").glob("*.jsonl"):
        if f.stem in skip:
            continue
        for raw in f.open(encoding="utf-8"):
            if raw.strip():
                r = json.loads(raw)
                used.setdefault((r["corpus"], r["doc"]), set()).add(int(r["segment"]))
    return used


class _Picker:
    """Salted-hash draws among the documents free of labels (furniture_fresh6's rule)."""

    def __init__(self, free: dict[Key, Doc]) -> None:
        self.free = free
        self.nseg = {k: len(segments(d.text, d.language)) for k, d in free.items()}

    def pick(self, corpus: str, n: int, salt: str, most: int, exclude: set[Key],
             per_lang: bool = False, langs: tuple[str, ...] | None = None) -> list[Key]:
        ds = sorted((k for k in self.free if k[0] == corpus and k not in exclude
                     and 0 < self.nseg[k] <= most
                     and (langs is None or self.free[k].language in langs)),
                    key=lambda k: _h(salt, k[1]))
        if not per_lang:
            return ds[:n]
        out: list[Key] = []
        while len(out) < min(n, len(ds)):
            for lang in sorted({self.free[k].language or "" for k in ds}):
                nxt = next((k for k in ds if self.free[k].language == lang and k not in out), None)
                if nxt is not None and len(out) < n:
                    out.append(nxt)
        return out


def _earlier_reads(docs: dict[Key, Doc]) -> set[Key]:
    """Sessions 9-11's read checks and set 7's pool, as furniture_fresh6.py draws them."""
    used = _used(("fresh6", "fresh7", "fresh8"))
    p = _Picker({k: d for k, d in docs.items() if k not in used})
    s9 = set(p.pick("polnear-train", 8, "s9read", 60, set()) + p.pick("polnear-dev", 4, "s9read", 60, set())
             + p.pick("semeval", 6, "s9read", 40, set(), True)
             + p.pick("fr-timebank-dev", 2, "s9read", 40, set()))
    s10 = set(p.pick("polnear-dev", 8, "s10read", 60, s9)
              + p.pick("semeval", 12, "s10read", 40, s9, True, LANGS4))
    s11 = set(p.pick("polnear-train", 10, "s11read", 60, s9 | s10))
    read_sem = [k for k in p.pick("semeval", 10_000, "s11read", 40, s10) if p.free[k].language in LANGS4]
    sem: list[Key] = []
    for lang in ("en", "de", "es", "fr", "en", "de", "es", "fr", "en", "fr"):
        sem.append(next(k for k in read_sem if p.free[k].language == lang and k not in sem))
    return s9 | s10 | s11 | set(sem)


def main() -> None:
    docs = load_docs(ROOT.parent / "shared" / "data", ROOT / "examples")
    earlier = _earlier_reads(docs)
    used = _used(("fresh8",))
    p = _Picker({k: d for k, d in docs.items() if k not in used and k not in earlier})
    read = (p.pick("semeval", 10, "s12read", 40, set(), True, LANGS5)
            + p.pick("polnear-dev", 5, "s12read", 60, set())
            + p.pick("polnear-train", 5, "s12read", 60, set()))
    if sys.argv[1:] == ["--read"]:
        for k in read:
            print(f"{k[0]}\t{k[1]}\t{p.free[k].language}\t{p.nseg[k]}")
        return
    rows: list[dict[str, object]] = []
    set6 = {(r["corpus"], r["doc"]) for r in map(json.loads, (ROOT / "tests" / "data" / "furniture"
                                                               / "fresh6.jsonl").open(encoding="utf-8"))}
    nc = sorted((k for k in docs if k[0] == "news-clusters" and k not in set6),
                key=lambda k: _h("s12fresh8", k[1]))
    n = 0
    for key in nc:
        d = docs[key]
        spans = segments(d.text, d.language)
        picked = [i for i in range(len(spans)) if i not in used.get(key, set())]
        rows.extend(_row(key, d, i, spans[i]) for i in picked)
        n += len(picked)
        if n >= NC_LINES:
            break
    n = 0
    for key in p.pick("semeval", 10_000, "s12fresh8", SEM_MOST, set(read), True, LANGS5):
        d = docs[key]
        spans = segments(d.text, d.language)
        rows.extend(_row(key, d, i, s) for i, s in enumerate(spans))
        n += len(spans)
        if n >= SEM_LINES:
            break
    for r in rows:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")


def _row(key: Key, d: Doc, i: int, span: tuple[int, int]) -> dict[str, object]:
    line = d.text[span[0]:span[1]]
    return {"corpus": key[0], "doc": key[1], "segment": i, "part": "fresh8-held-out",
            "source": d.source, "round": 12, "language": d.language, "sha1": line_hash(line),
            "text": line}


if __name__ == "__main__":
    main()
