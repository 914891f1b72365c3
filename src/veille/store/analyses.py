"""Analysis, entity and mention queries."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, select

from veille.core.entity_context import article_context, named_in_full
from veille.core.model import Analysis, EntityRecord
from veille.store.articles import now
from veille.store.schema import analyses, articles, entities, entity_corrections, mentions, meta

ANALYSIS_FIELDS = ("sentences", "entities", "quotes", "times", "quantities")


def pending(conn: Connection, limit: int, *, after_seq: int = 0,
            among: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Articles with no analysis yet, in ingest order (``among``: of these uids only)."""
    q = (
        select(articles.c.uid, articles.c.seq, articles.c.text, articles.c.language,
               articles.c.published_start, articles.c.published_end, articles.c.date_precision)
        .outerjoin(analyses, analyses.c.article_uid == articles.c.uid)
        .where(analyses.c.article_uid.is_(None), articles.c.seq > after_seq)
        .order_by(articles.c.seq)
        .limit(limit)
    )
    if among is not None:
        q = q.where(articles.c.uid.in_(list(among)))
    return [dict(r._mapping) for r in conn.execute(q)]


def count_pending(conn: Connection) -> int:
    """How many articles have no analysis."""
    return int(conn.execute(
        select(func.count()).select_from(articles)
        .outerjoin(analyses, analyses.c.article_uid == articles.c.uid)
        .where(analyses.c.article_uid.is_(None))
    ).scalar_one())


def outdated(conn: Connection, version: str, components: Mapping[str, int]) -> list[str]:
    """Articles whose analysis was made by another ``version`` or by other
    component versions than ``components``.

    Compared here rather than in SQL: PostgreSQL's ``json`` type has no
    equality, and the two short columns of every analysis are cheap to read.
    """
    want = dict(components)
    rows = conn.execute(select(analyses.c.article_uid, analyses.c.version, analyses.c.components))
    return [uid for uid, ver, comps in rows if ver != version or dict(comps or {}) != want]


def delete_analyses(conn: Connection, uids: Sequence[str] | None = None) -> list[str]:
    """Drop the analyses (and mentions) of ``uids``; of every article if None.

    The entities lose the evidence those mentions gave, and the names only
    those mentions supported: a name left as a lookup key would pull the
    re-analysed mentions back into a record an older linker made (issue #15).
    Returns the entities that kept some names but lost others: their canonical
    name and label are to be derived again from what is left (the store does
    not know how; ``veille.analyze.service`` does)."""
    pruned: list[str] = []
    if uids is None:
        pruned = _unlink(conn, None)
        conn.execute(delete(mentions))
        conn.execute(delete(analyses))
        return pruned
    for i in range(0, len(uids), 500):  # bounded IN lists
        part = list(uids[i:i + 500])
        pruned.extend(_unlink(conn, part))
        conn.execute(delete(mentions).where(mentions.c.article_uid.in_(part)))
        conn.execute(delete(analyses).where(analyses.c.article_uid.in_(part)))
    return list(dict.fromkeys(pruned))


def _corrected(conn: Connection) -> tuple[set[str], dict[str, set[str]]]:
    """The names people's corrections rely on: (entities that keep every name,
    {entity: the names it keeps}).

    A merge made since session 13 lists the names it brought (``aliases``) and
    the name of the record it went into (``name``): those stay on the target,
    as lookup keys that lead the re-linked mentions of both back to it, and its
    other names go the way of any record's, with their mentions, so a stale
    name an older linker left cannot pull mentions back in (issue #15). An
    older merge lists none, and a split or a rename finds its record by the
    names it has: those records keep them all. A detach names a mention, not a
    name (``analyze.corrections.target_of``): it keeps none."""
    every: set[str] = set()
    needed: dict[str, set[str]] = {}
    for action, eid, target, name, aliases in conn.execute(select(
            entity_corrections.c.action, entity_corrections.c.entity_id,
            entity_corrections.c.target_id, entity_corrections.c.name,
            entity_corrections.c.aliases)):
        if action == "detach":
            continue
        if action == "merge" and target and aliases:
            needed.setdefault(target, set()).update([*aliases, *([name] if name else [])])
            continue
        every.add(eid)
        if target:
            every.add(target)
    return every, needed


