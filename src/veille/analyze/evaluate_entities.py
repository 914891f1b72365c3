"""Entity quality against public gold: HIPE-2022 (French, with Wikidata ids) and CoNLL-2003.

Two questions, scored separately:

- **recognition** (NER): exact span + label, and fuzzy (overlapping span, same
  label) precision/recall/F1 per label. HIPE's coarse labels ``pers/loc/org``
  map to PER/LOC/ORG (``prod``/``time`` are not scored, nor are our MISC
  mentions); CoNLL's PER/LOC/ORG/MISC are ours already.
- **linking as clustering** (HIPE): among the gold mentions the system finds
  (an overlapping system mention, any label) that carry a Wikidata id (NIL
  mentions say nothing about identity and are left out), B-cubed
  precision/recall/F1 of the system's ``entity_id`` groups against the gold
  QID groups, across every document of the run at once (the linker sees the
  documents one after the other, as the writer would). The baseline groups
  the same mentions by their lower-cased surface text (``baseline_text``: the
  system's span; ``baseline_gold_text``: the gold span, i.e. string identity
  with perfect boundaries).

Dev files are split by document, deterministically: a document belongs to
part ``a`` when ``crc32(document id)`` is even, else to ``b``; we tuned on
``a`` and report ``b`` as the untouched part (``--part``).

Texts are rebuilt from the gold tokens (a space between tokens unless the
gold says ``NoSpaceAfter``), so character offsets of gold spans are exact.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from veille.analyze import components as C
from veille.analyze.linking import link_entities
from veille.analyze.pipeline import COMPONENTS, analyze_batch
from veille.core.model import Analysis, DateRange, Mention

SCORED = ("PER", "LOC", "ORG")
#: HIPE coarse labels, lower-cased (hipe2020 writes "pers", newseye "PER").
HIPE_LABELS = {"pers": "PER", "per": "PER", "loc": "LOC", "org": "ORG"}
CONLL_LABELS = ("PER", "LOC", "ORG", "MISC")
PARTS = ("a", "b", "all")
#: The mark OCR'd newspapers (newseye) keep where a word is cut at the end of a line.
HYPHEN_EOL = "¬"
# Recognition only needs sentences and entities: skip quotes, times, quantities.
_NER_COMPONENTS = tuple(c for c in COMPONENTS if c.name in (C.SENTENCES, C.ENTITIES))


@dataclass
class GoldMention:
    start: int
    end: int
    label: str  # PER/LOC/ORG/MISC, or the raw gold label when not scored
    qid: str | None = None
    text: str = ""


@dataclass
class GoldDoc:
    doc_id: str
    text: str
    language: str
    published: DateRange
    mentions: list[GoldMention] = field(default_factory=list)


def part_of(doc_id: str) -> str:
    """The deterministic half a document belongs to ("a": tune, "b": report)."""
    return "a" if zlib.crc32(doc_id.encode("utf-8")) % 2 == 0 else "b"


def select(docs: Iterable[GoldDoc], part: str) -> list[GoldDoc]:
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    return [d for d in docs if part == "all" or part_of(d.doc_id) == part]


# --------------------------------------------------------------------- readers
class _Builder:
    """Accumulates tokens into a text and IOB tags into gold spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.mentions: list[GoldMention] = []
        self.open: GoldMention | None = None
        self.space = False
        self.space_before = False
        self.last = ""

    def token(self, tok: str, tag: str, qid: str | None = None, space_after: bool = True,
              label_map: dict[str, str] | None = None) -> None:
        self.space_before = self.space
        if self.space:
            self.parts.append(" ")
            self.pos += 1
        start = self.pos
        self.parts.append(tok)
        self.pos += len(tok)
        self.space = space_after
        kind, _, raw = tag.partition("-")
        label = (label_map.get(raw.lower(), raw) if label_map else raw) if raw else ""
        # a word cut at the line's end ("Allema¬" / "gne"): newseye tags the
        # second half B- again, though it is the same word and the same name
        rejoined = (kind == "B" and not self.space_before and self.last.endswith(HYPHEN_EOL))
        self.last = tok
        if kind in ("I", "B") and (kind == "I" or rejoined) and self.open is not None \
                and self.open.label == label:
            self.open.end = self.pos
            return
        self.close()
        if kind in ("B", "I"):
            self.open = GoldMention(start, self.pos, label, qid)

    def close(self) -> None:
        if self.open is not None:
            self.mentions.append(self.open)
            self.open = None

    def newline(self) -> None:
        self.close()
        if self.parts:
            self.parts.append("\n")
            self.pos += 1
        self.space = False

    def finish(self) -> tuple[str, list[GoldMention]]:
        self.close()
        text = "".join(self.parts)
        for m in self.mentions:
            m.text = text[m.start:m.end]
        return text, self.mentions


