"""Number conventions of a language veille has no hand-written pack for, from CLDR.

Why babel: German, Spanish, Italian, Polish… articles arrive (SemEval, news feeds)
and a number there was read by French/English habits or not at all: "20.000
Menschen" was 20, "3,5 Millionen Euro" nothing. The Unicode CLDR data that babel
ships says, per locale, the thousands and decimal separators, the long names of
the scale words ("Millionen", "milioni", "mil millones", "万"), of currencies
("Euro", "dólares estadounidenses", "złotych") and of units ("Kilometer",
"chilometri", "%"), in each plural form. That is enough to read money, measures
and percentages in any of those languages, the quantities a story compares across
languages by their ISO code or SI unit. What such a pack cannot do is find the
counted noun of a bare count (no function words, no parse): counts without a
unit are left out rather than guessed.
"""

from __future__ import annotations

import contextlib
import re
from functools import lru_cache

from veille.analyze.temporal import fold_same_length
from veille.lang.number_words import NumberWords

#: currencies news writes about (ISO 4217); their local names come from CLDR
_CURRENCIES = ("EUR", "USD", "GBP", "CHF", "RUB", "UAH", "CNY", "JPY", "PLN", "CZK", "SEK",
               "NOK", "DKK", "TRY", "INR", "BRL", "MXN", "CAD", "AUD", "HUF", "RON", "KRW")
#: more currencies a story may name with their country ("30,000 Egyptian pounds",
#: "dollars de Hong Kong"): their multi-word CLDR names are added to every pack
_NAMED_CURRENCIES = (*_CURRENCIES, "EGP", "HKD", "NZD", "SGD", "ZAR", "NGN", "KES", "ILS",
                     "SAR", "AED", "IRR", "IQD", "SYP", "LBP", "PKR", "THB", "IDR", "PHP",
                     "TWD", "ARS", "CLP", "COP", "VES", "KZT", "BYN", "GEL", "ISK", "BGN",
                     "RSD", "MAD", "DZD", "TND", "QAR", "KWD", "AFN", "MMK", "KPW", "VND")
#: CLDR unit ids -> our unit codes (units.py converts them with pint)
_UNITS = {
    "length-kilometer": "km", "length-meter": "m", "length-centimeter": "cm",
    "length-millimeter": "mm", "length-mile": "mile", "mass-kilogram": "kg",
    "mass-gram": "g", "mass-tonne": "t", "volume-liter": "l", "area-hectare": "ha",
    "area-square-kilometer": "km2", "speed-kilometer-per-hour": "km/h",
    "temperature-celsius": "°C", "concentr-percent": "percent", "power-megawatt": "MW",
}  # fmt: skip
#: counts whose plural forms cover the CLDR categories of European languages
#: (one, few, many, other: 1, 2, 5, 1.5)
_COUNTS: tuple[float, ...] = (1, 2, 5, 1.5)
_NUMBER_PART = re.compile(r"[\d\s\u00a0\u202f.,'’]+")


def _words(formatted: str) -> str | None:
    """The words of "2 Millionen" / "200万" / "2 Mrd." once the number is taken out."""
    w = fold_same_length(_NUMBER_PART.sub(" ", formatted + " ").strip()).lower()
    if formatted.endswith(".") and w and not w.endswith("."):
        w += "."  # "Mrd.": the abbreviation's dot
    return w if w and not w.isdigit() else None


