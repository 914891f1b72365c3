"""Pick the documents of fresh held-out set 4 and of the session-9 read check
(session 9; run once, kept for the record).

Documents no labels file names; the read check's 20 are set aside first by a
salted hash (``s9read``) and never labelled; fresh 4 then takes, by another
salted hash (``s9fresh4``), every segment of: the news-clusters articles left
(all of them), PolNeAR dev and train texts of at most 30 segments, SemEval
texts of at most 20 segments (one per language first), fr-timebank dev texts
of at most 25 segments. Writes the candidates (JSONL, with the whole line in
``text``) to stdout; the labeller adds ``label`` by the README's guide.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from veille.analyze.evaluate_furniture import line_hash, load_docs
from veille.analyze.furniture import segments

ROOT = Path(__file__).resolve().parents[1]


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

    def pick(corpus: str, n: int, salt: str, most: int, exclude: set, per_lang: bool = False) -> list:
        ds = sorted((k for k in free if k[0] == corpus and k not in exclude and 0 < nseg[k] <= most),
                    key=lambda k: _h(salt, k[1]))
        if not per_lang:
            return ds[:n]
        out, langs = [], set()
        for k in ds:  # one per language first, then in hash order
            if free[k].language not in langs:
                langs.add(free[k].language)
                out.append(k)
        out += [k for k in ds if k not in out]
        return out[:n]

    read = set(pick("polnear-train", 8, "s9read", 60, set()) + pick("polnear-dev", 4, "s9read", 60, set())
               + pick("semeval", 6, "s9read", 40, set(), True)
               + pick("fr-timebank-dev", 2, "s9read", 40, set()))
    fresh = ([k for k in free if k[0] == "news-clusters"] + pick("polnear-dev", 6, "s9fresh4", 30, read)
             + pick("polnear-train", 6, "s9fresh4", 30, read)
             + pick("semeval", 10, "s9fresh4", 20, read, True)
             + pick("fr-timebank-dev", 2, "s9fresh4", 25, read))
    if sys.argv[1:] == ["--read"]:
        for k in sorted(read):
            print(f"{k[0]}\t{k[1]}\t{free[k].language}\t{nseg[k]}")
        return
    for key in fresh:
        d = free[key]
        for i, (a, b) in enumerate(segments(d.text, d.language)):
            line = d.text[a:b]
            sys.stdout.write(json.dumps({"corpus": key[0], "doc": key[1], "segment": i,
                                         "part": "fresh4-held-out", "source": d.source,
                                         "round": 9, "language": d.language,
                                         "sha1": line_hash(line), "text": line}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
