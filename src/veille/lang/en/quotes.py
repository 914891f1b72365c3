"""English words for attributing quotes (see lang/quote_words.py)."""

from __future__ import annotations

from veille.lang.quote_words import QuoteWords


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy's import is slow: only when matching

    return frozenset(STOP_WORDS)


WORDS = QuoteWords(
    speech_verbs=frozenset({
        "say", "tell", "add", "announce", "warn", "explain", "state", "claim", "insist", "note",
        "declare", "confirm", "report", "write", "argue", "reply", "respond", "ask", "suggest",
        "tweet", "maintain", "stress", "deny", "admit", "acknowledge", "promise", "predict",
    }),
    infinitive_speech_verbs=frozenset({"claim", "deny", "admit"}),
    subject_pronouns=frozenset({"he", "she"}),
    relative_subjects=frozenset({"who", "which"}),
    complementizers=frozenset({"that"}),
    dative_prepositions=frozenset({"to"}),
    articles=frozenset({"the"}),
    judgement_links=frozenset({"as"}),
    participle_endings=("ed",),
    agent_prepositions=frozenset({"by"}),
    according_to=("according to",),
    subject_before_incise_verb=True,
    incise_subject_words=5,
    bare_clausal_complement=True,
    stop_words=_stop_words,
)
