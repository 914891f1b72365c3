"""``veille cluster | stories | story`` and ``veille eval clustering | semeval``."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from veille.cli.base import (
    ID_MAX,
    LIMIT_MAX,
    app,
    check_sort,
    console,
    eval_app,
    fail,
    open_store,
    out_console,
    plain,
    print_json,
    printable,
    resolve_filters,
    say,
    settings_of,
    since_option,
    sort_option,
    until_option,
)
from veille.cli.choices import STORY_SORTS
from veille.cli.render import story_article_lines
from veille.core.errors import VeilleError
from veille.core.settings import MAX_ARTICLE_BYTES


@app.command()
def cluster(
    ctx: typer.Context,
    rebuild: bool = typer.Option(False, "--rebuild", help="Forget all stories and recluster."),
    views: bool = typer.Option(True, "--views/--no-views", help="Refresh story views after."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Assign unassigned articles to stories (all articles with --rebuild)."""
    from veille.services.pipeline import PipelineOptions
    from veille.services.pipeline import cluster as run_cluster
    report = run_cluster(open_store(ctx), PipelineOptions(rebuild=rebuild, views=views))
    if json_out:
        print_json(report)
    else:
        console.print(
            f"{report.get('assigned', 0)} articles assigned; {report.get('stories', 0)} stories "
            f"({report.get('new_stories', 0)} new, {report.get('chained', 0)} linked to an "
            f"earlier story, {report.get('merges', 0)} merged)",
            highlight=False,
        )


@app.command()
def stories(
    ctx: typer.Context,
    limit: int = typer.Option(None, "--limit", min=1, max=LIMIT_MAX, help="Largest N stories only."),
    json_out: bool = typer.Option(False, "--json", help="JSON list of stories."),
    since: str = since_option(),
    until: str = until_option(),
    language: str = typer.Option(None, "--language", help="Only stories with an article in this language."),
    source: str = typer.Option(None, "--source", help="Only stories with an article from this source: "
                               "a domain with or without www. (rt.com), or an outlet name."),
    entity: str = typer.Option(None, "--entity", help="Only stories mentioning this entity: an id "
                               "(per:shinzo-abe) or a name; an ambiguous name lists the candidates."),
    sort: str = sort_option(STORY_SORTS, "size"),
) -> None:
    """List stories, largest first (most recent first with --sort date)."""
    from veille.services.queries import list_stories
    from veille.stories.render import clip
    check_sort(sort, STORY_SORTS)
    with open_store(ctx).connect() as conn:
        filters = resolve_filters(conn, since=since, until=until, language=language,
                                  source=source, entity=entity)
        rows = list_stories(conn, filters, sort=sort, limit=limit)
    if json_out:
        print_json(rows)
        return
    if not rows:
        say("no story matches")
        return
    t = Table("id", "size", "first", "last", "lang", "title")
    for r in rows:
        t.add_row(
            str(r["id"]),
            str(r["size"]),
            plain(r["first_published"] or ""),
            plain(r["last_published"] or ""),
            plain(",".join(r["languages"])),
            plain(clip(r["title"] or "", 80)),
        )
    out_console().print(t)


@app.command()
def story(
    ctx: typer.Context,
    story_id: int = typer.Argument(..., min=1, max=ID_MAX, help="Story id (from `veille stories`)."),
    json_out: bool = typer.Option(False, "--json", help="The story as JSON."),
    lang: str | None = typer.Option(
        None, "--lang", help="Reader's language (e.g. fr): title, facts and summary in it where "
        "the story has them, citing the other languages (default: the story's main language)."),
    all_events: bool = typer.Option(
        False, "--all-events", help="Every timeline line of the story's own dates (default: the "
        "events several sources carry)."),
) -> None:
    """One story: its articles and its links to earlier/later stories."""
    from veille.cluster import repository as repo
    from veille.store import story_aliases
    from veille.store.articles import read_story_articles
    from veille.stories.render import render_lines
    from veille.stories.service import get_story_view
    from veille.stories.sources import outlet_of
    from veille.stories.title import first_line
    from veille.stories.view import is_current
    store = open_store(ctx)
    with store.connect() as conn:
        found = story_aliases.resolve(conn, story_id)  # a merged id leads to its absorber
        row = repo.get_story(conn, found.story_id) if found is not None else None
    if found is None or row is None:
        fail(f"no story {story_id}", code=1)
        return
    if found.merged:
        say(found.message())
        story_id = found.story_id
        # as the API does: the surviving story, and how the asked id got there
        row["merged_into"], row["merged_path"] = found.story_id, found.path
    if row.get("view") and not is_current(row["view"]):
        # saved by an earlier version of veille: rebuilt (and saved) now
        row["view"] = get_story_view(store, story_id)
    if lang and row.get("view"):
        row["view"] = get_story_view(store, story_id, lang=lang)
    if json_out:
        print_json(row)
        return
    # Plain stdout, no rich markup: titles and quotes are untrusted article text.
    view = row.get("view")
    if view:
        lines = render_lines(view, all_events=all_events)
        lines[0] = f"#{row['id']} {lines[0]}"
    else:
        lines = [f"#{row['id']} {row['title'] or '(untitled)'}",
                 f"{row['size']} articles, {row['first_published']} .. {row['last_published']}"]
    if row["predecessor"]:
        lines.append(f"follows story #{row['predecessor']}")
    if row["successors"]:
        lines.append(f"continued in: {', '.join('#' + str(s) for s in row['successors'])}")
    with store.connect() as conn:
        arts = [{"id": a.uid, "title": a.title, "outlet": outlet_of(a.source, a.url),
                 "published": a.published, "language": a.language,
                 "first_line": None if (a.title or "").strip() else first_line(a.text)}
                for a in read_story_articles(conn, story_id)]
    lines.append(f"articles ({len(arts)}; date, language, outlet, title, id):")
    shown = {a["id"] for a in arts}
    copies = [uid for uid in row["articles"] if uid not in shown]
    typer.echo("\n".join([*(printable(line) for line in lines), *story_article_lines(arts)]))
    if copies:
        typer.echo(printable(f"exact copies folded into these: {', '.join(copies)}"))


