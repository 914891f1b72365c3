"""Sentence boundaries against public gold: the sentences of CoNLL-2003 English.

Every stage reads sentences (quotes, times, summaries, timelines), so their
boundaries are measured like any extractor: a boundary is the character offset
where a sentence opens (the document's first one excluded); precision and
recall of veille's boundaries against the gold file's.

The text is rebuilt from the gold tokens as ``evaluate_entities`` does (a space
between tokens), but the gold sentences are joined by a space, not by a line
break: with one sentence a line, the line-break rule would find every gold
boundary by construction. One convention is kept: the headline, and a gold sentence that does
not end with sentence-final punctuation ( the dateline "LONDON
1996-08-30", a row of a results table) stands on a line of its own, as it does
on the wire; those boundaries are scored apart (``layout``) since the line break
gives them away, and the figures that matter are the ``prose`` ones (a
boundary between two sentences of running text).

Documents are split in halves by the entity evaluator's hash
(:func:`veille.analyze.evaluate_entities.part_of`): tune on ``a``, report ``b``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veille.analyze import components as C
from veille.analyze.evaluate_entities import PARTS, part_of
from veille.analyze.pipeline import COMPONENTS, analyze_batch
from veille.core.model import DateRange

#: What ends a sentence of prose in CoNLL's tokens (a closing quote after the stop is its own token).
_FINAL = (".", "!", "?", '"', "'", ")")
_COMPS = tuple(c for c in COMPONENTS if c.name == C.SENTENCES)


@dataclass
class SentDoc:
    doc_id: str
    text: str
    prose: set[int] = field(default_factory=set)  # gold starts after a sentence of prose
    layout: set[int] = field(default_factory=set)  # gold starts after a line of its own


def _is_line(tokens: Sequence[str]) -> bool:
    """A gold sentence that ends without final punctuation stands on its own line."""
    last = tokens[-1]
    return not (last in _FINAL or (last.endswith(".") and len(last) > 1))


#: Tokens printed against the word before them, and after which no space comes.
_NO_SPACE_BEFORE = frozenset(".,:;?!)]}%") | {"'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'"}
_NO_SPACE_AFTER = frozenset("([{$")


def _detokenize(sentences: Sequence[Sequence[str]]) -> list[list[tuple[str, bool]]]:
    """(token, space before it) per token, the spacing a wire story prints: no space
    before a comma or full stop, none inside brackets, a quote mark glued to the
    quoted words (an opening one at a sentence start, a closing one at its end,
    otherwise by the count of marks so far in the document)."""
    out: list[list[tuple[str, bool]]] = []
    quotes = 0
    glue_next = False
    for toks in sentences:
        row: list[tuple[str, bool]] = []
        for i, tok in enumerate(toks):
            space = not glue_next
            glue_next = False
            if tok == '"':
                opening = i == 0 or (i < len(toks) - 1 and quotes % 2 == 0)
                quotes += 1
                if opening:
                    glue_next = True
                    if i == 0:
                        quotes = 1
                else:
                    space = False
            elif tok in _NO_SPACE_BEFORE:
                space = False
            elif tok in _NO_SPACE_AFTER:
                glue_next = True
            row.append((tok, space and i > 0))
        glue_next = False
        out.append(row)
    return out


def build(doc_id: str, sentences: Sequence[Sequence[str]], detok: bool = True) -> SentDoc:
    """The document's text and its gold sentence starts; ``detok`` False keeps
    ``evaluate_entities``' spacing (a space between any two tokens)."""
    rows = (_detokenize(sentences) if detok
            else [[(t, i > 0) for i, t in enumerate(toks)] for toks in sentences])
    parts: list[str] = []
    pos = 0
    doc = SentDoc(doc_id, "")
    for k, row in enumerate(rows):
        if k:
            sep = "\n" if k == 1 or _is_line(sentences[k - 1]) else " "
            parts.append(sep)
            pos += 1
            (doc.layout if sep == "\n" else doc.prose).add(pos)
        s = "".join((" " if sp else "") + t for t, sp in row)
        parts.append(s)
        pos += len(s)
    doc.text = "".join(parts)
    return doc


def read_conll(path: Path, detok: bool = True) -> list[SentDoc]:
    """Documents of a CoNLL-2003 file, their gold sentences as token lists."""
    docs: list[SentDoc] = []
    sents: list[list[str]] = []
    cur: list[str] = []

    def flush() -> None:
        nonlocal sents
        if cur:
            sents.append(list(cur))
            cur.clear()
        if sents:
            # ids as evaluate_entities names them, so that the halves are the same
            docs.append(build(f"conll-{path.stem}-{len(docs):04d}", sents, detok))
        sents = []

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                if cur:
                    sents.append(list(cur))
                    cur.clear()
                continue
            if cols[1] == "-DOCSTART-":
                flush()
                continue
            cur.append(cols[1])
    flush()
    return docs


def _context(text: str, at: int, width: int = 60) -> str:
    return (text[max(0, at - width):at] + " ‖ " + text[at:at + width]).replace("\n", "⏎")


def evaluate(path: Path, part: str = "all", *, errors: bool = False,
             detok: bool = True) -> dict[str, Any]:
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    docs = [d for d in read_conll(path, detok) if part == "all" or part_of(d.doc_id) == part]
    items = [(d.doc_id, d.text, "en", DateRange.unknown()) for d in docs]
    analyses = analyze_batch(items, comps=_COMPS)
    tp = fp = fn = lay_found = 0
    n_prose = n_layout = 0
    missed: list[dict[str, str]] = []
    spurious: list[dict[str, str]] = []
    for d, an in zip(docs, analyses, strict=True):
        starts = {s.start for s in an.sentences[1:]}
        n_prose += len(d.prose)
        n_layout += len(d.layout)
        lay_found += len(d.layout & starts)
        tp += len(d.prose & starts)
        for at in sorted(d.prose - starts):
            fn += 1
            missed.append({"doc": d.doc_id, "at": _context(d.text, at)})
        for at in sorted(starts - d.prose - d.layout):
            fp += 1
            spurious.append({"doc": d.doc_id, "at": _context(d.text, at)})
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / n_prose if n_prose else 0.0
    out: dict[str, Any] = {
        "corpus": "conll2003", "file": path.name, "part": part, "detokenized": detok, "documents": len(docs),
        "prose_boundaries": n_prose, "layout_boundaries": n_layout,
        "layout_found": lay_found,
        "prose": {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4),
                  "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0},
    }
    if errors:
        out["missed"] = missed
        out["spurious"] = spurious
    return out


def main(argv: Sequence[str] | None = None) -> None:
    import argparse
    import json

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("path", type=Path)
    ap.add_argument("--part", default="all", choices=PARTS)
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--tokenized", action="store_true", help="a space between any two tokens")
    args = ap.parse_args(argv)
    res = evaluate(args.path, args.part, errors=args.errors, detok=not args.tokenized)
    print(json.dumps(res, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
