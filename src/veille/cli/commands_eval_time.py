"""veille CLI commands (commands_eval_time): ``veille eval timebank DIR`` and
``veille eval recognizers DIR`` — quality of time expressions and quantities
against public labelled data."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from veille.cli.base import app, eval_app  # noqa: F401


@eval_app.command("timebank")
def eval_timebank(
    directory: Path = typer.Argument(..., exists=True, file_okay=False,
                                     help="Folder of ISO-TimeML .tml files (French TimeBank)."),
    language: str = typer.Option(
        "auto", "--language",
        help="Language of the documents (ISO 639-1), or 'auto' to detect it from them."),
    part: str = typer.Option("all", "--part",
                             help="Document half: a (crc32(file name) even), b (odd) or all."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    show_errors: bool = typer.Option(False, "--errors", help="List misses, spurious and wrong values."),
    parse: bool = typer.Option(True, "--parse/--no-parse",
                               help="Give the extractor the spaCy parse, as the analysis does "
                                    "(tense of governing verbs)."),
) -> None:
    """Extraction (strict/relaxed) and normalisation (value) P/R/F1 of extract_times."""
    from veille.analyze.timebank import evaluate

    try:
        rep, errors = evaluate(directory, None if language == "auto" else language, parse=parse,
                               part=part)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    if as_json:
        out = dict(rep)
        if show_errors:
            out["errors"] = [e.__dict__ for e in errors]
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    typer.echo(f"language: {rep['language']}  parse: {rep['parse']}  part: {rep['part']}  "
               f"documents: {rep['documents']}  "
               f"gold: {rep['gold']}  system: {rep['system']}")
    typer.echo(f"{'':<10}{'P':>8}{'R':>8}{'F1':>8}")
    for key in ("strict", "relaxed", "value", "type"):
        s = rep[key]
        assert isinstance(s, dict)
        typer.echo(f"{key:<10}{s['p']:>8.2f}{s['r']:>8.2f}{s['f1']:>8.2f}")
    typer.echo(f"value accuracy on relaxed matches: {rep['value_accuracy_on_relaxed']:.2f}")
    by_type = rep["by_type"]
    assert isinstance(by_type, dict)
    typer.echo("per type (recall on gold type, precision on system type):")
    typer.echo(f"{'type':<10}{'gold':>6}{'sys':>6}{'rel P':>8}{'rel R':>8}{'rel F1':>8}"
               f"{'val P':>8}{'val R':>8}{'val F1':>8}")
    for k, row in by_type.items():
        rel, val = row.get("relaxed"), row.get("value")
        if not (isinstance(rel, dict) and isinstance(val, dict)):
            continue
        typer.echo(f"{k:<10}{row['gold']:>6}{row['system']:>6}{rel['p']:>8.2f}{rel['r']:>8.2f}"
                   f"{rel['f1']:>8.2f}{val['p']:>8.2f}{val['r']:>8.2f}{val['f1']:>8.2f}")
    by_method = rep["by_method"]
    assert isinstance(by_method, dict)
    typer.echo("per method (precision: gold has no method):")
    typer.echo(f"{'method':<28}{'sys':>6}{'rel P':>8}{'val P':>8}")
    for k, row in sorted(by_method.items(), key=lambda kv: -kv[1]["system"]):
        typer.echo(f"{k:<28}{row['system']:>6}{row['relaxed_p']:>8.2f}{row['value_p']:>8.2f}")
    if show_errors:
        for e in errors:
            typer.echo(f"  [{e.kind}] {e.doc}: gold={e.gold} sys={e.system} | {e.context!r}")


@eval_app.command("times-gold")
def eval_times_gold(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False,
                                help="Hand gold, e.g. tests/data/gold/semeval_times_de_es_it.json."),
    data: Path = typer.Option(Path("../shared/data/semeval2022-task8/training_set.csv"), "--data",
                              exists=True, dir_okay=False, help="The SemEval CSV the gold points into."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Time expressions in languages with no TimeBank: extraction P/R/F1, values."""
    from veille.analyze.timebank import evaluate_semeval_gold

    rep = evaluate_semeval_gold(gold, data)
    if as_json:
        typer.echo(json.dumps(rep, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{'lang':<6}{'gold':>6}{'sys':>6}{'P':>8}{'R':>8}{'F1':>8}{'values':>10}")
    for lang, r in rep.items():
        typer.echo(f"{lang:<6}{r['gold']:>6}{r['system']:>6}{r['p']:>8.2f}{r['r']:>8.2f}"
                   f"{r['f1']:>8.2f}{str(r['value_correct']) + '/' + str(r['gold_with_value']):>10}")


@eval_app.command("recognizers")
def eval_recognizers(
    directory: Path = typer.Argument(..., exists=True, file_okay=False,
                                     help="Folder of Recognizers-Text French spec JSON files."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    show_errors: bool = typer.Option(
        False, "--errors",
        help="List the cases we miss in the tune half (the held-out half is never listed)."),
) -> None:
    """Share of Recognizers-Text cases resolved exactly, per model: the whole count (every
    case but those the spec marks NotSupportedByDesign), its tune and held-out halves, and
    the old narrow scope ("supported")."""
    from veille.analyze.recognizers import run_all

    reports = run_all(directory)
    if as_json:
        typer.echo(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
        return
    typer.echo(f"{'model':<13}{'counted':>8}{'exact':>7}{'all %':>8}{'tune %':>8}{'held %':>8}"
               f"{'supported':>11}{'exact':>7}{'share %':>9}")
    for r in reports:
        d = r.to_dict()
        typer.echo(f"{r.model:<13}{r.counted:>8}{r.counted_exact:>7}{r.share():>8.2f}"
                   f"{r.share('tune'):>8.2f}{r.share('heldout'):>8.2f}"
                   f"{r.supported:>11}{r.exact:>7}{d['share_exact']:>9.2f}")
        for reason, n in sorted(r.by_reason.items()):
            typer.echo(f"{'':<13}  outside the narrow scope: {reason}: {n}")
        if show_errors:
            for f in r.failures:
                typer.echo(f"    {f}")


@eval_app.command("quantities")
def eval_quantities(
    gold: Path = typer.Argument(Path("tests/data/quantities/gold.jsonl"), exists=True,
                                dir_okay=False, help="Quantity gold (tests/data/quantities)."),
    data: Path = typer.Option(Path("../shared/data"), "--data", exists=True, file_okay=False,
                              help="Folder of the public dev sets the gold points into."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    show_errors: bool = typer.Option(False, "--errors",
                                     help="List the tune half's errors (never the held-out)."),
    parse: bool = typer.Option(True, "--parse/--no-parse",
                               help="Give the extractor the spaCy parse, as the analysis does."),
) -> None:
    """P/R of quantity extraction (value; value+unit+counted noun) per tune/held-out half."""
    from veille.analyze.quantities.evaluate import evaluate_gold

    rep = evaluate_gold(gold, data, parse=parse)
    if as_json:
        typer.echo(json.dumps(rep, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{'split':<9}{'gold':>6}{'sys':>6}{'val P':>8}{'val R':>8}{'all P':>8}{'all R':>8}")
    for name, s in [*rep["splits"].items(), ("all", rep["all"])]:
        typer.echo(f"{name:<9}{s['gold']:>6}{s['system']:>6}{s['value_p']:>8.3f}"
                   f"{s['value_r']:>8.3f}{s['all_p']:>8.3f}{s['all_r']:>8.3f}")
    if show_errors:
        for e in rep["errors_tune"]:
            typer.echo(f"    {e}")
