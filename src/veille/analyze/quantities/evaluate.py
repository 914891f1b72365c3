"""Score ``extract_quantities`` on the hand gold in ``tests/data/quantities/`` (issue #17).

The gold keeps offsets into public dev articles, never their text (see its
README); the articles are read from ``../shared/data``. A gold quantity is found
when a system quantity overlaps it; it is *right* on ``value`` when the interval
agrees (low and high, open sides included), on ``unit`` when the unit codes are
equal, on ``noun`` when the gold noun's last word is one of the system noun's
words (or both are empty). P and R are given for the value alone and for all
three together, per split: documents are split by a stable hash of their
source and id into ``tune`` and ``heldout`` halves.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veille.analyze.quantities.extract import extract_quantities
from veille.core.model import Quantity

SPLITS = ("tune", "heldout")


def split_of(source: str, doc: str) -> str:
    return SPLITS[hashlib.sha1(f"{source}:{doc}".encode()).digest()[0] % 2]


def load_article(data: Path, source: str, doc: str) -> str:
    """The text of one dev article, as the gold's offsets count it."""
    if source == "news-clusters":
        with (data / "news-clusters" / "news_cluster.jsonl").open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row.get("id") == doc:
                    return str(row.get("text", ""))
        raise KeyError(doc)
    if source == "fr-timebank":
        raw = (data / "fr-timebank" / "dev" / f"{doc}.tml").read_text(encoding="utf-8")
        body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
        return re.sub(r"<[^>]+>", "", body)
    if source == "polnear":
        return (data / "polnear" / "train" / "text" / f"{doc}.txt").read_text(encoding="utf-8")
    raise KeyError(source)


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    value_ok: int = 0
    all_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        def pr(k: int) -> tuple[float, float]:
            return (round(k / self.system, 3) if self.system else 0.0,
                    round(k / self.gold, 3) if self.gold else 0.0)

        vp, vr = pr(self.value_ok)
        ap, ar = pr(self.all_ok)
        return {"gold": self.gold, "system": self.system, "value_p": vp, "value_r": vr,
                "all_p": ap, "all_r": ar}


def _bounds(q: Quantity) -> tuple[float | None, float | None]:
    if q.low is not None or q.high is not None:
        return q.low, q.high
    return q.value, q.value_max if q.value_max is not None else q.value


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _noun_ok(gold: str | None, ours: str | None) -> bool:
    if not gold:
        return not ours
    if not ours:
        return False
    return gold.lower().replace("-", " ").split()[-1] in ours.lower().replace("-", " ").split()


def evaluate_gold(gold_file: Path, data: Path, parse: bool = True) -> dict[str, Any]:
    """Per-split counts and P/R; the held-out split's misses are counted, not listed.

    With ``parse`` the extractor gets the spaCy parse, as the analysis gives it."""
    counts = {s: Counts() for s in SPLITS}
    texts: dict[tuple[str, str], tuple[str, list[Quantity]]] = {}
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        key = (rec["source"], rec["doc"])
        if key not in texts:
            text = load_article(data, *key)
            doc = None
            if parse:
                from veille.analyze.nlp import get_nlp  # deferred: loads a spaCy model

                doc = get_nlp(rec["language"])(text)
            texts[key] = (text, extract_quantities(text, [], rec["language"], doc=doc))
        text, ours_all = texts[key]
        s, e = rec["start"], rec["end"]
        ours = [q for q in ours_all if s <= q.start < e]
        split = split_of(*key)
        c = counts[split]
        c.gold += len(rec["quantities"])
        c.system += len(ours)
        used: set[int] = set()
        for g in rec["quantities"]:
            hit = next((i for i, q in enumerate(ours) if i not in used
                        and q.start < g["end"] and g["start"] < q.end), None)
            if hit is None:
                if split == "tune":
                    c.errors.append(f"miss {g['text']!r}")
                continue
            used.add(hit)
            q = ours[hit]
            lo, hi = _bounds(q)
            value_ok = _same(lo, g["low"]) and _same(hi, g["high"])
            unit_ok = q.unit == g["unit"]
            noun_ok = _noun_ok(g["noun"], q.noun)
            c.value_ok += value_ok
            c.all_ok += value_ok and unit_ok and noun_ok
            if split == "tune" and not (value_ok and unit_ok and noun_ok):
                c.errors.append(f"wrong {g['text']!r}: got {q.text!r} ({lo}, {hi}) "
                                f"{q.unit} {q.noun!r}")
        if split == "tune":
            c.errors.extend(f"spurious {q.text!r}" for i, q in enumerate(ours) if i not in used)
    total = Counts()
    for c in counts.values():
        total.gold += c.gold
        total.system += c.system
        total.value_ok += c.value_ok
        total.all_ok += c.all_ok
    return {"parse": parse, "splits": {s: c.scores() for s, c in counts.items()},
            "all": total.scores(),
            "errors_tune": counts["tune"].errors}
