"""``veille serve``, ``veille export``, ``veille search`` and ``veille optimize``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import BinaryIO

import typer
from rich.markup import escape

from veille.cli.base import (
    ID_MAX,
    app,
    check_sort,
    console,
    entity_option,
    fail,
    language_option,
    open_store,
    out_console,
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
from veille.cli.choices import SEARCH_SORTS, STORY_FORMATS
from veille.cli.commands_core import articles as articles_cmd
from veille.cli.commands_core import semantic_search_cmd
from veille.core.settings import Settings

KINDS = ("stories", "articles", "entities", "quotes", "corrections")  # as in veille.export
FORMATS = ("json", "jsonl", "csv", "parquet")


@app.command()
def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, min=0, max=65535, help="TCP port."),
    workers: int = typer.Option(
        1, min=1, max=64,
        help="Server processes (uvicorn workers; SQLite readers run side by side under WAL). "
             "One is the default: with the response cache a process serves ~0.3 ms of CPU per "
             "repeated read, and each worker keeps a cache of its own (docs/measured/performance-serve.md)."),
    search_processes: int | None = typer.Option(
        None, "--search-processes", min=0, max=64, show_default=False,
        help="Processes that run full-text searches for every connection of a worker, in "
             "arrival order (0: searches run in the worker itself; default "
             "$VEILLE_SERVE_SEARCH_PROCESSES, else one per core). Uncached distinct searches "
             "under load: see docs/measured/performance-serve.md."),
) -> None:
    """Serve the web UI and the JSON API (docs at /docs). Writes need $VEILLE_TOKEN."""
    store = open_store(ctx)
    # The web app (FastAPI and its pydantic response models) and the server are
    # imported here, not at the top: start-up that only this command needs.
    import uvicorn

    from veille.web.app import create_app
    from veille.web.serve import uvicorn_options

    # Migrates and catches up the search index once, before any worker.
    if search_processes is None:
        # One queue for every connection, a search process per core: on 2 quiet
        # cores 381-409 uncached searches/s at p95 0.14-0.15 s against p95
        # 0.21-0.26 s for two workers (docs/measured/performance-serve.md, session 17)
        from veille.web.search_pool import DEFAULT_PROCESSES

        configured = Settings().serve_search_processes
        search_processes = DEFAULT_PROCESSES if configured is None else configured
    web = create_app(store, search_processes=search_processes)
    n = workers
    shown = "localhost" if host in ("0.0.0.0", "::") else host
    url = f"http://{shown}:{port}/"
    # On stdout, so `make demo` (and scripts) print where the UI is.
    print(f"veille: serving {store.url} at {url} (API docs: {url}docs)", flush=True)
    if not web.state.token:
        console.print("writes disabled: set VEILLE_TOKEN to enable POST /api/articles", highlight=False)
    if n == 1:
        uvicorn.run(web, host=host, port=port, **uvicorn_options())
        return
    # Several workers: uvicorn starts fresh processes that each build the app
    # from the store's URL (veille.web.serve.app_from_env).
    store.close()
    os.environ["VEILLE_SERVE_DB"] = store.url
    os.environ["VEILLE_SERVE_SEARCH_PROCESSES"] = str(search_processes)
    uvicorn.run("veille.web.serve:app_from_env", factory=True, host=host, port=port,
                workers=n, **uvicorn_options())


@app.command("export")
def export_cmd(
    ctx: typer.Context,
    kind: str = typer.Argument(..., help="|".join((*KINDS, "story"))),
    story_id: int = typer.Argument(None, min=1, max=ID_MAX, show_default=False,
                                   help="With `story`: the story's id (a merged id is followed)."),
    fmt: str = typer.Option(None, "--format", show_default=False,
                            help=f"Tables: {'|'.join(FORMATS)} (default jsonl). "
                                 f"A story: {'|'.join(STORY_FORMATS)} (default md)."),
    output: str = typer.Option("-", "--output", "-o", help="File to write (- for standard output)."),
    base_url: str = typer.Option(
        None, "--base-url", show_default=False,
        help="Address of `veille serve` for the links in a story report and the stories CSV "
             "(default: $VEILLE_PUBLIC_URL; unset, links are paths like /stories/12)."),
) -> None:
    """Export stories, articles, entities or quotes as JSON, JSONL, CSV or Parquet; or one
    story as a Markdown or HTML report, or its timeline or quotes as CSV
    (`veille export story 12 --format html -o story.html`).

    The stories CSV has flat columns for spreadsheets (id, title, dates, size, sources,
    languages, first summary sentence, page URL); JSON, JSONL and Parquet keep every field."""
    from veille import export as ex
    base = (base_url if base_url is not None else settings_of(ctx).public_url) or ""
    if kind == "story":
        _export_story(ctx, story_id, fmt or "md", output, base)
        return
    if kind not in KINDS:
        fail(f"KIND must be one of {', '.join((*KINDS, 'story'))}, not {kind!r}")
    if story_id is not None:
        fail(f"a story id is only taken by `veille export story ID`, not by {kind!r}")
    fmt = fmt or "jsonl"
    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "parquet" and output == "-" and sys.stdout.isatty():
        fail("parquet is binary: give --output FILE or redirect standard output")
    _check_output(output)
    store = open_store(ctx)
    with store.connect() as conn:
        if output == "-":
            ex.export(conn, kind, fmt, sys.stdout.buffer, base_url=base)
            sys.stdout.buffer.flush()
        else:
            with _open_output(output) as fh:
                ex.export(conn, kind, fmt, fh, base_url=base)
            console.print(f"wrote {escape(output)}", highlight=False)


def _check_output(output: str) -> None:
    if output != "-" and not Path(output).parent.is_dir():
        fail(f"--output: the folder {Path(output).parent} does not exist")


def _open_output(output: str) -> BinaryIO:
    try:
        return Path(output).open("wb")  # noqa: SIM115 - the caller closes it
    except OSError as exc:
        fail(f"--output: cannot write {output}: {exc.strerror or exc}")


def _export_story(ctx: typer.Context, story_id: int | None, fmt: str, output: str, base: str) -> None:
    """One story's report or CSV; a merged id is followed (and said on stderr)."""
    from veille.export import story as story_export
    from veille.store import story_aliases
    from veille.stories.service import get_story_view
    if story_id is None:
        fail("export story needs the story's id: veille export story ID")
    if fmt not in STORY_FORMATS:
        fail(f"--format for a story must be one of {', '.join(STORY_FORMATS)}, not {fmt!r}")
    _check_output(output)
    store = open_store(ctx)
    with store.connect() as conn:
        found = story_aliases.resolve(conn, story_id)
    if found is None:
        fail(f"no story {story_id}", code=1)
    if found.merged:
        say(found.message())
    view = get_story_view(store, found.story_id)
    if view is None:
        fail(f"no story {story_id}", code=1)
    names: dict[str, str] = {}
    if not fmt.startswith("csv"):  # the reports name untitled sources by first line, as the API's
        from veille.web.data.articles import first_lines
        with store.connect() as conn:
            names = first_lines(conn, [str(a.get("uid")) for a in view.get("articles") or []])
    data = story_export.render(fmt, found.story_id, view, base, names).encode("utf-8")
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    with _open_output(output) as fh:
        fh.write(data)
    console.print(f"wrote {escape(output)}", highlight=False)


