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
