"""A short form refers back (#15, session 16): among several full names of
its article that a lone name could shorten, the one written before it is its
referent; a full name written only after it (a credit, a relative named
later) is none. Lines from news-clusters: a124707a5aa2 / e1311d4f9610 (Reuters,
North Korea's Hokkaido missile: "Kim" x3, then "Additional reporting by Jack
Kim" / the analyst "Kim Dong-yup"), da1d344cd166 (RT, Panama Papers: "Cameron"
x2 before "his late father Ian Cameron"), 816cef9a1d23 (F1 crash: "Kimi") and
af9c732b1d80 (Panama Papers: "Xi Jinping" ... "Xi")."""

from __future__ import annotations

from veille.analyze.linking import FIRST_WORD_OF, link_entities
from veille.core.model import Analysis, Mention


def _an(uid: str, text: str, spans: list[str]) -> Analysis:
    out, pos = [], 0
    for surface in spans:
        start = text.index(surface, pos)
        out.append(Mention(text=surface, label="PER", start=start, end=start + len(surface),
                           sentence=text.count("\n", 0, start)))
        pos = start + len(surface)
    return Analysis(article_uid=uid, language="en", entities=out)


def _ids(an: Analysis, text: str) -> set[str | None]:
    return {m.entity_id for m in an.entities if m.text == text}


KIM = ("North Korea fired a missile over Japan.\n"
       "The North's leader Kim Jong Un ordered the missile drill.\n"
       "KCNA quoted Kim as saying the drill was a prelude.\n"
       "It was the same missile Kim had threatened to use on Guam.\n"
       "North Korea has conducted dozens of tests under Kim.\n"
       "(Additional reporting by Jack Kim; Editing by Lincoln Feast)")


def test_a_lone_surname_takes_the_full_name_before_it_not_the_credit_after():
    (an,), _ = link_entities([_an("k", KIM, ["Kim Jong Un", "Kim", "Kim", "Kim", "Jack Kim"])],
                             [])
    assert _ids(an, "Kim") == _ids(an, "Kim Jong Un")
    assert not _ids(an, "Kim") & _ids(an, "Jack Kim")


CAMERON = ("The Telegraph did not mention David Cameron's dad.\n"
           "It did not mention Cameron's father among the revelations.\n"
           "As we've said, Cameron's late father Ian Cameron certainly is in there.\n"
           "The media did not vilify David Cameron.")


def test_a_relative_named_after_two_uses_is_no_referent():
    (an,), _ = link_entities([_an("c", CAMERON, ["David Cameron", "Cameron", "Cameron",
                                                  "Ian Cameron", "David Cameron"])], [])
    assert _ids(an, "Cameron") == _ids(an, "David Cameron")
    assert not _ids(an, "Ian Cameron") & _ids(an, "Cameron")


def test_two_full_names_before_the_short_form_leave_it_alone():
    text = ("Kim Jong Un met his sister Kim Yo Jong.\n"
            "Kim said the talks went well.")
    (an,), _ = link_entities([_an("t", text, ["Kim Jong Un", "Kim Yo Jong", "Kim"])], [])
    assert not _ids(an, "Kim") & (_ids(an, "Kim Jong Un") | _ids(an, "Kim Yo Jong"))


KIMI = ("Ferrari's Kimi Raikkonen spun and crashed into the wall.\n"
        "\"I nearly crashed into Kimi in the middle of the straight,\" he said.")


def test_a_lone_given_name_joins_the_one_full_name_it_opens_before_it():
    (an,), recs = link_entities([_an("f", KIMI, ["Kimi Raikkonen", "Kimi"])], [])
    assert _ids(an, "Kimi") == _ids(an, "Kimi Raikkonen")
    rec = next(r for r in recs if r.entity_id in _ids(an, "Kimi"))
    assert rec.evidence["Kimi"].startswith(FIRST_WORD_OF)


