"""Digests of a watchlist: its new and changed stories since the last digest.

The watcher records one alert per watchlist and subject (:mod:`veille.watch.alerts`);
a digest gathers the alerts not yet digested, grouped by story, into one
message. The "last digested" mark is the highest alert id a digest covered,
kept per watchlist in the store's ``meta`` table: it moves only once the SMTP
server has accepted the message, so a refused or unreachable server leaves
the digest to the next run, and a run with nothing new sends nothing.

The message is built with the standard library's :mod:`email.message`
(plain text with an HTML alternative; every title and link escaped) and sent
with :mod:`smtplib`: both are maintained parts of Python and cover what is
needed (STARTTLS, implicit TLS, login), so no third-party mail library.
The Atom feed of a watchlist (:func:`atom_feed`) is generated with ``feedgen``.

A digest is bounded (``max_stories``): the stories with the most new articles
first, then "and K more"; a watchlist matching thousands of stories still
gives a message a person reads and a server accepts.
"""

from __future__ import annotations

import html
import logging
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import Any
from urllib.parse import quote

from feedgen.feed import FeedGenerator
from sqlalchemy import Connection, delete, func, select

from veille.core.settings import Settings
from veille.store import Store
from veille.store.schema import alerts, articles, meta, stories, story_articles, watchlists
from veille.stories.title import FIRST_LINE_HEAD, first_line
from veille.watch.sources import ConfigError, now

log = logging.getLogger("veille.watch")

MAX_ARTICLES_PER_STORY = 5  # listed under a story in a digest; the rest counted
SECURITIES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"ssl": 465, "starttls": 587, "none": 25}
SMTP_TIMEOUT = 30.0
FEED_ENTRIES = 50


class DigestError(Exception):
    """A digest that could not be sent: names the watchlist and the server."""


# --- configuration ---------------------------------------------------------------------
@dataclass
class SmtpConfig:
    host: str | None = None
    port: int = 0
    security: str = "starttls"
    user: str | None = None
    password: str | None = None
    sender: str | None = None
    recipients: list[str] = field(default_factory=list)  # for a bare ``email`` channel
    timeout: float = SMTP_TIMEOUT

    @classmethod
    def from_settings(cls, s: Settings) -> SmtpConfig:
        return cls(host=s.smtp_host or None, port=int(s.smtp_port or 0),
                   security=(s.smtp_security or "starttls").strip().lower(),
                   user=s.smtp_user or None, password=s.smtp_password or None,
                   sender=s.smtp_from or None, recipients=split_addresses(s.smtp_to or ""))

    @property
    def address(self) -> str:
        return f"{self.host}:{self.real_port}"

    @property
    def real_port(self) -> int:
        return self.port or DEFAULT_PORTS.get(self.security, 25)

    @property
    def from_address(self) -> str:
        return self.sender or (self.user if self.user and "@" in self.user else "veille@localhost")


def split_addresses(value: str) -> list[str]:
    return [a.strip() for a in value.replace(";", ",").split(",") if a.strip()]


def check_addresses(value: str) -> list[str]:
    """The addresses of an ``email:a@x,b@y`` channel, each with one ``@`` and
    no header-breaking character (they go into a To: header)."""
    out = split_addresses(value)
    for a in out:
        local, at, domain = a.rpartition("@")
        if not (at and local and domain) or any(c in a for c in "\r\n<>\"' ()"):
            raise ConfigError(f"e-mail address {a!r}: expected name@domain")
    return out


def email_recipients(channels: Sequence[str], smtp: SmtpConfig) -> list[str]:
    """Who a watchlist's digest goes to: its ``email:`` addresses, and the
    global recipients when it has a bare ``email`` channel."""
    out: list[str] = []
    for ch in channels:
        kind, _, arg = ch.partition(":")
        if kind != "email":
            continue
        for a in (check_addresses(arg) if arg else smtp.recipients):
            if a not in out:
                out.append(a)
    return out


def has_email(channels: Sequence[str]) -> bool:
    return any(c.partition(":")[0] == "email" for c in channels)


