"""Session 14 (issue #16), English speakers: three forms found in the census
of PolNeAR train's tune half wrong speakers (docs/measured/quality-quotes.md).
The sentences are constructed on those forms (the gold's texts stay out of
the repo): a fronted "Asked …" clause whose parse swallows the quote that
follows, a fronted present participle that takes the main clause's
subject, an any-verb incise with a definite noun subject, and two clauses
the parse merged under one speech verb (its constructed sentence parses
right before the change too; the boundary from news-clusters pins it).
Each has a boundary case."""

from __future__ import annotations


def _statements(analyze, text):
    return [q for q in analyze(text, "en").quotes if q.kind not in ("title", "term")]


def _said(qs):
    return [(q.text, q.speaker, q.method) for q in qs]


def _covering(qs, words):
    """The statement a scorer matches to ``words``: the one covering most of them."""
    return max(qs, key=lambda q: len(set(q.text.split()) & set(words.split())), default=None)


def test_a_fronted_question_leaves_the_quote_to_its_speaker(analyze):
    # the parse roots "Asked" and hangs "said" on it (parataxis): the question
    # ends before the speaker's own statement
    text = ("The donor spoke on Friday. Asked what he would like the nominee to do, Adelson "
            "said, “He has to win.”\n")
    qs = _statements(analyze, text)
    asked = [q for q in qs if q.text.startswith("what he would like")]
    assert asked and "Adelson" not in asked[0].text, _said(qs)
    quote = [q for q in qs if q.text.startswith("He has to win")]
    assert quote and quote[0].speaker == "Adelson", _said(qs)


def test_a_fronted_participle_takes_the_main_subject(analyze):
    text = ("John Bolton spoke on the radio on Thursday. Promising that his future writings "
            "would take a closer look at the disaster in Libya, Bolton said the country "
            "deserved answers.\n")
    qs = _statements(analyze, text)
    promised = [q for q in qs if q.text.startswith("his future writings")]
    assert promised and promised[0].speaker in ("Bolton", "John Bolton"), _said(qs)
    assert "Bolton said" not in promised[0].text, _said(qs)


def test_a_participle_after_its_clause_keeps_its_own_reading(analyze):
    # the boundary: a participle after the main verb was handled before
    # (it shares the head's subject); the fronted rule must not change it
    text = "Senator Jane Smith criticized the plan on Monday, saying that it would raise taxes.\n"
    qs = _statements(analyze, text)
    said = [q for q in qs if q.text.startswith("it would raise taxes")]
    assert said and said[0].speaker in ("Smith", "Jane Smith"), _said(qs)


def test_a_definite_noun_in_an_any_verb_incise_speaks(analyze):
    text = ("The lawyers argued for an hour. “Everything that you have said and everything "
            "that I have said,” the judge exclaimed, “has totally overlapped.”\n")
    qs = _statements(analyze, text)
    first = [q for q in qs if q.text.startswith("Everything that you")]
    assert first and first[0].speaker == "the judge", _said(qs)


def test_a_plural_noun_in_an_any_verb_incise_does_not(analyze):
    text = ("Donald Trump finished his speech late on Thursday. When he wrapped up — “I will "
            "fight for you!” — the balloons fell from the ceiling.\n")
    qs = _statements(analyze, text)
    fight = [q for q in qs if q.text.startswith("I will fight")]
    assert all(q.speaker != "the balloons" for q in fight), _said(qs)


def test_the_subject_after_but_is_the_speakers(analyze):
    text = ("Two-thirds of the voters polled in each state favor the plan, but majorities in "
            "all five states say they want a new law.\n")
    qs = _statements(analyze, text)
    want = _covering(qs, "they want a new law")
    assert want is not None and want.speaker is not None, _said(qs)
    assert want.speaker.startswith("majorities"), _said(qs)


def test_two_subjects_joined_by_and_stay_one_subject(analyze):
    # the boundary, from The Sun's story in news-clusters (session 14 read
    # check): the parse splits "X, 36, and her husband Y" into two subjects;
    # with no verb between them it is one coordinated subject, not two clauses
    text = ("Jessica Alba has given birth to a baby boy.\nThe Hollywood star, 36, and her "
            "husband Cash Warren welcomed their new arrival on December 31 - and said it was "
            "the perfect way to see in 2018.\n")
    qs = _statements(analyze, text)
    said = [q for q in qs if q.text.startswith("it was the perfect way")]
    assert said and said[0].speaker != "Cash Warren", _said(qs)


def test_one_subject_with_a_title_is_untouched(analyze):
    # the boundary: a title and a name the parse may give as two subjects, no
    # conjunction between them: the named one still speaks
    text = "Senate Majority Leader Mitch McConnell said Congress would track the actions closely.\n"
    qs = _statements(analyze, text)
    said = _covering(qs, "Congress would track the actions closely")
    assert said is not None and said.speaker in ("Mitch McConnell", "McConnell"), _said(qs)


def test_a_postposed_incise_parsed_as_a_conjunct_gives_its_object(analyze):
    # the Daily Mail's Panama Papers story in news-clusters (session 14 read
    # check): "reported the BBC" is a conjunct of "contained" in the parse,
    # which lent it "the documents" as subject
    text = ("As well as Xi Jinping's brother-in-law, the documents also contained the names of "
            "family members of two current Politburo Standing Committee members, Zhang Gaoli "
            "and Liu Yunshan, reported the BBC, which took part in the investigation.\n")
    qs = _statements(analyze, text)
    assert qs and qs[0].speaker == "BBC", _said(qs)


def test_a_conjunct_with_its_own_subject_keeps_it(analyze):
    # the boundary: a coordinated speech verb whose object is a name is no
    # inverted incise when a subject of its own precedes it
    text = ("The minister visited the plant on Monday, and officials said the works would "
            "finish in June.\n")
    qs = _statements(analyze, text)
    said = _covering(qs, "the works would finish in June")
    assert said is not None and said.speaker == "officials", _said(qs)


def test_an_adjectival_participle_is_no_incise(analyze):
    # ScienceAlert's ISS microbes story in news-clusters (session 14 read
    # check): "known" modifies "microbes", it reports nothing (alone, this
    # sentence parses right before the change too; the next test pins it)
    text = ("In this case, the microbes were all ordinary, known microbes that are common "
            "where humans live and work.\n")
    qs = _statements(analyze, text)
    assert all(q.speaker != "the microbes" for q in qs), _said(qs)


def test_a_postposed_incise_after_an_adjectival_participle_still_speaks(analyze):
    # "self-described" had been taken for the incise (and "Democratic" for its
    # speaker); the clause's own incise further on reports it
    text = ("Young Democrats are gravitating toward Sen. Bernie Sanders, a self-described "
            "Democratic socialist, a new poll indicates.\n")
    qs = _statements(analyze, text)
    said = _covering(qs, "Young Democrats are gravitating toward Sen. Bernie Sanders")
    assert said is not None and said.speaker == "a new poll", _said(qs)
