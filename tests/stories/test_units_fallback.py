"""Story units of an article without analysis cut sentences with the same rule
splitter as the analysis (veille.lang.sentences), not a second one."""

from __future__ import annotations

from veille.lang.sentences import rule_sentences
from veille.stories.units import fallback_sentences

# A caption line without its full stop above a paragraph (the shape of a
# news-clusters page), and German numbers and abbreviations with full stops.
EN = ("Rescuers search the rubble in Amatrice on Wednesday\n"
      "The quake killed at least 38 people, officials said. More were missing.")
DE = "Die Stadt zählte am 3. Mai rund 20.000 Besucher, z.B. aus Basel. Der Markt bleibt offen."


def test_fallback_sentences_are_the_rule_splitter_s() -> None:
    for text, lang in ((EN, "en"), (DE, "de")):
        got = fallback_sentences(text, lang)
        assert [(s.start, s.end) for s in got] == rule_sentences(text, lang)
        assert all(s.text == text[s.start:s.end] for s in got)


def test_a_caption_line_is_its_own_sentence_and_numbers_do_not_split() -> None:
    first = fallback_sentences(EN, "en")[0].text
    assert first == "Rescuers search the rubble in Amatrice on Wednesday"
    assert [s.text for s in fallback_sentences(DE, "de")] == [
        "Die Stadt zählte am 3. Mai rund 20.000 Besucher, z.B. aus Basel.", "Der Markt bleibt offen."]
    assert fallback_sentences("  \n", "en") == []