def _context_taken(conn: Connection, uids: Sequence[str]) -> dict[str, dict[str, int]]:
    """What the articles ``uids`` added to their persons' contexts: entity ->
    {co-mentioned entity: articles}, counted as the linker counts them
    (``veille.core.entity_context``: the persons named in full count the
    others of their article; other records keep no context, so nothing is
    taken from them)."""
    per_article: dict[str, dict[str, bool]] = {}
    for i in range(0, len(uids), 500):
        query = select(mentions.c.article_uid, mentions.c.entity_id, mentions.c.text).where(
            mentions.c.article_uid.in_(list(uids[i:i + 500])), mentions.c.entity_id.is_not(None))
        for uid, eid, text in conn.execute(query):
            art = per_article.setdefault(uid, {})
            art[eid] = art.get(eid, False) or named_in_full(text)
    out: dict[str, dict[str, int]] = {}
    for art in per_article.values():
        for eid, others in article_context({e for e, full in art.items() if full}, set(art)).items():
            d = out.setdefault(eid, {})
            for other in others:
                d[other] = d.get(other, 0) + 1
    return out


def _unlink(conn: Connection, uids: Sequence[str] | None) -> list[str]:
    """Take the mentions of ``uids`` (all if None) out of their entities' evidence;
    drop the names no other mention supports, and the entities left with none.
    Returns the entities that lost some names but not all."""
    query = select(mentions.c.entity_id, mentions.c.text, mentions.c.label, func.count()).where(
        mentions.c.entity_id.is_not(None)).group_by(mentions.c.entity_id, mentions.c.text,
                                                    mentions.c.label)
    if uids is not None:
        query = query.where(mentions.c.article_uid.in_(list(uids)))
    taken: dict[str, list[tuple[str, str, int]]] = {}
    for eid, text, label, n in conn.execute(query):
        taken.setdefault(eid, []).append((text, label, int(n)))
    if not taken:
        return []
    ids = list(taken)
    rows: list[Any] = []
    for i in range(0, len(ids), 500):
        rows.extend(conn.execute(select(entities).where(entities.c.entity_id.in_(ids[i:i + 500]))))
    every, needed = _corrected(conn)
    spoken = languages_left(conn, ids, uids)
    context_taken = _context_taken(conn, uids) if uids is not None else {}
    pruned: list[str] = []
    gone: list[str] = []
    for r in rows:
        counts = dict(r.alias_counts or {})
        # rows from before revision 0007 kept no counts: which names other
        # mentions support is unknown, so they all stay
        prune = bool(counts) and r.entity_id not in every
        votes = dict(r.label_votes or {})
        n_mentions = had = r.n_mentions or 0
        for text, _label, n in taken[r.entity_id]:
            if text in counts:
                counts[text] -= n
                if counts[text] <= 0:
                    del counts[text]
            n_mentions -= n
        # each mention stands for an even share of every label's votes: a row
        # holds the label it was linked under, not the one it voted for (the
        # model's, weighed by the linker), so taking votes off that label only
        # left the others standing with no mention behind them, and the votes
        # re-analysis brings again doubled them (a merged-in person's votes
        # turned an organisation into a person; issue #15)
        votes = {k: v * n_mentions / had for k, v in votes.items()} if 0 < n_mentions < had \
            else ({} if n_mentions <= 0 else votes)
        aliases = list(r.aliases or [])
        evidence = dict(r.evidence or {})
        # the co-mentions those articles counted go with them (all of them
        # when every analysis goes), or re-analysis would count them twice
        context = dict(r.context or {}) if uids is not None else {}
        for other, n in context_taken.get(r.entity_id, {}).items():
            if other in context:
                context[other] -= n
                if context[other] <= 0:
                    del context[other]
        # the languages of the mentions that stay, every record alike: no lookup
        # or correction reads them, and a language only the dropped mentions
        # had is a claim nothing supports
        languages = kept_languages(r.languages or [], spoken.get(r.entity_id, set()))
        if prune:
            # names a merge brought stay with no mention left (count 0): the
            # linker keeps a record's names as its counts' keys
            for a in needed.get(r.entity_id, set()) & set(aliases):
                counts.setdefault(a, 0)
            if not counts:
                gone.append(r.entity_id)
                continue
            left = [a for a in aliases if a in counts]
            if left != aliases:
                pruned.append(r.entity_id)
            aliases = left
            evidence = {a: why for a, why in evidence.items() if a in counts}
            votes = {k: v for k, v in votes.items() if v > 0} or votes
        else:
            # the names stay (lookups and corrections name them), only the
            # evidence goes; a name with no mention left keeps a count of 0, or
            # the linker, which keeps a record's names as its counts' keys,
            # would drop it the next time it touches the record
            for a in aliases:
                counts.setdefault(a, 0)
        conn.execute(entities.update().where(entities.c.entity_id == r.entity_id).values(
            aliases=aliases, alias_counts=counts or {a: 0 for a in aliases}, label_votes=votes,
            evidence=evidence, n_mentions=max(0, n_mentions), languages=languages,
            context=context))
    if uids is not None and gone:  # counts out of step with the mentions: trust the mentions
        still = select(mentions.c.entity_id).distinct().where(
            mentions.c.entity_id.in_(gone), mentions.c.article_uid.not_in(list(uids)))
        held = set(conn.execute(still).scalars())
        gone = [g for g in gone if g not in held]
    for i in range(0, len(gone), 500):
        conn.execute(delete(entities).where(entities.c.entity_id.in_(gone[i:i + 500])))
    new_entities_stamp(conn)  # a writer holding the entities in memory must reload them
    return pruned


