"""Features of the labelled same-date line pairs (session 21), for learned.py.

Needs what the pairs were drawn from (README.md): the store of the 382
news-clusters records ingested with the code of 135eea4 (for each line's
analysis: entities, quantities, quotes) and that code's views of its stories,
as ``bench/story_page_checks.py STORE VIEWS`` wrote them (for each line's
timeline entry and fact). Parses each line with the English pipeline (the
main verb and negation: features tried, not in a view). Writes one JSON row
of features per pair; learned.py reads the committed features.jsonl.

    .venv/bin/python tests/data/timeline_same_event/features.py STORE.db VIEWS_DIR OUT.jsonl [PAIRS]

PAIRS: another pairs file of this folder (``pairs_fresh.jsonl``: its views
are those of the code of 9fe959f on the same store).
"""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate import load_pairs  # noqa: E402

from veille.analyze.nlp import get_nlp  # noqa: E402
from veille.store.core import Store  # noqa: E402
from veille.stories.quote_matching import content_stems  # noqa: E402
from veille.stories.service import load_story_inputs  # noqa: E402
from veille.stories.similarity import StoryVectors  # noqa: E402
from veille.stories.xlang import embed_texts  # noqa: E402

BEFORE = Path(sys.argv[2])
NUM = re.compile(r"\d+(?:[.,]\d+)*")

pairs = load_pairs(pairs_file=Path(sys.argv[4])) if len(sys.argv) > 4 else load_pairs()
store = Store.open(sys.argv[1])
analyses = {}
views = {}
for sid in sorted({p["story"] for p in pairs}):
    with store.connect() as conn:
        inp = load_story_inputs(conn, sid)
    for art, an in zip(inp.articles, inp.analyses, strict=True):
        analyses[art.uid] = (art, an)
    views[sid] = json.loads((BEFORE / f"{sid}.json").read_text())

nlp = get_nlp("en")


def fold(x):
    return "".join(c for c in x.translate(str.maketrans("‘’“”", "''\"\"")) if not c.isspace())


