"""``veille analyze``: run (or re-run) the per-article analysis."""

from __future__ import annotations

import typer

from veille.cli.base import app, make_progress, open_store, print_json, say


@app.command()
def analyze(
    ctx: typer.Context,
    all_: bool = typer.Option(False, "--all", help="Re-analyse every article, not only new ones."),
    outdated: bool = typer.Option(
        False, "--outdated",
        help="Also re-analyse articles analysed by an earlier version of veille's extractors, "
        "and re-embed those whose vector another encoder or recipe made."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Find sentences, entities, quotes, dates and quantities in stored articles."""
    from veille.analyze.embedding import embed_outdated
    from veille.analyze.service import drop_for_reanalysis
    from veille.services.pipeline import analyse_pending
    store = open_store(ctx)
    drop_for_reanalysis(store, redo=all_, outdated=outdated)
    with make_progress() as progress:
        task = progress.add_task("analyse", total=None)

        def on_progress(stage: str, advance: int, total: int | None) -> None:
            if total is not None:
                progress.update(task, total=total)
            if advance:
                progress.advance(task, advance)

        result = analyse_pending(store, on_progress=on_progress)
        if outdated or all_:  # vectors of another encoder or recipe (veille.embedding.v1)
            vectors = embed_outdated(store, on_batch=lambda n: on_progress("embed", n, None))
            if any(vectors.values()):  # said only when there was something to redo
                result["vectors"] = vectors
    if json_out:
        print_json(result)
    else:
        say(f"analyse: {result['analyzed']} articles analysed")  # a message: stderr, as ingest's
        if "vectors" in result:
            say(f"embed: {result['vectors']['embedded']} articles re-embedded, "
                f"{result['vectors']['dropped_other_models']} vectors of other models dropped")
