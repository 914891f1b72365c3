"""A name the article tags is a mention where it is written again untagged (#15, session 21)."""

from __future__ import annotations

# news-clusters 544db91c (CNN, the Nice truck attack, 14 July 2016): en_core_web_md tags
# "Estrosi" after "Christian Estrosi" and in "Estrosi said." but not in the last line's
# "• Estrosi said a Rihanna concert has been canceled"
NICE = ("The truck drove along the Promenade des Anglais, regional President Christian Estrosi "
        "told CNN affiliate BFM-TV.\nPolice found firearms, explosives and grenades in the "
        "truck, Estrosi said.\n• Nice is on the Mediterranean, about 930 kilometers (580 miles) "
        "from Paris.\n• Estrosi said a Rihanna concert has been canceled and that flags will "
        "fly at half-staff.\n")


def test_a_tagged_name_written_again_is_a_mention(analyze):
    got = [(m.text, m.label) for m in analyze(NICE, "en").entities if "Estrosi" in m.text]
    assert got == [("Christian Estrosi", "PER"), ("Estrosi", "PER"), ("Estrosi", "PER")], got


def test_a_common_word_of_the_text_is_not_spread(analyze):
    # a menu's capitalised word, once tagged, is the common word the text writes in
    # lower case ("Follow" of a game console's menu, news-clusters f9596d04)
    text = ("Select (Friends) > (Follow). You can now choose who can follow you, and follow "
            "friends back. Follow the steps on screen.\n")
    follows = [m for m in analyze(text, "en").entities if m.text == "Follow"]
    assert len(follows) <= 1, follows


def test_a_word_of_a_longer_untagged_name_is_not_spread(analyze):
    text = ("Chicago voted on Tuesday. The Chicago Tribune said turnout was low, and Chicago "
            "officials agreed.\n")
    spans = [(m.text, m.start) for m in analyze(text, "en").entities if m.text == "Chicago"]
    tribune = text.index("Chicago Tribune")
    assert all(s != tribune for _, s in spans), spans
