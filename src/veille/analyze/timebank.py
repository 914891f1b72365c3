"""Read ISO-TimeML files (French TimeBank) and score ``extract_times`` on them.

The scorer follows the TempEval-3 conventions used for the published
HeidelTime figures: strict extraction needs identical offsets, relaxed
extraction any overlap (each gold span matched at most once); value
precision/recall count the relaxed matches whose normalised value equals the
gold value, over system and gold spans respectively.
"""

from __future__ import annotations

import html
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from veille.analyze.nlp import get_nlp
from veille.analyze.temporal import extract_times
from veille.core.model import DateRange, TimeRef
from veille.lang.detect import detect_language

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldTimex:
    text: str
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


@dataclass
class TimeMLDoc:
    doc_id: str
    dct: date
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


_WEEK_UNPADDED = re.compile(r"^(\d{4}|XXXX)-W(\d)(?=$|-)")


#: a decade or century with its unknown digits written out: "199X", "19XX"
_SPAN_X = re.compile(r"^(\d{2}(?:\d(?=X$)|(?=XX$)))X+$")


def one_notation(v: str) -> str:
    """A decade or century in one notation: TimeML 1.2 (TimeBank, our English) writes
    "199" and "19", AQUAINT and ISO-TimeML (the French TimeBank, our French) "199X" and
    "19XX" -- the same decade, so not a value error. Applied to gold and system alike."""
    return _SPAN_X.sub(r"\1", v)


def gold_value(v: str) -> str:
    """The gold value in one notation: AQUAINT writes ISO weeks unpadded ("2000-W7"),
    TimeBank and ISO 8601 "2000-W07" -- the same week, so not a value error; decades and
    centuries as :func:`one_notation`."""
    return one_notation(_WEEK_UNPADDED.sub(lambda m: f"{m.group(1)}-W0{m.group(2)}", v))


def read_timeml(path: Path) -> TimeMLDoc:
    """Strip the tags of ``<TEXT>``; gold TIMEX3 spans become offsets into that text."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.DOTALL)
    if dct_m is None:
        raise ValueError(f"{path}: no DCT")
    body_m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
    if body_m is None:
        raise ValueError(f"{path}: no TEXT")
    body = body_m.group(1)
    out: list[str] = []
    n = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclose = m.group(1), m.group(2), m.group(3), m.group(4)
        if name != "TIMEX3" or selfclose:
            continue
        if not closing:
            open_timex.append((n, dict(_ATTR.findall(attrs))))
        elif open_timex:
            start, a = open_timex.pop()
            timexes.append(GoldTimex("", start, n, a.get("type", "DATE"),
                                     gold_value(a.get("value", "")), a.get("mod")))
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for t in timexes:
        t.text = text[t.start : t.end]
    y, mo, d = (int(x) for x in dct_m.group(1).split("-"))
    return TimeMLDoc(path.stem, date(y, mo, d), text, sorted(timexes, key=lambda t: t.start))


def read_corpus(directory: Path) -> list[TimeMLDoc]:
    return [read_timeml(p) for p in sorted(Path(directory).glob("*.tml"))]


#: document halves: "a" to tune on, "b" to report (the other evals' convention)
PARTS = ("a", "b", "all")


def part_of(doc_id: str) -> str:
    """The fixed half a document belongs to: crc32 of its file name (without ``.tml``),
    even "a", odd "b" -- as ``eval entities`` splits its documents."""
    return "a" if zlib.crc32(doc_id.encode("utf-8")) % 2 == 0 else "b"


def timeml_units(t: TimeRef) -> list[TimeRef]:
    """TimeML has no interval values: "du 19 au 23 juillet" is two TIMEX3, so split ours.

    Only day ranges whose text names two day numbers are split (first number
    alone, then the rest), which is how the French TimeBank annotates them.
    """
    if not (t.value and "/" in t.value and t.granularity == "day"):
        return [t]
    nums = list(re.finditer(r"\d{1,2}(?:er)?", t.text))
    if len(nums) < 2:
        return [t]
    v1, v2 = t.value.split("/", 1)
    first = TimeRef(t.text[: nums[0].end()], t.start, t.start + nums[0].end(), t.sentence,
                    t.type, v1, v1, v1, "day", t.method)
    second = TimeRef(t.text[nums[1].start() :], t.start + nums[1].start(), t.end, t.sentence,
                     t.type, v2, v2, v2, "day", t.method)
    return [first, second]


def timeml_value(t: TimeRef) -> str | None:
    """Our value in TimeBank's conventions (a two-day range is TimeML-less: its first day)."""
    v = t.value
    if v and "/" in v:
        return one_notation(v.split("/")[0])
    return one_notation(v) if v else v