def kept_languages(had: Sequence[str], spoken: set[str]) -> list[str]:
    """A record's languages once some of its mentions went: those it had that
    a remaining mention is written in, in their order, then any other language
    of the remaining mentions (re-analysis here, a replayed correction in
    ``analyze.corrections``: one rule, so both leave a record alike)."""
    kept = [g for g in had if g in spoken]
    return kept + sorted(spoken - set(kept))


def languages_left(conn: Connection, ids: Sequence[str],
                   uids: Sequence[str] | None) -> dict[str, set[str]]:
    """The languages of the mentions of entities ``ids`` outside articles
    ``uids`` (none if None: every mention goes): the articles' stored language,
    or the one the analysis detected where the article has none, as the
    linker takes it (``Analysis.language``). One row per entity and language,
    not per article: a common name has mentions in most of a large store."""
    if uids is None:
        return {}
    out: dict[str, set[str]] = {}
    unknown: list[str] = []
    others = mentions.c.article_uid.not_in(list(uids))
    for i in range(0, len(ids), 500):
        part = list(ids[i:i + 500])
        query = (select(mentions.c.entity_id, articles.c.language).distinct()
                 .join(articles, articles.c.uid == mentions.c.article_uid)
                 .where(mentions.c.entity_id.in_(part), others))
        for eid, language in conn.execute(query):
            if language:
                out.setdefault(eid, set()).add(language)
            else:
                unknown.append(eid)
    for i in range(0, len(unknown), 500):
        query = (select(mentions.c.entity_id, analyses.c.data)
                 .join(articles, articles.c.uid == mentions.c.article_uid)
                 .join(analyses, analyses.c.article_uid == mentions.c.article_uid)
                 .where(mentions.c.entity_id.in_(unknown[i:i + 500]), others,
                        articles.c.language.is_(None)))
        for eid, data in conn.execute(query):
            language = (data or {}).get("language")
            if language:
                out.setdefault(eid, set()).add(language)
    return out


def all_uids(conn: Connection) -> list[str]:
    return list(conn.execute(select(articles.c.uid).order_by(articles.c.seq)).scalars())


def load_entities(conn: Connection) -> list[EntityRecord]:
    out = []
    for r in conn.execute(select(entities)):
        aliases = list(r.aliases or [])
        # Rows from before revision 0007 kept no evidence: one count per alias,
        # the mentions as votes for the label they have.
        counts = r.alias_counts if r.alias_counts else {a: 1 for a in aliases}
        votes = r.label_votes if r.label_votes else {r.label: float(max(1, r.n_mentions or 0))}
        out.append(EntityRecord(
            entity_id=r.entity_id, canonical=r.canonical, label=r.label, aliases=aliases,
            n_mentions=r.n_mentions or 0, languages=list(r.languages or []),
            alias_counts=dict(counts), label_votes=dict(votes),
            evidence=dict(r.evidence or {}), context=dict(r.context or {})))
    return out


ENTITIES_STAMP = "entities_stamp"


