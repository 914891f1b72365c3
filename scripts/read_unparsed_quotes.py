"""Print what the incise quote extractor finds in SemEval-2022 task 8 training
texts of languages with no parser, with counts per language and a random
sample to read (docs/measured/quality-quotes.md, "Languages with no parser").

    .venv/bin/python scripts/read_unparsed_quotes.py [SEED]
"""

from __future__ import annotations

import collections
import csv
import random
import sys
from pathlib import Path

from veille.analyze.quotes.unparsed import quotes_without_parse
from veille.core.settings import DEFAULT_SHARED_DATA
from veille.lang.incise_words import VERBS


def main() -> int:
    path = Path(DEFAULT_SHARED_DATA) / "semeval2022-task8" / "training_set.csv"
    if not path.exists():
        print(f"{path} absent: nothing to read", file=sys.stderr)
        return 1
    csv.field_size_limit(10**9)
    seen: set[str] = set()
    found = []
    texts: collections.Counter[str] = collections.Counter()
    quotes: collections.Counter[str] = collections.Counter()
    named: collections.Counter[str] = collections.Counter()
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for k in ("1", "2"):
                lang, text = row["lang" + k], row["text" + k]
                key = row["pair_id"].split("_")[int(k) - 1]
                if lang not in VERBS or key in seen:
                    continue
                seen.add(key)
                texts[lang] += 1
                qs, _ = quotes_without_parse(text, lang, lambda pos: 0)
                quotes[lang] += len(qs)
                named[lang] += sum(q.speaker is not None for q in qs)
                found += [(lang, key, q, text) for q in qs]
    print("texts", dict(texts), "\nquotes", dict(quotes), "\nnamed speaker", dict(named))
    random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
    for lang, key, q, text in random.sample(found, min(30, len(found))):
        print(f"--- {lang} {key} | speaker: {q.speaker} | verb: {q.verb}")
        print("   ", text[max(0, q.start - 60):q.end + 90].replace("\n", " "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
