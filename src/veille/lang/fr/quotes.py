"""French words for attributing quotes (see lang/quote_words.py)."""

from __future__ import annotations

from veille.lang.quote_words import QuoteWords


def _stop_words() -> frozenset[str]:
    from spacy.lang.fr.stop_words import STOP_WORDS  # spaCy's import is slow: only when matching

    return frozenset(STOP_WORDS)


WORDS = QuoteWords(
    speech_verbs=frozenset({
        "déclarer", "dire", "affirmer", "ajouter", "annoncer", "avertir", "expliquer", "estimer",
        "assurer", "confirmer", "indiquer", "souligner", "préciser", "rappeler", "répondre",
        "lancer", "insister", "poursuivre", "conclure", "commenter", "admettre", "reconnaître",
        "promettre", "prévenir", "menacer", "marteler", "écrire", "raconter", "rapporter",
        "déplorer", "dénoncer", "regretter", "noter", "observer", "demander", "exclamer",
        "plaider", "démentir", "nier", "révéler", "témoigner", "confier", "répéter", "prétendre",
        "juger", "considérer", "faire", "lâcher", "tweeter", "résumer", "avouer", "accuser",
    }),
    infinitive_speech_verbs=frozenset({
        "dire", "affirmer", "déclarer", "assurer", "prétendre", "reconnaître", "nier",
        "démentir", "estimer", "admettre", "avouer",
    }),
    incise_only_verbs=frozenset({"faire", "lancer", "poursuivre", "conclure", "lâcher"}),
    incise_verb_nouns=frozenset({"dit"}),
    subject_pronouns=frozenset({"il", "elle"}),
    relative_subjects=frozenset({"qui"}),
    euphonic_tokens=frozenset({"t"}),
    complementizers=frozenset({"que", "qu'", "qu’"}),
    relative_objects=frozenset({"que", "qu'", "qu’"}),
    dative_prepositions=frozenset({"au", "aux", "à"}),
    articles=frozenset({"le", "la", "les", "l"}),
    judgement_links=frozenset({"de", "d'", "comme"}),
    participle_endings=("é", "ée", "és", "ées"),
    agent_prepositions=frozenset({"par"}),
    according_to=("selon", "d'après"),
    stop_words=_stop_words,
)
