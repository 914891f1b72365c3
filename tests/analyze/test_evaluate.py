"""The scorer on hand-made predictions (exact numbers), and the CLI on the seeds."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from veille.analyze.evaluate import load_gold, score
from veille.cli import app
from veille.core.model import Analysis, Mention, Quantity, Quote, TimeRef

GOLD = {
    "x.txt": {
        "file": "x.txt",
        "entities": [
            {"text": "Ana Diaz", "label": "PER", "start": 0, "end": 8, "canonical": "Ana Diaz"},
            {"text": "Diaz", "label": "PER", "start": 20, "end": 24, "canonical": "Ana Diaz"},
            {"text": "Lima", "label": "LOC", "start": 30, "end": 34, "canonical": "Lima"},
            {"text": "Perou", "label": "LOC", "start": 40, "end": 45, "canonical": "Perou"},
        ],
        "quotes": [
            {"text": "nous gagnerons cette bataille", "speaker_canonical": "Ana Diaz", "kind": "direct"},
            {"text": "le port rouvrira lundi", "speaker_canonical": None, "kind": "indirect"},
        ],
        "times": [{"text": "lundi", "start": 50, "end": 55, "range_start": "2023-06-05",
                   "range_end": "2023-06-05", "granularity": "day"}],
        "quantities": [{"text": "douze navires", "start": 60, "end": 73, "value": 12, "value_max": None,
                        "noun": "navires"}],
    }
}


def _pred() -> Analysis:
    ents = [
        Mention("Ana Diaz", "PER", 0, 8, 0, entity_id="p1"),
        Mention("Diaz", "PER", 20, 24, 0, entity_id="p1"),
        Mention("Lima", "ORG", 30, 34, 0, entity_id="l1"),  # wrong label
        Mention("Perou", "LOC", 40, 45, 0, entity_id="l1"),  # wrongly linked with Lima
        Mention("Port", "LOC", 46, 50, 0, entity_id="l2"),  # spurious
    ]
    quotes = [
        Quote("Nous gagnerons cette bataille !", 0, 1, 0, speaker_entity_id="p1"),
        Quote("le port rouvrira lundi matin", 0, 1, 0, kind="indirect", speaker_entity_id="p1"),
    ]
    times = [TimeRef("lundi", 50, 55, 0, range_start="2023-06-05", range_end="2023-06-05")]
    quants = [Quantity("douze", 60, 65, 0, value=12.0)]
    return Analysis("x.txt", "fr", entities=ents, quotes=quotes, times=times, quantities=quants)


def test_scores_are_exact_on_a_hand_made_case():
    rep = score(GOLD, {"x.txt": _pred()})
    s = rep.scores
    assert (s["entities"]["tp"], s["entities"]["pred"], s["entities"]["gold"]) == (3, 5, 4)
    assert s["entities_span_only"]["tp"] == 4
    # Ana Diaz x2 right; Lima and Perou merged wrongly -> both wrong
    assert (s["linking"]["correct"], s["linking"]["total"]) == (2, 4)
    assert s["quotes"]["tp"] == 2 and s["quotes"]["precision"] == 1.0
    assert (s["quote_speaker"]["correct"], s["quote_speaker"]["total"]) == (1, 2)
    assert s["quote_kind"]["correct"] == 2
    assert s["times"]["f1"] == 1.0 and s["time_range"]["accuracy"] == 1.0
    assert s["quantities"]["tp"] == 1 and s["quantity_value"]["accuracy"] == 1.0


def test_unannotated_fields_are_not_scored():
    gold = {"x.txt": {"file": "x.txt", "entities": GOLD["x.txt"]["entities"]}}
    rep = score(gold, {"x.txt": _pred()})
    assert "quotes" not in rep.scores and "times" not in rep.scores


def test_gold_files_merge_by_article(tmp_path):
    a = {"source": "a", "articles": [{"file": "x.txt", "entities": GOLD["x.txt"]["entities"]}]}
    b = {"source": "b", "articles": [{"file": "x.txt", "times": GOLD["x.txt"]["times"]}]}
    (tmp_path / "a.json").write_text(json.dumps(a))
    (tmp_path / "b.json").write_text(json.dumps(b))
    merged = load_gold(tmp_path)
    assert set(merged["x.txt"]) >= {"entities", "times"} and len(merged["x.txt"]["entities"]) == 4


def test_cli_eval_analysis_on_seed_gold(gold_eq, seed_texts):
    res = CliRunner().invoke(app, ["eval", "analysis", str(gold_eq), "--json"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.output)
    assert rep["scores"]["entities"]["f1"] >= 0.9
    assert rep["scores"]["quotes"]["recall"] >= 0.9
