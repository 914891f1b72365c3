"""Story title: the most central headline or lead sentence, in the main language."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from sqlalchemy import Connection, func, or_, select

from veille.core.records import StoredArticle
from veille.core.views import Title
from veille.store.schema import articles
from veille.stories.similarity import StoryVectors
from veille.stories.summary import candidate
from veille.stories.units import Unit

MAX_CHARS = 160


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    """Cut a long lead at a clause boundary (comma) or else a word boundary."""
    t = " ".join(text.split())
    if len(t) <= limit:
        return t
    # prefer the end of the first clause, even a little past the limit, to a cut
    # inside a phrase ("les 7 et 8…")
    cut = t.find(", ", limit // 3, int(limit * 1.4))
    if cut < 0:
        cut = t.rfind(", ", 0, limit)
    if cut < limit // 3:
        cut = t.rfind(" ", 0, limit)
    return t[:cut].rstrip(" ,;:") + "…"


#: Characters of a text read for its first line, and the longest first line kept.
FIRST_LINE_HEAD = 400
FIRST_LINE_MAX = 110


def first_line(text: str | None, limit: int = FIRST_LINE_MAX) -> str | None:
    """What to call an article that came without a headline (a JSONL dump with
    no title field): its id tells a reader nothing, and most such texts open
    with their headline or lead, so their first non-empty line, shortened,
    stands in for one (the web pages' rule, session 21)."""
    for line in (text or "")[:FIRST_LINE_HEAD].splitlines():
        if line.strip():
            return shorten(line, limit)
    return None


def first_lines(conn: Connection, uids: Iterable[str]) -> dict[str, str]:
    """What a page, an alert or a report calls an article that came without a headline (a JSONL dump
    with no title field, a text file without a sidecar): listed by its id alone
    ("semeval-1513958355") it told a reader nothing on the story page and in
    search results (session 21). Most such texts open with their headline or
    their lead, so the first line, shortened, stands in for one; the page marks
    it as such. Titled articles are not in the answer."""
    ids = list(dict.fromkeys(uids))
    if not ids:
        return {}
    rows = conn.execute(
        select(articles.c.uid, func.substr(articles.c.text, 1, FIRST_LINE_HEAD))
        .where(articles.c.uid.in_(ids), or_(articles.c.title.is_(None), articles.c.title == ""))).all()
    return {uid: label for uid, head in rows if (label := first_line(head))}


def choose_title(
    articles: Sequence[StoredArticle],
    units: Sequence[Unit],
    main_language: str | None,
    vectors: StoryVectors | None = None,
) -> Title | None:
    """Candidates are each article's headline, else its first stand-alone
    sentence; the one closest on average to all the story's sentences wins."""
    cands: list[tuple[str, str, str]] = []  # (text, kind, uid)
    leads: dict[int, Unit] = {}
    for u in units:
        if u.article not in leads and candidate(u):
            leads[u.article] = u
    for ai, a in enumerate(articles):
        lang = a.language
        if main_language and lang and lang != main_language:
            continue
        if a.title and str(a.title).strip():
            cands.append((str(a.title).strip(), "headline", a.uid))
        lead = leads.get(ai)
        if lead is not None:
            cands.append((lead.text, "lead sentence", a.uid))
    if not cands:
        return None
    body = [i for i, u in enumerate(units) if not u.caption and
            (main_language is None or u.language in (None, main_language))]
    if not body:
        body = list(range(len(units)))
    if vectors is None:
        vectors = StoryVectors([u.text for u in units])
    k = len(cands)
    # mean cosine with the body through its centroid: linear in the story's size
    score = (vectors.centroid_sims(vectors.transform([c[0] for c in cands]), body)
             if body else np.zeros(k))
    # Headlines are written to be titles; a lead sentence is the fallback for
    # stories whose articles have none. (Leads won on centrality because they
    # are longer, and scraped ones carry page furniture: "CLOSE A group of...")
    headline = np.array([c[1] == "headline" for c in cands])
    if headline.any():
        score = np.where(headline, score, -1.0)
    best = int(np.argmax(score))
    text, kind, uid = cands[best]
    return Title(text=shorten(text), full=" ".join(text.split()), from_=kind, article=uid,
                 language=main_language, centrality=round(float(score[best]), 4))
