"""Session 10 (issue #16), English: a line that names its source before a
colon ("Clinton: Trump will reverse Roe v. Wade"). Headlines in the shape of
PolNeAR train's (tune half) misses; a place, a topic or an address before the
colon names no source."""

from __future__ import annotations


def _colon(analyze, text):
    return [q for q in analyze(text, "en").quotes if q.method == "indirect-colon-line"]


BODY = ("\n\nWASHINGTON (AP) — Hillary Clinton told a Planned Parenthood gathering in "
        "Washington on Friday that she will protect reproductive rights.\n")


def test_a_headline_names_its_speaker_before_the_colon(analyze):
    quotes = _colon(analyze, "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade." + BODY)
    assert [(q.speaker, q.text) for q in quotes] == [("Clinton", "Trump will reverse Roe v. Wade")]
    assert quotes[0].kind == "indirect"


def test_a_document_noun_is_a_source(analyze):
    quotes = _colon(analyze, "Report: Half of Clinton's State meetings were with donors." + BODY)
    assert [q.speaker for q in quotes] == ["Report"]


def test_a_place_a_topic_or_an_address_is_no_source(analyze):
    assert not _colon(analyze, "Iowa: Trump leads Cruz by five points in a new poll." + BODY)
    assert not _colon(analyze, "Election 2016: the candidates meet in Las Vegas tonight." + BODY)
    assert not _colon(analyze, "Panama Papers: German paper publishes the biggest leak in "
                      "history." + BODY)
    assert not _colon(analyze, BODY + "AP:Associated Press Felipe Massa waves to the crowd "
                      "after the race\n")
    assert not _colon(analyze, BODY + "Follow Jeff Smith on Twitter: @jsmith. Reach him at "
                      "jsmith@example.com.\n")


def test_a_name_run_past_the_colon_is_cut_there(analyze):
    quotes = _colon(analyze, "Brooks: Rubio Did Well In the Debate Than He Did Before." + BODY)
    assert all(":" not in (q.speaker or "") for q in quotes)


def test_a_date_parsed_as_the_subject_speaks_for_nobody(analyze):
    # Washington Post (news-clusters), read check: "since July said" made July
    # the subject of "said"; the family spoke, the parse lost it
    text = ("In a separate case, the family of a female Palestinian lawmaker who has been "
            "jailed without charge since July said her detention has been extended for "
            "another six months.")
    said = [q for q in analyze(text, "en").quotes if "detention" in q.text]
    assert said and all(q.speaker != "July" for q in said)
