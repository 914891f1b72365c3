"""Polite HTTP: one request at a time per host, a delay between them,
robots.txt, conditional GET, a size cap, and backoff arithmetic.

httpx does the HTTP; what it does not do (politeness, robots) is here, small
and explicit. Redirects are followed by hand, one hop at a time, so every hop
passes the robots check and its host's gate (httpx's automatic following
would skip both). robots.txt is parsed by the standard library's
:mod:`urllib.robotparser`; its unavailable/unreachable rules follow RFC 9309.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from veille import __version__

log = logging.getLogger("veille.watch")

USER_AGENT = f"veille/{__version__} (news watcher; +https://github.com/veille/veille)"
ROBOTS_AGENT = "veille"  # the product token robots.txt rules name
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass
class FetchPolicy:
    """How politely and how patiently to fetch; every delay is configurable so
    tests run in milliseconds."""

    user_agent: str = USER_AGENT
    delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    backoff_base: float = 60.0  # first retry after an error, doubled each failure
    backoff_cap: float = 6 * 3600.0
    max_crawl_delay: float = 60.0  # robots.txt Crawl-delay is honoured up to this
    robots_ttl: float = 24 * 3600.0
    robots_error_ttl: float = 300.0  # re-ask soon after a 5xx/network error on robots.txt
    respect_robots: bool = True


class FetchError(Exception):
    """A fetch that did not give a usable response; ``transient`` says whether
    trying again later may succeed (the caller backs off either way)."""

    def __init__(
        self, url: str, reason: str, *, status: int | None = None,
        retry_after: float | None = None, transient: bool = True, kind: str = "http",
    ) -> None:
        super().__init__(reason)
        self.url = url
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
        self.transient = transient
        self.kind = kind

    def __str__(self) -> str:
        return self.reason


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


def backoff_delay(failures: int, base: float, cap: float, retry_after: float | None = None) -> float:
    """Seconds to wait after ``failures`` consecutive failures: base, 2 base,
    4 base... up to ``cap``; a server's Retry-After is never undercut."""
    n = max(1, failures)
    delay = min(cap, base * (2 ** min(n - 1, 40)))
    if retry_after is not None:
        delay = max(delay, min(retry_after, max(cap, 24 * 3600.0)))
    return delay


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds (RFC 9110: delay-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class HostGate:
    """One request at a time per host, and at least ``delay`` seconds between
    the end of one request and the start of the next. Thread-safe: workers
    polling different hosts never wait for each other."""

    def __init__(
        self, delay: float, clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.delay = delay
        self._clock = clock
        self._sleep = sleep
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._extra: dict[str, float] = {}  # robots.txt Crawl-delay per host
        self._guard = threading.Lock()

    def set_host_delay(self, host: str, delay: float) -> None:
        with self._guard:
            self._extra[host] = delay

    def _lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock(host):
            wait_for = max(self.delay, self._extra.get(host, 0.0))
            last = self._last.get(host)
            if last is not None:
                remaining = last + wait_for - self._clock()
                if remaining > 0:
                    self._sleep(remaining)
            try:
                yield
            finally:
                self._last[host] = self._clock()


@dataclass
class _Robots:
    parser: RobotFileParser | None  # None: everything allowed
    disallow_all: bool
    expires: float


class Fetcher:
    """GETs through the host gate, robots.txt and a size cap."""

    def __init__(
        self, policy: FetchPolicy | None = None, *, client: httpx.Client | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.client = client or httpx.Client(
            timeout=self.policy.timeout, follow_redirects=False,
            headers={"User-Agent": self.policy.user_agent},
        )
        self.gate = HostGate(self.policy.delay, clock=clock)
        self._clock = clock
        self._robots: dict[str, _Robots] = {}
        self._robots_lock = threading.Lock()
        self.requests = 0  # counter for logs and tests

    def close(self) -> None:
        self.client.close()

    # --- robots.txt -----------------------------------------------------------
    def allowed(self, url: str) -> bool:
        if not self.policy.respect_robots:
            return True
        host = host_key(url)
        with self._robots_lock:
            rules = self._robots.get(host)
        if rules is None or rules.expires < self._clock():
            rules = self._load_robots(host)
            with self._robots_lock:
                self._robots[host] = rules
        if rules.disallow_all:
            return False
        if rules.parser is None:
            return True
        return rules.parser.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, host: str) -> _Robots:
        url = host + "/robots.txt"
        now = self._clock()
        try:
            resp = self._get_once(url, {})
            # robots.txt may redirect (RFC 9309 2.3.1.2: follow up to five hops).
            hops = 0
            while resp.status in REDIRECTS and "location" in resp.headers and hops < 5:
                resp = self._get_once(urljoin(resp.url, resp.headers["location"]), {})
                hops += 1
        except FetchError as exc:
            log.warning("robots.txt of %s unreachable (%s): not fetching from it for now", host, exc)
            return _Robots(None, True, now + self.policy.robots_error_ttl)
        if 200 <= resp.status < 300:
            parser = RobotFileParser()
            parser.parse(resp.content.decode("utf-8", "replace").splitlines())
            delay = parser.crawl_delay(ROBOTS_AGENT)
            if delay:
                self.gate.set_host_delay(host, min(float(delay), self.policy.max_crawl_delay))
            return _Robots(parser, False, now + self.policy.robots_ttl)
        if 400 <= resp.status < 500:  # "unavailable": no rules
            return _Robots(None, False, now + self.policy.robots_ttl)
        log.warning("robots.txt of %s answered HTTP %s: not fetching from it for now",
                    host, resp.status)
        return _Robots(None, True, now + self.policy.robots_error_ttl)

    # --- GET ------------------------------------------------------------------
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The response after redirects: 2xx, or 304 when the validators still
        hold. Raises :class:`FetchError` for everything else."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen: list[str] = []
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            scheme = urlsplit(current).scheme
            if scheme not in {"http", "https"}:
                raise FetchError(current, f"refusing to fetch a {scheme or 'relative'} URL",
                                 transient=False, kind="url")
            if not self.allowed(current):
                raise FetchError(current, f"robots.txt disallows {current}", transient=False,
                                 kind="robots")
            resp = self._get_once(current, headers)
            if resp.status in REDIRECTS:
                location = resp.headers.get("location")
                if not location:
                    raise FetchError(current, f"HTTP {resp.status} without a Location header",
                                     status=resp.status, transient=False)
                seen.append(current)
                current = urljoin(current, location)
                if current in seen:
                    raise FetchError(url, f"redirect loop at {current}", transient=False,
                                     kind="redirects")
                if host_key(current) != host_key(seen[-1]):
                    headers = {}  # validators belong to the first host's resource
                continue
            if resp.status == 304 or 200 <= resp.status < 300:
                return resp
            retry_after = parse_retry_after(resp.headers.get("retry-after"))
            raise FetchError(
                current, f"HTTP {resp.status}", status=resp.status, retry_after=retry_after,
                transient=resp.status in TRANSIENT_STATUSES or resp.status >= 500,
            )
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects", transient=False,
                         kind="redirects")

    def _get_once(self, url: str, headers: dict[str, str]) -> Response:
        host = host_key(url)
        with self.gate.slot(host):
            self.requests += 1
            try:
                with self.client.stream("GET", url, headers=headers) as r:
                    body = bytearray()
                    if r.status_code not in REDIRECTS and r.status_code != 304:
                        for chunk in r.iter_bytes():
                            body += chunk
                            if len(body) > self.policy.max_bytes:
                                raise FetchError(
                                    url, f"response over the {self.policy.max_bytes:,}-byte limit",
                                    transient=False, kind="too_big",
                                )
                    out = Response(str(r.url), r.status_code, bytes(body),
                                   {k.lower(): v for k, v in r.headers.items()})
            except httpx.TimeoutException as exc:
                raise FetchError(url, f"timed out after {self.policy.timeout:g}s "
                                      f"({type(exc).__name__})", kind="timeout") from None
            except httpx.HTTPError as exc:
                raise FetchError(url, f"network error: {type(exc).__name__}: {exc}",
                                 kind="network") from None
        log.debug("GET %s -> %s (%d bytes)", url, out.status, len(out.content))
        return out
