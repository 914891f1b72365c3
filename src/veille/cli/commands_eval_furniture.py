"""veille CLI commands (commands_eval_furniture): ``veille eval furniture`` — the
page-furniture detector against the labelled lines of tests/data/furniture, and
the furniture left in the story views of a store. Paths default to the ones
of a checkout, run from its root (as the other eval commands)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from veille.cli.base import eval_app, fail


@eval_app.command("furniture")
def eval_furniture(
    labels: Path = typer.Option(Path("tests/data/furniture"), "--labels",
                                help="Labelled lines: a JSONL file or a folder of them "
                                     "(see tests/data/furniture/README.md)."),
    data: Path = typer.Option(Path("../shared/data"), "--data",
                              help="The public dev corpora the labels point into."),
    seeds: Path = typer.Option(Path("examples"), "--seeds", help="Folder of the seed texts."),
    part: str = typer.Option("held-out", "--part",
                             help="held-out (never used to fit the weights), fresh-held-out "
                                  "(session 6), fresh2-held-out (session 7) or fresh3-held-out "
                                  "(session 8), fresh4-held-out (session 9), fresh5-held-out "
                                  "(session 10: labelled after the model was fitted), fresh7-held-out "
                                  "(session 11: SemEval page tails and short lines), fresh8-held-out "
                                  "(session 12: news-clusters and SemEval en/de/es/fr/it), fresh9-held-out "
                                  "(session 13: the same strata, other documents), fresh10-held-out "
                                  "(session 14: the same strata, other documents), fresh11-held-out "
                                  "(session 15: the same strata, other documents), fresh12-held-out "
                                  "(session 17: the same strata, pages of at most 60 lines), "
                                  "fresh13-held-out (session 18: news-clusters, PolNeAR, SemEval "
                                  "en/de/es/fr), fresh14-held-out (session 19: the same with "
                                  "SemEval it and pl), fresh15-held-out (session 20: the same strata, "
                                  "other documents), fresh16-held-out (session 21: the same strata, "
                                  "other documents), tune, or all."),
    db: str = typer.Option("", "--store",
                           help="Also count the summary sentences and timeline items of this "
                                "store's story views that the detector calls furniture."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    show_errors: bool = typer.Option(False, "--errors", help="List missed and false furniture lines."),
) -> None:
    """Precision and recall of the furniture lines veille flags, per labelled line."""
    from sqlalchemy import select

    from veille.analyze.evaluate_furniture import (
        EXPLICIT_PARTS,
        count_view_furniture,
        evaluate,
        load_docs,
        load_labels,
    )
    from veille.analyze.furniture import SiteCounts, line_keys
    from veille.store import Store, line_counts
    from veille.store.schema import articles, stories
    if part not in ("held-out", *EXPLICIT_PARTS, "tune", "all"):
        raise typer.BadParameter(f"--part is held-out, {', '.join(EXPLICIT_PARTS)}, tune or all")
    if not labels.exists():
        raise typer.BadParameter(f"no labels file {labels}")
    if not data.is_dir():
        raise typer.BadParameter(f"no folder {data}: the labels point into the public dev corpora")
    lbs = [lb for lb in load_labels(labels) if part == "all" or lb.part == part]
    score = evaluate(lbs, load_docs(data, seeds))
    out: dict[str, object] = {"part": part, **score.to_dict()}
    views = None
    if db:
        store = Store.open(db)
        try:
            with store.connect() as conn:
                rows = [(int(r.id), r.view) for r in conn.execute(select(stories.c.id, stories.c.view))
                        if r.view]
                texts = {r.uid: (r.text or "", r.language)
                         for r in conn.execute(select(articles.c.uid, articles.c.text, articles.c.language))}
        except Exception as exc:  # a path that is no store
            fail(f"cannot read the store {db}: {exc}")
        finally:
            store.close()
        store = Store.open(db)
        try:
            with store.begin() as conn:
                def site(uid: str, text: str, language: str | None) -> SiteCounts | None:
                    src = line_counts.sources_of(conn, [uid]).get(uid)
                    if src is None:
                        return None
                    got = line_counts.counts(conn, src, uid, line_keys(text, language=language))
                    return SiteCounts(got.articles, got.lines)

                line_counts.ensure(conn)
                views = count_view_furniture(rows, texts.get, site=site)
        finally:
            store.close()
        out["views"] = views.to_dict()
    if as_json:
        if show_errors:
            out["errors"] = [{"kind": k, "doc": d, "line": t} for k, d, t in score.errors]
            if views is not None:
                out["view_furniture"] = [{"part": p, "story": s, "text": t} for p, s, t in views.examples]
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{part}: {out['lines']} lines, {out['furniture']} furniture  "
               f"precision {score.precision:.3f}  recall {score.recall:.3f}  "
               f"(tp {score.tp} fp {score.fp} fn {score.fn})")
    if score.missing:
        typer.echo(f"{score.missing} labels no longer point at their line (not scored)")
    if views is not None:
        typer.echo(f"story views: {views.stories} stories; furniture in {views.summary_furniture} of "
                   f"{views.summary} summary sentences, {views.timeline_furniture} of "
                   f"{views.timeline} timeline items")
    if show_errors:
        for kind, doc, line in score.errors:
            typer.echo(f"  {kind}: {doc}: {line[:160]!r}")
        for p, sid, text in views.examples if views is not None else []:
            typer.echo(f"  {p} of story {sid}: {text[:160]!r}")
