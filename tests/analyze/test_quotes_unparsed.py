"""Quotes of languages with no parser: quote marks and the incise (#18).

The sentences are real, from SemEval-2022 task 8 training articles (the pair
id of each is given; machine-translated ones keep their errors); what is
expected was read by hand: the quotation, and the speaker where the incise
names one."""

from __future__ import annotations

import pytest

from veille.analyze.pipeline import analyze_batch
from veille.analyze.quotes.marks import find_quote_spans
from veille.analyze.quotes.unparsed import quotes_without_parse

CASES = [
    # (language, text, quoted words start, speaker or None); source pair id
    ("de", 'Insoweit prüfe man "im Klinikbereich in mehreren Fällen die Einleitung von '
     'Bußgeldverfahren", sagte Behördenchef Thomas Petri dem "Handelsblatt".',
     "im Klinikbereich", "Behördenchef Thomas Petri"),  # 1483873184
    ("de", "„Wir können das allein nicht managen”, sagt der 62-Jährige in Richtung Weißes Haus.",
     "Wir können", None),  # 1556488279: a role noun, no name
    ("de", '"Borrell wird zum ersten Mal am Montag zum Iran reisen", sagte Mussawi der '
     "Staatsagentur.", "Borrell wird", "Mussawi"),  # 1511765548
    ("de", "„Suttonella ornithocola tötet fast ausschließlich Meisen“, so Leif Miller, "
     "Bundesgeschäftsführer vom Naturschutzbund.", "Suttonella", "Leif Miller"),  # 1590280430
    ("es", "“Gracias a él, la NA se convirtió en una marca de carácter mundial”, dijo el actual "
     "comisionado, Adam Silver, el hombre que heredó el puesto de Stern.",
     "Gracias", "Adam Silver"),  # 1484215933
    ("it", '"Stiamo intraprendendo il più grande trasferimento di persone fuori dalla regione", '
     "ha affermato Andrew Constance, deputato locale.", "Stiamo", "Andrew Constance"),
    ("pl", "„Na przykład komitet ds. Iraku był od 15 lat niedrożny” – powiedziała Wronecka.",
     "Na przykład", "Wronecka"),  # 1483808624
]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), CASES)
def test_incise_gives_the_quote_and_its_speaker(language: str, text: str, quoted: str,
                                                speaker: str | None) -> None:
    quotes, notes = quotes_without_parse(text, language, lambda pos: 0)
    assert len(quotes) == 1 and not notes
    q = quotes[0]
    assert q.text.startswith(quoted) and text[q.start:q.end] == q.text
    assert q.speaker == speaker
    assert q.verb and q.cue_start is not None and text[q.cue_start:q.cue_end] == q.verb
    if speaker:
        assert text[q.speaker_start:q.speaker_end] == speaker


def test_no_cue_no_quote() -> None:
    # a programme's name in quote marks (SemEval 1483891773-like copy): nobody speaks
    text = 'El ministerio presentó el programa "Generar inclusión, calidad y equidad educativa" ayer.'
    assert quotes_without_parse(text, "es", lambda pos: 0)[0] == []


def test_german_low_and_high_marks_pair() -> None:
    text = "„Es ist nicht der Zeitpunkt dafür“, erklärte Borissow am Samstag in Sofia."  # 1569065538
    spans, notes = find_quote_spans(text)
    assert notes == [] and [text[s:e] for _, s, e, _ in spans] == ["Es ist nicht der Zeitpunkt dafür"]
    # an English text keeps “ as its opening mark
    spans, notes = find_quote_spans("He said “yes, we will” and left.")
    assert notes == [] and len(spans) == 1


def test_pipeline_gives_unparsed_languages_their_quotes() -> None:
    text = ("Die Kanzlerin sprach am Montag in Berlin über die Krise. „Es ist nicht der "
            "Zeitpunkt dafür“, erklärte Borissow am Samstag in Sofia.")
    an = analyze_batch([("u1", text, "de", None)])[0]
    assert [(q.speaker, q.method) for q in an.quotes] == [("Borissow", "marks+cue")]
    assert an.quotes[0].sentence == 1
    assert not any("never closed" in n for n in an.notes)



# Session 16: a role before the name, and the speaker carried to a nameless incise.
# Written after SemEval training articles read then (pair ids given), not tuned on the
# articles the check read after (see docs/measured/quality-quotes.md).

def _speakers(text: str, language: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.resolution) for q in quotes_without_parse(text, language, lambda p: 0)[0]]


def test_role_before_the_name_is_left_out() -> None:
    text = "„Ich wollte eine Geschichte mit Figuren erzählen“, erklärt Regisseur Porumboiu."
    assert _speakers(text, "de") == [("Porumboiu", "named")]  # 1519242825


def test_nameless_incise_carries_the_last_named_speaker() -> None:
    # Spanish drops the subject: "dijo." after "..., dijo Hettema" (1484013672)
    text = ("Este año el número se redujo a tres, dijo el teniente Pete Hettema. "
            "“Hemos visto una disminución sustancial en la ruta del desfile”, dijo.")
    assert _speakers(text, "es") == [("Pete Hettema", "carried")]
    # Italian: "Ha spiegato:" after "Schmidt-Burbach ha affermato che" (1484189014)
    text = ("Schmidt-Burbach ha affermato che la ricerca ha trovato 1.771 elefanti. "
            "Ha spiegato: \"Ci sono 357 elefanti in più in cattive condizioni\".")
    assert _speakers(text, "it") == [("Schmidt-Burbach", "carried")]


def test_no_carry_across_gender_or_from_a_noun() -> None:
    # "sagte sie" after a man's words: she is someone else
    text = ("„Das ist eine gute Nachricht“, sagte Thomas Müller. "
            "„Wir bitten alle Parteien, Gewalt zu verurteilen“, sagte sie.")
    assert _speakers(text, "de") == [("Thomas Müller", "named"), (None, None)]
    # a noun German capitalises after a verb is nobody ("erklärte Rücktritt")
    text = ("Der Minister erklärte Rücktritt und Neuwahl. "
            "„Es gibt Menschen, die nicht stoppen“, erklärte.")
    assert _speakers(text, "de") == [(None, None)]
    # too far back: two paragraphs of other news between
    text = ("„Wir sind bereit“, sagte Angela Merkel. " + "Andere Nachrichten folgen. " * 25
            + "„Das Jahr wird schwer“, sagte.")
    assert _speakers(text, "de") == [("Angela Merkel", "named"), (None, None)]