@dataclass
class Counts:
    n_gold: int = 0
    n_sys: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, o: Counts) -> None:
        for k in ("n_gold", "n_sys", "strict", "relaxed", "value", "type"):
            setattr(self, k, getattr(self, k) + getattr(o, k))

    @staticmethod
    def prf(hit: int, n_sys: int, n_gold: int) -> dict[str, float]:
        p = hit / n_sys if n_sys else 0.0
        r = hit / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2)}

    def report(self) -> dict[str, object]:
        return {
            "gold": self.n_gold,
            "system": self.n_sys,
            "strict": self.prf(self.strict, self.n_sys, self.n_gold),
            "relaxed": self.prf(self.relaxed, self.n_sys, self.n_gold),
            "value": self.prf(self.value, self.n_sys, self.n_gold),
            "type": self.prf(self.type, self.n_sys, self.n_gold),
            "value_accuracy_on_relaxed": round(100 * self.value / self.relaxed, 2)
            if self.relaxed
            else 0.0,
        }


@dataclass
class Mismatch:
    doc: str
    kind: str  # missed / spurious / value
    gold: str | None
    system: str | None
    context: str


@dataclass
class Breakdown:
    """Counts per gold type (recall side) and per system type / method (precision side).

    A relaxed match between a gold DATE and a system DURATION counts in the
    DATE row's recall and in the DURATION row's precision, so each row says
    how well that kind of expression is found, and how often what we call that
    kind is right.
    """

    gold: dict[str, int] = field(default_factory=dict)
    gold_relaxed: dict[str, int] = field(default_factory=dict)
    gold_value: dict[str, int] = field(default_factory=dict)
    system: dict[str, int] = field(default_factory=dict)
    sys_relaxed: dict[str, int] = field(default_factory=dict)
    sys_value: dict[str, int] = field(default_factory=dict)

    @staticmethod
    def _inc(d: dict[str, int], key: str) -> None:
        d[key] = d.get(key, 0) + 1

    def add(self, o: Breakdown) -> None:
        for name in ("gold", "gold_relaxed", "gold_value", "system", "sys_relaxed", "sys_value"):
            mine, theirs = getattr(self, name), getattr(o, name)
            for k, v in theirs.items():
                mine[k] = mine.get(k, 0) + v

    def report(self) -> dict[str, dict[str, object]]:
        out: dict[str, dict[str, object]] = {}
        for k in sorted(set(self.gold) | set(self.system)):
            ng, ns = self.gold.get(k, 0), self.system.get(k, 0)
            rel_p = self.sys_relaxed.get(k, 0) / ns if ns else 0.0
            rel_r = self.gold_relaxed.get(k, 0) / ng if ng else 0.0
            val_p = self.sys_value.get(k, 0) / ns if ns else 0.0
            val_r = self.gold_value.get(k, 0) / ng if ng else 0.0
            row: dict[str, object] = {"gold": ng, "system": ns}
            if ng or ns:
                row["relaxed"] = _prf_from(rel_p, rel_r)
                row["value"] = _prf_from(val_p, val_r)
            out[k] = row
        return out


def _prf_from(p: float, r: float) -> dict[str, float]:
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2)}


def method_family(t: TimeRef) -> str:
    """``grammar:day_month`` -> ``grammar:day_month``; the method is already a family name."""
    return t.method or "unknown"


def score_doc(doc: TimeMLDoc, system: Iterable[TimeRef]) -> tuple[Counts, list[Mismatch]]:
    c, errors, _, _ = score_doc_detailed(doc, system)
    return c, errors


def score_doc_detailed(
    doc: TimeMLDoc, system: Iterable[TimeRef]
) -> tuple[Counts, list[Mismatch], Breakdown, Breakdown]:
    """Totals, errors, and the breakdowns per type and per method (precision only:
    gold has no method)."""
    sys_list = sorted((u for t in system for u in timeml_units(t)), key=lambda t: t.start)
    c = Counts(n_gold=len(doc.timexes), n_sys=len(sys_list))
    by_type, by_method = Breakdown(), Breakdown()
    for g in doc.timexes:
        Breakdown._inc(by_type.gold, g.type)
    for t in sys_list:
        Breakdown._inc(by_type.system, t.type)
        Breakdown._inc(by_method.system, method_family(t))
    used: set[int] = set()
    errors: list[Mismatch] = []

    def ctx(s: int, e: int) -> str:
        return doc.text[max(0, s - 50) : s] + "[" + doc.text[s:e] + "]" + doc.text[e : e + 50]

    for g in doc.timexes:
        best = None
        for i, t in enumerate(sys_list):
            if i in used or not (t.start < g.end and g.start < t.end):
                continue
            if best is None or (t.start, t.end) == (g.start, g.end):
                best = i
        if best is None:
            errors.append(Mismatch(doc.doc_id, "missed", f"{g.text}={g.value}", None,
                                   ctx(g.start, g.end)))
            continue
        used.add(best)
        t = sys_list[best]
        c.relaxed += 1
        Breakdown._inc(by_type.gold_relaxed, g.type)
        Breakdown._inc(by_type.sys_relaxed, t.type)
        Breakdown._inc(by_method.sys_relaxed, method_family(t))
        if (t.start, t.end) == (g.start, g.end):
            c.strict += 1
        if t.type == g.type:
            c.type += 1
        if timeml_value(t) == g.value:
            c.value += 1
            Breakdown._inc(by_type.gold_value, g.type)
            Breakdown._inc(by_type.sys_value, t.type)
            Breakdown._inc(by_method.sys_value, method_family(t))
        else:
            errors.append(Mismatch(doc.doc_id, "value", f"{g.text}={g.value}",
                                   f"{t.text}={timeml_value(t)}", ctx(g.start, g.end)))
    for i, t in enumerate(sys_list):
        if i not in used:
            errors.append(Mismatch(doc.doc_id, "spurious", None, f"{t.text}={t.value}",
                                   ctx(t.start, t.end)))
    return c, errors, by_type, by_method