def _date(s: str) -> DateRange:
    try:
        d = date.fromisoformat(s.strip())
    except ValueError:
        return DateRange.unknown()
    return DateRange(d, d, "day")


def read_hipe(path: Path) -> list[GoldDoc]:
    """Documents of a HIPE-2022 TSV (coarse literal labels, literal QIDs)."""
    docs: list[GoldDoc] = []
    cur: dict[str, Any] | None = None
    b = _Builder()

    def flush() -> None:
        if cur is not None:
            text, ms = b.finish()
            docs.append(GoldDoc(cur["id"], text, cur.get("lang", "fr"),
                                cur.get("date", DateRange.unknown()), ms))

    with path.open(encoding="utf-8") as fh:
        header = None
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                key = key.strip()
                if key.endswith("document_id"):
                    flush()
                    cur = {"id": value.strip()}
                    b = _Builder()
                elif key.endswith(":date") and cur is not None:
                    cur["date"] = _date(value)
                elif key.endswith(":language") and cur is not None:
                    cur["lang"] = value.strip()
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            if cur is None or len(cols) < len(header):
                continue
            row = dict(zip(header, cols, strict=False))
            misc = row.get("MISC", "")
            qid = row.get("NEL-LIT", "_")
            b.token(row["TOKEN"], row.get("NE-COARSE-LIT", "O"),
                    qid if qid not in ("_", "NIL", "") else None,
                    space_after="NoSpaceAfter" not in misc, label_map=HIPE_LABELS)
            if "EndOfSentence" in misc:
                b.close()
    flush()
    return docs


def read_conll(path: Path) -> list[GoldDoc]:
    """Documents of a CoNLL-2003 file (``idx<TAB>token<TAB>IOB2``; sentences separated
    by blank lines, documents by ``-DOCSTART-``); a sentence per line of text."""
    docs: list[GoldDoc] = []
    b = _Builder()
    n = 0

    def flush() -> None:
        nonlocal b
        text, ms = b.finish()
        if text.strip():
            docs.append(GoldDoc(f"conll-{path.stem}-{len(docs):04d}", text, "en",
                                DateRange.unknown(), ms))
        b = _Builder()

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                b.newline()
                continue
            tok, tag = cols[1], cols[2]
            if tok == "-DOCSTART-":
                flush()
                n += 1
                continue
            b.token(tok, tag)
    flush()
    return docs


# --------------------------------------------------------------------- scoring
@dataclass
class PRF:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    tp_gold: int = 0  # gold mentions matched (fuzzy matching can match one twice)

    def to_dict(self) -> dict[str, float | int]:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = (self.tp_gold or self.tp) / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "pred": self.n_pred, "gold": self.n_gold}


