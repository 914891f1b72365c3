"""Years counted back from the publication date are a year uncertain (session 11, #19).

The Arians story of news-clusters (washingtonpost.com, abcnews.go.com,
2018-01-01/02): "Arians began his coaching career 42 years ago as a graduate
assistant at Virginia Tech." / "Arians' coaching career began as a graduate
assistant at Virginia Tech in 1975." was listed as a disagreement; the
Palihapitiya one ("said in November" / "In December") is one. TimeRefs as the
times extractor stored them.
"""

from __future__ import annotations

from datetime import date

from veille.core.model import TimeRef
from veille.stories.facts import _counted_back, _overlap


def _r(text: str, a: str, b: str, gran: str, method: str) -> tuple[date, date, TimeRef]:
    t = TimeRef(text=text, start=0, end=len(text), sentence=0, value=a[:4], range_start=a,
                range_end=b, granularity=gran, method=method)
    return date.fromisoformat(a), date.fromisoformat(b), t


def test_42_years_ago_meets_1975() -> None:
    ago = [_r("42 years ago", "1976-01-01", "1976-12-31", "year", "grammar:ago")]
    year = [_r("1975", "1975-01-01", "1975-12-31", "year", "grammar:year")]
    assert not _overlap(ago, year)
    assert _overlap(_counted_back(ago), _counted_back(year))


def test_named_months_stay_exact() -> None:
    nov = [_r("in November", "2017-11-01", "2017-11-30", "month", "grammar:mon")]
    dec = [_r("In December", "2017-12-01", "2017-12-31", "month", "grammar:mon")]
    assert not _overlap(_counted_back(nov), _counted_back(dec))
    two = [_r("1973", "1973-01-01", "1973-12-31", "year", "grammar:year")]
    ago = [_r("42 years ago", "1976-01-01", "1976-12-31", "year", "grammar:ago")]
    assert not _overlap(_counted_back(ago), _counted_back(two))
