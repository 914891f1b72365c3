"""The acceptance tests of issue 2 on the two seed articles."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from veille.ingest.dedup import NEAR_DUP_THRESHOLD

from .conftest import Veille

SUMMARY_KEYS = {"id", "source", "published", "date_precision", "language", "title", "n_chars",
                "duplicate_of"}


def test_seeds_ingest_as_french_month_dated_distinct_articles(veille: Veille, seeds: Path) -> None:
    run = veille.ingest(seeds)
    assert run.code == 0, run.stderr
    assert run.json()["ingest"] == {"added": 2, "exact_duplicates": 0, "near_duplicates": 0,
                                    "unchanged": 0, "rejected": 0}
    arts = veille.articles()
    assert len(arts) == 2
    assert len({a["id"] for a in arts}) == 2
    for a in arts:
        assert a.keys() >= SUMMARY_KEYS
        assert a["language"] == "fr"
        assert a["published"] == "2023-06"
        assert a["date_precision"] == "month"
        # A month is the whole month, never a made-up first day.
        assert (a["published_start"], a["published_end"]) == ("2023-06-01", "2023-06-30")
        assert a["duplicate_of"] is None  # two outlets' own reports, not copies
        assert a["n_chars"] > 1000
    # The date line is not part of the text.
    for a in arts:
        text = veille.article(a["id"])["text"]
        assert not text.lower().startswith("date")
        assert a["n_chars"] == len(text)


def test_same_folder_twice_adds_nothing(veille: Veille, seeds: Path) -> None:
    assert veille.ingest(seeds).code == 0
    before = veille.articles()
    again = veille.ingest(seeds)
    assert again.code == 0
    assert again.json()["ingest"]["added"] == 0
    assert again.json()["ingest"]["unchanged"] == 2
    assert veille.articles() == before


def _change_one_sentence(text: str) -> str:
    """Replace one sentence in the middle of the body by another one."""
    parts = re.split(r"(?<=[.!?])(\s+)", text)
    sentences = list(range(0, len(parts), 2))
    assert len(sentences) > 8
    middle = sentences[len(sentences) // 2]
    parts[middle] = ("Une phrase entièrement nouvelle remplace celle-ci dans la copie "
                     "reprise par un autre site.")
    return "".join(parts)


def test_copy_with_a_changed_sentence_is_linked_as_near_duplicate(veille: Veille, seeds: Path,
                                                                  tmp_path: Path) -> None:
    original = sorted(seeds.glob("*.txt"))[0]
    copy = tmp_path / "copie_reprise.txt"
    copy.write_text(_change_one_sentence(original.read_text(encoding="utf-8")), encoding="utf-8")
    run = veille.ingest(seeds, copy)
    assert run.code == 0, run.stderr
    report = run.json()["ingest"]
    assert report["added"] == 3 and report["near_duplicates"] == 1
    arts = {a["id"]: a for a in veille.articles()}
    assert arts["copie_reprise.txt"]["duplicate_of"] == original.name
    others = [a for a in arts.values() if a["id"] not in {original.name, "copie_reprise.txt"}]
    assert [a["duplicate_of"] for a in others] == [None]
    shown = veille.article(original.name)
    near = [n for n in shown["near_duplicates"] if n["id"] == "copie_reprise.txt"]
    assert near and near[0]["similarity"] >= NEAR_DUP_THRESHOLD


def test_exact_copy_is_folded_and_listed_as_also_published(veille: Veille, seeds: Path,
                                                          tmp_path: Path) -> None:
    original = sorted(seeds.glob("*.txt"))[1]
    other = tmp_path / "other"
    other.mkdir()
    # Same words, different layout: still the same article.
    text = original.read_text(encoding="utf-8").replace("\n\n", "\n  \n")
    (other / "wire_copy.txt").write_text(text, encoding="utf-8")
    run = veille.ingest(seeds, other, extra=("--source", "Wire"))
    assert run.json()["ingest"]["exact_duplicates"] == 1
    assert len(veille.articles()) == 2
    also = veille.article(original.name)["also_published_by"]
    assert {"id": "wire_copy.txt", "kind": "exact", "source": "Wire"}.items() <= also[0].items()
    # A rerun does not fold it a second time.
    assert veille.ingest(seeds, other).json()["ingest"]["exact_duplicates"] == 0


def test_renamed_seed_with_same_id_and_other_text_is_rejected(veille: Veille, seeds: Path,
                                                              tmp_path: Path) -> None:
    original = sorted(seeds.glob("*.txt"))[0]
    assert veille.ingest(seeds).code == 0
    clash = tmp_path / "clash"
    clash.mkdir()
    shutil.copy(sorted(seeds.glob("*.txt"))[1], clash / original.name)
    (clash / original.name).write_text("date 2023-06 Un tout autre texte pour le même nom de fichier.",
                                       encoding="utf-8")
    run = veille.ingest(clash)
    assert run.code == 1
    assert f"E013: {clash / original.name}: id {original.name!r} is already used" in run.stderr
    assert len(veille.articles()) == 2
