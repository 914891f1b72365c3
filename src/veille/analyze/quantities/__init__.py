"""Numbers that count or measure something, with their bounds, unit and counted noun.

A package of small modules, one job each: ``extract`` (the number grammar and the
counted noun), ``bounds`` (comparatives, approximations and one-sided ranges:
"plus de 15", "up to 3,000", "environ 500"), ``units`` (kind and SI/currency
normalisation through pint), ``fractions`` ("trois quarts", "2 1/4"), ``compare``
(re-exports ``veille.core.quantities``: one comparable key and interval per quantity,
for stories), ``evaluate`` (the gold).
The import path ``veille.analyze.quantities`` is the public one.
"""

from __future__ import annotations

from veille.analyze.quantities.extract import extract_quantities

__all__ = ["extract_quantities"]
