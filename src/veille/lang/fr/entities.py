"""French words for entity clean-up and label cues (see veille.lang.entity_words)."""

from __future__ import annotations

from veille.lang.entity_words import EntityWords

WORDS = EntityWords(
    leading_words=frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "à", "au", "aux",
                             "en", "un", "une"}),
    elisions=("l", "d", "j", "qu"),
    articles=frozenset({"le", "la", "les", "l"}),
    titles=frozenset({
        "m.", "mm.", "mme", "mlle", "me", "dr", "pr", "président", "présidente", "premier", "ministre",
        "chancelier", "chancelière", "général", "générale", "colonel", "maréchal", "amiral",
        "sénateur", "sénatrice", "député", "députée", "maire", "pape", "roi", "reine", "prince",
        "princesse", "cardinal", "juge", "porte-parole", "secrétaire", "chef", "dirigeant",
        "dirigeante", "leader", "patron", "patronne", "homologue", "monsieur", "madame",
        "chercheur", "chercheuse", "analyste", "professeur", "professeure", "ambassadeur",
        "ambassadrice", "commandant", "lieutenant", "capitaine", "docteur", "ex-président",
    }),
    abbreviated_titles=frozenset({"m.", "mm.", "mme", "mlle", "dr", "pr"}),
    place_nouns=frozenset({
        "ville", "village", "région", "province", "résidence", "palais", "place", "rue",
        "avenue", "boulevard", "quartier", "port", "aéroport", "fleuve", "rivière", "mer",
        "lac", "mont", "île", "oblast", "district", "département", "localité", "commune",
        "capitale", "base", "frontière",
    }),
    plural_titles=frozenset({"mm.", "mm", "mmes", "mmes."}),
    list_joiners=frozenset({"et", "ou"}),
    admin_nouns=frozenset({"ville", "village", "commune", "bourg", "hameau"}),
    region_nouns=frozenset({"canton", "département", "province", "région", "comté", "district",
                            "oblast", "état", "duché", "principauté"}),
    feature_nouns=frozenset({"mer", "océan", "golfe", "lac", "mont", "île", "fleuve",
                             "détroit", "massif"}),
    of_words=frozenset({"de", "d"}),
    spatial=frozenset({"près", "autour", "vers", "sud", "nord", "est", "ouest"}),
    source_nouns=frozenset({
        "transcription", "lecture", "communiqué", "déclaration", "compte-rendu", "porte-parole",
        "service", "services", "bureau", "cabinet", "administration", "gouvernement",
    }),
    source_links=frozenset({"du", "de"}),
    source_articles=frozenset({"la", "le", "l"}),
    org_nouns=frozenset({
        "société", "entreprise", "groupe", "firme", "banque", "parti", "réseau", "plateforme",
        "agence", "compagnie", "constructeur", "journal", "quotidien", "hebdomadaire", "syndicat",
        "association", "organisation", "club", "équipe", "start-up", "milice", "application",
        "opérateur", "assureur", "fabricant", "éditeur", "marque", "géant", "fondation",
    }),
    credit_words=frozenset({"photo", "photos", "crédit", "crédits", "image", "illustration",
                            "source", "afp", "vidéo"}),
    byline_words=frozenset({"correspondant", "correspondante", "chroniqueur", "chroniqueuse",
                            "envoyé spécial", "envoyée spéciale", "rédacteur", "rédactrice",
                            "avec la rédaction", "propos recueillis par"}),
    contest_verbs=frozenset({"battre", "vaincre", "dominer", "éliminer", "concéder", "perdre",
                             "gagner", "écraser", "surclasser"}),
    contest_links=frozenset({"contre", "face"}),
    fixture_links=frozenset({"contre", "c.", "v", "vs"}),
    patronymic_endings=frozenset({"ovitch", "evitch", "ytch", "ovna", "evna"}),
    work_nouns=frozenset({"chanson", "single", "album", "film", "série", "feuilleton",
                          "livre", "roman", "documentaire", "opéra", "comédie", "tube"}),
)
