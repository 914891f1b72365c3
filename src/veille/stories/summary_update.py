"""An update's summary: the full build's selection, re-ranked over a bounded pool.

A full build ranks every statement of the story by LexRank centrality
(``summary.lexrank`` over the whole similarity graph) and chooses the summary
by MMR (``summary.build_summary``). An update used to keep that ranking as of
the last full build: a fact that the new articles made central never entered
unless it out-counted the weakest sentence in sources, and a stored sentence
the story had moved away from never left.

Re-ranking the whole story per added article is the cost the update exists to
avoid, so the update ranks a bounded pool instead: the facts of the stored
summary, the facts the new articles joined or created, and the
:data:`POOL` most carried facts of the story (the view keeps facts in that
order). Each brings at most :data:`MEMBERS` of the statements the view lists
for it (one per source first, as the view lists them). LexRank runs over
those statements, and the full build's own ``build_summary`` chooses among
them (the same filters, position prior, coverage weight, MMR and encoder
redundancy). The work is bounded by the pool, not the story: about
(POOL + summary + new facts) x MEMBERS statements.

What stays apart from a full build: centrality is that of the pool's graph
(statements outside it neither vote nor are chosen), and the position prior
counts a statement's rank among the pool's statements of its article, not
among all of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from veille.core.views import to_plain
from veille.stories.similarity import StoryVectors
from veille.stories.summary import EDGE_MIN, Embed, build_summary, lexrank
from veille.stories.units import Unit

POOL = 40  # most carried facts re-ranked besides the summary's and the new ones
MEMBERS = 8  # statements per fact in the pool's graph
SENTENCES = 5  # as ``view.build_story_view``'s default


class _PoolFact:
    """A stored fact (JSON) as ``summary.build_summary`` reads it, its
    ``units`` the positions of its statements in the pool."""

    def __init__(self, f: Mapping[str, Any], units: list[int]) -> None:
        self.id = f["id"]
        self.articles = list(f["articles"])
        self.sources = list(f["sources"])
        self.n_sources = int(f["n_sources"])
        self.languages = list(f.get("languages") or [])
        self.units = units


def resummarize(view: Mapping[str, Any], facts: Sequence[Mapping[str, Any]],
                changed: set[int], keys: Mapping[str, Mapping[str, Any]],
                embed: Embed | None) -> list[dict[str, Any]]:
    """The summary (JSON) of ``view`` chosen again over the pool (see the
    module docstring); ``changed``: positions in ``facts`` of the facts the
    update joined statements to or created; ``keys``: independence keys by
    article (the summary's teaser rule)."""
    at = {f["id"]: k for k, f in enumerate(facts)}
    in_summary = [at[s["fact"]] for s in view["summary"] if s.get("fact") in at]
    positions = list(dict.fromkeys([*range(min(POOL, len(facts))), *in_summary,
                                    *sorted(changed)]))
    article_pos = {a["uid"]: k for k, a in enumerate(view["articles"])}
    refs = []
    for p in positions:
        for m in facts[p]["members"][:MEMBERS]:
            refs.append((article_pos.get(m["article"], len(article_pos)),
                          int(m.get("sentence") or 0), int(m["start"]), p, m))
    refs.sort(key=lambda r: (r[0], r[1], r[2], r[3]))  # article order: the position prior
    units: list[Unit] = []
    members: dict[int, list[int]] = {p: [] for p in positions}
    stances = view.get("stances") or {}  # the quotes' stance speakers (units.stance_map)
    for art, sent, start, p, m in refs:
        members[p].append(len(units))
        units.append(Unit(idx=len(units), article=art, uid=m["article"], sentence=sent,
                          start=start, end=int(m["end"]), text=m["text"],
                          language=m.get("language"), caption=bool(m.get("caption")),
                          furniture_score=float(m.get("furniture_score") or 0.0),
                          imperative=bool(m.get("imperative")),
                          stances=list(stances.get(m["article"], {}).get(str(start), ()))))
    if not units:
        return list(view["summary"])
    vectors = StoryVectors([u.text for u in units])
    central = lexrank(vectors, len(units), vectors.neighbours(EDGE_MIN))
    pool = [_PoolFact(facts[p], members[p]) for p in positions if members[p]]
    languages = view.get("languages") or {}
    reader = languages.get("reader") or languages.get("main")
    chosen = build_summary(units, vectors, central, pool, keys, reader,  # type: ignore[arg-type]
                           n=SENTENCES, embed=embed,
                           titles={a["uid"]: a.get("title") for a in view["articles"]})
    return [to_plain(s) for s in chosen]


__all__ = ["MEMBERS", "POOL", "resummarize"]
