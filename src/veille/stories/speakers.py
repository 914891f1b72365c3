"""Who said what, and quotes rendered differently by different outlets.

The story's quotes are grouped by statement (:mod:`veille.stories.quote_matching`);
each group is listed under its speaker with every rendering, and a group whose
direct renderings word the statement differently is a disagreement to show
side by side.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from veille.core.model import Quote
from veille.core.text import fold_words
from veille.stories.quote_matching import (
    MIN_OVERLAP,
    MIN_WORDS,
    StoryQuote,
    _words,
    differing_renderings,
    group_story_quotes,
    quote_from_stored,
    speaker_key,
)
from veille.stories.units import Unit

#: Quote kinds that are no statement (see veille.analyze.quotes.extract.non_speech_kind).
NOT_SPEECH = frozenset({"title", "term"})
#: A partial quote (marks around words inside the reporter's sentence) shorter
#: than this is a word the outlet marks ("multiple", "horrified"), shown in its
#: sentence, not a statement of its own; "fire and fury" stays.
MIN_PARTIAL_WORDS = 3
_NAME_WORD = re.compile(r"\w+", re.UNICODE)
#: How the extractor found a statement that the page does not list as said.
#: ``indirect-frame-similar`` is the frame model reading the object or clause
#: of a verb no attribution gold taught it ("released photographs of the crash
#: site", "found 23 guns", "worked as a hostess"). PolNeAR counts acts as
#: attributions, so the extractor keeps them (its F1 rises with them), but
#: "Who said what" lists what someone said: of 40 such statements drawn at
#: random from the English news-clusters stories (session 15, not tuned on),
#: about 10 were speech ("criticized ...", "apologized for ...") and 30 acts;
#: such statements are 335 of the 5,463 those stories hold (6 %).
NOT_SAID = frozenset({"indirect-frame-similar"})
#: Words after a name that make another person of the same name ("Donald Trump Jr.").
GENERATION = frozenset({"jr", "sr", "junior", "senior", "ii", "iii", "iv", "fils", "père"})


def collect_quotes(units: Sequence[Unit]) -> list[StoryQuote]:
    """Every quote of the story, except one nested in another quote of its
    sentence with the same (or no) speaker: 'Johnson said he was "horrified"
    by ...' is one statement, not that and "horrified" again."""
    out = []
    for u in units:
        kept: list[Quote] = []
        for q in sorted(map(quote_from_stored, u.quotes), key=lambda q: (q.start, -q.end)):
            if not (q.text or "").strip() or q.kind in NOT_SPEECH:
                continue  # a title or a scare-quoted term is nobody's statement
            if q.method in NOT_SAID:
                continue  # an act read as a statement more often than speech
            if q.kind == "partial" and len(_NAME_WORD.findall(q.text)) < MIN_PARTIAL_WORDS:
                continue  # 'the deaths of "multiple" Americans': a word marked, not a statement
            if any(o.start <= q.start and q.end <= o.end
                   and speaker_key(q) in (None, speaker_key(o)) for o in kept):
                continue
            kept.append(q)
            out.append(StoryQuote(q, u))
    return out


