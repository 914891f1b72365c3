"""A lone name across articles, told by the story's other entities (#15,
session 17): "Bryant" in a piece that never names him in full is the Kris
Bryant of the Cubs' other stories when it stands beside the Cubs and Wrigley
Field, and stays apart when nothing but a country is shared, when the
co-mention was seen once, or when two namesakes fit as well; a word of a
person the article names in full is never given to someone else.

Names and lines from news-clusters' cubs_win_championship story (580907b65c14,
f4f86ac3eda8), its Kim Jong Un olive-branch story (7e7ae7dc2f3e, Reuters, which
never names him in full) and its Uma Thurman story (6500961852ee)."""

from __future__ import annotations

from veille.analyze.linking import CONTEXT_EVIDENCE, link_entities
from veille.core.entity_context import ARTICLE_MAX, CONTEXT_KEEP, add_context, article_context
from veille.core.model import Analysis, EntityRecord, Mention


def _an(uid: str, *spans: tuple[str, str]) -> Analysis:
    """An article naming ``spans`` (name, label), one sentence each."""
    out, pos = [], 0
    for n, (surface, label) in enumerate(spans):
        out.append(Mention(text=surface, label=label, start=pos, end=pos + len(surface),
                           sentence=n))
        pos += len(surface) + 40
    return Analysis(article_uid=uid, language="en", entities=out)


CUBS = (("Chicago Cubs", "ORG"), ("Wrigley Field", "LOC"), ("Joe Maddon", "PER"))
LAKERS = (("Los Angeles Lakers", "ORG"), ("Staples Center", "LOC"), ("Phil Jackson", "PER"))


def _ids(an: Analysis, text: str) -> set[str | None]:
    return {m.entity_id for m in an.entities if m.text == text}


def test_a_lone_surname_joins_the_namesake_its_story_names_again_and_again():
    arts = [_an("k1", ("Kris Bryant", "PER"), *CUBS), _an("k2", ("Kris Bryant", "PER"), *CUBS),
            _an("b1", ("Kobe Bryant", "PER"), *LAKERS), _an("b2", ("Kobe Bryant", "PER"), *LAKERS),
            _an("x", ("Chicago Cubs", "ORG"), ("Bryant", "PER"), ("Wrigley Field", "LOC"))]
    out, records = link_entities(arts, [])
    kris = _ids(out[0], "Kris Bryant")
    assert _ids(out[4], "Bryant") == kris
    rec = next(r for r in records if {r.entity_id} == kris)
    assert rec.evidence["Bryant"].startswith(CONTEXT_EVIDENCE)
    assert "Chicago Cubs" in rec.evidence["Bryant"]


def test_the_other_namesakes_story_takes_the_other():
    arts = [_an("k1", ("Kris Bryant", "PER"), *CUBS), _an("k2", ("Kris Bryant", "PER"), *CUBS),
            _an("b1", ("Kobe Bryant", "PER"), *LAKERS), _an("b2", ("Kobe Bryant", "PER"), *LAKERS),
            _an("x", ("Los Angeles Lakers", "ORG"), ("Bryant", "PER"), ("Staples Center", "LOC"))]
    out, _ = link_entities(arts, [])
    assert _ids(out[4], "Bryant") == _ids(out[2], "Kobe Bryant")


def test_countries_and_nationalities_tell_no_story():
    world = (("United States", "LOC"), ("China", "LOC"), ("American", "MISC"))
    arts = [_an("k1", ("Kris Bryant", "PER"), *world), _an("k2", ("Kris Bryant", "PER"), *world),
            _an("b1", ("Kobe Bryant", "PER"), *LAKERS),
            _an("x", ("United States", "LOC"), ("Bryant", "PER"), ("China", "LOC"),
                ("American", "MISC"))]
    out, _ = link_entities(arts, [])
    assert not _ids(out[3], "Bryant") & (_ids(out[0], "Kris Bryant") | _ids(out[2], "Kobe Bryant"))


def test_a_co_mention_seen_once_is_chance():
    arts = [_an("k1", ("Kris Bryant", "PER"), *CUBS), _an("b1", ("Kobe Bryant", "PER"), *LAKERS),
            _an("x", ("Chicago Cubs", "ORG"), ("Bryant", "PER"), ("Wrigley Field", "LOC"))]
    out, _ = link_entities(arts, [])
    assert not _ids(out[2], "Bryant") & _ids(out[0], "Kris Bryant")


def test_two_namesakes_of_one_story_leave_it_unresolved():
    arts = [_an("k1", ("Kris Bryant", "PER"), *CUBS), _an("k2", ("Kris Bryant", "PER"), *CUBS),
            _an("d1", ("Dexter Bryant", "PER"), *CUBS), _an("d2", ("Dexter Bryant", "PER"), *CUBS),
            _an("x", ("Chicago Cubs", "ORG"), ("Bryant", "PER"), ("Wrigley Field", "LOC"))]
    out, _ = link_entities(arts, [])
    assert not _ids(out[4], "Bryant") & (_ids(out[0], "Kris Bryant") | _ids(out[2], "Dexter Bryant"))


KOREA = (("Pyongyang", "LOC"), ("Moon Jae-in", "PER"), ("Donald Trump", "PER"))


