"""Session 20 (issue #17): amounts said in several words in the locale languages
("un paio di mesi", "un par de días"), and Spanish spans of unsaid length and how-often
words, which the Spanish pack did not name (Italian and German had them since session 18).

Sentences are from SemEval-2022 Task 8 pages (pair ids cited), none of them in a gold
file of ``tests/data/gold/``.
"""

from __future__ import annotations

from datetime import date

import pytest

from veille.analyze.temporal import extract_times
from veille.core.model import DateRange


def _day(y: int, m: int, d: int) -> DateRange:
    return DateRange(date(y, m, d), date(y, m, d), "day")


def _found(text: str, lang: str, ref: DateRange) -> dict[str, str | None]:
    return {t.text: t.value for t in extract_times(text, [], ref, lang)}


@pytest.mark.parametrize(("lang", "text", "ref", "expected"), [
    # 1484456769it_1484047804it: "a couple of months ago" is two months back
    ("it", "L'aggiornamento è lo stesso che OnePlus ha lanciato un paio di mesi fa, "
           "portando il telefono su Oxygen OS 10.0.1.", _day(2020, 1, 2),
     {"un paio di mesi fa": "2019-11"}),
    # the elided form, both apostrophes
    ("it", "Devo iniziare a prepararmi un paio d'ore prima di dover partire.",
     DateRange.unknown(), {"un paio d'ore": "PT2H"}),
    ("it", "Devo iniziare a prepararmi un paio d’ore prima di dover partire.",
     DateRange.unknown(), {"un paio d’ore": "PT2H"}),
    # 1538824765_1567343423 (a page of the older Spanish gold, the tune set): "a single
    # day" is one
    ("es", "La explosión de 500 nuevos casos de coronavirus en un solo día y el miedo a que "
           "se colapse el sistema.", DateRange.unknown(), {"un solo día": "P1D"}),
    # 1484117273_1484608747 and 1484394669es_1484312607it: a pair of other things
    ("es", "El video muestra el curioso momento en que un par de tiernos mapaches "
           "fingieron ser estatuas.", DateRange.unknown(), {}),
    ("es", "Después de un par de kilómetros, cuando Akesh intentó bloquear el camino del "
           "auto.", DateRange.unknown(), {}),
])
def test_amounts_of_several_words(lang: str, text: str, ref: DateRange,
                                  expected: dict[str, str | None]) -> None:
    assert _found(text, lang, ref) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 1484117273_1484608747
    ("Es una de las cosas que más ha causado polémica en los últimos años, pues su "
     "divorcio del ex futbolista.", {"últimos años": "PXY"}),
    # 1484202189_1484152196
    ("Se espera que el clima frío seguirá durante las próximas horas, por lo que "
     "Protección Civil recomienda abrigarse.", {"próximas horas": "PTXH"}),
    # 1511216591es_1511221676
    ("Kweza dijo que pocas horas después de los asesinatos, Mabena llegó.",
     {"pocas horas": "PTXH"}),
    # 1484399507es_1484337946: a plural unit alone after "durante"
    ("Sídney ha estado asfixiando con el humo durante semanas mientras los enormes "
     "incendios arden.", {"semanas": "PXW"}),
    # 1562738672_1486770502: the plural of "en este momento"
    ("Ante la situación excepcional que atravesamos en estos momentos, resulta "
     "inconcebible.", {"en estos momentos": "PRESENT_REF"}),
    # 1494110027_1648297594, 1484012640es_1483897881: "unas" / "unos" say some
    ("Que las empresas británicas tengan sólo unas semanas para ajustarse a los detalles.",
     {"unas semanas": "PXW"}),
    ("Recibieron sus certificados de nacimiento apenas unas horas después de nacer.",
     {"unas horas": "PTXH"}),
    # 1484396341es_1484261803it: how often
    ("El evento deportivo anual, que atrajo a unas 1500 personas.", {"anual": "P1Y"}),
])
def test_spanish_spans_and_frequencies(text: str, expected: dict[str, str | None]) -> None:
    assert _found(text, "es", DateRange.unknown()) == expected


