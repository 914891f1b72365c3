"""veille eval entities: readers, split and B-cubed on small files in the public formats,
and (slow) the real HIPE-2022 / CoNLL-2003 dev files when ../shared/data is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.analyze import evaluate_entities as ev

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"

HIPE = (
    "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED"
    "\tNEL-LIT\tNEL-METO\tMISC\n"
) + """# hipe2022:document_id = d1
# hipe2022:date = 1888-08-03
M\tB-pers\tO\tO\tO\tO\tO\tQ1\t_\tNoSpaceAfter
.\tI-pers\tO\tO\tO\tO\tO\tQ1\t_\t_
Barry\tI-pers\tO\tO\tO\tO\tO\tQ1\t_\t_
à\tO\tO\tO\tO\tO\tO\t_\t_\t_
Berne\tB-loc\tO\tO\tO\tO\tO\tQ70\t_\tNoSpaceAfter
.\tO\tO\tO\tO\tO\tO\t_\t_\tEndOfSentence
# hipe2022:document_id = d2
Genève\tB-LOC\t_\tO\t_\t_\tO\tNIL\t_\t_
"""

CONLL = "0\t-DOCSTART-\tO\n\n0\tPhil\tB-PER\n1\tSimmons\tI-PER\n2\tin\tO\n3\tLondon\tB-LOC\n\n" \
        "0\t-DOCSTART-\tO\n\n0\tU.S.\tB-LOC\n"


def test_hipe_reader_rebuilds_text_offsets_labels_and_ids(tmp_path):
    p = tmp_path / "x.tsv"
    p.write_text(HIPE, encoding="utf-8")
    d1, d2 = ev.read_hipe(p)
    assert d1.text == "M. Barry à Berne."
    assert [(m.text, m.label, m.qid) for m in d1.mentions] == [("M. Barry", "PER", "Q1"),
                                                                 ("Berne", "LOC", "Q70")]
    assert d1.published.label() == "1888-08-03"
    assert [(m.text, m.label, m.qid) for m in d2.mentions] == [("Genève", "LOC", None)]


def test_conll_reader_splits_documents(tmp_path):
    p = tmp_path / "val.conllu"
    p.write_text(CONLL, encoding="utf-8")
    a, b = ev.read_conll(p)
    assert [(m.text, m.label) for m in a.mentions] == [("Phil Simmons", "PER"), ("London", "LOC")]
    assert [(m.text, m.label) for m in b.mentions] == [("U.S.", "LOC")]


def test_split_is_deterministic_and_covers_every_document():
    ids = [f"doc-{i}" for i in range(200)]
    parts = [ev.part_of(i) for i in ids]
    assert parts == [ev.part_of(i) for i in ids]
    assert 60 < parts.count("a") < 140
    with pytest.raises(ValueError):
        ev.select([], "c")


def test_bcubed():
    assert ev.bcubed(["x", "x", "y"], ["1", "1", "2"])["f1"] == 1.0
    merged = ev.bcubed(["x", "x", "x"], ["1", "1", "2"])
    assert merged["r"] == 1.0 and merged["p"] < 1.0
    split = ev.bcubed(["x", "y", "z"], ["1", "1", "1"])
    assert split["p"] == 1.0 and split["r"] == pytest.approx(1 / 3, abs=1e-3)


@pytest.mark.slow
def test_hipe_dev_linking_beats_the_text_baseline():
    path = SHARED / "hipe2022-fr"
    if not path.is_dir():
        pytest.skip("../shared/data absent: hipe2022-fr")
    rep = ev.evaluate(path, "b")
    lk = rep["linking"]
    assert lk["system"]["f1"] > lk["baseline_text"]["f1"]
    assert rep["ner_fuzzy"]["all"]["f1"] > 0.6


def test_gold_span_mode_links_the_gold_mentions(tmp_path):
    # the linker alone: every gold mention with a QID is "found", the two
    # writings of Berne across documents are one entity
    p = tmp_path / "x.tsv"
    p.write_text(HIPE.replace("Genève\tB-LOC\t_\tO\t_\t_\tO\tNIL", "Berne\tB-LOC\t_\tO\t_\t_\tO\tQ70"),
                 encoding="utf-8")
    rep = ev.evaluate_hipe([p], gold_spans=True)
    assert rep["gold_spans"] is True
    assert rep["linking"]["found"] == rep["linking"]["gold_mentions_with_qid"] == 3
    assert rep["linking"]["system"]["f1"] == 1.0


def test_hipe_reader_rejoins_a_word_cut_at_the_line_end(tmp_path):
    # newseye tags the second half of "Allema¬gne" B- again: one word, one name
    head = HIPE.split("# hipe2022:document_id")[0]
    p = tmp_path / "x.tsv"
    p.write_text(head + "# hipe2022:document_id = d3\n"
                 "Allema¬\tB-LOC\t_\tO\t_\t_\tO\tQ183\t_\tNoSpaceAfter|EndOfLine\n"
                 "gne\tB-LOC\t_\tO\t_\t_\tO\tQ183\t_\tNoSpaceAfter\n"
                 "Berne\tB-LOC\t_\tO\t_\t_\tO\tQ70\t_\t_\n", encoding="utf-8")
    (d,) = ev.read_hipe(p)
    assert [(m.text, m.qid) for m in d.mentions] == [("Allema¬gne", "Q183"), ("Berne", "Q70")]
