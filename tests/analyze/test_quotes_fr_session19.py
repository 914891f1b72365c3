"""French reported speech, session 19 (issue #16): dispatches of the old press
and demonstratives. Sentences of the tune halves' articles
(tests/data/quotes-fr-fresh4, HIPE-2022 French dev, documents with an even
CRC32 of their name; tests/data/quotes-fr-fresh3, HIPE) and of the SemEval-2022
French training texts, quoted for testing, each for one general mechanism."""

from __future__ import annotations


def test_a_papers_name_in_quote_marks_does_not_hide_the_complementizer(speech, about):
    # quotes-fr-fresh4 hipe-EXP-1928-05-15-a-i0009 (tune half): the « that opens
    # the paper's name stopped the search for "que"; OCR prints the closing
    # guillemet as ">" in the second dispatch
    qs = speech(
        "LONDRES. 15 (Havas). — On mande de Tokio au « Daily Mail » que le gouvernement "
        "nationaliste chinois a décidé de nommer ministre de Chine aux Etats-Unis, M. Wou, "
        "ancien ministre du gouvernement cantonais de Sun-Yat-Sen. PARIS, 15 (Havas). — On "
        "mande de Dreux au « Journal > de Paris qu'un ouvrier sur métaux, Maurice Ferte, 21 "
        "ans, était depuis quelques semaines l'amant de Mme Pelletier.")
    tokio = about(qs, "le gouvernement nationaliste chinois a décidé")
    dreux = about(qs, "un ouvrier sur métaux")
    assert tokio and tokio[0].kind == "indirect" and not tokio[0].text.startswith("Daily")
    assert dreux and dreux[0].kind == "indirect"
    # "on" names nobody
    assert tokio[0].speaker is None and dreux[0].speaker is None
    # the papers' names stay names, nobody's words
    assert not any(q.kind in ("direct", "indirect") and q.text.strip() == "Daily Mail"
                   for q in qs)


def test_a_paper_that_learns_or_publishes_reports(speech, about):
    # quotes-fr-fresh4 hipe-EXP-1928-05-15-a-i0009 (tune half): "apprendre" and
    # "publier" report when a paper is their subject; the speaker is the paper,
    # without its print marks
    qs = speech(
        "PARIS, 15 (Havas). — Le « Petit Parisien » apprend de Toulon que, près du village "
        "de la Môle, une camionnette occupée par treize chasseurs s'est jetée contre le "
        "parapet d'un pont et a été précipitée dans un torrent. PARIS, 15 (Havas). — Le "
        "« Matin > publie la dépêche suivante de Rio-de-Janeiro, via Londres : Un grand "
        "incendie a détruit vingt-cinq maisons dans le faubourg de Barrio-Huella.")
    toulon = about(qs, "une camionnette occupée")
    rio = about(qs, "Un grand incendie a détruit")
    assert toulon and toulon[0].speaker is not None
    assert "Petit Parisien" in toulon[0].speaker and "«" not in toulon[0].speaker
    assert rio and rio[0].speaker is not None and "Matin" in rio[0].speaker
    assert rio[0].text.startswith("Un grand incendie")


def test_a_person_who_learns_or_publishes_reports_nothing(speech, about):
    # controls: the same verbs with "on" or a writer as subject learn and
    # publish, they report nothing (HIPE-2022 French dev, in no quotes gold:
    # hipe-EXP-1958-07-01-a-i0006, hipe-GDL-1968-05-18-a-i0275)
    qs = speech(
        "Une étape franchie ON s'était montré d'humeur assez chagrine dans les milieux "
        "britanniques lorsqu'on apprit que le général de Gaulle allait revenir au pouvoir. "
        "Jean Vuilleumier, qui dirige les pages littéraires de la Tribune de Genève, publie "
        "son premier roman : Le Mal Eté : une maison proche du lac, un couple qui s'aime "
        "mal, un ami, une atmosphère feutrée, redoutable dans sa douceur.")
    assert not about(qs, "le général de Gaulle allait")
    assert not about(qs, "une maison proche du lac")


def test_a_speech_verb_closing_on_a_colon_introduces_unmarked_words(speech, about):
    # quotes-fr-fresh3 hipe-dev_fr_34 (tuned on): the marks of the dialogue were
    # lost in the scan; the dash opens the words the foreman shouted
    qs = speech(
        "Finalement le chef farinier crie à Jacques : — Combien avez-vous passé de voitures ?")
    q = about(qs, "Combien avez-vous passé")
    assert q and q[0].kind == "indirect"


def test_the_papers_own_correspondence_is_no_quotation(speech, about):
    # quotes-fr-fresh3 hipe-EXP-1938-12-02-a-i0115 and hipe-GDL-1938-09-16-a-i0015
    # (tuned on): "nous écrit :" opens the article's own text
    qs = speech(
        "LE FAIT DU JOUR Les menées nazistes en Suisse Notre correspondant de Berne nous "
        "écrit : La réaction du peuple suisse et de nos Confédérés alémaniques contre "
        "certaines menées antidémocratiques a été vive. AVEC LES CHEMINS DE FER PRIVÉS On "
        "nous écrit : La Conférence d'automne de l'Union des entreprises suisses de "
        "transport eut lieu, les 12 et 13 courant, à Loèche-les-Bains.")
    assert not about(qs, "La réaction du peuple suisse")
    assert not about(qs, "La Conférence d'automne")


