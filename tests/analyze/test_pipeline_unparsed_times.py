"""Articles in a language with no spaCy pipeline get their dates and numbers.

Until session 16 the times and quantities components returned early for such
articles ("no-model"), so the dateparser locale rules only ever ran inside the
evaluation and a German or Spanish story had an empty timeline. The texts are
written after SemEval-2022 Task 8 articles (a dpa business report, an EFE wire).
"""

from __future__ import annotations

from datetime import date

from veille.analyze.pipeline import analyze_batch
from veille.core.model import DateRange

REF = DateRange(date(2020, 5, 14), date(2020, 5, 14), "day")  # a Thursday
GERMAN = ("Hartes Quartal für Sony\n"
          "TOKIO (dpa-AFX) - Der Umsatz sackte im vergangenen Quartal um 8 Prozent ab. "
          "Am 12. März 2020 hatte der Konzern noch 3,5 Millionen Euro in das Werk gesteckt. "
          "Die Zahlen sollen am Dienstag um 17.45 Uhr vorgestellt werden.")
SPANISH = ("Decenas de miles de hongkoneses marcharon el miércoles por la noche, "
           "seis meses después del inicio de las protestas en junio de 2019.")


def test_german_article_gets_dates_clock_and_money() -> None:
    an = analyze_batch([("de1", GERMAN, "de", REF)])[0]
    times = {t.text: t.value for t in an.times}
    assert times["12. März 2020"] == "2020-03-12"
    # the clock and its day are one expression (session 18: the pack's day_clock_gap)
    assert times["Dienstag um 17.45 Uhr"].endswith("T17:45")
    money = [q for q in an.quantities if q.unit == "EUR"]
    assert [q.value for q in money] == [3_500_000.0]
    assert any("dates without tense" in n for n in an.notes)


def test_spanish_article_gets_its_times() -> None:
    an = analyze_batch([("es1", SPANISH, "es", REF)])[0]
    times = {t.text: (t.type, t.value) for t in an.times}
    assert times["junio de 2019"] == ("DATE", "2019-06")
    assert times["seis meses"] == ("DURATION", "P6M")
    assert times["miércoles por la noche"][0] == "TIME"