@app.command("search")
def search_cmd(
    ctx: typer.Context,
    query: str = typer.Argument("", help='Words (all must match), "a phrase", -excluded; none '
                                "with a filter (--entity ...): the matching articles, as "
                                "`veille articles` lists them."),
    source: str = source_option(),
    language: str = language_option(),
    entity: str = entity_option(),
    limit: int = typer.Option(10, min=1, max=100, help="How many results."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON (with facets)."),
    since: str = since_option(),
    until: str = until_option(),
    sort: str = sort_option(SEARCH_SORTS, "relevance"),
    mode: str = typer.Option(
        "text", "--mode", help="text: words must match (BM25); semantic: by meaning, "
        "in any language (multilingual encoder)."),
    semantic: bool = typer.Option(False, "--semantic", help="Same as --mode semantic."),
) -> None:
    """Full-text search over articles (stemmed French/English, BM25 ranking), or by meaning."""
    from veille.search.index import ensure_indexed
    from veille.search.query import QueryError, search
    from veille.services.queries import search_filters
    from veille.services.semantic import MODES
    check_sort(sort, SEARCH_SORTS)
    if not query.strip() and any((source, language, entity, since, until)) and not (
            semantic or mode == "semantic"):
        # `veille search --entity "Lester Holt"` asked for a word no reader had
        # to give (session-21 audit): the filters alone select articles
        articles_cmd(ctx, source=source, language=language, limit=limit, json_out=json_out,
                     since=since, until=until, entity=entity,
                     sort="date" if sort == "date" else "ingest")
        return
    if semantic or mode == "semantic":
        semantic_search_cmd(ctx, query, limit=limit, json_out=json_out, sort=sort,
                            filters=dict(since=since, until=until, language=language,
                                         source=source, entity=entity))
        return
    if mode != "text":
        fail(f"--mode must be one of {', '.join(MODES)}, not {mode!r}")
    store = open_store(ctx)
    ensure_indexed(store)
    with store.connect() as conn:
        filters = resolve_filters(conn, since=since, until=until, language=language,
                                  source=source, entity=entity)
        try:
            res = search(conn, query, search_filters(filters), limit=limit, facets=json_out,
                         order=sort)
        except QueryError as exc:
            fail(str(exc))
            return
    res.pop("next", None)
    if json_out:
        print_json(res)
        return
    # emoji=False: a ":100:" in a title stays text; printable(): no control characters.
    out = out_console()
    out.print(f"{res['total']} article(s)")  # the total is part of the answer: stdout
    for r in res["results"]:
        snip = r["snippet"]
        text, pos, parts = snip["text"].replace("\n", " "), 0, []
        for a, b in snip["highlights"]:
            parts.append(escape(printable(text[pos:a])) + "[bold yellow]" + escape(printable(text[a:b]))
                         + "[/bold yellow]")
            pos = b
        parts.append(escape(printable(text[pos:])))
        out.print(f"[bold]{escape(printable(r['title'] or r['id']))}[/bold]  "
                  f"[dim]{escape(printable(r['id']))} · {escape(printable(r['source'] or '?'))} · "
                  f"{escape(printable(r['published'] or 'undated'))} · "
                  f"{escape(printable(r['language'] or '?'))}[/dim]")
        out.print(("… " if snip.get("prefix") else "") + "".join(parts).replace("\n", " ")
                  + (" …" if snip.get("suffix") else ""))


@app.command("optimize")
def optimize_cmd(
    ctx: typer.Context, json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Merge the full-text index into one piece (SQLite): searches cost ~6 % less.

    `veille ingest` does it itself when a run at least doubles the store; run it
    after other large ingests (each ingest commit adds a piece; ~1 s per 100k
    articles, searches keep answering meanwhile). PostgreSQL keeps its index itself."""
    from veille.search.index import ensure_indexed, optimize_index
    store = open_store(ctx)
    ensure_indexed(store)  # articles stored before the index existed are merged too
    before, after = optimize_index(store)
    if json_out:
        print_json({"segments_before": before, "segments_after": after})
    elif before is None:
        say("optimize: nothing to do (PostgreSQL keeps its search index itself)")
    elif before == after:
        say(f"optimize: nothing to merge (search index in {after} segment(s))")
    else:
        say(f"optimize: search index merged from {before} segments into {after}")
