"""Photographers and page furniture are no entities of a story (#15).

Caption lines of a news-clusters gallery (d5239a8dab10, The Independent's
Afghanistan pictures, each caption closed by its photographer's name), an
NPR caption ("toggle caption Mike Stewart/AP", 425999fe2123's story) and the
New York Times' "Advertisement Continue reading the main story" line that
sits between the paragraphs of every one of its articles."""

from __future__ import annotations

from veille.analyze.entities_credits import (
    CAPTION_CREDIT,
    PHOTOGRAPHER,
    _agencies_are_organisations,
    furniture_free,
    voiced_mentions,
)
from veille.analyze.linking import link_entities
from veille.core.model import Analysis, Mention

GALLERY = (
    "The Taliban claimed responsibility for the attack, spokesman Zabihullah Mujahid said.\n"
    "2/16 2002 An Afghan girl stands against a bullet-ridden wall, waiting to be seen at a "
    "medical clinic. (Kabul, March 1, 2002) Paula Bronstein\n"
    "6/16 2008 A woman in a white burqa enjoys an afternoon with her family feeding the "
    "white pigeons at the Blue Mosque. (Mazar-e-Sharif, March 8, 2008) Paula Bronstein\n"
    "14/16 2014 Young women cheer as they attend a rally for the Afghan presidential "
    "candidate Ashraf Ghani. (Kabul, April 1, 2014) Paula Bronstein\n"
)


def test_a_name_signing_several_captions_is_the_photographer(analyze):
    an = analyze(GALLERY, "en")
    cues = [(m.text, m.label_cue) for m in an.entities if "Bronstein" in m.text]
    assert cues == [("Paula Bronstein", PHOTOGRAPHER)] * 3, an.entities
    # the people of the captions and of the story are left alone
    others = {m.text: m.label_cue for m in an.entities if "Bronstein" not in m.text}
    assert "Zabihullah Mujahid" in others and "Ashraf Ghani" in others, others
    assert PHOTOGRAPHER not in others.values(), others
    assert all("Bronstein" not in m.text for m in voiced_mentions(an.entities))
    (linked,), records = link_entities([an], [])
    assert all("Bronstein" not in r.canonical for r in records), records
    assert all(m.entity_id for m in linked.entities if m.label_cue != PHOTOGRAPHER)


def test_a_name_closing_one_line_once_is_no_credit(analyze):
    # a pull quote's author under it: one line, no credit word, no agency
    text = ("The attack was the deadliest in the city this year.\n"
            "“We will rebuild the consulate.” Sigmar Gabriel\n"
            "Officials said the building was badly damaged.\n")
    an = analyze(text, "en")
    assert all(m.label_cue != PHOTOGRAPHER for m in an.entities), an.entities


def test_a_name_before_an_agency_after_a_slash_is_the_photographer(analyze):
    text = ("Equifax said the breach exposed the data of 143 million people.\n"
            "Enlarge this image toggle caption Mike Stewart/AP Mike Stewart/AP\n"
            "Richard Smith, the chief executive, apologised to consumers.\n"
            "Smith testified before Congress. (AP Photo/Matt Rourke, File)\n")
    an = analyze(text, "en")
    marked = {m.text for m in an.entities if m.label_cue == PHOTOGRAPHER}
    assert marked == {"Mike Stewart", "Matt Rourke"}, an.entities
    assert any(m.text == "Richard Smith" and m.label_cue is None for m in an.entities)


def test_page_furniture_words_are_no_entity(analyze):
    text = ("The National Archives released the papers on Tuesday, officials said.\n"
            "Advertisement Continue reading the main story\n"
            "The documents describe the talks in detail.\n")
    an = analyze(text, "en")
    texts = [m.text for m in an.entities]
    assert not any("Advertisement" in t or "Continue" in t for t in texts), texts
    assert any("National Archives" in t for t in texts), texts


def _m(text: str, full: str, label: str, cue: str | None = None) -> Mention:
    start = full.index(text)
    return Mention(text=text, label=label, start=start, end=start + len(text), sentence=0,
                   model_label=label, label_cue=cue)


def test_a_furniture_phrase_with_a_function_word_is_no_entity() -> None:
    # news-clusters 49971bcf2d28 (Popular Mechanics): the model's ORG
    # "Continue Reading Below"; a name beside the phrase stays
    text = ("The flight was pointed out by Flightradar24's Twitter account.\n"
            "Advertisement - Continue Reading Below\nTime travel is possible!\n")
    ms = [_m("Twitter", text, "ORG"), _m("Continue Reading Below", text, "ORG")]
    assert [m.text for m in furniture_free(ms, text, 0, "en")] == ["Twitter"]


def test_an_agency_is_an_organisation_and_its_caption_credit_no_chip() -> None:
    # news-clusters 480f08041e5d (Rihanna's post): the model tags "Instagram"
    # a person; a caption's credit files no record (no chip), the agency
    # named in the text keeps one
    text = ("Rihanna took to Instagram on Tuesday.\nA crowd at the vigil. Getty Images\n"
            "Getty Images said the pictures were licensed.")
    ms = [_m("Rihanna", text, "PER"), _m("Instagram", text, "PER"),
          Mention(text="Getty Images", label="ORG", start=text.index("Getty"),
                  end=text.index("Getty") + 12, sentence=1, label_cue=CAPTION_CREDIT),
          Mention(text="Getty Images", label="PER", start=text.rindex("Getty"),
                  end=text.rindex("Getty") + 12, sentence=2)]
    _agencies_are_organisations(ms)
    assert [(m.text, m.label) for m in ms][1:] == [
        ("Instagram", "ORG"), ("Getty Images", "ORG"), ("Getty Images", "ORG")]
    (an,), _ = link_entities([Analysis(article_uid="r", language="en", entities=ms)], [])
    assert an.entities[2].entity_id is None and an.entities[3].entity_id
    assert an.entities[0].entity_id and an.entities[1].entity_id


# Reuters credits in The Huffington Post / Reuters copy of the North Korea
# missile story (news-clusters 2989428ad573, e1311d4f9610; session 16): the
# photographer opens the caption ("Name / Reuters Caption ...") or follows
# the agency ("REUTERS/Name"), the line going on after the credit.
CREDITS = ("North Korea fired a missile over Japan.\n"
           "Kim Kyung Hoon / Reuters A man walks past a TV set showing North Korea's leader.\n"
           "Some experts said Kim was trying to pressure Washington.\n"
           "People watch the news in Tokyo, Japan, August 29, 2017. REUTERS/Issei Kato\n"
           "Reuters / Getty Images file picture, AFP/Getty Images\n"
           "Reuters reported the launch.")


def _credits_mentions() -> list[Mention]:
    out, pos = [], 0
    for surface in ("Kim Kyung Hoon", "Kim", "Issei Kato", "Getty Images", "Getty Images"):
        start = CREDITS.index(surface, pos)
        out.append(Mention(text=surface, label="PER", start=start, end=start + len(surface),
                           sentence=CREDITS.count("\n", 0, start)))
        pos = start + len(surface)
    return out


def test_a_photographer_opening_a_caption_or_after_the_agency_slash():
    from veille.analyze.entities_credits import mark_photographers

    ms = _credits_mentions()
    mark_photographers(ms, CREDITS, 0)
    cues = [m.label_cue for m in ms]
    assert cues[0] == PHOTOGRAPHER and cues[2] == PHOTOGRAPHER, cues
    assert cues[1] is None                       # "Kim" in the text
    assert cues[3] != PHOTOGRAPHER and cues[4] != PHOTOGRAPHER   # an agency after a slash
