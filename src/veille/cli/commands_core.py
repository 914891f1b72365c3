"""``veille ingest``, ``articles``, ``article``, ``rejects``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.progress import Progress, TaskID
from rich.table import Table

from veille.cli.base import (
    EXIT_NOT_FOUND,
    LIMIT_MAX,
    app,
    check_sort,
    entity_option,
    fail,
    language_option,
    make_progress,
    open_store,
    out_console,
    plain,
    print_json,
    printable,
    resolve_filters,
    say,
    settings_of,
    since_option,
    sort_option,
    source_option,
    until_option,
)
from veille.cli.choices import ARTICLE_SORTS, MAX_SIMILAR
from veille.cli.render import article_lines, article_rows, story_rows
from veille.core.errors import VeilleError
from veille.core.model import Article, Reject
from veille.engine.runners import ENGINES, Runner, make_runner
from veille.ingest.dates import parse_date

if TYPE_CHECKING:
    from veille.ingest.service import IngestReport
    from veille.services.pipeline import OnProgress

EXIT_REJECTED = 1


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="Files, folders or - for standard input."),
    fmt: str = typer.Option("auto", "--format", help="auto|seed|text|jsonl|html|feed"),
    source: str = typer.Option(None, "--source", help="Source (outlet) name for these articles."),
    date: str = typer.Option(None, "--date", help="Publication date YYYY-MM[-DD] for these articles."),
    analyze: bool = typer.Option(True, "--analyze/--no-analyze", help="Analyse new articles."),
    cluster: bool = typer.Option(True, "--cluster/--no-cluster", help="Assign new articles to stories."),
    alerts: bool = typer.Option(True, "--alerts/--no-alerts",
                                help="Raise the watchlists' alerts for the new articles, as a watch "
                                     "pass does (needs the analysis)."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    engine: str = typer.Option(
        "local", "--engine",
        help="Where parsing and analysis run: local (this process), processes (all local "
             "cores) or dask (a LocalCluster, or --scheduler's cluster).",
    ),
    scheduler: str = typer.Option(
        None, "--scheduler", help="Dask scheduler address tcp://HOST:PORT (implies --engine dask)."
    ),
    workers: int = typer.Option(None, "--workers", min=1, max=1024,
                                help="Worker processes (default: all cores)."),
) -> None:
    """Ingest articles; rejected records are reported and kept (`veille rejects`)."""
    from veille.engine.progress import estimate_records
    from veille.ingest.sources import FORMATS, SourceOptions, read_paths
    from veille.services.pipeline import PipelineOptions, run_pipeline
    from veille.watch.alerts import evaluate as evaluate_alerts
    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if scheduler and engine == "local":
        engine = "dask"
    if engine not in ENGINES:
        fail(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if scheduler and engine != "dask":
        fail("--scheduler needs --engine dask")
    try:
        published = parse_date(date) if date else None
    except VeilleError as err:
        fail(f"--date: {err.reason}")
        return
    settings = settings_of(ctx)
    store = open_store(ctx)
    opts = SourceOptions(fmt=fmt, source=source, published=published,
                         max_bytes=settings.max_article_bytes)
    runner: Runner | None = None
    if engine != "local":
        try:
            runner = make_runner(engine, scheduler=scheduler, workers=workers)
        except (ValueError, OSError) as err:
            fail(f"--engine {engine}: {err}")
    options = PipelineOptions(analyze=analyze, cluster=cluster, max_bytes=settings.max_article_bytes,
                              runner=runner, close_runner=True, batch_gc=True,
                              optimize_search=True)

    def on_item(item: Article | Reject) -> None:
        if isinstance(item, Reject):
            # soft_wrap: one line per reject at any width (a path cut
            # in two by wrapping cannot be found or copied).
            say(("rejected", "yellow"), " ", plain(item.message()))

    try:
        with _progress() as progress:
            options.expected_items = estimate_records(paths)
            report = run_pipeline(store, read_paths(paths, opts), options, on_item=on_item,
                                  on_progress=_progress_bars(progress, runner))
    finally:
        if runner is not None:
            runner.close()  # already closed after analysis, unless ingest failed
    result = report.to_dict()
    if alerts and analyze and report.added:
        # Alerts are raised at the interfaces (watch sits above the pipeline);
        # lines of the "print" channel go to stderr: stdout is the report.
        raised = evaluate_alerts(store, report.added, echo=lambda line: say(plain(line)))
        result["alerts"] = len(raised)
    if json_out:
        print_json(result)
    else:
        for line in _summary_lines(report.ingest, result):
            say(line)
        if result.get("alerts"):
            say(f"alerts: {result['alerts']} raised (`veille alerts`)")
    if report.ingest.rejects:
        raise typer.Exit(EXIT_REJECTED)


def _progress_bars(progress: Progress, runner: Runner | None) -> OnProgress:
    """One bar per stage, made when the stage starts (clustering has none)."""
    tasks: dict[str, TaskID] = {}
    labels = {"ingest": "ingest",
              "analyse": f"analyse ({runner.describe()})" if runner is not None else "analyse"}

    def on_progress(stage: str, advance: int, total: int | None) -> None:
        if stage not in labels:
            return
        if stage not in tasks:
            tasks[stage] = progress.add_task(labels[stage], total=total)
        if advance:
            progress.advance(tasks[stage], advance)

    return on_progress


def _summary_lines(report: IngestReport, result: dict[str, Any]) -> list[str]:
    """What a run did, in words (``--json`` gives the same as data)."""
    r = report
    lines = [
        f"ingest: {len(r.added)} added ({r.near_duplicates} near duplicates linked), "
        f"{r.exact_duplicates} exact duplicates folded, {r.unchanged} already stored, "
        f"{len(r.rejects)} rejected"
    ]
    an = result.get("analyze")
    if isinstance(an, dict):
        lines.append(f"analyse: {an['skipped']}" if "skipped" in an
                     else f"analyse: {an.get('analyzed', 0)} articles analysed")
    cl = result.get("cluster")
    if isinstance(cl, dict):
        if "assigned" in cl:
            lines.append(
                f"stories: {cl['assigned']} articles assigned — {cl.get('new_stories', 0)} new, "
                f"{cl.get('joined', 0)} joined an existing story, {cl.get('chained', 0)} chained "
                f"to an earlier one; {cl.get('stories', '?')} stories in all"
            )
        else:
            lines.append("stories: " + ", ".join(f"{k}: {v}" for k, v in cl.items()))
    si = result.get("search_index")
    if isinstance(si, dict) and si.get("segments_before") != si.get("segments_after"):
        lines.append(f"search index: merged from {si['segments_before']} segments into "
                     f"{si['segments_after']} (the run at least doubled the store)")
    return lines


def _progress() -> Progress:
    return make_progress()


@app.command()
def articles(
    ctx: typer.Context,
    source: str = source_option(),
    language: str = language_option(),
    limit: int = typer.Option(None, min=1, max=LIMIT_MAX, help="At most this many."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
    since: str = since_option(),
    until: str = until_option(),
    entity: str = entity_option(),
    sort: str = sort_option(ARTICLE_SORTS, "ingest"),
) -> None:
    """List stored articles in ingest order (newest first with --sort date)."""
    from veille.services.queries import list_articles
    check_sort(sort, ARTICLE_SORTS)
    store = open_store(ctx)
    with store.connect() as conn:
        filters = resolve_filters(conn, since=since, until=until, language=language,
                                  source=source, entity=entity)
        rows = list_articles(conn, filters, sort=sort, limit=limit)
    for r in rows:
        r.pop("seq", None)
    if json_out:
        print_json(rows)
        return
    if not rows:
        say("no article matches")
        return
    table = Table("id", "source", "published", "lang", "chars", "duplicate of", "title")
    for r in rows:
        table.add_row(*(plain(r[k] if r[k] is not None else "") for k in
                        ("id", "source", "published", "language", "n_chars", "duplicate_of",
                         "title")))
    out_console().print(table)


@app.command()
def article(
    ctx: typer.Context,
    uid: str = typer.Argument(..., help="Article id."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show one article with its text and its analysis (entities, quotes, times, quantities)."""
    from veille.store import articles as q
    from veille.store.analyses import article_analysis
    store = open_store(ctx)
    with store.connect() as conn:
        art = q.get_article(conn, uid)
        if art is None:
            fail(f"no article with id {uid!r}", EXIT_NOT_FOUND)
            return
        art.update(article_analysis(conn, uid))
    if json_out:
        print_json(art)
        return
    sys.stdout.write("\n".join(article_lines(art)) + "\n")


