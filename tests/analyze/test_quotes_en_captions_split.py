"""Session 11 (issue #16), English: picture credits run into captions are
nobody's voice, and one statement cut in two by its incise is one quote.
Sentences from news-clusters articles (The Sun's Equifax and Nice pages,
Washington Post's Costa Rica crash, RT's asteroid page) and PolNeAR train
(HuffPost's "17 most powerful things" page)."""

from __future__ import annotations

SUN_EQUIFAX = (
    "HACKERS are feared to have stolen personal data from up to 44million Brits in a cyber "
    "attack on US credit rating firm Equifax.\n"
    "Equifax said “limited personal information” from British and Canadian customers had "
    "been compromised.\n"
    "Reuters Equifax claimed that they 'had no knowledge that an intrusion'\n"
    "AFP or licensors It is feared many victims will not be aware of the hack as they did "
    "not know a private US company would have their information\n"
    "Getty - Contributor Senior executives at Equifax sold shares worth £1.3million after "
    "finding out the company was hacked\n"
)


def _speakers(analyze, text):
    return [q.speaker for q in analyze(text, "en").quotes if q.speaker]


def test_a_credit_opening_a_caption_is_no_speaker(analyze):
    speakers = _speakers(analyze, SUN_EQUIFAX)
    assert not any(s.split()[0] in ("Reuters", "AFP", "Getty") for s in speakers), speakers
    # the name glued after the credit, written alone elsewhere, still speaks
    # (since furniture v9 the caption line is furniture and its quote may be
    # left out: if it is listed, Equifax says it)
    claimed = [q for q in analyze(SUN_EQUIFAX, "en").quotes if "no knowledge" in q.text]
    assert all(q.speaker == "Equifax" for q in claimed), [(q.text, q.speaker) for q in claimed]


def test_a_credit_line_is_no_antecedent(analyze):
    # PolNeAR train (HuffPost): "Getty." captions every item; "he said" is the actor's
    text = ("John Leguizamo On How U.S. History Makes Latinos Feel “Invisible.”\n\n"
            "Getty.\n\n"
            "In a conversation with HuffPost Live about his upcoming comedy project, the actor "
            "discussed the absence of Latinos in U.S history education. “Just imagine, you’re a "
            "white kid and all of a sudden everybody’s Latin and everything they’re teaching you "
            "is Latin,” he said.\n")
    assert "Getty" not in _speakers(analyze, text)


def test_a_news_agency_that_reports_still_speaks(analyze):
    text = ("Reuters reported on Monday that the company had hired advisers.\n"
            "The shares fell 4 percent in early trading.\n")
    quotes = [q for q in analyze(text, "en").quotes if "advisers" in q.text]
    assert quotes and quotes[0].speaker == "Reuters"


def test_a_statement_cut_by_its_incise_is_one_quote(analyze):
    text = ("The ones that would do really serious damage are rare. “The ones that would do "
            "really serious damage are rare, but not impossible,” Janes said. “These are simply "
            "bits of rock in orbit around the sun.”\n")
    direct = [q for q in analyze(text, "en").quotes if q.kind == "direct"]
    assert len(direct) == 1
    q = direct[0]
    assert q.speaker == "Janes"
    assert q.text.startswith("The ones") and q.text.endswith("around the sun.")
    assert text[q.start:q.end] == q.text


def test_two_speakers_stay_two_quotes(analyze):
    text = ("“No possibility can be left out for certain,” Soto said. “We have two aspects,” "
            "the pilot's brother, Carlos Mora, told reporters.\n")
    quotes = analyze(text, "en").quotes
    first = [q for q in quotes if "No possibility" in q.text]
    assert first and all("two aspects" not in q.text for q in first)
    second = [q for q in quotes if "two aspects" in q.text]
    assert second and all(q.speaker == "Carlos Mora" for q in second)


def test_a_new_paragraph_is_not_joined(analyze):
    text = ("America needs leaders “who understand that bombastic comments in turbulent times "
            "can actually cause more turbulence,” Clinton said.\n\n"
            "“And that’s why steady, experienced leadership is so important at times like "
            "these.”\n")
    quotes = [q for q in analyze(text, "en").quotes if q.kind in ("direct", "partial")]
    assert all("\n" not in q.text for q in quotes)


