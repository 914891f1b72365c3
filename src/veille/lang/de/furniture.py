"""German web-page furniture words (see lang/furniture_words.py): the
generic vocabulary of German news pages' widgets, credits and page tails."""

from __future__ import annotations

from veille.lang.furniture_words import FurnitureWords

WORDS = FurnitureWords(
    phrases=frozenset({
        # die Seite verweist auf ihren Player (Sitzung 20)
        "video oben", "video unten",
        "bildunterschrift", "bildquelle", "bild:", "foto:", "fotos:", "quelle:", "grafik:",
        "bildergalerie", "zur bildergalerie", "mehr videos", "video abspielen",
        "newsletter", "abonnieren", "jetzt abonnieren", "e-mail-adresse",
        "folgen sie uns", "hier klicken", "klicken sie hier", "weiterlesen",
        "mehr zum thema", "lesen sie auch", "lesen sie mehr", "auch interessant",
        "das könnte sie auch interessieren", "den vollständigen artikel", "zum artikel",
        "alle rechte vorbehalten", "impressum", "datenschutzerklärung",
        "zuletzt aktualisiert", "aktualisiert am", "artikel aktualisiert", "kommentar schreiben",
        "verpassen sie", "originalmeldung", "mitarbeit:", "mit material von",
        # Verweise und Leserangebote am Ende einer Seite (Sitzung 18)
        "weitere nachrichten", "finden sie hier", "jetzt lesen", "bereits abonnent", "e-paper",
    }),
    openers=frozenset({
        "anzeige", "werbung", "foto", "fotos", "bild:", "quelle", "video", "videos",
        "grafik", "lesen sie auch", "mehr zum thema", "auch interessant", "mehr:", "weiterlesen",
        "update", "galerie", "bildergalerie", "dazu:", "hintergrund:",
    }),
    # Kopfzeilen einer Linkliste (Sitzung 20)
    list_headers=frozenset({
        "lesen sie auch", "mehr zum thema", "auch interessant", "mehr", "weiterlesen",
        "das könnte sie auch interessieren", "meistgelesen", "weitere nachrichten",
        "lesen sie dazu", "siehe auch",
    }),
    # the formal "Sie" is capitalised inside a sentence; "sie" is "she"/"they"
    addressee=frozenset({"Sie", "Ihnen", "Ihr", "Ihre", "Ihrer", "Ihren", "du", "Du", "dich", "dir",
                         "euch"}),
)
