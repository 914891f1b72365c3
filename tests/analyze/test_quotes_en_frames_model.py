"""Session 9 (issue #16), English: reporting verbs no gold taught (the frame
model), "according to" inside or after the statement, and a statement that
goes on after its incise. Sentences written for the tests in the shapes of
PolNeAR train's misses."""

from __future__ import annotations

from veille.analyze.quotes.frames import complements, frame_model, model_candidates
from veille.lang.en.quotes import CUE_FRAMES


def _indirect(analyze, text):
    return [q for q in analyze(text, "en").quotes if q.kind == "indirect"]


def test_an_untaught_verb_reports_an_idea_more_than_a_thing(nlp_en):
    # the model, not the lexicon, decides; the complement's head word counts:
    # a policy is criticised, a nail is only hammered. (Session 13: the lexicon
    # learned without the tune and check halves keeps "slam" + object, 11 gold
    # contents in 19, so the untaught verb here is "hammer".)
    assert "hammer" not in CUE_FRAMES
    model = frame_model("en")
    assert model is not None

    def prob(text):
        doc = nlp_en(text)
        v = next(t for t in doc if t.lemma_ == "hammer")
        rel, head = next(iter(complements(v)))
        return model.probability(v, rel, head)

    policy = prob("Senator Elizabeth Warren hammered the bank's new fee policy.")
    nail = prob("Senator Elizabeth Warren hammered the nail into the wall of her office.")
    assert policy > nail + 0.1


def test_a_thing_hammered_is_no_statement(analyze):
    assert not _indirect(analyze, "Senator Elizabeth Warren hammered the nail into the wall of "
                                  "her office on Tuesday.")


def test_actions_and_things_as_subjects_are_no_statements(analyze):
    assert not _indirect(analyze, "The storm destroyed the old bridge near the river.")
    assert not _indirect(analyze, "Bernie Sanders took selfies with young supporters at a cafe.")


def test_according_to_inside_the_sentence_reports_the_whole_sentence(analyze):
    qs = _indirect(analyze, "For Trump, according to former education secretary William Bennett, "
                   "Monday's speech is a test of his discipline.")
    assert len(qs) == 1 and qs[0].speaker == "William Bennett"
    assert qs[0].text.startswith("For Trump") and qs[0].text.endswith("his discipline")


def test_according_to_after_reported_speech_is_the_account_of_it(analyze):
    qs = _indirect(analyze, "Donald Trump said he was happy with the result, according to "
                   "The New York Times.")
    acc = [q for q in qs if q.method == "indirect-according-to"]
    assert len(acc) == 1 and acc[0].text == "Donald Trump said he was happy with the result"
    # the statement of the inner verb does not carry the source's phrase
    inner = [q for q in qs if q.speaker == "Donald Trump"]
    assert inner and inner[0].text == "he was happy with the result"


def test_according_to_before_a_direct_quote_leaves_it_to_its_speaker(analyze):
    qs = analyze('According to Politico, Donald Trump said, "We will win."', "en").quotes
    assert [(q.speaker, q.text) for q in qs] == [("Donald Trump", "We will win.")]


def test_a_because_clause_after_an_incise_goes_on_with_the_statement(analyze):
    qs = _indirect(analyze, "The effects are difficult to predict, many economists say, because "
                   "there is little historical precedent.")
    assert len(qs) == 1 and qs[0].speaker == "many economists"
    assert qs[0].text.endswith("little historical precedent")


def test_the_model_is_the_english_packs_and_trains_on_a_parse(nlp_en):
    assert frame_model("en") is not None and frame_model("xx") is None
    doc = nlp_en("Clinton criticized the new trade deal.")
    a = doc.text.index("the new")
    rows = list(model_candidates(doc, [[(a, len(doc.text) - 1)]]))
    assert [(g, y) for g, _, y in rows] == [("dobj", True)]


def test_a_passive_participle_adjunct_reports_nobody(analyze):
    # read check (news-clusters, USA Today; Daily Mail): the one asked did not speak
    # through "asked", and "intended to" tells of the apps, not of a speaker
    qs = analyze("Asked whether China would investigate those named in the reports, foreign "
                 'ministry spokesman Hong Lei said: "For such groundless accusations, I have no '
                 'comment." Nor should apps be inflammatory '
                 "or intended to cause physical harm.", "en").quotes
    # session 12: the question is listed as the asker's, who is not named
    # (PolNeAR marks "Asked whether …" with no source); never the one asked
    assert all(q.speaker is None for q in qs if q.text.startswith("whether China"))
    assert not any(q.text.startswith("to cause") for q in qs)
    assert any(q.speaker == "Hong Lei" for q in qs)


def test_an_inverted_incise_with_two_speakers_inside_the_statement(analyze):
    qs = _indirect(analyze, "The contrast with Trump, said Doyle and others, would be clear since "
                   "Trump has no former Republican presidents by his side.")
    assert len(qs) == 1 and qs[0].speaker == "Doyle"
    assert qs[0].text.startswith("The contrast") and qs[0].text.endswith("by his side")
