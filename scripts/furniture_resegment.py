"""Carry the furniture labels over to a new segmentation (session 8, run once;
kept for the record).

Session 8 cut a blob line (a text pasted without its line breaks, over 600
characters) with the analysis' rule splitter (``veille.lang.sentences``)
instead of a punctuation regex, so the segments of blob lines changed and
with them the labels' ``segment`` indices and hashes. No label is judged
again here: a new segment takes the label of the old labelled segments it
overlaps when they all agree and cover it (a segment whose text is unchanged
keeps its label; a piece of an old segment keeps the piece's label; two old
segments joined keep their common label); a new segment overlapping old
segments with different labels, or unlabelled text, gets no label, and is
counted. Usage::

    .venv/bin/python scripts/furniture_resegment.py OLD_COMMIT [--write]

``OLD_COMMIT``: a commit whose ``veille.analyze.furniture.segments`` cut the
labels (its file is loaded from git).
"""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

from veille.analyze import furniture
from veille.analyze.evaluate_furniture import line_hash, load_docs

ROOT = Path(__file__).resolve().parents[1]


def _old_segments(commit: str) -> types.FunctionType:
    src = subprocess.run(["git", "show", f"{commit}:src/veille/analyze/furniture.py"], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    mod = types.ModuleType("old_furniture")
    sys.modules["old_furniture"] = mod  # dataclasses look their module up
    exec(compile(src, "old_furniture.py", "exec"), mod.__dict__)
    return mod.segments  # type: ignore[no-any-return]


def main() -> None:
    old_segments = _old_segments(sys.argv[1])
    write = "--write" in sys.argv
    docs = load_docs(ROOT.parent / "shared" / "data", ROOT / "examples")
    for path in sorted((ROOT / "tests" / "data" / "furniture").glob("*.jsonl")):
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        by_doc: dict[tuple[str, str], list[dict]] = {}
        for r in rows:
            by_doc.setdefault((r["corpus"], r["doc"]), []).append(r)
        carried: dict[tuple[str, str], list[dict]] = {}
        kept = moved = split = dropped = 0
        for key, lbs in by_doc.items():
            d = docs.get(key)
            if d is None:
                carried[key] = lbs
                continue
            old = old_segments(d.text)
            new = furniture.segments(d.text, d.language)
            if old == new:
                carried[key] = lbs
                kept += len(lbs)
                continue
            out = carried.setdefault(key, [])
            label_of = {r["segment"]: r for r in lbs
                        if r["segment"] < len(old)
                        and line_hash(d.text[old[r["segment"]][0]:old[r["segment"]][1]]) == r["sha1"]}
            done: set[int] = set()
            for j, (a, b) in enumerate(new):
                over = [i for i, (x, y) in enumerate(old) if x < b and a < y]
                covered = sum(min(b, old[i][1]) - max(a, old[i][0]) for i in over)
                text_chars = len(d.text[a:b].replace(" ", "")) and (b - a)
                if not over or any(i not in label_of for i in over):
                    if any(i in label_of for i in over):
                        dropped += 1
                    continue
                labels = {label_of[i]["label"] for i in over}
                if len(labels) != 1 or covered < 0.9 * text_chars:
                    dropped += 1
                    continue
                base = dict(label_of[over[0]])
                line = d.text[a:b]
                if len(over) == 1 and old[over[0]] == (a, b):
                    moved += base["segment"] != j
                else:
                    split += 1
                done.update(over)
                base.update(segment=j, sha1=line_hash(line), text=line[:80] + ("…" if len(line) > 80 else ""))
                out.append(base)
        # in the file's order: a document's labels where its first label stood
        out = []
        for r in rows:
            got = carried.pop((r["corpus"], r["doc"]), None)
            if got is not None:
                out.extend(got)
        print(f"{path.name}: {len(rows)} labels -> {len(out)} (unchanged docs {kept}, moved {moved}, "
              f"cut or joined {split}, not carried {dropped})")
        if write:
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")


if __name__ == "__main__":
    main()
