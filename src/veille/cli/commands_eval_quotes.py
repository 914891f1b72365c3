"""veille CLI commands (commands_eval_quotes): ``veille eval quotes DIR`` — who said
what, against an attribution gold in brat standoff (PolNeAR, the French gold)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from veille.cli.base import app, eval_app  # noqa: F401


@eval_app.command("quotes")
def eval_quotes(
    directory: Path = typer.Argument(..., exists=True, file_okay=False,
                                     help="Folder with text/*.txt and attributions/*.ann (brat)."),
    language: str = typer.Option("en", "--language", help="Language of the documents (ISO 639-1)."),
    part: str = typer.Option("all", "--part",
                             help="all, or tune/check: the even/odd CRC32 halves of the documents "
                                  "(a gold.json's own held-out list when it has one)."),
    limit: int = typer.Option(0, "--limit", help="Read only the first N documents (0: all)."),
    texts: list[Path] = typer.Option(
        [], "--texts", metavar="PATH",
        help="Where the texts of a gold.json are: a folder (.txt or TimeBank .tml) or a SemEval "
             "CSV (semeval-<id> documents); repeat for several."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    show_errors: bool = typer.Option(False, "--errors", help="List misses, spurious quotes, wrong speakers."),
    learn_frames: bool = typer.Option(
        False, "--learn-frames",
        help="Print the cue frames (verb lemma -> relations) the gold's part teaches, "
             "for a language pack's cue_frames (use --part tune), instead of scoring."),
) -> None:
    """Content P/R/F1 (overlap >= 50%) and speaker accuracy of the quotes veille finds."""
    from veille.analyze.evaluate_quotes import evaluate, learn_cue_frames

    if part not in ("all", "tune", "check"):
        raise typer.BadParameter("--part is all, tune or check")
    if learn_frames:
        frames = learn_cue_frames(directory, language, part, limit or None)
        for lemma, kept in sorted(frames.items()):
            rels = ", ".join(f'"{r}"' for r, *_ in kept)
            counts = "; ".join(f"{r} cue {n}, {h}/{o}" for r, n, o, h in kept)
            typer.echo(f'    "{lemma}": ({rels},),  # {counts}')
        return
    try:
        rep = evaluate(directory, language, part, limit or None, texts)
    except (ValueError, FileNotFoundError) as exc:
        raise typer.BadParameter(str(exc)) from exc
    out = rep.as_dict()
    if as_json:
        if show_errors:
            out["errors"] = rep.errors
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    tot = out["total"]
    assert isinstance(tot, dict)
    typer.echo(f"documents: {out['documents']}  gold: {tot['gold']}  system: {out['system']}")
    typer.echo(f"content (overlap)  P {out['precision']:.3f}  R {out['recall']:.3f}  F1 {out['f1']:.3f}")
    typer.echo(f"speaker accuracy on found: {tot['speaker_accuracy']:.3f} "
               f"({tot['speaker_ok']}/{tot['with_source']}); strict pronoun stand-in "
               f"{tot['speaker_accuracy_nearest']:.3f} ({tot['speaker_ok_nearest']}/{tot['with_source']}); "
               f"literal role nouns {tot['speaker_accuracy_literal_roles']:.3f} "
               f"({tot['speaker_ok_literal_roles']}/{tot['with_source']})")
    typer.echo(f"recall with the right speaker: {tot['recall_right_speaker']:.3f} "
               f"({tot['found_right_speaker']}/{tot['gold']})")
    typer.echo(f"{'split':<16}{'gold':>6}{'found':>7}{'recall':>8}{'w/src':>7}{'spk acc':>9}")
    for group in ("by_marks", "by_source"):
        rows = out[group]
        assert isinstance(rows, dict)
        for k, v in rows.items():
            typer.echo(f"{k:<16}{v['gold']:>6}{v['found']:>7}{v['recall']:>8.3f}"
                       f"{v['with_source']:>7}{v['speaker_accuracy']:>9.3f}")
    rows = out["by_method"]
    assert isinstance(rows, dict)
    typer.echo(f"{'method':<28}{'sys':>6}{'P':>8}")
    for k, v in rows.items():
        typer.echo(f"{k:<28}{v['system']:>6}{v['precision']:>8.3f}")
    if show_errors:
        for e in rep.errors:
            typer.echo("  " + " | ".join(f"{k}={v}" for k, v in e.items()))
