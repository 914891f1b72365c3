"""One credit cut (#15): a picture credit run into a caption is cut off the
name once, in the entity stage, and the quote steps read that cut. Caption
lines of a news-clusters article (The Sun's Equifax page) and PolNeAR train
(HuffPost's "Getty." lines); the agency that reports is a wire sentence's
shape."""

from __future__ import annotations

from veille.analyze.entities_credits import CAPTION_CREDIT, voiced_mentions

SUN_EQUIFAX = (
    "HACKERS are feared to have stolen personal data from up to 44million Brits in a cyber "
    "attack on US credit rating firm Equifax.\n"
    "Equifax said “limited personal information” from British and Canadian customers had "
    "been compromised.\n"
    "Reuters Equifax claimed that they 'had no knowledge that an intrusion'\n"
    "AFP or licensors It is feared many victims will not be aware of the hack as they did "
    "not know a private US company would have their information\n"
)


def _ents(analyze, text):
    return [(m.text, m.label, m.label_cue) for m in analyze(text, "en").entities]


def test_a_credit_glued_to_a_name_the_article_writes_alone_is_cut_off(analyze):
    ents = _ents(analyze, SUN_EQUIFAX)
    texts = [t for t, _, _ in ents]
    assert not any(t.startswith("Reuters ") for t in texts), ents
    assert ("Reuters", "ORG", CAPTION_CREDIT) in ents
    # the name keeps a mention of its own: three Equifax, one per line
    assert texts.count("Equifax") == 3, ents


def test_caption_credits_are_left_out_of_the_quotes_reading(analyze):
    an = analyze(SUN_EQUIFAX, "en")
    voiced = voiced_mentions(an.entities)
    assert all(m.text not in ("Reuters", "AFP") for m in voiced), voiced
    assert len(voiced) < len(an.entities)


def test_a_credit_line_is_marked_and_a_reporting_agency_is_not(analyze):
    text = ("John Leguizamo On How U.S. History Makes Latinos Feel “Invisible.”\n\n"
            "Getty.\n\n"
            "Reuters reported on Monday that the company had hired advisers.\n")
    ents = _ents(analyze, text)
    assert [c for t, _, c in ents if t.startswith("Getty")] == [CAPTION_CREDIT], ents
    assert [c for t, _, c in ents if t == "Reuters"] != [CAPTION_CREDIT], ents
