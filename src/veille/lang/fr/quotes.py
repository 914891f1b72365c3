"""French words for attributing quotes (see lang/quote_words.py)."""

from __future__ import annotations

from veille.lang.quote_words import QuoteWords


def _stop_words() -> frozenset[str]:
    from spacy.lang.fr.stop_words import STOP_WORDS  # spaCy's import is slow: only when matching

    return frozenset(STOP_WORDS)


SPEECH_VERBS = frozenset({
        "déclarer", "dire", "affirmer", "ajouter", "annoncer", "avertir", "expliquer", "estimer",
        "assurer", "confirmer", "indiquer", "souligner", "préciser", "rappeler", "répondre",
        "lancer", "insister", "poursuivre", "conclure", "commenter", "admettre", "reconnaître",
        "promettre", "prévenir", "menacer", "marteler", "écrire", "raconter", "rapporter",
        "déplorer", "dénoncer", "regretter", "noter", "observer", "demander", "exclamer",
        "plaider", "démentir", "nier", "révéler", "témoigner", "confier", "répéter", "prétendre",
        "juger", "considérer", "faire", "lâcher", "tweeter", "résumer", "avouer", "accuser",
        "requérir", "réclamer", "exiger", "proposer", "critiquer", "saluer",
        "prôner", "souhaiter", "espérer", "craindre", "reprocher", "certifier",
        "signaler", "invoquer", "évoquer", "protester", "s'insurger", "fustiger",
        "analyser", "conseiller", "redouter", "suggérer", "recommander", "soutenir", "rétorquer", "objecter",
        "mentionner", "communiquer", "concéder",
        # opinion and belief (the "estimer, juger, penser, croire"), and the
        # old press's "mander" (a dispatch reports), "s'écrier", "répliquer"
        "penser", "croire", "prédire", "mander", "proclamer", "insinuer",
        "écrier", "crier", "répliquer", "exposer",
        # an inference or a finding stated as one's own ("La police suppose que …",
        # "Cressida constate que …"): reported, as "estimer" is
        "supposer", "constater",
})

#: "« … », analyse le propriétaire": in an incise the tagger may read a first-group
#: verb's present (its lemma less the final r) as a noun
INCISE_VERB_NOUNS = frozenset({"dit"} | {v[:-1] for v in SPEECH_VERBS
                                         if v.endswith("er") and " " not in v and "'" not in v})

