"""Facts compare quantities through ``core.quantities.comparable`` (issue #17).

Sentences of the North Korean missile story in news-clusters
(../shared/data/news-clusters, 2017-08-28/29: nytimes.com, thesun.co.uk and two wire
rewrites), quoted short and run through the quantity extractor: the landing point is
a position east of Cape Erimo, given in miles or kilometres, with or without a
conversion in brackets; the distance flown is another measure in the same unit.
"""

from __future__ import annotations

from veille.analyze.quantities import extract_quantities
from veille.stories.facts import quantity_keys
from veille.stories.units import Unit

LANDED_NYT = ("before breaking into three pieces and landing about 730 miles off the coast "
              "of Cape Erimo on Hokkaido")
LANDED_SUGA = ("Japan’s Chief Cabinet Secretary Yoshihide Suga said the latest missile fell "
               "into the sea 1,180 km (735 miles) east of Cape Erimo on Hokkaido")
LANDED_WIRE = ("The government said the missile landed around 2,000 kilometers east off the "
               "cape of Erimo in Hokkaido at around 7:16 am local time")
FLOWN_SUN = ("The missile travelled around 1,677 miles before it broke into three pieces and "
             "landed in the sea off the east coast of Hokkaido, according to NHK.")


def _unit(text: str, uid: str) -> Unit:
    return Unit(idx=0, article=0, uid=uid, sentence=0, start=0, end=len(text), text=text,
                language="en", quantities=extract_quantities(text, [], "en"))


def _distance_keys(text: str) -> set[str]:
    return {k for k in quantity_keys(_unit(text, "x")) if k == "m" or k.startswith("m@")}


def test_a_position_never_meets_a_distance_flown() -> None:
    assert _distance_keys(LANDED_NYT) == {"m@erimo"}
    assert _distance_keys(FLOWN_SUN) == {"m"}
    assert not _distance_keys(LANDED_NYT) & _distance_keys(FLOWN_SUN)


def test_positions_from_one_place_meet_across_units_and_brackets() -> None:
    # miles and kilometres, the bracketed conversion and "east off the cape of Erimo"
    assert _distance_keys(LANDED_SUGA) == {"m@erimo"}
    assert _distance_keys(LANDED_WIRE) == {"m@erimo"}
    keys = quantity_keys(_unit(LANDED_SUGA, "suga"))["m@erimo"]
    # 1,180 km and 735 miles are two statements of about one distance, in metres
    assert {round(lo or 0, -4) for lo, _ in keys} == {1180000.0}


def test_counts_keep_the_counted_noun() -> None:
    # "three pieces" in both tellings is one count of one noun
    assert "piece" in quantity_keys(_unit(LANDED_NYT, "nyt"))
    assert quantity_keys(_unit(FLOWN_SUN, "sun"))["piece"] == {(3.0, 3.0)}
