"""SemEval-2022 Task 8 pairs: our article similarity against human judgements.

Each pair is scored as (article, one-article story) with the production model
and weights; the document frequencies come from all texts in the file (no
labels used), as they would from a stream.  The CSV has no dates, so the time
signal is neutral.  Reported: Pearson of the model's score (its logit, the linear similarity; and
of p, its squashed form) with -Overall per language pair,
and F1 of the same-story decision (Overall <= 1.5 positive, >= 3 negative,
pairs in between left out, as the task's gold is ambiguous there).

With the encoder (:mod:`veille.embed`), the cosine of the two articles'
vectors joins the signals and their combination is *learned* on one half of
the pairs (``crc32(pair_id)`` even) and reported on the other half only
(:func:`encoder_report`): a ridge regression on -Overall for the correlation,
a logistic regression on the clear pairs (<= 1.5 vs >= 3.5) for the
same-story decision.  The "before" figures are the clustering model's logit
on the same held-out half.

The CSV has no dates, but its article ids are Media Cloud story ids, numbered
in crawl order: :class:`CrawlClock` reads a day from each (fitted on the dates
the texts write, no label read), so the clustering model and the ingest check
can also be scored with the time gap the clusterer has on real news
(``evaluate_pairs(dated=True)``, ``veille eval semeval --dated``).
"""

from __future__ import annotations

import csv
import math
import random
import re
import sys
import zlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from veille.cluster.evaluate import run_stream
from veille.cluster.features import build_features
from veille.cluster.idf import HashedDF
from veille.cluster.params import Params, load_params
from veille.cluster.similarity import IdfCache, article_profile, signals, story_profile
from veille.cluster.state import StoryState
from veille.core.metrics import binary_prf
from veille.embed import embed_articles

#: Distinct texts a process keeps vectors for (a SemEval file has ~4,900).
TEXT_VECTOR_CACHE = 16384


@lru_cache(maxsize=TEXT_VECTOR_CACHE)
def text_vector(text: str) -> Any:
    """The encoder vector of one untitled text, embedded once per process.

    The same article recurs across pairs, both halves, every arrival order
    and the reports of one evaluation (it had embedded each text three to
    four times: ~75 of its ~130 s).  The encoder reads one article per call
    (:func:`veille.embed.encoder.embed_articles`), so a vector depends on its
    text alone and a cached one is the vector a fresh call would give."""
    return embed_articles([(None, text)])[0].vector

#: Signals the learned SemEval combination reads besides the encoder cosine.
SEMEVAL_SIGNALS = ("text", "avg", "title", "ent", "num", "cross")


def pair_half(pair_id: str) -> int:
    """0: pairs the combination is learned on; 1: pairs it is reported on.
    A hash of the id: stable across runs, machines and row orders."""
    return zlib.crc32(pair_id.encode("utf-8")) % 2


def _pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 3:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else None


def read_pairs(path: str | Path) -> list[dict[str, Any]]:
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


_LEADING_DIGITS = re.compile(r"\d+")


def _article_number(article_id: str) -> int | None:
    """The Media Cloud story id of an article id ("1484039360it", a machine
    translation of story 1484039360, has its original's)."""
    m = _LEADING_DIGITS.match(article_id)
    return int(m.group(0)) if m else None


@dataclass(frozen=True)
class CrawlClock:
    """Publication days read from the articles' ids.

    Why: the CSV has no dates, so every SemEval figure before session 19 was
    measured with the time gap neutral, a signal the clusterer always has on
    real news (weight -0.66 on log(1 + days apart)).  The articles' ids are
    Media Cloud story ids, numbered as the crawler collected the stories, so
    their difference is a time difference; the log of the id gap correlates
    -0.60 with the pairs' gold *Time* sub-score on half 0 (and -0.19 with
    Overall).  ``days_per_id`` and the origin are fitted on the dates the texts
    themselves write (no label is read): see :func:`crawl_clock`."""

    days_per_id: float
    origin_id: int
    origin_ordinal: int
    fitted_on: int  # articles with a written date the line was fitted on

    def day(self, article_id: str) -> date | None:
        n = _article_number(article_id)
        if n is None:
            return None
        return date.fromordinal(self.origin_ordinal + round((n - self.origin_id) * self.days_per_id))