def entities_stamp(conn: Connection) -> str | None:
    """A token that changes with every write of the entity table: a writer
    holding the table in memory can tell whether it is still current."""
    row = conn.execute(select(meta.c.value).where(meta.c.key == ENTITIES_STAMP)).first()
    return str(row[0]) if row and row[0] is not None else None


def new_entities_stamp(conn: Connection) -> str:
    stamp = uuid.uuid4().hex
    conn.execute(delete(meta).where(meta.c.key == ENTITIES_STAMP))
    conn.execute(meta.insert().values(key=ENTITIES_STAMP, value=stamp))
    return stamp


def save_entities(conn: Connection, records: Sequence[EntityRecord]) -> None:
    """Replace the given entity rows: one delete and one multi-row insert."""
    if not records:
        return
    ids = [rec.entity_id for rec in records]
    for i in range(0, len(ids), 500):  # bounded IN lists
        conn.execute(delete(entities).where(entities.c.entity_id.in_(ids[i:i + 500])))
    conn.execute(entities.insert(), [
        {"entity_id": rec.entity_id, "canonical": rec.canonical, "label": rec.label,
         "aliases": list(rec.aliases), "n_mentions": rec.n_mentions,
         "languages": list(rec.languages), "alias_counts": dict(rec.alias_counts),
         "label_votes": dict(rec.label_votes), "evidence": dict(rec.evidence),
         "context": dict(rec.context)}
        for rec in records
    ])


def save_analysis(conn: Connection, an: Analysis, version: str,
                  components: Mapping[str, int] | None = None) -> None:
    """Replace an article's analysis and mentions (idempotent); ``components``
    are the versions of the components that made it."""
    save_analyses(conn, [an], version, components)


def _status(an: Analysis) -> str:
    status = "ok" if not an.notes else "partial"
    if an.sentences == [] and an.notes:
        status = "failed" if any("error" in n.lower() for n in an.notes) else "partial"
    return status


SAVE_CHUNK = 500  # uids per IN list / rows per insert (bounded statements)


def save_analyses(conn: Connection, ans: Sequence[Analysis], version: str,
                  components: Mapping[str, int] | None = None) -> None:
    """Replace the analyses and mentions of a batch of articles: the rows
    :func:`save_analysis` writes one article at a time (same rows, mentions
    inserted in the same order), in a few statements per batch instead of four
    per article. An article given twice keeps its last analysis, as saving
    them one after the other did."""
    last = {an.article_uid: an for an in ans}
    batch = [an for an in ans if last[an.article_uid] is an]
    if not batch:
        return
    uids = [an.article_uid for an in batch]
    for i in range(0, len(uids), SAVE_CHUNK):
        part = uids[i:i + SAVE_CHUNK]
        conn.execute(delete(mentions).where(mentions.c.article_uid.in_(part)))
        conn.execute(delete(analyses).where(analyses.c.article_uid.in_(part)))
    comps = dict(components) if components is not None else None
    rows = [dict(article_uid=an.article_uid, version=version, status=_status(an),
                 notes=list(an.notes), data=an.to_dict(), analyzed_at=now(), components=comps)
            for an in batch]
    for i in range(0, len(rows), SAVE_CHUNK):
        conn.execute(analyses.insert(), rows[i:i + SAVE_CHUNK])
    ments = [dict(article_uid=an.article_uid, entity_id=m.entity_id, text=m.text, label=m.label,
                  start=m.start, end=m.end)
             for an in batch for m in an.entities]
    for i in range(0, len(ments), SAVE_CHUNK * 10):
        conn.execute(mentions.insert(), ments[i:i + SAVE_CHUNK * 10])


def get_analysis(conn: Connection, uid: str) -> dict[str, Any] | None:
    row = conn.execute(select(analyses).where(analyses.c.article_uid == uid)).first()
    if row is None:
        return None
    return {"version": row.version, "status": row.status, "notes": row.notes or [],
            "data": row.data or {}, "components": dict(row.components or {})}


def article_analysis(conn: Connection, uid: str) -> dict[str, Any]:
    """The analysis fields as `veille article ID --json` shows them."""
    an = get_analysis(conn, uid)
    if an is None:
        return {"analysis": {"status": "pending"}}
    data = an["data"]
    out: dict[str, Any] = {k: data.get(k, []) for k in ANALYSIS_FIELDS}
    out["analysis"] = {"status": an["status"], "version": an["version"], "notes": an["notes"],
                       "components": an["components"]}
    return out
