"""French web-page furniture words (see lang/furniture_words.py)."""

from __future__ import annotations

from veille.lang.furniture_words import FurnitureWords

WORDS = FurnitureWords(
    phrases=frozenset({
        # la page désigne son lecteur vidéo (session 20)
        "vidéo ci-dessus", "vidéo ci-dessous", "la vidéo ci-contre",
        "légende", "crédit photo", "crédits photo", "agrandir l'image", "voir la photo",
        "abonnez-vous", "abonnez vous", "s'abonner", "inscrivez-vous", "newsletter",
        "lettre d'information", "adresse e-mail", "adresse email", "partager",
        "suivez-nous", "cliquez ici", "lire aussi", "lire la suite", "à lire aussi",
        "voir aussi", "publicité", "contenu sponsorisé", "vidéo suivante", "regarder la vidéo",
        "tous droits réservés", "mentions légales", "mis à jour le", "publié le",
        "avec afp", "avec ap", "avec reuters", "sur cette photo", "archives",
        "choisir un mois",
        # appels et messages de la fin d'une page
        "ne ratez", "ne manquez", "réservé aux abonnés", "faire un don", "soutenez",
        "a été mis à jour", "pour nous contacter",
        "pour aller plus loin", "note de la rédaction", "avec agences",
        # renvois et messages du lecteur (session 18)
        "connexe :", "connexe:", "cette vidéo", "page facebook",
    }),
    openers=frozenset({
        "lire aussi", "lisez aussi", "à lire", "voir aussi", "plus:", "plus :", "sur le même sujet",
        "vidéo", "vidéo :", "photo", "photos", "image", "diaporama", "mise à jour",
        "source :", "crédit", "crédits", "publicité", "écouter", "à voir", "les plus lus",
        "dans la même rubrique",
        "aussi:", "aussi :", "retrouvez", "à découvrir", "en savoir plus", "note de la rédaction",
    }),
    # en-têtes d'une liste de liens (session 20)
    list_headers=frozenset({
        "lire aussi", "lisez aussi", "à lire aussi", "à lire", "voir aussi", "plus",
        "sur le même sujet", "les plus lus", "dans la même rubrique", "à voir", "à découvrir",
        "aussi", "lire également", "à lire également",
    }),
    addressee=frozenset({"vous", "Vous", "votre", "Votre", "vos", "Vos", "tu", "Tu", "ton", "ta", "tes"}),
)
