"""The Typer apps every command module registers on, and shared options."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

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

if TYPE_CHECKING:
    from veille.services.queries import ListFilters
    from veille.store import Store

#: Bounds of every count and id a command takes: SQLite integers are 64-bit
#: signed, so a larger number would overflow in the driver (a traceback), and
#: a negative --limit would mean "no limit" to SQLite.
LIMIT_MAX = 1_000_000_000
ID_MAX = 2**63 - 1

app = typer.Typer(
    name="veille",
    help="veille: turn a stream of dated news articles into stories you can trust.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Measure quality against labelled data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

#: Messages, progress and errors: stderr, so a command's data (stdout) can be
#: redirected or piped whatever it prints along the way.
console = Console(stderr=True)

#: Exit codes of every command: 0 done, 1 not found or unusable input (one line
#: on stderr saying which), 2 a usage error (Click's own code for a bad option).
EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE = 0, 1, 2


def out_console() -> Console:
    """The data console: stdout, no emoji codes, no highlighting of untrusted
    text (made per call: a test runner swaps sys.stdout between commands).
    Redirected to a file or a pipe, tables are as wide as their rows, so an id
    is never cut to fit 80 columns."""
    wide = None if sys.stdout.isatty() else 1000
    return Console(emoji=False, highlight=False, width=wide)


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


def check_db(db: str) -> str | None:
    """Why ``--db`` cannot name a store, or None: checked before opening, so a
    wrong value is one message, not a driver's traceback."""
    if "://" in db:
        scheme = db.split("://", 1)[0].lower()
        if scheme not in ("sqlite", "postgresql", "postgresql+psycopg"):
            return f"{scheme}:// is not a supported store (a SQLite file path or a postgresql:// URL)"
        return None
    path = Path(db).expanduser()
    if path.is_dir():
        return f"{db} is a folder, not a SQLite file"
    if not path.parent.is_dir():
        return f"the folder {path.parent} does not exist"
    if path.is_file():
        with path.open("rb") as fh:
            head = fh.read(16)
        if head and head != b"SQLite format 3\x00":
            return f"{db} exists and is not a SQLite database"
    return None


def open_store(ctx: typer.Context) -> Store:
    from sqlalchemy.exc import SQLAlchemyError

    from veille.store import Store
    db = settings_of(ctx).db
    if why := check_db(db):
        fail(f"--db: {why}")
    try:
        return Store.open(db)
    except (SQLAlchemyError, OSError, ImportError, ValueError) as exc:
        fail(f"--db: cannot open the store {db}: {type(exc).__name__}: {exc}".splitlines()[0])


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


# C0/C1 controls, DEL, and the format characters that reorder or hide text
# (bidi overrides and isolates, zero-width joiners): shown as escapes.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _escaped(m: re.Match[str]) -> str:
    c = m.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c) or (
        f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def printable(value: object, keep_newlines: bool = False) -> str:
    """A user-controlled string (file name, title, id, source) made safe for a
    terminal: control characters, ESC and bidi controls shown as escapes, so
    a name can neither fake an output line nor send terminal sequences.
    ``keep_newlines`` keeps the line breaks (and tabs) of an article's body."""
    text = str(value)
    if keep_newlines:
        return "\n".join(_UNPRINTABLE.sub(_escaped, line.replace("\t", "    "))
                         for line in text.split("\n"))
    return _UNPRINTABLE.sub(_escaped, text)


def plain(value: object, style: str = "", keep_newlines: bool = False) -> Text:
    """``printable`` as a rich Text: never read as markup (``[bold]``) or as an
    emoji code (``:100:``), whatever the string holds."""
    return Text(printable(value, keep_newlines), style=style)


def say(*parts: str | Text | tuple[str, str], end: str = "\n") -> None:
    """Print on stderr: literal strings are veille's own words, Text parts are
    user strings made with :func:`plain` (no markup, no emoji, no highlighting)."""
    console.print(Text.assemble(*parts), highlight=False, soft_wrap=True, end=end)


def fail(message: str | Text, code: int = 2) -> NoReturn:
    """The one error path of the commands: ``error: message`` on stderr, exit
    ``code``; the message is plain text (user strings inside are escaped)."""
    body = message if isinstance(message, Text) else plain(message)
    console.print(Text.assemble(("error", "red"), ": ", body), highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def resolve_filters(conn: Any, *, since: str | None = None, until: str | None = None,
                    language: str | None = None, source: str | None = None,
                    entity: str | None = None) -> ListFilters:
    """The listing filters from options; an ambiguous entity name lists its
    candidates on stderr and exits 1 (never a guess), as does an unknown one."""
    from veille.services.queries import AmbiguousEntity, FilterError, make_filters
    try:
        return make_filters(conn, since=since, until=until, language=language, source=source,
                            entity=entity)
    except AmbiguousEntity as exc:
        say(("error", "red"), ": entity ", plain(repr(exc.name)),
            f" names {len(exc.candidates)} entities; give one of these ids with --entity:")
        for r in exc.candidates:
            say("  ", plain(r.entity_id), "  ", plain(r.canonical), f"  ({r.label}, "
                f"{r.n_mentions} mentions)")
        raise typer.Exit(EXIT_NOT_FOUND) from None
    except FilterError as exc:
        fail(str(exc), EXIT_USAGE if str(exc).startswith("--") else EXIT_NOT_FOUND)


# The filter options of `articles`, `stories` and `search`: one wording everywhere.
def since_option() -> Any:
    return typer.Option(None, "--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")


def until_option() -> Any:
    return typer.Option(None, "--until", help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")


def source_option() -> Any:
    return typer.Option(None, "--source",
                        help="Only this source: a domain with or without www. (rt.com), or an outlet name.")


def language_option() -> Any:
    return typer.Option(None, "--language", help="Only this language (ISO 639-1).")


def entity_option() -> Any:
    return typer.Option(None, "--entity",
                        help="Only articles mentioning this entity: an id (per:shinzo-abe) or a name "
                             "(\"Shinzo Abe\"); an ambiguous name lists the candidates.")


def json_option(help: str = "Print JSON.") -> Any:
    """``--json`` on every listing and show command (the CLI convention): data as
    JSON on stdout, messages still on stderr."""
    return typer.Option(False, "--json", help=help)


def sort_option(choices: tuple[str, ...], default: str) -> Any:
    return typer.Option(default, "--sort", help=f"Order: {' | '.join(choices)}.")


def check_sort(value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        fail(f"--sort must be one of {', '.join(choices)}, not {value!r}", EXIT_USAGE)
