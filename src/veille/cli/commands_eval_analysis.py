"""veille CLI commands (commands_eval_analysis): ``veille eval analysis GOLD``."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from veille.cli.base import app, eval_app  # noqa: F401
from veille.lang import SUPPORTED


@eval_app.command("analysis")
def eval_analysis(
    gold: Path = typer.Argument(..., exists=True, help="Gold JSON file or a directory of them."),
    texts: list[Path] = typer.Option(  # noqa: B008
        [], "--texts", help="Directory holding the articles named by the gold's 'file' (repeatable)."
    ),
    language: str = typer.Option(SUPPORTED[0], "--language",
                                 help="Language when the gold does not say."),
    as_json: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
    show_errors: bool = typer.Option(False, "--errors", help="List misses and wrong values."),
) -> None:
    """P/R/F1 of entities, linking, quotes, times and quantities against hand-labelled gold."""
    from veille.analyze.evaluate import evaluate
    from veille.ingest.normalize import normalize_text
    rep = evaluate(gold, texts=texts, language=language, normalize=normalize_text)
    if as_json:
        typer.echo(json.dumps(rep.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(f"articles: {len(rep.articles)}")
    typer.echo(f"{'field':<22}{'P':>8}{'R':>8}{'F1':>8}{'acc':>8}   counts")
    for name, s in rep.scores.items():
        if "f1" in s:
            typer.echo(f"{name:<22}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{'':>8}"
                       f"   tp={s['tp']} pred={s['pred']} gold={s['gold']}")
        else:
            typer.echo(f"{name:<22}{'':>24}{s['accuracy']:>8.3f}   {s['correct']}/{s['total']}")
    if "missing_texts" in rep.errors:
        typer.echo(f"texts not found: {', '.join(rep.errors['missing_texts'])}", err=True)
    if show_errors:
        for fld, lst in rep.errors.items():
            for e in lst:
                typer.echo(f"  [{fld}] {e}")