def corpus_language(docs: list[TimeMLDoc]) -> str | None:
    """The language most documents are detected in (lingua, on each document's start)."""
    votes: dict[str, int] = {}
    for doc in docs[:20]:
        code = detect_language(doc.text)
        if code:
            votes[code] = votes.get(code, 0) + 1
    return max(votes, key=lambda k: votes[k]) if votes else None


def evaluate(
    directory: Path, language: str | None = "fr", parse: bool = False, part: str = "all"
) -> tuple[dict[str, object], list[Mismatch]]:
    """Run ``extract_times`` on every document (DCT at day precision) and score.

    ``language=None`` detects it from the documents. The report has the totals,
    ``by_type`` (gold type for recall, system type for precision) and
    ``by_method`` (precision only). ``parse`` gives the extractor the spaCy parse
    of each document (as the analysis does), for the tense of governing verbs.
    ``part`` keeps one fixed half of the documents (``part_of``) or ``"all"``.
    """
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    total = Counts()
    by_type, by_method = Breakdown(), Breakdown()
    errors: list[Mismatch] = []
    docs = [d for d in read_corpus(directory) if part == "all" or part_of(d.doc_id) == part]
    if language is None:
        language = corpus_language(docs)
    nlp = get_nlp(language) if parse and language else None
    for doc in docs:
        ref = DateRange(doc.dct, doc.dct, "day")
        parses = [(0, nlp(doc.text))] if nlp is not None else []
        found = extract_times(doc.text, [], ref, language, parses)
        c, errs, bt, bm = score_doc_detailed(doc, found)
        total.add(c)
        by_type.add(bt)
        by_method.add(bm)
        errors.extend(errs)
    rep = total.report()
    rep["documents"] = len(docs)
    rep["part"] = part
    rep["language"] = language
    rep["parse"] = nlp is not None
    rep["by_type"] = by_type.report()
    rep["by_method"] = {
        k: {"system": v["system"], "relaxed_p": v["relaxed"]["p"],  # type: ignore[index]
            "value_p": v["value"]["p"]}  # type: ignore[index]
        for k, v in by_method.report().items()
    }
    return rep, errors


# --- hand gold on SemEval articles (languages with no TimeBank) -----------------------

#: the gold was annotated on the start of each text, as far as this
GOLD_WINDOW = 1800


def evaluate_semeval_gold(gold_path: Path, csv_path: Path) -> dict[str, dict[str, object]]:
    """Extraction P/R/F1 (overlap) and value accuracy per language of a gold file like
    ``tests/data/gold/semeval_times_de_es_it.json``, the texts read from the SemEval
    CSV. No publication date is known, so expressions are resolved against an unknown
    reference; only gold values that need none are scored."""
    import csv  # stdlib, only this scorer needs it
    import json

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    csv.field_size_limit(1 << 30)
    texts: dict[str, str] = {}
    wanted = {i["pair_id"] for items in gold["languages"].values() for i in items}
    with csv_path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["pair_id"] in wanted and row["pair_id"] not in texts:
                texts[row["pair_id"]] = row["text1"][:GOLD_WINDOW]
    out: dict[str, dict[str, object]] = {}
    for lang, items in gold["languages"].items():
        by_doc: dict[str, list[dict[str, object]]] = {}
        for it in items:
            by_doc.setdefault(str(it["pair_id"]), []).append(it)
        n_sys = hit = valued = value_ok = 0
        missed: list[str] = []
        for pid, golds in by_doc.items():
            text = texts[pid]
            found = extract_times(text, [], DateRange.unknown(), lang)
            n_sys += len(found)
            used: set[int] = set()
            for g in golds:
                gs = int(str(g["start"]))
                ge = gs + len(str(g["text"]))
                match = next((k for k, t in enumerate(found)
                              if k not in used and t.start < ge and gs < t.end), None)
                if g["value"] is not None:
                    valued += 1
                if match is None:
                    missed.append(f"{pid}: {g['text']}")
                    continue
                used.add(match)
                hit += 1
                if g["value"] is not None and timeml_value(found[match]) == g["value"]:
                    value_ok += 1
        rep: dict[str, object] = dict(Counts.prf(hit, n_sys, len(items)))
        rep.update({"gold": len(items), "system": n_sys, "matched": hit,
                    "gold_with_value": valued, "value_correct": value_ok,
                    "value_recall": round(100 * value_ok / valued, 2) if valued else 0.0,
                    "missed": missed})
        out[lang] = rep
    return out
