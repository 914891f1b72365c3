"""Watchlists, alerts (matching, recording once, delivery) and story updates."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from veille.core.model import Analysis, DateRange, EntityRecord, Mention, Quantity, Quote, RawRecord
from veille.ingest.readers import ReadOptions, read_html
from veille.ingest.service import ingest_items
from veille.store import Store
from veille.store import analyses as qa
from veille.store.schema import stories, story_articles
from veille.watch import alerts as al
from veille.watch import changes as ch
from veille.watch import matching
from veille.watch.fetch import Fetcher
from veille.watch.poll import run_pass
from veille.watch.sources import ConfigError, SourceSpec, WatchlistSpec, now, upsert_source

from .conftest import FIXTURES, Reply, Server

NO_STAGES = dict(analyze=False, cluster=False)


# --- matching (pure) ------------------------------------------------------------------
def test_fold_and_queries_ignore_case_and_accents() -> None:
    text = matching.fold("La PRÉFECTURE a placé vendredi la Sarre-Blanche en vigilance orange")
    assert matching.query_matches("prefecture vigilance", text)
    assert matching.query_matches('"sarre blanche"', text)
    assert matching.query_matches('"Vigilance Orange" préfecture', text)
    assert not matching.query_matches('"orange vigilance"', text)  # a phrase keeps its order
    assert not matching.query_matches("prefet", text)  # whole words, not prefixes
    assert not matching.query_matches("", text)


def test_channels_are_checked() -> None:
    assert al.check_channel("jsonl:out/alerts.jsonl")
    for bad in ("sms:+33600000000", "email:me", "jsonl:", "webhook:ftp://x"):
        with pytest.raises(ConfigError):
            al.check_channel(bad)


# --- store-backed -----------------------------------------------------------------
def _page(name: str, uid: str, source: str) -> RawRecord:
    items = list(read_html((FIXTURES / name).read_bytes(), ReadOptions(origin=name, name=uid)))
    rec = items[0]
    assert isinstance(rec, RawRecord)
    rec.source = source
    rec.uid = uid
    return rec


def _ingest(store: Store, *recs: RawRecord) -> list[str]:
    return ingest_items(store, list(recs)).added


def _analysis(uid: str, *, quotes: list[Quote] = (), quantities: list[Quantity] = (),  # type: ignore[assignment]
              mentions: list[Mention] = ()) -> Analysis:  # type: ignore[assignment]
    return Analysis(article_uid=uid, language="fr", quotes=list(quotes),
                    quantities=list(quantities), entities=list(mentions))


def test_entity_watchlist_matches_through_aliases(store: Store) -> None:
    _ingest(store, _page("tram.html", "tram", "Courrier"), _page("crue.html", "crue", "Courrier"))
    with store.begin() as conn:
        qa.save_entities(conn, [EntityRecord("per:marchetti", "Hélène Marchetti", "PER",
                                             ["Marchetti", "Helene Marchetti"])])
        qa.save_analysis(conn, _analysis("tram", mentions=[
            Mention("Hélène Marchetti", "PER", 0, 16, 0, entity_id="per:marchetti")]), "t")
        qa.save_analysis(conn, _analysis("crue", mentions=[
            Mention("Laurent Ebbo", "PER", 0, 12, 0, entity_id="per:ebbo")]), "t")
        al.save_watchlist(conn, WatchlistSpec("elus", entities=["marchetti"], channels=["print"]))
    lines: list[str] = []
    raised = al.evaluate(store, ["tram", "crue"], echo=lines.append)
    assert [a["article"]["uid"] for a in raised] == ["tram"]
    assert raised[0]["matched"] == {"entities": ["marchetti"], "queries": []}
    assert len(lines) == 1 and "Courrier" in lines[0] and "marchetti" in lines[0]
    # Recorded once: evaluating the same articles again raises nothing.
    assert al.evaluate(store, ["tram", "crue"], echo=lines.append) == []
    with store.connect() as conn:
        assert [a["article_uid"] for a in al.list_alerts(conn)] == ["tram"]


def test_entity_name_in_text_stands_in_before_analysis(store: Store) -> None:
    _ingest(store, _page("crue.html", "crue", "Courrier"), _page("port.html", "port", "Courrier"))
    with store.begin() as conn:
        al.save_watchlist(conn, WatchlistSpec("prefet", entities=["Laurent Ebbo"], channels=[]))
    raised = al.evaluate(store, ["crue", "port"])
    assert [a["article"]["uid"] for a in raised] == ["crue"]


def test_queries_match_inflected_forms_in_the_article(store: Store) -> None:
    _ingest(store, _page("crue.html", "crue", "Courrier"), _page("port.html", "port", "Courrier"))
    with store.connect() as conn:
        crue, port = matching.load_article(conn, "crue"), matching.load_article(conn, "port")
    assert crue is not None and port is not None

    def hits(q: str) -> list[str]:
        return [a.uid for a in (crue, port) if matching.query_matches_tokens(q, a.words, a.stems)]

    assert hits("crue") == ["crue"]  # the text says "crues"
    assert hits("préfets évacuation") == ["crue"]
    assert hits('"vigilances oranges"') == ["crue"]
    assert hits("DOCKER conteneur") == ["port"]
    assert hits('"orange vigilance"') == []
    assert hits("evacuation dockers") == []  # every term must be there


def test_pass_raises_alerts_and_delivers_to_every_channel(
    server: Server, server2: Server, any_store: Store, fetcher: Fetcher, tmp_path: Path,
) -> None:
    store = any_store
    server.fixture("/feed.rss", "feed.rss")
    server.articles()
    posts: list[dict[str, Any]] = []

    def hook(hit: Any) -> Reply:
        posts.append(json.loads(hit.body))
        return Reply(204)

    server2.routes["/hook"] = hook
    server2.routes["/broken-hook"] = lambda hit: Reply(500, b"down")
    out = tmp_path / "alerts" / "out.jsonl"
    with store.begin() as conn:
        upsert_source(conn, SourceSpec(server.url("/feed.rss"), "Courrier"))
        al.save_watchlist(conn, WatchlistSpec(
            "crues", queries=["prefecture crues"],
            channels=["print", f"jsonl:{out}", f"webhook:{server2.url('/hook')}",
                      f"webhook:{server2.url('/broken-hook')}"]))
        al.save_watchlist(conn, WatchlistSpec("rien", queries=["élection présidentielle"]))
    lines: list[str] = []
    report = run_pass(store, fetcher, echo=lines.append, **NO_STAGES)
    assert len(report.added) == 3
    assert [a["article"]["uid"] for a in report.alerts] == ["tag:valmont.example,2026:1121-crue"]
    alert = report.alerts[0]
    assert alert["delivered"][f"webhook:{server2.url('/hook')}"]["status"] == "ok"
    broken = alert["delivered"][f"webhook:{server2.url('/broken-hook')}"]
    assert broken["status"] == "failed" and "500" in broken["error"] and broken["attempts"] == 1
    assert [p["article"]["uid"] for p in posts] == ["tag:valmont.example,2026:1121-crue"]
    assert posts[0]["watchlist"] == "crues" and posts[0]["id"] == alert["id"]
    assert server2.hits[0].headers["content-type"] == "application/json"
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["article"]["uid"] for r in rows] == ["tag:valmont.example,2026:1121-crue"]
    assert len(lines) == 1 and "Vigilance orange" in lines[0]
    with store.connect() as conn:
        stored = al.list_alerts(conn)
    assert len(stored) == 1 and stored[0]["delivered"] == alert["delivered"]


# --- story changes ----------------------------------------------------------------
def _story(store: Store, sid: int, uids: list[str], view: dict[str, Any] | None = None) -> None:
    with store.begin() as conn:
        from sqlalchemy import delete, update

        if conn.execute(stories.select().where(stories.c.id == sid)).first() is None:
            conn.execute(insert(stories).values(id=sid, title="Tramway de Valmont", size=len(uids),
                                                view=view, updated_at=now()))
        else:
            conn.execute(update(stories).where(stories.c.id == sid).values(view=view))
        conn.execute(delete(story_articles).where(story_articles.c.story_id == sid))
        conn.execute(insert(story_articles), [
            {"article_uid": u, "story_id": sid, "assigned_at": now()} for u in uids])


def _fact(statement: str, members: list[tuple[str, int]], n: int) -> dict[str, Any]:
    return {"statement": statement, "n_sources": n,
            "members": [{"article": a, "sentence": s} for a, s in members]}


@pytest.fixture
def tram_story(any_store: Store) -> Store:
    store = any_store
    _ingest(store, _page("tram.html", "tram", "Le Courrier de Valmont"),
            _page("tram_update.html", "tram2", "Radio Valmont"))
    with store.begin() as conn:
        qa.save_analysis(conn, _analysis(
            "tram",
            quotes=[Quote("Nous avons tenu la promesse faite aux habitants des quartiers nord",
                          0, 10, 2, speaker="Hélène Marchetti")],
            quantities=[Quantity("38 000 voyageurs", 0, 1, 1, value=38000, noun="voyageurs"),
                        Quantity("312 millions d'euros", 0, 1, 2, value=312e6, unit="EUR")]), "t")
        qa.save_analysis(conn, _analysis(
            "tram2",
            quotes=[Quote("La ligne répond à un vrai besoin", 0, 10, 2, speaker="Hélène Marchetti")],
            quantities=[Quantity("41 000 voyages", 0, 1, 1, value=41000, noun="voyageurs"),
                        Quantity("38 000 attendus", 0, 1, 1, value=38000, noun="voyageurs")]), "t")
    return store


def test_story_update_shows_what_changed_since_last_look(tram_story: Store) -> None:
    store = tram_story
    _story(store, 1, ["tram"], view={"facts": [
        _fact("La deuxième ligne a ouvert jeudi.", [("tram", 0)], 1)]})
    with store.begin() as conn:
        first = ch.changes_since(conn, 1, mark_seen=True)
    assert first is not None and first["first_look"]
    assert [a["uid"] for a in first["new_articles"]] == ["tram"]

    _story(store, 1, ["tram", "tram2"], view={"facts": [
        _fact("La deuxième ligne a ouvert jeudi.", [("tram", 0), ("tram2", 0)], 2),
        _fact("41 000 voyages ont été enregistrés lundi.", [("tram2", 1)], 1)]})
    with store.connect() as conn:
        listed = ch.updated_stories(conn)
        change = ch.changes_since(conn, 1)
    assert listed == [{"story_id": 1, "title": "Tramway de Valmont", "n_articles": 2,
                       "n_new_articles": 1, "seen_before": True}]
    assert change is not None and not change["first_look"] and change["has_changes"]
    assert [a["uid"] for a in change["new_articles"]] == ["tram2"]
    assert change["new_sources"] == ["Radio Valmont"]
    assert [q["text"] for q in change["new_quotes"]] == ["La ligne répond à un vrai besoin"]
    assert change["changed_numbers"] == [{"what": "voyageurs", "before": ["38000"],
                                          "new_values": ["41000"], "reported_by": ["tram2"]}]
    assert [f["statement"] for f in change["new_facts"]] == ["41 000 voyages ont été enregistrés lundi."]
    assert change["newly_corroborated"][0]["n_sources_before"] == 1
    assert change["newly_corroborated"][0]["n_sources"] == 2
    # Not marked seen: asking again shows the same; after marking, nothing.
    with store.begin() as conn:
        assert ch.changes_since(conn, 1, mark_seen=True) == change
        again = ch.changes_since(conn, 1)
    assert again is not None and not again["has_changes"] and again["headline"] == "no change"
    # Viewers are independent.
    with store.connect() as conn:
        assert ch.changes_since(conn, 1, "someone-else")["first_look"]  # type: ignore[index]


def test_story_alert_when_a_watched_story_gains_an_article(tram_story: Store) -> None:
    store = tram_story
    with store.begin() as conn:
        # Only the first article says "inauguration": the second joins the story.
        al.save_watchlist(conn, WatchlistSpec("tram", queries=["inauguration"], channels=[]))
    _story(store, 1, ["tram"])
    first = al.evaluate(store, ["tram"])
    assert [a["type"] for a in first] == ["article"]
    _story(store, 1, ["tram", "tram2"])
    second = al.evaluate(store, ["tram2"])
    assert [a["type"] for a in second] == ["story"]
    change = second[0]["changes"]
    assert [a["uid"] for a in change["new_articles"]] == ["tram2"]
    assert change["new_sources"] == ["Radio Valmont"]
    assert al.evaluate(store, ["tram2"]) == []  # once


def test_diff_states_first_look_and_no_view() -> None:
    state = {"story_id": 3, "articles": [{"uid": "a"}], "sources": ["X"], "quotes": [],
             "numbers": {}, "entities": [], "facts": [], "facts_available": False}
    d = ch.diff_states(None, state)
    assert d["first_look"] and d["new_sources"] == ["X"] and "story view" in d["note"]
    assert not ch.diff_states(state, state)["has_changes"]


def test_story_state_is_plain_json(tram_story: Store) -> None:
    """Snapshots are JSON: the state carries only strings and numbers."""
    _story(tram_story, 1, ["tram", "tram2"])
    with tram_story.connect() as conn:
        state = ch.story_state(conn, 1)
    json.dumps(state)
    assert DateRange(date(2026, 11, 20), date(2026, 11, 20), "day").label() in {
        a["published"] for a in state["articles"]}  # type: ignore[index]


def test_failed_deliveries_are_retried_with_backoff(server: Server, store: Store) -> None:
    answers = [500, 503, 204]
    posts: list[dict[str, Any]] = []

    def hook(hit: Any) -> Reply:
        posts.append(json.loads(hit.body))
        return Reply(answers.pop(0))

    server.routes["/hook"] = hook
    _ingest(store, _page("port.html", "port", "Courrier"))
    channel = f"webhook:{server.url('/hook')}"
    with store.begin() as conn:
        al.save_watchlist(conn, WatchlistSpec("port", queries=["dockers"], channels=["print", channel]))
    lines: list[str] = []
    [alert] = al.evaluate(store, ["port"], echo=lines.append)
    assert alert["delivered"][channel]["status"] == "failed"
    # Too early for a retry (base 60 s).
    assert al.redeliver(store, echo=lines.append) == 0 and len(posts) == 1
    assert al.redeliver(store, echo=lines.append, base=0) == 1  # second attempt: 503
    assert al.redeliver(store, echo=lines.append, base=0) == 1  # third: delivered
    assert al.redeliver(store, echo=lines.append, base=0) == 0  # nothing left
    assert [p["id"] for p in posts] == [alert["id"]] * 3  # the id is the idempotency key
    assert len(lines) == 1  # the print channel worked the first time: not repeated
    with store.connect() as conn:
        [row] = al.list_alerts(conn)
    assert row["delivered"][channel]["status"] == "ok" and row["delivered"][channel]["attempts"] == 3


def test_retries_stop_after_max_attempts(server: Server, store: Store) -> None:
    server.routes["/hook"] = lambda hit: Reply(500)
    _ingest(store, _page("port.html", "port", "Courrier"))
    channel = f"webhook:{server.url('/hook')}"
    with store.begin() as conn:
        al.save_watchlist(conn, WatchlistSpec("port", queries=["dockers"], channels=[channel]))
    al.evaluate(store, ["port"])
    for _ in range(10):
        al.redeliver(store, base=0, max_attempts=3)
    assert server.count("/hook") == 3
