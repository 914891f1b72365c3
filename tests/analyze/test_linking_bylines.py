"""A surname refers back (#15): a full name the article writes only after every
use of a lone surname (the reporter of a wire story's last line) is not the
person the surname names. Lines from news-clusters 7e7ae7dc2f3e (Reuters, Kim
Jong Un's New Year speech) and the shape of a headline naming a person by
surname before the body's full name."""

from __future__ import annotations

from veille.analyze.entities_credits import BYLINE
from veille.analyze.linking import BYLINE_EVIDENCE, link_entities
from veille.core.model import Analysis, Mention

KIM = ("North Korea's Kim Says 'Open to Dialogue' With South Korea\n"
       "SEOUL - North Korean leader Kim said on Monday he was open to dialogue with Seoul.\n"
       "Seoul should instead respond to overtures from the North, Kim said.\n"
       "(Additional reporting by Soyoung Kim SEOUL, Yeganeh Torbati in WASHINGTON; "
       "Editing by Lincoln Feast)")


def _an(text: str, spans: list[tuple[str, str]]) -> Analysis:
    out, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        # a sentence per line, as the headline and the wire lines are
        out.append(Mention(text=surface, label=label, start=start, end=start + len(surface),
                           sentence=text.count("\n", 0, start)))
        pos = start + len(surface)
    return Analysis(article_uid="a", language="en", entities=out)


def test_a_reporter_named_at_the_end_is_not_the_surname_of_the_story():
    an = _an(KIM, [("Kim", "PER"), ("Kim", "PER"), ("Kim", "PER"), ("Soyoung Kim", "PER")])
    (an,), _ = link_entities([an], [])
    lone = {m.entity_id for m in an.entities if m.text == "Kim"}
    reporter = {m.entity_id for m in an.entities if m.text == "Soyoung Kim"}
    assert len(lone) == 1 and lone != reporter


def test_a_headline_surname_before_the_full_name_still_joins_it():
    text = ("Trump says tariffs will stay\n"
            "WASHINGTON - President Donald Trump said on Monday the tariffs would stay. "
            "Trump spoke at the White House.")
    an = _an(text, [("Trump", "PER"), ("Donald Trump", "PER"), ("Trump", "PER")])
    (an,), _ = link_entities([an], [])
    assert len({m.entity_id for m in an.entities}) == 1
    # the headline's surname alone, the full name only in the body (CoNLL val
    # 0154's shape: "BOXING - JOHNSON WINS ..." then "American Tom Johnson")
    text = "BOXING - JOHNSON WINS ON POINTS\nAmerican Tom Johnson defended his title."
    an = _an(text, [("JOHNSON", "PER"), ("Tom Johnson", "PER")])
    (an,), _ = link_entities([an], [])
    assert len({m.entity_id for m in an.entities}) == 1


# A columnist's note above her column (news-clusters a4d3ace91814, CNN) and a
# story that names NASA's Sarah Wallace by her surname only (news-clusters
# 2c9fa3d313c7, an excerpt): the writer of one piece is nobody of the other.
CNN_COLUMN = (
    "Kelly Wallace is CNN's digital correspondent and editor-at-large covering family, "
    "career and life. Read her other columns and follow her reports at CNN Parents and on "
    "Twitter @kellywallacetv.\n"
    "(CNN) The judgment and criticism built quickly after a 3-year-old got into the enclosure "
    "of a 450-pound gorilla at the Cincinnati Zoo. Where were the child's parents?\n"
    "But another question emerged among parents, too: Should we be going to zoos at all?\n")
ISS_MICROBES = (
    "Now, thanks to the Genes in Space-3 project, NASA astronauts and biochemists have done "
    "just that. They've identified microbes aboard the space station for the very first time.\n"
    "\"We have had contamination in parts of the station where fungi was seen growing, but we "
    "have no idea what it is until the sample gets back down to the lab,\" Wallace said in "
    "April.\n"
    "They ended up connecting via Wallace's personal cell phone so that she could provide "
    "support to Whitson.\n")
# a wire story's last line: the story's person in one sentence, its credits in
# the next (news-clusters ca3b0ec362ce, Reuters)
REUTERS_TAIL = (
    "JERUSALEM (Reuters) - An Israeli military court indicted a Palestinian teenager on "
    "Monday.\n"
    "In 2012 she was presented with an award in Turkey and met its president, Tayyip Erdogan, "
    "after images of her confronting an Israeli soldier went viral. (Reporting by Ali Sawafta "
    "and Maayan Lubell; Writing by Maayan Lubell; Editing by Peter Graff)")


def test_a_columnists_note_marks_her_as_the_writer(analyze):
    an = analyze(CNN_COLUMN, "en")
    cues = {m.text: m.label_cue for m in an.entities if m.label == "PER"}
    assert cues.get("Kelly Wallace") == BYLINE, cues


def test_a_lone_surname_elsewhere_does_not_join_a_writer(analyze):
    col, iss = analyze(CNN_COLUMN, "en", uid="col"), analyze(ISS_MICROBES, "en", uid="iss")
    (col, iss), records = link_entities([col, iss], [])
    writer = {m.entity_id for m in col.entities if m.text == "Kelly Wallace"}
    lone = {m.entity_id for m in iss.entities if m.text == "Wallace"}
    assert writer and lone and not writer & lone, (writer, lone)
    rec = next(r for r in records if r.entity_id in writer)
    assert rec.evidence.get("Kelly Wallace") == BYLINE_EVIDENCE


def test_a_story_person_beside_the_credits_is_no_writer(analyze):
    an = analyze(REUTERS_TAIL, "en")
    cues = {m.text: m.label_cue for m in an.entities if m.label == "PER"}
    assert cues.get("Tayyip Erdogan") is None, cues
    assert cues.get("Peter Graff") == BYLINE, cues
    # ... and the writer-only rule needs the byline: a person named once in a
    # story's body is still the one a lone surname elsewhere can mean
    body = analyze("Turkish President Tayyip Erdogan met the teenager in 2012.\n"
                   "It was a short visit.", "en", uid="b")
    later = analyze("Erdogan spoke in Ankara on Monday.", "en", uid="c")
    (body, later), _ = link_entities([body, later], [])
    full = {m.entity_id for m in body.entities if m.text == "Tayyip Erdogan"}
    assert full and full == {m.entity_id for m in later.entities if m.text == "Erdogan"}
