"""Count what a journalist found wrong on story pages (issue #19, session 9).

Builds every story view of a store with the code on ``sys.path`` (run it
once with ``PYTHONPATH=<git archive of an older src>`` for the "before"),
saves each view (JSON) and its terminal page (text) in OUT for reading, and
prints counts of the kinds of errors read on the pages:

- ``split_person_pairs``: two speakers of one story where one name is the
  first words of the other, all words capitalised ("Enio Cubillo" /
  "Enio Cubillo Araya"); organisations ("U.N." / "U.N. Security Council")
  are counted too: read the list printed after the counts;
- ``digit_names``: speaker names holding a digit ("0:54 Billionaire Elon Musk");
- ``partial_short``: quotes all of whose renderings are partial quotes of
  fewer than three words (« multiple »);
- ``summary_questions``: summary sentences ending with a question mark;
- ``caption_lines``: timeline lines whose sentence is a photo caption;
- ``question_facts_shown`` (session 11): facts of several sources the web page
  lists as corroborated whose statement is a question;
- ``timeline_repeats``: pairs of timeline lines of one date and language whose
  sentences share at least half their content words (Jaccard), listed after the
  counts for reading;
- ``dis_quantity`` / ``dis_date`` / ``dis_quote``: disagreements by kind, and
  ``dis_other_noun`` the quantity ones between two nouns ("troops / soldiers");
- ``summary_own_outlet``: summary sentences opening on their own outlet's
  possessive ("NPR's Ari Shapiro talks to ..." on npr.org), a programme teaser.

Run: .venv/bin/python bench/story_page_checks.py STORE.db OUT_DIR
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text as sqltext

from veille.core.text import fold_words
from veille.store.core import Store
from veille.stories.quote_matching import content_stems
from veille.stories.render import render_lines
from veille.stories.service import load_story_inputs
from veille.stories.units import is_question
from veille.stories.view import build_story_view

_QUESTION = re.compile(r"[?]\s*['\"’”»)\]]*\s*$")


_POSSESSOR = re.compile(r"([^\W\d_][\w.&-]*)['’]s\s")


def _own_outlet(text: str, source: str) -> bool:
    """Counted here, not with the builder's function, so the count of an older
    builder's views is the same check."""
    m = _POSSESSOR.match(text.strip())
    name = source.lower().removeprefix("www.").split(".")[0]
    return bool(m and name and m.group(1).replace(".", "").lower() == name)


def main() -> None:
    db, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(exist_ok=True)
    store = Store.open(db)
    with store.connect() as conn:
        ids = [r[0] for r in conn.execute(sqltext("select id from stories order by id"))]
    m: dict[str, Any] = dict(stories=0, speakers=0, split_person_pairs=0, digit_names=0,
                             partial_short=0, summary_questions=0, summary_sentences=0,
                             timeline=0, caption_lines=0, question_facts_shown=0,
                             timeline_repeats=0, dis_quantity=0, dis_date=0, dis_quote=0,
                             dis_other_noun=0, summary_own_outlet=0, cpu=0.0)
    pairs = []
    repeats = []
    for sid in ids:
        with store.connect() as conn:
            inp = load_story_inputs(conn, sid)
        t = time.process_time()
        view = build_story_view(inp.articles, inp.analyses, inp.entities)
        m["cpu"] += time.process_time() - t
        d = view.to_dict()
        d["story_id"] = sid
        (out / f"{sid}.json").write_text(json.dumps(d, ensure_ascii=False))
        (out / f"{sid}.txt").write_text("\n".join(render_lines(d)))
        m["stories"] += 1
        names = [s["speaker"] for s in d["speakers"] if s["speaker"] != "unknown speaker"]
        m["speakers"] += len(names)
        ws = [fold_words(n).split() for n in names]
        for i, a in enumerate(ws):
            for j, b in enumerate(ws):
                if i != j and 2 <= len(a) < len(b) and a[0] == b[0] and a[-1] in b[1:] \
                        and all(x[:1].isupper() for x in names[i].split()):
                    m["split_person_pairs"] += 1
                    pairs.append((sid, names[i], names[j]))
        m["digit_names"] += sum(any(c.isdigit() for c in n) for n in names)
        for s in d["speakers"]:
            for q in s["quotes"]:
                if all(r["kind"] == "partial" for r in q["renderings"]) \
                        and len(re.findall(r"\w+", q["text"])) < 3:
                    m["partial_short"] += 1
        outlet = {a["uid"]: str(a.get("source") or "") for a in d["articles"]}
        for s in d["summary"]:
            m["summary_own_outlet"] += _own_outlet(s["text"], outlet.get(s["article"], ""))
            m["summary_sentences"] += 1
            m["summary_questions"] += bool(_QUESTION.search(s["text"]))
        m["timeline"] += len(d["timeline"])
        facts = {f["id"]: f for f in d["facts"]}
        for e in d["timeline"]:
            f = facts.get(e["fact"])
            if f and any(mm["caption"] and fold_words(mm["text"]) == fold_words(e["sentence"])
                         for mm in f["members"]):
                m["caption_lines"] += 1
        m["question_facts_shown"] += sum(
            f["n_sources"] > 1 and not f.get("question") and is_question(f["statement"])
            for f in d["facts"])
        for dd in d["disagreements"]:
            kind = {"quote_wording": "quote"}.get(dd["kind"], dd["kind"])
            m[f"dis_{kind}"] = m.get(f"dis_{kind}", 0) + 1
            m["dis_other_noun"] += dd["kind"] == "quantity" and " / " in str(dd["about"]) \
                and ":" not in str(dd["about"])
        by_date: dict[tuple[str, str, str], list[tuple[str, set[str]]]] = {}
        for e in d["timeline"]:
            lang = (e.get("languages") or [""])[0]
            stems = content_stems(e["sentence"], lang or None)
            for other, ostems in by_date.get((e["start"], e["end"], lang), []):
                if stems and ostems and len(stems & ostems) / len(stems | ostems) >= 0.5:
                    m["timeline_repeats"] += 1
                    repeats.append((sid, e["start"], other[:90], e["sentence"][:90]))
            by_date.setdefault((e["start"], e["end"], lang), []).append((e["sentence"], stems))
    m["cpu"] = round(m["cpu"], 1)
    print(json.dumps(m))
    print(pairs)
    for r in repeats:
        print("repeat", r)


if __name__ == "__main__":
    main()