def test_a_colon_inside_a_code_is_no_lead_in(speech, about):
    # quotes-fr-fresh semeval-1527264600fr (tuned on): a ticker "SWX:IMPN"
    qs = speech(
        "Cliquez sur le graphique interactif pour notre analyse complète des dividendes "
        "SWX:IMPN Historic et le dividende n'était pas non plus bien couvert par le "
        "cash-flow libre.")
    assert not about(qs, "le dividende n'était pas")


def test_a_demonstrative_names_the_person_last_mentioned(speech, about):
    # quotes-fr-fresh4 hipe-EXP-1928-05-15-a-i0009 (tune half): OCR dropped the
    # hyphen of "Celle-ci"; she is Mme Pelletier, named last (as an object),
    # not the subject of the sentence before; what she expressed is a wish
    qs = speech(
        "PARIS, 15 (Havas). — On mande de Dreux au « Journal > de Paris qu'un ouvrier sur "
        "métaux, Maurice Ferte, 21 ans, était depuis quelques semaines l'amant de Mme "
        "Pelletier, femme du propriétaire d'un hôtel à Annet. Celleci, âgée de 24 ans, "
        "avait exprimé à sa mère son vif désir de se débarrasser de son mari afin "
        "d'épouser ensuite son ami.")
    q = about(qs, "son vif désir")
    assert q and q[0].speaker is not None and "Pelletier" in q[0].speaker


def test_a_document_announced_before_the_colon_is_its_issuers(speech, about):
    # quotes-fr-fresh4 hipe-GDL-1808-09-30-a-i0002 (tune half, long s restored:
    # the scan reads "adreffer", "fuit"): the emperor issues the ukase whose text
    # follows; quotes-fr-fresh5 hipe-dev_fr_2 (tune part): a resolution that is
    # itself the subject names nobody, it is the quote's source
    qs = speech(
        "RUSSIE. PETERSBOURG, 31 Août. L'empereur vient d'adresser au sénat dirigeant un "
        "ukase, dont la teneur suit : \" Ayant jugé nécessaire, dans les circonstances "
        "actuelles, de défendre l'importation de toutes marchandises étrangères venant des "
        "pays avec lesquels la Russie est en guerre, nous ordonnons ce qui suit. \" Une "
        "discussion s'engagea alors pour savoir s'il fallait ou non entendre M. Laurent. "
        "Finalement, la résolution suivante, présentée par M. Renaudel, fut votée : « Tout "
        "en maintenant qu'elle se considère comme ayant régulièrement convoqué M. Emile "
        "Laurent à déposer devant elle, la commission passe à l'ordre du jour. »")
    ukase = about(qs, "Ayant jugé nécessaire")
    assert ukase and ukase[0].speaker is not None and "empereur" in ukase[0].speaker
    vote = about(qs, "Tout en maintenant")
    assert vote and vote[0].speaker is None and vote[0].source is not None
    assert "résolution" in vote[0].source


def test_according_to_what_someone_noted_names_them(speech, about):
    # quotes-fr-fresh4 hipe-EXP-1888-08-03-a-i0030 (tune half): "d'après ce que"
    # and a speech verb, with no comma before the phrase; the subject after the
    # verb speaks
    qs = speech(
        "Le nombre des accidents est considérable. Beaucoup de jambes et de bras cassés. "
        "Huit personnes seulement, cependant, sont dangereusement blessées d'après ce qu'a "
        "pu constater la police. Deux femmes ont été tuées.")
    q = about(qs, "Huit personnes seulement")
    assert q and q[0].speaker is not None and "police" in q[0].speaker
    assert "constater" not in q[0].text


def test_a_mid_sentence_incise_keeps_the_statement_whole(speech, about):
    # read check, quotes-fr semeval-1555783209 (held-out part, output read, not
    # its gold): "Par conséquent, a-t-il poursuivi, tant que …" was cut to "Par
    # conséquent" at its own incise
    # (the scraped text as it is, stray guillemets included)
    qs = speech(
        "« Partout où les bureaux de vote ont été saccagé, nous avons rédeployés les kits "
        "électoraux » (Commissaire de la CENI) » Nous avons effectivement constaté des "
        "bureaux de vote incendiés ou saccagés, mais nous avons rédeployé le matériel "
        "électoral. Nous avons satisfait. C’est pourquoi, il y a eu du retard dans "
        "l’ouverture de certains bureaux de vote « , a indiqué le vice-président de la "
        "CENI. Par conséquent, a-t-il poursuivi, tant que le dernier électeur n’est pas "
        "venu voter, ces bureaux de vote ne seront pas fermés. Pour le vice-président de la "
        "CENI, le double scrutin se tient dans un contexte sécuritaire inédit.")
    q = about(qs, "Par conséquent")
    assert q and "ne seront pas fermés" in q[0].text
    assert q[0].speaker is not None and "vice-président" in q[0].speaker


def test_a_per_cent_sign_ends_a_figure_not_the_statement(speech, about):
    # quotes-fr-fresh semeval-1515219250fr (tuned on): the statement's last "%" was
    # stripped as punctuation
    qs = speech(
        "Les offres initiales d'actions seraient exclues de la TTF. Le gouvernement "
        "allemand affirme qu'une telle taxe s'appliquerait principalement aux "
        "institutionnels dans les instruments financiers, l'échange d'actions et "
        "d'obligations étant taxé à un taux de 0,1% et les contrats dérivés à un taux de "
        "0,01%. Cependant, les États membres ne sont pas parvenus à un accord.")
    q = about(qs, "une telle taxe")
    assert q and q[0].text.endswith("0,01%")
