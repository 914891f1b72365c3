"""Pick the lines of training set 6 and the documents of the session-11 read
check (session 11; run once, kept for the record).

Session 10's census of what the detector misses when one labels set is left
out (sets 1-4, never fresh 5, held out) found kinds the sets hold once or
twice: the lines at the end of a page (contributor lines, a writer's bio, an
editor's note, a newsletter box's messages) and short lines inside the body
(subheads, question subheads, full-sentence captions). So set 6 is drawn
where those kinds live, by the line's place and shape, never by its words
nor by a model's score:

- news-clusters: every news-clusters article is named by a labels file, but
  281 only by a few short lines; among those, in salted hash order
  (``s11fresh6``), the segments no label names that are among the last
  :data:`TAIL` of the article or are short (at most :data:`SHORT` characters)
  and not the first;
- PolNeAR train: every segment of texts of at most 40 segments no labels
  file names, outside the read checks of sessions 9 and 10 (re-drawn by their
  rules) and this session's (``s11read``: 10 PolNeAR train texts, never
  labelled), in salted hash order.

Writes the candidates (JSONL, the whole line in ``text``, ``part: fresh6``)
to stdout; ``--read`` lists the read-check documents instead.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from veille.analyze.evaluate_furniture import line_hash, load_docs
from veille.analyze.furniture import segments

ROOT = Path(__file__).resolve().parents[1]
TAIL = 4
SHORT = 100
NC_LINES = 230
PN_LINES = 170
SEM_LINES = 240
LANGS = ("en", "de", "es", "fr")


def _h(salt: str, s: str) -> str:
    return hashlib.sha1(f"{salt}:{s}".encode()).hexdigest()


def main() -> None:
    docs = load_docs(ROOT.parent / "shared" / "data", ROOT / "examples")
    used: dict[tuple[str, str], set[int]] = {}
    for f in (ROOT / "tests" / "data" / "furniture").glob("*.jsonl"):
        if f.stem in ("fresh6", "fresh7"):  # the sets this script drew: re-running draws them again
            continue
        for raw in f.open(encoding="utf-8"):
            if raw.strip():
                r = json.loads(raw)
                used.setdefault((r["corpus"], r["doc"]), set()).add(int(r["segment"]))
    free = {k: d for k, d in docs.items() if k not in used}
    nseg = {k: len(segments(d.text, d.language)) for k, d in free.items()}

    def pick(corpus: str, n: int, salt: str, most: int, exclude: set, per_lang: bool = False,
             langs: tuple[str, ...] | None = None) -> list:
        ds = sorted((k for k in free if k[0] == corpus and k not in exclude and 0 < nseg[k] <= most
                     and (langs is None or free[k].language in langs)),
                    key=lambda k: _h(salt, k[1]))
        if not per_lang:
            return ds[:n]
        out: list = []
        while len(out) < min(n, len(ds)):
            for lang in sorted({free[k].language for k in ds}):
                nxt = next((k for k in ds if free[k].language == lang and k not in out), None)
                if nxt is not None and len(out) < n:
                    out.append(nxt)
        return out

    # sessions 9 and 10's read checks, by their own rules (furniture_fresh4/5.py), stay out
    s9read = set(pick("polnear-train", 8, "s9read", 60, set()) + pick("polnear-dev", 4, "s9read", 60, set())
                 + pick("semeval", 6, "s9read", 40, set(), True)
                 + pick("fr-timebank-dev", 2, "s9read", 40, set()))
    s10read = set(pick("polnear-dev", 8, "s10read", 60, s9read)
                  + pick("semeval", 12, "s10read", 40, s9read, True, LANGS))
    out = s9read | s10read
    read = set(pick("polnear-train", 10, "s11read", 60, out))
    # the read check's SemEval half (drawn after set 6 was labelled): 10
    # texts in en, de, es, fr of at most 40 segments, outside session 10's check
    read_sem = [k for k in pick("semeval", 10_000, "s11read", 40, s10read)
                if free[k].language in LANGS]
    sem: list = []
    for lang in ("en", "de", "es", "fr", "en", "de", "es", "fr", "en", "fr"):
        sem.append(next(k for k in read_sem if free[k].language == lang and k not in sem))
    if sys.argv[1:] == ["--read"]:
        for k in sorted(read) + sem:
            print(f"{k[0]}\t{k[1]}\t{free[k].language}\t{nseg[k]}")
        return
    if sys.argv[1:] == ["--set7"]:
        _set7(free, nseg, pick("semeval", 10_000, "s11tail7", 40, out | set(sem)))
        return
    rows: list[dict] = []
    nc = sorted((k for k in docs if k[0] == "news-clusters" and k in used),
                key=lambda k: _h("s11fresh6", k[1]))
    n_nc = 0
    for key in nc:
        d = docs[key]
        spans = segments(d.text, d.language)
        picked = [i for i, (a, b) in enumerate(spans) if i not in used[key]
                  and (i >= len(spans) - TAIL or (i > 0 and b - a <= SHORT))]
        for i in picked:
            rows.append(_row(key, d, i, spans[i]))
        n_nc += len(picked)
        if n_nc >= NC_LINES:
            break
    n_pn = 0
    for key in pick("polnear-train", 1000, "s11fresh6", 40, out | read):
        d = free[key]
        spans = segments(d.text, d.language)
        rows.extend(_row(key, d, i, s) for i, s in enumerate(spans))
        n_pn += len(spans)
        if n_pn >= PN_LINES:
            break
    for r in rows:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")


def _set7(free: dict, nseg: dict, order: list) -> None:
    """Set 7 (drawn after set 6 and the v8 refit, labelled before any model
    scored it): the same place-and-shape strata in SemEval texts of the four
    languages fresh 5 holds (en, de, es, fr; never its documents): the last
    :data:`TAIL` segments and the short body lines."""
    n = 0
    for key in order:
        d = free[key]
        if d.language not in LANGS:
            continue
        spans = segments(d.text, d.language)
        picked = [i for i, (a, b) in enumerate(spans)
                  if i >= len(spans) - TAIL or (i > 0 and b - a <= SHORT)]
        for i in picked:
            r = _row(key, d, i, spans[i])
            sys.stdout.write(json.dumps({**r, "part": "tune"}, ensure_ascii=False) + "\n")
        n += len(picked)
        if n >= SEM_LINES:
            break


def _row(key: tuple[str, str], d, i: int, span: tuple[int, int]) -> dict:  # type: ignore[no-untyped-def]
    line = d.text[span[0]:span[1]]
    return {"corpus": key[0], "doc": key[1], "segment": i, "part": "fresh6", "source": d.source,
            "round": 11, "language": d.language, "sha1": line_hash(line), "text": line}


if __name__ == "__main__":
    main()