def _written_dates(text: str, lang: str) -> list[date]:
    """Dates a text writes in full ("3 January 2020", "January 3, 2020", "3. Januar
    2020", "3 de enero de 2020"), with month names from CLDR (Babel) for ``lang``."""
    from babel.dates import get_month_names  # heavy import: the dated report only

    names: dict[str, int] = {}
    try:
        for context in ("format", "stand-alone"):
            for num, name in get_month_names("wide", context=context, locale=lang).items():
                names[str(name).lower()] = int(num)
    except (ValueError, TypeError, LookupError):
        return []
    alt = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    day_first = re.compile(rf"\b(\d{{1,2}})\.?\s+(?:de\s+)?({alt})\s+(?:de\s+)?(\d{{4}})\b", re.IGNORECASE)
    month_first = re.compile(rf"\b({alt})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
    out = []
    for m in day_first.finditer(text):
        out.append((int(m.group(3)), names[m.group(2).lower()], int(m.group(1))))
    for m in month_first.finditer(text):
        out.append((int(m.group(3)), names[m.group(1).lower()], int(m.group(2))))
    found = []
    for y, mo, d in out:
        try:
            found.append(date(y, mo, d))
        except ValueError:
            continue
    return found


def crawl_clock(rows: list[dict[str, Any]], min_articles: int = 20) -> CrawlClock | None:
    """The line from story id to day, fitted on the articles that write a full
    date: each article's latest written date against its id, by the Theil-Sen
    estimator (median of pairwise slopes), so the articles recalling an older
    date do not tilt it.  None when fewer than ``min_articles`` write one.

    On training_set.csv: ~1.08 days per million ids; half of the articles'
    latest written date is within a day of the line."""
    from scipy.stats import theilslopes  # heavy import: the dated report only

    points: dict[int, int] = {}
    for r in rows:
        ids = str(r.get("pair_id", "")).split("_")
        if len(ids) != 2:
            continue
        for aid, text, lang in ((ids[0], r["text1"], r["lang1"]), (ids[1], r["text2"], r["lang2"])):
            n = _article_number(aid)
            if n is None or n in points:
                continue
            dates = [d for d in _written_dates(text, lang) if 2000 <= d.year <= 2040]
            if dates:
                points[n] = max(dates).toordinal()
    if len(points) < min_articles:
        return None
    xs = sorted(points)
    slope, intercept, _, _ = theilslopes([points[x] for x in xs], xs)
    origin = xs[0]
    return CrawlClock(float(slope), origin, round(intercept + slope * origin), len(points))


def pair_signals(
    rows: list[dict[str, Any]], embed: bool = True, clock: CrawlClock | None = None
) -> list[tuple[dict[str, float], float, str, str]]:
    """(signals, Overall, language pair, pair id) per pair, each pair scored as
    (article, one-article story) with IDF from all texts of the file; with
    ``embed``, the encoder's cosine is among the signals (``emb``); with a
    ``clock``, each article is dated by its id, so the time gap counts."""

    va: list[Any] = [None] * len(rows)
    vb: list[Any] = [None] * len(rows)
    if embed:
        va = [text_vector(r["text1"]) for r in rows]
        vb = [text_vector(r["text2"]) for r in rows]
    feats = []
    for i, r in enumerate(rows):
        ids = str(r.get("pair_id", "")).split("_")
        da, db = (clock.day(ids[0]), clock.day(ids[1])) if clock and len(ids) == 2 else (None, None)
        a = build_features(f"{i}a", r["text1"], None, r["lang1"], start=da, end=da, vector=va[i])
        b = build_features(f"{i}b", r["text2"], None, r["lang2"], start=db, end=db, vector=vb[i])
        feats.append((a, b, float(r["Overall"]), f"{r['lang1']}-{r['lang2']}", str(r.get("pair_id", i))))
    df = HashedDF()
    for a, b, *_ in feats:
        for f in (a, b):
            df.add([*f.terms, *f.keys, *f.nums])
    idf = IdfCache(df)
    out = []
    for a, b, overall, pair, pid in feats:
        s = StoryState(id="b")
        s.add(b, idf)
        out.append((signals(article_profile(a, idf), story_profile(s, idf)), overall, pair, pid))
    return out


def fit_cross_offset(
    scored: list[tuple[dict[str, float], float, str, str]], params: Params, l2: float = 0.05
) -> float:
    """The weight of the ``cross`` indicator, learned on cross-language pairs.

    The clustering weights are learned on English news, where no pair crosses
    languages; across languages only names and figures can be compared, so the
    same model is miscalibrated there (it asks for a name overlap few true
    pairs reach).  With every other weight fixed, one logistic offset is fitted
    on the cross-language pairs with a clear label (Overall <= 1.5 same story,
    >= 3 not), by Newton steps on the penalised log-likelihood.
    """
    model = params.model()
    data = [
        (model.logit({**x, "cross": 0.0}), 1.0 if o <= 1.5 else 0.0)
        for x, o, _, _ in scored
        if x["cross"] and (o <= 1.5 or o >= 3)
    ]
    w = 0.0
    if not data:
        return w
    for _ in range(50):
        g, h = l2 * w, l2
        for z0, y in data:
            p = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z0 + w))))
            g += p - y
            h += p * (1 - p)
        step = g / h
        w -= step
        if abs(step) < 1e-9:
            break
    return w


