"""Quantity forms found wrong on reading unseen news (#17, session 8 read check).

Sentences quoted short from the articles read: news-clusters
(../shared/data/news-clusters/news_cluster.jsonl; the row's source and date are given)
and one SemEval-2022 task 8 French article; each test names what a story page showed
wrong before.
"""

from __future__ import annotations

from typing import Any

from veille.analyze.quantities import extract_quantities


def got(nlp: Any, text: str, lang: str = "en") -> list[tuple[str, float | None, str | None, str]]:
    return [(q.text, q.value, q.noun, q.kind)
            for q in extract_quantities(text, [], lang, doc=nlp(text))]


def test_a_count_opening_a_line_after_a_caption(nlp_en: Any) -> None:
    # bbc.com 2016-11-09, Croydon tram: the caption line ends without a full stop; "Seven" was
    # taken for the code of "stop" (a regex "$" matching before the newline)
    text = ("Media caption The tram derailed shortly after 06:00 GMT near the Sandilands stop\n"
            "Seven people have died and dozens more have been injured after a tram overturned "
            "in London.")
    assert ("Seven people", 7.0, "people", "count") in got(nlp_en, text)


def test_an_age_after_a_common_noun(nlp_en: Any) -> None:
    # bbc.com 2016-11-09, Croydon tram: "42" was a count of nothing
    assert got(nlp_en, "The tram driver, 42, from Beckenham, has been arrested on suspicion "
                       "of manslaughter.") == [("42", 42.0, None, "age")]


def test_a_score_is_no_ratio(nlp_en: Any) -> None:
    # dailymail.co.uk 2016-11-03, World Series: "7 in 10 innings" was the fraction 0.7
    kinds = {q[3] for q in got(nlp_en, "the Chicago Cubs won their first World Series title "
                                       "since 1908, outlasting the Cleveland Indians 8-7 in 10 "
                                       "innings of a Game 7 thriller")}
    assert "fraction" not in kinds


def test_billion_worth_is_money_not_a_billionth(nlp_en: Any) -> None:
    # cnbc.com 2017-12-29, Ripple: "$136 billion worth" was 1.36e-07, a fraction
    q = got(nlp_en, "At Friday's record high prices, that gives Ripple about $136 billion "
                    "worth of the digital currency.")
    assert [(x[1], x[3]) for x in q] == [(136e9, "money")]


def test_the_noun_after_a_model_number(nlp_en: Any) -> None:
    # spaceflightnow.com 2018-02-06, Falcon Heavy: "18 Boeing", "two Falcon" were the counted nouns
    nouns = [q[2] for q in got(nlp_en, "approximately the same thrust as 18 Boeing 747 jumbo "
                                       "jets — will come in")]
    assert nouns and nouns[0] is not None and nouns[0].endswith("jets")
    assert [q[2] for q in got(nlp_en, "technical problems that destroyed two Falcon 9 rockets "
                                      "in 2015 and 2016")] == ["rockets"]


def test_clock_formats_and_names_count_nothing(nlp_en: Any) -> None:
    # spaceflightnow.com 2018-02-06: "(1830 GMT)" was 1830 GMT; independent.co.uk
    # 2016-11-09, a gallery caption: "Million" was a million protests;
    # playstationlifestyle.net 2018-02-06: "4K TV" was 4000 TVs
    assert got(nlp_en, "a two-and-a-half hour window Tuesday opening at 1:30 p.m. EST "
                       "(1830 GMT).") == []
    assert got(nlp_en, "Protesters in Trafalgar Square, London, during the Million Mask "
                       "March bonfire night protest") == []
    assert got(nlp_en, "games that render to a higher resolution when connected to a 4K TV "
                       "will downscale") == []


def test_a_gallery_counter_is_furniture(nlp_en: Any) -> None:
    # edition.cnn.com 2016-07-14, Nice attack: "25 Photos" was counted 24 times
    assert got(nlp_en, "the truck was killed by police. Hide Caption 9 of 25 Photos: "
                       "Bastille Day terror") == []
    assert got(nlp_en, "Police released 3 of 25 photos taken at the scene.") != []


def test_both_is_no_count_of_a_participle(nlp_fr: Any) -> None:
    # SemEval 1489676847fr: "deux excité" was a count of "excité"
    assert got(nlp_fr, "le guide suprême et le révolutionnaire iranien ont tous deux excité "
                       "leurs partisans.", "fr") == []