@app.command()
def similar(
    ctx: typer.Context,
    uid: str | None = typer.Argument(None, help="Article id."),
    story: int | None = typer.Option(None, "--story", min=1, help="Stories like this story "
                                     "(by its articles' mean vector) instead of articles."),
    limit: int = typer.Option(10, "--limit", min=1, max=MAX_SIMILAR),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """More like this: the articles nearest one article (or the stories nearest one
    story), in any language (multilingual encoder)."""
    from veille.services.queries import similar_articles
    from veille.services.semantic import similar_stories
    if (uid is None) == (story is None):
        fail("give an article id, or --story ID (one of the two)")
    store = open_store(ctx)
    if story is not None:
        with store.connect() as conn:
            found_stories = similar_stories(conn, story, limit)
        if found_stories is None:
            fail(f"no story {story}", EXIT_NOT_FOUND)
            return
        if json_out:
            print_json(found_stories)
            return
        if not found_stories:
            say("no vector for this story's articles, or no other story (vectors are made "
                "by the analyse and cluster stages)")
            return
        sys.stdout.write("\n".join(story_rows(found_stories)) + "\n")
        return
    assert uid is not None
    with store.connect() as conn:
        found = similar_articles(conn, uid, limit)
    if found is None:
        fail(f"no article with id {uid!r}", EXIT_NOT_FOUND)
        return
    if json_out:
        print_json(found)
        return
    if not found:
        say("no other article has a vector yet (vectors are made by the analyse and cluster stages)")
        return
    sys.stdout.write("\n".join(article_rows(found, score="similarity")) + "\n")


def semantic_search_cmd(ctx: typer.Context, query: str, *, limit: int, json_out: bool, sort: str,
                        filters: dict[str, str | None]) -> None:
    """`veille search --semantic`: the articles nearest the query's meaning, in any
    language, with the listing filters; the page's shape is the full-text one."""
    from veille.services.semantic import semantic_search
    store = open_store(ctx)
    with store.connect() as conn:
        f = resolve_filters(conn, **filters)
        res = semantic_search(conn, query, f, limit=limit)
    if sort == "date":  # the nearest, then newest first (undated last)
        res["results"].sort(key=lambda r: r.get("published") or "", reverse=True)
    for note in res["notes"]:
        say(plain(note))
    if json_out:
        print_json(res)
        return
    out = out_console()
    out.print(f"{res['total']} article(s)")  # as the full-text search: stdout
    for r in res["results"]:
        out.print(f"[bold]{escape(printable(r['title'] or r['id']))}[/bold]  "
                  f"[dim]{r['similarity']:.3f} · {escape(printable(r['id']))} · "
                  f"{escape(printable(r['source'] or '?'))} · "
                  f"{escape(printable(r['published'] or 'undated'))} · "
                  f"{escape(printable(r['language'] or '?'))}[/dim]")
        snip = r["snippet"]
        out.print(escape(printable(snip["text"].replace("\n", " "))) + (" …" if snip["suffix"] else ""))


@app.command()
def rejects(
    ctx: typer.Context, json_out: bool = typer.Option(False, "--json", help="Print JSON.")
) -> None:
    """Records that could not be ingested, with their reason."""
    from veille.store import articles as q
    store = open_store(ctx)
    with store.connect() as conn:
        rows = q.list_rejects(conn)
    if json_out:
        print_json(rows)
        return
    if not rows:
        say("no rejected record")
        return
    table = Table("code", "where", "reason")
    for r in rows:
        where = f"{r['origin']}:{r['line']}" if r["line"] is not None else r["origin"]
        table.add_row(plain(r["code"]), plain(where), plain(r["reason"]))
    out_console().print(table)