# --- what a digest holds -----------------------------------------------------------------
@dataclass
class DigestArticle:
    uid: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    first_line: str | None = None  # what names it when it has no title

    @property
    def name(self) -> str:
        return article_name(self.__dict__)


def article_name(art: Mapping[str, Any]) -> str:
    """An article as a line of an alert or a digest names it: its title, else
    its first line marked as one with the id after it (a bare id, as alerts
    said before session 21, tells a reader nothing)."""
    title = str(art.get("title") or "").strip()
    if title:
        return title
    line = str(art.get("first_line") or "").strip()
    uid = str(art.get("uid") or "")
    return f"{line} (first line; {uid})" if line else uid


@dataclass
class DigestStory:
    story_id: int | None  # None: an article not (yet) in a story
    title: str | None
    new_articles: list[DigestArticle]
    n_new_articles: int
    matched: dict[str, list[str]]
    first_alert_id: int
    last_alert_id: int
    updated: datetime
    # new to the story set: no earlier alert of the watchlist named it and none
    # of its articles was in the store before (see ``_born``)
    is_new: bool


@dataclass
class Digest:
    watchlist: str
    watchlist_id: int
    stories: list[DigestStory]  # the ones shown, at most max_stories
    more_stories: int  # and K more
    last_alert_id: int  # the mark the digest moves to once sent
    n_alerts: int

    @property
    def empty(self) -> bool:
        return self.n_alerts == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "watchlist": self.watchlist, "n_alerts": self.n_alerts,
            "last_alert_id": self.last_alert_id, "more_stories": self.more_stories,
            "stories": [{
                "story_id": s.story_id, "title": s.title, "n_new_articles": s.n_new_articles,
                "matched": s.matched, "new": s.is_new, "updated": s.updated.isoformat(),
                "new_articles": [a.__dict__ for a in s.new_articles]} for s in self.stories],
        }


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _mark_key(watchlist_id: int) -> str:
    return f"digest:watchlist:{watchlist_id}"


def digest_mark(conn: Connection, watchlist_id: int) -> dict[str, Any]:
    r = conn.execute(select(meta.c.value).where(meta.c.key == _mark_key(watchlist_id))).first()
    return dict(r.value) if r and isinstance(r.value, dict) else {}


def _save_mark(conn: Connection, watchlist_id: int, value: dict[str, Any]) -> None:
    conn.execute(delete(meta).where(meta.c.key == _mark_key(watchlist_id)))
    conn.execute(meta.insert().values(key=_mark_key(watchlist_id), value=value))


def _watchlist(conn: Connection, name: str) -> Any:
    r = conn.execute(select(watchlists).where(watchlists.c.name == name)).first()
    if r is None:
        raise ConfigError(f"no watchlist {name!r}")
    return r


def _born(conn: Connection, story_ids: Sequence[int], since: datetime) -> set[int]:
    """The stories all of whose articles were ingested after ``since``.

    A story is new to the reader when it is new to the story set, not when a
    watchlist first names it: story 54 of the session-21 audit had three
    articles before the watchlist existed, and two more made the first digest
    call it "NEW". ``since`` is when the reader last heard (the previous
    digest's last alert), else when the watchlist was made."""
    if not story_ids:
        return set()
    oldest = conn.execute(
        select(story_articles.c.story_id, func.min(articles.c.ingested_at).label("oldest"))
        .join(articles, articles.c.uid == story_articles.c.article_uid)
        .where(story_articles.c.story_id.in_(list(story_ids)))
        .group_by(story_articles.c.story_id)).all()
    known = {r.story_id for r in oldest}
    # a story no longer in the store (merged away) is judged by its alerts alone
    return {r.story_id for r in oldest if r.oldest is None or _aware(_dt(r.oldest)) > since} | (
        set(story_ids) - known)


def _dt(value: Any) -> datetime:
    """SQLite returns an aggregate's datetime as text, PostgreSQL as a datetime."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _since(conn: Connection, wl: Any, mark: int) -> datetime:
    """When the watchlist's reader last heard: the alert the mark names, else its creation."""
    at = conn.execute(select(alerts.c.created_at).where(alerts.c.id == mark)).scalar() if mark else None
    return _aware(at if at is not None else wl.created_at)


