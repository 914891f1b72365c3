"""Languages whose dates come from dateparser's locale data (no time pack of their own).

For German, Spanish, Italian, Portuguese, Dutch, Polish and Russian veille
has no time grammar; the month names and the words for "yesterday / today /
tomorrow" come from ``dateparser``'s locale data (a maintained gazetteer of
200+ locales, installed with the library, nothing downloaded). What this
module holds is what dateparser does not say: how a date is written around
those words (the "de" of "12 de marzo de 2023", the dot of "12. März"), the
prepositions after which a month name alone is a date ("im März", "en
marzo"), and where a relative-day word is something else ("la mañana" is the
morning, "am Morgen" too). Regex fragments, matched case-insensitively on the
original text unless said otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

Words = tuple[str, ...]


@dataclass(frozen=True)
class LocaleTime:
    code: str  # the code dateparser knows the language by
    day_suffix: str = ""  # after the day number: "\\." in "12. März"
    month_link: Words = ()  # between day and month, and month and year: "de"
    month_leads: Words = ()  # a month name alone is a date after these: "im", "en"
    #: regex of what, right before a relative-day word, makes it another word
    #: ("la mañana": the morning)
    relative_day_not_after: str = ""
    #: relative-day words that are also capitalised nouns ("Morgen"): lower case only
    lower_case_relative_days: bool = False
    year_leads: Words = ()  # a 4-digit number after these is a year: "seit", "en", "nel"
    list_joiners: Words = ()  # "2006, 2009 y 2015": "y"


LOCALES: dict[str, LocaleTime] = {
    t.code: t
    for t in (
        LocaleTime("de",
                   year_leads=("im jahr", "jahr", "seit", "bis", "ab", "von", "vor", "nach", "in",
                               "im", "anfang", "ende", "mitte"),
                   list_joiners=("und", "oder", "bis"),
                   day_suffix=r"\.", month_leads=("im", "seit", "bis", "ab", "anfang",
                                                         "ende", "mitte", "vom", "zum"),
                   lower_case_relative_days=True),
        LocaleTime("es",
                   year_leads=("en", "de", "del", "desde", "hasta", "año", "el"),
                   list_joiners=("y", "o", "a"),
                   month_link=("de",), month_leads=("en", "de", "desde", "hasta",
                                                           "principios de", "finales de",
                                                           "mediados de"),
                   relative_day_not_after=r"\b(?:la|esta|una|cada|por)\s+$"),
        LocaleTime("it",
                   year_leads=("nel", "dal", "al", "del", "entro", "anno", "fino al", "il"),
                   list_joiners=("e", "o", "al"),
                   month_leads=("a", "in", "di", "da", "entro", "fino a", "inizio",
                                      "fine", "metà"),
                   relative_day_not_after=r"\b(?:il|un|del|al)\s+$"),
        LocaleTime("pt",
                   year_leads=("em", "de", "desde", "até", "ano", "o"),
                   list_joiners=("e", "ou", "a"),
                   month_link=("de",), month_leads=("em", "de", "desde", "até",
                                                           "início de", "final de"),
                   relative_day_not_after=r"\b(?:a|esta|pela|de)\s+$"),
        LocaleTime("nl",
                   year_leads=("in", "sinds", "tot", "van", "vanaf"),
                   list_joiners=("en", "of", "tot"),
                   month_leads=("in", "sinds", "tot", "begin", "eind", "half"),
                   relative_day_not_after=r"\b(?:de|deze|elke|'s)\s+$",
                   lower_case_relative_days=True),
        LocaleTime("pl",
                   year_leads=("w", "od", "do", "roku", "z"),
                   list_joiners=("i", "lub", "do"),
                   month_leads=("w", "od", "do", "z", "na początku", "pod koniec")),
        LocaleTime("ru",
                   year_leads=("в", "с", "до", "году", "к"),
                   list_joiners=("и", "или", "по"),
                   month_leads=("в", "с", "до", "к", "в начале", "в конце")),
    )
}


def locale_time(code: str | None) -> LocaleTime | None:
    """The locale date settings for ``code``; None for a language with a time pack or none."""
    return LOCALES.get((code or "").lower().split("-")[0])
