"""Pick the documents of fresh held-out set 5 and of the session-10 read check
(session 10; run once, kept for the record).

Documents no labels file names, outside session 9's read check (``s9read``,
re-drawn here by the same rule as ``furniture_fresh4.py``); the 20 of session
10's read check are set aside first by a salted hash (``s10read``: 8 PolNeAR
dev, 12 SemEval en/de/es/fr) and never labelled; fresh 5 then takes, by
another salted hash (``s10fresh5``), every segment of: PolNeAR dev texts of
at most 30 segments and SemEval texts (en, de, es, fr only: the languages the
brief names) of at most 25 segments, a language in turn. No news-clusters
article is left unlabelled. Writes the candidates (JSONL, the whole line in
``text``) to stdout; ``--read`` lists the read-check documents instead.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from veille.analyze.evaluate_furniture import line_hash, load_docs
from veille.analyze.furniture import segments

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("en", "de", "es", "fr")


def _h(salt: str, s: str) -> str:
    return hashlib.sha1(f"{salt}:{s}".encode()).hexdigest()


def main() -> None:
    docs = load_docs(ROOT.parent / "shared" / "data", ROOT / "examples")
    used = set()
    for f in (ROOT / "tests" / "data" / "furniture").glob("*.jsonl"):
        for raw in f.open(encoding="utf-8"):
            if raw.strip():
                r = json.loads(raw)
                used.add((r["corpus"], r["doc"]))
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
        while len(out) < min(n, len(ds)):  # a language in turn, hash order within each
            for lang in sorted({free[k].language for k in ds}):
                nxt = next((k for k in ds if free[k].language == lang and k not in out), None)
                if nxt is not None and len(out) < n:
                    out.append(nxt)
        return out

    # session 9's read check, by its own rule (furniture_fresh4.py), stays out
    s9read = set(pick("polnear-train", 8, "s9read", 60, set()) + pick("polnear-dev", 4, "s9read", 60, set())
                 + pick("semeval", 6, "s9read", 40, set(), True)
                 + pick("fr-timebank-dev", 2, "s9read", 40, set()))
    read = set(pick("polnear-dev", 8, "s10read", 60, s9read)
               + pick("semeval", 12, "s10read", 40, s9read, True, LANGS))
    out = s9read | read
    fresh = (pick("polnear-dev", 12, "s10fresh5", 30, out)
             + pick("semeval", 16, "s10fresh5", 25, out, True, LANGS))
    if sys.argv[1:] == ["--read"]:
        for k in sorted(read):
            print(f"{k[0]}\t{k[1]}\t{free[k].language}\t{nseg[k]}")
        return
    for key in fresh:
        d = free[key]
        for i, (a, b) in enumerate(segments(d.text, d.language)):
            line = d.text[a:b]
            sys.stdout.write(json.dumps({"corpus": key[0], "doc": key[1], "segment": i,
                                         "part": "fresh5-held-out", "source": d.source,
                                         "round": 10, "language": d.language,
                                         "sha1": line_hash(line), "text": line}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
