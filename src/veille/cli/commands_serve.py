"""``veille serve``, ``veille export`` and ``veille search``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer
import uvicorn
from rich.console import Console
from rich.markup import escape

from veille import export as ex
from veille.analyze.lookup import find_entities
from veille.cli.base import app, console, fail, open_store, print_json, printable
from veille.search.index import ensure_indexed
from veille.search.query import Filters, QueryError, search
from veille.store.analyses import load_entities

KINDS = ("stories", "articles", "entities", "quotes")  # as in veille.export
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
) -> None:
    """Serve the web UI and the JSON API (docs at /docs). Writes need $VEILLE_TOKEN."""
    store = open_store(ctx)
    # The web app (FastAPI and its pydantic response models) is imported here, not at
    # the top: ~0.3 s of start-up that only this command needs.
    from veille.web.app import create_app
    from veille.web.serve import uvicorn_options

    web = create_app(store)  # migrates and catches up the search index once, before any worker
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
    uvicorn.run("veille.web.serve:app_from_env", factory=True, host=host, port=port,
                workers=n, **uvicorn_options())


@app.command("export")
def export_cmd(
    ctx: typer.Context,
    kind: str = typer.Argument(..., help="|".join(KINDS)),
    fmt: str = typer.Option("jsonl", "--format", help="|".join(FORMATS)),
    output: str = typer.Option("-", "--output", "-o", help="File to write (- for standard output)."),
) -> None:
    """Export stories, articles, entities or quotes as JSON, JSONL, CSV or Parquet."""
    if kind not in KINDS:
        fail(f"KIND must be one of {', '.join(KINDS)}, not {kind!r}")
    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "parquet" and output == "-" and sys.stdout.isatty():
        fail("parquet is binary: give --output FILE or redirect standard output")
    if output != "-" and not Path(output).parent.is_dir():
        fail(f"--output: the folder {Path(output).parent} does not exist")
    store = open_store(ctx)
    with store.connect() as conn:
        if output == "-":
            ex.export(conn, kind, fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            try:
                fh = Path(output).open("wb")  # noqa: SIM115 - closed by the with below
            except OSError as exc:
                fail(f"--output: cannot write {output}: {exc.strerror or exc}")
            with fh:
                ex.export(conn, kind, fmt, fh)
            console.print(f"wrote {escape(output)}", highlight=False)


@app.command("search")
def search_cmd(
    ctx: typer.Context,
    query: str = typer.Argument(..., help='Words (all must match), "a phrase", -excluded.'),
    source: str = typer.Option(None, help="Only this source."),
    language: str = typer.Option(None, help="Only this language."),
    entity: str = typer.Option(None, help="Only articles mentioning this entity (id or name)."),
    limit: int = typer.Option(10, min=1, max=100, help="How many results."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON (with facets)."),
) -> None:
    """Full-text search over articles (stemmed French/English, BM25 ranking)."""
    store = open_store(ctx)
    ensure_indexed(store)
    with store.connect() as conn:
        if entity:  # a name -> its entity id; an ambiguous name lists the candidates
            found = find_entities(entity, load_entities(conn))
            if len(found) != 1:
                fail(f"entity {entity!r}: " + ("; ".join(f"{r.entity_id} ({r.canonical})" for r in found)
                                                 if found else "no entity by that name or id"))
                return
            entity = found[0].entity_id
        try:
            res = search(conn, query, Filters(source=source, language=language, entity=entity),
                         limit=limit, facets=json_out)
        except QueryError as exc:
            fail(str(exc))
            return
    res.pop("next", None)
    if json_out:
        print_json(res)
        return
    # emoji=False: a ":100:" in a title stays text; printable(): no control characters.
    out = Console(emoji=False, highlight=False)
    out.print(f"{res['total']} article(s)", highlight=False)
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
                  f"{escape(printable(r['published'] or 'undated'))}[/dim]")
        out.print(("… " if snip.get("prefix") else "") + "".join(parts).replace("\n", " ")
                  + (" …" if snip.get("suffix") else ""))