@pytest.mark.parametrize("text", [
    # 1484104342_1484051808, 1484108864_1484266870, 1484130145_1484165136: papers' names
    "La empresa dio aviso a la policía a las siete, dijo Diario Jornada.",
    "Únete al grupo de Diario Primicia en WhatsApp.",
    "Diario de Sevilla informó del accidente.",
    "Se publicó en el Diario Oficial de la Federación.",
])
def test_a_paper_named_by_a_frequency_is_no_time(text: str) -> None:
    assert _found(text, "es", DateRange.unknown()) == {}


def test_a_frequency_opening_a_sentence_is_one() -> None:
    assert _found("Anualmente, la empresa paga sus impuestos.", "es",
                  DateRange.unknown()) == {"Anualmente": "P1Y"}


@pytest.mark.parametrize(("lang", "text", "ref", "expected"), [
    # 1484772117it_1484200187it (a page of the older Italian gold, the tune set): "the
    # year to come", said after the unit as "l'anno prossimo" is
    ("it", "Ha ammesso di essere stata emotiva mentre pensava all'anno a venire e a come "
           "la loro figlia maggiore Poppy, 17 anni, abbia intenzione di andare "
           "all'università.", _day(2020, 1, 2),
     {"anno a venire": "2021"}),
    # the current one ("in corso", "en curso") and the coming one ("que viene")
    ("it", "Le vendite del mese in corso sono in calo.", _day(2019, 12, 30),
     {"mese in corso": "2019-12"}),
    ("es", "La inflación del año en curso será menor que la del año que viene.",
     _day(2019, 12, 30), {"año en curso": "2019", "año que viene": "2020"}),
])
def test_relative_words_after_the_unit(lang: str, text: str, ref: DateRange,
                                       expected: dict[str, str | None]) -> None:
    assert _found(text, lang, ref) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 1590279005_1597560273, 1569065538_1593082853fr, 1609068534_1647990025,
    # 1625209959_1626341765: a length glued to its amount in an adjective
    ("Nach fünfwöchiger Pause in der Corona-Krise hat das Werk wieder geöffnet.",
     {"fünfwöchiger": "P5W"}),
    ("Sie sollen nach einer 14-tägigen Quarantäne bis zu sechs Wochen arbeiten.",
     {"14-tägigen": "P14D", "sechs Wochen": "P6W"}),
    ("Die den Garten in dem vierminütigen Beitrag mit dem Titel zeigt.",
     {"vierminütigen": "PT4M"}),
    ("Der 48-Jährige sagte mehrmals in einem knapp achtminütigen Video, das er in der "
     "Nacht aufnahm.", {"achtminütigen": "PT8M", "in der Nacht": "XXXX-XX-XXTNI"}),
    # an amount left unsaid, and none at all ("ganztägig": all day long)
    ("Eine mehrwöchige Pause ist geplant.", {"mehrwöchige": "PXW"}),
    ("Die ganztägige Betreuung der Kinder ist gesichert.", {}),
])
def test_german_lengths_glued_to_their_amount(text: str, expected: dict[str, str | None]) -> None:
    assert _found(text, "de", DateRange.unknown()) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # 1545115487_1544363758, 1484112790_1484277030, 1484012640es_1483897881: the part of
    # the day after the clock says which half of the day it is in
    ("es", "Y continuó alrededor de las 2:30 de la tarde con varias acciones criminales.",
     {"las 2:30 de la tarde": "XXXX-XX-XXT14:30"}),
    ("es", "Para controlar la riña entre reclusos alrededor de las 5:00 de la tarde (hora "
           "local).", {"las 5:00 de la tarde": "XXXX-XX-XXT17:00"}),
    ("es", "Sin embargo, a las 5 de la tarde, ese número había aumentado.",
     {"a las 5 de la tarde": "XXXX-XX-XXT17:00"}),
    ("es", "La compañía dio aviso a la policía a las 7 de la mañana.",
     {"a las 7 de la mañana": "XXXX-XX-XXT07:00"}),
    # a night runs past midnight
    ("es", "El incendio empezó a las 2 de la madrugada.",
     {"a las 2 de la madrugada": "XXXX-XX-XXT02:00"}),
    ("it", "La partita inizia alle 3 del pomeriggio.", {"alle 3 del pomeriggio": "XXXX-XX-XXT15:00"}),
    ("de", "Der Zug kam um 10 Uhr abends an.", {"10 Uhr abends": "XXXX-XX-XXT22:00"}),
    # 1554365060_1629531905: no lead, the linked part of the day makes the hour a clock
    ("es", "Podrán funcionar en un horario de 8 de la mañana a 9 de la noche.",
     {"8 de la mañana": "XXXX-XX-XXT08:00", "9 de la noche": "XXXX-XX-XXT21:00"}),
    # no part of the day: the hour as said
    ("it", "Il treno parte alle 3.30 dal binario due.", {"alle 3.30": "XXXX-XX-XXT03:30"}),
])
def test_a_clock_with_its_part_of_the_day(lang: str, text: str,
                                          expected: dict[str, str | None]) -> None:
    assert _found(text, lang, DateRange.unknown()) == expected


