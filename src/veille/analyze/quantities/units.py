"""What kind a quantity is, and its value in a unit every article shares.

Why pint: conversions between units (miles, feet, gallons, barrels, acres,
tonnes...) are a maintained library's job, with the factors checked by its
users; the language packs only map words to unit codes. Money keeps its ISO
4217 code (rates change daily: converting would put a date-dependent guess in
the analysis). Offset units (°C, °F) get no factor, as a factor would be wrong.
pint's registry takes ~0.5 s to build, so it is built once, on the first unit.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from veille.core.model import Quantity

#: our unit codes whose pint name differs (news "barrel" is the oil barrel)
_PINT_NAMES = {
    "barrel": "oil_barrel", "ft3": "ft**3", "ft2": "ft**2", "m2": "m**2", "km2": "km**2",
    "mi2": "mi**2", "m3": "m**3", "cm3": "cm**3", "km3": "km**3", "°": "degree",
    "µg": "microgram", "l": "liter", "t": "metric_ton",
    "Mt": "megametric_ton", "kWh": "kilowatt_hour", "TWh": "terawatt_hour",
}  # fmt: skip
_OFFSET = {"°C", "°F"}
#: our codes that are no physical unit (pint would read "pp", percentage points, as
#: the printer's point, a length)
_NOT_PHYSICAL = {"pp"}


@lru_cache(maxsize=1)
def _registry() -> Any:
    import pint  # deferred: the registry is slow to build and most texts have no unit

    return pint.UnitRegistry()


@lru_cache(maxsize=256)
def si_of(unit: str) -> tuple[str, float] | None:
    """(SI base unit, factor) of one of our unit codes; None when pint does not know it."""
    if unit in _OFFSET or unit in _NOT_PHYSICAL:
        return None
    try:
        ureg = _registry()
        base = ureg.Quantity(1.0, _PINT_NAMES.get(unit, unit)).to_base_units()
        return f"{base.units:~}".replace(" ", ""), float(base.magnitude)
    except Exception:  # pint raises its own error family for unknown names
        return None


def classify(q: Quantity, currencies: set[str]) -> Quantity:
    """Set ``kind``, ``si_unit`` and ``si_factor`` of ``q`` from its unit."""
    if q.unit is None:
        return q
    if q.unit == "percent":
        q.kind = "percent"
    elif q.unit in currencies:
        q.kind = "money"
        q.si_unit, q.si_factor = q.unit, 1.0
    else:
        q.kind = "measure"
        si = si_of(q.unit)
        if si is not None:
            q.si_unit, q.si_factor = si
    return q
