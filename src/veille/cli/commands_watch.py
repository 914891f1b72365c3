"""``veille watch``, ``source``, ``watchlist``, ``alerts``, ``updates``."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from typing import Any

import typer
from rich.table import Table

from veille.cli.base import (
    ID_MAX,
    LIMIT_MAX,
    app,
    console,
    fail,
    json_option,
    open_store,
    out_console,
    plain,
    print_json,
    printable,
    say,
    settings_of,
)
from veille.cli.choices import DEFAULT_CURSOR

MAX_EVERY = 365 * 86_400  # seconds: a longer interval would overflow the next-due date
source_app = typer.Typer(help="Feeds and pages to watch.", no_args_is_help=True)
watchlist_app = typer.Typer(help="Entities and queries to be alerted about.", no_args_is_help=True)
app.add_typer(source_app, name="source")
app.add_typer(watchlist_app, name="watchlist")


class _SafeFormatter(logging.Formatter):
    """Log lines carry feed titles, URLs and errors from the network: their
    control characters are escaped, so an entry cannot fake a log line or
    send terminal sequences (a traceback keeps its own lines)."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        record.message = printable(record.message)
        return super().formatMessage(record)


def _setup_logging(level: str) -> None:
    logger = logging.getLogger("veille.watch")
    logger.setLevel(getattr(logging, level.upper(), logging.INFO))
    if not any(getattr(h, "_veille", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_SafeFormatter("%(asctime)s %(levelname)s %(message)s",
                                            "%Y-%m-%dT%H:%M:%S"))
        handler._veille = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.propagate = False


@app.command()
def watch(
    ctx: typer.Context,
    config: str = typer.Argument(None, help="SOURCES.toml: sources and watchlists to add/update."),
    once: bool = typer.Option(False, "--once", help="One pass over the due sources, then exit."),
    force: bool = typer.Option(False, "--force", help="Poll every source now, due or not."),
    delay: float = typer.Option(None, "--delay", min=0, max=86_400,
                                help="Seconds between two requests to one host."),
    timeout: float = typer.Option(None, "--timeout", min=0.1, max=3_600, help="HTTP timeout in seconds."),
    backoff: float = typer.Option(None, "--backoff-base",
                                  help="First retry delay after an error (doubles each failure)."),
    workers: int = typer.Option(4, "--workers", min=1, max=256, help="Hosts fetched in parallel."),
    max_new: int = typer.Option(50, "--max-new", min=1, max=LIMIT_MAX,
                                help="New entries taken per source per pass."),
    pages: bool = typer.Option(True, "--pages/--no-pages", help="Fetch each entry's article page."),
    no_robots: bool = typer.Option(False, "--ignore-robots", hidden=True),
    analyze: bool = typer.Option(True, "--analyze/--no-analyze", help="Analyse new articles."),
    cluster: bool = typer.Option(True, "--cluster/--no-cluster", help="Assign new articles to stories."),
    log_level: str = typer.Option("info", "--log-level", help="debug|info|warning|error"),
    json_out: bool = json_option("With --once: print the pass report as JSON."),
) -> None:
    """Poll feeds and pages on their schedules, ingest what is new, raise alerts.

    Runs until stopped (Ctrl-C / SIGTERM); --once does one pass (for cron).
    """
    from veille.watch.alerts import save_watchlist
    from veille.watch.fetch import Fetcher, FetchPolicy
    from veille.watch.poll import PollOptions, run_forever, run_pass
    from veille.watch.sources import ConfigError, list_sources, load_config, upsert_source

    _setup_logging(log_level)
    settings = settings_of(ctx)
    policy = FetchPolicy()
    store = open_store(ctx)
    if config:
        try:
            cfg = load_config(config)
            with store.begin() as conn:
                for spec in cfg.sources:
                    upsert_source(conn, spec)
                for wl in cfg.watchlists:
                    save_watchlist(conn, wl)
        except ConfigError as exc:
            fail(str(exc))
            return
        policy.delay = cfg.delay if cfg.delay is not None else policy.delay
        policy.timeout = cfg.timeout if cfg.timeout is not None else policy.timeout
        policy.user_agent = cfg.user_agent or policy.user_agent
    for name, value in (("delay", delay), ("timeout", timeout), ("backoff_base", backoff)):
        if value is not None:
            if value < 0:
                fail(f"--{name.replace('_', '-')} must be >= 0")
            setattr(policy, name, value)
    policy.respect_robots = not no_robots
    with store.connect() as conn:
        if not list_sources(conn):
            fail("no sources: give a SOURCES.toml or add one with `veille source add URL`")
    if force:
        _make_all_due(store)
    options = PollOptions(max_new_per_source=max_new, workers=workers, fetch_pages=pages,
                          max_article_bytes=settings.max_article_bytes)
    fetcher = Fetcher(policy)
    kwargs: dict[str, Any] = dict(analyze=analyze, cluster=cluster)
    try:
        if once:
            report = run_pass(store, fetcher, options, **kwargs)
            if json_out:
                print_json(report.to_dict())
            else:
                d = report.to_dict()
                errors = sum(1 for o in report.outcomes if o.status == "error")
                console.print(f"{len(report.outcomes)} sources polled, {d['added']} articles added, "
                              f"{errors} errors, {d['alerts']} alerts", highlight=False)
            return
        stop = threading.Event()

        def _stop(signum: int, _frame: Any) -> None:
            logging.getLogger("veille.watch").info("stopping (signal %d)", signum)
            stop.set()

        signal.signal(signal.SIGINT, _stop)
        signal.signal(signal.SIGTERM, _stop)
        logging.getLogger("veille.watch").info("watching; Ctrl-C to stop")
        run_forever(store, fetcher, options, stop=stop, **kwargs)
    finally:
        fetcher.close()


def _make_all_due(store: Any) -> None:


    from sqlalchemy import update

    from veille.store.schema import sources
    with store.begin() as conn:
        conn.execute(update(sources).values(next_due=None))


# --- sources ------------------------------------------------------------------------
@source_app.command("add")
def source_add(
    ctx: typer.Context,
    url: str = typer.Argument(..., help="Feed (RSS/Atom) or page URL."),
    name: str = typer.Option(None, "--name", help="Source (outlet) name for its articles."),
    every: str = typer.Option("15m", "--every", help="Poll interval: 90s, 15m, 1h, 1d."),
    kind: str = typer.Option("auto", "--kind", help="auto|feed|page"),
) -> None:
    """Add (or update) a watched source."""
    from veille.watch.sources import KINDS, ConfigError, SourceSpec, parse_every, upsert_source
    if kind not in KINDS:
        fail(f"--kind must be one of {', '.join(KINDS)}")
    try:
        seconds = parse_every(every)
        if not 0 < seconds <= MAX_EVERY:  # also refuses nan and inf
            fail(f"--every must be a duration of at most 365 days, not {every!r}")
        spec = SourceSpec(url, name, seconds, kind)
        store = open_store(ctx)
        with store.begin() as conn:
            sid = upsert_source(conn, spec)
    except ConfigError as exc:
        fail(str(exc))
        return
    say(f"source {sid}: ", plain(spec.url), " every ", plain(every))


@source_app.command("list")
def source_list(ctx: typer.Context, json_out: bool = json_option()) -> None:
    """Watched sources with their schedule and last error."""
    from veille.watch.sources import format_every, list_sources
    with open_store(ctx).connect() as conn:
        rows = list_sources(conn)
    if json_out:
        print_json(rows)
        return
    if not rows:
        say("no source: add one with `veille source add URL`")
        return
    table = Table("id", "url", "name", "every", "next due", "failures", "last error")
    for r in rows:
        table.add_row(str(r["id"]), plain(r["url"]), plain(r["name"] or ""),
                      format_every(r["every"]),
                      r["next_due"].isoformat(timespec="seconds") if r["next_due"] else "now",
                      str(r["failures"]), plain(r["last_error"] or ""))

    out_console().print(table)


@source_app.command("remove")
def source_remove(ctx: typer.Context, ref: str = typer.Argument(..., help="Source id or URL.")) -> None:
    """Stop watching a source (its articles stay)."""
    from veille.watch.sources import remove_source
    with open_store(ctx).begin() as conn:
        if not remove_source(conn, ref):
            fail(f"no source {ref!r}", 1)
    say("source removed: ", plain(ref))


# --- watchlists ---------------------------------------------------------------------
@watchlist_app.command("add")
def watchlist_add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Watchlist name (replaces one of that name)."),
    entity: list[str] = typer.Option([], "--entity", "-e", help="Entity name or id (repeatable)."),
    query: list[str] = typer.Option([], "--query", "-q", help="Search terms (repeatable); "
                                    "source:rt.com or source:\"Le Monde\" follows an outlet."),
    channel: list[str] = typer.Option([], "--channel", "-c",
                                      help="print | jsonl:PATH | webhook:URL | email (to VEILLE_SMTP_TO) "
                                      "| email:ADDR,ADDR: a digest per pass (repeatable)."),
) -> None:
    """Create or replace a watchlist."""
    from veille.watch.alerts import save_watchlist
    from veille.watch.sources import ConfigError, WatchlistSpec
    try:
        with open_store(ctx).begin() as conn:
            wid = save_watchlist(conn, WatchlistSpec(name, list(entity), list(query),
                                                     list(channel) or ["print"]))
    except ConfigError as exc:
        fail(str(exc))
        return
    say(f"watchlist {wid}: ", plain(name))


