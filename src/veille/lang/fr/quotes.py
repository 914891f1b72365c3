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

#: Nouns of people in news French (roles and offices, trades, kin, age and
#: status), masculine and feminine forms: a general list, written from the
#: language, not from the articles measured. See ``QuoteWords.person_nouns``.
PERSON_NOUNS = frozenset({
    # offices, ranks and public roles
    "président", "présidente", "ministre", "premier ministre", "chancelier", "chancelière",
    "député", "députée", "sénateur", "sénatrice", "maire", "adjoint", "adjointe", "conseiller",
    "conseillère", "préfet", "préfète", "sous-préfet", "gouverneur", "ambassadeur",
    "ambassadrice", "consul", "diplomate", "émissaire", "envoyé", "envoyée", "délégué",
    "déléguée", "secrétaire", "porte-parole", "chef", "dirigeant", "dirigeante", "leader",
    "responsable", "directeur", "directrice", "patron", "patronne", "administrateur",
    "administratrice", "gérant", "gérante", "fondateur", "fondatrice", "propriétaire",
    "roi", "reine", "prince", "princesse", "empereur", "impératrice", "souverain",
    "souveraine", "monarque", "pape", "cardinal", "évêque", "archevêque", "prêtre", "curé",
    "pasteur", "rabbin", "imam", "candidat", "candidate", "élu", "élue", "militant",
    "militante", "syndicaliste", "opposant", "opposante", "rapporteur", "rapporteuse",
    "orateur", "oratrice", "interlocuteur", "interlocutrice", "homologue", "successeur",
    "prédécesseur", "commissaire", "inspecteur", "inspectrice", "fonctionnaire",
    # justice and police
    "juge", "magistrat", "magistrate", "procureur", "procureure", "substitut", "avocat",
    "avocate", "bâtonnier", "greffier", "greffière", "témoin", "plaignant", "plaignante",
    "prévenu", "prévenue", "accusé", "accusée", "inculpé", "inculpée", "suspect", "suspecte",
    "détenu", "détenue", "condamné", "condamnée", "victime", "enquêteur", "enquêtrice",
    "policier", "policière", "gendarme", "agent", "gardien", "gardienne",
    # armed forces
    "général", "colonel", "commandant", "capitaine", "lieutenant", "sergent", "caporal",
    "soldat", "officier", "militaire", "amiral", "maréchal",
    # trades and professions
    "médecin", "docteur", "chirurgien", "chirurgienne", "infirmier", "infirmière",
    "pharmacien", "pharmacienne", "professeur", "professeure", "enseignant", "enseignante",
    "instituteur", "institutrice", "chercheur", "chercheuse", "scientifique", "expert",
    "experte", "analyste", "économiste", "ingénieur", "ingénieure", "architecte", "journaliste",
    "reporter", "correspondant", "correspondante", "rédacteur", "rédactrice", "éditeur",
    "éditrice", "écrivain", "écrivaine", "auteur", "autrice", "poète", "artiste", "peintre",
    "sculpteur", "musicien", "musicienne", "chanteur", "chanteuse", "acteur", "actrice",
    "comédien", "comédienne", "réalisateur", "réalisatrice", "cinéaste", "photographe",
    "sportif", "sportive", "joueur", "joueuse", "athlète", "entraîneur", "entraîneuse",
    "sélectionneur", "arbitre", "pilote", "coureur", "coureuse", "champion", "championne",
    "ouvrier", "ouvrière", "employé", "employée", "salarié", "salariée", "cadre",
    "commerçant", "commerçante", "marchand", "marchande", "vendeur", "vendeuse", "artisan",
    "agriculteur", "agricultrice", "paysan", "paysanne", "éleveur", "éleveuse", "viticulteur",
    "vigneron", "vigneronne", "pêcheur", "boulanger", "boulangère", "boucher", "bouchère",
    "concierge", "chauffeur", "conducteur", "conductrice", "mécanicien", "électricien",
    "banquier", "banquière", "industriel", "entrepreneur", "entrepreneuse", "négociant",
    "notaire", "comptable", "interprète", "traducteur", "traductrice", "guide", "sauveteur",
    "pompier", "secouriste", "diplômé", "diplômée", "spécialiste", "consultant",
    "consultante", "représentant", "représentante", "porte-drapeau", "animateur",
    "animatrice", "organisateur", "organisatrice", "président-directeur",
    # people by kin, age, status
    "homme", "femme", "garçon", "fille", "fillette", "enfant", "bébé", "adolescent",
    "adolescente", "jeune", "vieillard", "aîné", "aînée", "père", "mère", "fils", "frère",
    "sœur", "oncle", "tante", "grand-père", "grand-mère", "mari", "époux", "épouse",
    "veuf", "veuve", "cousin", "cousine", "neveu", "nièce", "ami", "amie", "voisin",
    "voisine", "compagnon", "compagne", "collègue", "camarade", "habitant", "habitante",
    "riverain", "riveraine", "citoyen", "citoyenne", "passant", "passante", "touriste",
    "visiteur", "visiteuse", "spectateur", "spectatrice", "lecteur", "lectrice", "client",
    "cliente", "patient", "patiente", "malade", "blessé", "blessée", "rescapé", "rescapée",
    "survivant", "survivante", "réfugié", "réfugiée", "migrant", "migrante", "étudiant",
    "étudiante", "élève", "lycéen", "lycéenne", "retraité", "retraitée", "chômeur",
    "chômeuse", "individu", "personne", "inconnu", "inconnue", "monsieur", "madame",
    "demoiselle", "dame", "automobiliste", "cycliste", "piéton", "piétonne",
    "locataire", "héritier", "héritière", "otage", "manifestant", "manifestante",
    "gréviste", "supporter", "fan", "interviewé", "interviewée",
})

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
        # "a exprimé son inquiétude / à sa mère son vif désir de …": what one
        # expresses is a stance or a wish, said
        "exprimer",
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
        # acts of assemblies and governments, printed in full by the press
        "résolution", "motion", "proclamation", "manifeste", "télégramme", "circulaire",
        "ordonnance", "arrêté", "teneur", "extrait",
    }),
    named_object_is_target=True,
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
    as_markers=frozenset({"comme", "ainsi que"}),
    appellation_forms=frozenset({"dit", "dite", "dits", "dites"}),
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
    press_verbs=frozenset({"apprendre", "publier"}),
    press_nouns=frozenset({
        "journal", "quotidien", "hebdomadaire", "presse", "gazette", "feuille", "revue",
        "magazine", "agence", "dépêche", "télégramme", "correspondant", "correspondante",
        "envoyé", "envoyée", "rédaction", "radio", "télévision", "chaîne", "organe",
    }),
    following_words=frozenset({"suivant", "suivante", "suivants", "suivantes", "ci-après",
                               "ci-dessous", "suit", "voici"}),
    demonstrative_pronouns={
        "celuici": ("Masc", "Sing"), "celleci": ("Fem", "Sing"),
        "ce dernier": ("Masc", "Sing"), "cette dernière": ("Fem", "Sing"),
        "ceuxci": ("Masc", "Plur"), "cellesci": ("Fem", "Plur"),
        "ces derniers": ("Masc", "Plur"), "ces dernières": ("Fem", "Plur"),
    },
    honorifics=frozenset({"m.", "mm.", "mme", "mmes", "mlle", "mlles", "me", "mes", "dr", "pr"}),
    person_nouns=PERSON_NOUNS,
    firm_nouns=frozenset({
        "société", "entreprise", "groupe", "compagnie", "firme", "constructeur", "opérateur",
        "fabricant", "assureur", "banque", "enseigne", "marque", "chaîne", "distributeur",
        "transporteur", "laboratoire", "start-up", "multinationale", "géant", "club",
    }),
    stop_words=_stop_words,
)