def test_a_given_name_written_before_its_full_name_in_the_body_stays_apart():
    text = ("The race was stopped.\n"
            "Kimi was angry.\n"
            "Kimi left early.\n"
            "Kimi Raikkonen finished fifth.")
    (an,), _ = link_entities([_an("g", text, ["Kimi", "Kimi", "Kimi Raikkonen"])], [])
    assert not _ids(an, "Kimi") & _ids(an, "Kimi Raikkonen")


def test_a_given_name_two_full_names_open_is_left_alone():
    text = ("Sarah Silverman and Sarah Paulson arrived.\n"
            "Sarah said hello.")
    (an,), _ = link_entities([_an("s", text, ["Sarah Silverman", "Sarah Paulson", "Sarah"])], [])
    assert not _ids(an, "Sarah") & (_ids(an, "Sarah Silverman") | _ids(an, "Sarah Paulson"))


def test_a_family_name_written_first_joins_its_two_word_name(analyze):
    text = ("The brother-in-law who can't be named is none other than Deng Jiagui, a "
            "businessman married to President Xi Jinping's sister.\n"
            "Since coming to power in 2012, Xi has waged a public campaign against official "
            "corruption, promising to root out corrupt officials.\n")
    an = analyze(text, "en")
    (an,), _ = link_entities([an], [])
    got = {m.text: m.entity_id for m in an.entities}
    assert got.get("Xi") and got.get("Xi") == got.get("Xi Jinping"), got


def test_a_surname_a_title_calls_a_person_joins_its_full_name_whatever_the_model_repeats():
    # CoNLL-style wire copy (written for the test): a title once, then the
    # model's organisation guess at every lone use ("Bernardin" ORG x8 was
    # its own organisation record beside the person)
    text = ("U.S. Cardinal Bernardin says he has terminal cancer .\n"
            "Chicago Cardinal Joseph Bernardin said on Friday he had liver cancer .\n"
            "Bernardin , 68 , underwent surgery .\n"
            "Bernardin told a news conference .\n"
            "Bernardin denied the charges .\n"
            "Bernardin prayed with him .\n"
            "Bernardin became archbishop in 1972 .\n"
            "Bernardin was named a cardinal .\n"
            "Bernardin led 2.3 million parishioners .\n"
            "Bernardin 's case was caught early .")
    spans = [("Bernardin", "PER", "title"), ("Joseph Bernardin", "PER", "title")] + [
        ("Bernardin", "ORG", None)] * 8
    out, pos = [], 0
    for surface, label, cue in spans:
        start = text.index(surface, pos)
        m = Mention(text=surface, label=label, start=start, end=start + len(surface),
                    sentence=text.count("\n", 0, start))
        m.label_cue = cue
        out.append(m)
        pos = start + len(surface)
    (an,), recs = link_entities([Analysis(article_uid="b", language="en", entities=out)], [])
    assert len({m.entity_id for m in an.entities}) == 1
    assert {m.label for m in an.entities} == {"PER"}


def test_a_surname_the_model_calls_an_organisation_takes_the_full_name_before_it():
    # news-clusters 0cd6c1c92cf1 (American Airlines / G League players)
    text = ("Memphis Hustle guard Marquis Teague and forward Trahson Burrell boarded the flight.\n"
            "Teague, Burrell and the flight attendant are black.\n"
            "The airline would be reaching out to Teague and Burrell.\n"
            "Teague, the brother of Jeff Teague of the Minnesota Timberwolves, played in Kentucky.")
    spans = [("Marquis Teague", "PER"), ("Teague", "ORG"), ("Teague", "ORG"), ("Teague", "ORG"),
             ("Jeff Teague", "PER")]
    out, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        out.append(Mention(text=surface, label=label, start=start, end=start + len(surface),
                           sentence=text.count("\n", 0, start)))
        pos = start + len(surface)
    (an,), _ = link_entities([Analysis(article_uid="t", language="en", entities=out)], [])
    assert _ids(an, "Teague") == _ids(an, "Marquis Teague")
    assert {m.label for m in an.entities if m.text == "Teague"} == {"PER"}