@watchlist_app.command("list")
def watchlist_list(ctx: typer.Context, json_out: bool = json_option()) -> None:
    from veille.watch.alerts import list_watchlists
    with open_store(ctx).connect() as conn:
        rows = list_watchlists(conn)
    if json_out:
        print_json(rows)
        return
    if not rows:
        say("no watchlist: add one with `veille watchlist add NAME`")
        return
    table = Table("id", "name", "entities", "queries", "channels")
    for r in rows:
        table.add_row(str(r["id"]), plain(r["name"]), plain(", ".join(r["entities"])),
                      plain(", ".join(r["queries"])), plain(", ".join(r["channels"])))

    out_console().print(table)


@watchlist_app.command("remove")
def watchlist_remove(ctx: typer.Context, name: str = typer.Argument(...)) -> None:
    from veille.watch.alerts import remove_watchlist
    with open_store(ctx).begin() as conn:
        if not remove_watchlist(conn, name):
            fail(f"no watchlist {name!r}", 1)
    say("watchlist removed: ", plain(name))


@app.command()
def alerts(
    ctx: typer.Context,
    limit: int = typer.Option(50, "--limit", min=1, max=LIMIT_MAX),
    watchlist: str = typer.Option(None, "--watchlist"),
    json_out: bool = json_option(),
) -> None:
    """Recorded alerts, newest first."""
    from veille.watch.alerts import describe, list_alerts
    with open_store(ctx).connect() as conn:
        rows = list_alerts(conn, limit=limit, watchlist=watchlist)
    if json_out:
        print_json(rows)
        return
    for r in rows:
        _line(f"{r['created_at'][:19]}  #{r['id']}  {describe(r['payload'])}")
    if not rows:
        say("no alert yet")