#: Arrival orders of the ingest check's standard figure (session 13): the
#: order alone moves half 0's cross-language count by 4 of 47, so one order
#: cannot tell a change from luck; six cost ~1 s of CPU each per half.
INGEST_ORDERS = 6


def evaluate_pairs(path: str | Path, params: Params | None = None, encoder: bool = True,
                   orders: int = INGEST_ORDERS, dated: bool = False) -> dict[str, Any]:
    """The report of ``veille eval semeval``; ``dated``: also the clustering
    model and the ingest check with each article dated by its id
    (:class:`CrawlClock`), as the clusterer runs on real news (``dated``)."""
    params = params or load_params()
    model = params.model()
    rows = read_pairs(path)
    scores: dict[str, list[tuple[float, float]]] = defaultdict(list)
    scored = pair_signals(rows)
    for x, overall, pair, _pid in scored:
        z = model.logit(x)
        scores[pair].append((z, overall))
        scores["all"].append((z, overall))
    out: dict[str, Any] = {"pairs": len(rows), "params_version": params.version, "by_pair": {}}
    zthr = math.log(model.threshold / (1 - model.threshold))
    for pair, vals in sorted(scores.items(), key=lambda kv: (kv[0] != "all", -len(kv[1]))):
        zs = [z for z, _ in vals]
        ps = [1 / (1 + math.exp(-max(-60.0, z))) for z in zs]
        gs = [-o for _, o in vals]
        dec = [(z >= zthr, o <= 1.5) for z, o in vals if o <= 1.5 or o >= 3]
        out["by_pair"][pair] = {
            "n": len(vals),
            "pearson": _pearson(zs, gs),
            "pearson_p": _pearson(ps, gs),
            "same_story": binary_prf([d for d, _ in dec], [g for _, g in dec]),
        }
    if encoder:
        out["encoder"] = encoder_report(rows, scored, params)
        # The held-out half (top level: its pair order, as before; ``orders``:
        # mean and range over ``orders`` arrival orders, the standard figure)
        # and the tuning half the stream mechanics are chosen on.
        out["ingest_check"] = ingest_check(rows, params, half=1, orders=orders)
        out["ingest_check_tune"] = ingest_check(rows, params, half=0, orders=orders)
    clock = crawl_clock(rows) if dated and encoder else None
    if clock:
        out["dated"] = {
            "clock": {"days_per_million_ids": round(clock.days_per_id * 1e6, 4),
                      "origin": date.fromordinal(clock.origin_ordinal).isoformat(),
                      "fitted_on": clock.fitted_on},
            "clustering_model": encoder_report(
                rows, pair_signals(rows, clock=clock), params)["clustering_model"],
            "ingest_check": ingest_check(rows, params, half=1, orders=orders, clock=clock),
            "ingest_check_tune": ingest_check(rows, params, half=0, orders=orders, clock=clock),
        }
    return out


def _design(x: dict[str, float], encoder: bool) -> list[float]:
    """The learned combination's inputs: the clustering signals, and with the
    encoder its cosine, its square (the gold is not linear in it) and its
    interaction with ``cross``."""
    plain = [x[k] for k in SEMEVAL_SIGNALS]
    if not encoder:
        return plain
    e = x.get("emb", 0.0)
    return [e, e * e, x.get("noemb", 1.0), *plain, e * x["cross"]]