def _ner(pairs: Sequence[tuple[list[GoldMention], list[tuple[int, int, str]]]],
         labels: Sequence[str], fuzzy: bool) -> dict[str, dict[str, float | int]]:
    per = {lab: PRF() for lab in labels}
    allp = PRF()
    for gold, pred in pairs:
        g = [m for m in gold if m.label in labels]
        p = [x for x in pred if x[2] in labels]
        for lab in labels:
            gl = [(m.start, m.end) for m in g if m.label == lab]
            pl = [(a, b) for a, b, x in p if x == lab]
            if fuzzy:
                tp = sum(1 for a, b in pl if any(a < d and c < b for c, d in gl))
                tg = sum(1 for c, d in gl if any(a < d and c < b for a, b in pl))
            else:
                tp = len(set(gl) & set(pl))
                tg = tp
            for s in (per[lab], allp):
                s.tp += tp
                s.tp_gold += tg
                s.n_pred += len(pl)
                s.n_gold += len(gl)
    out = {lab: s.to_dict() for lab, s in per.items()}
    out["all"] = allp.to_dict()
    return out


def bcubed(system: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    """B-cubed P/R/F1 of the clustering ``system`` (one cluster key per item)
    against ``gold`` (same items, same order)."""
    if not system:
        return {"p": 0.0, "r": 0.0, "f1": 0.0, "mentions": 0}
    both: Counter[tuple[str, str]] = Counter(zip(system, gold, strict=True))
    ns = Counter(system)
    ng = Counter(gold)
    p = sum(both[(s, g)] / ns[s] for s, g in zip(system, gold, strict=True)) / len(system)
    r = sum(both[(s, g)] / ng[g] for s, g in zip(system, gold, strict=True)) / len(system)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "mentions": len(system)}


def analyse(docs: Sequence[GoldDoc]) -> list[Analysis]:
    """Entities of every document, linked across them in document order."""
    items = [(d.doc_id, d.text, d.language, d.published) for d in docs]
    analyses = analyze_batch(items, comps=_NER_COMPONENTS)
    analyses, _ = link_entities(analyses, [])
    return analyses


