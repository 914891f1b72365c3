"""What changed in a story since a viewer last looked.

A story's *state* is a compact digest of what a reader sees: its articles and
sources, the quotes (speaker + words), the numbers by what they count, the
entities and, when the story view has been built, its facts. The state is
snapshotted per viewer when they look; the diff of the current state against
that snapshot is the update: new sources, new facts (and facts newly
corroborated by more sources), new quotes, changed numbers.

``diff_states`` is pure; the store functions around it only read and write
snapshots.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select, update

from veille.search.text import stem
from veille.store.schema import analyses, articles, stories, story_articles, story_snapshots
from veille.watch.matching import fold, load_article
from veille.watch.sources import now

DEFAULT_VIEWER = "default"
WATCH_VIEWER = "watch"  # the watcher's own snapshots, for wording story alerts


def _number_label(q: Mapping[str, Any], language: str | None) -> str | None:
    """What a number counts, folded and stemmed so "missile"/"missiles" meet."""
    what = q.get("noun") or q.get("unit")
    if not what:
        return None
    words = fold(str(what)).split()
    return " ".join(stem(w, language) for w in words)


def _number_value(q: Mapping[str, Any]) -> str:
    v, vmax = q.get("value"), q.get("value_max")
    if v is None:
        return str(q.get("text") or "?")
    out = f"{v:g}" if isinstance(v, int | float) else str(v)
    if vmax is not None and vmax != v:
        out += f"–{vmax:g}" if isinstance(vmax, int | float) else f"–{vmax}"
    return out


def story_state(conn: Connection, story_id: int) -> dict[str, Any] | None:
    story = conn.execute(select(stories.c.id, stories.c.title, stories.c.view)
                         .where(stories.c.id == story_id)).first()
    if story is None:
        return None
    rows = conn.execute(
        select(articles.c.uid, articles.c.title, articles.c.source, articles.c.url,
               articles.c.published, articles.c.language, analyses.c.data)
        .join(story_articles, story_articles.c.article_uid == articles.c.uid)
        .outerjoin(analyses, analyses.c.article_uid == articles.c.uid)
        .where(story_articles.c.story_id == story_id)
        .order_by(articles.c.seq)
    ).all()
    quotes: dict[str, dict[str, Any]] = {}
    numbers: dict[str, dict[str, Any]] = {}
    ents: set[str] = set()
    for r in rows:
        data = r.data or {}
        for q in data.get("quotes") or []:
            words = str(q.get("text") or "").strip()
            if words:
                quotes.setdefault(fold(words)[:300], {
                    "speaker": q.get("speaker_canonical") or q.get("speaker"), "text": words,
                    "article": r.uid})
        for q in data.get("quantities") or []:
            label = _number_label(q, r.language)
            if label:
                entry = numbers.setdefault(label, {"what": str(q.get("noun") or q.get("unit")),
                                                   "values": {}})
                entry["values"].setdefault(_number_value(q), []).append(r.uid)
        for m in data.get("entities") or []:
            name = m.get("canonical") or m.get("text")
            if name:
                ents.add(str(name))
    view = story.view or {}
    facts = [
        {"statement": f.get("statement"), "n_sources": f.get("n_sources", 0),
         "members": sorted({f"{m.get('article')}#{m.get('sentence')}" for m in f.get("members", [])})}
        for f in view.get("facts") or [] if isinstance(f, dict)
    ]
    return {
        "story_id": story_id,
        "title": story.title or view.get("title"),
        "articles": [{"uid": r.uid, "title": r.title, "source": r.source, "url": r.url,
                      "published": r.published} for r in rows],
        "sources": sorted({r.source for r in rows if r.source}),
        "quotes": list(quotes.values()),
        "numbers": {k: {"what": e["what"], "values": {v: sorted(set(u)) for v, u in e["values"].items()}}
                    for k, e in numbers.items()},
        "entities": sorted(ents),
        "facts": facts,
        "facts_available": bool(view.get("facts") is not None),
    }


def diff_states(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> dict[str, Any]:
    """What ``new`` shows that ``old`` did not (``old`` None: a first look)."""
    old = old or {}
    old_uids = {a["uid"] for a in old.get("articles", [])}
    new_articles = [a for a in new.get("articles", []) if a["uid"] not in old_uids]
    new_sources = sorted(set(new.get("sources", [])) - set(old.get("sources", [])))
    old_quotes = {fold(q["text"])[:300] for q in old.get("quotes", [])}
    new_quotes = [q for q in new.get("quotes", []) if fold(q["text"])[:300] not in old_quotes]
    old_members = {m for f in old.get("facts", []) for m in f.get("members", [])}
    old_by_members = {frozenset(f.get("members", [])): f for f in old.get("facts", [])}
    new_facts, corroborated = [], []
    for f in new.get("facts", []):
        members = set(f.get("members", []))
        if not members & old_members:
            new_facts.append({"statement": f["statement"], "n_sources": f["n_sources"]})
            continue
        # The same fact (sharing sentences with one we had) now backed by more sources.
        before = max((g.get("n_sources", 0) for k, g in old_by_members.items() if k & members),
                     default=0)
        if f.get("n_sources", 0) > before:
            corroborated.append({"statement": f["statement"], "n_sources_before": before,
                                 "n_sources": f["n_sources"]})
    old_numbers: Mapping[str, Mapping[str, Any]] = old.get("numbers", {})
    changed, added_numbers = [], []
    for label, entry in new.get("numbers", {}).items():
        values = entry["values"]
        if label not in old_numbers:
            added_numbers.append({"what": entry["what"], "values": sorted(values)})
            continue
        before = old_numbers[label]["values"]
        fresh = sorted(set(values) - set(before))
        if fresh:
            changed.append({
                "what": entry["what"], "before": sorted(before), "new_values": fresh,
                "reported_by": sorted({u for v in fresh for u in values[v]}),
            })
    new_entities = sorted(set(new.get("entities", [])) - set(old.get("entities", [])))
    change: dict[str, Any] = {
        "story_id": new.get("story_id"),
        "title": new.get("title"),
        "first_look": not old,
        "new_articles": new_articles,
        "new_sources": new_sources,
        "new_facts": new_facts,
        "newly_corroborated": corroborated,
        "new_quotes": new_quotes,
        "changed_numbers": changed,
        "new_numbers": added_numbers,
        "new_entities": new_entities,
    }
    if not new.get("facts_available"):
        change["note"] = "facts unavailable: the story view has not been built yet"
    change["has_changes"] = any(change[k] for k in (
        "new_articles", "new_sources", "new_facts", "newly_corroborated", "new_quotes",
        "changed_numbers", "new_numbers", "new_entities"))
    change["headline"] = headline(change)
    return change


def headline(change: Mapping[str, Any]) -> str:
    parts = []
    for key, word in (("new_articles", "article"), ("new_sources", "source"),
                      ("new_facts", "fact"), ("new_quotes", "quote"),
                      ("changed_numbers", "changed number")):
        n = len(change.get(key, []))
        if n:
            parts.append(f"{n} new {word}{'s' if n > 1 else ''}" if key != "changed_numbers"
                         else f"{n} {word}{'s' if n > 1 else ''}")
    return ", ".join(parts) or "no change"


# --- snapshots in the store ---------------------------------------------------------
def load_snapshot(conn: Connection, story_id: int, viewer: str) -> dict[str, Any] | None:
    r = conn.execute(select(story_snapshots.c.state).where(
        story_snapshots.c.story_id == story_id, story_snapshots.c.viewer == viewer)).first()
    return dict(r.state) if r else None


def save_snapshot(conn: Connection, story_id: int, viewer: str, state: Mapping[str, Any]) -> None:
    exists = conn.execute(select(story_snapshots.c.id).where(
        story_snapshots.c.story_id == story_id, story_snapshots.c.viewer == viewer)).first()
    if exists:
        conn.execute(update(story_snapshots).where(story_snapshots.c.id == exists.id)
                     .values(state=dict(state), taken_at=now()))
    else:
        conn.execute(story_snapshots.insert().values(story_id=story_id, viewer=viewer,
                                                     state=dict(state), taken_at=now()))


def changes_since(conn: Connection, story_id: int, viewer: str = DEFAULT_VIEWER,
                  *, mark_seen: bool = False) -> dict[str, Any] | None:
    """The story's update for this viewer; ``mark_seen`` records that they saw it."""
    state = story_state(conn, story_id)
    if state is None:
        return None
    change = diff_states(load_snapshot(conn, story_id, viewer), state)
    if mark_seen:
        save_snapshot(conn, story_id, viewer, state)
    return change