@lru_cache(maxsize=32)
def locale_numbers(code: str) -> NumberWords | None:
    """A pack of separators, scale words, currency and unit names for ``code``; None when
    CLDR does not know the language."""
    try:
        from babel import Locale, UnknownLocaleError
        from babel.numbers import (
            format_compact_decimal,
            get_currency_name,
            get_currency_symbol,
            get_decimal_symbol,
            get_group_symbol,
        )
        from babel.units import format_unit
    except ImportError:  # pragma: no cover - babel is a dependency
        return None
    if not code or code in ("und", "xx", "root"):
        return None
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    group, decimal = get_group_symbol(locale=code), get_decimal_symbol(locale=code)
    scales: dict[str, float] = {}
    for value in (1e3, 1e6, 1e9, 1e12):
        for n in (1.0, 2.0, 5.0):
            try:
                long = format_compact_decimal(n * value, format_type="long", locale=code)
                short = format_compact_decimal(n * value, format_type="short", locale=code)
            except Exception:  # CLDR gaps differ by locale
                continue
            for text, abbreviated in ((long, False), (short, True)):
                digits = re.sub(r"[^\d]", "", text)
                word = _words(text)
                if abbreviated and (not word or len(word.rstrip(".")) < 2):
                    continue  # "2 M", "2k": one letter is a metre or a name
                if word and digits and n * value / int(digits) >= 1e3:
                    scales.setdefault(word, n * value / int(digits))
    currencies: dict[str, str] = {}
    for iso in _CURRENCIES:
        for n in _COUNTS:
            try:
                name = fold_same_length(get_currency_name(iso, count=n, locale=code)).lower()
            except Exception:
                continue
            if name and name != iso.lower():
                currencies.setdefault(name, iso)
        sym = get_currency_symbol(iso, locale=code)
        if sym and sym != iso and not sym.isascii():  # "zł", "₽", "₴" (not "$", "US$")
            currencies.setdefault(fold_same_length(sym).lower(), iso)
        currencies.setdefault(iso.lower(), iso)
    # "Dollar", "dólares", "Pfund" alone: the word the names of one family share (US,
    # Canadian, Australian dollars) is the news's default currency of that family
    for default, family in (("USD", ("USD", "CAD", "AUD")), ("GBP", ("GBP", "EGP"))):
        for n in _COUNTS:
            try:
                names = [set(re.split(r"[\s-]+", fold_same_length(
                    get_currency_name(iso, count=n, locale=code)).lower())) for iso in family]
            except Exception:
                continue
            for word in set.intersection(*names):
                if len(word) > 2:
                    currencies.setdefault(word, default)
    # the country's own currency goes without its adjective ("5 mld złotych", not
    # "złotych polskich"): the first word of its names
    try:
        from babel.core import get_global
        from babel.numbers import get_territory_currencies

        likely = str(get_global("likely_subtags").get(code, ""))
        territory = likely.split("_")[-1] if "_" in likely else ""
        own = get_territory_currencies(territory) if territory else []
    except Exception:
        own = []
    for iso in own[:1]:
        for n in _COUNTS:
            with contextlib.suppress(Exception):
                first = fold_same_length(get_currency_name(iso, count=n, locale=code)).lower()
                if " " in first and len(first.split()[0]) > 3:
                    currencies.setdefault(first.split()[0], iso)
    units: dict[str, str] = {}
    for cldr, ours in _UNITS.items():
        for length in ("long", "short"):
            for n in _COUNTS:
                try:
                    word = _words(format_unit(n, cldr, length=length, locale=code))
                except Exception:
                    continue
                if word and word not in currencies:
                    units.setdefault(word, ours)
    longest_first = dict(sorted(scales.items(), key=lambda kv: -len(kv[0])))  # "mil millones"
    return NumberWords(
        dot_thousands=group == "." and decimal == ",",
        comma_thousands=group == "," and decimal == ".",
        scales=tuple(re.escape(w) for w in longest_first),
        # "3,5 millones de euros", "2 miliardi di dollari": a short word between a scale
        # and what it counts (the language's "of"; CLDR has no word for it)
        unit_links=(r"[^\W\d_]{1,3}\s+", r"[^\W\d_]{1,2}['’]\s*"),
        scale_values=longest_first,
        currencies=currencies,
        units=units,
    )


@lru_cache(maxsize=32)
def _plural_head(one: str, many: str, head: str) -> str | None:
    """The noun of a currency's plural name when it alone is inflected and stands where
    the language puts a noun phrase's head (``head``: "last" in English, "Israeli new
    shekel(s)": "shekels"); None when no word or several change ("nouveaux shekels
    israéliens": the adjectives agree too), when the changed word is not the head (an
    adjective: "géorgiens"), or when the plural is the singular ("South Korean won":
    "won" is a verb too)."""
    a, b = one.split(), many.split()
    if head not in ("first", "last") or len(a) != len(b) or len(a) < 2:
        return None
    changed = [j for j, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    at = 0 if head == "first" else len(b) - 1
    return b[at] if changed == [at] else None


def qualified_currency_names(code: str, head: str = "") -> dict[str, str]:
    """Folded multi-word currency names of ``code`` ("egyptian pounds", "dollars de
    hong kong", "francs suisses") -> ISO code, in every plural form CLDR has; a hand
    pack lists the bare words ("pounds", "dollars"), not every country's. The bare
    plural noun of such a name is added when one currency alone has it and the pack
    says where a noun phrase's head stands (``head``, see :func:`_plural_head`): "40
    million shekels"; not "pounds", which Egypt, Lebanon and Syria share with Britain."""
    if not code or code in ("und", "xx", "root"):
        return {}
    try:
        from babel.numbers import get_currency_name, list_currencies

        out: dict[str, str] = {}
        for iso in _NAMED_CURRENCIES:
            for n in _COUNTS:
                name = fold_same_length(get_currency_name(iso, count=n, locale=code)).lower()
                if " " in name.strip() or "-" in name:
                    out.setdefault(name.strip(), iso)
        if head:
            # a noun one currency alone has among all CLDR knows ("shillings": Kenya's,
            # Uganda's, Tanzania's; "francs": a dozen), in any of its names' words
            owners: dict[str, set[str]] = {}
            for iso in sorted(list_currencies()):
                for n in _COUNTS:
                    name = fold_same_length(get_currency_name(iso, count=n, locale=code)).lower()
                    if re.search(r"[(\d]", name):
                        continue  # a withdrawn one: "Israeli shekels (1980–1985)"
                    for w in name.split():
                        owners.setdefault(w, set()).add(iso)
            for iso in _NAMED_CURRENCIES:
                noun = _plural_head(
                    fold_same_length(get_currency_name(iso, count=1, locale=code)).lower(),
                    fold_same_length(get_currency_name(iso, count=5, locale=code)).lower(), head)
                if noun and owners.get(noun) == {iso}:
                    out.setdefault(noun, iso)
        return out
    except Exception:  # an unknown locale: no names
        return {}
