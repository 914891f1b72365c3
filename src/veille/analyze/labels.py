"""Entity label scheme and the contextual cues that correct model labels.

Everything downstream speaks four labels (PER/ORG/LOC/MISC, the WikiNER
scheme of the French model). The cue lists are *types* of words (titles,
place nouns, sourcing nouns), never names: they are what a reader uses to
decide that "la résidence Bocharov Ruchei" is a place whatever the model said.
"""

from __future__ import annotations

# OntoNotes (English model) -> our scheme. Number-like labels are dropped:
# times and quantities have their own extractors.
EN_LABELS: dict[str, str | None] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
    "DATE": None,
    "TIME": None,
    "PERCENT": None,
    "MONEY": None,
    "QUANTITY": None,
    "ORDINAL": None,
    "CARDINAL": None,
}
FR_LABELS: dict[str, str | None] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def map_label(label: str) -> str | None:
    if label in FR_LABELS:
        return FR_LABELS[label]
    return EN_LABELS.get(label, "MISC")


# Words that, right before a name, say it names a person.
TITLES = {
    # fr
    "m.", "mme", "mlle", "me", "dr", "pr", "président", "présidente", "premier", "ministre",
    "chancelier", "chancelière", "général", "générale", "colonel", "maréchal", "amiral",
    "sénateur", "sénatrice", "député", "députée", "maire", "pape", "roi", "reine", "prince",
    "princesse", "cardinal", "juge", "porte-parole", "secrétaire", "chef", "dirigeant",
    "dirigeante", "leader", "patron", "patronne", "homologue", "monsieur", "madame",
    "chercheur", "chercheuse", "analyste", "professeur", "professeure", "ambassadeur",
    "ambassadrice", "commandant", "lieutenant", "capitaine", "docteur", "ex-président",
    # en
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr.", "president", "minister", "prime",
    "chancellor", "general", "gen.", "senator", "rep.", "governor", "mayor", "pope", "king",
    "queen", "spokesman", "spokeswoman", "spokesperson", "secretary", "sir", "lord",
    "ceo", "researcher", "analyst", "professor", "ambassador", "commander",
}

# Nouns that, right before a name (optionally with "de"), say it names a place.
PLACE_NOUNS = {
    "ville", "village", "région", "province", "résidence", "palais", "place", "rue",
    "avenue", "boulevard", "quartier", "port", "aéroport", "fleuve", "rivière", "mer",
    "lac", "mont", "île", "oblast", "district", "département", "localité", "commune",
    "capitale", "base", "frontière",
    "city", "town", "region", "residence", "palace", "square",
    "street", "river", "lake", "island", "capital", "airport",
}

# Spatial prepositions: a name right after them is a place.
SPATIAL = {"près", "autour", "vers", "sud", "nord", "est", "ouest", "near", "outside",
           "north", "south", "east", "west"}

# Nouns of official statements: "une transcription du X", "le porte-parole du X"
# say X is an institution that speaks, i.e. an organisation.
SOURCE_NOUNS = {
    "transcription", "lecture", "communiqué", "déclaration", "compte-rendu", "porte-parole",
    "service", "services", "bureau", "cabinet", "administration", "gouvernement",
    "transcript", "readout", "statement", "spokesman", "spokeswoman", "spokesperson",
    "office", "press",
}

# Markers of a photo/agency credit: "(Photo: AP)".
CREDIT_WORDS = {"photo", "photos", "crédit", "crédits", "credit", "image", "illustration",
                "source", "afp", "vidéo"}
