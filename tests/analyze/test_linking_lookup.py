"""Entity lookup by name reads names as the linker does (veille.analyze.lookup)."""

from __future__ import annotations

from veille.analyze.linking import link_entities
from veille.analyze.lookup import find_entities
from veille.core.model import Analysis, Mention


def _article(uid: str, *mentions: tuple[str, str]) -> Analysis:
    an = Analysis(article_uid=uid, language="en")
    pos = 0
    for n, (text, label) in enumerate(mentions):
        an.entities.append(Mention(text=text, label=label, start=pos, end=pos + len(text), sentence=n))
        pos += len(text) + 2
    return an


def _records():
    # names from news-clusters (077896ee749c, 2f066d10237b, 679ca8515ffe, 5969c18fce03)
    _, recs = link_entities([
        _article("a", ("Shinzo Abe", "PER"), ("Abe", "PER"), ("United States", "LOC")),
        _article("b", ("Sadiq Khan", "PER"), ("U.S.", "LOC")),
        _article("c", ("Amir Khan", "PER")),
    ], [])
    return recs


def test_full_name_finds_the_person_and_an_id_finds_itself():
    recs = _records()
    (abe,) = find_entities("Shinzo Abe", recs)
    assert abe.entity_id == "per:shinzo-abe"
    assert find_entities("per:shinzo-abe", recs) == [abe]
    assert find_entities("shinzo  ABE", recs) == [abe]


def test_country_in_another_language_finds_the_country():
    (us,) = find_entities("États-Unis", _records())
    assert {"United States", "U.S."} <= set(us.aliases)


def test_an_ambiguous_surname_lists_every_candidate():
    found = find_entities("Khan", _records())
    assert {r.canonical for r in found} == {"Sadiq Khan", "Amir Khan"}


def test_a_conflicting_given_name_finds_nothing():
    assert find_entities("Steve Abe", _records()) == []
    assert find_entities("", _records()) == []