def _linking(docs: Sequence[GoldDoc],
             analyses: Sequence[Analysis]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    sys_ids: list[str] = []
    base: list[str] = []
    base_gold: list[str] = []
    gold: list[str] = []
    rows: list[dict[str, Any]] = []
    for d, an in zip(docs, analyses, strict=True):
        for g in d.mentions:
            if g.qid is None or g.label not in SCORED:
                continue
            hits = [m for m in an.entities if m.start < g.end and g.start < m.end and m.entity_id]
            if not hits:
                continue
            # the tightest of the widest overlaps: a place nested in a longer
            # name (entities_nested) is the gold's "Genève", not the bank's
            m = max(hits, key=lambda x: (min(x.end, g.end) - max(x.start, g.start),
                                         -(x.end - x.start)))
            assert m.entity_id is not None
            sys_ids.append(m.entity_id)
            base.append(m.text.lower())
            base_gold.append(g.text.lower())
            gold.append(g.qid)
            rows.append({"doc": d.doc_id, "text": m.text, "gold_text": g.text, "qid": g.qid,
                         "entity_id": m.entity_id})
    found = len(sys_ids)
    total = sum(1 for d in docs for g in d.mentions if g.qid and g.label in SCORED)
    return {"gold_mentions_with_qid": total, "found": found,
            "system": bcubed(sys_ids, gold), "baseline_text": bcubed(base, gold),
            "baseline_gold_text": bcubed(base_gold, gold)}, rows


def _errors(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Wrong merges (one entity_id, several QIDs) and splits (one QID, several ids)."""
    by_id: dict[str, set[str]] = defaultdict(set)
    by_qid: dict[str, set[str]] = defaultdict(set)
    texts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        by_id[r["entity_id"]].add(r["qid"])
        by_qid[r["qid"]].add(r["entity_id"])
        texts[(r["entity_id"], r["qid"])].add(r["text"])
    out: list[dict[str, Any]] = []
    for eid, qs in sorted(by_id.items()):
        if len(qs) > 1:
            out.append({"kind": "merge", "entity_id": eid,
                        "groups": {q: sorted(texts[(eid, q)]) for q in sorted(qs)}})
    for q, ids in sorted(by_qid.items()):
        if len(ids) > 1:
            out.append({"kind": "split", "qid": q,
                        "groups": {i: sorted(texts[(i, q)]) for i in sorted(ids)}})
    return out


def gold_span_analyses(docs: Sequence[GoldDoc]) -> list[Analysis]:
    """The gold PER/LOC/ORG spans of every document as mentions, linked across
    documents in order: the linker alone, with perfect boundaries and labels
    (what the linking would score if recognition made no error)."""
    analyses: list[Analysis] = []
    for d in docs:
        ms = [Mention(text=g.text, label=g.label, start=g.start, end=g.end, sentence=0)
              for g in d.mentions if g.label in SCORED]
        analyses.append(Analysis(article_uid=d.doc_id, language=d.language, entities=ms))
    analyses, _ = link_entities(analyses, [])
    return analyses


def evaluate_hipe(paths: Sequence[Path], part: str = "all", *, errors: bool = False,
                  gold_spans: bool = False) -> dict[str, Any]:
    docs = [d for p in paths for d in select(read_hipe(p), part)]
    analyses = gold_span_analyses(docs) if gold_spans else analyse(docs)
    pairs = [(d.mentions, [(m.start, m.end, m.label) for m in an.entities])
             for d, an in zip(docs, analyses, strict=True)]
    link, rows = _linking(docs, analyses)
    rep: dict[str, Any] = {
        "corpus": "hipe2022", "files": [p.name for p in paths], "part": part, "documents": len(docs),
        "gold_spans": gold_spans,
        "ner_exact": _ner(pairs, SCORED, fuzzy=False), "ner_fuzzy": _ner(pairs, SCORED, fuzzy=True),
        "linking": link,
    }
    if errors:
        rep["linking_errors"] = _errors(rows)
    return rep


def evaluate_conll(path: Path, part: str = "all", *, errors: bool = False) -> dict[str, Any]:
    docs = select(read_conll(path), part)
    analyses = analyse(docs)
    # CoNLL's gold never nests a name in another (HIPE's does): a place inside
    # a longer name (``Mention.nested``) is no mention of this scheme
    pairs = [(d.mentions, [(m.start, m.end, m.label) for m in an.entities if not m.nested])
             for d, an in zip(docs, analyses, strict=True)]
    rep: dict[str, Any] = {
        "corpus": "conll2003", "files": [path.name], "part": part, "documents": len(docs),
        "ner_exact": _ner(pairs, CONLL_LABELS, fuzzy=False),
        "ner_exact_per_loc_org": _ner(pairs, SCORED, fuzzy=False),
        "ner_fuzzy": _ner(pairs, CONLL_LABELS, fuzzy=True),
    }
    if errors:
        errs: list[dict[str, Any]] = []
        for d, (gold, pred) in zip(docs, pairs, strict=True):
            gs = {(m.start, m.end, m.label) for m in gold}
            ps = set(pred)
            errs += [{"doc": d.doc_id, "kind": "missed", "text": d.text[a:b], "label": lab}
                     for a, b, lab in sorted(gs - ps)]
            errs += [{"doc": d.doc_id, "kind": "spurious", "text": d.text[a:b], "label": lab}
                     for a, b, lab in sorted(ps - gs)]
        rep["errors"] = errs
    return rep


def evaluate(path: Path, part: str = "all", *, errors: bool = False,
             gold_spans: bool = False) -> dict[str, Any]:
    """Score a HIPE folder/TSV or a CoNLL file, recognised by its format.

    ``gold_spans`` (HIPE only): link the gold mentions instead of the model's,
    to measure the linker apart from recognition."""
    if path.is_dir():
        tsvs = sorted(path.glob("*.tsv"))
        if not tsvs:
            raise ValueError(f"{path}: no .tsv file (HIPE-2022) in this folder")
        return evaluate_hipe(tsvs, part, errors=errors, gold_spans=gold_spans)
    if path.suffix == ".tsv":
        return evaluate_hipe([path], part, errors=errors, gold_spans=gold_spans)
    if gold_spans:
        raise ValueError("--gold-spans needs HIPE-2022 gold (Wikidata ids)")
    return evaluate_conll(path, part, errors=errors)
