"""One disagreement found as two pairs is listed once, with every side.

Sentences from news-clusters (../shared/data/news-clusters), the story of
the early Facebook and Google employees' coalition (cnbc.com and
nytimes.com 2018-02-04, bbc.com 2018-02-06), quoted short: two outlets date
Chamath Palihapitiya's remark "in November", one "In December". The view
of that story listed the date disagreement twice (cnbc / bbc and nytimes /
bbc): the sentences are in no common fact, so they are compared pair by pair.
"""

from __future__ import annotations

from veille.core.views import Disagreement, Side
from veille.stories.facts import join_shared_sides

NOV = ("Chamath Palihapitiya, a venture capitalist who was an early employee at Facebook, "
       "said in November that the social network was \"ripping apart the social fabric\".")
DEC = ("In December, former Facebook executive Chamath Palihapitiya said he felt guilty about "
       "helping create tools that \"are ripping apart the social fabric\".")


def _side(article: str, source: str, text: str, month: str) -> Side:
    label = "November" if month == "2017-11" else "December"
    return Side(value=[{"text": label, "value": month, "granularity": "month"}], text=text,
                article=article, source=source)


def _pair(a: Side, b: Side) -> Disagreement:
    return Disagreement(kind="date", about=NOV[:120], fact=None, sides=[a, b])


def test_two_pairs_sharing_a_side_are_one_disagreement() -> None:
    bbc = _side("bbc", "outlet:bbc.com", DEC, "2017-12")
    found = [_pair(_side("cnbc", "outlet:cnbc.com", NOV, "2017-11"), bbc),
             _pair(_side("nyt", "outlet:nytimes.com", NOV, "2017-11"),
                   _side("bbc", "outlet:bbc.com", DEC, "2017-12"))]
    out = join_shared_sides(found)
    assert len(out) == 1
    assert sorted(sd.source for sd in out[0].sides) == [
        "outlet:bbc.com", "outlet:cnbc.com", "outlet:nytimes.com"]


def test_other_values_or_no_shared_side_stay_apart() -> None:
    bbc = _side("bbc", "outlet:bbc.com", DEC, "2017-12")
    # another month on one side: another disagreement, though it shares the BBC side
    october = _side("nyt", "outlet:nytimes.com", NOV.replace("November", "October"), "2017-10")
    assert len(join_shared_sides([_pair(_side("cnbc", "outlet:cnbc.com", NOV, "2017-11"), bbc),
                                  _pair(october, bbc)])) == 2
    # the same two months between four other articles: two disagreements
    assert len(join_shared_sides([
        _pair(_side("cnbc", "outlet:cnbc.com", NOV, "2017-11"), bbc),
        _pair(_side("nyt", "outlet:nytimes.com", NOV, "2017-11"),
              _side("usat", "outlet:usatoday.com", DEC, "2017-12"))])) == 2