def test_a_family_name_written_first_finds_its_person_by_the_story():
    # Kim Jong Un's articles write "Kim" too (the family name first); the
    # olive-branch article writes "Kim" only, and a credit names Jack Kim at
    # its end ("Additional reporting by Jack Kim"): no referent of "Kim"
    arts = [_an("a1", ("Kim Jong Un", "PER"), *KOREA, ("Kim", "PER")),
            _an("a2", ("Kim Jong Un", "PER"), *KOREA, ("Kim", "PER")),
            _an("j1", ("Jack Kim", "PER"), ("Seoul", "LOC")),
            _an("x", ("Kim", "PER"), *KOREA, ("Kim", "PER"), ("Jack Kim", "PER"))]
    out, _ = link_entities(arts, [])
    assert _ids(out[3], "Kim") == _ids(out[0], "Kim Jong Un")


def test_a_given_name_of_a_person_the_article_names_is_theirs():
    # "Harvey" beside Harvey Weinstein is his, though a space analyst Brian
    # Harvey is named with the same people elsewhere
    hollywood = (("Quentin Tarantino", "PER"), ("Miramax", "ORG"), ("New York Times", "ORG"))
    arts = [_an("h1", ("Brian Harvey", "PER"), *hollywood),
            _an("h2", ("Brian Harvey", "PER"), *hollywood),
            _an("x", ("Harvey Weinstein", "PER"), *hollywood, ("Harvey", "PER"))]
    out, _ = link_entities(arts, [])
    assert not _ids(out[2], "Harvey") & _ids(out[0], "Brian Harvey")


def test_context_counts_articles_and_stays_bounded():
    r = EntityRecord(entity_id="per:x", canonical="X Y", label="PER")
    for i in range(3 * CONTEXT_KEEP):
        add_context(r, {f"org:{i}", "loc:chicago"})
    assert r.context["loc:chicago"] == 3 * CONTEXT_KEEP
    assert len(r.context) <= 2 * CONTEXT_KEEP
    # an article of more names than a story holds counts none
    many = {f"per:{i}" for i in range(ARTICLE_MAX + 1)}
    assert article_context({"per:1"}, many) == {}
    assert article_context({"per:1"}, {"per:1", "org:2"}) == {"per:1": {"org:2"}}


def test_linking_keeps_the_persons_context():
    arts = [_an("k1", ("Kris Bryant", "PER"), *CUBS), _an("k2", ("Kris Bryant", "PER"), *CUBS)]
    out, records = link_entities(arts, [])
    kris = next(r for r in records if r.canonical == "Kris Bryant")
    cubs = next(iter(_ids(out[0], "Chicago Cubs")))
    assert kris.context[cubs] == 2


F1 = (("Felipe Massa", "PER"), ("Formula One", "ORG"), ("Interlagos", "LOC"))


def test_the_one_namesake_with_a_story_elsewhere_is_not_guessed():
    # news-clusters f1_crash: "the Williams driver" (the team, read as a
    # person) had joined the Cubs' Billy Williams, the one person carrying it
    arts = [_an("c", ("Billy Williams", "PER"), *CUBS),
            _an("f", *F1, ("Williams", "PER"), ("Williams", "PER"))]
    out, _ = link_entities(arts, [])
    assert not _ids(out[1], "Williams") & _ids(out[0], "Billy Williams")


def test_a_news_agency_tells_no_story():
    # the fourth f1_crash article (93a37a20d29c) shares only "Associated Press"
    # with Billy Williams' Cubs article: every wire story names an agency
    arts = [_an("c", ("Billy Williams", "PER"), ("Associated Press", "ORG"), *CUBS),
            _an("f", *F1, ("Associated Press", "ORG"), ("Williams", "PER"))]
    out, _ = link_entities(arts, [])
    assert not _ids(out[1], "Williams") & _ids(out[0], "Billy Williams")


def test_the_one_namesake_of_the_same_story_still_joins_by_name():
    arts = [_an("c", ("Billy Williams", "PER"), *CUBS),
            _an("x", ("Wrigley Field", "LOC"), ("Williams", "PER"))]
    out, _ = link_entities(arts, [])
    assert _ids(out[1], "Williams") == _ids(out[0], "Billy Williams")


def test_a_person_named_in_many_articles_is_in_many_stories():
    # "none of us knew about the Weinstein scandal" in a Black Mirror piece
    # (news-clusters 371d1b640bcc): a person named in full in three articles
    # or more is not kept from a new story by the old one's entities
    hollywood = (("Miramax", "ORG"), ("Quentin Tarantino", "PER"), ("New York Times", "ORG"))
    arts = [_an(f"h{i}", ("Harvey Weinstein", "PER"), *hollywood) for i in range(3)]
    arts.append(_an("x", ("Netflix", "ORG"), ("Weinstein", "PER"), ("Toby Haynes", "PER")))
    out, _ = link_entities(arts, [])
    assert _ids(out[3], "Weinstein") == _ids(out[0], "Harvey Weinstein")


def test_a_place_is_named_as_the_news_names_it():
    # news-clusters, all articles linked: Chicago's record was "Windy City"
    # (GeoNames' other name, written twice), Israel's "State of Israel"
    from veille.analyze.linking import canonical_name

    assert canonical_name({"Chicago": 68, "Windy City": 2, "CHICAGO": 1}, "LOC") == "Chicago"
    assert canonical_name({"Israel": 49, "State of Israel": 2}, "LOC") == "Israel"
    # a longer name that qualifies the word, or a word that is an acronym, stays
    assert canonical_name({"Washington": 47, "Washington, DC": 1}, "LOC") == "Washington, DC"
    assert canonical_name({"UK": 22, "U.K.": 7, "United Kingdom": 4}, "LOC") == "United Kingdom"
    # persons and organisations keep their full names
    assert canonical_name({"Poutine": 9, "Vladimir Poutine": 1}, "PER") == "Vladimir Poutine"
    assert canonical_name({"Goldman": 30, "Goldman Sachs": 2}, "ORG") == "Goldman Sachs"
