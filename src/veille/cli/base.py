"""The Typer apps every command module registers on, and shared options."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="veille",
    help="veille: turn a stream of dated news articles into stories you can trust.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Measure quality against labelled data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