WORDS = QuoteWords(
    speech_verbs=SPEECH_VERBS,
    # not "proposer": with a noun object it offers a thing ("l'association
    # propose une soirée théâtre", "propose plusieurs millions d'articles"):
    # none of its 3 noun objects in the three tuned golds' texts is a statement
    # (its infinitive, "propose de fixer …", still reports)
    object_speech_verbs=frozenset({
        "requérir", "réclamer", "exiger", "demander", "annoncer", "dénoncer",
        "critiquer", "promettre", "nier", "démentir", "prôner", "saluer",
        "recommander", "reprocher", "fustiger", "évoquer", "soutenir", "rejeter",
        "citer", "mentionner", "confirmer", "signaler", "souhaiter", "préconiser", "revendiquer",
        "exposer", "proclamer", "prédire",
        # an admission said of a noun ("reconnaît les services rendus par la
        # presse", "ont reconnu un objectif d'extraire …"): 2 of its 3 noun
        # objects in the tuned golds' texts are statements, in two golds
        "reconnaître",
    }),
    infinitive_markers=frozenset({"de", "d'", "d’", "à"}),
    plural_pronouns=frozenset({"ils", "elles"}),
    infinitive_speech_verbs=frozenset({
        "dire", "affirmer", "déclarer", "assurer", "prétendre", "reconnaître", "nier",
        "démentir", "estimer", "admettre", "avouer", "promettre", "menacer",
        "souhaiter", "espérer", "demander", "exiger", "proposer", "annoncer", "concéder",
        "indiquer", "croire", "penser",
    }),
    incise_only_verbs=frozenset({"faire", "lancer", "poursuivre", "conclure", "lâcher"}),
    incise_verb_nouns=INCISE_VERB_NOUNS,
    subject_pronouns=frozenset({"il", "elle"}),
    relative_subjects=frozenset({"qui"}),
    euphonic_tokens=frozenset({"t"}),
    complementizers=frozenset({"que", "qu'", "qu’"}),
    relative_objects=frozenset({"que", "qu'", "qu’"}),
    question_verbs=frozenset({"demander", "interroger"}),
    question_markers=frozenset({"si", "s'", "s’"}),
    dative_prepositions=frozenset({"au", "aux", "à"}),
    articles=frozenset({"le", "la", "les", "l"}),
    judgement_links=frozenset({"de", "d'", "comme"}),
    participle_endings=("é", "ée", "és", "ées"),
    agent_prepositions=frozenset({"par"}),
    according_to=("selon", "d'après"),
    according_to_agents=("pour",),
    reading_verbs={"lire": ("dans",)},
    document_nouns=frozenset({
        "communiqué", "rapport", "sondage", "étude", "document", "enquête", "tradition",
        "information", "chiffre", "donnée", "estimation", "bilan", "texte", "lettre",
        "déclaration", "transcription", "lecture", "version", "projet", "loi", "décret",
        "arrêt", "jugement", "statistique", "résultat", "prévision", "calcul", "témoignage",
        "enregistrement", "compte", "relevé", "note", "dépêche", "article", "site",
    }),
    shell_nouns=frozenset({"nouvelle", "information", "info", "chose", "fait", "propos", "rumeur",
                           "déclaration", "annonce", "affirmation", "accusation", "version"}),
    reflexive_pronouns=frozenset({"se", "s'", "s’"}),
    self_description_verbs=frozenset({"dire", "déclarer", "affirmer", "avouer", "estimer",
                                      "juger"}),
    topic_markers=frozenset({"quant"}),
    incise_reports_sentence=True,
    causative_speech=frozenset({("faire", "savoir"), ("laisser", "entendre"),
                                ("faire", "valoir"), ("faire", "remarquer"),
                                ("faire", "observer"), ("faire", "ressortir"),
                                ("faire", "connaître"), ("donner", "entendre")}),
    impersonal_pronouns=frozenset({"on"}),
    plural_noun_antecedents=True,
    own_voice_is_no_speech=True,
    repair_missing_subject=True,
    first_person_words=frozenset({"je", "j'", "j’", "me", "m'", "m’", "moi", "nous", "mon", "ma",
                                  "mes", "notre", "nos"}),
    infinitive_endings=("er", "ir", "re", "ïr"),
    inflection_endings=(("ent", "er"), ("es", "er"), ("e", "er")),
    demonym_suffixes=("ois", "oise", "eois", "eoise", "ais", "aise", "ien", "ienne", "een",
                      "eenne", "ain", "aine", "an", "ane", "anne", "in", "ine"),
    call_verbs={
        "exhorter": ("à",), "appeler": ("à",), "encourager": ("à",), "inviter": ("à",),
        "inciter": ("à",), "enjoindre": ("de", "d'"), "implorer": ("de", "d'"),
        "supplier": ("de", "d'"), "presser": ("de", "d'"), "recommander": ("de", "d'"),
        "conseiller": ("de", "d'"), "demander": ("de", "d'"), "sommer": ("de", "d'"),
        "engager": ("à",), "accuser": ("de", "d'"), "menacer": ("de", "d'"),
        "reprocher": ("de", "d'"), "opposer": ("à",),
    },
    reflexive_calls=frozenset({"engager", "opposer"}),
    # the two locutions that govern gold statements in three tuned sets (six
    # gold cues in five documents: old gold, fresh, fresh3)
    speech_locutions={
        "mettre": (("en", "garde"), ("contre", "que", "qu'", "qu’")),
        "faire": (("état",), ("de", "d'", "d’", "du", "des", "que", "qu'", "qu’")),
    },
    as_markers=frozenset({"comme"}),
    as_clitics=frozenset({"l'", "l’", "le"}),
    weak_judgement_verbs=frozenset({"voir", "présenter"}),
    judgement_verbs={
        "qualifier": ("de", "d'"), "considérer": ("comme",), "décrire": ("comme",),
        "condamner": ("comme",), "présenter": ("comme",), "voir": ("comme",),
        "dépeindre": ("comme",),
    },
    work_nouns=frozenset({
        "film", "livre", "roman", "émission", "programme", "album", "chanson", "disque",
        "titre", "pièce", "spectacle", "exposition", "série", "feuilleton", "documentaire",
        "ouvrage", "œuvre", "oeuvre", "recueil", "collection", "journal", "magazine", "revue",
        "rubrique", "opération", "campagne", "festival", "concours", "slogan", "devise",
        "comité", "association", "collectif", "mouvement", "club", "groupe", "troupe",
        "chorale", "compagnie", "label", "marque", "logiciel", "application", "jeu", "plan",
        "projet", "manifestation", "salon", "tournée", "morceau", "poème",
        "tableau", "court-métrage", "long-métrage", "opéra", "ballet", "hashtag", "mot-dièse",
        "site", "blog", "podcast", "éditorial",
    }),
    naming_words=frozenset({"intitulé", "intitulée", "intitulés", "intitulées", "baptisé",
                            "baptisée", "baptisés", "baptisées", "surnommé", "surnommée",
                            "dénommé", "dénommée", "nommé", "nommée", "appelé", "appelée",
                            "titré", "titrée"}),
    # the language's nouns of bodies (public bodies, courts, forces, firms,
    # parties, unions, the press): none names a person's role
    body_nouns=frozenset({
        "ministère", "gouvernement", "présidence", "parquet", "tribunal", "cour", "police",
        "gendarmerie", "justice", "commission", "conseil", "comité", "assemblée", "parlement",
        "sénat", "mairie", "municipalité", "préfecture", "ambassade", "consulat", "armée",
        "état-major", "direction", "administration", "agence", "société", "entreprise",
        "groupe", "compagnie", "firme", "banque", "parti", "syndicat", "association",
        "organisation", "fédération", "union", "alliance", "coalition", "club", "équipe",
        "fondation", "institut", "université", "hôpital", "service", "office", "bureau",
        "cabinet", "secrétariat", "délégation", "chancellerie", "régime", "opposition",
        "majorité", "constructeur", "opérateur", "fabricant", "assureur", "radiodiffuseur",
        "chaîne", "journal", "quotidien", "hebdomadaire", "presse", "rédaction", "collectif",
        "mouvement", "ville", "commune", "région", "département", "état", "pays",
    }),
    stop_words=_stop_words,
)
