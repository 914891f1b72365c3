"""Issue 2, bad input: each case gets one message naming the file (and line)
and the reason, is kept in the store with its reason, the rest of the batch
is ingested and the exit code says that something was rejected."""

from __future__ import annotations

import json
import shutil
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import Run, Veille

# A real PNG header then compressed (binary) bytes: what a stray image looks like.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + zlib.compress(bytes(range(256)) * 40)
# Latin-1 words mixed with bytes that are invalid in UTF-8 and meaningless in
# any single-byte code page: no clear encoding.
UNDECODABLE = b"Caf\xe9 cr\xe8me \xff\xfe\x81\x8d\x90 text more \x9d\x81"

# name -> (bytes, code, reason fragment, line)
BAD_FILES: dict[str, tuple[bytes, str, str, int | None]] = {
    "empty.txt": (b"", "E002", "empty", None),
    "blank.txt": (b" \n\n\t \n", "E002", "empty", None),
    "image.txt": (PNG, "E003", "not text", None),
    "legacy.txt": (UNDECODABLE, "E004", "not valid UTF-8", None),
    "bad_month.txt": (b"date 2023-13 Un texte dont le mois n'existe pas.", "E006",
                      "2023-13", 1),
    "bad_date_shape.txt": ("date 2023/06 Un texte dont la date est mal écrite.".encode(), "E006",
                           "2023/06", 1),
    "not_xml.rss": (b"this is <not> a feed <<<", "E009", "RSS/Atom", None),
    "empty_page.html": (b"<html><body><nav><a href='/'>Accueil</a></nav></body></html>", "E010",
                        "no main text", None),
    "only_date.txt": (b"date 2023-06   \n  ", "E014", "empty", None),
}
JSONL = (
    b'{"id": "ok1", "text": "Premier article valide dans le fichier JSONL."}\n'
    b'{"id": "broken", "text": \n'
    b'42\n'
    b'{"id": "notext", "title": "sans texte"}\n'
    b'{"id": "badtype", "text": "Un texte.", "source": {"name": "x"}}\n'
    b'{"id": "baddate", "text": "Un texte.", "published": "31/02/2023"}\n'
    b'{"id": "ok2", "text": "Second article valide dans le fichier JSONL."}\n'
)
JSONL_REJECTS = {2: ("E007", "invalid JSON"), 3: ("E008", "JSON object"),
                 4: ("E008", "'text'"), 5: ("E016", "'source'"), 6: ("E012", "31/02/2023")}


