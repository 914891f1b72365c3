"""Session 14 (issue #16), English: the frame model's thresholds, light verbs,
and the end of a carried speaker's chain. Sentences written for the tests in
the shapes of PolNeAR train's tune-half misses and of a news-clusters article
(NYT, Las Vegas police radio)."""

from __future__ import annotations

from veille.analyze.quotes.frames import frame_model
from veille.lang.en.quotes import CUE_FRAMES


def _quotes(analyze, text, kind):
    return [q for q in analyze(text, "en").quotes if q.kind == kind]


def test_an_untaught_verbs_object_below_the_old_threshold_is_a_statement(analyze, nlp_en):
    # PolNeAR counts "avoided criticism of X" as an attribution; the model gives
    # it less than the 0.7 the extractor asked before session 14
    text = "John Kasich avoided direct criticism of front-runner Donald Trump during the debate."
    assert "avoid" not in CUE_FRAMES
    doc = nlp_en(text)
    v = next(t for t in doc if t.lemma_ == "avoid")
    head = next(c for c in v.children if c.dep_ == "dobj")
    model = frame_model("en")
    assert model is not None
    assert model.thresholds["dobj"] <= model.probability(v, "dobj", head) < 0.7
    ind = _quotes(analyze, text, "indirect")
    assert [(q.speaker, q.method) for q in ind] == [("John Kasich", "indirect-frame-similar")]
    assert ind[0].text.startswith("direct criticism of front-runner Donald Trump")


def test_a_light_verbs_object_is_no_statement(analyze):
    # "have", "say" are the parser's stop words: no untaught frame of theirs reports
    assert not _quotes(analyze, "Hillary Clinton has a significant delegate lead over Bernie "
                                "Sanders in the Midwest.", "indirect")
    assert not _quotes(analyze, "Donald Trump spoke at a rally hosted by the advocacy group "
                                "in Phoenix on Tuesday.", "indirect")


_RADIO = ("The gunman had smashed two windows, the sheriff said later at a news conference.\n"
          "Even with pandemonium on the streets, one officer has clearly identified where the "
          "shooting is coming from:\n"
          "“I’m inside the hotel on the 31st floor, I can hear the automatic fire above us.”\n"
          "“Repeating, just be advised it is automatic fire. Take cover.”\n")


def test_a_colon_announcing_somebody_new_ends_the_carried_speaker(analyze):
    direct = _quotes(analyze, _RADIO, "direct")
    assert len(direct) == 2
    # neither the announced officer's words nor the next radio call are the sheriff's
    assert [q.speaker for q in direct] == [None, None]


def test_the_same_speaker_announced_again_keeps_the_chain(analyze):
    text = ("“We will keep fighting for every delegate,” Kasich said on Monday in Ohio.\n"
            "“Nobody thought we could get here, and we did it with very little money.”\n"
            "“We are going to the convention,” he added.\n")
    direct = _quotes(analyze, text, "direct")
    assert [q.speaker for q in direct] == ["Kasich"] * 3