def test_an_age_the_ner_dates(nlp_en: Any) -> None:
    # washingtonpost.com 2018-01-01 (Ahed Tamimi): "16" was a count of nothing; the English
    # NER misses the name but dates the number
    assert got(nlp_en, "Palestinians have since hailed Ahed Tamimi, 16, as an icon in their "
                       "fight against Israeli occupation.") == [("16", 16.0, None, "age")]


def test_a_fact_box_counts_its_labels(nlp_en: Any) -> None:
    # dailymail.co.uk 2018-01-05, the Falcon Heavy's fact box: "2 Cores", "27 Payload"
    # were counted with the next field's label
    counts = [(q[1], q[2]) for q in got(
        nlp_en, "FALCON HEAVY Height: 70 meters (229.6 feet) Stages: 2 Boosters: 2 Cores: 3 "
                "Engines: 27 Payload to LEO: 63,800kg") if q[3] == "count"]
    assert counts == [(2.0, "Stages"), (2.0, "Boosters"), (3.0, "Cores"), (27.0, "Engines")]


def test_a_display_resolution_is_no_thousands(nlp_en: Any) -> None:
    # psu.com 2018-02-06: "4K TVs" were 4000 TVs; "10K followers" stay
    assert got(nlp_en, "though games on 4K TVs will still look better.") == []
    assert got(nlp_en, "He has 10K followers.") == [("10K followers", 10000.0, "followers",
                                                     "count")]


def test_rates_of_two_values_are_two_rates(nlp_fr: Any) -> None:
    # SemEval 1559133520 (French, property loans): "de 1,1 et 1,2%" was one range
    # 1.1-1.2 %; "de ... et" lists two rates ("entre ... et" is a range)
    q = got(nlp_fr, "les ménages ont pu emprunter à des taux de 1,1 et 1,2% l'an dernier",
            "fr")
    assert [(x[1], x[3]) for x in q] == [(1.1, "percent"), (1.2, "percent")]
    r = extract_quantities("entre 3 % et 5 % par an", [], "fr")
    assert [(x.value, x.value_max) for x in r] == [(3.0, 5.0)]


def test_years_ages_and_furniture_of_news_pages(nlp_en: Any) -> None:
    # news-clusters rows read in session 8: "the 2015 assaults" was 2015 assaults
    # (washingtonpost.com 2017-12-30, Berlin); "turns 300" counted the next heading's
    # words (dw.com 2017-12-30, port of Duisburg); "1 of 41 Skip" (usatoday.com
    # 2017-12-27, its video player), "Joe Haden (21)" (kearneyhub.com 2017-12-26, a
    # caption) and "Registration Number: 130349" (usa.chinadaily.com.cn) were counts
    assert got(nlp_en, "It took months for the full scale of the 2015 assaults to emerge.") == []
    assert got(nlp_en, "Port of Duisburg turns 300 Trading place of global significance") == [
        ("300", 300.0, None, "age")]
    assert got(nlp_en, "capsule on a NASA grocery run. (Dec. 15) AP 1 of 41 Skip in Skip x "
                       "Embed x Share CLOSE") == []
    assert got(nlp_en, "Laura Mandaro reports. 41 of 41 Last VideoNext Video SpaceX") == []
    assert got(nlp_en, "as he is tackled by Pittsburgh Steelers cornerback Joe Haden (21) "
                       "during the second half") == []
    assert got(nlp_en, "Registration Number: 130349") == []
    # counts written the same way stay
    assert got(nlp_en, "Police said 3 of 25 Americans on board were hurt.")[0][1] == 3.0
    assert got(nlp_en, "there may be roughly 2000 planets")[0][1] == 2000.0


def test_a_capital_m_is_millions(nlp_en: Any) -> None:
    # a guard meant for "5G", "3D" also took "M": "$5M" and "1.2M followers" were lost
    assert [(q[1], q[3]) for q in got(nlp_en, "The start-up raised $5M last year.")] == [
        (5e6, "money")]
    assert got(nlp_en, "He has 1.2M followers on Twitter.")[0][:3] == (
        "1.2M followers", 1.2e6, "followers")
    assert got(nlp_en, "the 5G network and a 3D printer") == []


