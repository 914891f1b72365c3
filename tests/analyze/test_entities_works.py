"""A work's title named by its kind of work (#15, session 20).

Session 19's read check of the news-clusters chips found songs as persons or
organisations ("Bodak Yellow" ORG, "Bartier Cardi" PER, which then took the
singer's lone "Cardi" as its surname). The sentence says what they are: a
common noun of a work right before the name, or in apposition to it
(``work_nouns``). Sentences of news-clusters e82fa937bd80 (Daily Mail,
2017-12-23) and 6233dadf (RT, 2017-11-26, the guard)."""

from __future__ import annotations

import pytest

CARDI = ("Cardi B may not be celebrating the success of her latest single, Bartier Cardi. "
         "Another fan admitted that the leaked video was released in poor taste as her second "
         "single Bartier Cardi hit iTunes the same day. She rose to fame earlier this year with "
         "her hit song Bodak Yellow, which also won praise.")


@pytest.mark.parametrize("title", ["Bartier Cardi", "Bodak Yellow"])
def test_a_title_after_its_kind_of_work_is_no_person(analyze, title: str) -> None:
    labels = {(m.text, m.label, m.label_cue) for m in analyze(CARDI, "en").entities
              if m.text == title}
    assert labels and all(lab == "MISC" for _, lab, _ in labels)
    assert ("work-noun" in {cue for *_, cue in labels})


def test_a_single_as_a_count_is_no_work(analyze) -> None:
    text = ("The US military detected the launch of a single North Korean intermediate range "
            "ballistic missile from Sunan in Pyongyang.")
    assert not any(m.label_cue == "work-noun" for m in analyze(text, "en").entities)
