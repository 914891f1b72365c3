"""Score the analysis against hand-labelled gold (entities, links, quotes, times, quantities).

Gold files share one shape (see tests/data/gold/*.json): ``{"source", "articles":
[{"file", "date", "entities"?, "quotes"?, "times"?, "quantities"?}]}``. Several
files may annotate the same article (merged by ``file``); a field absent from
every file for an article is "not annotated" and is not scored, while an empty
list means "annotated: there are none".

Matching rules, chosen to be strict where the task is crisp and tolerant where
annotators legitimately differ on boundaries:

- entities: exact span and label (plus a span-only figure);
- linking: over gold mentions matched by span, a mention is right when the set
  of mentions sharing its predicted entity equals the set sharing its gold
  canonical (B-cubed-style, across all articles at once);
- quotes: one-to-one by word overlap >= 0.5 of the longer text; speaker right
  when the predicted speaker entity maps to the gold canonical (or both none);
- times / quantities: one-to-one by character overlap; then the resolved
  range / value must be equal.
"""

from __future__ import annotations

import calendar
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from veille.analyze.linking import link_entities
from veille.analyze.pipeline import analyze_batch
from veille.core.model import Analysis, DateRange
from veille.core.settings import Settings
from veille.core.text import fold
from veille.lang import SUPPORTED

FIELDS = ("entities", "quotes", "times", "quantities")


@dataclass
class PRF:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def p(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.p, 4), "recall": round(self.r, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "pred": self.n_pred, "gold": self.n_gold}


@dataclass
class Acc:
    ok: int = 0
    n: int = 0

    @property
    def value(self) -> float:
        return self.ok / self.n if self.n else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.value, 4), "correct": self.ok, "total": self.n}


@dataclass
class Report:
    scores: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "scores": self.scores, "errors": self.errors}


# --- gold and texts ---------------------------------------------------------


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    """Articles by file name, merged over one JSON file or every *.json in a directory."""
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    merged: dict[str, dict[str, Any]] = {}
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        arts = data.get("articles", []) if isinstance(data, dict) else []
        if not all(isinstance(a, dict) and "file" in a for a in arts):
            continue  # another kind of gold in the same folder (e.g. corroboration)
        for art in arts:
            cur = merged.setdefault(art["file"], {"file": art["file"]})
            for k, v in art.items():
                if k in FIELDS:
                    cur.setdefault(k, []).extend(v)
                elif k not in cur:
                    cur[k] = v
    return merged


_HEADER = re.compile(r"\s*date\s+(\d{4})-(\d{2})")