def eval_clustering_file(
    path: Path, label: str = "story", analyze: bool = False, max_bytes: int = MAX_ARTICLE_BYTES
) -> dict[str, Any]:
    """Ingest a labelled JSONL into a temporary store, cluster it, score it."""
    from veille.cluster import repository as repo
    from veille.cluster.bcubed import bcubed
    from veille.ingest.decode import loads_bounded
    from veille.ingest.sources import SourceOptions, read_paths
    from veille.services.pipeline import PipelineOptions, run_pipeline
    from veille.services.pipeline import cluster as run_cluster
    from veille.store import Store
    gold: dict[str, Any] = {}
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                r = loads_bounded(line)
            except (json.JSONDecodeError, VeilleError):
                continue  # the ingest rejects it with its reason (counted in "rejected")
            if not isinstance(r, dict) or r.get(label) is None:
                continue
            # The id the reader gives the article: its own, else file name + line.
            uid = r.get("id")
            key = str(uid) if uid not in (None, "") else f"{path.name}#L{lineno}"
            value = r[label]
            gold[key] = json.dumps(value, sort_keys=True) if isinstance(value, dict | list) else value
    with tempfile.TemporaryDirectory(prefix="veille-eval-") as tmp:
        store = Store.open(str(Path(tmp) / "eval.db"))
        run = run_pipeline(
            store, read_paths([str(path)], SourceOptions(fmt="jsonl", max_bytes=max_bytes)),
            PipelineOptions(analyze=analyze, views=False, max_bytes=max_bytes),
        )
        rep, t_ingest = run.ingest, run.seconds["ingest"]
        cl = run.cluster if run.cluster is not None else run_cluster(store, PipelineOptions(views=False))
        with store.connect() as conn:
            rows = repo.list_stories(conn)
            preds = {
                s["id"]: s.get("predecessor") for s in [repo.get_story(conn, r["id"]) for r in rows] if s
            }
        store.close()
    story_of = {uid: r["id"] for r in rows for uid in r["articles"]}
    root = {}
    for sid in preds:
        x, seen = sid, 0
        while preds.get(x) and seen < 10_000:
            x, seen = preds[x], seen + 1
        root[sid] = x
    chain_of = {uid: root.get(s, s) for uid, s in story_of.items()}
    p, r, f = bcubed(story_of, gold)
    cp, cr, cf = bcubed(chain_of, gold)
    n = cl.get("assigned", 0) or 1
    return {
        "file": str(path),
        "articles": len(gold),
        "ingested": len(rep.added),
        "rejected": len(rep.rejects),
        "gold_stories": len(set(gold.values())),
        "stories": len(rows),
        "chains": len(set(chain_of.values())),
        "bcubed": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)},
        "bcubed_chains": {"precision": round(cp, 4), "recall": round(cr, 4), "f1": round(cf, 4)},
        "ms_per_article": round(1000 * cl.get("seconds", 0.0) / n, 3),
        "ms_per_article_ingest": round(1000 * t_ingest / n, 3),
        "unassigned_gold": sum(1 for u in gold if u not in story_of),
        "params_version": cl.get("params_version"),
    }


