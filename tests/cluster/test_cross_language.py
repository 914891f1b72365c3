"""Stories across languages: the encoder's centroid finds and scores a report
in another language; without vectors the word signals decide alone."""

from __future__ import annotations

import numpy as np
import pytest

from veille.cluster.features import ArticleFeatures, build_features
from veille.cluster.index import CentroidIndex
from veille.cluster.online import OnlineClusterer
from veille.cluster.params import load_params
from veille.cluster.state import StoryState
from veille.embed import embed_articles

# Three reports of one event in three languages, and an unrelated one
# (written for this test; the event: the EU AI Act vote of 13 March 2024).
SAME = [
    ("en", "European Parliament approves landmark artificial intelligence law",
     "The European Parliament on Wednesday approved the world's first comprehensive rules for "
     "artificial intelligence, after lawmakers reached a deal with member states in December. "
     "The AI Act bans some uses of the technology and sets obligations for high-risk systems."),
    ("fr", "Le Parlement européen adopte une loi historique sur l'intelligence artificielle",
     "Le Parlement européen a approuvé mercredi les premières règles complètes au monde sur "
     "l'intelligence artificielle, après un accord conclu en décembre avec les États membres. "
     "Le texte interdit certains usages et impose des obligations aux systèmes à haut risque."),
    ("de", "Europäisches Parlament billigt Gesetz über künstliche Intelligenz",
     "Das Europäische Parlament hat am Mittwoch die weltweit ersten umfassenden Regeln für "
     "künstliche Intelligenz gebilligt, nachdem im Dezember eine Einigung mit den Mitgliedstaaten "
     "erzielt worden war. Das Gesetz verbietet manche Anwendungen der Technologie."),
]
OTHER = ("en", "Floods in Pakistan force thousands from their homes",
         "Heavy monsoon rains flooded villages in Sindh province on Tuesday, forcing thousands of "
         "families to leave their homes, officials said. Roads and bridges were washed away.")


def _feats(items: list[tuple[str, str, str]], vectors: bool) -> list[ArticleFeatures]:
    vecs = [v.vector for v in embed_articles([(t, x) for _, t, x in items])]
    if not vectors:
        vecs = [None] * len(items)
    return [build_features(f"a{i}", x, t, lg, start="2024-03-13", vector=v, seq=i)
            for i, ((lg, t, x), v) in enumerate(zip(items, vecs, strict=True))]


def test_one_story_across_languages_and_the_unrelated_one_apart() -> None:
    cl = OnlineClusterer(params=load_params())
    ds = [cl.add(f) for f in _feats([*SAME, OTHER], vectors=True)]
    assert ds[0].story_id == ds[1].story_id == ds[2].story_id
    assert ds[3].story_id != ds[0].story_id


def test_without_vectors_nothing_breaks_and_languages_stay_apart() -> None:
    """The fallback: no vector, the word signals alone (which cannot see
    that these are one event: no shared language, few shared names)."""
    cl = OnlineClusterer(params=load_params())
    ds = [cl.add(f) for f in _feats([*SAME, OTHER], vectors=False)]
    assert all(d.signals.get("noemb", 1.0) == 1.0 for d in ds if d.signals)
    assert ds[3].story_id != ds[0].story_id


def test_centroid_index_is_exact_and_forgets() -> None:
    rng = np.random.default_rng(7)
    ix = CentroidIndex(dim=16)
    vecs = {f"s{i}": rng.normal(size=16).astype(np.float32) for i in range(200)}
    for sid, v in vecs.items():
        ix.upsert(sid, v)
    for sid in list(vecs)[:50]:
        ix.remove(sid)
    q = rng.normal(size=16).astype(np.float32)
    q /= np.linalg.norm(q)
    live = {s: float(v @ q / np.linalg.norm(v)) for s, v in list(vecs.items())[50:]}
    want = sorted(live, key=lambda s: -live[s])[:5]
    got = ix.query(q, 5, -1.0)
    assert [s for s, _ in got] == want
    assert all(abs(sim - live[s]) < 1e-5 for s, sim in got)
    assert ix.query(q, 5, 2.0) == []


def test_story_state_keeps_its_centroid_exactly() -> None:
    (f,) = _feats([SAME[0]], vectors=True)
    s = StoryState(id="x")
    s.add(f, lambda _k: 1.0)
    back = StoryState.from_dict(s.to_dict())
    assert back.n_vec == 1 and back.vec is not None and s.vec is not None
    assert np.array_equal(back.vec, s.vec)


@pytest.mark.parametrize("vectors", [True, False])
def test_same_language_reports_still_join(vectors: bool) -> None:
    a = SAME[0]
    b = ("en", "EU lawmakers approve artificial intelligence act",
         "European Parliament lawmakers on Wednesday approved the artificial intelligence act, the "
         "world's first comprehensive rules for AI, after a deal with member states in December.")
    cl = OnlineClusterer(params=load_params())
    d1, d2 = (cl.add(f) for f in _feats([a, b], vectors=vectors))
    assert d1.story_id == d2.story_id


def test_a_centroid_of_another_encoder_is_dropped_on_reload() -> None:
    (f,) = _feats([SAME[0]], vectors=True)
    s = StoryState(id="x")
    s.add(f, lambda _k: 1.0)
    d = {**s.to_dict(), "vec_model": "some-older-encoder"}
    back = StoryState.from_dict(d)
    assert back.vec is None and back.n_vec == 0 and back.n == 1


# A second German report of the same vote, worded differently, and an
# unrelated German one (written for this test).
DE_SAME = ("de", "Straßburg: EU-Parlament stimmt für weltweit erstes KI-Gesetz",
           "Das Europäische Parlament hat am Mittwoch in Straßburg mit großer Mehrheit das "
           "KI-Gesetz verabschiedet, die ersten umfassenden Regeln für künstliche Intelligenz. "
           "Im Dezember hatten sich Parlament und Mitgliedstaaten geeinigt. Systeme mit hohem "
           "Risiko müssen strenge Auflagen erfüllen, einige Anwendungen werden verboten.")
DE_OTHER = ("de", "Hochwasser in Bayern: Tausende müssen ihre Häuser verlassen",
            "Nach tagelangem Regen sind in Niederbayern mehrere Flüsse über die Ufer getreten. "
            "Tausende Menschen wurden in Sicherheit gebracht, Straßen und Brücken sind gesperrt.")


def test_same_language_pair_with_vectors_uses_the_encoder_model() -> None:
    """Both vectors and a shared language: the words + encoder model decides;
    a missing vector falls back to the words-only weights, unchanged."""
    params = load_params()
    assert params.vector_weights, "params.json should carry the same-language vector model"
    model = params.model()
    fa, fb, fo = _feats([SAME[2], DE_SAME, DE_OTHER], vectors=True)
    cl = OnlineClusterer(params=params)
    da, db, do = cl.add(fa), cl.add(fb), cl.add(fo)
    assert db.story_id == da.story_id
    assert do.story_id != da.story_id
    x = dict(db.signals)
    assert x["noemb"] == 0.0 and x["cross"] == 0.0 and x["emb2"] == pytest.approx(x["emb"] ** 2)
    want = params.vector_bias + sum(params.vector_weights.get(k, 0.0) * v for k, v in x.items())
    assert model.logit(x) == pytest.approx(want)
    # Same pair, no vector: the words-only model, as before the encoder.
    plain = {**x, "emb": 0.0, "emb2": 0.0, "noemb": 1.0}
    assert model.logit(plain) == pytest.approx(
        params.bias + sum(params.weights.get(k, 0.0) * v for k, v in plain.items()))
