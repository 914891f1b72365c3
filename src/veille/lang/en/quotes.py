"""English words for attributing quotes (see lang/quote_words.py)."""

from __future__ import annotations

from veille.lang.quote_words import QuoteWords


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy's import is slow: only when matching

    return frozenset(STOP_WORDS)


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
    stop_words=_stop_words,
)
