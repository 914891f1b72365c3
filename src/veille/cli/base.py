"""The Typer apps every command module registers on, and shared options."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from veille.core.settings import Settings
from veille.store import Store

app = typer.Typer(
    name="veille",
    help="veille: turn a stream of dated news articles into stories you can trust.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Measure quality against labelled data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

console = Console(stderr=True)


@app.callback()
def main(
    ctx: typer.Context,
    db: str = typer.Option(
        None, "--db", envvar="VEILLE_DB",
        help="Store: a SQLite file path (default ./veille.db) or a postgresql:// URL.",
    ),
) -> None:
    settings = Settings()
    if db:
        settings.db = db
    ctx.obj = settings


def settings_of(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings()


def open_store(ctx: typer.Context) -> Store:

    return Store.open(settings_of(ctx).db)


class RateColumn(ProgressColumn):
    """Items per second, for work whose total is not known in advance."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f}/s" if speed else "", style="progress.data.speed")


def make_progress() -> Progress:
    """The progress bar of every long command (on stderr, so --json stays clean)."""
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
        MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
        console=console, transient=True,
    )


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(message: str, code: int = 2) -> None:
    console.print(f"[red]error[/red]: {message}", highlight=False, markup=True)
    raise typer.Exit(code)
