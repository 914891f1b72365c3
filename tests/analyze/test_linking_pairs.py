"""Must-link / must-not-link pairs written from the dev corpora (tests/data/entity_pairs/,
guide in docs/measured/quality-entities.md): each pair is linked on its own, the two names in
one article ("within") or in two articles seen one after the other ("across")."""

from __future__ import annotations

import csv
import random
import string
from pathlib import Path

import pytest

from veille.analyze.linking import link_entities, person_compatible
from veille.core.model import Analysis, Mention

PAIRS = Path(__file__).resolve().parents[1] / "data" / "entity_pairs" / "pairs.tsv"


def _rows() -> list[dict[str, str]]:
    with PAIRS.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _article(uid: str, label: str, *surfaces: str) -> Analysis:
    an = Analysis(article_uid=uid, language="en")
    pos = 0
    for n, s in enumerate(surfaces):
        an.entities.append(Mention(text=s, label=label, start=pos, end=pos + len(s), sentence=n))
        pos += len(s) + 2
    return an


def _linked_ids(row: dict[str, str]) -> tuple[str | None, str | None]:
    a, b, label = row["a"], row["b"], row["label"]
    if row["scope"] == "within":
        (an,), _ = link_entities([_article("x", label, a, b)], [])
        return an.entities[0].entity_id, an.entities[1].entity_id
    (x, y), _ = link_entities([_article("x", label, a), _article("y", label, b)], [])
    return x.entities[0].entity_id, y.entities[0].entity_id


def test_the_gold_is_large_enough_and_sourced():
    rows = _rows()
    assert len(rows) >= 150
    assert all(r["relation"] in ("link", "not") and r["scope"] in ("within", "across")
               and r["source"].strip() for r in rows)


def test_zero_must_not_link_violations():
    bad = [(r["a"], r["b"]) for r in _rows() if r["relation"] == "not"
           and len(set(_linked_ids(r))) == 1]
    assert bad == []


def test_must_link_pairs_share_one_entity():
    missed = [(r["a"], r["b"]) for r in _rows() if r["relation"] == "link"
              and len(set(_linked_ids(r))) != 1]
    assert missed == []


@pytest.mark.parametrize(("a", "b", "same"), [
    ("michael obama", "michelle obama", False),
    ("i christopher giancarlo", "christopher giancarlo", True),
    ("george v bush", "george bush", True),
    ("steve kim", "kim iong un", False),
])
def test_given_names_decide(a, b, same):
    assert person_compatible(a, b) is same


def test_lone_surname_across_articles_is_left_alone_when_two_people_carry_it():
    arts = [_article("a", "PER", "Nathan Taylor"), _article("b", "PER", "Simon Taylor"),
            _article("c", "PER", "Taylor")]
    (a, b, c), _ = link_entities(arts, [])
    assert c.entities[0].entity_id not in (a.entities[0].entity_id, b.entities[0].entity_id)


def test_a_link_keeps_its_evidence():
    _, recs = link_entities([_article("a", "LOC", "United States"), _article("b", "LOC", "U.S."),
                             _article("c", "LOC", "États-Unis")], [])
    (rec,) = recs
    assert "gazetteer" in rec.evidence["U.S."] and "gazetteer" in rec.evidence["États-Unis"]
    assert rec.canonical in ("United States", "États-Unis")  # a name, never the acronym


def test_a_lone_name_shared_by_two_people_does_not_split_its_own_mentions():
    # news-clusters: "SpaceX" (tagged PER by the model) in many articles, one of which
    # also has a junk full name starting with it; the lone name stays one entity
    arts = [_article("a", "PER", "SpaceX"), _article("b", "PER", "SpaceX Set To Launch World", "SpaceX"),
            _article("c", "PER", "SpaceX"), _article("d", "PER", "SpaceX")]
    out, _ = link_entities(arts, [])
    lone = {an.entities[-1].entity_id for an in out if an.article_uid != "b"}
    assert len(lone) == 1


def test_an_article_full_of_names_links_each_surname_to_its_own_person():
    # bad input: a very long article of names (each surname once with its full name);
    # linking looks short forms up by word, so this stays linear
    n = 3000
    rng = random.Random(0)
    given = ["Anna", "Boris", "Chen", "Dara", "Emil"]
    surnames = sorted({"".join(rng.choice(string.ascii_lowercase) for _ in range(9)).title()
                       for _ in range(n)})[:n]
    fulls = [f"{given[i % 5]} {s}" for i, s in enumerate(surnames)]
    n = len(fulls)
    an = _article("big", "PER", *fulls, *(f.split()[1] for f in fulls))
    (out,), recs = link_entities([an], [])
    assert len(recs) == n
    assert all(out.entities[i].entity_id == out.entities[n + i].entity_id for i in range(n))