def build_speakers(
    units: Sequence[Unit],
    keys: Mapping[str, Mapping[str, Any]],
    entities: Mapping[str, Any],
    *,
    copies: Mapping[str, Sequence[str]] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(who said what, quote disagreements). ``copies``: articles folded as
    copies of a built one, whose sources count for its quotes too."""
    copies = copies or {}
    quotes = collect_quotes(units)
    groups = group_story_quotes(quotes)
    surfaces: dict[str, Counter[str]] = {}  # how the story's sentences name each speaker
    for x in quotes:
        if x.quote.speaker_entity_id and x.quote.speaker:
            surfaces.setdefault(x.quote.speaker_entity_id, Counter())[x.quote.speaker] += 1
    by_speaker: dict[str, dict[str, Any]] = {}
    disagreements: list[dict[str, Any]] = []
    for g in groups:
        items = [quotes[i] for i in g]
        spk_id = next((x.quote.speaker_entity_id for x in items if x.quote.speaker_entity_id), None)
        spk_name = next((x.quote.speaker_canonical or x.quote.speaker for x in items
                         if x.quote.speaker_canonical or x.quote.speaker), None)
        if spk_id and spk_id in entities:
            rec = entities[spk_id]
            canonical = _get(rec, "canonical") or spk_name
            named = Counter(surfaces.get(spk_id) or {})
            named.update({str(a): 0 for a in _get(rec, "aliases") or () if str(a) not in named})
            spk_name = display_name(str(canonical), named) if canonical else None
        key = spk_id or (f"name:{fold_words(spk_name)}" if spk_name else "unknown")
        entry = by_speaker.setdefault(
            key,
            {"speaker": spk_name or "unknown speaker", "entity_id": spk_id, "quotes": [],
             "sources": set()},
        )
        renderings = []
        for x in items:
            q, u = x.quote, x.unit
            renderings.append({
                "text": q.text,
                "kind": q.kind,
                "verb": q.verb,
                "article": u.uid,
                "source": keys[u.uid]["key"],
                "sentence": u.text,
            })
        srcs = sorted({r["source"] for r in renderings}
                      | {keys[c]["key"] for r in renderings for c in copies.get(r["article"], ())})
        entry["quotes"].append({
            "text": renderings[0]["text"],
            "renderings": _shown(renderings),
            "n_renderings": len(renderings),
            "n_sources": len(srcs),
            "sources": srcs,
        })
        entry["sources"].update(srcs)
        direct = differing_renderings([r for r in renderings if r["kind"] in ("direct", "partial")])
        if direct:
            disagreements.append({
                "kind": "quote_wording",
                "about": spk_name or "unknown speaker",
                "fact": None,
                "sides": [{"value": r["text"], "text": r["sentence"], "article": r["article"],
                           "source": r["source"]} for r in direct],
            })
    return join_speakers(list(by_speaker.values())), disagreements


def display_name(canonical: str, surfaces: Counter[str] | None) -> str:
    """The name a linked speaker is shown by: the entity's canonical name,
    unless the story's sentences never name the speaker so and do name them
    by a part of it of two words or more ("Elon Musk" for a canonical name
    that kept a video clock and a descriptor: "0:54 Billionaire Elon Musk").
    The most frequent such part wins; a lone surname never replaces a full name.
    ``surfaces``: the names the quotes give, with their counts, and the
    entity's other aliases (count 0: a form, not evidence of use)."""
    if not surfaces:
        return canonical
    if any(len(w) > 1 and w.isupper() for w in canonical.split()):
        # a tabloid's capitalised lede ("MICHAEL Sheen joked ..."): the same
        # name as the rest of the text writes it, when some form does
        key = fold_words(canonical)
        plain = [(n, name) for name, n in surfaces.items() if fold_words(name) == key
                 and not any(len(w) > 1 and w.isupper() for w in name.split())]
        if plain:
            return max(plain)[1]
    if surfaces.get(canonical):
        return canonical
    full = f" {fold_words(canonical)} "
    parts = [(n, name) for name, n in surfaces.items()
             if n and len(fold_words(name).split()) >= 2 and f" {fold_words(name)} " in full]
    return max(parts, key=lambda p: (p[0], len(p[1])))[1] if parts else canonical


def join_speakers(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One person, one speaker: the entries (built now, or stored and merged
    by an update) with names that are one person's joined, counted and sorted.

    The linker joins the forms of a name within an article; across articles
    they can stay apart (a recogniser that called "Trump" an organisation, a
    language with no entity pipeline, a Spanish second surname one outlet
    gives and another leaves out: "Enio Cubillo" / "Enio Cubillo Araya"), and
    the page showed one person as two speakers. A name joins the one longer
    name of the story it is a short form of (:func:`_short_form`); two
    candidates ("Boris Johnson", "Stanley Johnson" for "Johnson") leave it
    apart: which one is meant, the page cannot know. Shorter names are decided
    first, so "Cubillo" -> "Enio Cubillo" -> "Enio Cubillo Araya" chains."""
    for e in entries:
        e["sources"] = set(e["sources"])
    alive = set(range(len(entries)))
    words = [fold_words(str(e["speaker"])).split() for e in entries]
    # longer names by their last word (surnames) and first word (short forms):
    # each name is compared with the few that could be its full form, so a
    # story of thousands of speakers stays linear
    by_last: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    for j, w in enumerate(words):
        if len(w) >= 2:
            by_last.setdefault(w[-1], []).append(j)
            by_first.setdefault(w[0], []).append(j)
    # one name written alike, linked in one article and not in another ("Ice
    # Universe" per:ice-universe / unlinked): one speaker, unless two
    # different entities bear it
    same: dict[str, list[int]] = {}
    for k, w in enumerate(words):
        if w and entries[k]["speaker"] != "unknown speaker" and str(entries[k]["speaker"])[:1].isupper():
            same.setdefault(" ".join(w), []).append(k)
    for ks in same.values():
        ids = {str(entries[k].get("entity_id")) for k in ks if entries[k].get("entity_id")}
        if len(ks) < 2 or len(ids) > 1:
            continue
        host = min(ks, key=lambda k: (not entries[k].get("entity_id"), k))
        for k in ks:
            if k != host:
                for q in entries[k]["quotes"]:
                    merge_quote(entries[host]["quotes"], q, excerpts_only=True)
                entries[host]["sources"].update(entries[k]["sources"])
                alive.discard(k)
    # whether each entry is person-like, decided once (names and entity ids
    # do not change below; asked again per candidate, it was half the cost of
    # joining the ~2,500 stored speakers of a big story at each update)
    person = [_person_like(e) for e in entries]
    for k in sorted(alive, key=lambda k: (len(words[k]), k)):
        e = entries[k]
        name = str(e["speaker"])
        if e["speaker"] == "unknown speaker" or not words[k] or not name[:1].isupper() \
                or str(e.get("entity_id") or "").startswith("loc:"):
            continue  # "officials", a place ("Seoul" is no surname of "Soyoung Kim Seoul")
        if len(words[k]) >= 2 and not person[k]:
            continue
        near = by_last.get(words[k][0], []) if len(words[k]) == 1 \
            else by_first.get(words[k][0], [])
        cands = [j for j in near if j != k and j in alive and len(words[j]) > len(words[k])
                 and person[j] and _short_form(words[k], words[j])
                 # two names of several words: a linker's person on one side at
                 # least ("United Nations" is no short form of a person, nor of
                 # "United Nations Security Council")
                 and (len(words[k]) == 1 or _is_person(e) or _is_person(entries[j]))]
        if len(cands) > 1:  # "Donald Trump" and a misread "Earlier Trump": the person
            cands = [j for j in cands
                     if str(entries[j].get("entity_id") or "").startswith("per:")]
        if len(cands) != 1:
            continue
        into = entries[cands[0]]
        for q in e["quotes"]:  # a statement both forms of the name rendered is one quote
            merge_quote(into["quotes"], q, excerpts_only=True)
        into["sources"].update(e["sources"])
        alive.remove(k)
    out = []
    for k in sorted(alive):
        entry = entries[k]
        entry["sources"] = sorted(entry["sources"])
        entry["n_quotes"] = len(entry["quotes"])
        out.append(entry)
    out.sort(key=lambda e: (e["speaker"] == "unknown speaker", -e["n_quotes"], e["speaker"]))
    return out


def _short_form(short: list[str], full: list[str]) -> bool:
    """``short`` names the person ``full`` names, in fewer words: the surname
    alone ("Borissow" of "Bojko Borissow"), or the first words ("Enio Cubillo"
    of "Enio Cubillo Araya", whose second surname one outlet leaves out), or
    the first and last with a middle name left out ("George Bush" of "George
    W. Bush"). A generation mark among the extra words is another person
    ("Donald Trump" is not "Donald Trump Jr.")."""
    if len(short) == 1:
        return full[-1] == short[0]
    if short[0] != full[0] or GENERATION.intersection(full[len(short):]):
        return False
    it = iter(full)
    return all(w in it for w in short)  # an ordered subsequence


def _is_person(e: dict[str, Any]) -> bool:
    return str(e.get("entity_id") or "").startswith("per:")


def _person_like(e: dict[str, Any]) -> bool:
    """A linked person, or an unlinked name of capitalised words only ("Bojko
    Borissow"; not "any strike near Pyongyang", "A spokesman for Microsoft")."""
    eid = str(e.get("entity_id") or "")
    if eid:
        return eid.startswith("per:")
    words = str(e["speaker"]).split()
    return all(w[:1].isupper() and not any(c.isdigit() for c in w) for w in words)


MAX_RENDERINGS_SHOWN = 50


def merge_quote(quotes: list[dict[str, Any]], q: dict[str, Any], *,
                excerpts_only: bool = False) -> None:
    """Add quote ``q`` (plain, with its renderings) to a speaker's ``quotes``:
    into the quote it renders — the same words, or the word-overlap test of
    ``quote_matching.match_by_words`` — else as a quote of its own. Used when
    an update adds a new article's quotes to a stored speaker, and (with
    ``excerpts_only``: the same words, or one an excerpt of the other of at
    least MIN_WORDS words; the overlap test joins two statements that share
    "the" and "rocket") when two forms of one name are joined."""
    qw = _words(q["text"])
    qf = fold_words(q["text"])
    match = None
    for old in quotes:
        of = fold_words(old["text"])
        if of == qf or (excerpts_only and min(len(of.split()), len(qf.split())) >= MIN_WORDS
                        and (f" {of} " in f" {qf} " or f" {qf} " in f" {of} ")):
            match = old  # the same words, however short (as match_by_words)
            break
        if excerpts_only:
            continue
        ow = _words(old["text"])
        if len(qw) < MIN_WORDS or len(ow) < MIN_WORDS:
            continue
        shared = qw & ow
        if len(shared) >= 2 and len(shared) / min(len(qw), len(ow)) >= MIN_OVERLAP:
            match = old
            break
    if match is None:
        quotes.append(q)
        return
    before = int(match.get("n_renderings") or len(match["renderings"]))
    room = MAX_RENDERINGS_SHOWN - len(match["renderings"])
    match["renderings"].extend(q["renderings"][:max(room, 0)])
    match["n_renderings"] = before + int(q.get("n_renderings") or len(q["renderings"]))
    match["sources"] = sorted(set(match["sources"]) | set(q["sources"]))
    match["n_sources"] = len(match["sources"])


def _shown(renderings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """At most MAX_RENDERINGS_SHOWN renderings: one per source first, then the others
    in order (a dispatch quoted by thousands of sites keeps a bounded view)."""
    if len(renderings) <= MAX_RENDERINGS_SHOWN:
        return renderings
    first: dict[str, int] = {}
    for k, r in enumerate(renderings):
        first.setdefault(r["source"], k)
    keep = sorted(first.values())[:MAX_RENDERINGS_SHOWN]
    rest = [k for k in range(len(renderings)) if k not in set(keep)]
    keep = sorted(keep + rest[:MAX_RENDERINGS_SHOWN - len(keep)])
    return [renderings[k] for k in keep]


def _get(rec: Any, name: str) -> Any:
    return rec.get(name) if isinstance(rec, Mapping) else getattr(rec, name, None)