@eval_app.command("clustering")
def eval_clustering(
    ctx: typer.Context,
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="Labelled JSONL."),
    label: str = typer.Option("story", "--label", help="Field holding the gold story."),
    analyze: bool = typer.Option(
        False, "--analyze/--no-analyze", help="Run the analysis stage first (entities, dates)."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """B-cubed precision/recall/F1 of streaming clustering against a gold `story` field."""
    res = eval_clustering_file(path, label, analyze, settings_of(ctx).max_article_bytes)
    if json_out:
        print_json(res)
        return
    b, c = res["bcubed"], res["bcubed_chains"]
    typer.echo(f"B-cubed precision {b['precision']:.4f}  recall {b['recall']:.4f}  F1 {b['f1']:.4f}")
    typer.echo(
        f"stories {res['stories']} (gold {res['gold_stories']}), articles "
        f"{res['articles']}, time per article {res['ms_per_article']:.2f} ms"
    )
    typer.echo(
        f"chains {res['chains']}: B-cubed precision {c['precision']:.4f}  recall "
        f"{c['recall']:.4f}  F1 {c['f1']:.4f}"
    )


@eval_app.command("semeval")
def eval_semeval(
    path: Path = typer.Argument(
        ..., exists=True, dir_okay=False, help="SemEval-2022 Task 8 CSV (training_set.csv)."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    dated: bool = typer.Option(
        False, "--dated",
        help="Also score with each article dated by its id (the time gap counts, as on real news).",
    ),
) -> None:
    """Pearson of article similarity with gold Overall (negated), per language pair."""
    from veille.cluster.semeval import evaluate_pairs
    res = evaluate_pairs(path, dated=dated)
    if json_out:
        print_json(res)
        return
    typer.echo(f"{'pair':8} {'n':>5} {'pearson':>8} {'(of p)':>7} {'P':>6} {'R':>6} {'F1':>6} {'n(F1)':>6}")
    for pair, v in res["by_pair"].items():
        s = v["same_story"]
        pr = f"{v['pearson']:.3f}" if v["pearson"] is not None else "-"
        pp = f"{v['pearson_p']:.3f}" if v["pearson_p"] is not None else "-"
        typer.echo(
            f"{pair:8} {v['n']:>5} {pr:>8} {pp:>7} {s['precision']:6.3f} {s['recall']:6.3f} "
            f"{s['f1']:6.3f} {s['n']:>6}"
        )
    enc = res.get("encoder")
    if enc:
        typer.echo(
            f"\nwith the encoder, learned on {enc['learned_on']} pairs, reported on the other "
            f"{enc['held_out']} ({enc['held_out_cross']} cross-language; {enc['split']}):"
        )
        for name in ("before", "after", "clustering_model"):
            v = enc[name]
            typer.echo(
                f"  {name:16} pearson {v['pearson']:.3f}  cross-language {v['pearson_cross']:.3f}  "
                f"same-story F1 cross-language {v['same_story_cross']['f1']:.3f} "
                f"(all {v['same_story_all']['f1']:.3f})"
            )
    for name, what_half in (("ingest_check", "held-out half 1"), ("ingest_check_tune", "tuning half 0")):
        ing = res.get(name)
        if not ing:
            continue
        n = (ing.get("orders") or {}).get("n", 1)
        typer.echo(f"\n{what_half} streamed into one clusterer ({ing['articles']} articles; "
                   f"pair order, then mean [min-max] over {n} arrival orders):")
        for key, what in (("same_story", "same story, in one story"), ("unrelated", "unrelated, apart")):
            for kind in ("cross_language", "same_language"):
                v = ing[f"{key}_{kind}"]
                n_ok = v["together"] if key == "same_story" else v["pairs"] - v["together"]
                line = f"  {what:26} {kind.replace('_', '-'):14} {n_ok}/{v['pairs']}"
                o = (ing.get("orders") or {}).get(f"{key}_{kind}")
                if o:
                    pairs = o["pairs"]
                    mean, lo, hi = o["together_mean"], o["together_min"], o["together_max"]
                    if key == "unrelated":  # shown as apart
                        mean, lo, hi = pairs - mean, pairs - hi, pairs - lo
                    line += f"   mean {mean:.2f} [{lo}-{hi}]"
                typer.echo(line)
    if res.get("dated"):
        d = res["dated"]
        typer.echo(f"\ndated by id ({d['clock']['days_per_million_ids']} days per million ids, "
                   f"fitted on {d['clock']['fitted_on']} articles), held-out half 1, mean over orders:")
        v = d["clustering_model"]
        typer.echo(f"  clustering model pearson {v['pearson']:.3f}  cross-language {v['pearson_cross']:.3f}  "
                   f"same-story F1 cross-language {v['same_story_cross']['f1']:.3f}")
        for name in ("ingest_check", "ingest_check_tune"):
            ing = d[name]
            for kind in ("same_story_cross_language", "unrelated_cross_language",
                         "same_story_same_language", "unrelated_same_language"):
                o, c = ing["orders"][kind] if "orders" in ing else ing[kind], ing["chains"][kind]
                mean = o.get("together_mean", o.get("together"))
                typer.echo(f"  half {ing['half']} {kind:27} together {mean:.2f}/{o['pairs']} "
                           f"(chains {c['together_mean']:.2f})")
