"""One convention for every command (issue #21): data on stdout (tables, JSON),
messages and errors on stderr; ``--json`` on every listing and showing command;
exit 0 done, 1 not found or unusable input, 2 usage.

Every registered command is walked (a new command is checked without editing
this file); the data checks run on a store of the seed articles (examples/).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from veille.analyze.lookup import find_entities
from veille.cli import app
from veille.store import Store
from veille.store.analyses import load_entities

SEEDS = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))
# Commands that list or show stored things: each must offer --json.
LISTINGS = {"articles", "article", "rejects", "stories", "story", "search", "alerts", "updates",
            "source list", "watchlist list", "cluster", "analyze", "ingest"}


def _leaves(cmd: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    if hasattr(cmd, "commands"):
        for name, sub in cmd.commands.items():
            yield from _leaves(sub, (*path, name))
    else:
        yield path, cmd


COMMANDS = sorted(_leaves(typer.main.get_command(app)), key=lambda kv: kv[0])
NAMES = [" ".join(p) for p, _ in COMMANDS]


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args))
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise AssertionError(f"veille {' '.join(args)} raised {r.exception!r}")
    return r.exit_code, r.stdout, r.stderr


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=NAMES)
def test_every_command_help_on_stdout_and_usage_errors_exit_2(path: tuple[str, ...]) -> None:
    code, out, err = run(*path, "--help")
    assert code == 0 and "Usage" in out and err == ""
    code, out, err = run(*path, "--no-such-option")
    assert code == 2 and out == "" and "No such option" in err


def test_every_listing_command_has_json() -> None:
    has_json = {" ".join(p): any("--json" in getattr(o, "opts", []) for o in c.params)
                for p, c in COMMANDS}
    wanted = {n for n in has_json if n in LISTINGS or n.endswith((" list", " show"))}
    assert wanted - set(has_json) == set(), "a listing command is gone"
    assert [n for n in sorted(wanted) if not has_json[n]] == []


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seeds: the first from "www.lemonde.fr", the second with no source."""
    if len(SEEDS) < 2:
        pytest.skip("examples/ holds fewer than two seed articles")
    path = str(tmp_path_factory.mktemp("conv") / "v.db")
    code, _, err = run("--db", path, "ingest", "--source", "www.lemonde.fr", str(SEEDS[0]))
    assert code == 0, err
    code, _, err = run("--db", path, "ingest", str(SEEDS[1]))
    assert code == 0, err
    return path


def _json(db: str, *args: str) -> Any:
    code, out, err = run("--db", db, *args, "--json")
    assert code == 0, err
    return json.loads(out)  # stdout is the JSON document and nothing else


def test_listings_data_on_stdout_messages_on_stderr(db: str) -> None:
    arts = _json(db, "articles")
    ids = [a["id"] for a in arts]
    assert len(ids) == 2
    code, out, err = run("--db", db, "articles")
    assert code == 0 and all(i in out for i in ids) and err == ""
    stories = _json(db, "stories")
    assert stories and {a for s in stories for a in s["articles"]} == set(ids)
    # The table goes where the data goes: `veille stories > s.txt` is not empty.
    code, out, err = run("--db", db, "stories")
    assert code == 0 and str(stories[0]["id"]) in out and err == ""
    sid = str(stories[0]["id"])
    assert _json(db, "story", sid)["id"] == stories[0]["id"]
    code, out, err = run("--db", db, "story", sid)
    # its articles by date, language, outlet and title, with the id to look one up
    assert code == 0 and "lemonde.fr · " in out and ids[0] in out
    assert _json(db, "article", ids[0])["entities"]
    code, out, _ = run("--db", db, "article", ids[0])
    assert code == 0 and "\nentities (" in out and "\nquotes (" in out
    text = _json(db, "article", ids[0])["text"]
    word = next(w for w in text.split() if w.isalpha() and len(w) > 6)
    res = _json(db, "search", word)
    assert res["total"] >= 1
    code, out, err = run("--db", db, "search", word)
    assert code == 0 and res["results"][0]["id"] in out and f"{res['total']} article(s)" in out
    for listing in (("rejects",), ("alerts",), ("source", "list"), ("watchlist", "list")):
        assert _json(db, *listing) == []
        code, out, err = run("--db", db, *listing)
        assert code == 0 and out == "", f"{listing}: an empty listing prints no table"
    assert isinstance(_json(db, "updates"), list)


def test_messages_and_errors_on_stderr_with_exit_codes(db: str) -> None:
    for args in (("article", "no-such-id"), ("story", "999999"), ("updates", "999999"),
                 ("source", "remove", "http://nowhere.example/feed"),
                 ("watchlist", "remove", "nobody"),
                 ("articles", "--entity", "Zzyzx Qwertyuiop")):
        code, out, err = run("--db", db, *args)
        assert (code, out) == (1, ""), args
        assert err.startswith("error: ") and err.count("\n") == 1, (args, err)
    for args in (("stories", "--sort", "bogus"), ("articles", "--since", "2023-13"),
                 ("search", "x", "--until", "June")):
        code, out, err = run("--db", db, *args)
        assert (code, out) == (2, "") and err.startswith("error: "), (args, err)
    code, out, err = run("--db", db, "cluster")
    assert code == 0 and out == "" and "stories" in err


