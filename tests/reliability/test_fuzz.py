"""Fuzzing every parser end to end (issue 9): HTML, feeds, seed/text/JSONL
records through the real store, and the CLI options. No uncaught exception;
each bad record is rejected with its reason and kept; good records next to it
are stored.

Default example counts are modest (the suite must stay fast);
VEILLE_FUZZ_EXAMPLES raises them (docs/measured/reliability.md lists what ran).
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from veille.cli import app
from veille.core.errors import CODES
from veille.core.model import RawRecord, Reject
from veille.ingest.readers import ReadOptions, read_feed, read_html
from veille.ingest.service import ingest_items
from veille.store import Store
from veille.store import articles as q

N = int(os.environ.get("VEILLE_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=N, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
NASTY = st.sampled_from(["<script>alert(1)</script>", "\u202e", "\x00", "\ud800", "&amp;", "&#0;",
                         "]]>", "<!--", "<![CDATA[", "\ufeff", "A" * 5000, "<", ">", "&", '"', "'"])
PIECE = st.one_of(WORDS, NASTY)


def opts(name: str) -> ReadOptions:
    return ReadOptions(origin=f"fuzz/{name}", name=name)


def _check_items(items: list[object]) -> None:
    for it in items:
        assert isinstance(it, RawRecord | Reject)
        if isinstance(it, Reject):
            assert it.code in CODES and it.reason and it.origin.startswith("fuzz/")
        else:
            assert it.text.strip()


# --- HTML -----------------------------------------------------------------------
TAGS = st.sampled_from(["p", "div", "article", "h1", "span", "script", "style", "nav", "a", "li",
                        "table", "td", "meta", "title", "body", "html", "head", "br", "img"])


@st.composite
def html_docs(draw: st.DrawFn) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(TAGS)
        attr = draw(st.sampled_from(["", ' class="x"', ' onclick="alert(1)"', ' href="javascript:x"',
                                     ' content="2023-06-09" property="article:published_time"']))
        close = draw(st.booleans())
        parts.append(f"<{tag}{attr}>{draw(PIECE)}" + (f"</{tag}>" if close else ""))
    doc = "".join(parts)
    if draw(st.booleans()):
        doc = f"<!DOCTYPE html><html><head><title>{draw(WORDS)}</title></head><body>{doc}</body></html>"
    enc = draw(st.sampled_from(["utf-8", "utf-16", "latin-1"]))
    return doc.encode(enc, "replace")


@FUZZ
@given(st.one_of(html_docs(), st.binary(max_size=3000)))
def test_html_reader_never_raises(data: bytes) -> None:
    items = list(read_html(data, opts("page.html")))
    assert len(items) == 1
    _check_items(items)


# --- feeds ----------------------------------------------------------------------
@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    atom = draw(st.booleans())
    entries = []
    for i in range(draw(st.integers(0, 6))):
        title, body = draw(PIECE), draw(PIECE)
        date = draw(st.sampled_from(["Tue, 12 Sep 2023 18:20:00 +0000", "2023-09-12T10:00:00Z", "",
                                     "yesterday", "Mon, 99 Foo 2023", "2023-13-45"]))
        guid = draw(st.sampled_from(["", f"id-{i}", "id-dup", draw(WORDS)]))
        if atom:
            entries.append(f"<entry><title>{title}</title><id>{guid}</id><updated>{date}</updated>"
                           f"<content type=\"html\">{body}</content></entry>")
        else:
            entries.append(f"<item><title>{title}</title><guid>{guid}</guid><pubDate>{date}</pubDate>"
                           f"<description>{body}</description></item>")
    inner = "".join(entries)
    doc = (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{draw(WORDS)}</title>'
           f"{inner}</feed>" if atom else
           f'<?xml version="1.0"?><rss version="2.0"><channel><title>{draw(WORDS)}</title>{inner}'
           "</channel></rss>")
    if draw(st.booleans()):  # truncated or corrupted in transit
        cut = draw(st.integers(0, len(doc)))
        doc = doc[:cut] + draw(PIECE)
    return doc.encode("utf-8", "replace")


@FUZZ
@given(st.one_of(feeds(), st.binary(max_size=2000)))
def test_feed_reader_never_raises(data: bytes) -> None:
    items = list(read_feed(data, opts("feed.xml")))
    assert items  # at least a reject saying why
    _check_items(items)


# --- records through the real store ----------------------------------------------
GOOD_TEXT = st.lists(st.sampled_from(
    ["Le port a rouvert lundi.", "The council voted on Tuesday.", "Les dockers ont repris le travail.",
     "A storm closed the bridge.", "Le ministre a annoncé un plan.", "Prices rose by 3% in May."]),
    min_size=1, max_size=6).map(" ".join)
FIELD = st.one_of(st.none(), WORDS, NASTY, st.integers(), st.floats(allow_nan=True),
                  st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3),
                                                                       st.integers(), max_size=2))
DATE = st.one_of(st.none(), st.sampled_from(["2023", "2023-06", "2023-06-09", "2023-02-30",
                                              "2023-06-09T10:00:00+02:00", "hier", "", "0000-00"]), FIELD)
_ids = itertools.count()


@st.composite
def jsonl_lines(draw: st.DrawFn) -> tuple[bytes, str]:
    kind = draw(st.sampled_from(["good", "good", "fields", "junk"]))
    uid = f"rec-{next(_ids)}"
    if kind == "good":
        rec = {"id": uid, "text": draw(GOOD_TEXT) + f" ({uid})", "published": "2023-06-09"}
        return json.dumps(rec).encode(), "good"
    if kind == "fields":
        rec = {"id": draw(st.one_of(st.just(uid), FIELD)), "text": draw(st.one_of(GOOD_TEXT, FIELD)),
               "source": draw(FIELD), "title": draw(FIELD), "url": draw(FIELD),
               "language": draw(FIELD), "published": draw(DATE)}
        return json.dumps(rec, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass"), "any"
    junk = draw(st.one_of(st.binary(max_size=200), WORDS.map(str.encode), NASTY.map(
        lambda s: s.encode("utf-8", "surrogatepass"))))
    return junk.replace(b"\n", b" ").replace(b"\r", b" "), "any"


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store.open(str(tmp_path_factory.mktemp("fuzz") / "fuzz.db"))


@FUZZ
@given(st.lists(jsonl_lines(), min_size=1, max_size=15))
def test_records_through_the_store(fuzz_store: Store, lines: list[tuple[bytes, str]]) -> None:
    from veille.ingest.readers import read_jsonl_lines

    with fuzz_store.connect() as conn:
        before_articles = q.count_articles(conn)
        before_rejects = len(q.list_rejects(conn))
    items = list(read_jsonl_lines(iter([b for b, _k in lines]), opts("records.jsonl")))
    report = ingest_items(fuzz_store, items, batch_size=7)  # several batches per example
    good = [json.loads(b)["id"] for b, k in lines if k == "good"]
    with fuzz_store.connect() as conn:
        for uid in good:  # every good record is stored, whatever surrounds it
            assert q.get_article(conn, uid) is not None, uid
        after_articles = q.count_articles(conn)
        stored_rejects = q.list_rejects(conn)
    assert after_articles - before_articles == len(report.added)
    # Every reject is kept with its code and reason (identical rejects are kept once).
    assert len(stored_rejects) - before_rejects <= len(report.rejects)
    for r in report.rejects:
        assert r.code in CODES and r.reason
    if report.rejects:
        assert len(stored_rejects) > before_rejects or all(
            any(s["origin"] == r.origin and s["line"] == r.line and s["code"] == r.code
                for s in stored_rejects) for r in report.rejects)
    assert report.seen == len(items)


# --- CLI options ----------------------------------------------------------------
OPT_VALUE = st.one_of(WORDS.filter(lambda s: "\x00" not in s), st.sampled_from(
    ["", "-", "--", "2023-13", "9999-99-99", "-1", "0", "1e9", "' OR 1=1 --", "../../etc", "auto", "jsonl"]))


@FUZZ
@given(fmt=OPT_VALUE, date=OPT_VALUE, source=OPT_VALUE, language=OPT_VALUE, limit=OPT_VALUE,
       uid=OPT_VALUE)
def test_cli_options_never_crash(tmp_path_factory: pytest.TempPathFactory, fmt: str, date: str,
                                 source: str, language: str, limit: str, uid: str) -> None:
    base = tmp_path_factory.getbasetemp() / "cli-fuzz"
    base.mkdir(exist_ok=True)
    db = str(base / "cli.db")
    art = base / "a.txt"
    if not art.exists():
        art.write_text("date 2023-06 Un article pour éprouver les options de la ligne de commande.",
                       encoding="utf-8")
    runner = CliRunner()
    calls = [
        ["--db", db, "ingest", "--no-analyze", "--no-cluster", "--format", fmt, "--date", date,
         "--source", source, str(art)],
        ["--db", db, "articles", "--json", "--source", source, "--language", language, "--limit", limit],
        ["--db", db, "article", "--json", uid],
        ["--db", db, "rejects", "--json"],
    ]
    for args in calls:
        result = runner.invoke(app, args)
        # Exit codes: 0 ok, 1 something rejected / not found, 2 bad usage. Never a traceback.
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            args, repr(result.exception))
        assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output[-500:])


def test_fuzz_store_has_no_orphans(fuzz_store: Store) -> None:
    from .storedump import orphans

    path = fuzz_store.url.removeprefix("sqlite:///")
    found = {k: v for k, v in orphans(path).items() if v and "stor" not in k and "analys" not in k}
    assert found == {}
    assert Path(path).exists()