def _group(conn: Connection, rows: Sequence[Any], max_stories: int,
           first_seen: dict[int, int], born: set[int]) -> tuple[list[DigestStory], int]:
    """Alerts -> one entry per story (or per unclustered article), the biggest
    changes first; returns the shown entries and how many were left out."""
    groups: dict[tuple[str, Any], dict[str, Any]] = {}
    recorded: dict[str, dict[str, Any]] = {}  # the article as the alert recorded it
    for r in rows:
        art = (r.payload or {}).get("article")
        if r.article_uid and isinstance(art, dict):
            recorded[r.article_uid] = art
        key: tuple[str, Any] = ("story", r.story_id) if r.story_id is not None else (
            "article", r.article_uid)
        g = groups.setdefault(key, {"uids": [], "matched": {"entities": [], "queries": []},
                                    "first": r.id, "last": r.id, "updated": _aware(r.created_at),
                                    "kinds": set()})
        g["kinds"].add(r.kind)
        if r.kind == "article" and r.article_uid:
            uids = [r.article_uid]
        else:
            uids = [a.get("uid") for a in (r.payload or {}).get("changes", {}).get("new_articles", [])
                    if isinstance(a, dict) and a.get("uid")]
        g["uids"] += [u for u in uids if u not in g["uids"]]
        for k in ("entities", "queries"):
            g["matched"][k] += [v for v in (r.matched or {}).get(k, []) if v not in g["matched"][k]]
        g["first"], g["last"] = min(g["first"], r.id), max(g["last"], r.id)
        g["updated"] = max(g["updated"], _aware(r.created_at))
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]["uids"]), -kv[1]["last"]))
    shown = ranked[:max_stories]
    sids = [k[1] for k, _ in shown if k[0] == "story"]
    titles = {r.id: r.title or r.view_title for r in conn.execute(
        select(stories.c.id, stories.c.title,
               stories.c.view["title"]["text"].as_string().label("view_title"))
        .where(stories.c.id.in_(sids)))} if sids else {}
    wanted = [u for _, g in shown for u in g["uids"][:MAX_ARTICLES_PER_STORY]]
    arts = {r.uid: DigestArticle(r.uid, r.title, r.source, r.url, r.published,
                                 None if (r.title or "").strip() else first_line(r.head))
            for r in conn.execute(
        select(articles.c.uid, articles.c.title, articles.c.source, articles.c.url, articles.c.published,
               func.substr(articles.c.text, 1, FIRST_LINE_HEAD).label("head"))
        .where(articles.c.uid.in_(wanted)))} if wanted else {}
    out = []
    for (kind, ref), g in shown:
        for u in g["uids"][:MAX_ARTICLES_PER_STORY]:
            if u not in arts and u in recorded:  # no longer in the store: as the alert saw it
                a = recorded[u]
                arts[u] = DigestArticle(u, a.get("title"), a.get("source"), a.get("url"), a.get("published"),
                                        a.get("first_line"))
        listed = sorted((arts[u] for u in g["uids"][:MAX_ARTICLES_PER_STORY] if u in arts),
                        key=lambda a: a.published or "", reverse=True)  # newest first
        title = titles.get(ref) if kind == "story" else None
        if not title and listed:
            title = listed[0].title or listed[0].first_line
        out.append(DigestStory(
            story_id=ref if kind == "story" else None, title=title, new_articles=listed,
            n_new_articles=len(g["uids"]), matched=g["matched"], first_alert_id=g["first"],
            last_alert_id=g["last"], updated=g["updated"],
            is_new=kind == "article" or (first_seen.get(ref, g["first"]) >= g["first"]
                                         and ref in born)))
    return out, len(ranked) - len(shown)


