"""Pick the lines of held-out set 13 and the documents of session 18's read
check (session 18; run once, kept for the record).

Set 13 is the session's honest held-out figure: labelled by reading before any
change to the detector and scored once with v13 first. Set 12's rule
(:mod:`furniture_fresh12`) with PolNeAR added and SemEval in en, de, es, fr
(the brief's strata): outside every earlier read check (sessions 9-17,
re-drawn by their rules) and outside this session's read check
(``s18read``, drawn first: 10 SemEval texts in en, de, es, fr, it and 10
PolNeAR texts, never labelled), in salted hash order (``s18fresh13``):

- news-clusters: the articles sets 6 and 8-12 did not draw from, of at most
  :data:`NC_MOST` segments, every segment no label names, up to
  :data:`NC_LINES`;
- PolNeAR dev and train: texts no labels file names, of at most
  :data:`POL_MOST` segments, every segment, up to :data:`POL_LINES`;
- SemEval: texts no labels file names, of at most :data:`SEM_MOST` segments
  in en, de, es, fr (a language in turn), every segment, up to
  :data:`SEM_LINES`.

Writes the candidates (JSONL, the whole line in ``text``, ``part:
fresh13-held-out``) to stdout; ``--read`` lists the read-check documents.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from furniture_fresh8 import LANGS4, LANGS5, Key, _earlier_reads, _h, _Picker, _used  # type: ignore[import-not-found]
from furniture_fresh11 import _read_check  # type: ignore[import-not-found]

from veille.analyze.evaluate_furniture import Doc, line_hash, load_docs
from veille.analyze.furniture import segments

ROOT = Path(__file__).resolve().parents[1]
NC_LINES = 90
NC_MOST = 60
POL_LINES = 70
POL_MOST = 30
SEM_LINES = 110
SEM_MOST = 25
SETS = ("fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13")


def main() -> None:
    docs = load_docs(ROOT.parent / "shared" / "data", ROOT / "examples")
    earlier = _earlier_reads(docs)
    for k, salt in enumerate(("s12read", "s13read", "s14read", "s15read", "s17read")):
        earlier |= _read_check(docs, earlier, SETS[k:], salt)
    used = _used(("fresh13",))
    p = _Picker({k: d for k, d in docs.items() if k not in used and k not in earlier})
    read = (p.pick("semeval", 10, "s18read", 40, set(), True, LANGS5)
            + p.pick("polnear-dev", 5, "s18read", 60, set())
            + p.pick("polnear-train", 5, "s18read", 60, set()))
    if sys.argv[1:] == ["--read"]:
        for k in read:
            print(f"{k[0]}\t{k[1]}\t{p.free[k].language}\t{p.nseg[k]}")
        return
    drawn: set[Key] = set()
    for name in ("fresh6", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12"):
        with (ROOT / "tests" / "data" / "furniture" / f"{name}.jsonl").open(encoding="utf-8") as fh:
            drawn |= {(r["corpus"], r["doc"]) for r in map(json.loads, fh) if r}
    rows: list[dict[str, object]] = []
    nc = sorted((k for k in docs if k[0] == "news-clusters" and k not in drawn and k not in earlier),
                key=lambda k: _h("s18fresh13", k[1]))
    n = 0
    for key in nc:
        d = docs[key]
        spans = segments(d.text, d.language)
        if len(spans) > NC_MOST:
            continue
        picked = [i for i in range(len(spans)) if i not in used.get(key, set())]
        if not picked:
            continue
        rows.extend(_row(key, d, i, spans[i]) for i in picked)
        n += len(picked)
        if n >= NC_LINES:
            break
    n = 0
    pol = sorted((k for k in p.free if k[0] in ("polnear-dev", "polnear-train") and k not in read
                  and 0 < p.nseg[k] <= POL_MOST), key=lambda k: _h("s18fresh13", k[1]))
    for key in pol:
        d = docs[key]
        spans = segments(d.text, d.language)
        rows.extend(_row(key, d, i, s) for i, s in enumerate(spans))
        n += len(spans)
        if n >= POL_LINES:
            break
    n = 0
    for key in p.pick("semeval", 10_000, "s18fresh13", SEM_MOST, set(read), True, LANGS4):
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
    return {"corpus": key[0], "doc": key[1], "segment": i, "part": "fresh13-held-out",
            "source": d.source, "round": 18, "language": d.language, "sha1": line_hash(line),
            "text": line}


if __name__ == "__main__":
    main()
