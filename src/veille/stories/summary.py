"""Extractive summary with citations: LexRank centrality, fact-level MMR.

Centrality is PageRank (power iteration, scipy) over the story's sparse sentence-similarity graph
(continuous LexRank, Erkan & Radev 2004). Selection works on facts, not
sentences: a fact stated by several outlets is one candidate whose citations
are every article stating it, so the same statement never appears twice in two
wordings. Maximal Marginal Relevance (Carbonell & Goldstein 1998) then trades
centrality and source coverage against similarity to what is already chosen.

Across languages: facts are joined across languages before (``stories.xlang``),
so a fact stated in German and English is one candidate, shown in the
reader's language and citing the articles of both. Facts with no sentence in
the reader's language are left out of the summary unless the story has no
sentence in that language at all (they stay in the view's facts),
and a candidate whose fact vector (the multilingual encoder's) is as close to
a chosen one's as two statements of one fact (``xlang.SAME_FACT``) is
redundant, whatever its language.

In one language too: outlets state the main event in their own words ("a small
plane crash killed 12 people, including 10 US citizens" / "a plane carrying 10
American tourists ... crashed, killing everyone on board"), which TF-IDF does
not see as the same. The best :data:`EMBED_CANDIDATES` candidates are embedded
(``embed``) and one at cosine >= :data:`SAME_LANGUAGE_REDUNDANT` to a chosen
sentence of its language is redundant. The threshold was chosen on the
odd-numbered stories of a labelled sample of news-clusters summary pairs and
checked on the even ones (tests/data/summary_redundancy/); same-language
paraphrases sit higher on the encoder's scale than translations, hence a
higher bar than ``SAME_FACT``.

Two ledes: each outlet's first sentence states the story's main event in its
own words ("Comedian Sarah Silverman announced ... that she and ... Michael
Sheen had split over Christmas" / "Taking a page out of Gwyneth Paltrow's
break-up book, comedian Sarah Silverman announced she and Michael Sheen ...
have 'consciously uncoupled'", cosine 0.59), so the ledes of two articles
are also one statement when the encoder's cosine plus the share of content
words they have in common reaches :data:`LEDES_RESTATE` (:func:`ledes_restate`).
Only ledes: within an article, or between later sentences, a sentence
sharing the lede's words and topic usually adds its next fact ("Kim struck
an unusually conciliatory note" / "He nevertheless couched the message in
more familiar bellicose language"), which the same test would drop. A lede
that leads on a reaction ("A German police union boss has criticized
organizers ... for designating a special 'safety area'") is no restatement
of the event's lede (:func:`reacts_apart`, from the analysis' quotes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from veille.core.text import fold_words
from veille.core.views import Fact, SummarySentence
from veille.stories.quote_matching import content_stems
from veille.stories.similarity import StoryVectors
from veille.stories.units import Unit, is_question, stance_speakers

_ENDS_SENTENCE = re.compile(r"[.!?…]['\"’”»)\]]*\s*$|[\"”»]\s*$")
MIN_WORDS = 6
MAX_WORDS = 80
EDGE_MIN = 0.05
MMR_LAMBDA = 0.7
REDUNDANT = 0.45
POSITION_DECAY = 0.5
DAMPING = 0.85
SAME_LANGUAGE_REDUNDANT = 0.6  # encoder cosine: see the module docstring
#: encoder cosine + content-stem Jaccard at which two articles' ledes in one
#: language state one event (chosen on tests/data/summary_redundancy_tune/)
LEDES_RESTATE = 0.75
EMBED_CANDIDATES = 40  # the most relevant candidates embedded: bounded work per view

Embed = Callable[[Sequence[str]], np.ndarray]  # texts -> unit vectors (rows)


def ledes_restate(cos: float, a: set[str], b: set[str], same_fact: float) -> bool:
    """Whether two ledes (their content stems ``a``, ``b``; the encoder's
    ``cos``) state one event: the cosine at least the same-fact level and,
    with the Jaccard of their stems, at :data:`LEDES_RESTATE`."""
    overlap = len(a & b) / len(a | b) if a and b else 0.0
    return cos >= same_fact and cos + overlap >= LEDES_RESTATE


def reacts_apart(a: Unit, b: Unit) -> bool:
    """Whether one of two ledes reports a reaction to the other's event rather
    than the event: it gives a speaker's stance on a thing
    (``units.stance_speakers``) and the other lede holds no content word of
    the speaker's name. An outlet that leads on the reaction ("Russia strongly
    condemned the latest missile launch", "a police union boss has criticized
    organizers ... for designating a 'safety area'") shares the event's words,
    which the two-ledes test reads as a restatement (sessions 18-19: the two
    reaction ledes it dropped), and their cosine can reach the bar any two
    sentences of one language are held to (0.60 for the police union's
    lede and the safe zone's), so neither test applies to such a pair; the
    same speaker in both ("Broadcom raised its bid ..." / "Broadcom Ltd made
    a $121 billion 'best and final offer'") stays one event. The name's words, not its
    entity: an update reads stored statements back with their words only,
    and both paths must agree."""
    for x, y in ((a, b), (b, a)):
        for speaker in stance_speakers(x):
            if not content_stems(speaker, x.language) & content_stems(y.text, y.language):
                return True
    return False


def ledes(units: Sequence[Unit]) -> set[int]:
    """Positions of each article's first stand-alone sentence (:func:`candidate`)
    among ``units``: in a full build the article's lede; in an update, whose
    units are a pool of the story's statements, its first one in the pool."""
    out: dict[int, int] = {}
    for i, u in enumerate(units):
        if u.article not in out and candidate(u):
            out[u.article] = i
    return set(out.values())


def redundant_bar(same_language: bool, same_fact: float) -> float:
    """The encoder cosine at which a sentence restates a chosen one: the
    same-fact level across languages, at least :data:`SAME_LANGUAGE_REDUNDANT`
    within one (a full build's MMR and an incremental update's promotion)."""
    return max(same_fact, SAME_LANGUAGE_REDUNDANT) if same_language else same_fact


def candidate(u: Unit) -> bool:
    """Sentences fit to stand alone in a summary: not captions, not headings or fragments."""
    t = u.text.strip()
    if u.caption or not (MIN_WORDS <= u.n_words <= MAX_WORDS):
        return False
    # a statement ends like a sentence: headlines repeated in the body ("Nigeria
    # Says 21 Schoolgirls Have Been Released") and cut fragments do not
    if not _ENDS_SENTENCE.search(t):
        return False
    if is_question(t):
        return False
    return t[:1].isupper() or t[:1].isdigit() or t[:1] in "«\"“"


_POSSESSOR = re.compile(r"([^\W\d_][\w.&-]*)['’]s\s")


def names_own_outlet(u: Unit, keys: Mapping[str, Mapping[str, Any]]) -> bool:
    """A sentence opening on its own outlet's possessive ("NPR's Ari Shapiro
    talks to Vivienne Walt ... about the truck attack", on npr.org) is the
    outlet presenting its programme or staff, a teaser, not a statement of the
    story. The outlet's name is its domain's first label (``outlet:npr.org``)
    or the wire agency (``wire:AP``); another possessor ("Fox's firing", on
    nfl.com) is news."""
    m = _POSSESSOR.match(u.text.strip())
    key = str((keys.get(u.uid) or {}).get("key") or "")
    if m is None or ":" not in key:
        return False
    name = key.split(":", 1)[1].lower().removeprefix("www.").split(".")[0]
    return bool(name) and m.group(1).replace(".", "").lower() == name


_CLOSES_DATELINE = re.compile(r"^(?:[—–-]|\()")
HEADING_WORDS = 3  # words in capitals that open a sentence glued to a heading


def opens_on_capitals(text: str) -> bool:
    """A sentence opening on a run of :data:`HEADING_WORDS` or more words in
    capitals that no dash or parenthesis closes: a subheading glued to the
    sentence by the page's extraction ("THE MOON GARDEN According to the
    Chongqing Morning Post, ..."), a graphic's labels ("200 FEET LAS VEGAS
    BOULEVARD CROWD STAGE Site of ...") or a lede set in capitals ("NOT
    CONTENT WITH CHIPS Intel has ..."): not a sentence to quote as written. A
    dateline ("RIO DE JANEIRO — ...", "WASHINGTON (Reuters) - ...") ends on its
    dash or parenthesis and stays a candidate."""
    capitals = 0
    for w in text.split():
        if _CLOSES_DATELINE.match(w):
            return False
        if any(c.islower() for c in w):
            break
        if sum(c.isupper() for c in w) >= 2:
            capitals += 1
    return capitals >= HEADING_WORDS


def repeats_headline(text: str, title: str | None) -> bool:
    """The article's own headline as a sentence of its body, alone or behind a
    dateline ("LAKE FOREST, Ill. — Chicago Bears fire coach John Fox after 5-11
    season.", washingtonpost.com, under that headline): a headline, which the
    view's title already shows, not a statement of the story."""
    if not title:
        return False
    t, h = fold_words(text), fold_words(title)
    return bool(h) and (t == h or (t.endswith(" " + h)
                                   and len(t.split()) - len(h.split()) <= DATELINE_WORDS))


DATELINE_WORDS = 4  # words a dateline puts before a repeated headline ("lake forest ill")


def quotable(u: Unit, keys: Mapping[str, Mapping[str, Any]],
             titles: Mapping[str, str | None] | None = None) -> bool:
    """A candidate the summary may show: stand-alone (:func:`candidate`), not
    the outlet presenting itself, not opening on capitals, not its headline,
    not an imperative (the analysis' parse, ``Unit.imperative``: "Find out
    what Hadley Heath Manning has to say about it.", a teaser; "But do take
    note of the dating on the components", an aside to the reader)."""
    return (candidate(u) and not u.imperative and not names_own_outlet(u, keys)
            and not opens_on_capitals(u.text)
            and not repeats_headline(u.text, (titles or {}).get(u.uid)))


#: A sentence the furniture detector scores this high, under its verdict's
#: threshold, is a suspect: a caption or a blurb the trees were unsure of.
SUSPECT_FURNITURE = 0.3
#: A suspect is left out when the summary has enough clean candidates at least
#: this share of its relevance.
CLEAN_SIMILAR = 0.5


def prefer_clean(units: Sequence[Unit], cands: list[tuple[int, int, float]],
                 n: int) -> list[tuple[int, int, float]]:
    """``cands`` without the suspects (:data:`SUSPECT_FURNITURE`) that ``n``
    clean candidates of similar relevance (:data:`CLEAN_SIMILAR`) can
    replace. The detector's verdict keeps its threshold for precision (a
    flagged line leaves the quotes and facts too); a summary sentence is one
    of five, shown first, so a near-furniture line there costs more than a
    clean sentence a little less central. A suspect stays when the story has
    too few clean alternatives: a short summary loses facts."""
    clean = sorted((c[2] for c in cands if units[c[1]].furniture_score < SUSPECT_FURNITURE),
                   reverse=True)
    return [c for c in cands if units[c[1]].furniture_score < SUSPECT_FURNITURE
            or len(clean) < n or clean[n - 1] < CLEAN_SIMILAR * c[2]]


def lexrank(vectors: StoryVectors, n_units: int,
            edges: Sequence[tuple[int, int, float]]) -> np.ndarray:
    """Continuous LexRank (PageRank, damping 0.85) of the first ``n_units`` texts.

    Computed on the story's distinct texts with their multiplicity, which is
    exact for the statement graph where a repeated sentence is one node per
    article (identical texts link with weight 1): a row's mass is the sum of its
    units', each unit gets its row's share. Edges are the blocked neighbour
    pairs at or above EDGE_MIN (a bounded number per text), so the work is
    linear in the story's size.
    """
    if n_units == 0:
        return np.zeros(0)
    import scipy.sparse as sp

    rows = vectors.row[:n_units]
    n_rows = vectors.x.shape[0]
    m = np.bincount(rows, minlength=n_rows).astype(float)  # text units per row
    a = [r for r, s_, v in edges if v >= EDGE_MIN and m[r] and m[s_]]
    b = [s_ for r, s_, v in edges if v >= EDGE_MIN and m[r] and m[s_]]
    w = [v for r, s_, v in edges if v >= EDGE_MIN and m[r] and m[s_]]
    sym = sp.coo_matrix((w + w, (a + b, b + a)), shape=(n_rows, n_rows)).tocsr()
    # transition weights from one unit of row j to all units of row i
    t = sym @ sp.diags(m)  # t[j, i] = c_ji * m_i
    t = (t + sp.diags(np.maximum(m - 1.0, 0.0))).tocsr()
    out_w = np.asarray(t.sum(axis=1)).ravel()  # W_j
    dangling = out_w == 0
    inv = np.where(dangling, 0.0, 1.0 / np.where(dangling, 1.0, out_w))
    p_t = (sp.diags(inv) @ t).T.tocsr()  # column-stochastic over rows with out-weight
    total = float(n_units)
    base = m / total
    p = base.copy()
    for _ in range(100):
        dang = float(p[dangling].sum())
        nxt = (1 - DAMPING) * base + DAMPING * (p_t @ p + dang * base)
        done = float(np.abs(nxt - p).sum()) < 1e-6 * n_rows
        p = nxt
        if done:
            break
    per_unit = np.where(m > 0, p / np.where(m > 0, m, 1.0), 0.0)
    return np.asarray(per_unit[rows], dtype=float)


def position_prior(units: Sequence[Unit]) -> np.ndarray:
    """News puts what matters first: weight 1/(1+k)**POSITION_DECAY for the k-th
    stand-alone sentence of its article (captions and fragments do not count)."""
    out = np.ones(len(units))
    seen: dict[int, int] = {}
    for i, u in enumerate(units):
        k = seen.get(u.article, 0)
        out[i] = 1.0 / (1.0 + k) ** POSITION_DECAY
        if candidate(u):
            seen[u.article] = k + 1
    return out


def lead_baseline(units: Sequence[Unit], n: int) -> list[Unit]:
    """First candidate sentences of each article in turn (the classic lead baseline)."""
    per_article: dict[int, list[Unit]] = {}
    for u in units:
        if candidate(u):
            per_article.setdefault(u.article, []).append(u)
    out: list[Unit] = []
    depth = 0
    while len(out) < n and any(depth < len(v) for v in per_article.values()):
        for a in sorted(per_article):
            if depth < len(per_article[a]) and len(out) < n:
                out.append(per_article[a][depth])
        depth += 1
    return out


def build_summary(
    units: Sequence[Unit],
    vectors: StoryVectors,
    centrality: np.ndarray,
    facts: Sequence[Fact],
    keys: Mapping[str, Mapping[str, Any]],
    main_language: str | None,
    n: int = 5,
    *,
    fact_vectors: Mapping[str, np.ndarray] | None = None,
    same_fact: float = 0.49,
    embed: Embed | None = None,
    titles: Mapping[str, str | None] | None = None,
) -> list[SummarySentence]:
    """Up to ``n`` sentences; ``main_language`` is the reader's language;
    ``embed``: the encoder, for redundancy within a language (None: wording only);
    ``titles``: each article's headline, by uid (see :func:`repeats_headline`)."""
    fact_vectors = fact_vectors or {}
    n_sources_total = max(len({k["key"] for k in keys.values()}), 1)
    position = position_prior(units)
    cands: list[tuple[int, int, float]] = []  # (fact index, unit index, relevance)
    for fi, f in enumerate(facts):
        members = [i for i in f.units if quotable(units[i], keys, titles)]
        if not members:
            continue
        same_lang = [i for i in members if units[i].language == main_language]
        among = same_lang or members
        # a fact stated by a caption and by prose is shown in its prose
        among = [i for i in among if units[i].furniture_score < SUSPECT_FURNITURE] or among
        best = max(among, key=lambda i: centrality[i] * position[i])
        cov = f.n_sources / n_sources_total
        rel = float(max(centrality[i] * position[i] for i in f.units)) * (1.0 + 0.5 * cov)
        cands.append((fi, best, rel))
    if not cands:
        return []
    cands = prefer_clean(units, cands, n)
    # the reader's language first: a fact with no sentence in it is a candidate
    # only once those that have one are exhausted
    is_own = [units[c[1]].language == main_language or main_language is None for c in cands]
    own = [c for c, o in zip(cands, is_own, strict=True) if o]
    foreign = [c for c, o in zip(cands, is_own, strict=True) if not o]
    # Sentences in another language only when the story has none in the
    # reader's: a shorter summary (said in the view's ``missing``) beats
    # untranslated sentences, and the facts they state are in ``facts``.
    chosen = _mmr(units, vectors, own or foreign, n, facts, fact_vectors, same_fact, embed,
                  ledes(units))
    top = max(c[2] for c in cands) or 1.0
    # the lead facts first: in the order MMR chose them (most relevant, then
    # the most relevant of what is left that says something new)
    out = []
    for fi, ui, rel in chosen:
        f, u = facts[fi], units[ui]
        out.append(SummarySentence(
            text=u.text, article=u.uid, start=u.start, end=u.end, language=u.language,
            fact=f.id, citations=list(f.articles), sources=list(f.sources),
            n_sources=f.n_sources, score=round(rel / top, 4), languages=list(f.languages),
        ))
    return out


def _mmr(units: Sequence[Unit], vectors: StoryVectors, cands: list[tuple[int, int, float]],
         n: int, facts: Sequence[Fact], fact_vectors: Mapping[str, np.ndarray],
         same_fact: float, embed: Embed | None = None,
         lede_units: set[int] | None = None) -> list[tuple[int, int, float]]:
    """MMR over ``cands``; redundancy is wording (TF-IDF) or, for candidates
    with a vector, the encoder's cosine: at the same-fact level across
    languages, at :data:`SAME_LANGUAGE_REDUNDANT` within one, and for the
    ledes (``lede_units``) of two articles :func:`ledes_restate`.

    Vectors are fetched lazily: a candidate is embedded only when MMR comes to
    it (with the few next in line, as one batch), not the
    :data:`EMBED_CANDIDATES` best up front. The choice is the same as with all
    embedded first: a candidate close to a chosen sentence is never chosen
    either way, and skipping it changes nothing for the others. Embedding 40
    sentences per view was 40 % of the views' cost at ingest (most stories are
    small, their summary settled in a few steps)."""
    if not cands:
        return []
    top = max(c[2] for c in cands) or 1.0
    chosen: list[tuple[int, int, float]] = []
    rels = np.array([c[2] for c in cands]) / top
    cand_units = [c[1] for c in cands]
    red = np.zeros(len(cands))  # highest wording similarity to a chosen sentence
    alive = np.ones(len(cands), dtype=bool)
    vecs = _LazyVectors(units, cands, facts, fact_vectors, embed)
    langs = [units[c[1]].language or "" for c in cands]
    lede = lede_units or set()
    stems: dict[int, set[str]] = {}
    chosen_with_vector: list[int] = []

    def stems_of(k: int) -> set[str]:
        got = stems.get(k)
        if got is None:
            got = stems[k] = content_stems(units[cands[k][1]].text, langs[k] or None)
        return got

    def close_to_chosen(k: int, order: np.ndarray) -> bool:
        if not chosen_with_vector:
            return False
        v = vecs.get(k, order, n - len(chosen))
        if v is None:
            return False
        for j in chosen_with_vector:
            cos = float(v @ vecs.vectors[j])
            ledes_of_two = langs[j] == langs[k] and cands[j][1] in lede \
                and cands[k][1] in lede and units[cands[j][1]].article != units[cands[k][1]].article
            if ledes_of_two and reacts_apart(units[cands[j][1]], units[cands[k][1]]):
                continue  # a reaction to the event, whatever the words they share
            if cos >= redundant_bar(langs[j] == langs[k], same_fact):
                return True
            if ledes_of_two and ledes_restate(cos, stems_of(j), stems_of(k), same_fact):
                return True
        return False

    while alive.any() and len(chosen) < n:
        mmr = np.where(alive, MMR_LAMBDA * rels - (1 - MMR_LAMBDA) * red, -np.inf)
        k = int(np.argmax(mmr))
        alive[k] = False
        # the same statement in other words or another language: fully redundant
        if red[k] >= REDUNDANT or close_to_chosen(k, np.where(alive, mmr, -np.inf)):
            continue
        chosen.append(cands[k])
        red = np.maximum(red, vectors.sims(cands[k][1], cand_units))
        if len(chosen) < n and vecs.get(k, np.where(alive, mmr, -np.inf), n - len(chosen) + 1) \
                is not None:
            chosen_with_vector.append(k)
    return chosen


class _LazyVectors:
    """Unit vectors of the candidates, fetched when MMR needs them: the fact's
    cross-language vector where there is one, else, for the
    :data:`EMBED_CANDIDATES` most relevant, the encoder's vector of the
    candidate sentence (bounded work per view)."""

    def __init__(self, units: Sequence[Unit], cands: list[tuple[int, int, float]],
                 facts: Sequence[Fact], fact_vectors: Mapping[str, np.ndarray],
                 embed: Embed | None) -> None:
        self.units, self.cands, self.embed = units, cands, embed
        self.vectors: dict[int, np.ndarray] = {}
        for k, c in enumerate(cands):
            v = fact_vectors.get(facts[c[0]].id)
            if v is not None:
                self.vectors[k] = np.asarray(v, dtype=np.float32)
        best = sorted(range(len(cands)), key=lambda k: -cands[k][2])[:EMBED_CANDIDATES]
        self.embeddable = set(best) - set(self.vectors) if embed is not None else set()

    def get(self, k: int, order: np.ndarray, batch: int) -> np.ndarray | None:
        """``k``'s vector (None: it has none). One that must be embedded is
        embedded with up to ``batch - 1`` others, the next candidates in MMR
        ``order`` (-inf: not alive) that would need one."""
        if k not in self.embeddable or self.embed is None:
            return self.vectors.get(k)
        nxt = [j for j in (int(x) for x in np.argsort(-order, kind="stable"))
               if order[j] > -np.inf and j in self.embeddable and j != k][:max(batch - 1, 0)]
        todo = [k, *nxt]
        rows = np.asarray(self.embed([self.units[self.cands[j][1]].text for j in todo]),
                          dtype=np.float32)
        for j, row in zip(todo, rows, strict=True):
            self.vectors[j] = row
            self.embeddable.discard(j)
        return self.vectors[k]
