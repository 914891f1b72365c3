"""``veille entities``, ``veille entity ...`` and ``veille corrections``: find
entities by name, see why names were linked, and correct the linking."""

from __future__ import annotations

import sys
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from veille.cli.base import (
    app,
    fail,
    json_option,
    open_store,
    plain,
    print_json,
    printable,
    say,
)
from veille.core.model import CorrectionAction, EntityCorrection

#: exit code of a correction that cannot be made or an entity that is not there
NOT_FOUND = 1


def _data_console() -> Console:
    """Tables are data: stdout, no markup or emoji read from untrusted names."""
    return Console(emoji=False, highlight=False)

entity_app = typer.Typer(help="Show one entity, or correct the linking (merge, split, detach, rename).",
                         no_args_is_help=True)
app.add_typer(entity_app, name="entity")

_BY = typer.Option("", "--by", help="Who makes the correction (kept with it).")
_NOTE = typer.Option("", "--note", help="Why (kept with the correction).")


@app.command()
def entities(
    ctx: typer.Context,
    search: str = typer.Option(None, "--search", "-s", help="A name as a reader writes it "
                               "(\"Shinzo Abe\", \"Abe\", \"États-Unis\"): the entities it can name."),
    label: str = typer.Option(None, "--label", help="PER, ORG, LOC or MISC."),
    limit: int = typer.Option(50, "--limit", min=1, max=10_000),
    json_out: bool = json_option(),
) -> None:
    """List entities, most mentioned first, or those a name can refer to."""
    from veille.analyze.lookup import find_entities
    from veille.store import analyses as aq
    if search is not None and (not search.strip() or len(search) > 200):
        fail("--search needs a name of 1 to 200 characters", 2)
    store = open_store(ctx)
    with store.connect() as conn:
        records = aq.load_entities(conn)
    if search is not None:
        records = find_entities(search, records)
    else:
        records.sort(key=lambda r: (-r.n_mentions, r.entity_id))
    if label:
        records = [r for r in records if r.label == label.upper()]
    records = records[:limit]
    rows: list[dict[str, Any]] = [
        {"id": r.entity_id, "name": r.canonical, "label": r.label, "mentions": r.n_mentions,
         "aliases": list(r.aliases), "languages": list(r.languages)} for r in records]
    if json_out:
        print_json(rows)
        return
    if not rows:
        say("no entity" + (f" can be named {search!r}" if search else ""))
        return
    table = Table("id", "name", "label", "mentions", "aliases")
    for row in rows:
        table.add_row(plain(row["id"]), plain(row["name"]), row["label"], str(row["mentions"]),
                      plain(", ".join(row["aliases"][:6]) + (" …" if len(row["aliases"]) > 6 else "")))
    _data_console().print(table)


@entity_app.command("show")
def show(
    ctx: typer.Context,
    entity_id: str = typer.Argument(..., help="Entity id (see `veille entities --search NAME`)."),
    json_out: bool = json_option(),
) -> None:
    """One entity: its names, why each was linked to it, and its corrections."""
    from veille.store import corrections as cq
    store = open_store(ctx)
    with store.connect() as conn:
        rec = cq.entity_records(conn, [entity_id]).get(entity_id)
        fixes = cq.list_corrections(conn, entity_id=entity_id)
    if rec is None:
        merged = next((c for c in fixes if c.action == "merge" and c.entity_id == entity_id), None)
        if merged is not None:
            fail(f"entity {entity_id!r} was merged into {merged.target_id!r}", NOT_FOUND)
        fail(f"no entity with id {entity_id!r}", NOT_FOUND)
    data: dict[str, Any] = {
        "id": rec.entity_id, "name": rec.canonical, "label": rec.label, "mentions": rec.n_mentions,
        "languages": list(rec.languages),
        "aliases": [{"name": a, "count": rec.alias_counts.get(a, 0), "evidence": rec.evidence.get(a)}
                    for a in rec.aliases],
        "corrections": [c.to_dict() for c in fixes],
    }
    if json_out:
        print_json(data)
        return
    con = _data_console()
    con.print(plain(f"{rec.canonical}  ({rec.entity_id}, {rec.label}, {rec.n_mentions} mentions)"))
    table = Table("name", "mentions", "why it is this entity")
    for a in data["aliases"]:
        table.add_row(plain(a["name"]), str(a["count"]), plain(a["evidence"] or "its own name"))
    con.print(table)
    for c in fixes:
        con.print(plain(_describe(c)))


