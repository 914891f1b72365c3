"""A server process runs at most ``SEARCH_SLOTS`` full-text searches at once,
the others waiting their turn (issue 20: time-sliced in the shared thread pool,
a search's latency grew with the number in flight). Real searches of the seed
store through the app; the search is wrapped to count how many run together
and held a moment so that the concurrent requests overlap."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import httpx
import pytest

from veille.store import Store
from veille.web import pages
from veille.web.api import search as api_search
from veille.web.app import create_app
from veille.web.search_slots import SEARCH_SLOTS

WORDS = ["nucléaire", "Russie", "Biélorussie", "Poutine", "armes", "tactiques", "Moscou", "juillet"]


def test_concurrent_searches_wait_for_a_slot_and_answer_as_alone(
        seeds_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    real = api_search.run_search
    lock = threading.Lock()
    state = {"running": 0, "most": 0}

    def counted(*args: Any, **kwargs: Any) -> Any:
        with lock:
            state["running"] += 1
            state["most"] = max(state["most"], state["running"])
        try:
            time.sleep(0.05)  # long enough for the other requests to be waiting
            return real(*args, **kwargs)
        finally:
            with lock:
                state["running"] -= 1

    urls = [f"/api/search?q={w}&facets=false" for w in WORDS] + [f"/search?q={w}" for w in WORDS]

    async def fetch_all(together: bool) -> list[httpx.Response]:
        # a new app each time: its response cache must not answer for the search
        transport = httpx.ASGITransport(app=create_app(seeds_store))
        async with httpx.AsyncClient(transport=transport, base_url="http://veille.test") as c:
            if together:
                return list(await asyncio.gather(*(c.get(u) for u in urls)))
            return [await c.get(u) for u in urls]

    alone = asyncio.run(fetch_all(together=False))
    monkeypatch.setattr(api_search, "run_search", counted)
    monkeypatch.setattr(pages, "run_search", counted)
    together = asyncio.run(fetch_all(together=True))
    assert [r.status_code for r in together] == [200] * len(urls)
    assert state["most"] == SEARCH_SLOTS  # the slots filled, and no more ran at once
    api = len(WORDS)
    assert any(r.json()["results"] for r in alone[:api])  # the seeds answer these words
    assert [r.json() for r in together[:api]] == [r.json() for r in alone[:api]]
    assert all("nucléaire" in r.text or "Russie" in r.text for r in together[api:api + 2])