def read_seed(path: Path, normalize: Callable[[str], str]) -> tuple[str, DateRange]:
    """Body and date of a seed file, normalised by ``normalize`` as ingest stores it.

    Mirrors the seed reader (first ``date YYYY-MM`` token removed, stripped,
    ftfy + NFC); ftfy only swaps characters one for one on the seeds, so gold
    offsets hold either way.
    """
    raw = path.read_text(encoding="utf-8")
    m = _HEADER.match(raw)
    published = DateRange.unknown()
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        published = DateRange(date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month")
        raw = raw[m.end():]
    return normalize(raw), published


def find_text(name: str, gold_path: Path, texts: Sequence[Path] = ()) -> Path | None:
    repo = Path(__file__).resolve().parents[3]
    shared = Path(Settings().shared_data)
    base = gold_path if gold_path.is_dir() else gold_path.parent
    cands = [*texts, base, repo / "examples", shared.parent / "seeds", repo.parent / "shared" / "seeds"]
    for d in cands:
        p = Path(d) / name
        if p.is_file():
            return p
    return None


# --- scoring ----------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", fold(s))


def _word_overlap(a: str, b: str) -> float:
    wa, wb = Counter(_words(a)), Counter(_words(b))
    common = sum((wa & wb).values())
    return common / max(sum(wa.values()), sum(wb.values()), 1)


def _greedy(pairs: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, g, p in sorted(pairs, reverse=True):
        if g in used_g or p in used_p:
            continue
        used_g.add(g)
        used_p.add(p)
        out.append((g, p))
    return out


def score(gold: dict[str, dict[str, Any]], analyses: dict[str, Analysis]) -> Report:
    rep = Report(articles=sorted(gold))
    ent, ent_span = PRF(), PRF()
    quotes, speaker, kind = PRF(), Acc(), Acc()
    times, time_val = PRF(), Acc()
    quants, quant_val = PRF(), Acc()
    errs: dict[str, list[str]] = {k: [] for k in ("entities", "linking", "quotes", "times", "quantities")}
    aligned: list[tuple[str, str]] = []  # (gold canonical, predicted entity id) per matched mention
    quote_pairs: list[tuple[str | None, str | None, str]] = []
    seen = {f: False for f in FIELDS}
    for name in rep.articles:
        g = gold[name]
        an = analyses.get(name)
        if an is None:
            continue
        if "entities" in g:
            seen["entities"] = True
            gs = {(e["start"], e["end"], e["label"]): e for e in g["entities"]}
            ps = {(m.start, m.end, m.label): m for m in an.entities}
            ent.n_gold += len(gs)
            ent.n_pred += len(ps)
            ent.tp += len(gs.keys() & ps.keys())
            gsp = {(a, b): e for (a, b, _), e in gs.items()}
            psp = {(m.start, m.end): m for m in an.entities}
            ent_span.n_gold += len(gsp)
            ent_span.n_pred += len(psp)
            ent_span.tp += len(gsp.keys() & psp.keys())
            for key3 in sorted(gs.keys() - ps.keys()):
                errs["entities"].append(f"{name}: missed {gs[key3]['text']!r} {key3}")
            for key3 in sorted(ps.keys() - gs.keys()):
                errs["entities"].append(f"{name}: spurious {ps[key3].text!r} {key3}")
            for key2, e in gsp.items():
                if key2 in psp:
                    aligned.append((e["canonical"], psp[key2].entity_id or f"?{name}{key2}"))
        if "quotes" in g:
            seen["quotes"] = True
            gq = g["quotes"]
            quotes.n_gold += len(gq)
            quotes.n_pred += len(an.quotes)
            pairs = [(ov, i, j) for i, q in enumerate(gq) for j, p in enumerate(an.quotes)
                     if (ov := _word_overlap(q["text"], p.text)) >= 0.5]
            matched = _greedy(pairs)
            quotes.tp += len(matched)
            for i, j in matched:
                p = an.quotes[j]
                quote_pairs.append((gq[i].get("speaker_canonical"), p.speaker_entity_id,
                                    f"{name}: {gq[i]['text'][:50]!r}"))
                kind.n += 1
                kind.ok += gq[i].get("kind", "direct") == p.kind
            mg = {i for i, _ in matched}
            mp = {j for _, j in matched}
            errs["quotes"] += [f"{name}: missed {q['text'][:60]!r}" for i, q in enumerate(gq) if i not in mg]
            errs["quotes"] += [f"{name}: spurious {p.text[:60]!r}"
                               for j, p in enumerate(an.quotes) if j not in mp]
        for fld, prf, acc, keys in (("times", times, time_val, ("range_start", "range_end")),
                                    ("quantities", quants, quant_val, ("value", "value_max"))):
            if fld not in g:
                continue
            seen[fld] = True
            gi = g[fld]
            pi = getattr(an, fld)
            prf.n_gold += len(gi)
            prf.n_pred += len(pi)
            pairs2 = [(float(ov), i, j) for i, x in enumerate(gi) for j, y in enumerate(pi)
                      if (ov := _overlap((x["start"], x["end"]), (y.start, y.end))) > 0]
            m2 = _greedy(pairs2)
            prf.tp += len(m2)
            for i, j in m2:
                acc.n += 1
                ok = all(_eq(gi[i].get(k), getattr(pi[j], k)) for k in keys)
                acc.ok += ok
                if not ok:
                    errs[fld].append(f"{name}: {gi[i]['text']!r} gold {[gi[i].get(k) for k in keys]} "
                                     f"got {[getattr(pi[j], k) for k in keys]}")
            mg2 = {i for i, _ in m2}
            errs[fld] += [f"{name}: missed {x['text']!r}" for i, x in enumerate(gi) if i not in mg2]
    # linking: compare clusters over the aligned mentions
    link = Acc()
    by_gold: dict[str, set[int]] = {}
    by_pred: dict[str, set[int]] = {}
    for n, (gc, pid) in enumerate(aligned):
        by_gold.setdefault(gc, set()).add(n)
        by_pred.setdefault(pid, set()).add(n)
    for gc, pid in aligned:
        link.n += 1
        if by_gold[gc] == by_pred[pid]:
            link.ok += 1
        else:
            errs["linking"].append(f"{gc!r} vs predicted {pid!r}")
    errs["linking"] = sorted(set(errs["linking"]))
    # speakers: map each predicted entity to the gold canonical most of its mentions carry
    ent_to_gold: dict[str, str] = {}
    votes: dict[str, Counter[str]] = {}
    for gc, pid in aligned:
        votes.setdefault(pid, Counter())[gc] += 1
    for pid, c in votes.items():
        ent_to_gold[pid] = c.most_common(1)[0][0]
    for gold_sp, pred_sp, where in quote_pairs:
        speaker.n += 1
        got = ent_to_gold.get(pred_sp) if pred_sp else None
        if got == gold_sp:
            speaker.ok += 1
        else:
            errs["quotes"].append(f"{where}: speaker gold {gold_sp!r} got {got!r} ({pred_sp})")
    if seen["entities"]:
        rep.scores["entities"] = ent.to_dict()
        rep.scores["entities_span_only"] = ent_span.to_dict()
        rep.scores["linking"] = link.to_dict()
    if seen["quotes"]:
        rep.scores["quotes"] = quotes.to_dict()
        rep.scores["quote_speaker"] = speaker.to_dict()
        rep.scores["quote_kind"] = kind.to_dict()
    if seen["times"]:
        rep.scores["times"] = times.to_dict()
        rep.scores["time_range"] = time_val.to_dict()
    if seen["quantities"]:
        rep.scores["quantities"] = quants.to_dict()
        rep.scores["quantity_value"] = quant_val.to_dict()
    rep.errors = {k: v for k, v in errs.items() if v}
    return rep


def _eq(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(float(a) - float(b)) < 1e-9
    return a == b


def evaluate(gold_path: Path, texts: Sequence[Path] = (),
             language: str | None = SUPPORTED[0], *, normalize: Callable[[str], str]) -> Report:
    """Analyse the gold's articles from their texts, link them, and score
    (``language``: of the gold's articles that do not say theirs).

    ``normalize`` is the ingest's text normaliser (the caller passes it: a
    stage does not import another), so offsets are those the store keeps."""
    gold = load_gold(gold_path)
    items = []
    missing = []
    for name, g in sorted(gold.items()):
        p = find_text(name, gold_path, texts)
        if p is None:
            missing.append(name)
            continue
        body, published = read_seed(p, normalize)
        items.append((name, body, g.get("language", language), published))
    analyses = analyze_batch(items)
    analyses, _ = link_entities(analyses, [])
    rep = score({k: v for k, v in gold.items() if k not in missing}, {a.article_uid: a for a in analyses})
    if missing:
        rep.errors["missing_texts"] = missing
    return rep
