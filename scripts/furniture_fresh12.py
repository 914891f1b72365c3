"""Pick the lines of held-out set 12 and the documents of session 17's read
check (session 17; run once, kept for the record).

Set 12 is the session's honest held-out figure: labelled by reading before any
change to the detector and scored once with v12 first. Same rule as set 11
(:mod:`furniture_fresh11`): outside every earlier read check (sessions 9-15,
re-drawn by their rules) and outside this session's read check (``s17read``,
drawn first: 10 SemEval texts in en, de, es, fr, it and 10 PolNeAR texts, never
labelled), in salted hash order (``s17fresh12``):

- news-clusters: the articles sets 6, 8, 9, 10 and 11 did not draw from, of at
  most :data:`NC_MOST` segments (set 11's rule took its last article whole and
  one 168-line page made half the set: a cap keeps one page from deciding the
  figure), every segment no label names, up to :data:`NC_LINES`;
- SemEval: texts no labels file names, of at most :data:`SEM_MOST` segments
  in en, de, es, fr, it (a language in turn), every segment, up to
  :data:`SEM_LINES`.

Writes the candidates (JSONL, the whole line in ``text``, ``part:
fresh12-held-out``) to stdout; ``--read`` lists the read-check documents.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from furniture_fresh8 import LANGS5, Key, _earlier_reads, _h, _Picker, _used  # type: ignore[import-not-found]
from furniture_fresh11 import _read_check  # type: ignore[import-not-found]

from veille.analyze.evaluate_furniture import Doc, line_hash, load_docs
from veille.analyze.furniture import segments

ROOT = Path(__file__).resolve().parents[1]
NC_LINES = 150
NC_MOST = 60
SEM_LINES = 130
SEM_MOST = 25


def main() -> None:
    docs = load_docs(ROOT.parent / "shared" / "data", ROOT / "examples")
    earlier = _earlier_reads(docs)
    earlier |= _read_check(docs, earlier, ("fresh8", "fresh9", "fresh10", "fresh11", "fresh12"), "s12read")
    earlier |= _read_check(docs, earlier, ("fresh9", "fresh10", "fresh11", "fresh12"), "s13read")
    earlier |= _read_check(docs, earlier, ("fresh10", "fresh11", "fresh12"), "s14read")
    earlier |= _read_check(docs, earlier, ("fresh11", "fresh12"), "s15read")
    used = _used(("fresh12",))
    p = _Picker({k: d for k, d in docs.items() if k not in used and k not in earlier})
    read = (p.pick("semeval", 10, "s17read", 40, set(), True, LANGS5)
            + p.pick("polnear-dev", 5, "s17read", 60, set())
            + p.pick("polnear-train", 5, "s17read", 60, set()))
    if sys.argv[1:] == ["--read"]:
        for k in read:
            print(f"{k[0]}\t{k[1]}\t{p.free[k].language}\t{p.nseg[k]}")
        return
    drawn: set[Key] = set()
    for name in ("fresh6", "fresh8", "fresh9", "fresh10", "fresh11"):
        with (ROOT / "tests" / "data" / "furniture" / f"{name}.jsonl").open(encoding="utf-8") as fh:
            drawn |= {(r["corpus"], r["doc"]) for r in map(json.loads, fh) if r}
    rows: list[dict[str, object]] = []
    nc = sorted((k for k in docs if k[0] == "news-clusters" and k not in drawn),
                key=lambda k: _h("s17fresh12", k[1]))
    n = 0
    for key in nc:
        d = docs[key]
        spans = segments(d.text, d.language)
        if len(spans) > NC_MOST:
            continue
        picked = [i for i in range(len(spans)) if i not in used.get(key, set())]
        rows.extend(_row(key, d, i, spans[i]) for i in picked)
        n += len(picked)
        if n >= NC_LINES:
            break
    n = 0
    for key in p.pick("semeval", 10_000, "s17fresh12", SEM_MOST, set(read), True, LANGS5):
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
    return {"corpus": key[0], "doc": key[1], "segment": i, "part": "fresh12-held-out",
            "source": d.source, "round": 17, "language": d.language, "sha1": line_hash(line),
            "text": line}


if __name__ == "__main__":
    main()