def _describe(c: EntityCorrection) -> str:
    who = f" by {c.author}" if c.author else ""
    what = {
        "merge": f"merged {c.entity_id} into {c.target_id}",
        "split": f"split {', '.join(c.aliases)} from {c.entity_id} as {c.target_id}",
        "detach": f"detached the mention {c.article_uid}[{c.start}:{c.end}] from {c.entity_id}",
        "rename": f"renamed {c.entity_id} to {c.name}",
    }[c.action]
    note = f" ({c.note})" if c.note else ""
    return f"#{c.id} {c.created_at[:19]}{who}: {what}{note}"


def _run(ctx: typer.Context, c: EntityCorrection, json_out: bool) -> None:
    from veille.services.corrections import CorrectionError, correct
    store = open_store(ctx)
    try:
        result = correct(store, c)
    except CorrectionError as exc:
        fail(str(exc), NOT_FOUND)
    if json_out:
        print_json({"correction": result.correction.to_dict(), "entity_id": result.entity_id,
                    "articles": result.articles, "stories": result.stories})
        return
    sys.stdout.write(printable(result.entity_id) + "\n")
    say(plain(f"{_describe(result.correction)}; {result.articles} articles and "
              f"{len(result.stories)} stories updated"))


def _correction(action: CorrectionAction, entity_id: str, by: str, note: str, **kw: Any) -> EntityCorrection:
    return EntityCorrection(action=action, entity_id=entity_id, author=by, note=note, **kw)


@entity_app.command("merge")
def merge(
    ctx: typer.Context,
    entity_id: str = typer.Argument(..., help="The entity that is absorbed."),
    into: str = typer.Argument(..., help="The entity it is the same as (keeps its id)."),
    by: str = _BY, note: str = _NOTE,
    json_out: bool = json_option(),
) -> None:
    """These two entities are one: move every mention of the first to the second."""
    _run(ctx, _correction("merge", entity_id, by, note, target_id=into), json_out)


@entity_app.command("split")
def split(
    ctx: typer.Context,
    entity_id: str = typer.Argument(..., help="The entity that wrongly holds two referents."),
    aliases: list[str] = typer.Argument(..., help="The names that belong to the other one."),
    name: str = typer.Option(None, "--name", help="Its name (default: the first of the names)."),
    by: str = _BY, note: str = _NOTE,
    json_out: bool = json_option(),
) -> None:
    """These names are somebody else: move their mentions to a new entity."""
    _run(ctx, _correction("split", entity_id, by, note, aliases=list(aliases), name=name), json_out)


@entity_app.command("detach")
def detach(
    ctx: typer.Context,
    entity_id: str = typer.Argument(..., help="The entity the mention is wrongly linked to."),
    article_id: str = typer.Argument(..., help="The article of the mention."),
    start: int = typer.Argument(..., min=0, max=2**31, help="The mention's start offset."),
    end: int = typer.Argument(..., min=0, max=2**31, help="The mention's end offset."),
    by: str = _BY, note: str = _NOTE,
    json_out: bool = json_option(),
) -> None:
    """Not this person: unlink one mention (offsets as `veille article ID --json` gives them)."""
    _run(ctx, _correction("detach", entity_id, by, note, article_uid=article_id, start=start, end=end),
         json_out)


@entity_app.command("rename")
def rename(
    ctx: typer.Context,
    entity_id: str = typer.Argument(...),
    name: str = typer.Argument(..., help="The name to show from now on."),
    by: str = _BY, note: str = _NOTE,
    json_out: bool = json_option(),
) -> None:
    """Fix the name an entity is shown under (later articles do not change it back)."""
    _run(ctx, _correction("rename", entity_id, by, note, name=name), json_out)


@app.command("corrections")
def list_corrections(
    ctx: typer.Context,
    entity_id: str = typer.Option(None, "--entity", help="Only those naming this entity id."),
    limit: int = typer.Option(100, "--limit", min=1, max=100_000),
    json_out: bool = json_option(),
) -> None:
    """Corrections of the entity linking, newest first, with who made them and when."""
    from veille.services.corrections import corrections
    rows = corrections(open_store(ctx), entity_id=entity_id, limit=limit)
    if json_out:
        print_json([c.to_dict() for c in rows])
        return
    if not rows:
        say("no correction")
        return
    for c in rows:
        sys.stdout.write(printable(_describe(c)) + "\n")
