"""A benchmark corpus of any size, made from real articles.

There is no public 100k-article French/English news corpus on this machine, so
large corpora are *generated from real articles*: each synthetic article takes
a real article as its template (title, source, length in sentences, language)
and fills it with sentences drawn at random from the real articles of the same
language, with a fresh id and a random publication date in 2017-2024. Texts
are therefore real prose with realistic lengths, and distinct (two synthetic
articles rarely share a sentence, so they are not near duplicates of each
other). On top, a realistic share of copies is mixed in: 5 % exact copies of an
earlier article under another id and source (wire copy), 3 % near copies (one
sentence replaced), so the duplicate paths of ingest are exercised too.

Real articles used (../shared/data, never copied into the repository):
- English: news-clusters/news_cluster.jsonl (383 articles)
- French: semeval2022-task8/training_set.csv, the French texts (116), and the
  two seed articles in examples/.
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VEILLE_SHARED_DATA", REPO.parent / "shared" / "data"))
EXACT_SHARE = 0.05
NEAR_SHARE = 0.03
_SENT = re.compile(r"(?<=[.!?»])\s+|\n+")


@dataclass
class Template:
    title: str | None
    source: str
    language: str
    n_sentences: int


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.split(text) if len(s.strip()) > 25]


def real_articles() -> list[tuple[str | None, str, str, str]]:
    """(title, source, language, text) of every real article available."""
    out: list[tuple[str | None, str, str, str]] = []
    nc = SHARED / "news-clusters" / "news_cluster.jsonl"
    if nc.exists():
        for line in nc.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            out.append((d.get("title"), d.get("source") or "unknown", d.get("language") or "en",
                        d["text"]))
    se = SHARED / "semeval2022-task8" / "training_set.csv"
    if se.exists():
        csv.field_size_limit(10**9)
        with se.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for k in ("1", "2"):
                    if row[f"lang{k}"] == "fr" and row[f"text{k}"].strip():
                        text = row[f"text{k}"]
                        title, _, body = text.partition("\n")
                        out.append((title.strip() or None, "semeval-fr", "fr", body or text))
    for seed in sorted((REPO / "examples").glob("*.txt")):
        body = seed.read_text(encoding="utf-8").split(None, 2)[-1]
        out.append((None, "seed", "fr", body))
    if not out:
        raise SystemExit(f"no real articles found under {SHARED} (set VEILLE_SHARED_DATA)")
    return out


def generate(n: int, path: Path, seed: int = 1) -> Path:
    """Write ``n`` JSONL articles to ``path`` (reused when already there)."""
    if path.exists() and sum(1 for _ in path.open("rb")) == n:
        return path
    rng = random.Random(seed)
    arts = real_articles()
    pools: dict[str, list[str]] = {}
    templates: list[Template] = []
    for title, source, lang, text in arts:
        sents = _sentences(text)
        if not sents:
            continue
        pools.setdefault(lang, []).extend(sents)
        templates.append(Template(title, source, lang, len(sents)))
    by_lang = {lang: [t for t in templates if t.language == lang] for lang in pools}
    langs = sorted(by_lang)
    start = date(2017, 1, 1)
    recent: list[dict[str, object]] = []  # a window of earlier articles to copy from
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for i in range(n):
            r = rng.random()
            day = start + timedelta(days=rng.randrange(8 * 365))
            if recent and r < EXACT_SHARE:
                base = rng.choice(recent)
                rec = dict(base, id=f"bench-{i:07d}", source=f"copy-{rng.randrange(50)}",
                           published=day.isoformat())
            elif recent and r < EXACT_SHARE + NEAR_SHARE:
                base = rng.choice(recent)
                sents = str(base["text"]).split("\n")
                sents[rng.randrange(len(sents))] = rng.choice(pools[str(base["language"])])
                rec = dict(base, id=f"bench-{i:07d}", text="\n".join(sents),
                           published=day.isoformat())
            else:
                lang = langs[i % len(langs)]  # as many French as English articles
                t = rng.choice(by_lang[lang])
                k = max(3, t.n_sentences)
                text = "\n".join(rng.choice(pools[lang]) for _ in range(k))
                rec = {"id": f"bench-{i:07d}", "title": t.title, "source": t.source,
                       "language": lang, "published": day.isoformat(), "text": text}
                recent.append(rec)
                if len(recent) > 1000:
                    recent.pop(rng.randrange(len(recent)))
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path