def test_square_and_cubic_metres_are_no_millions(nlp_fr: Any) -> None:
    # French TimeBank 1999-05-19-0543 (dev, a clean-up day): "environ 6 m3 de saletés"
    # was six million; "120 m2" likewise
    q = got(nlp_fr, "environ 6 m3 de saletés ont été ramassés sur l'ensemble du territoire",
            "fr")
    assert [(x[1], x[3]) for x in q] == [(6.0, "measure")]
    r = extract_quantities("un appartement de 120 m² et 2 km2 de forêt", [], "fr")
    assert [(x.value, x.unit, x.si_unit) for x in r] == [(120.0, "m2", "m**2"),
                                                        (2.0, "km2", "m**2")]


def test_a_date_named_with_a_slash_and_a_modifying_year(nlp_en: Any) -> None:
    # PolNeAR train usa-today_2016-03-18 (not in the gold): "the 9/11 attacks" was the
    # fraction 9/11; politico_2016-01-29: "the big-money 2016 players" 2016 players
    assert got(nlp_en, "something you adopted weeks after the 9/11 attacks and have kept "
                       "up for the 15 years since") == []
    assert got(nlp_en, "Among the big-money 2016 players that have drawn the most puzzlement") \
        == []
    assert got(nlp_en, "Add 3/4 cup of sugar.")[0][1] == 0.75


def test_a_period_and_a_bare_gallery_counter(nlp_en: Any) -> None:
    # news-clusters rows 230-300 read in session 8: "the first half of this year" was the
    # fraction 0.5 (express.co.uk 2018-01-09, Tiangong-1); "Hide Caption 4 of 59 |
    # Photos" (edition.cnn.com 2018-02-06, a gallery) counted 59
    assert got(nlp_en, "expect to allow it to fall within the first half of this year.") == []
    assert got(nlp_en, 'of each other and our family." Hide Caption 4 of 59 | Photos: '
                       "Shocking celebrity splits") == []
    assert got(nlp_en, "Half of teens say they feel addicted to their phones.")[0][1] == 0.5


def test_ages_after_age_words_and_a_possessive_year(nlp_en: Any) -> None:
    # PolNeAR train nyt_2015-12-19 and nyt_2016-07-21 (not in the gold): "an average age
    # of 71" was a count of nothing, "Mrs. Obama's 2008 address" 2008 addresses
    assert got(nlp_en, "Russians are now living longer - to an average age of 71.") == [
        ("71", 71.0, None, "age")]
    assert got(nlp_en, "the speech featured passages from Mrs. Obama's 2008 address at the "
                       "Democratic convention.") == []
    assert got(nlp_en, "the company's 2,000 workers")[0][1] == 2000.0


def test_a_dashed_telephone_number_and_data_sizes(nlp_en: Any) -> None:
    # SemEval 2022 task 8 English press releases (pair 1484012137..., 1484188881...):
    # "(339)-368-6001 Intl" was minus 368 of "Intl"; "2GB to 5GB" a count of "GB"
    assert got(nlp_en, "Contact Clare: clare@reportlinker.com US: (339)-368-6001 Intl: +1 "
                       "339-368-6001 SOURCE") == []
    q = extract_quantities("They can enjoy from 2GB to 5GB extra data.", [], "en")
    assert [(x.value, x.value_max, x.unit, x.si_unit) for x in q] == [(2.0, 5.0, "GB", "bit")]


# Session 11 read check (SemEval-2022 task 8 training articles, text1, random.Random(1111)
# and (3333) samples of the French and English ones; not in the gold, not tuned on).


def test_an_ambiguous_unit_takes_the_sense_the_article_gives_it(nlp_fr: Any) -> None:
    # 1623141680fr_1561078386fr (NRW heat): the headline "Jusqu'à 30 degrés mardi" has no
    # weather word; the article's "quand il fait environ 30 degrés" has: both are °C
    text = ("Jusqu'à 30 degrés mardi en NRW : De nombreuses piscines extérieures sont déjà "
            "pleines. Si vous voulez vous rafraîchir dans une piscine extérieure quand il fait "
            "environ 30 degrés, ce n'est pas facile, même le midi.")
    qs = extract_quantities(text, [], "fr", doc=nlp_fr(text))
    assert [q.unit for q in qs] == ["°C", "°C"]
    # a sentence with no cue in an article with none stays an angle
    turn = "Le navire a viré de 30 degrés vers le nord."
    assert [q.unit for q in extract_quantities(turn, [], "fr", doc=nlp_fr(turn))] == ["°"]


