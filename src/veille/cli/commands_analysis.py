"""``veille analyze``: run (or re-run) the per-article analysis."""

from __future__ import annotations

import typer

from veille.analyze.service import analyze_pending
from veille.cli.base import app, make_progress, open_store, print_json


@app.command()
def analyze(
    ctx: typer.Context,
    all_: bool = typer.Option(False, "--all", help="Re-analyse every article, not only new ones."),
    outdated: bool = typer.Option(
        False, "--outdated",
        help="Also re-analyse articles analysed by an earlier version of veille's extractors."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Find sentences, entities, quotes, dates and quantities in stored articles."""
    store = open_store(ctx)
    result = analyze_pending(store, redo=all_, outdated=outdated, progress=make_progress)
    if json_out:
        print_json(result)
    else:
        typer.echo(f"analyse: {result['analyzed']} articles analysed")
