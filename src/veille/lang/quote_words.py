"""The quote words and rules one language gives the analysis (see lang/base.py).

The quote extractor finds direct quotes on the quote marks alone (typography,
not language: no pack needed); everything it does after that — naming the
speaker, finding reported speech without marks, telling "selon X" from a
scare quote — reads the words of the text's language from a
:class:`QuoteWords`. A language without one gets quote-mark spans only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Words = frozenset[str]
_EMPTY: Words = frozenset()


def _no_stop_words() -> Words:
    return _EMPTY


@dataclass(frozen=True)
class QuoteWords:
    """One language's words for attributing quotes and matching them across articles.

    Word sets hold lower-cased lemmas (verbs) or lower-cased token texts (the rest).
    """

    #: Lemmas of verbs that report speech ("déclarer", "say").
    speech_verbs: Words = _EMPTY
    #: Speech verbs whose infinitive complement is the statement ("X dit avoir résisté").
    infinitive_speech_verbs: Words = _EMPTY
    #: Speech verbs that count only in an incise after a quote ("« … », fait-il"),
    #: never with a complement clause.
    incise_only_verbs: Words = _EMPTY
    #: Speech verbs whose noun object is the statement ("a requis la prison",
    #: "demanded his resignation"); with the preposition that may introduce the
    #: object as a key's value ("call" -> "for": "called for a ban").
    object_speech_verbs: Words = _EMPTY
    object_prepositions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Words marking an infinitive after its verb ("to" in "promised to cut").
    infinitive_markers: Words = _EMPTY
    #: Plural subject pronouns ("ils", "they"): resolved to the last organisation
    #: or group named as a subject.
    plural_pronouns: Words = _EMPTY
    #: Token texts the tagger labels NOUN that are still an incise verb ("dit").
    incise_verb_nouns: Words = _EMPTY
    #: Third-person subject pronouns resolved to the last person named ("il", "he").
    subject_pronouns: Words = _EMPTY
    #: Relative pronouns standing for the noun a speech verb's clause hangs on ("qui").
    relative_subjects: Words = _EMPTY
    #: Letters split off an inverted verb that are no subject (the "t" of "a-t-il").
    euphonic_tokens: Words = _EMPTY
    #: Words introducing a complement clause of reported speech ("que", "that").
    complementizers: Words = _EMPTY
    #: Verbs of asking whose indirect question is the statement ("a demandé si
    #: les représentants pourraient …", "se demande s'il ne s'agit pas …"), and
    #: the words that open such a question ("si").
    question_verbs: Words = _EMPTY
    question_markers: Words = _EMPTY
    #: Relative object pronouns: "ce qu'il dit être …" is no statement.
    relative_objects: Words = _EMPTY
    #: Prepositions of the addressee: "a déclaré au président X" (X did not speak).
    dative_prepositions: Words = _EMPTY
    #: Articles that may precede a subject named before its verb ("le", "the").
    articles: Words = _EMPTY
    #: Words between a participle and the quoted judgement ("jugée de", "described as").
    judgement_links: Words = _EMPTY
    #: Endings of past participles the tagger leaves without morphology ("jugée").
    participle_endings: tuple[str, ...] = ()
    #: Prepositions naming the agent of a passive participle ("par", "by").
    agent_prepositions: Words = _EMPTY
    #: Phrases naming a source after a quote ("selon", "according to"); an
    #: apostrophe matches either apostrophe.
    according_to: tuple[str, ...] = ()
    #: Phrases that attribute a clause only when they open the sentence and name
    #: a person or organisation ("Pour l'UNAPEI, il manque …"; "Pour l'Italie,
    #: Romano Prodi" names a place: no attribution).
    according_to_agents: tuple[str, ...] = ()
    #: Verbs of reading with the prepositions that name what was read: "On lit
    #: dans l'Opinion nationale : « … »", "peut-on lire dans Le Monde :" — the
    #: paper or document is the quote's source (see quotes.cascade.read_in_colon).
    reading_verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Reflexive clitics ("se", "s'"): with a speech verb of ``self_description_verbs``
    #: and an adjective complement, the speaker describes their own stance
    #: ("X s'est dit prêt à coopérer" -> "prêt à coopérer").
    reflexive_pronouns: Words = _EMPTY
    self_description_verbs: Words = _EMPTY
    #: Shell nouns: an object of a speech verb that only points back at a statement
    #: made elsewhere ("a confirmé la nouvelle", "denied the report") is not one.
    shell_nouns: Words = _EMPTY
    #: A speech verb's object that is only a name ("la Hongrie et l'Autriche
    #: s'opposent au reste de l'UE qui fustige Israël") is whom the words are
    #: about, not the words: no statement.
    named_object_is_target: bool = False
    #: Nouns of documents and records ("selon un communiqué", "according to a
    #: court filing"): a source, never a speaker. Any other noun after "selon"
    #: ("selon le porte-parole") names who speaks, even unnamed.
    document_nouns: Words = _EMPTY
    #: Nouns of the occasions and channels of speech ("at Tuesday's debate", "in
    #: his opening statement", "on its Facebook page"): a phrase on one, after a
    #: reported object, says where it was said, not what (with the document,
    #: statement and work nouns, and a date or an event as its object).
    occasion_nouns: Words = _EMPTY
    #: Prepositions that open only a circumstance ("during", "despite"): their
    #: phrase after a reported object is never part of it.
    circumstance_prepositions: Words = _EMPTY
    #: Prepositions that date words by another event ("after the debate",
    #: "before the vote", "since his loss"): a noun phrase after one says when,
    #: never what was said (a gerund may: "charged him after determining that …").
    time_prepositions: Words = _EMPTY
    #: Prepositions before a named channel of speech ("on Twitter", "on Fox
    #: News"): such a phrase after a reported object says where it was said.
    channel_prepositions: Words = _EMPTY
    #: Nouns that name words ("the phrase “Allahu akbar”", "the word “…”"): a
    #: quoted apposition after one is the words named, no predicate said of it.
    word_nouns: Words = _EMPTY
    #: Cue frames learned from an attribution gold's tuning part
    #: (:mod:`veille.analyze.quotes.frames`): verb lemma -> the relations whose
    #: complement it reports ("ccomp", "xcomp", "dobj", "prep:for"). Any verb
    #: here reports speech through those relations only.
    cue_frames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: A present participle reports its clause's subject's speech ("…, saying
    #: that"); off where it mostly reports an inference ("signalant que").
    participle_reports_speech: bool = False
    #: A clause with a noun subject ending on a colon before a quote announces
    #: a new speaker, so the last speaker's chain stops there ("…, the sheriff
    #: said. …, one officer has identified where …: “…”"); off where such a
    #: clause is as often a topic ("Un tour de passe-passe qui lui permet … : « … »").
    colon_announces_speaker: bool = False
    #: A line opening on its source and a colon is that source's statement
    #: ("Clinton: Trump will reverse Roe v. Wade"; see quotes.colon_lines).
    colon_lines: bool = False
    #: Prepositions that may join a colon line's source to its addressee or venue
    #: ("Clinton to Planned Parenthood:"), kept even where a headline's capitals
    #: make the tagger miss them as prepositions ("Obama To Asians …:").
    colon_source_links: frozenset[str] = frozenset()
    #: A statement cut in two by its incise (“A,” X said. “B.”) is one quote
    #: (see quotes.split_quotes).
    join_split_quotes: bool = False
    #: A proper-noun subject the recogniser missed, written elsewhere after a
    #: given name ("Trump says …" beside "Donald Trump"), is a person for the
    #: pronouns after it (see quotes.unlisted_people).
    unlisted_people: bool = False
    #: The subject may stand between a quote and its incise verb ("…,” X said).
    subject_before_incise_verb: bool = False
    #: Words of subject allowed before a post-posed incise verb without marks
    #: ("…, store owner Maria Brinson said, …"); 0 when the subject follows the verb.
    incise_subject_words: int = 0
    #: A clausal complement of a speech verb without complementizer is the
    #: statement ("He said the plan would cut …").
    bare_clausal_complement: bool = False
    #: An incise after marks that open inside the journalist's sentence
    #: reports the whole sentence ("La crise « est un test », a-t-il déclaré");
    #: checked on the French gold only, so off by default.
    incise_reports_sentence: bool = False
    #: Periphrases that report speech as (causative verb, infinitive) lemmas:
    #: "a fait savoir qu'il travaillait", "laisse entendre que": the
    #: infinitive alone is no speech verb ("il sait que").
    causative_speech: frozenset[tuple[str, str]] = frozenset()
    #: Subject pronouns that name nobody ("on dit que", "dit-on", "l'on
    #: assure"): the statement is reported, its speaker stays empty (no
    #: neighbouring name is taken for it).
    impersonal_pronouns: Words = _EMPTY
    #: Words of the first person ("je", "nous", "mon"): a quote in the first
    #: person that stands alone after narration is the words of the person the
    #: narration is about (an interview or portrait); a name only mentioned in
    #: between (an apposition, an object) does not interrupt them.
    first_person_words: Words = _EMPTY
    #: A plural subject pronoun ("ils", "elles") may take up a plural noun
    #: phrase that was a subject just before ("Les chefs factieux … ; ils
    #: assurent que …"): checked on the French golds only, so off by default.
    plural_noun_antecedents: bool = False
    #: A speech or opinion verb of the first or second person outside quote
    #: marks is the text's own voice ("nous pensons que …"), not a statement to
    #: list; and a determined noun phrase the parse hung on a subjectless verb
    #: is its subject. Both checked on the French golds only: off by default.
    own_voice_is_no_speech: bool = False
    repair_missing_subject: bool = False
    #: Infinitive endings of the language: a verb whose lemma has none was
    #: lemmatised as a noun or left inflected ("demande" for "demander"), and
    #: ``inflection_endings`` (longest first) map its form back to a known verb.
    infinitive_endings: tuple[str, ...] = ()
    inflection_endings: tuple[tuple[str, str], ...] = ()
    #: Endings (folded) that make a person's noun of a place's name ("Neuchâtel"
    #: -> "la Neuchâteloise", "Genève" -> "le Genevois"): a capitalised word so
    #: derived from a known place names a person already named, not the place
    #: (see analyze/quotes/demonyms.py). Empty: demonyms stay places.
    demonym_suffixes: tuple[str, ...] = ()
    #: Words marking a dislocated topic that a subject pronoun then takes up
    #: ("Quant au chef du Sinn Fein, il a estimé …": "il" is the chef, not
    #: the last person named before).
    topic_markers: Words = frozenset()
    #: Verbs whose statement is an addressee or a topic followed by a link word
    #: and its complement: a call ("exhorter le gouvernement à agir", "appeler
    #: à des élections", "s'engager à verser"), a charge ("accuser X de
    #: fraude"), a judgement ("qualifier le plan de « réduction »",
    #: "considérer X comme un échec"). lemma -> the link words it takes.
    #: After a call's link comes an infinitive, or a noun right after the verb.
    call_verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Verb + fixed words that report as one verb ("mettre en garde contre …",
    #: "faire état de …"): lemma -> (the fixed words after it, the link words
    #: that open the statement: a preposition before its object, or a
    #: complementizer before a clause). The verb alone is no speech verb.
    speech_locutions: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(
        default_factory=dict)
    judgement_verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Judgement verbs of everyday use ("voir X comme"): their link must hang
    #: on the verb in the parse.
    weak_judgement_verbs: Words = _EMPTY
    #: Verbs that count as calls only with a reflexive clitic ("s'engager à").
    reflexive_calls: Words = _EMPTY
    #: Words of an "as X said" incise with its clitic ("comme l'a annoncé la
    #: compagnie", "Comme l'a rapporté Bloomberg, …"): the statement is the
    #: rest of the sentence, the inverted subject its source.
    #: A marker may be a locution of several words ("ainsi que l'annonce …").
    as_markers: Words = _EMPTY
    as_clitics: Words = _EMPTY
    #: Forms of the speech verb that, right after a person's name and before a
    #: capitalised word or a quote mark, give the person's nickname ("Victor
    #: Hespel, dit Le Grand Rouquin, né en 1891", "Muller dit « La Motte »"):
    #: an appellation, nobody's words.
    appellation_forms: Words = _EMPTY
    #: Nouns of works, programmes, events and bodies whose name follows them in
    #: quote marks ("l'émission « Les nuits de la pleine lune »", "the film
    #: “Pulp Fiction”"), and participles that introduce a name ("intitulé",
    #: "dubbed"): the marked words name something, nobody says them.
    work_nouns: Words = _EMPTY
    naming_words: Words = _EMPTY
    #: Stop words left out when comparing two quotes' wording across articles;
    #: a function so that the pack does not load its source (spaCy) at import.
    stop_words: Callable[[], Words] = field(default=_no_stop_words)
    #: Courtesy titles that give a person's gender ("Mr." -> Masc), folded and
    #: without their point: evidence in the article, before any name list
    #: ("Ms. Rand" is a woman whatever the list says of "Rand").
    gendered_titles: dict[str, str] = field(default_factory=dict)
    #: Nouns of people that carry a gender ("man" -> Masc, "mother" -> Fem):
    #: "One man … told CNN …. He told CNN that he worked …" makes the man,
    #: named by a noun, the antecedent of "he" in a language whose nouns have
    #: no grammatical gender (English: the parse gives none).
    gendered_nouns: dict[str, str] = field(default_factory=dict)
    #: Singular pronouns standing for an organisation as the active subject of
    #: a speech verb ("Facebook said … “We know …,” it said"): resolved like a
    #: plural pronoun, to the last organisation that was a subject.
    group_pronouns: Words = _EMPTY
    #: Nouns of saying whose "that"-clause is the statement ("Trump's claim
    #: that the election was rigged", "His answer was that …"); the possessor,
    #: if any, speaks.
    statement_nouns: Words = _EMPTY
    #: Nouns of bodies (institutions, courts, firms, parties): a definite one
    #: that speaks ("…, a annoncé le ministère français des Affaires
    #: étrangères", "le tribunal a condamné …") is the body itself, never a
    #: role noun standing for the person last named or quoted. Only where
    #: definite role nouns are taken as anaphors (French).
    body_nouns: Words = _EMPTY
    #: Verbs by which the press reports what it learned or printed ("Le « Petit
    #: Parisien » apprend de Toulon que …", "Le Matin publie la dépêche
    #: suivante : …"): speech only when their subject is a paper or an agency
    #: (a ``press_nouns`` noun, or a name in quote marks, as papers are
    #: printed); a person who "apprend que …" learns it, and reports nothing.
    press_verbs: Words = _EMPTY
    #: Nouns of the press and its dispatches (journal, quotidien, agence, dépêche).
    press_nouns: Words = _EMPTY
    #: Demonstratives that name the person last mentioned, whatever their place
    #: ("Le juge a interrogé Marc Petit. Celui-ci a nié …": Petit, not the
    #: judge), folded (lower case, no hyphen: scanned pages drop it,
    #: "Celleci") -> (grammatical gender, number).
    demonstrative_pronouns: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Words by which a clause announces the text that follows its colon ("la
    #: résolution suivante fut votée :", "un ukase, dont la teneur suit :"): the
    #: quotation is that document's, issued by the clause's subject.
    following_words: Words = _EMPTY
    #: Courtesy titles the parse may make the head of a role phrase ("M. le
    #: ministre du commerce a fini …": "M." is the subject, "ministre" hangs on
    #: it), folded, with their point: such a title is no role of its own, the
    #: noun after it is ("M." was given to every "M. X" named before).
    honorifics: Words = _EMPTY
    #: Nouns of people (roles, trades, kin, age): a singular one that was a
    #: subject is an antecedent of a later "il"/"elle" of its grammatical
    #: gender where no named person is nearer ("un homme blanc … s'est rendu
    #: … « … », a-t-il déclaré" is not George Floyd, named inside the phrase).
    #: Only where the parse gives nouns a gender (French).
    person_nouns: Words = _EMPTY
    #: Nouns of firms ("la société", "le groupe"): a definite one that speaks
    #: right after a named organisation was a subject stands for it ("TUI
    #: prévoit … , a indiqué la société"). Only where definite nouns are taken
    #: as anaphors (French).
    firm_nouns: Words = _EMPTY
