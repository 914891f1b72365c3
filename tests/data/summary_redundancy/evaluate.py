"""Precision/recall of the summary's same-language redundancy test on the
labelled pairs: this folder's 130 (held out since session 18) and the tune
pairs of ../summary_redundancy_tune/ (README.md in each).

Three rules are scored: the encoder cosine alone at
``summary.SAME_LANGUAGE_REDUNDANT`` (sessions 7-17); the shipped one, that
and, for two ledes of different articles, ``summary.ledes_restate`` (session
18, :func:`shipped`); and a rule tried in session 18 and not shipped
(:func:`restated`: the cosine plus the content words shared, for any two
sentences; docs/measured/quality-stories.md says why).

    .venv/bin/python tests/data/summary_redundancy/evaluate.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TUNE = HERE.parent / "summary_redundancy_tune" / "pairs.jsonl"
NEWS = HERE.parents[2].parent / "shared" / "data" / "news-clusters" / "news_cluster.jsonl"


def load_pairs(news: Path = NEWS, pairs_file: Path = HERE / "pairs.jsonl") -> list[dict[str, Any]]:
    """The labelled pairs with their two sentences read from news-clusters."""
    texts: dict[str, str] = {}
    for line in news.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        texts[rec["id"]] = rec["text"]
    pairs = []
    for line in pairs_file.read_text(encoding="utf-8").splitlines():
        p = json.loads(line)
        for k in ("sentence1", "sentence2"):
            ref = p[k]
            p[k.replace("sentence", "text")] = texts[ref["id"]][ref["start"]:ref["end"]]
        pairs.append(p)
    return pairs


def cosines(pairs: list[dict[str, Any]]) -> list[float]:
    from veille.stories.xlang import embed_texts

    a, _ = embed_texts([p["text1"] for p in pairs])
    b, _ = embed_texts([p["text2"] for p in pairs])
    return [float(x) for x in (a * b).sum(axis=1)]


#: the session-18 rule: cosine + content-stem Jaccard at this bar (chosen on
#: the tune pairs), and the cosine at least at the cross-language same-fact level
OVERLAP_RULE = 0.75


def restated(pairs: list[dict[str, Any]], cos: list[float]) -> list[bool]:
    """The session-18 rule (not shipped) on each pair (English, one language)."""
    from veille.stories.quote_matching import content_stems
    from veille.stories.xlang import SAME_FACT

    out = []
    for p, c in zip(pairs, cos, strict=True):
        a, b = content_stems(p["text1"], "en"), content_stems(p["text2"], "en")
        overlap = len(a & b) / len(a | b) if a and b else 0.0
        out.append(c >= SAME_FACT and c + overlap >= OVERLAP_RULE)
    return out


def lede_of(text: str) -> tuple[int, int] | None:
    """The span of a text's lede as the summary sees it without an analysis:
    the first sentence of the rule splitter (``units.fallback_sentences``)
    that ``summary.candidate`` keeps."""
    from veille.stories.summary import candidate
    from veille.stories.units import Unit, fallback_sentences

    for s in fallback_sentences(text, "en"):
        u = Unit(idx=0, article=0, uid="a", sentence=s.index, start=s.start, end=s.end,
                 text=s.text, language="en")
        if candidate(u):
            return s.start, s.end
    return None


def shipped(pairs: list[dict[str, Any]], cos: list[float], news: Path = NEWS) -> list[bool]:
    """The shipped test on each pair: the cosine at ``SAME_LANGUAGE_REDUNDANT``,
    or two ledes of different articles that ``summary.ledes_restate``."""
    from veille.stories.quote_matching import content_stems
    from veille.stories.summary import SAME_LANGUAGE_REDUNDANT, ledes_restate
    from veille.stories.xlang import SAME_FACT

    texts = {}
    for line in news.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        texts[rec["id"]] = rec["text"]

    def is_lede(ref: dict[str, Any]) -> bool:
        span = lede_of(texts[ref["id"]])
        return span is not None and ref["start"] < span[1] and span[0] < ref["end"]

    out = []
    for p, c in zip(pairs, cos, strict=True):
        two = p["sentence1"]["id"] != p["sentence2"]["id"] and is_lede(p["sentence1"]) \
            and is_lede(p["sentence2"])
        out.append(c >= SAME_LANGUAGE_REDUNDANT or (two and ledes_restate(
            c, content_stems(p["text1"], "en"), content_stems(p["text2"], "en"), SAME_FACT)))
    return out


def report(pairs: list[dict[str, Any]], cos: list[float], threshold: float) -> dict[str, dict[str, float]]:
    """The cosine-alone rule at ``threshold``, per part."""
    return report_predictions(pairs, [c >= threshold for c in cos])


def report_predictions(pairs: list[dict[str, Any]], pred: list[bool]) -> dict[str, dict[str, float]]:
    """P/R/F1 of ``pred`` per part and over all the pairs (``all``)."""
    from veille.core.metrics import binary_prf

    out = {}
    for part in sorted({p["part"] for p in pairs}) + ["all"]:
        idx = [k for k, p in enumerate(pairs) if part in ("all", p["part"])]
        out[part] = binary_prf([pred[k] for k in idx], [pairs[k]["redundant"] for k in idx])
    return out


def _line(name: str, r: dict[str, dict[str, float]]) -> str:
    return f"{name}: " + "  ".join(
        f"{part} P {m['precision']:.2f} R {m['recall']:.2f} F1 {m['f1']:.2f}" for part, m in r.items())


def main() -> int:
    if not NEWS.exists():
        print(f"{NEWS} absent: the pairs point into it", file=sys.stderr)
        return 1
    from veille.stories.summary import SAME_LANGUAGE_REDUNDANT

    for name, path in (("tune pairs (summary_redundancy_tune)", TUNE),
                       ("held-out pairs (summary_redundancy, 130)", HERE / "pairs.jsonl")):
        pairs = load_pairs(pairs_file=path)
        cos = cosines(pairs)
        print(name)
        print("  " + _line(f"cosine >= {SAME_LANGUAGE_REDUNDANT:.2f} (before session 18)",
                           report(pairs, cos, SAME_LANGUAGE_REDUNDANT)))
        print("  " + _line("and two ledes restating (shipped)",
                           report_predictions(pairs, shipped(pairs, cos))))
        print("  " + _line(f"cosine + overlap >= {OVERLAP_RULE:.2f} (tried, not shipped)",
                           report_predictions(pairs, restated(pairs, cos))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