def updated_stories(conn: Connection, viewer: str = DEFAULT_VIEWER,
                    *, include_unseen: bool = False) -> list[dict[str, Any]]:
    """Stories holding articles the viewer has not seen (cheap: article ids only)."""
    seen: dict[int, set[str]] = {
        r.story_id: {a["uid"] for a in (r.state or {}).get("articles", [])}
        for r in conn.execute(select(story_snapshots.c.story_id, story_snapshots.c.state)
                              .where(story_snapshots.c.viewer == viewer))
    }
    current: dict[int, list[str]] = {}
    for r in conn.execute(select(story_articles.c.story_id, story_articles.c.article_uid)):
        current.setdefault(r.story_id, []).append(r.article_uid)
    titles = {r.id: r.title for r in conn.execute(select(stories.c.id, stories.c.title))}
    out = []
    for sid, uids in sorted(current.items()):
        if sid not in seen and not include_unseen:
            continue
        fresh = [u for u in uids if u not in seen.get(sid, set())]
        if fresh:
            out.append({"story_id": sid, "title": titles.get(sid), "n_articles": len(uids),
                        "n_new_articles": len(fresh), "seen_before": sid in seen})
    return out


def story_changes_for_watch(
    conn: Connection, story_ids: Sequence[int],
) -> Iterator[tuple[int, dict[str, Any], list[Any]]]:
    """For each story, its change since the watcher last alerted on it, and its
    articles' match facts; the watcher's snapshot moves forward."""
    for sid in story_ids:
        state = story_state(conn, sid)
        if state is None:
            continue
        change = diff_states(load_snapshot(conn, sid, WATCH_VIEWER), state)
        save_snapshot(conn, sid, WATCH_VIEWER, state)
        if not change["new_articles"]:
            continue
        facts = [f for f in (load_article(conn, a["uid"]) for a in state["articles"]) if f]
        yield sid, change, facts