def test_an_hour_alone_with_both_dots_of_its_half_of_day() -> None:
    # 1483970073es_1484148868it: "8 a. m." (Spanish press style, a space after the
    # first dot); "a las 5 am" needs its lead, "5 am Montag" is German "am"
    # (the newsletter's name "Zumbido de la tarde" is read as an afternoon: left)
    found = _found("Leer más: Boletines locales: Titulares locales (8 a. m.) | Zumbido de la "
                   "tarde (4 p. m.)", "es", DateRange.unknown())
    assert found["8 a. m."] == "XXXX-XX-XXT08:00"
    assert found["4 p. m."] == "XXXX-XX-XXT16:00"
    assert _found("Wir treffen uns um 5 am Montag.", "de", DateRange.unknown()) == {
        "Montag": "XXXX-WXX-1"}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # 1484189014it_1484006833it, 1484130875_1484130930, 1536565287_1543072469fr,
    # 1484228737_1484086752: "every" before a unit alone is how often
    ("it", "Decine di milioni di turisti che visitano la Thailandia ogni anno, molti "
           "desiderosi di catturare incontri.", {"ogni anno": "P1Y"}),
    ("es", "En promedio todos los días se otorgan más de 50 mil consultas.",
     {"todos los días": "P1D"}),
    ("de", "Er wird jede Woche zwei, drei Tage im Gericht sein.",
     {"jede Woche": "P1W", "drei Tage": "P3D"}),
    ("de", "„La dolce vita“, jeden Tag Pizza und Pasta.", {"jeden Tag": "P1D"}),
])
def test_every_unit_is_how_often(lang: str, text: str, expected: dict[str, str | None]) -> None:
    found = extract_times(text, [], DateRange.unknown(), lang)
    assert {t.text: t.value for t in found} == expected
    assert all(t.type == "SET" for t in found if t.text.split()[0].lower() in
               ("ogni", "todos", "jede", "jeden"))


