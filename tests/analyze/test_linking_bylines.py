"""A surname refers back (#15): a full name the article writes only after every
use of a lone surname (the reporter of a wire story's last line) is not the
person the surname names. Lines from news-clusters 7e7ae7dc2f3e (Reuters, Kim
Jong Un's New Year speech) and the shape of a headline naming a person by
surname before the body's full name."""

from __future__ import annotations

from veille.analyze.linking import link_entities
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
