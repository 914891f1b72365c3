"""A city written with its state or country is a place (#15, session 16).

"bound for Sioux Falls, South Dakota", "flew to Sioux Falls, South Dakota":
the small English model reads "Sioux Falls" as an organisation (the team of
the same name plays in the story), article after article, and the record
took that label. Writing a name, a comma and a state or a country of the
gazetteer is how a press names a place; it is evidence about the name there,
when GeoNames knows a city of that name (however many: the label needs no
link). A name with a context cue keeps its cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from veille.analyze import gazetteer
from veille.core.model import Mention

#: The cue of a city its state or country follows.
CITY_REGION = "city-region"
#: between a city and its state: a comma, with or without spaces around it
_GAP = re.compile(r"\s?,\s")


def cities_with_regions(mentions: Sequence[Mention], full: str, offset: int) -> None:
    """Relabel a city its state or country follows (cue ``city-region``)."""
    order = sorted(mentions, key=lambda m: m.start)
    for m, n in zip(order, order[1:], strict=False):
        if m.label == "LOC" or m.label_cue:
            continue
        gap = full[m.end - offset:n.start - offset]
        if not _GAP.fullmatch(gap):
            continue
        region = n.text.strip()
        if not (gazetteer.is_subdivision(region) or gazetteer.country_code(region)):
            continue
        if gazetteer.city_name(m.text):
            m.label, m.label_cue = "LOC", CITY_REGION