def line_info(p, k):
    ref = p[f"line{k}"]
    text = p[f"text{k}"]
    art, an = analyses[ref["id"]]
    s, e = ref["start"], ref["end"]
    inside = lambda x: x.start >= s - 1 and x.end <= e + 1  # noqa: E731
    ments = [m for m in an.entities if inside(m)] if an else []
    quants = [q for q in an.quantities if inside(q)] if an else []
    quotes = [q for q in an.quotes if inside(q) or (q.start < e and q.end > s)] if an else []
    v = views[p["story"]]
    entry = next((x for x in v["timeline"] if fold(x["sentence"]) == fold(text)
                  and x["date"] == p["date"]), None)
    fact = next((f for f in v["facts"] if entry and f["id"] == entry["fact"]), None)
    doc = nlp(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    verbs = {t.lemma_.lower() for t in doc if t.pos_ == "VERB"}
    neg = any(t.dep_ == "neg" for t in doc)
    return dict(
        text=text, uid=ref["id"], source=art.source,
        per={m.entity_id or m.text for m in ments if m.label == "PER"},
        org={m.entity_id or m.text for m in ments if m.label == "ORG"},
        loc={m.entity_id or m.text for m in ments if m.label == "LOC"},
        misc={m.entity_id or m.text for m in ments if m.label == "MISC"},
        qvals={(q.kind, q.value) for q in quants if q.value is not None},
        qnouns={q.noun_lemma or q.noun for q in quants if (q.noun_lemma or q.noun)},
        nums=set(NUM.findall(text)),
        speakers={q.speaker_entity_id or q.speaker for q in quotes if q.speaker
                  and q.kind in ("direct", "partial", "indirect")},
        qmark=bool(re.search(r'["“”«»]', text)),
        quoted=any(q.kind in ("direct", "partial") for q in quotes),
        stems=content_stems(text, "en"),
        root=root.lemma_.lower() if root is not None else "",
        verbs=verbs, neg=neg, n_words=len(text.split()),
        entry=entry, fact=fact,
    )


def jac(a, b):
    return len(a & b) / len(a | b) if a | b else 0.0


rows = []
texts1 = [p["text1"] for p in pairs]
texts2 = [p["text2"] for p in pairs]
va, _ = embed_texts(texts1)
vb, _ = embed_texts(texts2)
cos = (va * vb).sum(axis=1)
missing = 0
for i, p in enumerate(pairs):
    a, b = line_info(p, 1), line_info(p, 2)
    if a["entry"] is None or b["entry"] is None:
        missing += 1
    tl = [x["sentence"] for x in views[p["story"]]["timeline"]]
    sv = StoryVectors(tl + [a["text"], b["text"]])
    n = len(tl)
    ea, eb = a["entry"] or {}, b["entry"] or {}
    fa, fb = a["fact"] or {}, b["fact"] or {}
    fent_a, fent_b = set(fa.get("entities") or []), set(fb.get("entities") or [])
    pa = {x for x in fent_a if x.startswith("per:")}
    pb = {x for x in fent_b if x.startswith("per:")}
    row = dict(
        pair=p["pair"], part=p["part"], story=p["story"], y=p["same_event"],
        precision=p["precision"], date=p["date"],
        cos=float(cos[i]), tfidf=float(sv.sim(n, n + 1)),
        jac=jac(a["stems"], b["stems"]),
        stems_shared=len(a["stems"] & b["stems"]),
        num_shared=len(a["nums"] & b["nums"]),
        num_disjoint=bool(a["nums"] and b["nums"] and not a["nums"] & b["nums"]),
        num_any=bool(a["nums"] or b["nums"]),
        qval_shared=len(a["qvals"] & b["qvals"]),
        qval_disjoint=bool(a["qvals"] and b["qvals"] and not a["qvals"] & b["qvals"]),
        qnoun_shared=len(a["qnouns"] & b["qnouns"]),
        per_shared=len(a["per"] & b["per"]), per_other=bool(a["per"] and b["per"]
                                                             and not a["per"] & b["per"]),
        fper_other=bool(pa and pb and not pa & pb), fper_shared=len(pa & pb),
        org_shared=len(a["org"] & b["org"]), loc_shared=len(a["loc"] & b["loc"]),
        misc_shared=len(a["misc"] & b["misc"]),
        ent_jac=jac(a["per"] | a["org"] | a["loc"] | a["misc"],
                    b["per"] | b["org"] | b["loc"] | b["misc"]),
        fent_jac=jac(fent_a, fent_b), fent_shared=len(fent_a & fent_b),
        spk_shared=len(a["speakers"] & b["speakers"]),
        spk_other=bool(a["speakers"] and b["speakers"] and not a["speakers"] & b["speakers"]),
        qmark_any=a["qmark"] or b["qmark"],
        quoted_any=a["quoted"] or b["quoted"], quoted_both=a["quoted"] and b["quoted"],
        same_root=bool(a["root"] and a["root"] == b["root"]),
        verb_shared=len(a["verbs"] & b["verbs"]),
        verb_jac=jac(a["verbs"], b["verbs"]),
        neg_differs=a["neg"] != b["neg"],
        same_article=a["uid"] == b["uid"],
        art_shared=bool(set(ea.get("articles") or [a["uid"]]) & set(eb.get("articles") or [b["uid"]])),
        same_source=a["source"] == b["source"],
        src_shared=bool(set(ea.get("sources") or []) & set(eb.get("sources") or [])),
        ns_max=max(ea.get("n_sources", 1), eb.get("n_sources", 1)),
        ns_min=min(ea.get("n_sources", 1), eb.get("n_sources", 1)),
        len_ratio=min(a["n_words"], b["n_words"]) / max(a["n_words"], b["n_words"], 1),
        rel_past=ea.get("relative_to_publication") == "past",
        background=bool(ea.get("background")),
        restates=bool(ea.get("restates_publication_date") or eb.get("restates_publication_date")),
        expr_same=bool(set(ea.get("expressions") or []) & set(eb.get("expressions") or [])),
    )
    rows.append(row)
print("entries not found", missing, file=sys.stderr)
with open(sys.argv[3], "w") as f:
    for r in rows:
        f.write(json.dumps(r) + "\n")
