"""Amounts written as a scale word and then the smaller rest in digits: "1 milliard 200
millions d'euros", "2 millions 300 000 euros", "1 million 200 mille".

Why a pass of its own: the number grammar reads one number with one scale word, so
such an amount was two numbers, and the first, with nothing counted after it, was
dropped: "1 milliard 200 millions d'euros" was 200 million euros. Amounts in words
only ("un million deux cent mille") are one number for text2num and not read here.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from veille.analyze.quantities.fractions import Fraction

_GROUPED = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+"


@lru_cache(maxsize=8)
def _patterns(scales: tuple[str, ...], hundreds: tuple[str, ...] = ()
              ) -> tuple[re.Pattern[str], re.Pattern[str]]:
    alt = "|".join(sorted({re.escape(s) + "s?" for s in scales}, key=len, reverse=True))
    part_alt = "|".join(sorted({re.escape(s) + "s?" for s in (*scales, *hundreds)},
                               key=len, reverse=True))
    # spaces only: a line break ends an amount ("2 millions\n2019 a été…")
    part = (rf"[ \u00a0]+(?P<n>{_GROUPED}|\d+)(?![\d.,]\d)"
            rf"(?:[ \u00a0]+(?P<s>{part_alt})(?![a-z]))?")
    whole = re.compile(rf"(?<![\w.,-])(?<!\d )(?P<head>{_GROUPED}|\d+)[ \u00a0]+(?P<s1>{alt})"
                       rf"(?![a-z])(?=[ \u00a0]+\d)")
    return whole, re.compile(part)


def find_split_amounts(folded: str, scale_values: dict[str, float],
                       hundreds: tuple[str, ...] = ()) -> list[Fraction]:
    """Each part must be smaller than the scale before it ("3 milliards 500 millions",
    not "3 millions 500 millions"); a part with no scale word ends the amount and, after
    a scale above a thousand, is written in groups of three ("2 millions 300 000": "3
    millions 2019" is no amount). A part may be hundreds ("4 mille 3 cents" is 4,300:
    after a scale word, "cents" is no money)."""
    if not scale_values:
        return []
    whole, part = _patterns(tuple(sorted(scale_values)), hundreds)
    scale_values = {**scale_values, **{h.rstrip("s"): 100.0 for h in hundreds}}
    out = []
    for m in whole.finditer(folded):
        top = scale_values.get(m.group("s1").rstrip("s"), 0.0)
        if not top:
            continue
        # floats, not ints: a 10,000-digit run must not raise (int() refuses > 4300 digits)
        value, end, prev = float(re.sub(r"\D", "", m.group("head"))) * top, 0, top
        pos = m.end()
        while (p := part.match(folded, pos)) is not None:
            n = float(re.sub(r"\D", "", p.group("n")))
            scale = scale_values.get(p.group("s").rstrip("s"), 0.0) if p.group("s") else 1.0
            if not scale or n * scale >= prev:
                break
            if scale == 1.0 and prev > 1e3 and not re.fullmatch(_GROUPED, p.group("n")):
                break
            value, end, prev, pos = value + n * scale, p.end(), scale, p.end()
            if scale == 1.0:
                break
        if end and math.isfinite(value):
            out.append(Fraction(m.start(), end, value))
    return out


@lru_cache(maxsize=8)
def _height_pattern(feet: tuple[str, ...], inches: tuple[str, ...]) -> re.Pattern[str]:
    def alt(words: tuple[str, ...]) -> str:
        return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) or "(?!)"

    return re.compile(
        rf"(?<![\w.,'])(?P<ft>\d{{1,2}})(?:[- ](?:{alt(feet)})[- ]|['′]\s?)"
        rf"(?P<inch>\d{{1,2}}(?:\.\d+)?)(?:[- ]?(?:{alt(inches)})(?![\w])|[\"″]|''|(?![\w'\"]))")


def find_feet_and_inches(folded: str, units: dict[str, str]) -> list[Fraction]:
    """"6-foot-5", "5'7\"", "4’9”", "six feet two" in figures: a height in feet and inches,
    one measure in feet (the grammar read "6-foot" and dropped the 5). The words are the
    language's unit words for the foot and the inch; inches must be below twelve."""
    feet = tuple(w for w, u in units.items() if u == "foot" and "'" not in w)
    inches = tuple(w for w, u in units.items() if u == "inch")
    if not feet:
        return []
    out = []
    for m in _height_pattern(feet, inches).finditer(folded):
        inch = float(m.group("inch"))
        if inch < 12:
            out.append(Fraction(m.start(), m.end(), int(m.group("ft")) + inch / 12))
    return out