def encoder_report(
    rows: list[dict[str, Any]],
    scored: list[tuple[dict[str, float], float, str, str]],
    params: Params,
) -> dict[str, Any]:
    """Without/with the encoder on the held-out half, both learned the same
    way on the other half: Pearson (all, cross-language) and same-story F1
    (Overall <= 1.5 vs >= 3.5) on cross-language pairs; and the clustering
    model itself (its logit and its p >= threshold decision)."""
    from sklearn.linear_model import LogisticRegression, Ridge  # heavy import: this report only

    model = params.model()
    half = [pair_half(str(r.get("pair_id", i))) for i, r in enumerate(rows)]
    gold = [-o for _, o, _, _ in scored]
    cross = [bool(x["cross"]) for x, *_ in scored]
    tr = [i for i, h in enumerate(half) if h == 0]
    te = [i for i, h in enumerate(half) if h == 1]
    clear = {i for i, g in enumerate(gold) if g >= -1.5 or g <= -3.5}
    ltr = [i for i in tr if i in clear]

    def learned(encoder: bool) -> tuple[list[float], list[bool], Any]:
        feats = [_design(x, encoder) for x, *_ in scored]
        reg = Ridge(alpha=1.0).fit([feats[i] for i in tr], [gold[i] for i in tr])
        clf = LogisticRegression(C=1.0, max_iter=3000).fit(
            [feats[i] for i in ltr], [gold[i] >= -1.5 for i in ltr])
        return [float(v) for v in reg.predict(feats)], [bool(v) for v in clf.predict(feats)], reg

    before_score, before_same, _ = learned(False)
    after_score, after_same, reg = learned(True)
    model_score = [model.logit(x) for x, *_ in scored]
    zthr = math.log(model.threshold / (1 - model.threshold))
    model_same = [z >= zthr for z in model_score]

    def figures(score: list[float], same: list[bool]) -> dict[str, Any]:
        def pearson(ix: list[int]) -> float | None:
            v = _pearson([score[i] for i in ix], [gold[i] for i in ix])
            return None if v is None else round(v, 4)

        cx = [i for i in te if cross[i]]
        dec = [i for i in cx if i in clear]
        f1 = binary_prf([same[i] for i in dec], [gold[i] >= -1.5 for i in dec])
        dec_all = [i for i in te if i in clear]
        f1_all = binary_prf([same[i] for i in dec_all], [gold[i] >= -1.5 for i in dec_all])
        return {
            "pearson": pearson(te),
            "pearson_cross": pearson(cx),
            "same_story_cross": {k: round(v, 4) for k, v in f1.items()},
            "same_story_all": {k: round(v, 4) for k, v in f1_all.items()},
        }

    return {
        "split": "crc32(pair_id) % 2: 0 learned on, 1 reported on",
        "learned_on": len(tr),
        "held_out": len(te),
        "held_out_cross": sum(1 for i in te if cross[i]),
        "no_vector": sum(1 for x, *_ in scored if x.get("noemb", 1.0)),
        "before": figures(before_score, before_same),
        "after": figures(after_score, after_same),
        "clustering_model": figures(model_score, model_same),
        "weights": {
            "pearson": dict(zip(("emb", "emb2", "no_vector", *SEMEVAL_SIGNALS, "emb_cross"),
                                (round(float(w), 4) for w in reg.coef_), strict=True)),
        },
    }


def ingest_articles(
    rows: list[dict[str, Any]], half: int
) -> tuple[dict[str, tuple[str, str]], list[tuple[str, str, float, bool]]]:
    """The articles of one half (id -> (text, language), each once, in pair
    order) and its pairs (id, id, Overall, crosses languages)."""
    picked = [r for i, r in enumerate(rows) if pair_half(str(r.get("pair_id", i))) == half]
    texts: dict[str, tuple[str, str]] = {}
    pairs: list[tuple[str, str, float, bool]] = []
    for i, r in enumerate(picked):
        ids = str(r.get("pair_id", "")).split("_")
        a, b = (ids[0], ids[1]) if len(ids) == 2 and all(ids) else (f"{i}a", f"{i}b")
        texts.setdefault(a, (r["text1"], r["lang1"]))
        texts.setdefault(b, (r["text2"], r["lang2"]))
        pairs.append((a, b, float(r["Overall"]), r["lang1"] != r["lang2"]))
    return texts, pairs