@dataclass
class Batch:
    veille: Veille
    run: Run
    root: Path


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[Batch]:
    """One ingest of the seeds, every bad file and a missing path (module-wide:
    the 50 MB file is written once)."""
    root = tmp_path_factory.mktemp("bad_batch")
    shutil.copytree(seeds_dir, root / "seeds")
    bad = root / "bad"
    bad.mkdir()
    for name, (content, *_rest) in BAD_FILES.items():
        (bad / name).write_bytes(content)
    (bad / "records.jsonl").write_bytes(JSONL)
    # A good article whose sidecar is broken: rejected, not silently undated.
    (bad / "sidecar.txt").write_text("Un article dont la fiche est illisible.", encoding="utf-8")
    (bad / "sidecar.txt.meta.json").write_text("{not json", encoding="utf-8")
    # 50 MB: rejected without being read whole into an article.
    with (bad / "huge.txt").open("wb") as fh:
        fh.write(b"date 2023-06 ")
        fh.write(b"mot " * (50 * 1024 * 1024 // 4))
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)  # relative paths: messages name the files as given
        veille = Veille(str(root / "veille.db"))
        run = veille.ingest("seeds", "bad", "missing/nowhere.txt")
        yield Batch(veille, run, root)


def test_exit_code_says_some_input_was_rejected(batch: Batch) -> None:
    assert batch.run.code == 1


def test_good_records_are_ingested_next_to_bad_ones(batch: Batch) -> None:
    ids = {a["id"] for a in batch.veille.articles()}
    assert ids == {p.name for p in (batch.root / "seeds").glob("*.txt")} | {"ok1", "ok2"}
    assert batch.run.json()["ingest"]["added"] == 4


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_has_its_message_and_stored_reason(batch: Batch, name: str) -> None:
    veille, ingested = batch.veille, batch.run
    _content, code, fragment, line = BAD_FILES[name]
    where = f"bad/{name}" + (f":{line}" if line is not None else "")
    messages = [m for m in ingested.stderr.splitlines() if f"{code}: {where}:" in m]
    assert len(messages) == 1, ingested.stderr
    assert fragment in messages[0]
    stored = [r for r in veille.rejects() if r["origin"] == f"bad/{name}"]
    assert [(r["code"], r["line"]) for r in stored] == [(code, line)]
    assert fragment in stored[0]["reason"]


@pytest.mark.parametrize("line", sorted(JSONL_REJECTS))
def test_each_bad_jsonl_line_has_its_message_and_stored_reason(batch: Batch, line: int) -> None:
    veille, ingested = batch.veille, batch.run
    code, fragment = JSONL_REJECTS[line]
    [msg] = [m for m in ingested.stderr.splitlines() if f"{code}: bad/records.jsonl:{line}:" in m]
    assert fragment in msg
    [stored] = [r for r in veille.rejects() if r["origin"] == "bad/records.jsonl" and r["line"] == line]
    assert stored["code"] == code
    # The raw line is kept so it can be fixed and re-sent.
    assert stored["raw"].strip() == JSONL.splitlines()[line - 1].decode().strip()


def test_missing_path_and_huge_file_and_broken_sidecar(batch: Batch) -> None:
    veille, ingested = batch.veille, batch.run
    codes = {r["origin"]: (r["code"], r["reason"]) for r in veille.rejects()}
    assert codes["missing/nowhere.txt"][0] == "E001"
    assert "E001: missing/nowhere.txt: no such file" in ingested.stderr
    assert codes["bad/huge.txt"][0] == "E011"
    assert "52,428,813 bytes" in codes["bad/huge.txt"][1]
    assert codes["bad/sidecar.txt"][0] == "E012"
    assert "sidecar.txt.meta.json" in codes["bad/sidecar.txt"][1]


def test_every_reject_printed_once(batch: Batch) -> None:
    veille, ingested = batch.veille, batch.run
    printed = [m for m in ingested.stderr.splitlines() if m.startswith("rejected ")]
    assert len(printed) == len(veille.rejects()) == ingested.json()["ingest"]["rejected"]
    assert len(printed) == len(BAD_FILES) + len(JSONL_REJECTS) + 3


def test_rerun_adds_nothing_and_keeps_one_reject_each(batch: Batch,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    veille = batch.veille
    monkeypatch.chdir(batch.root)
    before_articles, before_rejects = veille.articles(), veille.rejects()
    again = veille.ingest("seeds", "bad", "missing/nowhere.txt")
    assert again.code == 1
    assert again.json()["ingest"]["added"] == 0
    assert veille.articles() == before_articles
    assert veille.rejects() == before_rejects


def test_missing_date_line_with_seed_format(veille: Veille, tmp_path: Path) -> None:
    (tmp_path / "nodate.txt").write_text("La Russie commencera à déployer des armes.", encoding="utf-8")
    (tmp_path / "good.txt").write_text("date 2023-06 Un article bien daté.", encoding="utf-8")
    run = veille.ingest("nodate.txt", "good.txt", extra=("--format", "seed"))
    assert run.code == 1
    assert "E005: nodate.txt:1: first line must start with 'date YYYY-MM'" in run.stderr
    assert [a["id"] for a in veille.articles()] == ["good.txt"]


def test_utf16_and_latin1_files_are_decoded_not_rejected(veille: Veille, tmp_path: Path) -> None:
    text = "date 2023-06 Le président a déclaré à la presse que l'été serait chaud."
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    latin = "date 2023-07 Le ministre a précisé que la réforme entrerait en vigueur à l'été."
    (tmp_path / "latin.txt").write_bytes(latin.encode("cp1252"))
    run = veille.ingest("u16.txt", "latin.txt")
    assert run.code == 0, run.stderr
    texts = {a["id"]: veille.article(a["id"])["text"] for a in veille.articles()}
    assert texts["u16.txt"].startswith("Le président a déclaré")
    assert texts["latin.txt"].startswith("Le ministre a précisé que la réforme")


def test_article_over_configured_size_limit(veille: Veille, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VEILLE_MAX_ARTICLE_BYTES", "1000")
    (tmp_path / "long.txt").write_text("Un mot. " * 200, encoding="utf-8")
    (tmp_path / "short.txt").write_text("Un article court et valide.", encoding="utf-8")
    recs = [{"id": "big", "text": "x" * 2000}, {"id": "small", "text": "Un petit texte valide."}]
    (tmp_path / "r.jsonl").write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    run = veille.ingest("long.txt", "short.txt", "r.jsonl")
    assert run.code == 1
    assert {a["id"] for a in veille.articles()} == {"short.txt", "small"}
    assert {(r["origin"], r["line"], r["code"]) for r in veille.rejects()} == {
        ("long.txt", None, "E011"), ("r.jsonl", 1, "E011")}