@app.command()
def updates(
    ctx: typer.Context,
    story_id: int = typer.Argument(None, min=1, max=ID_MAX,
                                   help="A story: show what changed in it."),
    cursor: str = typer.Option(
        DEFAULT_CURSOR, "--cursor", "--viewer",
        help="Whose 'last look' to compare with: a cursor name kept in the store, shared by "
             "the CLI, the API and the watcher (--viewer is the older name)."),
    mark_seen: bool = typer.Option(False, "--mark-seen",
                                   help="With a story: record that you have seen it now."),
    peek: bool = typer.Option(False, "--peek",
                              help="List without moving the cursor (the next look shows the same)."),
    include_unseen: bool = typer.Option(False, "--all",
                                        help="List every story, changed since your last look or not."),
    json_out: bool = json_option(),
) -> None:
    """Stories that gained articles since you last looked, or what changed in one story.

    Each look moves your cursor to the newest article, unless --peek. Articles count
    as new whoever added them: `veille ingest`, a `watch` pass, the API. The first
    look with a cursor name shows every story."""
    from veille.services.queries import updates_for
    from veille.store import story_aliases
    from veille.store.cursors import MAX_NAME as MAX_CURSOR_NAME
    from veille.watch.changes import changes_since
    if not 0 < len(cursor) <= MAX_CURSOR_NAME:
        fail(f"--cursor: a name of 1 to {MAX_CURSOR_NAME} characters, not {cursor!r}")
    store = open_store(ctx)
    if story_id is None:
        with store.begin() as conn:
            res = updates_for(conn, cursor, advance=not peek, include_unchanged=include_unseen)
        rows = res["items"]
        if json_out:
            print_json(rows)
        else:
            for r in rows:
                _line(f"story {r['story_id']}: +{r['n_new_articles']} of {r['n_articles']} "
                      f"articles  {r['title'] or ''}")
        if not rows:
            say("no story has changed since you last looked" if not res["first_look"]
                else "no story yet")
        elif res["first_look"]:
            say("first look with cursor ", plain(cursor), ": every story counts as new")
        if peek:
            say("cursor ", plain(cursor), " not moved (--peek)")
        return
    with store.begin() as conn:
        # an alert's story id may since have been merged into another story
        found = story_aliases.resolve(conn, story_id)
        change = changes_since(conn, found.story_id, cursor, mark_seen=mark_seen) if found else None
    if change is None:
        fail(f"no story {story_id}", 1)
        return
    if found is not None and found.merged:
        say(found.message())
    if json_out:
        print_json(change)
        return
    _print_change(change)


def _line(text: str) -> None:
    """One line on stdout; user strings in it (titles, quotes, sources) escaped."""
    sys.stdout.write(printable(text) + "\n")


def _print_change(c: dict[str, Any]) -> None:
    def out(text: str) -> None:
        _line(text.removesuffix("\n"))

    out(f"story {c['story_id']}: {c.get('title') or ''}\n")
    out(("first look: " if c["first_look"] else "since you last looked: ") + c["headline"] + "\n")
    for a in c["new_articles"]:
        out(f"  + article  {a.get('source') or '?'}: {a.get('title') or a['uid']}\n")
    for s in c["new_sources"]:
        out(f"  + source   {s}\n")
    for f in c["new_facts"]:
        out(f"  + fact     {f['statement']} ({f['n_sources']} sources)\n")
    for f in c["newly_corroborated"]:
        out(f"  ↑ fact     {f['statement']} ({f['n_sources_before']} -> {f['n_sources']} sources)\n")
    for q in c["new_quotes"]:
        out(f"  + quote    {q.get('speaker') or '?'}: « {q['text']} »\n")
    for n in c["changed_numbers"]:
        out(f"  ≠ number   {n['what']}: {', '.join(n['before'])} -> now also "
            f"{', '.join(n['new_values'])}\n")
    for n in c["new_numbers"]:
        out(f"  + number   {n['what']}: {', '.join(n['values'])}\n")
    if c.get("note"):
        out(f"  ({c['note']})\n")

