"""Semantic search quality on SemEval-2022 task 8 pairs (issue #18).

Run:  nice .venv/bin/python scripts/eval_semantic_search.py [--data PATH] [--k 10]

The store holds every article of every pair (both halves, deduplicated by
article id), embedded as the analysis stage embeds them (``embed_articles``,
int8 round trip).  For each same-story pair (Overall <= 1.5) the title of
one article (its text up to the first double space, as these texts are
"title  body"; else its first 150 characters) is the query, embedded as
``veille search --semantic`` embeds it (``embed_query``), and the store is
scanned by the same function the search uses (``embed.similar.scan``); the
query's own article is left out (the reader does not have it).  Hit: its
partner is in the first 10.  Both directions of every pair.

Reported per half (``cluster.semeval.pair_half``: the encoder and its recipe
were chosen on half 0, nothing was tuned on half 1) for cross-language and
same-language pairs: recall@1, recall@10, MRR.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from veille.cluster.semeval import pair_half, read_pairs  # noqa: E402
from veille.embed import embed_articles, embed_query, pack  # noqa: E402
from veille.embed.similar import scan  # noqa: E402


def title_of(text: str) -> str:
    head = text.split("  ", 1)[0].strip()
    return head if 10 <= len(head) <= 200 else text[:150].strip()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(REPO.parent / "shared/data/semeval2022-task8/training_set.csv"))
    ap.add_argument("--k", type=int, default=10)
    args = ap.parse_args()
    rows = read_pairs(args.data)
    texts: dict[str, tuple[str, str]] = {}
    for r in rows:
        a, b = str(r["pair_id"]).split("_", 1)
        texts.setdefault(a, (r["text1"], r["lang1"]))
        texts.setdefault(b, (r["text2"], r["lang2"]))
    uids = sorted(texts)
    vecs = embed_articles([(None, texts[u][0]) for u in uids])
    store = [[(u, pack(v.vector)) for u, v in zip(uids, vecs, strict=True) if v.vector is not None]]
    out: dict[str, object] = {"articles": len(uids), "embedded": len(store[0]), "k": args.k}
    for half in (0, 1):
        for kind in ("cross-language", "same-language"):
            ranks: list[int | None] = []
            for r in rows:
                if pair_half(str(r["pair_id"])) != half or float(r["Overall"]) > 1.5:
                    continue
                if (r["lang1"] != r["lang2"]) != (kind == "cross-language"):
                    continue
                a, b = str(r["pair_id"]).split("_", 1)
                if a == b:
                    continue
                for q, target in ((a, b), (b, a)):
                    qv, _ = embed_query(title_of(texts[q][0]))
                    if qv is None:
                        ranks.append(None)
                        continue
                    hits = [u for u, _ in scan(store, qv, 100, exclude=frozenset({q}))]
                    ranks.append(hits.index(target) + 1 if target in hits else None)
            n = len(ranks)
            out[f"half {half} {kind}"] = {
                "queries": n,
                "recall@1": round(sum(1 for x in ranks if x == 1) / n, 3) if n else None,
                f"recall@{args.k}": round(sum(1 for x in ranks if x and x <= args.k) / n, 3) if n else None,
                "mrr@100": round(sum(1 / x for x in ranks if x) / n, 3) if n else None,
            }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
