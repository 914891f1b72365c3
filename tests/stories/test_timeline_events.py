"""What can be a timeline event (session 11, #19): lines read on news-clusters pages.

Lines from news-clusters (../shared/data/news-clusters) as the timeline showed
them: the Hawaiian Airlines story (2018-01-01), the Equifax and Google stories.
"""

from __future__ import annotations

from veille.stories.units import states_event


def test_headings_lead_ins_and_bare_dates_are_no_events() -> None:
    assert not states_event("Hawaiian Airlines Flight Takes Off In 2018 But Lands In 2017")
    assert not states_event("Dec. 31, 2017.")
    assert not states_event("7:30 p.m.")
    assert not states_event("On Monday, the firm released a statement:")


def test_short_sentences_that_state_are_events() -> None:
    assert states_event("It happened at 5:52 p.m.")
    assert states_event("It landed in Honolulu at 10:15 a.m. on New Year's Eve.")
    assert states_event("The jump back into 2017 almost didn't happen.")