def test_a_time_word_modifying_the_counted_noun_is_no_age(nlp_en: Any) -> None:
    # 1484039471_1484315288 (a local news index): "The 5 Best Day Spas" was an age
    text = "The 5 Best Day Spas In Long Beach Looking for a day of pampering?"
    assert [(q.value, q.kind) for q in extract_quantities(text, [], "en", doc=nlp_en(text))
            ] == [(5.0, "count")]
    age = "She is 30 years old."
    assert [q.kind for q in extract_quantities(age, [], "en", doc=nlp_en(age))] == ["age"]


def test_a_verb_of_the_text_is_no_foreign_number_word(nlp_en: Any, nlp_fr: Any) -> None:
    # PolNeAR train nyt_2016-09-03_as-trump-demands-wall-smugglers- (not in the gold):
    # "seize tons of marijuana" was 16 tons (French "seize"); the parse makes it a verb
    text = ("These tools have helped federal investigators track and arrest hundreds of "
            "smuggling suspects and seize tons of marijuana, methamphetamine and cocaine.")
    assert got(nlp_en, text) == []
    assert got(nlp_en, "Agents will seize six trucks.") == [("six trucks", 6.0, "trucks",
                                                            "count")]
    assert got(nlp_fr, "Il y a seize morts.", "fr") == [("seize morts", 16.0, "morts", "count")]


# Session 12 read check: SemEval-2022 task 8 training texts (text1 of the rows named)


def test_a_participle_a_number_counts_is_its_noun(nlp_fr: Any) -> None:
    # 1551248792_1523778867: "111.058 déplacés internes" gave nothing (the parse calls
    # "déplacés" a verb, yet hangs the number on it)
    text = ("La région accueille au total plus de 200.000 personnes en situation d'urgence, "
            "120.619 réfugiés nigérians et 111.058 déplacés internes.")
    assert ("111.058 déplacés", 111058.0, "déplacés", "count") in got(nlp_fr, text, "fr")


def test_a_capitalised_function_word_names_nothing(nlp_fr: Any, nlp_en: Any) -> None:
    # 1595260108fr_1595666306fr: a title run into the text, "… couronne Avec 474 décès
    # supplémentaires" gave nothing ("Avec 474" read as a name's number, "Flight 175")
    text = "Victimes de la couronne Avec 474 décès supplémentaires"
    assert [q[1] for q in got(nlp_fr, text, "fr")] == [474.0]
    # a name's number in quotation marks is still a name's (1484084356_1484110209)
    assert got(nlp_en, "Winning numbers drawn in ‘Pick 4 Midday’ game") == []


def test_and_over_bounds_an_age(nlp_en: Any) -> None:
    # 1517421409_1483931131: "people ages 65 and over" was a count of nothing
    text = "While people ages 65 and over continued to be the least likely to support it."
    qs = extract_quantities(text, [], "en", doc=nlp_en(text))
    assert [(q.low, q.high, q.kind) for q in qs] == [(65.0, None, "age")]


def test_a_hanging_hyphen_range(nlp_en: Any) -> None:
    # 1484190635_1483767490: "15- to 50 cents" lost its 15 cents
    text = "motorists could pay as much as 15- to 50 cents more per gallon than competitors"
    qs = extract_quantities(text, [], "en", doc=nlp_en(text))
    assert [(q.low, q.high, q.unit) for q in qs] == [(0.15, 0.5, "USD")]


def test_a_falling_pair_counts_the_same_noun_twice(nlp_fr: Any, nlp_en: Any) -> None:
    # 1635977553fr_1497350271fr: "réduite de 39 à 17 appareils" lost the 39 (a bare number);
    # a change from 39 to 17 is no range, both count aircraft
    text = "La flotte doit être drastiquement réduite de 39 à 17 appareils."
    assert [(q[1], q[2]) for q in got(nlp_fr, text, "fr")] == [(39.0, "appareils"),
                                                               (17.0, "appareils")]
    text = "The fleet fell from 39 to 17 aircraft."
    assert [(q[1], q[2]) for q in got(nlp_en, text)] == [(39.0, "aircraft"), (17.0, "aircraft")]
    assert got(nlp_fr, "Le score est passé de 3 à 1.", "fr") == []  # nothing counted


