"""An organisation the model calls a person is one by how its sentence treats
it (#15, session 19: "Gannett" and "FiveThirtyEight" read as people).

Sentences of real articles: news-clusters (Daily Mail 2016-04-04 on the
Panama Papers, d21b1a55; CNN 2017-09-14 on North Korea's missile, 093c655f;
The New York Times 2018-02-05 on virtual currencies, 85ffcd0c)
and PolNeAR dev (politico_2016-09-22, the judge and the New York Times),
where en_core_web_md tags the company or the newspaper a person. The guards
run on PolNeAR train lines (breitbart / politico, the Trump team) and on
made mention lists where the model's label is the point."""

from __future__ import annotations

import pytest

from veille.analyze.entities_orgs import ORG_CONTEXT, people_keep_their_words, same_name_follows
from veille.core.model import Mention

MOSSACK = ("In 2010, as questions were raised about the acquisition, British Virgin Islands "
           "authorities ordered Mossack Fonseca to provide additional background information on "
           "Zuma. Later that year, Mossack Fonseca ended its relationship with the companies.")
RODONG = ("North Korean state media has yet to reference the launch, but a commentary published "
          "in the Rodong Sinmun newspaper Friday said \"no matter how strong the pressure is, it "
          "doesn't work on us.\"")
COINBASE = ("In the United States, even the most widely used virtual currency company, Coinbase, "
            "has struggled to keep up with demand, shutting down trading for hours at "
            "particularly busy times.")
GANNETT = ("The New York Times and the Gannett newspaper chain filed a motion to unseal the "
           "records, arguing the move was needed to contribute to public debate.")


def _labels(an, text: str) -> set[tuple[str, str | None]]:
    return {(m.label, m.label_cue) for m in an.entities if m.text == text}


@pytest.mark.parametrize(("text", "name"), [
    (MOSSACK, "Mossack Fonseca"),  # "... ended its relationship", and its other mention
    (RODONG, "Rodong Sinmun"),  # "the Rodong Sinmun newspaper"
    (GANNETT, "Gannett"),  # "the Gannett newspaper chain"
    (COINBASE, "Coinbase"),  # "the ... company, Coinbase,"
])
def test_the_sentence_says_organisation(analyze, text: str, name: str) -> None:
    an = analyze(text, "en")
    ms = [m for m in an.entities if m.text == name]
    assert ms and all(m.model_label == "PER" for m in ms)  # what the model says
    assert _labels(an, name) == {("ORG", ORG_CONTEXT)}


def test_which_for_it(analyze) -> None:
    # written for the clause (the model tags "Gannett" a person here)
    an = analyze("Nate Silver, a senior editor at FiveThirtyEight, said the race was close. "
                 "Gannett, which owns USA Today, said profits fell.", "en")
    got = {m.text: (m.model_label, m.label) for m in an.entities}
    assert got["Nate Silver"] == ("PER", "PER")
    assert got["Gannett"] == ("PER", "ORG")


def test_a_which_after_a_clause_is_no_evidence(analyze) -> None:
    # "which" may stand for the whole event when it follows the clause
    an = analyze("Warren endorsed Bernie Sanders, which surprised many.", "en")
    assert {m.label for m in an.entities if m.text == "Bernie Sanders"} == {"PER"}


def _ms(spans: list[tuple[str, str, str | None]]) -> list[Mention]:
    out = []
    for i, (text, label, cue) in enumerate(spans):
        m = Mention(text=text, label=label, start=100 * i, end=100 * i + len(text), sentence=i)
        m.model_label = "PER"
        m.label_cue = cue
        out.append(m)
    return out


def test_a_word_of_a_persons_full_name_stays_the_persons() -> None:
    # PolNeAR train: "Melania Trump brought some pizzazz ... as the Trump team sought to get
    # the event back on track" -- the team is his, and "Trump" a word of two full names
    ms = _ms([("Melania Trump", "PER", None), ("Trump", "ORG", ORG_CONTEXT)])
    people_keep_their_words(ms)
    assert [(m.label, m.label_cue) for m in ms] == [("PER", None), ("PER", None)]


def test_a_given_name_or_a_persons_cue_keeps_the_person() -> None:
    ms = _ms([("John Smith", "ORG", ORG_CONTEXT)])
    people_keep_their_words(ms)
    assert ms[0].label == "PER"  # "John Smith said its ...": John is a given name
    ms = _ms([("Gannett", "PER", "title"), ("Gannett", "ORG", ORG_CONTEXT)])
    people_keep_their_words(ms)  # "Mr. Gannett" elsewhere in the article
    assert ms[1].label == "PER"


def test_the_other_mentions_follow_and_a_cue_is_kept() -> None:
    ms = _ms([("Zycie Warszawy", "ORG", ORG_CONTEXT), ("Zycie Warszawy", "PER", None),
              ("Multico", "PER", None), ("Zycie Warszawy", "PER", "title")])
    people_keep_their_words(ms[:3])
    same_name_follows(ms[:3])
    assert [m.label for m in ms[:3]] == ["ORG", "ORG", "PER"]
