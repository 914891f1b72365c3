"""``veille analyze``: run (or re-run) the per-article analysis."""

from __future__ import annotations

import typer

from veille.cli.base import app, make_progress, open_store, print_json


@app.command()
def analyze(
    ctx: typer.Context,
    all_: bool = typer.Option(False, "--all", help="Re-analyse every article, not only new ones."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Find sentences, entities, quotes, dates and quantities in stored articles."""
    from veille.analyze.service import analyze_pending

    store = open_store(ctx)
    result = analyze_pending(store, redo=all_, progress=make_progress)
    if json_out:
        print_json(result)
    else:
        typer.echo(str(result))