def build_digest(conn: Connection, name: str, *, max_stories: int = 20,
                 after_id: int | None = None) -> Digest:
    """The watchlist's alerts after its digest mark (or ``after_id``), as a digest."""
    wl = _watchlist(conn, name)
    mark = int(digest_mark(conn, wl.id).get("last_alert_id", 0)) if after_id is None else after_id
    rows = conn.execute(select(alerts).where(alerts.c.watchlist_id == wl.id, alerts.c.id > mark)
                        .order_by(alerts.c.id)).all()
    sids = sorted({r.story_id for r in rows if r.story_id is not None})
    # A story is "new" to the reader when no earlier alert of this watchlist named it.
    first_seen = {r.story_id: int(r.first) for r in conn.execute(
        select(alerts.c.story_id, func.min(alerts.c.id).label("first"))
        .where(alerts.c.watchlist_id == wl.id, alerts.c.story_id.in_(sids))
        .group_by(alerts.c.story_id))} if sids else {}
    born = _born(conn, sids, _since(conn, wl, mark))
    shown, more = _group(conn, rows, max(1, max_stories), first_seen, born)
    return Digest(watchlist=wl.name, watchlist_id=wl.id, stories=shown, more_stories=more,
                  last_alert_id=max((r.id for r in rows), default=mark), n_alerts=len(rows))


# --- rendering ------------------------------------------------------------------------------
def story_link(base_url: str | None, story_id: int | None) -> str | None:
    if not base_url or story_id is None:
        return None
    return f"{base_url.rstrip('/')}/stories/{story_id}"


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave veille: an article's ``javascript:`` URL does not."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _one_line(text: str | None) -> str:
    """Titles come from the network: no line breaks or control characters in a line of text."""
    return " ".join("".join(c if c.isprintable() else " " for c in (text or "")).split())


def subject(d: Digest) -> str:
    n = len(d.stories) + d.more_stories
    return _one_line(f"[veille] {d.watchlist}: {n} stor{'y' if n == 1 else 'ies'} with new articles")


def _what(s: DigestStory) -> str:
    return ", ".join([*s.matched.get("entities", []), *(f'"{q}"' for q in s.matched.get("queries", []))])


def render_text(d: Digest, base_url: str | None = None) -> str:
    lines = [f"Watchlist {_one_line(d.watchlist)}: new and changed stories since the last digest.", ""]
    for s in d.stories:
        head = "NEW" if s.is_new else "UPDATED"
        lines.append(f"* [{head}] {_one_line(s.title) or 'untitled'} "
                     f"(+{s.n_new_articles} article{'s' if s.n_new_articles != 1 else ''};"
                     f" matched {_one_line(_what(s))})")
        link = story_link(base_url, s.story_id)
        if link:
            lines.append(f"  {link}")
        for a in s.new_articles:
            lines.append(f"  - {_one_line(a.name)} — {_one_line(a.source) or 'unknown source'}"
                         f"{', ' + _one_line(a.published) if a.published else ''}")
            if safe_url(a.url):
                lines.append(f"    {_one_line(a.url)}")
        rest = s.n_new_articles - len(s.new_articles)
        if rest > 0:
            lines.append(f"  - and {rest} more article{'s' if rest != 1 else ''}")
        lines.append("")
    if d.more_stories:
        lines.append(f"… and {d.more_stories} more stor{'y' if d.more_stories == 1 else 'ies'}.")
    return "\n".join(lines).rstrip() + "\n"


def _a(href: str | None, text: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(text)}</a>' if href else html.escape(text)


def _article_li(a: DigestArticle) -> str:
    meta_ = ", ".join(x for x in (a.source, a.published) if x)
    return f"<li>{_a(safe_url(a.url), a.name)}{' — ' + html.escape(meta_) if meta_ else ''}</li>"


def render_html(d: Digest, base_url: str | None = None) -> str:
    e = html.escape
    parts = [f"<p>Watchlist <strong>{e(d.watchlist)}</strong>: new and changed stories since the "
             "last digest.</p>", "<ul>"]
    for s in d.stories:
        head = "new" if s.is_new else "updated"
        parts.append(f"<li><p><em>{head}</em> <strong>"
                     f"{_a(story_link(base_url, s.story_id), s.title or 'untitled')}</strong> "
                     f"(+{s.n_new_articles} article{'s' if s.n_new_articles != 1 else ''}; matched "
                     f"{e(_what(s))})</p><ul>")
        parts += [_article_li(a) for a in s.new_articles]
        rest = s.n_new_articles - len(s.new_articles)
        if rest > 0:
            parts.append(f"<li>and {rest} more article{'s' if rest != 1 else ''}</li>")
        parts.append("</ul></li>")
    parts.append("</ul>")
    if d.more_stories:
        parts.append(f"<p>… and {d.more_stories} more stor{'y' if d.more_stories == 1 else 'ies'}.</p>")
    return "<!doctype html><html><body>" + "\n".join(parts) + "</body></html>"


