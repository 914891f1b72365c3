"""English words for attributing quotes (see lang/quote_words.py)."""

from __future__ import annotations

from veille.lang.quote_words import QuoteWords


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy's import is slow: only when matching

    return frozenset(STOP_WORDS)


#: Cue frames learned from PolNeAR train's tuning half (first 200 files, even
#: CRC32; gold Cue spans, see veille.analyze.quotes.frames), regenerated with
#: ``veille eval quotes ../shared/data/polnear/train --part tune --limit 200
#: --learn-frames``; comments: gold cues, then complements that were gold
#: contents / all complements of that relation in the texts.
CUE_FRAMES: dict[str, tuple[str, ...]] = {
    "accuse": ("prep:of",),  # prep:of cue 2, 7/8
    "acknowledge": ("ccomp",),  # ccomp cue 9, 9/9
    "add": ("ccomp",),  # ccomp cue 14, 13/17
    "advocate": ("prep:for",),  # prep:for cue 3, 2/3
    "announce": ("ccomp", "dobj",),  # ccomp cue 5, 5/6; dobj cue 9, 6/11
    "answer": ("dobj",),  # dobj cue 2, 6/12
    "apologize": ("prep:for",),  # prep:for cue 4, 4/6
    "applaud": ("dobj",),  # dobj cue 2, 2/4
    "appoint": ("dobj",),  # dobj cue 3, 3/4
    "argue": ("ccomp", "dobj",),  # ccomp cue 15, 12/18; dobj cue 2, 2/4
    "ask": ("ccomp", "xcomp",),  # ccomp cue 13, 15/22; xcomp cue 3, 10/14
    "bemoan": ("dobj",),  # dobj cue 2, 2/2
    "call": ("prep:for",),  # prep:for cue 9, 8/12
    "cheer": ("dobj",),  # dobj cue 2, 1/2
    "claim": ("ccomp",),  # ccomp cue 12, 11/12
    "congratulate": ("dobj",),  # dobj cue 2, 2/2
    "consider": ("ccomp",),  # ccomp cue 3, 3/4
    "continue": ("ccomp",),  # ccomp cue 3, 1/2
    "criticise": ("dobj",),  # dobj cue 2, 1/2
    "declare": ("ccomp",),  # ccomp cue 6, 6/7
    "decline": ("xcomp",),  # xcomp cue 3, 2/3
    "demand": ("dobj",),  # dobj cue 2, 1/2
    "demonstrate": ("ccomp",),  # ccomp cue 3, 3/4
    "denounce": ("dobj",),  # dobj cue 2, 2/2
    "determine": ("ccomp",),  # ccomp cue 3, 4/8
    "disavow": ("dobj",),  # dobj cue 3, 3/3
    "discuss": ("dobj",),  # dobj cue 11, 8/14
    "dismiss": ("dobj",),  # dobj cue 4, 3/4
    "echo": ("dobj",),  # dobj cue 2, 3/3
    "endorse": ("dobj",),  # dobj cue 5, 3/6
    "expect": ("xcomp",),  # xcomp cue 2, 6/9
    "explain": ("ccomp",),  # ccomp cue 9, 8/11
    "fight": ("prep:about",),  # prep:about cue 2, 2/2
    "find": ("ccomp",),  # ccomp cue 6, 7/14
    "ignore": ("dobj",),  # dobj cue 3, 3/6
    "imply": ("ccomp",),  # ccomp cue 3, 2/3
    "insist": ("ccomp",),  # ccomp cue 6, 6/6
    "intend": ("dobj",),  # dobj cue 2, 1/2
    "joke": ("ccomp",),  # ccomp cue 3, 3/3
    "list": ("dobj",),  # dobj cue 4, 4/4
    "mention": ("dobj",),  # dobj cue 11, 8/14
    "name": ("dobj",),  # dobj cue 5, 7/9
    "note": ("ccomp", "dobj",),  # ccomp cue 20, 19/21; dobj cue 3, 4/4
    "offer": ("dobj",),  # dobj cue 6, 9/18
    "open": ("prep:about",),  # prep:about cue 3, 2/3
    "plan": ("xcomp",),  # xcomp cue 3, 4/6
    "pledge": ("xcomp",),  # xcomp cue 5, 5/9
    "point": ("ccomp", "dobj", "prep:to",),  # ccomp cue 7, 6/8; dobj cue 2, 2/3; prep:to cue 4, 5/6
    "portray": ("dobj",),  # dobj cue 2, 2/2
    "prefer": ("dobj",),  # dobj cue 2, 3/4
    "promise": ("ccomp", "xcomp",),  # ccomp cue 2, 2/2; xcomp cue 3, 2/4
    "pursue": ("dobj",),  # dobj cue 2, 3/4
    "question": ("ccomp",),  # ccomp cue 2, 3/4
    "rail": ("prep:against",),  # prep:against cue 2, 1/2
    "recall": ("dobj",),  # dobj cue 2, 1/2
    "refer": ("prep:to",),  # prep:to cue 7, 6/12
    "refuse": ("xcomp",),  # xcomp cue 6, 8/15
    "remember": ("dobj",),  # dobj cue 2, 2/4
    "report": ("ccomp",),  # ccomp cue 9, 8/10
    "reprise": ("dobj",),  # dobj cue 2, 1/2
    "respond": ("ccomp", "prep:to",),  # ccomp cue 3, 3/4; prep:to cue 2, 3/6
    "reveal": ("ccomp",),  # ccomp cue 4, 4/4
    "rule": ("ccomp",),  # ccomp cue 2, 2/2
    "say": ("ccomp", "xcomp",),  # ccomp cue 316, 268/366; xcomp cue 2, 5/9
    "seek": ("xcomp",),  # xcomp cue 3, 5/9
    "shoot": ("ccomp",),  # ccomp cue 2, 1/1
    "show": ("ccomp",),  # ccomp cue 12, 13/23
    "slam": ("dobj",),  # dobj cue 2, 1/2
    "speak": ("prep:about",),  # prep:about cue 9, 8/11
    "state": ("ccomp",),  # ccomp cue 5, 4/6
    "stress": ("ccomp",),  # ccomp cue 2, 1/2
    "suggest": ("ccomp",),  # ccomp cue 12, 11/22
    "tell": ("ccomp",),  # ccomp cue 32, 29/43
    "tout": ("dobj",),  # dobj cue 4, 4/4
    "vow": ("ccomp", "xcomp",),  # ccomp cue 2, 2/2; xcomp cue 4, 4/4
    "warn": ("ccomp",),  # ccomp cue 5, 4/4
    "welcome": ("dobj",),  # dobj cue 3, 2/3
    "write": ("ccomp",),  # ccomp cue 8, 5/5
}

