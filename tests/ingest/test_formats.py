"""Each input format end to end through `veille ingest`, and standard input."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import Veille


def test_text_with_sidecar_takes_its_metadata(veille: Veille, data: Path) -> None:
    run = veille.ingest(data / "article.txt")
    assert run.code == 0, run.stderr
    art = veille.article("mairie-plan-circulation")
    assert art["source"] == "La Voix du Canton"
    assert (art["published"], art["date_precision"]) == ("2023-11-14", "day")
    assert art["url"] == "https://voix-canton.example/2023/11/14/plan-circulation"
    assert art["title"] == "Le plan de circulation adopté"
    assert art["language"] == "fr"
    assert art["format"] == "text"
    assert art["text"].startswith("Le conseil municipal a adopté lundi soir")


def test_plain_text_without_metadata_stays_undated(veille: Veille, data: Path) -> None:
    (data / "article.txt.meta.json").unlink()
    assert veille.ingest(data / "article.txt").code == 0
    [art] = veille.articles()
    assert art["id"] == "article.txt"
    assert (art["published"], art["date_precision"], art["source"]) == (None, "unknown", None)


def test_date_and_source_options_apply_to_plain_text(veille: Veille, data: Path) -> None:
    (data / "article.txt.meta.json").unlink()
    run = veille.ingest(data / "article.txt", extra=("--date", "2023-11", "--source", "Canton"))
    assert run.code == 0, run.stderr
    [art] = veille.articles()
    assert (art["published"], art["date_precision"], art["source"]) == ("2023-11", "month", "Canton")
    assert (art["published_start"], art["published_end"]) == ("2023-11-01", "2023-11-30")


def test_malformed_date_option_is_refused_before_reading(veille: Veille, data: Path) -> None:
    run = veille("ingest", "--no-analyze", "--no-cluster", "--date", "hier", str(data))
    assert run.code == 2
    assert "--date" in run.messages and "hier" in run.messages
    assert veille.articles() == []


def test_jsonl_keeps_good_lines_and_rejects_bad_ones_with_line_numbers(veille: Veille,
                                                                       data: Path) -> None:
    run = veille.ingest(data / "articles.jsonl")
    assert run.code == 1  # some input was rejected
    assert run.json()["ingest"]["added"] == 3
    arts = {a["id"]: a for a in veille.articles()}
    assert set(arts) == {"j1", "j2", "j5"}
    assert arts["j1"]["language"] == "en" and arts["j2"]["language"] == "fr"
    assert (arts["j1"]["published"], arts["j1"]["date_precision"]) == ("2023-03-02", "day")
    assert (arts["j2"]["published"], arts["j2"]["date_precision"]) == ("2023-03", "month")
    assert arts["j5"]["published"] == "2023-03-05"
    assert arts["j1"]["title"] == "Wind farm approved"
    rejects = {(r["line"], r["code"]) for r in veille.rejects()}
    assert rejects == {(3, "E007"), (4, "E008"), (5, "E012")}
    origin = str(data / "articles.jsonl")
    for line, code in rejects:
        assert f"{code}: {origin}:{line}:" in run.stderr


def test_html_page_main_text_and_metadata(veille: Veille, data: Path) -> None:
    run = veille.ingest(data / "page_lemonde_like.html")
    assert run.code == 0, run.stderr
    art = veille.article("page_lemonde_like.html")
    assert art["format"] == "html"
    assert art["title"].startswith("Sécheresse : les agriculteurs de la Beauce")
    assert (art["published"], art["date_precision"]) == ("2023-08-17", "day")
    assert art["source"] == "Le Quotidien du Centre"
    assert art["url"].startswith("https://www.quotidien-centre.example/economie/2023/08/17/")
    assert art["language"] == "fr"
    text = art["text"]
    assert "les enrouleurs sont à l'arrêt depuis lundi" in text
    assert "fonds d'urgence de 20 millions d'euros" in text
    # Boilerplate around the article is not the article.
    for noise in ("Tout accepter", "jeanpierre45", "Mentions légales", "À lire aussi",
                  "Je m'inscris", "dataLayer"):
        assert noise not in text, noise


def test_rss_feed_entries_become_articles(veille: Veille, data: Path) -> None:
    run = veille.ingest(data / "feed.rss")
    assert run.code == 1  # the photo-gallery item has no text
    arts = {a["id"]: a for a in veille.articles()}
    assert set(arts) == {"hg-2023-0912-001", "hg-2023-0911-004"}
    strike = veille.article("hg-2023-0912-001")
    assert strike["title"] == "Port workers end three-day strike after wage deal"
    assert (strike["published"], strike["date_precision"]) == ("2023-09-12", "day")
    assert strike["source"] == "Harbour Gazette – World"
    assert strike["language"] == "en"
    assert strike["url"] == "https://harbour-gazette.example/world/2023/09/12/port-strike-ends"
    # content:encoded (the longest body) wins over the description; scripts go.
    assert "one-off payment for overtime" in strike["text"]
    assert "alert(" not in strike["text"]
    assert "<p>" not in strike["text"]
    [rej] = veille.rejects()
    assert (rej["code"], rej["line"]) == ("E008", 3)


def test_atom_feed_entries_become_articles(veille: Veille, data: Path) -> None:
    assert veille.ingest(data / "feed.atom").code == 0
    arts = {a["id"]: a for a in veille.articles()}
    first = arts["urn:uuid:0d6a0c1e-8f1b-4c1d-a1f2-6a2b3c4d5e01"]
    second = arts["urn:uuid:0d6a0c1e-8f1b-4c1d-a1f2-6a2b3c4d5e02"]
    assert first["published"] == "2023-05-04"  # <published>, not <updated>
    assert second["published"] == "2023-05-03"  # only <updated>
    assert first["language"] == second["language"] == "fr"
    assert first["source"] == "Journal des Sciences – Dernières nouvelles"
    assert "&lt;" not in veille.article(first["id"])["text"]


def test_folder_mixing_every_format(veille: Veille, data: Path, seeds: Path) -> None:
    run = veille.ingest(data, seeds)
    assert run.json()["ingest"]["added"] == 2 + 1 + 3 + 1 + 2 + 2
    assert veille.ingest(data, seeds).json()["ingest"]["added"] == 0


def test_stdin_jsonl(veille: Veille, data: Path) -> None:
    lines = (data / "articles.jsonl").read_bytes()
    run = veille.ingest("-", input=lines)
    assert run.code == 1
    assert {a["id"] for a in veille.articles()} == {"j1", "j2", "j5"}
    assert {(r["origin"], r["line"]) for r in veille.rejects()} == {
        ("<stdin>", 3), ("<stdin>", 4), ("<stdin>", 5)}


def test_stdin_seed_and_format_option(veille: Veille, seeds: Path) -> None:
    seed = sorted(seeds.glob("*.txt"))[0].read_bytes()
    assert veille.ingest("-", input=seed).code == 0
    [art] = veille.articles()
    assert (art["id"], art["published"], art["language"]) == ("stdin", "2023-06", "fr")
    # --format text: the date line stays in the text, the date stays unknown.
    other = Veille(veille.db + "2")
    assert other.ingest("-", extra=("--format", "text"), input=seed).code == 0
    [raw] = other.articles()
    assert raw["date_precision"] == "unknown"


def test_stdin_single_json_object(veille: Veille) -> None:
    rec = {"id": "one", "text": "Un seul objet JSON sur l'entrée standard, sans retour à la ligne."}
    assert veille.ingest("-", input=json.dumps(rec).encode()).code == 0
    assert [a["id"] for a in veille.articles()] == ["one"]


def test_jsonl_field_names_of_common_news_dumps(veille: Veille, tmp_path: Path) -> None:
    """A news-please style record (maintext, date_publish, headline,
    source_domain) is read like veille's own names; `id` stays `id`."""
    seed = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))[0]
    body = seed.read_text(encoding="utf-8").split("2023-06", 1)[1].strip()
    row = {"id": "np-1", "maintext": body, "date_publish": "2023-06-16 09:30:00",
           "headline": "La Russie déploiera ses armes nucléaires en Biélorussie",
           "source_domain": "example.fr", "link": "https://example.fr/a"}
    path = tmp_path / "np.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    run = veille.ingest(path)
    assert run.code == 0, run.stderr
    art = veille.article("np-1")
    assert art["text"].startswith(body[:60])
    assert (art["published"], art["date_precision"]) == ("2023-06-16", "day")
    assert art["title"] == row["headline"] and art["source"] == "example.fr"
    assert art["url"] == "https://example.fr/a" and art["language"] == "fr"
