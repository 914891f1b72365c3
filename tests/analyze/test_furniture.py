"""Page furniture (veille.analyze.furniture): the line classifier against the
labelled lines it was not fitted on, the flags on an analysis, the clean text
and its offsets, and the story units that leave flagged sentences out."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.analyze import furniture
from veille.analyze.evaluate_furniture import Doc, evaluate, load_docs, load_labels
from veille.analyze.pipeline import analyze_one
from veille.core.model import Analysis, DateRange, Sentence
from veille.core.records import StoredArticle
from veille.stories.units import build_units

REPO = Path(__file__).resolve().parents[2]
LABELS = REPO / "tests" / "data" / "furniture"

# An article that is nothing but a photo gallery, as CNN pages reach a JSONL
# feed (lines of news-clusters' gallery articles, names changed).
GALLERY = (
    "Photos: Storm hits the coast A man walks past a fallen tree on Monday. Hide Caption 1 of 4\n"
    "Photos: Storm hits the coast Rescuers search a flooded street. Hide Caption 2 of 4\n"
    "Photos: Storm hits the coast A family waits for help on a roof. Hide Caption 3 of 4\n"
    "Photos: Storm hits the coast Hide Caption 4 of 4\n"
)
# Known limit (session 9, v7): in a gallery of three items the first line,
# at the top of the text where the headline sits, scores 0.54, under the
# threshold (0.6, chosen leaving one labels set out at a time); from four
# items on it scores 0.65.


@pytest.fixture(scope="module")
def labelled_docs(shared_data: Path) -> dict[tuple[str, str], Doc]:
    """Every document the labels name, read once for the tests of this module."""
    return load_docs(shared_data, REPO / "examples")


def test_gallery_article_is_all_furniture_with_a_note_and_empty_clean_text() -> None:
    segs = furniture.detect(GALLERY, "en")
    assert len(segs) == 4 and all(s.furniture for s in segs)
    clean, mapping = furniture.clean_text(GALLERY, segs)
    assert clean == "" and mapping == []
    an = analyze_one("gallery", GALLERY, "en", DateRange.unknown())
    assert an.sentences and all(s.furniture for s in an.sentences)
    assert any(n.startswith("furniture: all") for n in an.notes)
    assert an.quotes == []


def test_prose_of_a_seed_is_kept_and_clean_offsets_map_back() -> None:
    text = (REPO / "examples" / "000_07f07504d3202a46.txt").read_text(encoding="utf-8")
    text = text.split("\n", 1)[1] if text.startswith("date ") else text
    # a caption line and a share line pasted between two paragraphs
    cut = text.index("\n") + 1
    raw = (text[:cut] + "Getty Images Vladimir Putin at a meeting in Sochi\n"
           "Share this article on Facebook Twitter WhatsApp\n" + text[cut:])
    segs = furniture.detect(raw, "fr")
    flagged = [raw[s.start:s.end] for s in segs if s.furniture]
    assert {"Getty Images Vladimir Putin at a meeting in Sochi",
            "Share this article on Facebook Twitter WhatsApp"} <= set(flagged)
    # the seed's own lines are prose but for a photo caption and a subhead
    assert len(flagged) <= 4 and len(segs) - len(flagged) >= 13
    clean, mapping = furniture.clean_text(raw, segs)
    assert "Getty" not in clean and "Share this" not in clean
    for c, r, n in mapping:
        assert clean[c:c + n] == raw[r:r + n]
    pos = clean.index("Poutine")
    off = furniture.raw_offset(mapping, pos)
    assert off is not None and raw[off:off + 7] == "Poutine"


def test_text_without_a_model_is_flagged_too() -> None:
    """Furniture needs no parse: a language without a spaCy pipeline gets it."""
    text = ("Der Sturm hat am Montag die Küste erreicht und viele Bäume umgeworfen. Mehrere "
            "Straßen blieben bis zum Abend gesperrt.\n"
            "Enlarge this image toggle caption Max Muster/AP Max Muster/AP\n"
            "Die Feuerwehr war die ganze Nacht im Einsatz, sagte ein Sprecher der Stadt. Verletzt "
            "wurde nach ersten Angaben niemand.\n")
    an = analyze_one("de1", text, "de", DateRange.unknown())
    assert any("no spaCy model" in n for n in an.notes)
    assert [s.furniture for s in an.sentences] == [False, False, True, False, False]


def test_each_sentence_carries_the_score_of_its_line() -> None:
    """The verdict's threshold is set for the quotes and facts; the summary
    reads the score to avoid the lines the trees were unsure of."""
    text = ("Der Sturm hat am Montag die Küste erreicht und viele Bäume umgeworfen. Mehrere "
            "Straßen blieben bis zum Abend gesperrt.\n"
            "Enlarge this image toggle caption Max Muster/AP Max Muster/AP\n"
            "Die Feuerwehr war die ganze Nacht im Einsatz, sagte ein Sprecher der Stadt.\n")
    an = analyze_one("de2", text, "de", DateRange.unknown())
    scores = [s.furniture_score for s in an.sentences]
    assert all(x is not None and 0.0 <= x <= 1.0 for x in scores)
    caption = next(s for s in an.sentences if s.furniture)
    assert all(caption.furniture_score > (s.furniture_score or 0.0)
               for s in an.sentences if not s.furniture)
    segs = furniture.detect(text, "de")
    # a sentence over two lines weighs each line's score by the characters it holds
    both = Sentence(0, segs[0].start + 10, segs[1].start + 10, text[segs[0].start + 10:segs[1].start + 10])
    furniture.flag_sentences([both], segs)
    first = segs[0].end - both.start
    second = both.end - segs[1].start
    want = (first * segs[0].score + second * segs[1].score) / (first + second)
    assert both.furniture_score == pytest.approx(want, abs=1e-3)


def test_story_units_leave_furniture_sentences_out() -> None:
    text = "Rescuers reached the village on Monday.\nGetty Images A rescuer in the rain\n"
    sents = [Sentence(0, 0, 39, text[0:39]), Sentence(1, 40, 74, text[40:74], furniture=True)]
    an = Analysis(article_uid="a", language="en", sentences=sents)
    art = StoredArticle(uid="a", text=text, language="en")
    units, _ = build_units([art], [an])
    assert [u.text for u in units] == ["Rescuers reached the village on Monday."]


def test_weights_file_matches_the_features() -> None:
    model = furniture.packaged_model()
    assert model.features == furniture.FEATURES
    with pytest.raises(ValueError, match="refit"):
        furniture.Model.from_dict({**model.to_dict(), "features": ["len_log"]})


@pytest.mark.parametrize(("part", "min_labels", "min_recall", "min_precision"), [
    # session 9's (fresh4.jsonl; 30 furniture lines: noisy): the only set the
    # shipped model (v7) was not fitted on
    ("fresh4-held-out", 400, 0.5, 0.75),
    # session 10's (fresh5.jsonl; 33 furniture lines, labelled before any
    # change; v7 scored P 0.900 R 0.273 there, v8 P 1.000 R 0.273; fitted on
    # since v9, session 12): a floor, not a goal
    ("fresh5-held-out", 300, 0.2, 0.8),
    # session 11's (fresh7.jsonl; 38 furniture lines: the last lines and short
    # body lines of SemEval en/de/es/fr texts, labelled after v8 was fitted;
    # v8 scored P 0.783 R 0.474 there, v7 P 0.864 R 0.500; fitted on since
    # v9): a floor
    ("fresh7-held-out", 200, 0.4, 0.7),
    # session 12's (fresh8.jsonl; 58 furniture lines of news-clusters and
    # SemEval en/de/es/fr/it pages, labelled before any change; v8 scored P
    # 0.909 R 0.690 there, v9 P 0.886 R 0.672; fitted on since v10): a floor
    ("fresh8-held-out", 300, 0.6, 0.85),
    # session 13's (fresh9.jsonl; 38 furniture lines of news-clusters and
    # SemEval en/de/es/fr/it pages, labelled before any change; v9 scored P
    # 0.769 R 0.789 there; fitted on since v10): a floor
    ("fresh9-held-out", 200, 0.7, 0.7),
    # session 14's (fresh10.jsonl; 37 furniture lines of news-clusters and
    # SemEval en/de/es/fr/it pages, labelled before any change; v9 scored P
    # 0.735 R 0.676 there, figures only, v10 and v11 the same; the only set
    # v10 is not fitted on): a floor
    ("fresh10-held-out", 250, 0.6, 0.65),
    # session 15's (fresh11.jsonl; 97 furniture lines of news-clusters and
    # SemEval en/de/es/fr/it pages, half of them one Sun page's captions,
    # labelled before any change; v11 scored P 0.967 R 0.907 there, figures
    # only): a floor with room for one refit's move on a set of this size
    # (lowered from recall 0.9 before any refit of session 16)
    ("fresh11-held-out", 350, 0.85, 0.85),
    # session 17's (fresh12.jsonl; 50 furniture lines of news-clusters pages
    # of at most 60 lines and SemEval en/de/es/fr/it pages, labelled before
    # any change; v12 scored P 0.974 R 0.760 there, figures only): a floor
    ("fresh12-held-out", 280, 0.7, 0.9),
    # session 18's (fresh13.jsonl; 25 furniture lines of news-clusters pages,
    # PolNeAR and SemEval en/de/es/fr texts, labelled before any change; v13
    # scored P 0.960 R 0.960 there, figures only; v14 P 1.000 R 0.960): a
    # floor (one line is 0.04)
    ("fresh13-held-out", 280, 0.85, 0.9),
    # session 19's (fresh14.jsonl; 32 furniture lines of news-clusters pages,
    # PolNeAR and SemEval en/de/es/fr/it/pl texts, labelled before any change;
    # v14 scored P 0.900 R 0.562 there, figures only): a floor
    ("fresh14-held-out", 270, 0.5, 0.85),
    # session 20's (fresh15.jsonl; 28 furniture lines of news-clusters pages,
    # PolNeAR and SemEval en/de/es/fr/it/pl texts, labelled before any change;
    # v15 scored P 0.857 R 0.643 there, figures only): a floor
    ("fresh15-held-out", 290, 0.55, 0.8),
    # session 21's (fresh16.jsonl; 43 furniture lines of news-clusters pages,
    # PolNeAR and SemEval en/de/es/fr/it/pl texts, labelled before any change;
    # v16 scored P 0.929 R 0.605 there, figures only): a floor
    ("fresh16-held-out", 310, 0.55, 0.85),
])
def test_fresh_held_out_sets_precision_and_recall(
        labelled_docs: dict[tuple[str, str], Doc], part: str, min_labels: int,
        min_recall: float, min_precision: float) -> None:
    """Lines labelled before the detector of their session was changed and
    never fitted on (tests/data/furniture/): the figures of
    docs/measured/quality-stories.md, with a margin."""
    labels = [lb for lb in load_labels(LABELS) if lb.part == part]
    assert len(labels) >= min_labels
    score = evaluate(labels, labelled_docs)
    assert score.missing == 0, "a label no longer points at its line"
    assert score.recall >= min_recall and score.precision >= min_precision, score.to_dict()


@pytest.mark.parametrize("part", ["tune", "held-out", "fresh-held-out", "fresh2-held-out", "fresh3-held-out"])
def test_sets_fitted_on_still_point_at_their_lines(
        labelled_docs: dict[tuple[str, str], Doc], part: str) -> None:
    """Since session 9 the model is fitted on every set but the newest fresh
    one: their figures say how well it fits, not how it generalises, so only
    that every label still points at its line and the fit is not lost."""
    score = evaluate([lb for lb in load_labels(LABELS) if lb.part == part], labelled_docs)
    assert score.missing == 0, "a label no longer points at its line"
    # 0.7: v9 (session 12, fitted on 4,168 lines) fits fresh 3's 27 furniture
    # lines at 20 (0.741), v8 at 21
    assert score.precision >= 0.9 and score.recall >= 0.7, score.to_dict()


def test_packaged_trees_round_trip() -> None:
    """The shipped model survives to_dict/from_dict and scores a caption
    above a plain paragraph."""
    model = furniture.packaged_model()
    again = furniture.Model.from_dict(model.to_dict())
    text = ("The council voted on Tuesday to close the bridge for repairs, the mayor said.\n"
            "Getty Images A man crosses the bridge on Monday\n")
    spans = furniture.segments(text)
    rows = furniture.features(text, spans, furniture.words_for("en"))
    scores = again.scores(rows)
    assert scores == model.scores(rows)
    assert scores[1] > model.threshold > scores[0]


def test_the_second_stage_sees_the_first_stages_scores_around_each_line(
        labelled_docs: dict[tuple[str, str], Doc]) -> None:
    """The second stage's extra columns are the first stage's scores of the
    line, of its neighbours and of its whole text (a real page: The Sun's
    page of set 11, a third of its lines captions)."""
    doc = _doc(labelled_docs, "news-clusters", "73434a97")
    spans = furniture.segments(doc.text, doc.language)
    rows = furniture.features(doc.text, spans, furniture.words_for(doc.language))
    first = [furniture.packaged_model().score(r) for r in rows]
    cols = furniture.stack_features(first)
    name = furniture.STACK_FEATURES.index
    assert [c[name("score")] for c in cols] == first
    assert cols[0][name("prev_score")] == -1.0 and cols[1][name("prev_score")] == first[0]
    assert cols[-1][name("next_score")] == -1.0
    assert cols[3][name("window_max_score")] == max(first[0:3] + first[4:7])
    assert cols[0][name("doc_share_flagged")] == sum(p >= 0.5 for p in first) / len(first)


def _doc(docs: dict[tuple[str, str], Doc], corpus: str, prefix: str) -> Doc:
    got = [d for (c, i), d in docs.items() if c == corpus and i.startswith(prefix)]
    assert len(got) == 1
    return got[0]


def test_transcript_keeps_its_dialogue_and_sets_its_speaker_label_aside(shared_data: Path) -> None:
    """An NPR transcript (news-clusters, an article of the session-7 read
    check, labelled in session 9's fresh set 4, never fitted on): the label
    alone on its line and the copyright are furniture, the headline and the
    host's dialogue are prose."""
    doc = _doc(load_docs(shared_data), "news-clusters", "cce7bc80bd4a3d42")
    verdict = {doc.text[s.start:s.end][:30]: s.furniture for s in furniture.detect(doc.text, "en")}
    assert verdict["DAVID GREENE, HOST:"] is True
    assert verdict["Copyright © 2017 NPR. All righ"] is True
    assert verdict["Homeowner Questions Exceedingl"] is False
    assert verdict["Good morning. I'm David Greene"] is False


def test_shared_boilerplate_runs_and_cjk_word_counts() -> None:
    """Lines sharing a widget's run of words are told from lines that do not;
    a Chinese clause counts as many words, not as one fragment."""
    lines = ["Photos: Storm hits the coast A man walks past a fallen tree. Hide Caption 1 of 3",
             "Photos: Storm hits the coast Rescuers search a flooded street. Hide Caption 2 of 3",
             "Photos: Storm hits the coast Hide Caption 3 of 3",
             "The storm reached the coast on Monday, the weather service said."]
    runs = furniture._shared_runs(furniture.norms_of(lines))
    assert runs[0] == runs[1] == runs[2] > 0 == runs[3]
    clause = "现年 35 岁的库比卡在 2006 年代表宝马索伯参加比赛时首次代表车队参赛。"
    zh = furniture._shape(clause, furniture.UNIVERSAL)
    assert zh["fragment"] == 0.0 and zh["end_punct"] == 1.0


def test_a_line_recurring_across_its_source_is_furniture_unless_the_article_is_a_copy() -> None:
    """A site's boilerplate without any cue of its own (an outlet's show blurb)
    is furniture when the store has it in other articles of the source; the
    same counts on an article whose every line recurs (a re-post) flag nothing."""
    text = ("The central bank raised its main rate by a quarter point on Tuesday, the third rise this year.\n"
            "Officials said inflation had stayed above the target for eighteen months.\n"
            "We have that and more on this episode of the weekly business show\n")
    keys = furniture.line_keys(text)
    alone = furniture.detect(text, "en")
    site = furniture.SiteCounts(20, {keys[2]: 6})
    with_site = furniture.detect(text, "en", site=site)
    assert [s.furniture for s in with_site[:2]] == [False, False]
    assert with_site[2].furniture
    assert [s.furniture for s in alone[:2]] == [False, False]
    copy = furniture.SiteCounts(20, {k: 1 for k in keys[:2]} | {keys[2]: 6})
    assert not any(furniture.site_recurring(text, furniture.segments(text), copy))
    # the keys the caller computed to ask the store are used as they are (the
    # pipeline's parent hands them down), and only for the language they were cut with
    handed = furniture.SiteCounts(20, {keys[2]: 6}, tuple(keys), "en", tuple(furniture.segments(text, "en")))
    assert furniture.detect(text, "en", site=handed) == with_site
    wrong = furniture.SiteCounts(20, {keys[2]: 6}, ("x",) * len(keys), "en")
    assert furniture.detect(text, "en", site=wrong)[2].score != with_site[2].score
    assert furniture.detect(text, "fr", site=wrong) == furniture.detect(text, "fr", site=site)


def test_a_blob_line_is_cut_by_the_analysis_rule_splitter() -> None:
    """A text pasted without its line breaks (SemEval's CSV) is cut into the
    sentences of veille.lang.sentences, the analysis' own fallback splitter:
    "U.S." and "20.000" end no segment."""
    from veille.lang.sentences import rule_sentences

    blob = ("Most U.S. adults now say marijuana should be legal, a survey found on Monday. " * 5
            + "Die Stadt zählte rund 20.000 Besucher. " * 6).strip()
    assert len(blob) > furniture.BLOB_CHARS
    assert furniture.segments(blob, "en") == rule_sentences(blob, "en")
    assert not any(blob[a:b].endswith("U.S.") for a, b in furniture.segments(blob, "en"))


# Four paragraphs of a wire story on a rate rise (written for this test in
# the shape of news-clusters' Reuters pages).
RATE_STORY = [
    "The central bank raised its main interest rate by a quarter point on Tuesday, its third rise "
    "this year, citing stubborn inflation.",
    "Officials said consumer prices had stayed above the target for eighteen months, and that wages "
    "were rising faster than expected.",
    "The decision was expected by most economists, who had warned that a pause would send the wrong "
    "signal to markets.",
    "The governor told reporters that further increases were possible if the labour market stayed "
    "tight through the spring.",
]


def test_paragraphs_are_counted_on_each_side_of_a_line() -> None:
    """A line's place among the article's paragraphs (session 11): a page's
    tail has none after it, a subhead has some on both sides."""
    text = "\n".join(["Central bank raises rates again", *RATE_STORY[:2], "A tight labour market",
                      *RATE_STORY[2:], "Jane Roe contributed to this report."])
    shapes = [furniture._shape(text[a:b], furniture.UNIVERSAL) for a, b in furniture.segments(text)]
    before, after = furniture._paragraphs_around(shapes)
    assert before == [0, 0, 1, 2, 2, 3, 4]
    assert after == [4, 3, 2, 2, 1, 0, 0]


def test_a_short_line_between_paragraphs_is_a_subhead_and_a_contributor_line_closes_the_page() -> None:
    """A short line is the article's headline at the top (prose by the
    annotation guide) and a subhead between two paragraphs; a contributor
    note after the last paragraph is furniture."""
    text = "\n".join(["Central bank raises rates again", *RATE_STORY[:2], "A tight labour market",
                      *RATE_STORY[2:], "Jane Roe contributed to this report."])
    flags = [s.furniture for s in furniture.detect(text, "en")]
    assert flags == [False, False, False, True, False, False, True]


def test_markup_left_in_a_line_is_a_feature() -> None:
    """What a scraper kept of an embed ("<tweet tweet-id=…><tweet/>") is told
    from a sentence comparing numbers with < and >."""
    embed = furniture._shape('<tweet tweet-id="669350861383049216"><tweet/>.', furniture.UNIVERSAL)
    prose = furniture._shape("Turnout was < 40 % in the north and > 60 % in the south.", furniture.UNIVERSAL)
    assert embed["markup"] == 1.0 and prose["markup"] == 0.0


def test_a_credit_closing_a_line_is_told_by_its_typography() -> None:
    """Credits as captions close them (lines of news-clusters pages), told
    from the brackets prose closes a sentence with: a party, a wire's
    lower-case sign-off, a tag."""
    captions = [
        "Telegram's apps have been pulled from the iOS App Store. (Photo: Telegram)",
        "Some of the 21 Chibok school girls released are seen during a meeting in Abuja, Nigeria, "
        "October 13, 2016. [Photo/Agencies]",
        "The lens galaxy, at center, and four lensed background quasars. (University of Oklahoma)",
        "A photo issued by the Rail Accident Investigation Branch of the tram which derailed near "
        "the Sandilands stop in Croydon, London, Nov. 9, 2016. (Photo: AP)",
        "The Telegram app was removed from the Apple store after the company said it had found "
        "“inappropriate content” Dado Ruvic/Reuters",
    ]
    prose = [
        "The bill was sponsored by Rep. Don Beyer (D-Va.), a former lieutenant governor.",
        "Die Polizei sucht nach Zeugen. (sda/afp)",
        "Un nouveau tatouage pour le visage (vidéo)",
        "The talks between Hamas and Fatah/PLO resumed on Monday.",
        "The bill passed with the support of Rep. Elijah E. Cummings (D-Md.)",
        "Den Fall zeigt das Bild (Foto!)",
    ]
    assert all(furniture._shape(t, furniture.UNIVERSAL)["credit_tail"] == 1.0 for t in captions)
    assert all(furniture._shape(t, furniture.UNIVERSAL)["credit_tail"] == 0.0 for t in prose)


def test_a_caption_above_the_lead_is_furniture_when_its_credit_closes_it() -> None:
    """The first line of a page is its headline unless it is a caption: a
    credit closing it says which (USA Today's Telegram page; v9 scored it
    0.28)."""
    text = "\n".join([
        "Telegram's apps have been pulled from the iOS App Store. (Photo: Telegram)",
        "Telegram’s founder and CEO said Apple removed the company’s controversial messaging apps "
        "from the iOS App Store because of content that apparently violated Apple’s guidelines.",
        *RATE_STORY[:2],
    ])
    flags = [s.furniture for s in furniture.detect(text, "en")]
    assert flags == [True, False, False, False]


# The top of the Washington Post's AP story on Carson Palmer (news-clusters,
# 2018-01-02), as published: AP's caption block, then the dateline and lead.
AP_CAPTION_PAGE = "\n".join([
    "FILE - In this Dec. 20, 2015, file photo, Arizona Cardinals coach Bruce Arians, left, meets "
    "with quarterback Carson Palmer after the team’s NFL football game against the Philadelphia "
    "Eagles in Philadelphia. Palmer is retiring after 15 NFL seasons. Palmer, who turned 38 last "
    "week, made the announcement in an open letter released Tuesday, Jan. 2, 2018, by the "
    "Cardinals. Palmer missed the last nine games of what would be his final season with a broken "
    "left arm. He called his long professional career “the most incredible experience of my "
    "life.” The statement came one day after Arians announced his retirement. Arians and Palmer "
    "spent the last five seasons together. (Matt Rourke, File/Associated Press)",
    "PHOENIX — Coach Bruce Arians once said he and quarterback Carson Palmer would ride away into "
    "the sunset together like a pair of old desert cowboys.",
    "Well, they have.",
    "Palmer announced his retirement after 15 NFL seasons on Tuesday in an open letter released "
    "by Cardinals, one day after Arians said he was leaving his long coaching career.",
])


def test_a_wire_caption_is_furniture_at_the_top_and_its_block_up_to_the_credit() -> None:
    """AP's "FILE - In this …, file photo," opens a caption wherever it sits;
    the sentences of context its block adds, up to the closing credit, go
    with it (v11 flagged the first at 0.49 and left five of them)."""
    segs = furniture.detect(AP_CAPTION_PAGE, "en")
    first_line = AP_CAPTION_PAGE.index("\n")
    assert len([s for s in segs if s.end <= first_line]) > 3  # a blob cut into sentences
    assert all(s.furniture for s in segs if s.end <= first_line)
    assert not any(s.furniture for s in segs if s.start > first_line)
    en = furniture.words_for("en")
    assert furniture.wire_caption("FILE PHOTO: Austria's Finance Minister Gernot Bluemel attends "
                                  "the swearing-in ceremony in Vienna", en)
    # an opener without a picture named within a few words, or a picture
    # named later in a sentence, is prose
    assert not furniture.wire_caption("In this town of 600 people, most of them members of one "
                                      "family, the photo of the arrest went viral.", en)
    assert not furniture.wire_caption("File sharing sites were blocked on Monday.", en)


def test_a_wire_caption_glued_to_the_article_flags_its_own_sentence_only() -> None:
    """Reuters' "FILE PHOTO: …" in a blob with the article after it and no
    bracketed credit closing the line: the article stays prose."""
    caption = ("FILE PHOTO: Austria's Finance Minister Gernot Bluemel attends the swearing-in "
               "ceremony of the new government at the presidential office in Vienna, Austria "
               "January 7, 2020.")
    body = " ".join([
        "REUTERS/Leonhard Foeger The European Commission is responsible for making sure member "
        "countries keep their budgets in line with the rules.",
        "It annually assesses whether governments’ spending, revenues and investments are "
        "reasonable and sustainable over the long term.",
        "Worried that environmental and other climate-related costs could worsen governments’ "
        "fiscal positions, some countries want those costs left out of the rules.",
        *RATE_STORY[:3],
    ])
    text = caption + " " + body
    segs = furniture.detect(text, "en")
    assert segs[0].furniture and segs[0].end <= len(caption) + 1
    assert not any(s.furniture for s in segs[1:])


def test_lines_above_the_body_dateline_are_suspects_not_verdicts(shared_data: Path) -> None:
    """Session 17: what a page puts above its dispatch's dateline (a
    columnist's bio, USA Today's video blurb, a caption) scores at least
    PREAMBLE_SCORE, a summary suspect, and stays prose for the verdict; the
    dateline line and the lines below it keep the trees' score; a page
    without a dateline is left alone (news-clusters; the CNN column and the
    USA Today page are in session 16's summaries, the third page has no
    dateline)."""
    docs = load_docs(shared_data)
    cnn = _doc(docs, "news-clusters", "a4d3ace91814")
    segs = furniture.detect(cnn.text, "en")
    assert cnn.text[segs[0].start:].startswith("Kelly Wallace is CNN's digital correspondent")
    assert cnn.text[segs[1].start:].startswith("(CNN) The judgment")
    assert segs[0].score >= furniture.PREAMBLE_SCORE and not segs[0].furniture
    assert segs[1].score < furniture.PREAMBLE_SCORE
    usa = _doc(docs, "news-clusters", "106fa91c2f79")
    segs = furniture.detect(usa.text, "en")
    top = [usa.text[s.start:s.start + 20] for s in segs[:4]]
    at = next(i for i, t in enumerate(top) if t.startswith("MELBOURNE, Fla. —"))
    assert at >= 2 and all(s.score >= furniture.PREAMBLE_SCORE for s in segs[:at])
    no_dateline = _doc(docs, "news-clusters", "28815a8c8f76")  # "CLOSE Sheila E. says …", then the column
    segs = furniture.detect(no_dateline.text, "en")
    assert segs[0].score < 0.3


def test_a_wire_caption_is_no_dateline() -> None:
    """AP's "FILE - In this …" opens like "WASHINGTON -" but is the caption
    (flagged by the wire-caption rule): the lines above it keep their score."""
    text = ("Goldman Sachs expects to take a $5 billion hit to profits for the fourth quarter.\n"
            "FILE - In this Dec. 13, 2016, file photo, the Goldman Sachs logo is displayed in New York.\n"
            "NEW YORK (AP) — Goldman Sachs says the tax overhaul will cost it $5 billion.\n")
    segs = furniture.detect(text, "en")
    assert segs[1].furniture and not segs[2].furniture
    assert segs[0].score >= furniture.PREAMBLE_SCORE  # above the real dateline, two lines down
    plain = furniture.detect(text.replace("NEW YORK (AP) — ", ""), "en")
    assert plain[0].score < furniture.PREAMBLE_SCORE


def test_an_author_note_at_the_top_or_tail_is_a_suspect(shared_data: Path) -> None:
    """Session 17: an op-ed's author note opening its page (RT, news-clusters)
    scores at least PREAMBLE_SCORE and stays prose for the verdict; a name
    followed by "is" and no possessive, or a line inside the page, is left to
    the trees."""
    rt = _doc(load_docs(shared_data), "news-clusters", "da1d344cd166b552054f")
    segs = furniture.detect(rt.text, "en")
    assert rt.text[segs[0].start:].startswith("Robert Bridge is an American writer")
    assert segs[0].score >= furniture.PREAMBLE_SCORE and not segs[0].furniture
    body = ("Angela Merkel is in Paris for talks with the French president on Monday.\n"
            "The two leaders discussed the budget of the eurozone, officials said.\n"
            "Ms. Merkel is the longest-serving leader of the European Union.\n"
            "They will meet again in Berlin next month, a spokesman said.\n")
    segs = furniture.detect(body, "en")
    assert all(s.score < furniture.PREAMBLE_SCORE for s in segs)
    tail = body + "John Stoehr is a lecturer in political science at Yale.\n"
    assert furniture.detect(tail, "en")[-1].score >= furniture.PREAMBLE_SCORE
    assert furniture.detect(tail, "de")[-1].score < furniture.PREAMBLE_SCORE  # no German links


def test_a_handle_alone_on_its_line_is_a_signature() -> None:
    """Session 17: a letters page quoting readers' posts signs each with the
    handle alone on its line (USA Today, PolNeAR): furniture; a line that
    quotes a handle in a sentence stays prose."""
    text = ("Readers sounded off on Twitter about the candidate's tax plan.\n"
            "Nothing about the plan seems credible to me.\n"
            "@Fred_945.\n"
            "Everything the campaign says about taxes should be checked, line by line.\n"
            "@plish516.\n"
            "The account @plish516 posted the same complaint twice on Tuesday, officials said.\n")
    segs = furniture.detect(text, "en")
    lines = [text[s.start:s.end] for s in segs]
    assert [s.furniture for s in segs] == [False, False, True, False, True, False], lines


def test_a_credit_after_the_last_sentence_closes_a_blurb_or_caption(shared_data: Path) -> None:
    """Session 19: a bare name after a line's last sentence is the page's
    (USA Today's video blurb at the top of a page with no dateline, which
    session 17 left as the summary's furniture; China Daily's captions closed
    by "Reuters" / "AFP"), while an abbreviation or an ordinal before the
    name is no sentence's end and prose keeps its verdict."""
    docs = load_docs(shared_data)
    usa = _doc(docs, "news-clusters", "28815a8c8f76")
    segs = furniture.detect(usa.text, "en")
    assert usa.text[segs[0].start:].startswith("CLOSE Sheila E. says")
    assert segs[0].furniture and segs[0].score < furniture.packaged_model().threshold
    assert not any(s.furniture for s in segs[1:5])
    assert furniture.closing_credit("… killing almost 80 people in Nice, France. Reuters")
    assert furniture.closing_credit("Get the Mach newsletter. SUBSCRIBE")
    assert not furniture.closing_credit("Four children injured by firecrackers were taken to ul. Krysiewicz")
    assert not furniture.closing_credit("Schulgesetz-Änderungen: Abschließende Abstimmung am 16. Juni")
    assert not furniture.closing_credit("The general died from a heart attack, aged 79.")
    text = ("The council voted on Tuesday to close the bridge for repairs, the mayor said.\n"
            "Crews will start work in March and finish before the summer, officials said.\n")
    assert not any(s.furniture for s in furniture.detect(text, "en"))


def test_a_short_line_holding_an_email_address_is_a_contact_line(shared_data: Path) -> None:
    """Session 19: the Washington Post's sky column closes on "Blaine
    Friedlander can be reached at SkyWatchPost@gmail.com." (news-clusters; the
    trees gave it 0.38); a paragraph that quotes an address, and the top
    line, keep the trees' verdict."""
    wp = _doc(load_docs(shared_data), "news-clusters", "65ab3770aae334d7")
    segs = furniture.detect(wp.text, "en")
    last = wp.text[segs[-1].start:segs[-1].end]
    assert last.startswith("Blaine Friedlander can be reached at") and segs[-1].furniture
    text = ("The council voted on Tuesday to close the bridge for repairs, the mayor said.\n"
            "Residents who want to object before the work starts in March were told by the council "
            "to write to bridges@city.gov, and dozens of them had already done so by Wednesday "
            "evening, officials said.\n"
            "Crews will start work in March and finish before the summer, officials said.\n"
            "Reach the reporter at jane.doe@example.org or 555-0100.\n")
    assert [s.furniture for s in furniture.detect(text, "en")] == [False, False, False, True]
    assert not furniture.contact_line("Write to tips@example.org.", [0.0] * len(furniture.FEATURES), True)


def test_question_subheads_of_an_explainer_but_not_an_interviews_questions(shared_data: Path) -> None:
    """Session 20: the NYT's Falcon Heavy explainer (news-clusters, set 14)
    heads its sections with five short questions between paragraphs, which
    the trees scored 0.05-0.54; a page with fewer than three such questions
    (a column's rhetorical "Come again?"), a Q&A whose questions carry their
    "Q:" label (Politico's Biden interview, PolNeAR train) and a German
    interview whose questions address the interviewee ("Auf welchen Zeitraum
    stellen Sie sich ein?", SemEval) keep their questions as prose."""
    docs = load_docs(shared_data)
    nyt = _doc(docs, "news-clusters", "a6d78217713b9eda")
    segs = furniture.detect(nyt.text, "en")
    asked = [nyt.text[s.start:s.end] for s in segs if s.furniture and nyt.text[s.start:s.end].endswith("?")]
    assert "What could go wrong?" in asked and "Will the car get to Mars?" in asked and len(asked) == 5
    for corpus, prefix, lang, question in (
            ("polnear-train", "politico_2016-02-19_q-a-with-vice-president", "en",
             "Q: Do you think Glass-Steagall should be reinstated?"),
            ("polnear-train", "usa-today_2016-07-25_sanders-endorsement", "en", "Come again?"),
            ("semeval", "1554625335", "de", "Auf welchen Zeitraum stellen Sie sich ein?")):
        d = _doc(docs, corpus, prefix)
        segs = furniture.detect(d.text, lang)
        got = [s for s in segs if d.text[s.start:s.end].strip() == question]
        assert len(got) == 1 and not got[0].furniture, (prefix, question)


def test_a_list_header_opening_a_line_makes_the_line_a_list(shared_data: Path) -> None:
    """Session 20: a header of related links with its colon ("PLUS: …", a
    translated Daily Mail page in SemEval fr, set 14, 0.31 from the trees)
    flags its line whatever its length when the list goes on; one header
    glued to a long paragraph goes with the paragraph; a one-word header
    needs its colon at once and picture words are no headers."""
    docs = load_docs(shared_data)
    fr = _doc(docs, "semeval", "1496518478fr")
    segs = furniture.detect(fr.text, "fr")
    plus = [s for s in segs if fr.text[s.start:s.end].startswith("PLUS:")]
    assert plus and all(s.furniture for s in plus)
    en, es = furniture.words_for("en"), furniture.words_for("es")
    assert furniture.list_header("LATEST STORIES: Get breaking news, weather, and sports delivered to "
                                 "your smartphone with the WFXR News app available on Apple and Android",
                                 en, False)
    assert not furniture.list_header("LATEST STORIES: Get breaking news", en, True)  # the top line
    assert not furniture.list_header("More than 2 million minimum-wage workers in California would see "
                                     "their incomes increase: a fact sheet said so.", en, False)
    assert not furniture.list_header("Photo: Reuters Diosdado Cabello said on Monday.", en, False)
    glued = ("Te puede interesar: Frente frío 27 podría generar la quinta tormenta invernal Desde el "
             "pasado 15 de diciembre de 2019, el personal castrense ha brindado servicios con militar, "
             "con el objetivo de apoyar a la población que lo necesite.")
    assert not furniture.list_header(glued, es, False)


def test_a_cue_phrase_in_the_last_lines_flags_a_full_sentence(shared_data: Path) -> None:
    """Session 20: an editor's note closing a HuffPost page ("This post has
    been updated with comment from Clinton as well as …", PolNeAR dev, 25
    words, 0.27 from the trees) and ABC.es's syndication notice (SemEval es)
    are sentences of a paragraph's length, which ``cue_rule`` leaves to the
    trees in the body; in the page's last two lines the cue decides. The
    same sentence above the tail, and a last paragraph without a cue, stay
    prose."""
    docs = load_docs(shared_data)
    hp = _doc(docs, "polnear-dev", "huff-post_2016-09-20_elizabeth-warren-hammers")
    segs = furniture.detect(hp.text, "en")
    assert hp.text[segs[-1].start:].startswith("This post has been updated with comment")
    assert segs[-1].furniture
    abc = _doc(docs, "semeval", "1648297594")
    segs = furniture.detect(abc.text, "es")
    assert "contenido original de ABC" in abc.text[segs[-1].start:segs[-1].end] and segs[-1].furniture
    note = ("This story has been updated with additional reactions from members of Congress and "
            "from the refugee advocates who met the governor on Tuesday.")
    text = ("The council voted on Tuesday to close the bridge for repairs, the mayor said, and crews "
            "will start work in March.\n" + note + "\n"
            "Residents who use the bridge every day will have to drive ten miles further, a local "
            "business group complained on Wednesday.\n"
            "The work is paid for by a state grant of four million dollars awarded last year, "
            "according to the city's budget office.\n"
            "The mayor said the bridge would reopen before the summer if the weather allowed the "
            "crews to keep to their schedule.\n")
    segs = furniture.detect(text, "en")
    assert not segs[1].furniture and not segs[-1].furniture
