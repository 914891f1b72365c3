"""Country names in every language, from packaged gazetteers (no download).

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

import pycountry
from babel import localedata

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
            # the locale's own names (inheriting would re-read the root locale
            # for each: 3x slower, no name gained)
            terr = localedata.load(ident, merge_inherited=False).get("territories", {})
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
    acronyms = {c.alpha_2.lower(): c.alpha_2 for c in countries}
    acronyms.update({c.alpha_3.lower(): c.alpha_2 for c in countries})
    return unique, acronyms


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
