"""veille CLI commands (commands_eval_entities): ``veille eval entities PATH`` —
entity recognition and cross-document linking against public gold (HIPE-2022,
CoNLL-2003); see veille.analyze.evaluate_entities."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from veille.cli.base import app, eval_app  # noqa: F401


@eval_app.command("entities")
def eval_entities(
    path: Path = typer.Argument(..., exists=True,
                                help="HIPE-2022 folder or .tsv file, or a CoNLL-2003 file."),
    part: str = typer.Option("all", "--part",
                             help="Document half: a (crc32(doc id) even), b (odd) or all."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    show_errors: bool = typer.Option(False, "--errors", help="Add linking merges/splits or NER misses."),
    gold_spans: bool = typer.Option(False, "--gold-spans",
                                    help="HIPE: link the gold mentions (the linker alone, "
                                         "perfect boundaries and labels)."),
) -> None:
    """NER exact/fuzzy P/R/F1 per label, and linking as clustering (B-cubed) for HIPE."""
    from veille.analyze.evaluate_entities import evaluate

    try:
        rep = evaluate(path, part, errors=show_errors, gold_spans=gold_spans)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    if as_json:
        typer.echo(json.dumps(rep, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{rep['corpus']} {', '.join(rep['files'])}  part={rep['part']}  documents={rep['documents']}")
    for key in ("ner_exact", "ner_fuzzy"):
        typer.echo(f"{key:<12}{'P':>8}{'R':>8}{'F1':>8}   counts")
        for lab, s in rep[key].items():
            typer.echo(f"  {lab:<10}{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}"
                       f"   tp={s['tp']} pred={s['pred']} gold={s['gold']}")
    if "linking" in rep:
        lk = rep["linking"]
        typer.echo(f"linking (B-cubed) over {lk['found']}/{lk['gold_mentions_with_qid']} "
                   "gold mentions with a QID found")
        for name in ("system", "baseline_text", "baseline_gold_text"):
            s = lk[name]
            typer.echo(f"  {name:<20}P={s['p']:.4f} R={s['r']:.4f} F1={s['f1']:.4f}")
    if show_errors:
        for e in rep.get("linking_errors", rep.get("errors", [])):
            typer.echo(f"  {json.dumps(e, ensure_ascii=False)}")