RENO = (
    "Trump tells 3,000 in Reno NFL has gone ‘soft’ like the US.\n\n"
    "RENO, Nev. (AP) — Republican presidential hopeful Donald Trump says he doesn’t watch "
    "professional football much anymore because the NFL has gone “soft” like the United "
    "States.\n\n"
    "Trump drew the analogy during a campaign speech to more than 3,000 people in downtown Reno "
    "on Sunday while casino sportsbooks were jammed with fans across the street watching the "
    "NFL playoffs.\n\n"
    "The billionaire real estate magnate says a violent hit that used to be considered a great "
    "tackle by the likes of Hall of Famer Dick Butkus now draws a 15-yard penalty for "
    "head-to-head contact.\n\n"
    "Trump says “the whole game has become screwed up” because “football has become soft like "
    "the country has become soft.” He says referees are constantly throwing penalty flags just "
    "so their wives can see them on TV."
)


def test_a_surname_the_recogniser_missed_is_the_pronouns_antecedent(analyze):
    # PolNeAR train (Breitbart/AP): "Trump" alone is no mention; "He says" was
    # given to Dick Butkus, named in the paragraph before
    said = [q for q in analyze(RENO, "en").quotes if "referees" in q.text]
    assert said and all(q.speaker in ("Trump", "Donald Trump") for q in said), said


def test_a_name_with_an_article_is_no_person(analyze):
    text = ("Trump then reiterated the basic premise of the “Ferguson Effect.” FBI Director "
            "James Comey coined this term.\n\nIf the so-called Ferguson Effect existed, there "
            "would be more dead cops. When the moderator pointed out that Trump hadn't answered "
            "the question, the candidate said families of people killed by police file "
            "lawsuits.\n")
    assert "Effect" not in [q.speaker for q in analyze(text, "en").quotes]


def test_a_quote_and_its_incise_are_listed_once_to_the_speaker(analyze):
    # New York Times (news-clusters), read check: the statement "“…,” he said,
    # according to SITE" was listed a second time, to SITE
    text = ("The Islamic State's spokesman, Abu Muhammad al-Adnani, urged followers to kill "
            "in 2014.\n\n“Smash his head with a rock, or slaughter him with a knife, or run him "
            "over with your car,” he said, according to the SITE Intelligence Group.\n")
    smash = [q for q in analyze(text, "en").quotes if "Smash his head" in q.text]
    assert len(smash) == 1, smash
    assert smash[0].speaker == "Abu Muhammad al-Adnani"


def test_a_statement_going_on_after_its_quote_stays(analyze):
    # PolNeAR train (Breitbart): the words after the marks are the statement's
    text = ("Ryan said that “we need more information” about how the FBI came to its bizarre "
            "conclusion Tuesday.\n")
    said = [q for q in analyze(text, "en").quotes if "about how the FBI" in q.text]
    assert said and said[0].speaker == "Ryan"


def test_a_dateline_is_no_speaker(analyze):
    # Washington Post / AP (news-clusters), read check
    text = ("TEMPE, Ariz. — Say goodbye to “No risk it, no biscuit.”\n"
            "Bruce Arians, one of the NFL’s biggest personalities, is retiring from coaching "
            "after five seasons as head coach of the Arizona Cardinals.\n"
            "CAPE CANAVERAL, Fla. — SpaceX’s hot new monster rocket makes its launch debut this "
            "week, blasting off from the same pad that hoisted men to the moon a half-century "
            "ago.\n")
    speakers = [q.speaker for q in analyze(text, "en").quotes]
    assert "TEMPE" not in speakers and "CAPE CANAVERAL" not in speakers, speakers


def test_two_short_sentences_in_marks_are_words_not_a_title(analyze):
    # PolNeAR train (HuffPost): capitalised and verbless, but two sentences
    text = ("Trump joked that Brooklyn was his answer.\n"
            "“Like Oakland. Or Ferguson,”\u00a0Trump said.\u00a0“The crime numbers are worse.”\n")
    quotes = [q for q in analyze(text, "en").quotes if "Oakland" in q.text]
    assert quotes and quotes[0].speaker == "Trump" and quotes[0].kind == "direct"


def test_a_name_alone_on_its_line_is_no_subject(analyze):
    # PolNeAR train (HuffPost): a heading line "Al-Shabaab." took the next "he says"
    text = ("The crowd enthusiastically cheers the words.\n\n"
            "Al-Shabaab.\n\n"
            "Footage of Al-Awlaki again appears. “The West will eventually turn against its "
            "Muslim citizens,” he says.\n")
    said = [q for q in analyze(text, "en").quotes if "The West" in q.text]
    assert said and said[0].speaker != "Al-Shabaab"
