"""Italian web-page furniture words (see lang/furniture_words.py): the
generic vocabulary of Italian news pages' widgets, credits and page tails."""

from __future__ import annotations

from veille.lang.furniture_words import FurnitureWords

WORDS = FurnitureWords(
    phrases=frozenset({
        # la pagina indica il suo lettore (sessione 20)
        "video qui sopra", "video qui sotto",
        "didascalia", "foto:", "fonte:", "immagine:", "video:", "fotogallery",
        "leggi anche", "leggi tutto", "articoli correlati", "potrebbe interessarti",
        "iscriviti", "newsletter", "abbonati", "abbonamento", "condividi", "seguici",
        "clicca qui", "riproduzione riservata",
        "tutti i diritti riservati", "ultimo aggiornamento", "non perdere",
        # rinvii e messaggi al lettore a fine pagina (sessione 18)
        "la tua iscrizione", "ricevi l'edizione", "edizione settimanale", "ulteriori notizie",
        "dai un'occhiata", "vedi offerte", "apparso per la prima volta", "per saperne di più",
    }),
    openers=frozenset({
        "foto", "video", "fonte", "immagine", "leggi anche", "leggi", "guarda", "pubblicità",
        "annuncio", "correlati", "aggiornamento",
    }),
    # intestazioni di un elenco di link (sessione 20)
    list_headers=frozenset({
        "leggi anche", "potrebbe interessarti", "ti potrebbe interessare", "correlati",
        "articoli correlati", "più letti", "vedi anche", "leggi pure",
    }),
    addressee=frozenset({"Lei", "voi", "Voi", "tu", "Tu", "ti"}),
)
