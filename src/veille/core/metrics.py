"""Scores shared by the evaluators of several stages.

The clusterer's SemEval report and the cross-language fact gold both score
yes/no decisions against yes/no gold; one definition keeps their figures
comparable (same zero-division convention, same fields).
"""

from __future__ import annotations

from collections.abc import Sequence


def binary_prf(pred: Sequence[bool], gold: Sequence[bool]) -> dict[str, float]:
    """Precision, recall and F1 of the positive class, with ``n`` (pairs
    scored) and ``positives`` (gold positives). An empty denominator scores
    0.0 rather than raising: a run that decides nothing has no precision."""
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": prec,
        "recall": rec,
        "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
        "n": len(gold),
        "positives": sum(bool(g) for g in gold),
    }