def count_pairs(
    story: dict[str, str], pairs: list[tuple[str, str, float, bool]]
) -> dict[str, dict[str, int]]:
    """How many same-story (Overall <= 1.5) and unrelated (>= 3.5) pairs,
    same-language and cross-language, ended in one story."""
    out: dict[str, dict[str, int]] = {}
    for name, keep in (("same_story", lambda o: o <= 1.5), ("unrelated", lambda o: o >= 3.5)):
        for kind, want_cross in (("same_language", False), ("cross_language", True)):
            sel = [(a, b) for a, b, o, c in pairs if keep(o) and c == want_cross]
            together = sum(1 for a, b in sel if story.get(a) == story.get(b))
            out[f"{name}_{kind}"] = {"pairs": len(sel), "together": together}
    return out


def stream_orders(n: int, orders: int) -> list[list[int]]:
    """Arrival orders of ``n`` articles: the given order first, then
    ``orders - 1`` permutations seeded 1, 2, ... (the same on every machine).

    Why several: which story an article meets first decides where a pair
    ends, and the order alone moves the cross-language counts of one half by
    +-2 pairs (session 12), as much as any change measured on them; a mean
    over orders tells a change from the luck of one arrival order."""
    out = [list(range(n))]
    for seed in range(1, orders):
        perm = list(range(n))
        random.Random(seed).shuffle(perm)
        out.append(perm)
    return out


def ingest_check(
    rows: list[dict[str, Any]],
    params: Params | None = None,
    half: int = 1,
    orders: int = 1,
    vectors: list[Any] | None = None,
    clock: CrawlClock | None = None,
) -> dict[str, Any]:
    """The pairs of one half streamed into one clusterer as a user would ingest
    them (each article once, in pair order, with the split and merge passes),
    then: did each same-story pair (Overall <= 1.5) end in one story, and each
    unrelated pair (Overall >= 3.5) in two?  Counted for same-language and
    cross-language pairs.  Without a ``clock`` the texts have no dates: the
    time signal is neutral.

    With ``orders`` > 1 the same articles are also streamed in other orders
    (:func:`stream_orders`) and ``orders`` gives each count per order and its
    mean; the top-level counts stay those of the pair order.  ``vectors``:
    the articles' encoder vectors in :func:`ingest_articles` order, when the
    caller has them (else they are embedded here).

    With a ``clock`` each article is dated by its id and the stream runs in
    publication order, as ``veille ingest`` orders it (articles of one day in
    the order's permutation), and the counts are given for chains too
    (``chains``: stories linked to their predecessor count as one): on dated
    news a follow-up days later that only the gap keeps out starts a story
    linked to the first, not a separate one."""
    texts, pairs = ingest_articles(rows, half)
    uids = list(texts)
    if vectors is None:
        vectors = [text_vector(texts[u][0]) for u in uids]
    params = params or load_params()
    days = [clock.day(u) if clock else None for u in uids]
    runs = []
    chain_runs = []
    for perm in stream_orders(len(uids), max(1, orders)):
        if clock:
            rank = {i: n for n, i in enumerate(perm)}
            perm = sorted(perm, key=lambda i: (days[i] or date.min, rank[i]))
        feats = [build_features(uids[i], texts[uids[i]][0], None, texts[uids[i]][1],
                                start=days[i], end=days[i], vector=vectors[i], seq=n)
                 for n, i in enumerate(perm)]
        res = run_stream(feats, params)
        runs.append(count_pairs(res.story_of, pairs))
        chain_runs.append(count_pairs(res.chain_of, pairs))
    out: dict[str, Any] = {"half": half, "articles": len(uids), **runs[0]}
    if len(runs) > 1:
        out["orders"] = {
            "n": len(runs),
            **{k: {"pairs": v["pairs"],
                   "together_mean": round(sum(r[k]["together"] for r in runs) / len(runs), 2),
                   "together_per_order": [r[k]["together"] for r in runs],
                   "together_min": min(r[k]["together"] for r in runs),
                   "together_max": max(r[k]["together"] for r in runs)}
               for k, v in runs[0].items()},
        }
    if clock:
        n_runs = len(chain_runs)
        out["chains"] = {k: {"pairs": v["pairs"],
                             "together_mean": round(sum(r[k]["together"] for r in chain_runs) / n_runs, 2),
                             "together_per_order": [r[k]["together"] for r in chain_runs]}
                         for k, v in chain_runs[0].items()}
    return out
