"""Label evidence from a list of persons a plural title opens (historical and
Swiss French press prints council and jury lists so)."""

from __future__ import annotations


def test_every_name_of_a_list_opened_by_mm_is_a_person(analyze):
    an = analyze("Ont été élus MM. Rochaix, Fazy, F. de Rabours et Sigg (Genève), "
                 "Chuard (Lausanne). La séance est levée à Genève.")
    labels = {m.text: m.label for m in an.entities}
    for name in ("Sigg", "Chuard"):
        assert labels.get(name, "PER") == "PER", labels
    # the places in brackets and after the list's end stay places
    assert labels.get("Lausanne") in (None, "LOC")
    cues = {m.text: m.label_cue for m in an.entities}
    assert cues.get("Genève") != "title-list"


def test_a_list_ends_at_a_full_stop(analyze):
    an = analyze("Par MM. Moréa et Delisle. Musée du Louvre, 10 heures.")
    assert all(m.label_cue != "title-list" for m in an.entities if "Louvre" in m.text)


def test_a_title_glued_to_the_figure_before_it_is_still_a_title(analyze):
    an = analyze("Grassin, marchand de vins, rue Ordener, 80.M. Rochette, 12, place Blanche.")
    per = [m for m in an.entities if "Rochette" in m.text]
    assert per and per[0].label == "PER"


# Enumerations of organisations (#15, session 16): lines of news-clusters'
# Pixel Visual Core story (bdddc9336a94, 3a4da57f7b53) and of the ex-Facebook
# employees story (f881f883e008), where "Snapchat" was a person record.
def test_a_platform_listed_among_organisations_is_one(analyze):
    for text in ("Pixel 2 users can take better images with social media apps like Instagram, "
                 "WhatsApp and Snapchat.",
                 "Specifically, the photos you take through third-party apps like Instagram, "
                 "WhatsApp, and Snapchat."):
        labels = {m.text: (m.label, m.label_cue) for m in analyze(text, "en").entities}
        assert labels.get("Snapchat") == ("ORG", "org-list"), labels


def test_a_person_in_a_list_of_organisations_keeps_a_given_name(analyze):
    text = "The deal brought together Google, Microsoft and Sarah at one table."
    labels = {m.text: m.label for m in analyze(text, "en").entities}
    assert labels.get("Sarah", "PER") == "PER", labels


def test_a_list_of_people_is_left_alone(analyze):
    text = "Sampras, Agassi and Chang all reached the quarter-finals on Tuesday."
    labels = {m.text: m.label for m in analyze(text, "en").entities}
    assert "ORG" not in {labels.get(n) for n in ("Sampras", "Agassi", "Chang")}, labels
