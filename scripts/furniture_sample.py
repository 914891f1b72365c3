"""Pick the lines to label for the furniture detector (run once; kept for the record).

All segments of a few documents of each corpus, plus short lines of other
news-clusters articles (furniture is mostly short), chosen by a stable hash so
the same run picks the same lines. Writes a JSONL of candidates with their
text to stdout: the labeller adds ``label`` and the README's rules decide.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from veille.analyze.evaluate_furniture import line_hash, load_docs, part_of
from veille.analyze.furniture import segments

ROOT = Path(__file__).resolve().parents[1]


def _h(s: str) -> str:
    return hashlib.sha1(s.encode()).hexdigest()


def main() -> None:
    docs = load_docs(ROOT.parent / "shared" / "data", ROOT.parent / "shared" / "seeds")
    by_corpus: dict[str, list] = {}
    for d in docs.values():
        by_corpus.setdefault(d.corpus, []).append(d)
    whole = {"news-clusters": 24, "polnear-dev": 3, "semeval": 4, "seeds": 2}
    out = sys.stdout
    picked: set[tuple[str, str]] = set()
    for corpus, n in whole.items():
        ds = sorted(by_corpus.get(corpus, []), key=lambda d: _h(d.doc_id))
        if corpus == "semeval":
            ds = [d for d in ds if d.language == "en"][:3] + [d for d in ds if d.language == "fr"][:1]
        for d in ds[:n]:
            picked.add((d.corpus, d.doc_id))
            for i, (a, b) in enumerate(segments(d.text)):
                line = d.text[a:b]
                out.write(json.dumps({"corpus": corpus, "doc": d.doc_id, "segment": i,
                                      "part": part_of(corpus, d.doc_id), "sha1": line_hash(line),
                                      "source": d.source, "text": line}, ensure_ascii=False) + "\n")
    # short lines of other news-clusters articles
    short = []
    for d in by_corpus.get("news-clusters", []):
        if (d.corpus, d.doc_id) in picked:
            continue
        for i, (a, b) in enumerate(segments(d.text)):
            if b - a <= 120:
                short.append((_h(f"{d.doc_id}:{i}"), d, i, d.text[a:b]))
    for _, d, i, line in sorted(short)[:int(sys.argv[1]) if len(sys.argv) > 1 else 120]:
        out.write(json.dumps({"corpus": d.corpus, "doc": d.doc_id, "segment": i,
                              "part": part_of(d.corpus, d.doc_id), "sha1": line_hash(line),
                              "source": d.source, "text": line}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