def test_polnear_dev_scan_ages_names_and_clocks(nlp_en: Any) -> None:
    # PolNeAR dev, bill-clinton (breitbart 2016-10-04): "individuals ages 55 to 65" was a
    # count of nothing; west-journal 2016-09-26: "Zero Hedge asked" a count of Hedge;
    # breitbart 2016-09-30: "at three o’clock in the morning" a count of o’clock
    text = "which would allow individuals ages 55 to 65 to buy into Medicare directly"
    qs = extract_quantities(text, [], "en", doc=nlp_en(text))
    assert [(q.low, q.high, q.kind) for q in qs] == [(55.0, 65.0, "age")]
    assert got(nlp_en, "Zero Hedge asked, “Wait, now it is 18.7%?”") == [
        ("18.7%", 18.7, None, "percent")]
    assert got(nlp_en, "people knocking me for tweeting at three o’clock in the morning") == []
    assert got(nlp_en, "zero people died")[0][1:3] == (0.0, "people")  # a count, lower case


def test_heights_in_feet_and_inches_and_a_quoted_modifier(nlp_en: Any) -> None:
    # SemEval 1484038711_1483848094: "At 5-feet-7 and 135 pounds" was 5 feet and £135;
    # 1485673462_1484223404: "shorter than 4’9”" gave nothing; sessions 6-8 listed "6-foot-5"
    qs = extract_quantities("At 5-feet-7 and 135 pounds, she once polished off 40 hot dogs.",
                            [], "en")
    assert [(round(q.value or 0, 3), q.unit) for q in qs[:2]] == [(5.583, "foot"), (135.0, "lb")]
    q = extract_quantities("The 6-foot-5 forward scored 20 points.", [], "en")[0]
    assert (round(q.value or 0, 3), q.si_unit) == (6.417, "m")
    assert [q.unit for q in extract_quantities("shorter than 4’9” who", [], "en")] == ["foot"]
    # 1483803773_1484100188: '2019 saw only 28 "serious" attacks' gave nothing
    text = 'In 2019 there were only 28 "serious" attacks against Israelis.'
    assert [(q[1], q[2]) for q in got(nlp_en, text)] == [(28.0, "attacks")]


def test_a_range_said_in_thousands_and_quelques_before_digits(nlp_fr: Any, nlp_en: Any) -> None:
    # French TimeBank dev 1999-06-12-0548d: "des quelques 10 à 15.000 enfants handicapés"
    # gave nothing ("quelques" before digits is no vague "quelques centaines")
    text = "Elle a dénoncé le scandale des quelques 10 à 15.000 enfants handicapés mentaux."
    qs = extract_quantities(text, [], "fr", doc=nlp_fr(text))
    assert [(q.low, q.high, q.approximate) for q in qs] == [(10000.0, 15000.0, True)]
    text = "between 20 and 30,000 protesters marched"
    assert [(q.low, q.high) for q in extract_quantities(text, [], "en", doc=nlp_en(text))] == [
        (20000.0, 30000.0)]
    text = "une amende de 1 à 10 000 euros"  # ten times apart: literal
    assert [(q.low, q.high) for q in extract_quantities(text, [], "fr", doc=nlp_fr(text))] == [
        (1.0, 10000.0)]


def test_age_and_size_bounds_of_a_car_seat_law(nlp_en: Any) -> None:
    # SemEval 1485673462_1484223404: "Children under age 2", "older than 4 but shorter
    # than 4’9”" gave nothing ("age 2" was taken for a label, "Flight 175")
    text = ("Children under age 2 must use rear-facing car seats. Children older than 4 but "
            "shorter than 4’9” must use a booster.")
    qs = extract_quantities(text, [], "en", doc=nlp_en(text))
    assert [(q.low, q.high, q.kind) for q in qs] == [
        (None, 2.0, "age"), (4.0, None, "age"), (None, 4.75, "measure")]
    assert got(nlp_en, "Flight 175 crashed into the tower.") == []