def test_source_matches_a_domain_with_or_without_www_and_the_outlet(db: str) -> None:
    total = len(_json(db, "articles"))
    for given in ("www.lemonde.fr", "lemonde.fr", "LeMonde.fr", "https://www.lemonde.fr/"):
        assert len(_json(db, "articles", "--source", given)) == 1, given
        assert len(_json(db, "stories", "--source", given)) == 1, given
    assert _json(db, "articles", "--source", "monde") == []
    # A watched source's name stands for its feed's domain.
    assert run("--db", db, "source", "add", "https://www.lemonde.fr/rss/une.xml", "--name",
               "Le Monde")[0] == 0
    assert len(_json(db, "articles", "--source", "le monde")) == 1
    assert len(_json(db, "articles")) == total


def test_entity_by_name_or_id_and_ambiguous_names_listed(db: str) -> None:
    store = Store.open(db)
    with store.connect() as conn:
        records = load_entities(conn)
    store.close()
    person = max((r for r in records if r.label == "PER"), key=lambda r: r.n_mentions)
    by_id = _json(db, "articles", "--entity", person.entity_id)
    assert by_id and _json(db, "articles", "--entity", person.canonical) == by_id
    assert _json(db, "stories", "--entity", person.entity_id)
    hits = _json(db, "search", person.canonical.split()[-1], "--entity", person.canonical)
    assert hits["total"] >= 1
    # A word several entities answer to (found from the store, not written here).
    words = {w for r in records for w in r.canonical.split() if len(w) > 3}
    ambiguous = next((w for w in sorted(words) if len(find_entities(w, records)) > 1), None)
    if ambiguous is None:
        pytest.skip("no ambiguous name among the seeds' entities")
    code, out, err = run("--db", db, "articles", "--entity", ambiguous)
    assert (code, out) == (1, "")
    for r in find_entities(ambiguous, records):
        assert r.entity_id in err


def test_search_with_a_filter_and_no_word_lists_the_filtered_articles(db: str) -> None:
    """Session-21 audit: `veille search --entity "Lester Holt"` wanted a word."""
    store = Store.open(db)
    with store.connect() as conn:
        records = load_entities(conn)
    store.close()
    person = max((r for r in records if r.label == "PER"), key=lambda r: r.n_mentions)
    listed = [a["id"] for a in _json(db, "articles", "--entity", person.canonical)]
    found = [a["id"] for a in _json(db, "search", "--entity", person.canonical)]
    assert found and found == listed[:10]
    code, out, err = run("--db", db, "search")
    assert code != 0 and out == "" and "no word" in err


def test_since_until_and_sort(db: str) -> None:
    arts = _json(db, "articles")
    day = min(a["published_start"] for a in arts if a["published_start"])
    assert len(_json(db, "articles", "--since", day[:4])) == len(arts)
    assert _json(db, "articles", "--until", str(int(day[:4]) - 1)) == []
    assert _json(db, "stories", "--until", str(int(day[:4]) - 1)) == []
    dated = _json(db, "articles", "--sort", "date")
    ends = [a["published_end"] or "" for a in dated]
    assert ends == sorted(ends, reverse=True)
    assert {a["id"] for a in dated} == {a["id"] for a in arts}
    sizes = [s["size"] for s in _json(db, "stories", "--sort", "size")]
    assert sizes == sorted(sizes, reverse=True)


def test_api_source_filter_means_the_same(db: str) -> None:
    """The API's ?source= resolves like the CLI's --source (services.queries)."""
    from fastapi.testclient import TestClient

    from veille.web.app import create_app

    store = Store.open(db)
    try:
        client = TestClient(create_app(store))
        cli_ids = [a["id"] for a in _json(db, "articles", "--source", "lemonde.fr")]
        for given in ("lemonde.fr", "www.lemonde.fr"):
            page = client.get("/api/articles", params={"source": given}).json()
            assert [a["id"] for a in page["items"]] == cli_ids
        text = _json(db, "article", cli_ids[0])["text"]
        word = next(w for w in text.split() if w.isalpha() and len(w) > 6)
        found = client.get("/api/search", params={"q": word, "source": "lemonde.fr"}).json()
        assert {r["id"] for r in found["results"]} <= set(cli_ids) and found["total"] >= 1
        lang = _json(db, "articles")[0]["language"]
        assert _json(db, "stories", "--language", lang)
        for params, args in (({"source": "lemonde.fr"}, ("--source", "lemonde.fr")),
                             ({"language": lang}, ("--language", lang)),
                             ({"language": "xx"}, ("--language", "xx"))):
            api_stories = client.get("/api/stories", params=params | {"sort": "size"}).json()
            assert {s["id"] for s in api_stories["items"]} == {
                s["id"] for s in _json(db, "stories", *args)}, params
    finally:
        store.close()