def make_message(d: Digest, smtp: SmtpConfig, to: Sequence[str], base_url: str | None) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = subject(d)
    msg["From"] = formataddr(("veille", smtp.from_address))
    msg["To"] = ", ".join(to)
    msg["Message-ID"] = make_msgid(domain=smtp.from_address.rpartition("@")[2] or "localhost")
    msg["X-Veille-Watchlist"] = _one_line(d.watchlist)
    msg.set_content(render_text(d, base_url))
    msg.add_alternative(render_html(d, base_url), subtype="html")
    return msg


# --- sending ---------------------------------------------------------------------------------
def _send(msg: EmailMessage, smtp: SmtpConfig, to: Sequence[str]) -> None:
    if not smtp.host:
        raise ConfigError("no SMTP server: set VEILLE_SMTP_HOST")
    if smtp.security not in SECURITIES:
        raise ConfigError(f"VEILLE_SMTP_SECURITY={smtp.security!r}: use one of {', '.join(SECURITIES)}")
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if smtp.security == "ssl":
        client = smtplib.SMTP_SSL(smtp.host, smtp.real_port, timeout=smtp.timeout, context=context)
    else:
        client = smtplib.SMTP(smtp.host, smtp.real_port, timeout=smtp.timeout)
    with client:
        if smtp.security == "starttls":
            client.starttls(context=context)
        if smtp.user:
            client.login(smtp.user, smtp.password or "")
        client.send_message(msg, from_addr=smtp.from_address, to_addrs=list(to))


@dataclass
class SendResult:
    watchlist: str
    status: str  # sent / nothing / failed / skipped
    stories: int = 0
    alerts: int = 0
    recipients: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def send_digest(store: Store, name: str, smtp: SmtpConfig, *, base_url: str | None = None,
                max_stories: int = 20) -> SendResult:
    """E-mail the watchlist's pending digest; the mark moves only once the
    server accepted it. Never raises for a server problem: the result says
    ``failed`` with an error naming the watchlist and the server."""
    with store.connect() as conn:
        wl = _watchlist(conn, name)
        to = email_recipients(list(wl.channels or []), smtp)
        d = build_digest(conn, name, max_stories=max_stories)
    if not to:
        return SendResult(name, "skipped", error=f"watchlist {name!r}: no recipient (channel "
                          "email:ADDRESS, or email with VEILLE_SMTP_TO set)")
    if d.empty:
        return SendResult(name, "nothing", recipients=to)
    res = SendResult(name, "sent", stories=len(d.stories) + d.more_stories, alerts=d.n_alerts,
                     recipients=to)
    try:
        _send(make_message(d, smtp, to, base_url), smtp, to)
    except (OSError, smtplib.SMTPException, ConfigError) as exc:
        res.status = "failed"
        res.error = (f"watchlist {name!r}: digest of {d.n_alerts} alert(s) not sent via SMTP server "
                     f"{smtp.address}: {exc.__class__.__name__}: {exc or 'no detail'}; kept for the next run")
        log.warning("%s", res.error)
        with store.begin() as conn:
            mark = digest_mark(conn, d.watchlist_id)
            _save_mark(conn, d.watchlist_id, mark | {
                "failures": int(mark.get("failures", 0)) + 1, "last_error": res.error,
                "failed_at": now().isoformat()})
        return res
    with store.begin() as conn:
        _save_mark(conn, d.watchlist_id, {"last_alert_id": d.last_alert_id, "sent_at": now().isoformat(),
                                          "failures": 0, "recipients": to})
    log.info("watchlist %s: digest of %d stories e-mailed to %d recipient(s)", name, res.stories, len(to))
    return res