@pytest.mark.parametrize(("text", "expected"), [
    # 1484456061_1483970080: the season of last year, the year's genitive after the word
    ("Die im Frühjahr vergangenen Jahres eingeführten Sprechzeiten würden gut angenommen.",
     {"Frühjahr vergangenen Jahres": "2019-SP"}),
    # 1590231758_1589509947 (text2): a season with its year is that year's
    ("Vom Rekordhoch von etwas mehr als 90 Euro im Frühjahr 2007 geht es um rund 93 "
     "Prozent nach unten.", {"Frühjahr 2007": "2007-SP"}),
])
def test_a_season_of_a_year(text: str, expected: dict[str, str | None]) -> None:
    assert _found(text, "de", _day(2020, 1, 2)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 1484456061_1483970080, 1539260932_1539846174: the first end of a range of clocks
    ("Die Sprechstunden finden jeweils von 16 bis 18 Uhr im Kundenportal statt.",
     {"16": "XXXX-XX-XXT16:00", "18 Uhr": "XXXX-XX-XXT18:00"}),
    ("Termine mit * bereits ausverkauft. 19 bis 22 Uhr, Einlass ab 18.15 Uhr.",
     {"19": "XXXX-XX-XXT19:00", "22 Uhr": "XXXX-XX-XXT22:00", "18.15 Uhr": "XXXX-XX-XXT18:15"}),
    # years are no clocks
    ("Die Zahl stieg von 2018 bis 2020.", {"2018": "2018", "2020": "2020"}),
])
def test_the_first_end_of_a_german_clock_range(text: str,
                                               expected: dict[str, str | None]) -> None:
    assert _found(text, "de", DateRange.unknown()) == expected


@pytest.mark.parametrize(("lang", "text", "ref", "expected"), [
    # 1483964965_1483916785, 1498603206es_1484073918it, 1484035175it_1483836201it: the
    # year begun last or about to begin, whichever is nearer the paper's day
    ("de", "Dies soll sich im neuen Jahr ändern.", _day(2019, 12, 28), {"neuen Jahr": "2020"}),
    ("es", "La gobernadora espera una relación laboral con los legisladores en el nuevo año.",
     _day(2020, 1, 3), {"nuevo año": "2020"}),
    ("it", "Si fa un nuovo tatuaggio per il viso per il nuovo anno.", DateRange.unknown(),
     {"nuovo anno": None}),
    # 1484216357_1484373239: its year said after it
    ("es", "Lionel Messi y sus 12 retos para este nuevo año 2020.", DateRange.unknown(),
     {"nuevo año 2020": "2020"}),
])
def test_the_new_year(lang: str, text: str, ref: DateRange,
                      expected: dict[str, str | None]) -> None:
    assert _found(text, lang, ref) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # 1484010842it_1484010841it, 1484012136it_1484002341it, 1484703275es_1483906669it,
    # 1483805456es_1484014772: decades (ISO-TimeML's "197X")
    ("it", "Negli anni '70, i Whitney hanno contribuito a convincere la NYRA.",
     {"anni '70": "197X"}),
    ("it", "Erano il rock classico dagli anni '60 agli anni '80.",
     {"anni '60": "196X", "anni '80": "198X"}),
    ("es", "Compró una mansión frente al lago de la década de 1920 en Shorewood.",
     {"década de 1920": "192X"}),
    ("es", "La gran tendencia que dominará la década de 2020 es el surgimiento de la voz.",
     {"década de 2020": "202X"}),
    ("de", "Das Haus wurde in den 1990er Jahren gebaut.", {"1990er Jahren": "199X"}),
    # an age in the register's style is no decade
    ("it", "Mario Rossi, di anni 45, è stato arrestato.", {}),
])
def test_decades(lang: str, text: str, expected: dict[str, str | None]) -> None:
    assert _found(text, lang, DateRange.unknown()) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # 1593108703_1546957384fr: some time back, as "a few days ago" is in English (PAST_REF)
    ("de", "Bis vor wenigen Jahren hat er diese Kolumne auf der Seite geschrieben.",
     {"vor wenigen Jahren": "PAST_REF"}),
    ("it", "Pochi giorni fa il sindaco ha firmato l'ordinanza.", {"Pochi giorni fa": "PAST_REF"}),
    ("es", "Hace algunos meses el Ayuntamiento aprobó el plan.",
     {"Hace algunos meses": "PAST_REF"}),
    # without "ago" it stays a span of unsaid length
    ("de", "Seit einigen Jahren schreibt er diese Kolumne.", {"einigen Jahren": "PXY"}),
])
def test_a_vague_amount_ago(lang: str, text: str, expected: dict[str, str | None]) -> None:
    assert _found(text, lang, _day(2020, 1, 2)) == expected