WORDS = QuoteWords(
    # The reporting verbs of PolNeAR's train gold (tune half, cues seen >= 8 times)
    # that report a statement, a stance or a plan, not perception ("see") or
    # support ("endorse").
    speech_verbs=frozenset({
        "say", "tell", "add", "announce", "warn", "explain", "state", "claim", "insist", "note",
        "declare", "confirm", "report", "write", "argue", "reply", "respond", "ask", "suggest",
        "tweet", "maintain", "stress", "deny", "admit", "acknowledge", "promise", "predict",
        "call", "describe", "expect", "think", "believe", "criticize", "accuse", "point",
        "propose", "express", "question", "reveal", "recall", "agree", "mention", "vow", "blame",
        "urge", "conclude", "hope", "praise", "pledge", "fear", "blast", "indicate",
        "charge", "denounce", "dismiss", "threaten", "post", "echo", "remind", "repeat",
        "demand", "wonder", "emphasize", "joke", "concede", "assure", "allege", "complain",
        "remark", "testify", "show", "find", "refuse", "decline", "want", "plan", "seek",
        "worry", "feel", "know", "learn", "recommend", "advise", "contend", "counter", "caution",
        "speculate", "estimate", "signal", "hint", "boast", "brag", "lament",
        "condemn", "slam", "attack", "request", "order", "guarantee", "answer",
    }),
    infinitive_speech_verbs=frozenset({
        "claim", "deny", "admit", "promise", "vow", "pledge", "threaten", "refuse", "decline",
        "hope", "want", "expect", "agree", "plan", "seek", "urge", "ask", "tell",
        "order", "propose", "call",
    }),
    object_speech_verbs=frozenset({
        "demand", "request", "propose", "announce", "deny", "promise", "pledge", "vow", "seek",
        "call", "criticize", "praise", "blame", "question", "dismiss", "condemn", "predict",
        "express", "urge", "recommend", "support", "endorse", "oppose", "reject", "discuss",
        "cite", "mention", "back","attack", "acknowledge", "describe", "tout",
        "highlight", "raise",
    }),
    object_prepositions={"call": ("for", "on")},
    participle_reports_speech=True,
    infinitive_markers=frozenset({"to"}),
    plural_pronouns=frozenset({"they"}),
    subject_pronouns=frozenset({"he", "she"}),
    relative_subjects=frozenset({"who", "which"}),
    complementizers=frozenset({"that"}),
    dative_prepositions=frozenset({"to"}),
    articles=frozenset({"the"}),
    judgement_links=frozenset({"as"}),
    participle_endings=("ed",),
    agent_prepositions=frozenset({"by"}),
    according_to=("according to",),
    document_nouns=frozenset({
        "report", "statement", "filing", "document", "survey", "poll", "study", "data",
        "figure", "estimate", "analysis", "tradition", "record", "transcript", "memo",
        "letter", "release", "reporting", "account", "version", "bill", "law", "ruling",
        "court", "complaint", "indictment", "result", "projection", "count", "tally",
        "website", "article", "story", "readout", "email", "tweet", "post", "review",
    }),
    shell_nouns=frozenset({"news", "report", "reports", "claim", "claims", "thing", "rumor",
                           "rumors", "statement", "allegation", "allegations", "story"}),
    subject_before_incise_verb=True,
    incise_subject_words=5,
    bare_clausal_complement=True,
    cue_frames=CUE_FRAMES,
    as_markers=frozenset({"as"}),  # no clitic in English: only bars "As we reported, …"
    work_nouns=frozenset({
        "film", "movie", "book", "novel", "memoir", "show", "series", "program", "programme",
        "album", "song", "single", "play", "musical", "documentary", "episode", "podcast",
        "magazine", "newspaper", "column", "newsletter", "blog", "website", "exhibition",
        "festival", "campaign", "slogan", "motto", "hashtag", "operation", "initiative",
        "painting", "poem", "opera", "ballet", "game", "app", "brand", "label", "committee",
        "group", "movement", "organization", "club", "band", "segment", "feature", "title",
    }),
    naming_words=frozenset({"titled", "entitled", "dubbed", "nicknamed", "billed"}),
    stop_words=_stop_words,
)
