"""``veille digest``: a watchlist's new and changed stories, e-mailed or as an Atom feed.

Data on stdout (the digest's text, JSON, the Atom document), what happened on
stderr. ``veille watch`` sends the e-mail digests itself after each pass; these
commands are for cron without the watcher, a preview, and a feed file for a
static web server.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import quote

import typer

from veille.cli.base import app, fail, json_option, open_store, plain, print_json, say, settings_of

digest_app = typer.Typer(help="E-mail digests and Atom feeds of watchlists.", no_args_is_help=True)
app.add_typer(digest_app, name="digest")


def _public_url(ctx: typer.Context, value: str | None) -> str | None:
    return value if value is not None else settings_of(ctx).public_url


@digest_app.command("send")
def digest_send(
    ctx: typer.Context,
    names: list[str] = typer.Argument(None, help="Watchlists (default: every one with an email channel)."),
    public_url: str = typer.Option(None, "--public-url",
                                   help="Address of `veille serve` for story links ($VEILLE_PUBLIC_URL)."),
    json_out: bool = json_option("One result per watchlist, as JSON."),
) -> None:
    """E-mail each watchlist's digest of what is new since its last digest.

    Sends nothing for a watchlist with nothing new. A server that is down or
    refuses keeps the digest for the next run; the exit code is then 1.
    """
    from veille.watch.digests import SmtpConfig, send_digests
    from veille.watch.sources import ConfigError
    settings = settings_of(ctx)
    store = open_store(ctx)
    try:
        results = send_digests(store, SmtpConfig.from_settings(settings),
                               base_url=_public_url(ctx, public_url),
                               max_stories=settings.digest_max_stories, names=names or None)
    except ConfigError as exc:
        fail(str(exc))
    if names:
        missing = sorted(set(names) - {r.watchlist for r in results})
        if missing:
            fail(f"no watchlist {', '.join(repr(n) for n in missing)}", 1)
    if json_out:
        print_json([r.to_dict() for r in results])
    else:
        if not results:
            say("no watchlist has an email channel (add one with "
                "`veille watchlist add NAME -q TERMS -c email:you@example.org`)")
        for r in results:
            if r.status == "sent":
                say("watchlist ", plain(r.watchlist), f": digest of {r.stories} stories sent to ",
                    plain(", ".join(r.recipients)))
            elif r.status == "nothing":
                say("watchlist ", plain(r.watchlist), ": nothing new since the last digest")
            else:
                say(("error", "red"), ": ", plain(r.error or r.status))
    if any(r.status in ("failed", "skipped") for r in results):
        raise typer.Exit(1)


@digest_app.command("show")
def digest_show(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Watchlist name."),
    public_url: str = typer.Option(None, "--public-url", help="Address of `veille serve` for story links."),
    json_out: bool = json_option(),
) -> None:
    """The digest the next `digest send` would e-mail (nothing is sent or marked)."""
    from veille.watch.digests import build_digest, render_text
    from veille.watch.sources import ConfigError
    settings = settings_of(ctx)
    try:
        with open_store(ctx).connect() as conn:
            d = build_digest(conn, name, max_stories=settings.digest_max_stories)
    except ConfigError as exc:
        fail(str(exc), 1)
    if json_out:
        print_json(d.to_dict())
        return
    if d.empty:
        say("watchlist ", plain(name), ": nothing new since the last digest")
        return
    sys.stdout.write(render_text(d, _public_url(ctx, public_url)))


@digest_app.command("atom")
def digest_atom(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Watchlist name."),
    output: Path = typer.Option(None, "--output", "-o",
                                help="Write the feed to this file (default: stdout)."),
    public_url: str = typer.Option(None, "--public-url",
                                   help="Address of `veille serve` for story links ($VEILLE_PUBLIC_URL)."),
) -> None:
    """The watchlist's Atom feed (`veille serve` also serves it at /watchlists/NAME/feed.atom)."""
    from veille.watch.digests import atom_feed
    from veille.watch.sources import ConfigError
    base = _public_url(ctx, public_url)
    self_url = f"{base.rstrip('/')}/watchlists/{quote(name, safe='')}/feed.atom" if base else None
    try:
        with open_store(ctx).connect() as conn:
            body = atom_feed(conn, name, base_url=base, self_url=self_url)
    except ConfigError as exc:
        fail(str(exc), 1)
    if output is None:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        tmp = output.with_name(output.name + ".tmp")
        tmp.write_bytes(body)
        tmp.replace(output)  # a newsreader reading the file never sees half a feed
    except OSError as exc:
        fail(f"cannot write {output}: {exc}")
    say("wrote ", plain(str(output)))