def send_digests(store: Store, smtp: SmtpConfig, *, base_url: str | None = None,
                 max_stories: int = 20, names: Sequence[str] | None = None) -> list[SendResult]:
    """Every watchlist with an ``email`` channel (or those named), one digest each."""
    with store.connect() as conn:
        rows = conn.execute(select(watchlists.c.name, watchlists.c.channels)
                            .order_by(watchlists.c.id)).all()
    out = []
    for r in rows:
        if names is not None and r.name not in names:
            continue
        if names is None and not has_email(list(r.channels or [])):
            continue
        out.append(send_digest(store, r.name, smtp, base_url=base_url, max_stories=max_stories))
    return out


# --- Atom ----------------------------------------------------------------------------------
def feed_id(name: str) -> str:
    return f"urn:veille:watchlist:{quote(name, safe='')}"


def atom_feed(conn: Connection, name: str, *, base_url: str | None = None,
              self_url: str | None = None, limit: int = FEED_ENTRIES) -> bytes:
    """The watchlist's latest new and changed stories as an Atom 1.0 document.

    One entry per story, for its latest change: the entry id names the story
    and the last alert, so a newsreader shows a story again when it gains
    articles (and the previous entry stays as it was read)."""
    wl = _watchlist(conn, name)
    rows = conn.execute(select(alerts).where(alerts.c.watchlist_id == wl.id)
                        .order_by(alerts.c.id.desc()).limit(max(limit, 1) * 20)).all()
    # The latest change of each story: its alerts since the one before.
    latest: dict[Any, list[Any]] = {}
    for r in rows:
        key = r.story_id if r.story_id is not None else r.article_uid
        latest.setdefault(key, [])
        if len(latest[key]) < 20:
            latest[key].append(r)
    group_rows = [r for rs in list(latest.values())[:limit] for r in rs]
    sids = sorted({r.story_id for r in rows if r.story_id is not None})
    first_seen = {r.story_id: int(r.first) for r in conn.execute(
        select(alerts.c.story_id, func.min(alerts.c.id).label("first"))
        .where(alerts.c.watchlist_id == wl.id, alerts.c.story_id.in_(sids))
        .group_by(alerts.c.story_id))} if sids else {}
    # A feed has no mark: a story is new in its entry when none of its articles
    # was stored before the watchlist was made (and no earlier alert named it).
    born = _born(conn, sids, _aware(wl.created_at))
    entries, _ = _group(conn, group_rows, limit, first_seen, born)
    fg = FeedGenerator()
    fg.id(feed_id(wl.name))
    fg.title(f"veille — {wl.name}")
    fg.subtitle(f"New and changed stories of the watchlist {wl.name}")
    fg.author({"name": "veille"})
    fg.generator("veille")
    if self_url:
        fg.link(href=self_url, rel="self", type="application/atom+xml")
    if base_url:
        fg.link(href=base_url.rstrip("/") + "/", rel="alternate", type="text/html")
    newest = max((e.updated for e in entries), default=_aware(wl.created_at))
    fg.updated(newest)
    for s in sorted(entries, key=lambda s: (s.updated, s.last_alert_id)):
        fe = fg.add_entry()  # feedgen prepends: oldest first gives newest first in the feed
        ref = s.story_id if s.story_id is not None else quote(s.new_articles[0].uid if s.new_articles
                                                              else str(s.first_alert_id), safe="")
        fe.id(f"{feed_id(wl.name)}:story:{ref}:alert:{s.last_alert_id}")
        fe.title(_one_line(s.title) or "untitled story")
        fe.updated(s.updated)
        link = story_link(base_url, s.story_id) or next(
            (safe_url(a.url) for a in s.new_articles if safe_url(a.url)), None)
        if link:
            fe.link(href=link, rel="alternate", type="text/html")
        items = "".join(_article_li(a) for a in s.new_articles)
        rest = s.n_new_articles - len(s.new_articles)
        more = f"<li>and {rest} more article{'s' if rest != 1 else ''}</li>" if rest > 0 else ""
        fe.summary(f"{'New story' if s.is_new else 'Updated story'}: +{s.n_new_articles} article"
                   f"{'s' if s.n_new_articles != 1 else ''}; matched {_what(s)}")
        fe.content(f"<ul>{items}{more}</ul>", type="html")
    return bytes(fg.atom_str(pretty=True))
