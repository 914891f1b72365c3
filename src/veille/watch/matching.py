"""What the watcher matches watchlists against: folded words and stems of a
query and of an article, and an article's facts (words, stems, entities).

Apart from :mod:`veille.watch.alerts` because story changes
(:mod:`veille.watch.changes`) read the same facts and alerts read story
changes: both import this module, neither imports the other's importer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select

from veille.core.text import fold_terms
from veille.search.text import query_forms, stem_text
from veille.store.schema import articles, mentions
from veille.stories.title import first_line

# --- text matching ------------------------------------------------------------------
#: Casefolded, accents removed, apostrophes and dashes as spaces (core.text).
fold = fold_terms


def query_terms(query: str) -> list[str]:
    """Terms of a query: words, or "quoted phrases" kept as one term."""
    terms = [fold(p) for p in re.findall(r'"([^"]+)"', query)]
    terms += fold(re.sub(r'"[^"]*"', " ", query)).split()
    return [t for t in terms if t]


#: ``source:rt.com`` or ``source:"Le Monde"`` in a query: the article's outlet (a
#: domain with or without ``www.``, or an outlet name), like a search engine's ``site:``.
SOURCE_CLAUSE = re.compile(r'(?<!\S)source:(?:"([^"]+)"|(\S+))', re.IGNORECASE)


def split_sources(query: str) -> tuple[str, list[str]]:
    """The query without its ``source:`` clauses, and the sources they name."""
    found = [(m.group(1) or m.group(2)).strip() for m in SOURCE_CLAUSE.finditer(query)]
    return SOURCE_CLAUSE.sub(" ", query).strip(), [f for f in found if f]


def query_matches(query: str, folded_text: str) -> bool:
    terms = query_terms(query)
    padded = f" {folded_text} "
    return bool(terms) and all(f" {t} " in padded for t in terms)


def _term_forms(term: str) -> list[set[str]]:
    """Each word of a term with the forms it may take: folded, and its French
    and English Snowball stems (so "crues" finds "crue" and "dockers" finds
    "docker")."""
    words = term.split()
    return [{w, *(fold(f) for f in query_forms(w))} for w in words]


def _contains(seq: Sequence[str], forms: Sequence[set[str]]) -> bool:
    n = len(forms)
    return n > 0 and any(all(seq[i + j] in forms[j] for j in range(n))
                         for i in range(len(seq) - n + 1))


def article_tokens(text: str, language: str | None) -> tuple[list[str], list[str]]:
    """The text as folded words and as stems in its own language."""
    words = fold(text).split()
    return words, fold(stem_text(text, language)).split()


def query_matches_tokens(query: str, words: Sequence[str], stems: Sequence[str]) -> bool:
    """Every term of the query, as words or as stems (a phrase: consecutive)."""
    terms = query_terms(query)
    if not terms:
        return False
    for term in terms:
        forms = _term_forms(term)
        if not (_contains(words, forms) or _contains(stems, forms)):
            return False
    return True


@dataclass
class ArticleFacts:
    uid: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    folded: str
    words: list[str]
    stems: list[str]
    entity_ids: set[str]
    mention_forms: set[str]
    analysed: bool
    first_line: str | None = None  # an untitled article's name (stories.title.first_line)


def load_article(conn: Connection, uid: str) -> ArticleFacts | None:
    r = conn.execute(select(articles.c.uid, articles.c.title, articles.c.text, articles.c.source,
                            articles.c.url, articles.c.published, articles.c.language)
                     .where(articles.c.uid == uid)).first()
    if r is None:
        return None
    ms = conn.execute(select(mentions.c.entity_id, mentions.c.text)
                      .where(mentions.c.article_uid == uid)).all()
    full = f"{r.title or ''}\n{r.text}"
    words, stems = article_tokens(full, r.language)
    return ArticleFacts(
        uid=r.uid, title=r.title, source=r.source, url=r.url, published=r.published,
        folded=" ".join(words), words=words, stems=stems,
        entity_ids={m.entity_id for m in ms if m.entity_id},
        mention_forms={fold(m.text) for m in ms}, analysed=bool(ms),
        first_line=None if (r.title or "").strip() else first_line(r.text),
    )
