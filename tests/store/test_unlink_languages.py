"""Dropping analyses re-derives an entity record's languages from the mentions
that stay, on both backends (issue #15): a language only the dropped mentions
had must not stay claimed. The third article has no stored language (ingest
could not tell), so its analysis's detected language stands for it."""

from __future__ import annotations

from sqlalchemy import update

from veille.core.model import Analysis, EntityRecord, Mention, RawRecord
from veille.ingest.service import ingest_items
from veille.store import Store
from veille.store import analyses as qa
from veille.store.schema import articles

# One event as three outlets wrote it (the seeds' story: nuclear weapons in Belarus).
TEXTS = {
    "fr": ("Vladimir Poutine", "Le président Vladimir Poutine a déclaré vendredi que la Russie "
           "déploierait des armes nucléaires tactiques en Biélorussie."),
    "en": ("Vladimir Putin", "President Vladimir Putin said on Friday that Russia would deploy "
           "tactical nuclear weapons in Belarus."),
    "de": ("Wladimir Putin", "Präsident Wladimir Putin sagte am Freitag, Russland werde taktische "
           "Atomwaffen in Belarus stationieren."),
}
EID = "per:vladimir-poutine"


def _languages(store: Store) -> list[str] | None:
    with store.connect() as conn:
        rec = next((r for r in qa.load_entities(conn) if r.entity_id == EID), None)
    return None if rec is None else rec.languages


def test_dropped_mentions_take_their_languages_along(store: Store) -> None:
    ingest_items(store, [RawRecord(text=text, origin="<t>", uid=lang, language=lang)
                         for lang, (_, text) in TEXTS.items()])
    with store.begin() as conn:
        conn.execute(update(articles).where(articles.c.uid == "de").values(language=None))
        for lang, (name, text) in TEXTS.items():
            an = Analysis(article_uid=lang, language=lang)
            start = text.index(name)
            an.entities = [Mention(name, "PER", start, start + len(name), 0, entity_id=EID)]
            qa.save_analysis(conn, an, "v-test")
        qa.save_entities(conn, [EntityRecord(
            entity_id=EID, canonical="Vladimir Poutine", label="PER",
            aliases=sorted(n for n, _ in TEXTS.values()), n_mentions=3, languages=["fr", "en", "de"],
            alias_counts={n: 1 for n, _ in TEXTS.values()}, label_votes={"PER": 3.0})])
    with store.begin() as conn:
        qa.delete_analyses(conn, ["en"])
    assert _languages(store) == ["fr", "de"]
    with store.begin() as conn:
        qa.delete_analyses(conn, ["fr"])
    assert _languages(store) == ["de"]  # from the analysis: the article has no language
    with store.begin() as conn:
        qa.delete_analyses(conn)
    assert _languages(store) is None  # no mention left: the record goes
