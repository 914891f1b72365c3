"""B-cubed precision / recall / F1 (Bagga & Baldwin 1998; Amigó et al. 2009).

Per item: precision = share of its predicted cluster that shares its gold
label; recall = share of its gold cluster that shares its predicted cluster;
both averaged over items.  Items missing from either side are ignored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> tuple[float, float, float]:
    items = [i for i in gold if i in predicted]
    if not items:
        return 0.0, 0.0, 0.0
    pair = Counter((predicted[i], gold[i]) for i in items)
    pred_size = Counter(predicted[i] for i in items)
    gold_size = Counter(gold[i] for i in items)
    p = sum(pair[(predicted[i], gold[i])] / pred_size[predicted[i]] for i in items) / len(items)
    r = sum(pair[(predicted[i], gold[i])] / gold_size[gold[i]] for i in items) / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
