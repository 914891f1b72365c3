"""English words for entity clean-up and label cues (see veille.lang.entity_words)."""

from __future__ import annotations

from veille.lang.entity_words import EntityWords

WORDS = EntityWords(
    leading_words=frozenset({"the", "of"}),
    possessives=frozenset({"'s", "’s", "‘s"}),  # the last one a typo, but printed
    articles=frozenset({"the"}),
    titles=frozenset({
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr.", "president", "minister", "prime",
        "chancellor", "general", "gen.", "senator", "rep.", "governor", "mayor", "pope", "king",
        "queen", "spokesman", "spokeswoman", "spokesperson", "secretary", "sir", "lord",
        "ceo", "researcher", "analyst", "professor", "ambassador", "commander",
    }),
    abbreviated_titles=frozenset({"dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms."}),
    place_nouns=frozenset({"city", "town", "region", "residence", "palace", "square",
                           "street", "river", "lake", "island", "capital", "airport"}),
    plural_titles=frozenset({"messrs", "messrs."}),
    list_joiners=frozenset({"and", "or"}),
    admin_nouns=frozenset({"city", "town", "village", "township"}),
    region_nouns=frozenset({"canton", "department", "province", "region", "county", "district",
                            "oblast", "state", "duchy", "principality"}),
    of_words=frozenset({"of"}),
    spatial=frozenset({"near", "outside", "north", "south", "east", "west"}),
    source_nouns=frozenset({"transcript", "readout", "statement", "spokesman", "spokeswoman",
                            "spokesperson", "office", "press"}),
    source_links=frozenset({"of", "the"}),
    org_nouns=frozenset({
        "company", "firm", "group", "startup", "start-up", "carmaker", "automaker", "retailer",
        "bank", "lender", "insurer", "airline", "broadcaster", "newspaper", "conglomerate",
        "chipmaker", "network", "platform", "app", "website", "agency", "party", "militia",
        "organisation", "organization", "charity", "union", "club", "team", "band",
        "manufacturer", "maker", "publisher", "studio", "brand", "giant", "operator",
    }),
    institution_heads=frozenset({
        "agency", "observatory", "institute", "university", "foundation", "association",
        "council", "committee", "commission", "ministry", "department", "bureau",
        "corporation", "federation", "academy", "laboratory", "laboratories", "society",
        "authority", "administration", "coalition", "consortium", "organisation",
        "organization", "museum", "college",
    }),
    credit_words=frozenset({"photo", "photos", "photograph", "credit", "image", "illustration",
                            "source"}),
    byline_words=frozenset({"correspondent", "columnist", "reporter", "contributor",
                            "staff writer", "editor-at-large", "reporting by", "editing by",
                            "writing by", "written by", "additional reporting",
                            "contributed to this report"}),
    contest_verbs=frozenset({"beat", "defeat", "draw", "tie", "lose", "edge", "rout", "thrash",
                             "trounce", "outscore", "outplay", "upset", "eliminate", "clinch",
                             "concede", "overpower", "hammer", "crush", "whip", "win"}),
    contest_links=frozenset({"to", "over", "against", "with"}),
    fixture_links=frozenset({"v", "v.", "vs", "vs.", "versus"}),
    fixture_venues=frozenset({"at"}),
    patronymic_endings=frozenset({"ovich", "evich", "ovna", "evna", "ich"}),
    generation_words=frozenset({"jr", "jr.", "sr", "sr."}),
    thing_articles=frozenset({"the"}),
)
