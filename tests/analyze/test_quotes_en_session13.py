"""Session 13 (issue #16), English: a reported object that the parse completes
on the verb, and a headline's source after a kicker and a dash. Sentences
written for the tests in the shapes of PolNeAR train's tune-half misses."""

from __future__ import annotations


def _indirect(analyze, text):
    return [q for q in analyze(text, "en").quotes if q.kind == "indirect"]


def test_a_reason_for_the_criticism_is_part_of_the_object(analyze):
    qs = _indirect(analyze, "Sanders criticized Marco Rubio for opposing legal abortion in cases "
                   "of rape and incest.")
    assert [(q.speaker, q.text) for q in qs] == [
        ("Sanders", "Marco Rubio for opposing legal abortion in cases of rape and incest")]


def test_an_infinitive_hung_on_the_verb_completes_the_object(analyze):
    qs = _indirect(analyze, "Senator Rand Paul dismissed Obama's actions to more tightly "
                   "regulate gun sales.")
    assert len(qs) == 1 and qs[0].text == "Obama's actions to more tightly regulate gun sales"


def test_a_gerund_clause_completes_the_object(analyze):
    qs = _indirect(analyze, "Bernie Sanders questioned Clinton's judgment in supporting the war "
                   "in Iraq.")
    assert len(qs) == 1 and qs[0].text == "Clinton's judgment in supporting the war in Iraq"


def test_a_place_or_a_date_after_the_object_is_no_part_of_it(analyze):
    qs = _indirect(analyze, "Senator Elizabeth Warren praised the striking workers at a rally "
                   "in Iowa on Monday.")
    assert all(not q.text.endswith(("Iowa", "Monday")) for q in qs)
    qs = _indirect(analyze, "Bernie Sanders criticized the trade deal, saying it would cost jobs.")
    assert all(q.text != "the trade deal, saying it would cost jobs" for q in qs)


def test_a_kicker_before_a_dash_leaves_the_headline_its_source(analyze):
    text = ("EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines.\n\n"
            "Stone spoke on a radio program on Sunday.")
    qs = _indirect(analyze, text)
    assert [(q.speaker, q.text) for q in qs] == [("Roger Stone", "Don’t Trust the Voting Machines")]


def test_a_topic_before_a_dash_and_a_place_name_no_source(analyze):
    text = "ANALYSIS – Iowa: Trump leads the field by ten points.\n\nThe poll closed on Sunday."
    assert not _indirect(analyze, text)


# --- read check (news-clusters, English; CNN, RT, NYT, Guardian): what a reader saw wrong


def test_a_passive_intention_borrowed_by_seem_has_no_speaker(analyze):
    # "The launch also seemed to be intended to send a message" gave the launch
    # (in the article, the whole clause) as the speaker of "to send a message"
    qs = _indirect(analyze, "The launch also seemed to be intended to send a message to the US, "
                   "flying a distance equivalent to that from North Korea to Guam.")
    assert all(q.speaker is None for q in qs)
    qs = _indirect(analyze, "Trump appeared to be expected to say that the deal was dead.")
    assert [(q.speaker, q.text) for q in qs] == [("Trump", "the deal was dead")]


def test_a_statement_does_not_open_on_a_comma(analyze):
    qs = _indirect(analyze, "Republican presidential candidate Marco Rubio says win or lose in "
                   "Tuesday’s crucial Florida primary, he’s staying in the race.")
    assert qs and all(not q.text.startswith((",", " ")) for q in qs)
    assert any(q.text.endswith("he’s staying in the race") for q in qs)


def test_a_noun_named_by_a_participle_is_no_incise(analyze):
    qs = _indirect(analyze, "There were three gorillas at the area at the time, two females and "
                   "one male, a western lowland gorilla called Harambe, who had turned 17 only "
                   "a day earlier.")
    assert not any(q.speaker == "Harambe" for q in qs)


def test_an_incise_ends_before_the_speakers_own_participle_or_name(analyze):
    qs = _indirect(analyze, "She had struggled her whole life, Cruz explained, recalling the time "
                   "he and his father visited her at a crack house.")
    assert ("Cruz", "She had struggled her whole life") in [(q.speaker, q.text) for q in qs]
    qs = _indirect(analyze, "Christian Estrosi, the president of the region, expressed outrage "
                   "and frustration in an interview on Friday, pointedly noting previous attacks "
                   "on a satirical newspaper in Paris.")
    assert all(not q.text.startswith("Christian Estrosi") for q in qs)


def test_a_relative_clause_on_the_according_to_source_is_no_part_of_the_statement(analyze):
    # read check (Daily Mail, Panama Papers): the statement ran on over the source
    qs = _indirect(analyze, "At least eight current or former members of China's Politburo "
                   "Standing Committee have been implicated, according to the International "
                   "Consortium of Investigative Journalists (ICIJ), which co-ordinated the reports.")
    assert len(qs) == 1 and qs[0].text.endswith("have been implicated")
    assert qs[0].speaker == "International Consortium of Investigative Journalists"
