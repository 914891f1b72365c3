"""Cross-article, cross-language entity linking, incremental, from evidence.

A link is made only on evidence that the two names can be one referent, and
the evidence is kept (``EntityRecord.evidence``: what a user reads when asking
"why is this the same?"). From strongest to weakest:

1. within an article, identical keys are one entity (the same name written
   twice in one text names one thing); a country is keyed by its ISO code
   from a packaged multilingual gazetteer (:mod:`veille.analyze.gazetteer`),
   so "US", "U.S." and "États-Unis" are one key; label noise is settled by a
   weighted vote (a context cue counts double the bare model label);
2. within an article, a short form of a person (surname alone, title +
   surname, the family name first as in "Kim" of "Kim Jong Un", first name +
   patronymic) joins the one full name it fits; with two candidates it stays
   apart rather than guess;
3. across articles, a full name joins a record with the same key
   (transliteration key: Zelenskyy/Zelenskiy, Poutine/Putin), or a record
   whose full name is compatible: **the given names must agree** (same key,
   or an initial of it) and the family names be one transliteration apart
   (rapidfuzz ratio), so Michael is never Michelle nor Steve Keim Kim Jong Un;
4. across articles, a lone surname joins a person only when exactly one known
   person carries it, and a short one (where chance collisions such as
   Keim/Kim abound) only with the same spelling; otherwise it stays an entity
   of its own (unlinked rather than guessed); a lone name is never matched
   by string similarity (Einstein is not Weinstein).

Entity ids are ``label:slug`` of the first canonical name, fixed at creation
so that stored references stay valid when a later article brings a fuller
name; canonical (fullest, then most frequent form) and label (vote) are
recomputed from the evidence the records carry.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from veille.analyze import gazetteer, names
from veille.analyze.entities import legal_form
from veille.analyze.entities_credits import BYLINE, CAPTION_CREDIT, PHOTOGRAPHER, is_agency
from veille.analyze.entities_nested import nested_places
from veille.analyze.labels import CUE_WEIGHT, MODEL_REPEAT_WEIGHT, MODEL_WEIGHT
from veille.analyze.quotes.gender import known_given_name
from veille.analyze.scoreboards import TEAM, TEAM_EVIDENCE, TEAM_KEY
from veille.core.entity_context import add_context, article_context, named_in_full
from veille.core.model import Analysis, EntityRecord, Mention
from veille.core.text import fold_name

#: rapidfuzz ratio (0-100) above which two keys of the same label are one name.
#: Person names compare token by token (the weakest token decides), other
#: names as a whole, where one letter apart is often another place
#: (Croix-Rouge / Croix-Rousse), hence the stricter bar.
FUZZY_MIN = 88
FUZZY_MIN_OTHER = 94
#: keys shorter than this must match exactly (OTAN vs OTAM are not one thing);
#: a lone surname this short joins another article's person only with the
#: same spelling (transliteration keys of short names collide: Keim/Kim).
FUZZY_MIN_LEN = 5
#: prefix of the key a gazetteer country gets ("geo:US").
GEO = "geo:"
CITY = "city:"  # after GEO: a GeoNames city id ("geo:city:524901" is Moscow)
#: evidence of a full name that joined a person known so far by the surname alone
KNOWN_BY_SURNAME = "the person known so far by the surname"
#: uses of a lone surname in an article's body before the one full name it
#: could be short for, from which that full name is someone else
REFERS_BACK_USES = 2
#: uses of one lone writing of a surname, across other articles, for the one
#: known person carrying it, from which the same writing elsewhere is taken to
#: be that person's surname (see ``EntityIndex._surname_in_use``)
LONE_USES_MIN = 3
#: why a lone name joined the one two-word full name of its article it opens
#: (a given name, "Kimi" of Kimi Raikkonen; a family name written first, "Xi")
FIRST_WORD_OF = "first word of"
#: why a lone word the model called an organisation or a place joined a person
SURNAME_IN_USE = "the surname other articles use alone for"
#: why a name joined a record when it was written only on a byline line
BYLINE_EVIDENCE = "named as the writer of a piece (byline), not in its story"
#: why a lone name joined the record of that same lone name (no person found)
LONE_NAME = "the same lone name"
#: distinct entities a lone name's article must share with a person's context
#: to be that person (one shared place or name is chance: "United States")
CONTEXT_MIN = 2
#: articles an entity must share with a person to tell a lone name is that person
CONTEXT_REPEAT = 2
#: why a lone name joined a person named in full only in other articles
CONTEXT_EVIDENCE = "named alone beside"


def mention_key(text: str, label: str) -> str:
    """The key a mention is grouped and matched by: a country's gazetteer code
    for a place, else its transliteration key. Only places are looked up: a
    nationality ("Israeli", MISC) may spell a country in some other language."""
    text = names.unbreak(text)
    if label == "PER":
        text = names.person_name(text)
    if label == "LOC":
        bare = names.strip_titles(text)
        inner = names.place_of(bare)
        # a region named by its subdivision name, which no city carries (a
        # region and its capital share names: "canton de Fribourg", "oblast
        # de Lougansk"); a natural feature needs no such check
        if inner is not None and not gazetteer.city(inner) and (
                gazetteer.is_subdivision(inner) or names.is_feature(bare)):
            bare = text = inner  # "canton de Vaud" is Vaud, "mer Baltique" the Baltique
        code = gazetteer.country_code(bare)
        if not code and "f" in bare.lower():
            # printed with a long s, read as f ("Ruffie" is Russie)
            read = " ".join(names.long_s(t) for t in fold_name(bare).split())
            code = gazetteer.country_code(read) if read != fold_name(bare) else None
        if code:
            return GEO + code
        place = gazetteer.city(bare)
        if place:
            return GEO + CITY + place[0]
    return names.key(text)


def geo_evidence(k: str) -> str:
    """Why a place name joined an entity: the gazetteer entry both names carry."""
    code = k[len(GEO):]
    if code.startswith(CITY):
        return f"city {gazetteer.city_label(code[len(CITY):]) or code[len(CITY):]} (GeoNames)"
    return f"country {code} (gazetteer)"


def _block(k: str) -> str:
    """The blocking key of fuzzy lookups: transliteration variants keep their
    first letters once keyed (Zelenskyy/Zelensky, Loukachenko/Lukashenko)."""
    return k[:3]


def _is_geo(k: str) -> bool:
    return k.startswith(GEO)


@dataclass
class _Group:
    mentions: list[Mention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    votes: dict[str, float] = field(default_factory=dict)
    #: why the mentions beyond the first joined (surface form -> reason)
    evidence: dict[str, str] = field(default_factory=dict)
    #: the labels the model alone gave a mention of the group
    guessed: set[str] = field(default_factory=set)
    #: a lone name that is the given name of a person its article names in
    #: full ("Harvey" beside "Harvey Weinstein"): no surname to look up elsewhere
    given_here: bool = False
    #: a lone surname the article uses before and after the one full name it
    #: could be short for, and so is someone else (see ``_local_groups``)
    apart_from_full: bool = False
    #: a lone word that opens an organisation's longer name in its article
    #: ("Justice" beside "the Justice Department"): a piece of that name, not
    #: a surname to look up elsewhere (see ``_mark_org_openings``)
    opens_org_here: bool = False
    #: the keys of the article's longer organisation names this lone word ends
    #: ("texas rangers" for "Rangers"): the article's own club of that word
    ends_org_here: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return vote_label(self.votes)

    def add(self, m: Mention, k: str) -> None:
        self.mentions.append(m)
        self.keys.add(k)
        if m.label_cue:
            w = CUE_WEIGHT
        else:
            # the model's label for one name in one article is one guess
            # repeated, not independent evidence: its repeats weigh little
            # beside a context cue ("the militant group Boko Haram" once
            # outweighs "Boko Haram" tagged a person ten times around it)
            w = MODEL_WEIGHT if m.label not in self.guessed else MODEL_REPEAT_WEIGHT
            self.guessed.add(m.label)
        self.votes[m.label] = self.votes.get(m.label, 0.0) + w

    def merge(self, other: _Group, why: str, as_label: str | None = None) -> None:
        """Fold ``other`` in; with ``as_label``, its votes count for that label (a
        surname that joined a person's full name is that person, whatever the
        model called the lone word)."""
        self.mentions.extend(other.mentions)
        self.keys |= other.keys
        for k, v in other.votes.items():
            k = as_label or k
            self.votes[k] = self.votes.get(k, 0.0) + v
        for m in other.mentions:
            self.evidence.setdefault(m.text, why)
        for t, w in other.evidence.items():
            self.evidence.setdefault(t, w)

    def full_keys(self) -> list[str]:
        return [k for k in self.keys if len(k.split()) >= 2 and not _is_geo(k)]

    def display(self) -> str:
        full = [m.text for m in self.mentions if len(m.text.split()) >= 2]
        return max(full or [m.text for m in self.mentions], key=len)


def vote_label(votes: dict[str, float]) -> str:
    """The label most votes give (ties: PER, ORG, LOC, MISC)."""
    order = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}
    return max(votes.items(), key=lambda kv: (kv[1], -order.get(kv[0], 9)))[0] if votes else "MISC"


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold_name(s)).strip("-") or "x"


def given_compatible(a: str, b: str) -> bool:
    """Two given-name keys can name one person: same key, or one an initial of the other."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return False


def surname_compatible(a: str, b: str) -> bool:
    """Two family-name keys can be one name: equal, or long and one transliteration apart."""
    if a == b:
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LEN:
        return False
    return fuzz.ratio(a, b) >= FUZZY_MIN


def person_compatible(a: str, b: str) -> bool:
    """Two full person keys can name one person (the given-name and surname evidence).

    The first given name and the family name decide; middle names and initials
    may be missing on one side ("George W. Bush" / "George Bush")."""
    ta, tb = a.split(), b.split()
    if len(ta) < 2 or len(tb) < 2:
        return False
    if not surname_compatible(ta[-1], tb[-1]):
        return False
    if given_compatible(ta[0], tb[0]):
        return True
    # a first name or initial on one side only: "J. Christopher Giancarlo",
    # "Nuhu Lugwa Sanda" / "Lugwa Sanda"
    # (a spelled-out middle name; a middle initial is no evidence: "Matthew B."
    # is not "Bruce")
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    return len(short) < len(long_) and any(len(t) > 1 and t == short[0] for t in long_[1:-1])


def _cue_over_model_person(g: _Group) -> None:
    """A name its article calls an organisation by its context ("the militant
    group Boko Haram") and the model alone calls a person elsewhere in the
    article is that organisation, when it is a name of two words or more and
    no word of it is a given name: the
    model's guess, repeated at each mention (x17 in one article), is one
    guess, and the cue is evidence about the name itself."""
    if "PER" not in g.votes or not any(m.label_cue and m.label == "ORG" for m in g.mentions):
        return
    # (a lone word may be the surname of a person the article names in
    # full, "Massa" of Felipe Massa: the full name decides, not this rule)
    if any(m.label == "PER" and m.label_cue for m in g.mentions) or any(
            len(m.text.split()) < 2 or any(known_given_name(w) for w in m.text.split())
            for m in g.mentions):
        return
    g.votes["ORG"] = g.votes.get("ORG", 0.0) + g.votes.pop("PER")


def _local_groups(mentions: Sequence[Mention]) -> list[_Group]:
    by_key: dict[str, _Group] = {}
    for m in mentions:
        k = mention_key(m.text, m.label)
        if not k:
            continue
        if m.label_cue == TEAM:
            k = TEAM_KEY + names.key(m.text)
        g = by_key.setdefault(k, _Group())
        if m.label_cue == TEAM:
            g.evidence.setdefault(m.text, TEAM_EVIDENCE)
        if g.mentions and m.text not in g.evidence and m.text != g.mentions[0].text:
            g.evidence[m.text] = (geo_evidence(k) if _is_geo(k)
                                  else "same name, in the same article")
        g.add(m, k)
    for g in by_key.values():
        _cue_over_model_person(g)
    groups = _join_written_variants(list(by_key.values()))
    groups = _join_country_openings(groups)

    # short person forms -> the single full name they fit
    def patronymic(g: _Group) -> bool:
        return all(len(m.text.split()) == 2 and names.is_patronymic(m.text.split()[-1])
                   for m in g.mentions)

    def model_label_word(g: _Group) -> bool:
        # A lone surname that the model (not a context cue) called an
        # organisation or a place: small English models often do ("Jose Cil
        # ...", then "Cil said" as ORG; "Lebed" as LOC), splitting one person
        # in two. The label its full name carries in the article wins; a
        # country of the gazetteer is never a surname here.
        # A cue that says person ("U.S. Cardinal Bernardin" once, then
        # "Bernardin" ORG x8) is no reason to keep it apart: more evidence.
        return (all(len(k.split()) == 1 for k in g.keys)
                and not any(m.label_cue and m.label != "PER" for m in g.mentions))

    def person_shaped(g: _Group) -> bool:
        # a full name the model alone took for a place or an organisation
        # ("Uma Thurman" tagged LOC once, "Thurman" a person nine times):
        # capitalised words, two or three, opened by a known given name that
        # is no place of the gazetteer ("Cleveland Indians", "Houston Astros")
        return (g.label != "PER" and not any(m.label_cue for m in g.mentions)
                and not any(_is_geo(k) for k in g.keys)
                and all(2 <= len(ws) <= 3 and all(w[:1].isupper() for w in ws)
                        and known_given_name(ws[0]) and not _place_named(ws[:1])
                        for ws in (m.text.split() for m in g.mentions)))

    full = [g for g in groups if (g.label == "PER" or person_shaped(g)) and g.full_keys()
            and not patronymic(g)]
    full_ids = {id(f) for f in full}
    # the full names by the words a short form can match: a lookup per short
    # form, so an article of thousands of names stays linear
    by_last: dict[str, list[_Group]] = {}
    by_first: dict[str, list[_Group]] = {}
    by_given: dict[str, list[_Group]] = {}
    by_middle: dict[str, list[_Group]] = {}
    for f in full:
        for fk in f.full_keys():
            ft = fk.split()
            by_last.setdefault(ft[-1], []).append(f)
            # the family name first ("Kim" of "Kim Jong Un"), a name of three
            # or more words where the last is not the surname
            # (not "Abe's Twitter": a possessive is no name order)
            if len(ft) >= 3 and ft[1] != "s":
                by_first.setdefault(ft[0], []).append(f)
                # the first of two family names ("Porras" of "Idier Porras
                # Guzmán", "López" of "Andrés Manuel López Obrador"): how
                # Spanish and Portuguese news name a person after the first time
                for w in ft[1:-1]:
                    if len(w) > 2:
                        by_middle.setdefault(w, []).append(f)
            if len(ft) == 2:
                by_given.setdefault(ft[0], []).append(f)
    merged: set[int] = set()
    for g in groups:
        if id(g) in full_ids or (g.label not in ("PER", "MISC") and not model_label_word(g)):
            continue
        if any(_is_geo(k0) and not k0.startswith(GEO + CITY) for k0 in g.keys):
            continue  # a country of the gazetteer is never a surname here
        cands: dict[int, tuple[_Group, str]] = {}
        # every key of the group (a name written two ways in one article,
        # "Hettema" / "Hetteman", has two), in a fixed order: the join must
        # not depend on which key a set yields first
        for k0 in sorted(g.keys):
            # a city's name can be a person's surname ("Passos" of "John dos
            # Passos"): a full name in the same article is the stronger evidence
            ks = names.key(g.mentions[0].text).split() if _is_geo(k0) else k0.split()
            if len(ks) == 1:
                for f in by_last.get(ks[0], ()):
                    cands.setdefault(id(f), (f, "surname"))
                for f in by_first.get(ks[0], ()):
                    cands.setdefault(id(f), (f, "family name"))
                for f in by_middle.get(ks[0], ()):
                    cands.setdefault(id(f), (f, "first family name"))
            elif len(ks) == 2 and patronymic(g):
                for f in by_given.get(ks[0], ()):
                    cands.setdefault(id(f), (f, "first name and patronymic"))
        if len(cands) > 1 and g.label != "MISC":
            # several full names end with the word ("Kim Jong Un" ... "Kim"
            # x3 ... "Additional reporting by Jack Kim"; "David Cameron" ...
            # "Cameron" x2 ... "his late father Ian Cameron"): a short form
            # refers back, so a full name written only after it (see below)
            # is no referent; the one full name left before it is (also for
            # the model's organisation guess, "Teague" ORG before "Jeff
            # Teague"; not a MISC word: "Elon" is no short form of a run-on
            # "ELON MUSK Twitter")
            back = {i: c for i, c in cands.items() if _antecedent(c[0], g)}
            if len(back) == 1:
                cands = back
        if not cands and g.label == "PER":
            given = {id(f): f for ks in (k0.split() for k0 in sorted(g.keys)) if len(ks) == 1
                     for f in by_given.get(ks[0], ())}
            if given:
                g.given_here = True
            # a lone given name after the one full name of the article it
            # opens ("Ferrari's Kimi Raikkonen spun" ... "I nearly crashed
            # into Kimi"): that person, when no other full name has it; the
            # same way a family name written first joins its two-word name
            # ("Xi Jinping" ... "Xi")
            opens = [f for f in given.values() if f.label == "PER" and _antecedent(f, g)]
            if len(given) == 1 and len(opens) == 1 and _given_name_too(g):
                opens[0].merge(g, f"{FIRST_WORD_OF} {opens[0].display()}, in the same article")
                merged.add(id(g))
                continue
        # a short form refers back: a full name the article writes only after
        # every use of the short form is a byline or a credit at its end
        # ("Kim" x11, then "Additional reporting by Soyoung Kim"), no antecedent,
        # and so is one written after the story has used the short form in
        # its body twice: that story's person was named otherwise ("Thurman"
        # x31 of Uma, then "her father, Robert Thurman")
        # (never a reason to choose among two: the order only blocks a join)
        if len(cands) == 1:
            f, how = next(iter(cands.values()))
            if f.label != "PER" and (g.label != "PER" or how != "surname"):
                continue  # a mislabelled full name takes only its person's surname
            first_full = min(m.start for m in f.mentions)
            before = [m for m in g.mentions if m.start < first_full and m.sentence > 0]
            if g.label == "PER" and first_full > max(m.start for m in g.mentions) \
                    and any(m.sentence > 0 for m in g.mentions):
                continue  # (a headline's surname, the first sentence, still joins)
            if g.label == "PER" and len(before) >= REFERS_BACK_USES:
                g.apart_from_full = True  # used before and after: someone else
                continue
            other = sum(v for k, v in g.votes.items() if k not in ("PER", "MISC"))
            if how != "surname" and other > 2 * f.votes.get("PER", 0.0):
                # a first word far more often an organisation/place than the
                # person is named in this article ("Equifax" x9 vs "Equifax
                # Richard Smith"); a surname is the person's however often the
                # model mislabels it ("Trump" as ORG x8 beside "Donald Trump")
                continue
            f.merge(g, f"{how} of {f.display()}, in the same article", as_label="PER")
            merged.add(id(g))
    groups = [g for g in groups if id(g) not in merged]
    return _join_place_team_short_forms(_mark_org_openings(groups))


def _mark_org_openings(groups: list[_Group]) -> list[_Group]:
    """Mark each lone word the article writes, as an organisation or a place,
    that is the first word of a longer name it calls an organisation ("the
    Justice Department" ... "why did Justice grant immunity"): the article's
    own evidence that the word is a piece of that name. Such a word is never
    taken across articles for the surname of a person ``_surname_in_use``
    (Jim Justice, named in full elsewhere); whether it is the organisation
    itself is left alone ("Apple" beside "Apple Music" is the company)."""
    fulls = [fk for f in groups if f.label == "ORG" for fk in f.full_keys()]
    if not fulls:
        return groups
    openers = {fk.split()[0] for fk in fulls}
    for g in groups:
        if len(g.keys) != 1:
            continue
        k = next(iter(g.keys))
        if len(k.split()) != 1 or _is_geo(k):
            continue
        if g.label in ("ORG", "LOC") and k in openers:
            g.opens_org_here = True
        g.ends_org_here = {fk for fk in fulls if fk.split()[-1] == k}
    return groups


#: Evidence of a word that joined the organisation "place + word" of its article.
SHORT_FORM = "short form of"
#: Evidence of a lone word that joined, in an article naming it alone, the one
#: organisation other articles shorten to it ("Astros" of Houston Astros)
SHORT_FORM_IN_USE = "the short form other articles use for"
#: How often other articles must have used the lone word for the organisation
SHORT_FORM_USES = 2


def _antecedent(f: _Group, g: _Group) -> bool:
    """The full name ``f`` can be what the short form ``g`` refers back to.

    Not when it is written only after every use of the short form in the
    body (a byline or a credit at the end: "Additional reporting by Soyoung
    Kim"), nor when the body used the short form twice before it: that
    story's person was named otherwise ("Thurman" x31 of Uma, then "her
    father, Robert Thurman"). A headline's short form, in the first
    sentence, may come before its full name.
    """
    first_full = min(m.start for m in f.mentions)
    if first_full > max(m.start for m in g.mentions) and any(m.sentence > 0 for m in g.mentions):
        return False
    before = [m for m in g.mentions if m.start < first_full and m.sentence > 0]
    return len(before) < REFERS_BACK_USES


def _place_named(words: list[str], major_city: bool = False) -> bool:
    """The words are the name of a place the gazetteer knows (a country or a
    city; with ``major_city``, a large city)."""
    k = mention_key(" ".join(words), "LOC")
    if major_city:
        return k.startswith(GEO + CITY) and gazetteer.major_city(" ".join(words))
    return _is_geo(k)


@lru_cache(maxsize=65536)
def _nickname(name: str) -> str | None:
    """The word that names ``name`` once the place is dropped: "Cubs" of
    "Chicago Cubs", "Villa" of "Aston Villa", "Deportivo" of "Deportivo Coruna".

    How news names a club, a newspaper or a local institution after the first
    mention ("the Cubs", "the Post"); the rest of the name must be a place of
    the gazetteer, so "White House" gives no "House" and "Goldman Sachs" no
    "Sachs" (two firms, or a person, can carry those)."""
    words = names.strip_titles(name).split()
    if not 2 <= len(words) <= 4:
        return None
    if _place_named(words[:-1]):
        return words[-1]
    # a place after the word must be a large city ("Real Madrid", "Inter
    # Milan"): a country there names a branch ("Reuters Japan", "Microsoft
    # China" are not Reuters, Microsoft), and small towns carry common words
    # ("AFP Police": Police is a town of Poland)
    if _place_named(words[1:], major_city=True):
        return words[0]
    return None


#: Below this Zipf frequency (wordfreq, any language we read) the second word
#: of a two-word organisation is a name ("Sachs" 3.4, "Fonseca"), not a word
#: saying what part, product or branch of the first it is ("Falcon" 3.7,
#: "International", "Airlines", "Galaxy", "Network").
LEADING_REST_ZIPF = 3.5
#: ... and a second word that is the plural of a word of this frequency names
#: a kind of thing the first makes ("Roadsters": "Roadster" 2.8; "Sachs" is no
#: plural of "Sach", 2.1).
PLURAL_ZIPF = 2.5
#: How often the first word alone must follow the full name to be its short form.
LEADING_USES = 2


def _leading_word(name: str) -> str | None:
    """The key of the first word of an organisation named by two names, by
    which news names it after the first mention ("Goldman" of "Goldman Sachs",
    "Merrill" of "Merrill Lynch"). Not when the second word is a common word
    or holds a figure (a product, a branch or a body of the first: "SpaceX
    Falcon Heavy", "CNN International", "Likud Central Committee"), nor an
    acronym ("NBA Development League": NBA is a name of its own), nor a place
    opening the name ("China Telecom": the place itself)."""
    words = names.strip_titles(name).split()
    if len(words) != 2 or len(words[0]) < 3 or words[0].isupper() or words[1].isupper() \
            or not words[1].isalpha() or legal_form(name) or _place_named(words[:1]) \
            or names.word_frequency(words[1]) >= LEADING_REST_ZIPF \
            or (words[1].endswith("s") and names.word_frequency(words[1][:-1]) >= PLURAL_ZIPF):
        return None  # (a plural of a word is a kind of thing: "Tesla Roadsters")
    return names.key(words[0]) or None


def _join_place_team_short_forms(groups: list[_Group]) -> list[_Group]:
    """Within one article, a lone word that is the rest of exactly one
    organisation's "place + word" name joins it ("Cubs" -> "Chicago Cubs"), as
    does the name of an organisation without its legal form ("Ruch" -> "Ruch
    SA"), and an organisation named by the first word of one other's name
    ("Goldman" -> "Goldman Sachs", both organisations to the model; see
    ``_leading_word``).

    The model often labels the lone word a person (or the name itself a place),
    which split one club into a place and a person. The alias stays local to
    its article: "Rangers" elsewhere may be another place's team."""
    full: dict[str, list[_Group]] = {}
    leading: dict[str, list[_Group]] = {}
    for f in groups:
        if f.label != "ORG" or not f.full_keys():
            continue
        nicks = {names.key(n) for m in f.mentions if (n := _nickname(m.text))}
        # ... or its name without the legal form ("Ruch" of "Ruch SA")
        nicks |= {b for m in f.mentions if (b := _org_base(m.text))}
        for n in nicks:
            if n and f not in full.get(n, ()):
                full.setdefault(n, []).append(f)
        for n in {w for m in f.mentions if (w := _leading_word(m.text))} - nicks:
            if f not in leading.get(n, ()):
                leading.setdefault(n, []).append(f)
    if not full and not leading:
        return groups
    merged: set[int] = set()
    for g in groups:
        if len(g.keys) != 1 or any(_is_geo(k) or len(k.split()) != 1 for k in g.keys):
            continue
        if g.label == "MISC":
            continue  # "European" of "European Union" is a nationality word
        if any(m.label_cue and m.label != "ORG" for m in g.mentions):
            continue  # "Mr Villa", "the town of X": the context says otherwise
        k = next(iter(g.keys))
        cands = [f for f in full.get(k, ()) if f is not g]
        if not cands and g.label == "ORG" and len(g.mentions) >= LEADING_USES:
            # an organisation named by the first word of its name, which the
            # model also calls an organisation ("Goldman" of "Goldman Sachs"),
            # after the article has named it in full: a short form refers
            # back, and the story keeps using it; a word used before the
            # longer name names the first of two things ("SpaceX", then "the
            # SpaceX Falcon" rocket), and one use after a product's name is
            # the maker ("Tesla Roadsters" ... "Tesla")
            cands = [f for f in leading.get(k, ()) if f is not g and min(
                m.start for m in f.mentions) < min(m.start for m in g.mentions)]
        if len(cands) != 1:
            continue
        f = cands[0]
        f.merge(g, f"{SHORT_FORM} {f.display()}, in the same article", as_label="ORG")
        merged.add(id(g))
    return [g for g in groups if id(g) not in merged]


#: Why a name the model labelled otherwise joined a place: the gazetteer's.
PLACE_NAME = "the name of a place the gazetteer knows"

#: Evidence that holds in its article only: "la Confédération" is Switzerland
#: where the article names Switzerland, not wherever the word is written.
OPENS = "opens the name of"


def _local_only(r: EntityRecord, alias: str) -> bool:
    """An alias that joined on its article's evidence alone: never a key other
    articles are linked by, never the entity's name."""
    return r.evidence.get(alias, "").startswith((OPENS, SHORT_FORM))


def _join_country_openings(groups: list[_Group]) -> list[_Group]:
    """Within one article, a place named by the first word of a country's name
    ("la Confédération" for the Confédération suisse, "la Fédération" for the
    Russian Federation) is that country when the article names it and the word
    opens that country's name only."""
    geo = {k: g for g in groups for k in g.keys if _is_geo(k) and not k.startswith(GEO + CITY)}
    if not geo:
        return groups
    merged: set[int] = set()
    for g in groups:
        # (a city may carry the word too: GeoNames lists a "Confédération";
        # the country the article names is the stronger evidence)
        if g.label != "LOC" or any(_is_geo(k) and not k.startswith(GEO + CITY) for k in g.keys):
            continue
        words = {fold_name(names.strip_titles(m.text)) for m in g.mentions}
        if len(words) != 1 or len(next(iter(words)).split()) != 1:
            continue
        codes = gazetteer.countries_opening_with(next(iter(words)))
        if len(codes) != 1:
            continue
        target = geo.get(GEO + next(iter(codes)))
        if target is not None and target is not g:
            target.merge(g, f"{OPENS} {geo_evidence(GEO + next(iter(codes)))[8:]}"
                            ", named in the same article")
            merged.add(id(g))
    return [g for g in groups if id(g) not in merged]


#: A word shorter than this is never read as a misprint of another (too many
#: real words and names one letter apart: Iran/Iraq, Kim/Kis).
OCR_MIN_LEN = 6
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý])")
_CAPS_GLUED = re.compile(r"^[A-ZÀ-Ý]{4,}[a-zà-ÿ]{2,}$")


def _single_key(g: _Group) -> str | None:
    """The one written form (folded, titles aside) of a group, if it has one
    (a team has none: "NEW YORK 74 59" is not the city written otherwise)."""
    if any(m.label_cue == TEAM for m in g.mentions):
        return None
    # (a scan's line-break mark is no other writing: "Pas¬sos" is "Passos")
    ks = {fold_name(names.strip_titles(names.unbreak(m.text))) for m in g.mentions}
    return next(iter(ks)) if len(ks) == 1 else None


def _geo_conflict(a: _Group, b: _Group) -> bool:
    """Both names are known places, and not the same one (Gambia / Zambia)."""
    ga = {k for k in a.keys if _is_geo(k)}
    gb = {k for k in b.keys if _is_geo(k)}
    return bool(ga) and bool(gb) and not ga & gb


def _glued_parts(text: str) -> list[str]:
    """The names a single written word may hide when a scan glued it to its
    neighbour: a lower-case tail ("Allemagnevoulût", "PASSOSadmirable") or two
    capitalised words run together ("EmileLaurent", "LordBeaconsfield")."""
    if len(text.split()) != 1 or not text[:1].isupper():
        return []
    out: list[str] = []
    # a run of capitals then lower case: "PASSOSadmirable"
    m = re.match(r"^([A-ZÀ-Ý]{4,})([a-zà-ÿ]{2,})$", text)
    if m:
        out.append(m.group(1))
    # a capitalised word then a lower-case word: "Francesans" (every cut)
    for k in range(OCR_MIN_LEN - 2, len(text) - 1):
        if text[k:].isalpha() and text[k:].islower() and text[:k].isalpha():
            out.append(text[:k])
    parts = _CAMEL.split(text)
    if len(parts) == 2 and min(len(p) for p in parts) >= 2:
        out.extend([" ".join(parts), parts[1]])
    return out


def _signatures(k: str) -> list[tuple[int, int, str, str]]:
    """Keys of ``k`` shared by every name one edit away in one of its words:
    (words, which word, that word with one letter deleted or none, the rest)."""
    toks = k.split()
    out: list[tuple[int, int, str, str]] = []
    for i, t in enumerate(toks):
        if len(t) < OCR_MIN_LEN - 1:
            continue
        rest = " ".join(toks[:i] + toks[i + 1:])
        out.append((len(toks), i, t, rest))
        out.extend((len(toks), i, t[:j] + t[j + 1:], rest) for j in range(len(t)))
    return out


#: Letters and letter pairs a scan of old print confuses, each read as one
#: class: "in"/"ni"/"rn" and "m", "li" and "h", "u" and "n", "c" and "e",
#: "h" and "b", "l" and "i" and "t" (Tesseract's and ABBYY's usual confusions
#: on 19th-century type).
_OCR_CLASSES = (("rn", "m"), ("in", "m"), ("ni", "m"), ("li", "h"), ("b", "h"),
                ("u", "n"), ("c", "e"), ("l", "i"), ("t", "i"))


def ocr_class(word: str) -> str:
    for a, b in _OCR_CLASSES:
        word = word.replace(a, b)
    return word


def _ocr_signatures(k: str) -> list[tuple[int, int, str, str]]:
    """Keys of ``k`` shared by the names that differ from it, in one word of
    5 letters or more, only by letters OCR confuses."""
    toks = k.split()
    return [(len(toks), i, ocr_class(t), " ".join(toks[:i] + toks[i + 1:]))
            for i, t in enumerate(toks) if len(t) >= OCR_MIN_LEN - 1]


def _differing_word(k1: str, k2: str) -> tuple[str, str]:
    """The one word two keys of as many words differ by, or ("", "")."""
    t1, t2 = k1.split(), k2.split()
    if len(t1) != len(t2):
        return "", ""
    diff = [(a, b) for a, b in zip(t1, t2, strict=True) if a != b]
    return diff[0] if len(diff) == 1 else ("", "")


def _join_written_variants(groups: list[_Group]) -> list[_Group]:
    """Within one article, join the names its scan or typing wrote two ways.

    A name repeated in one text is one referent; what differs is the writing:
    spaces ("Dis raeli" / "Disraeli"), a word glued to the next by OCR
    ("Allemagnevoulût" / "Allemagne"), one misread letter ("Esoagne" /
    "Espagne", "Lonis Figuier" / "Louis Figuier"). Conditions keep it strict:
    the variant must be a name the article also writes plainly; a misread
    letter is one edit in a word of ``OCR_MIN_LEN`` letters or more (one
    less in a longer name), in the one word that differs;
    the variant is no word of any language we read (wordfreq: "Chinatown",
    "Franco", "Zambia" are words, "Allemagnevoulût" and "Esoagne" are not) nor
    a known city, and a glued tail is a word ("voulût"); two different known
    places are never joined; and a variant that fits two names joins neither."""
    if len(groups) < 2:
        return groups
    by_compact: dict[str, _Group] = {}
    by_compact_ocr: dict[str, list[_Group]] = {}
    by_single: dict[str, list[_Group]] = {}
    keyed: list[tuple[_Group, str]] = []
    keys: dict[int, str] = {}
    by_sig: dict[tuple[int, int, str, str], list[_Group]] = {}
    by_ocr: dict[tuple[int, int, str, str], list[_Group]] = {}
    for g in groups:
        k = _single_key(g)
        if not k:
            continue
        keyed.append((g, k))
        keys[id(g)] = k
        for sig in _signatures(k):
            by_sig.setdefault(sig, []).append(g)
        for sig in _ocr_signatures(k):
            by_ocr.setdefault(sig, []).append(g)
        by_compact.setdefault(k.replace(" ", ""), g)
        by_compact_ocr.setdefault(ocr_class(k.replace(" ", "")), []).append(g)
        by_single.setdefault(k, []).append(g)
    merged: set[int] = set()

    def fold_into(target: _Group, g: _Group, why: str) -> None:
        target.merge(g, why)
        merged.add(id(g))

    for g, k in keyed:
        if id(g) in merged:
            continue
        text = g.mentions[0].text
        found: dict[int, _Group] = {}
        # 1. the same letters, spaced otherwise
        c = by_compact.get(k.replace(" ", ""))
        if c is not None and c is not g and len(k.replace(" ", "")) >= OCR_MIN_LEN:
            found[id(c)] = c
        if not found and len(k.replace(" ", "")) >= OCR_MIN_LEN:
            # 1b. spaced otherwise and misread at once: a scan that dropped a
            # space also confuses letters ("Drouyn deLbuys" / "Drouyn de Lhuys":
            # b for h); the glued writing is the one with fewer words
            for og in by_compact_ocr.get(ocr_class(k.replace(" ", "")), ()):
                if og is not g and og.label == g.label \
                        and len(keys[id(og)].split()) > len(k.split()):
                    found[id(og)] = og
        # 2. a glued neighbour word
        # (a nationality is a derived word, not a glued one: "Zairean" is no
        # "Zaire" + "an")
        # (a name in capitals glued to a lower-case word, "PASSOSadmirable",
        # is glue whatever the model called it)
        if not found and (g.label != "MISC" or _CAPS_GLUED.match(text)) \
                and not names.is_known_word(text) and not gazetteer.city(text):
            for part in _glued_parts(text):
                tail = text[len(part):] if text.startswith(part) else ""
                if tail and not names.is_known_word(tail):
                    continue  # a glued neighbour is a word of its own
                for t in by_single.get(fold_name(part), ()):
                    if t is not g and len(part) >= 4:
                        found[id(t)] = t
        why = "the same name written otherwise (scan or typing), in the same article"
        if not found:
            # 3. one misread letter, in one word: candidates share a deletion
            # signature (SymSpell's trick), so an article of thousands of names
            # is not compared pair by pair
            for sig in _signatures(k):
                for og in by_sig.get(sig, ()):
                    if og is g or id(og) in merged or (
                            g.label != og.label and "PER" in (g.label, og.label)):
                        continue  # Franco is no misprint of France
                    a, b = _differing_word(k, keys[id(og)])
                    # a word of a longer name may be one letter shorter: the rest
                    # of the name is the context ("Lonis Figuier"); the misread
                    # form is no word (Zambia, Franco are)
                    if (a and min(len(a), len(b)) >= OCR_MIN_LEN - (len(k.split()) > 1)
                            and not names.is_known_word(a)
                            and Levenshtein.distance(a, b) <= 1):
                        found[id(og)] = og
            why = "one letter apart (a misprint or a misread scan), in the same article"
        if not found:
            # 4. letters a scan confuses ("Remhold" / "Reinhold": m for in)
            for sig in _ocr_signatures(k):
                for og in by_ocr.get(sig, ()):
                    if og is g or id(og) in merged or g.label != og.label:
                        continue
                    a, b = _differing_word(k, keys[id(og)])
                    if (a and min(len(a), len(b)) >= OCR_MIN_LEN - 1
                            and not names.is_known_word(a)):
                        found[id(og)] = og
            why = "the same name misread by a scan (letters OCR confuses), in the same article"
        if len(found) != 1:
            continue
        target = next(iter(found.values()))
        if id(target) in merged or _geo_conflict(g, target):
            continue
        fold_into(target, g, why)
    return [g for g in groups if id(g) not in merged]


def _display_form(form: str) -> str:
    """A surface form without its titles and articles, unless the article is
    part of a place's name: "The Hague", "Le Havre", "La Paz" (GeoNames' own
    name holds it, or the bare word names another city or none)."""
    bare = names.strip_titles(form)
    if bare == form or len(bare.split()) >= len(form.split()) or form[:1].islower():
        return bare
    place = gazetteer.city(form)
    if place is not None and (fold_name(place[1]) == fold_name(form)
                              or gazetteer.city(bare) != place):
        return form
    return bare


#: how many times more often a place's one-word name must be written than its
#: longer names to be its canonical name ("Chicago" x68, "Windy City" x2)
PLACE_WORD_RATIO = 5


def canonical_name(counts: dict[str, int], label: str | None = None) -> str:
    """The most used full surface form of an entity (two words or more), titles
    stripped; a one-word form only when the entity has no full one.

    Among full forms the most used wins, not the longest: the longest is
    where the recogniser's span errors gather ("0:54 Billionaire Elon Musk",
    "Getty Images Lewis Hamilton" beside 17 "Elon Musk"), and a journalist
    reads the canonical name on every story page.

    A place (``label`` LOC) is named as the news names it when one word is
    written ``PLACE_WORD_RATIO`` times more often than the longer names, which
    are then another name of it ("Chicago", not the gazetteer's "Windy City";
    "Israel", not "State of Israel"), unless that longer name qualifies the
    word ("Washington, DC" of "Washington") or the word is an acronym ("UK"
    of "United Kingdom")."""
    forms: dict[str, int] = {}
    for f, n in counts.items():
        bare = _display_form(f)
        forms[bare] = forms.get(bare, 0) + n
    # "full" counts words, not spacing: "Etats - Unis" is no fuller than "États-Unis";
    # the letters of an acronym are no words ("U.S." is not fuller than "US")
    def words(f: str) -> int:
        return sum(1 for w in fold_name(f).split() if len(w) > 1)

    # ... and a name written in two words outranks a compound alone
    # ("Alaa Abdel-Fattah" over "Abdel-Fattah")
    def spaced(f: str) -> bool:
        return sum(1 for t in f.split() if sum(c.isalpha() for c in t) >= 2) >= 2

    # ... and a state's name over its AP abbreviation ("Illinois" x2, not "Ill." x2)
    best = max(forms.items(), key=lambda kv: (words(kv[0]) >= 2, spaced(kv[0]),
                                              gazetteer.us_state(kv[0]) is None, kv[1],
                                              words(kv[0]), -len(kv[0]), kv[0]))[0]
    if label == "LOC" and words(best) >= 2:
        one = [(n, f) for f, n in forms.items() if len(f.split()) == 1 and any(c.islower() for c in f)]
        if one:
            n, word = max(one)
            longer = sum(m for f, m in forms.items() if words(f) >= 2)
            if n >= PLACE_WORD_RATIO * longer and not fold_name(best).startswith(fold_name(word)):
                return word
    return best


class EntityIndex:
    """Lookups over the records by key, surname and (per label) fuzzy key.

    Everything is a dict or a rapidfuzz ``process.extract`` over one label's
    keys, so linking a batch against a store of many entities stays fast.
    Building it costs O(entities): a writer that links batch after batch into
    one store keeps it (``link_entities(..., index)`` updates it in place) and
    rebuilds it only when the store's entity table changed under it (see
    ``veille.analyze.service.save_batch``).
    """

    def __init__(self, records: list[EntityRecord]) -> None:
        self.records = records
        self.by_id: dict[str, EntityRecord] = {}
        self.by_key: dict[str, dict[str, EntityRecord]] = {}
        #: family-name key -> persons with a full name ending with it
        self.by_surname: dict[str, dict[str, EntityRecord]] = {}
        #: one-word key -> persons that carry it as a lone alias
        self.by_lone: dict[str, dict[str, EntityRecord]] = {}
        #: first word of a person's full name (the family name written first,
        #: "Kim" of "Kim Jong Un", "Xi" of "Xi Jinping"; or a given name)
        self.by_first: dict[str, dict[str, EntityRecord]] = {}
        #: key of an organisation's name without its legal form -> organisations
        #: ("Broadcom" of "Broadcom Ltd")
        self.by_org_base: dict[str, dict[str, EntityRecord]] = {}
        self.keys_by_label: dict[str, dict[str, set[str]]] = {}
        # fuzzy candidates are looked for among keys sharing their first letters
        # only (blocking): the cost of a lookup does not grow with the store
        self.blocks: dict[tuple[str, str], set[str]] = {}
        #: plain key of a place the gazetteer knows -> its records
        self.geo_plain: dict[str, set[str]] = {}
        #: key of the word naming an organisation once its place is dropped
        #: ("cubs" of "Chicago Cubs", see ``_nickname``) -> organisations
        self.by_nick: dict[str, dict[str, EntityRecord]] = {}
        for r in records:
            self._index(r)

    def _index(self, r: EntityRecord) -> None:
        self.by_id[r.entity_id] = r
        for a in [*r.aliases, r.canonical]:
            if _local_only(r, a):
                continue
            k = mention_key(a, r.label)
            if not k:
                continue
            if r.evidence.get(a) == TEAM_EVIDENCE:
                k = TEAM_KEY + names.key(a)
            self.by_key.setdefault(k, {})[r.entity_id] = r
            if _is_geo(k):
                # the same name under another label ("LONDRES" taken for an
                # organisation) finds the place by its plain name
                plain = names.key(a)
                if plain:
                    self.by_key.setdefault(plain, {})[r.entity_id] = r
                    self.geo_plain.setdefault(plain, set()).add(r.entity_id)
                continue
            if r.label == "ORG":
                self.by_org_base.setdefault(_org_base(a) or k, {})[r.entity_id] = r
                if (nick := _nickname(a)) and (nk := names.key(nick)):
                    self.by_nick.setdefault(nk, {})[r.entity_id] = r
            self.keys_by_label.setdefault(r.label, {}).setdefault(k, set()).add(r.entity_id)
            self.blocks.setdefault((r.label, _block(k)), set()).add(k)
            toks = k.split()
            if r.label == "PER" and len(toks) >= 2:
                self.by_surname.setdefault(toks[-1], {})[r.entity_id] = r
                if toks[1] != "s":  # (not a possessive: "Abe's Twitter")
                    self.by_first.setdefault(toks[0], {})[r.entity_id] = r
                self.blocks.setdefault(("surname", _block(toks[-1])), set()).add(toks[-1])
            elif r.label == "PER":
                self.by_lone.setdefault(k, {})[r.entity_id] = r

    def add(self, r: EntityRecord) -> None:
        self.records.append(r)
        self._index(r)

    def replace(self, r: EntityRecord) -> None:
        """Index a new copy of a known record (or a record made elsewhere)."""
        if r.entity_id not in self.by_id:
            self.records.append(r)
        self._index(r)

    def find(self, g: _Group, here: dict[str, EntityRecord] | None = None
             ) -> tuple[EntityRecord | None, str]:
        """The record ``g`` names, with the evidence; (None, "") when none is certain.
        ``here``: the known records of its article, for a lone name (see
        ``_lone_surname``)."""
        label = g.label
        full = g.full_keys()
        if label != "PER":
            rec, why = self._surname_in_use(g)
            if rec is not None:
                return rec, why
        rec, why = self._short_form_in_use(g)
        if rec is not None:
            return rec, why
        # 1. exact key, label compatible (non-person labels are interchangeable
        # noise); a person known by a full name is matched by its full names only
        if label == "PER" and not full:
            return self._lone_surname(g, here)
        keys = full if label == "PER" else g.keys
        if label == "ORG" and any(m.label_cue and m.label == "ORG" for m in g.mentions):
            # an organisation by its context ("the club Atalanta"): a place of
            # its name in the gazetteer (GeoNames lists "Atalanta" for
            # Atlanta) is another referent; its other keys still link it
            keys = {k for k in keys if not _is_geo(k)}
        # (a team of a results table, "CHICAGO 71 64 .526", is keyed apart
        # from the city of its name: it joins the team of that name only)
        for k in sorted(keys, key=lambda x: -len(x)):
            for r in self.by_key.get(k, {}).values():
                if r.label == label or (r.label != "PER" and label != "PER"):
                    if _is_geo(k):
                        return r, geo_evidence(k)
                    if r.label == "LOC" and label != "LOC" and r.entity_id in self.geo_plain.get(k, ()) \
                            and not any(m.label_cue for m in g.mentions):
                        return r, PLACE_NAME
                    return r, "same name (transliteration key)"
        if label == "PER":
            rec, why = self._compatible_person(g)
            if rec is not None:
                return rec, why
            # a full name known only as an organisation or a place, which no
            # person carries: the label its other mentions carry ("Washington
            # Post" tagged PER in one article)
            for k in sorted(full, key=lambda x: -len(x)):
                others = [r for r in self.by_key.get(k, {}).values() if r.label != "PER"]
                if len(others) == 1 and not self.by_surname.get(k.split()[-1]):
                    r = others[0]
                    return r, f"the same name as the {r.label} {r.canonical}, no person carries it"
            return None, ""
        # the same full name known only as a person, which the model called an
        # organisation or a place here: one name, one entity; the votes of
        # every article settle its label ("Mossack Fonseca", "Boko Haram"
        # tagged a person in some articles, an organisation in others)
        for k in sorted(g.keys, key=lambda x: -len(x)):
            if len(k.split()) < 2 or _is_geo(k):
                continue
            persons = [r for r in self.by_key.get(k, {}).values() if r.label == "PER"]
            if len(persons) == 1:
                r = persons[0]
                return r, f"the same name as {r.canonical}, tagged a person elsewhere"
        if label == "ORG":
            # 2. the same organisation with or without its legal form
            for m in g.mentions:
                base = _org_base(m.text) or names.key(m.text)
                for r in self.by_org_base.get(base, {}).values():
                    return r, "same organisation name, legal form aside"
        # 3. fuzzy key under the same label (organisations, places)
        pool = self.keys_by_label.get(label, {})
        if not pool:
            return None, ""
        best: tuple[float, EntityRecord | None] = (0.0, None)
        for k in g.keys:
            if len(k) < FUZZY_MIN_LEN or _is_geo(k) or k.startswith(TEAM_KEY):
                continue
            choices = self.blocks.get((label, _block(k)), ())
            for ak, sc, _ in process.extract(k, choices, scorer=fuzz.ratio, limit=5,
                                             score_cutoff=FUZZY_MIN_OTHER):
                if len(ak) < FUZZY_MIN_LEN or len(ak.split()) != len(k.split()):
                    continue
                if sc > best[0]:
                    rid = sorted(pool[ak])[0]
                    best = (sc, self.by_id[rid])
        if best[1] is None:
            return None, ""
        return best[1], f"spelling variant (similarity {best[0]:.0f})"

    def _surname_in_use(self, g: _Group) -> tuple[EntityRecord | None, str]:
        """A lone word the model alone called an organisation or a place, which
        other articles use alone, and more often than any other record does,
        for the one known person whose surname it is: that person.

        The model's label of one word in one article is one guess ("Trump's
        offer" read as an organisation, article after article, beside a
        person record that carries "Trump" hundreds of times); the label the
        word's other mentions carry is the evidence. Only with the same
        spelling, never a place of the gazetteer nor a name with a context cue
        ("the company Ford" stays an organisation), and never when records of
        another label carry the writing as often (Ford the carmaker and
        Harrison Ford: the counts decide, and a tie leaves the label alone).
        """
        if any(m.label_cue for m in g.mentions) or len(g.keys) != 1 or g.opens_org_here:
            return None, ""
        k = next(iter(g.keys))
        if len(k.split()) != 1 or _is_geo(k) or k.startswith(TEAM_KEY):
            return None, ""
        persons = [r for r in self.by_surname.get(k, {}).values()
                   if r.label == "PER" and not _writer_only(r)]
        if len(persons) != 1:
            return None, ""
        p = persons[0]
        uses = _lone_uses(p, g)
        others = sum(_lone_uses(r, g) for r in self.by_key.get(k, {}).values()
                     if r.label != "PER")
        if uses < LONE_USES_MIN or uses <= others:
            return None, ""
        return p, f"{SURNAME_IN_USE} {p.canonical} ({uses} times), the model's {g.label} aside"

    def _short_form_in_use(self, g: _Group) -> tuple[EntityRecord | None, str]:
        """A lone word that other articles, naming an organisation in full,
        use alone for it ("Astros" after "Houston Astros", ``SHORT_FORM``):
        that organisation, in an article that names it by the word alone.

        A team's story is told in many articles, and most of them write the
        club's word alone after a first full name, or never write the full
        name at all; the model often calls the lone plural a person ("Astros"
        x4). The word joins only the one organisation whose name it shortens
        (two known "Times" or "Rangers" leave it alone), and only when that
        organisation's articles have used the word alone ``SHORT_FORM_USES``
        times or more, more often than records of the lone word itself: a
        shortening never written is no evidence ("Post" of one Washington Post
        mention). The alias stays local to the articles it came from, so the
        lookup is made again for each new article: the organisation's later
        full names and short forms keep the evidence current."""
        if len(g.keys) != 1 or g.label == "MISC" or g.given_here:
            return None, ""  # (a nationality word is MISC: "Indians", "European")
        if any(m.label_cue and m.label != "ORG" for m in g.mentions):
            return None, ""  # "Mr Villa", "the town of X": the context says otherwise
        k = next(iter(g.keys))
        if len(k.split()) != 1 or _is_geo(k) or k.startswith(TEAM_KEY):
            return None, ""
        cands = [r for i in sorted(self.by_nick.get(k, {}))
                 if (r := self.by_id[i]).label == "ORG" and _nickname_of(r, k)]
        if len(cands) != 1:
            return None, ""
        r = cands[0]
        # the article's own longer name ending with the word is its club ("Texas
        # Rangers" there: not the New York Rangers other articles shorten),
        # unless it is the organisation's name with more before it ("Jubilant
        # Chicago Cubs", a caption's word the model ran into the name)
        own = {names.key(a) for a in r.aliases if len(a.split()) >= 2 and not _local_only(r, a)}
        if any(not any(fk == o or fk.endswith(" " + o) for o in own) for fk in g.ends_org_here):
            return None, ""
        uses = _lone_uses(r, g)
        others = sum(_lone_uses(x, g) for x in self.by_key.get(k, {}).values()
                     if x.entity_id != r.entity_id)
        if uses < SHORT_FORM_USES or uses <= others:
            return None, ""
        return r, f"{SHORT_FORM_IN_USE} {r.canonical} ({uses} times)"

    def _lone_surname(self, g: _Group, here: dict[str, EntityRecord] | None = None
                      ) -> tuple[EntityRecord | None, str]:
        k = min(g.keys, key=lambda x: (-sum(1 for m in g.mentions if names.key(m.text) == x), x))
        if len(k.split()) != 1:
            return None, ""
        persons = [r for r in self.by_surname.get(k, {}).values() if r.label == "PER"]
        # ... unless that person is known only as the writer of a piece (a
        # byline, a columnist's note above her column: CNN's "Kelly Wallace"):
        # the writer is no person of any story, and a lone "Wallace" elsewhere
        # (NASA's Sarah Wallace, her full name unwritten there) is nothing of hers
        # ... nor when the lone word is also a given name ("Harvey", "Morgan",
        # "Taylor"): with no full name in its article, nothing says it is
        # anyone's surname rather than a first name, and one known person
        # carrying the surname is no evidence (the New York Times' "Harvey"
        # is Harvey Weinstein, not the space analyst Brian Harvey)
        # ... nor when that person is known from one story only and this
        # article names none of its entities: "Williams" in a Formula One
        # piece ("the Williams driver") is not the Cubs' Billy Williams (see
        # ``_story_elsewhere``)
        if len(persons) == 1 and len(k) >= FUZZY_MIN_LEN and not _writer_only(persons[0]) \
                and not g.given_here and not _given_name_too(g) \
                and not (here is not None and self._story_elsewhere(persons[0], here)):
            return persons[0], f"the only known person named {g.mentions[0].text}"
        # unknown, ambiguous (two people carry it), or short (Kim, Abe, Lee: too
        # many people share it to guess): the lone name joins only the entity
        # of that same lone name, never a person it might not be
        bucket = [r for r in self.by_lone.get(k, {}).values()
                  if r.label == "PER" and not _full_keys(r) and _same_spelling(g, r)]
        # ... or the organisation/place of that exact name, when no person carries
        # it: the label its other mentions carry ("Qualcomm", "SpaceX" tagged PER)
        if not persons:
            bucket += [r for r in self.by_key.get(k, {}).values() if r.label != "PER"]
        if bucket:
            r = max(bucket, key=lambda x: (x.n_mentions, x.entity_id))
            if r.label != "PER":
                return r, f"the same name as the {r.label} {r.canonical}, no person carries it"
            return r, f"{LONE_NAME} {g.mentions[0].text}, not resolved to a person"
        return None, ""

    def _story_elsewhere(self, r: EntityRecord, here: dict[str, EntityRecord]) -> bool:
        """The person ``r`` is known from one story only (named in full in
        ``CONTEXT_REPEAT`` articles or fewer, beside ``CONTEXT_MIN`` telling
        entities or more) and the article, whose known records are ``here``,
        names none of them. A person named in many articles (Donald Trump,
        Harvey Weinstein) is in many stories: a new one says nothing."""
        if not r.context or max(r.context.values()) > CONTEXT_REPEAT:
            return False  # named in many articles: a new story is no evidence against
        if sum(1 for e in r.context if (x := self.by_id.get(e)) is not None and _telling(x)) \
                < CONTEXT_MIN:
            return False
        return not any(e in here and _telling(here[e]) for e in r.context)

    def has_namesake(self, g: _Group) -> bool:
        """``g`` is a lone person name (no full name of it in its article)
        that a known person's full name carries (cheap: two dict lookups)."""
        if g.label != "PER" or g.full_keys() or g.apart_from_full or g.given_here:
            return False
        ks = {k for k in g.keys if len(k.split()) == 1 and not _is_geo(k)}
        return len(ks) == 1 and any(k in self.by_surname or k in self.by_first for k in ks)

    def by_context(self, g: _Group, here: dict[str, EntityRecord],
                   full_here: Sequence[_Group] = ()) -> tuple[EntityRecord | None, str]:
        """A lone name (no full name of it in its article) -> the one known
        person carrying it whose other articles name, again and again, the
        entities this article names (``here``: its other records), when the
        name alone is no evidence (a short name, a given name too, two people
        carrying it).

        The story's other names are what a reader goes by: "Bryant" beside
        the Cubs and Wrigley Field is the Kris Bryant the Cubs' other stories
        name in full; "Kim" beside Pyongyang and Donald Trump is Kim Jong Un,
        not the reporter Jack Kim. Evidence is an entity named with the person
        in ``CONTEXT_REPEAT`` articles or more (once is chance), and no country
        or nationality (every story has some); at least ``CONTEXT_MIN`` of them,
        weighing twice what any other person carrying the name has; else the
        name stays apart. A word of a person the article names in full
        (``full_here``), before the lone name or in its headline, is that
        person's, never someone else's."""
        ks = {k for k in g.keys if len(k.split()) == 1 and not _is_geo(k)}
        if len(ks) != 1 or g.given_here or g.apart_from_full:
            return None, ""
        k = next(iter(ks))
        if any(k in fk.split() and _antecedent(f, g) for f in full_here for fk in f.full_keys()):
            return None, ""
        # a person named by the first word of the name too, where articles
        # naming the person in full wrote it alone ("Kim" of Kim Jong Un: its
        # record carries it); a given name nobody wrote alone is no candidate
        cands = {**{i: r for i, r in self.by_first.get(k, {}).items() if _lone_alias(g, r)},
                 **self.by_surname.get(k, {})}
        scored: list[tuple[int, str, list[str]]] = []
        for rid in sorted(cands):
            r = self.by_id.get(rid, cands[rid])
            if r.label != "PER" or _writer_only(r) or rid in here:
                continue
            if len(k) < FUZZY_MIN_LEN and not _same_spelling(g, r) and not _lone_alias(g, r):
                continue  # short keys collide (Li / Lei): the same spelling only
            shared = [e for e, n in r.context.items()
                      if n >= CONTEXT_REPEAT and e in here and e != rid and _telling(here[e])]
            scored.append((sum(r.context[e] for e in shared), rid, shared))
        if not scored:
            return None, ""
        scored.sort(key=lambda x: (-x[0], x[1]))
        best, rid, shared = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0
        if len(shared) < CONTEXT_MIN or best < 2 * second:
            return None, ""
        r = self.by_id[rid]
        shared.sort(key=lambda e: (-r.context[e], e))
        named = ", ".join(here[e].canonical for e in shared[:3])
        return r, f"{CONTEXT_EVIDENCE} {named}, as {r.canonical} is in other articles"

    def _compatible_person(self, g: _Group) -> tuple[EntityRecord | None, str]:
        """A full name -> the one person whose full names are compatible with it."""
        found: dict[str, EntityRecord] = {}
        for k in g.full_keys():
            surname = k.split()[-1]
            # candidates: same surname key, or a close spelling of it
            cands = dict(self.by_surname.get(surname, {}))
            if len(surname) >= FUZZY_MIN_LEN:
                block = self.blocks.get(("surname", _block(surname)), ())
                for s2, _, _ in process.extract(surname, block, scorer=fuzz.ratio,
                                                limit=5, score_cutoff=FUZZY_MIN):
                    cands.update(self.by_surname[s2])
            for r in cands.values():
                rfull = _full_keys(r)
                if r.label == "PER" and rfull and all(person_compatible(k, rk) for rk in rfull):
                    found[r.entity_id] = r
            # a person known so far by the surname alone, when no other person
            # carries it and it is not a short, common one
            if len(surname) >= FUZZY_MIN_LEN and not self.by_surname.get(surname):
                for r in self.by_lone.get(surname, {}).values():
                    # (not a lone given name: "Harvey" of one story is not
                    # the Brian Harvey another story names in full)
                    if r.label == "PER" and not _full_keys(r) \
                            and not known_given_name(r.canonical):
                        found[r.entity_id] = r
        if len(found) != 1:
            return None, ""
        r = next(iter(found.values()))
        if not _full_keys(r):
            return r, f"{KNOWN_BY_SURNAME} {r.canonical} alone"
        return r, f"same given name and family name as {r.canonical} (transliteration)"


def _telling(r: EntityRecord) -> bool:
    """An entity that says which story an article tells: not a country nor a
    nationality (most stories name some: "United States", "American"), nor
    a news or picture agency (every wire story names one: "Associated Press")."""
    if r.label == "MISC" or is_agency(r.canonical):
        return False
    k = mention_key(r.canonical, r.label) if r.label == "LOC" else ""
    return not (_is_geo(k) and not k.startswith(GEO + CITY))


def _lone_alias(g: _Group, r: EntityRecord) -> bool:
    """The record carries the group's lone writing as a name of its own."""
    spelled = {fold_name(m.text) for m in g.mentions}
    return any(fold_name(a) in spelled for a in r.aliases)


def _nickname_of(r: EntityRecord, k: str) -> bool:
    """One of the record's names shortens to the key ``k`` (see ``_nickname``);
    the index may still list a record under a name it no longer carries."""
    return any((n := _nickname(a)) and names.key(n) == k for a in r.aliases if not _local_only(r, a))


def _lone_uses(r: EntityRecord, g: _Group) -> int:
    """How many mentions of the record are the group's lone writing, spelt the same."""
    spelled = {fold_name(m.text) for m in g.mentions}
    return sum(n for a, n in r.alias_counts.items() if fold_name(a) in spelled)


def _given_name_too(g: _Group) -> bool:
    """Every writing of the lone name is a given name too (gender-guesser)."""
    return all(known_given_name(m.text.split("'")[0].split("’")[0]) for m in g.mentions)


def _org_base(name: str) -> str | None:
    """Key of an organisation's name without its legal form, if it has one."""
    form = legal_form(name)
    return names.key(name[: -len(form)]) if form else None


def _writer_only(r: EntityRecord) -> bool:
    """Every name of the record came from a byline (see ``entities_credits.mark_bylines``)."""
    return bool(r.aliases) and all(r.evidence.get(a) == BYLINE_EVIDENCE for a in r.aliases)


def _full_keys(r: EntityRecord) -> list[str]:
    return [k for k in (names.key(names.person_name(a)) for a in r.aliases) if len(k.split()) >= 2]


def _same_spelling(g: _Group, r: EntityRecord) -> bool:
    """The group and the record write a surname the same way (accents and case aside)."""
    spelled = {fold_name(m.text).split()[-1] for m in g.mentions if fold_name(m.text)}
    known = {fold_name(a).split()[-1] for a in r.aliases if fold_name(a)}
    return bool(spelled & known)


def new_entity_id(label: str, canonical: str, taken: set[str]) -> str:
    base = f"{label.lower()}:{slug(canonical)}"
    eid, n = base, 2
    while eid in taken:
        eid, n = f"{base}-{n}", n + 1
    return eid


def _file(index: EntityIndex, g: _Group, rec: EntityRecord | None, why: str, taken: set[str],
          touched: dict[str, EntityRecord], language: str | None) -> EntityRecord:
    """File the group's mentions under ``rec`` (a new record when None), with
    ``why`` as the evidence of the names it brings; returns the record."""
    if rec is not None:
        # by_id always holds the latest copy; a key lookup may still
        # point at an older object (a key the new copy no longer has).
        rec = index.by_id[rec.entity_id]
    if rec is not None and rec.entity_id not in touched:
        rec = copy.deepcopy(rec)
        index._index(rec)  # the copy replaces the original under every key
    if rec is None:
        forms: dict[str, int] = {}
        for m in g.mentions:
            if not g.evidence.get(m.text, "").startswith((OPENS, SHORT_FORM)):
                forms[m.text] = forms.get(m.text, 0) + 1
        forms = forms or {m.text: 1 for m in g.mentions}
        canonical = canonical_name(forms, g.label)
        rec = EntityRecord(entity_id=new_entity_id(g.label, canonical, taken),
                           canonical=canonical, label=g.label)
        taken.add(rec.entity_id)
        index.add(rec)
        why = ""
    for m in g.mentions:
        if m.text not in rec.alias_counts:
            reason = g.evidence.get(m.text) or why or (
                BYLINE_EVIDENCE if m.label_cue == BYLINE else "")
            if reason:
                rec.evidence.setdefault(m.text, reason)
        rec.alias_counts[m.text] = rec.alias_counts.get(m.text, 0) + 1
        m.entity_id = rec.entity_id
    for k, v in g.votes.items():
        # the model's other label for a place the gazetteer knows, by
        # that place's name, is a guess against the gazetteer: it counts
        # for the place ("NEW YORK AT CALIFORNIA" read as organisations
        # must not turn New York's datelines into one)
        # ... and a surname in use for a person counts for that person
        # ... and a short form in use for an organisation counts for it
        k = "LOC" if why == PLACE_NAME else ("PER" if why.startswith(SURNAME_IN_USE) else (
            "ORG" if why.startswith(SHORT_FORM_IN_USE) else k))
        rec.label_votes[k] = rec.label_votes.get(k, 0.0) + v
    rec.n_mentions += len(g.mentions)
    if language and language not in rec.languages:
        rec.languages.append(language)
    rec.aliases = sorted(rec.alias_counts)
    rec.label = vote_label(rec.label_votes)
    rec.canonical = canonical_name(
        {a: n for a, n in rec.alias_counts.items() if not _local_only(rec, a)}
        or rec.alias_counts, rec.label)
    index._index(rec)
    touched[rec.entity_id] = rec
    return rec


def link_entities(
    analyses: Sequence[Analysis], known: Sequence[EntityRecord] | EntityIndex
) -> tuple[list[Analysis], list[EntityRecord]]:
    """Give every mention (and quote speaker) an entity, except a photographer
    a caption's credit names (``entities_credits.mark_photographers``); return
    new + updated records.

    Records in ``known`` are not modified; the returned records are copies with
    the new evidence folded in.  Given an :class:`EntityIndex`, the index
    itself is updated to hold those copies and the new records.
    """
    # Copy on write: the index starts on the caller's records and a record is
    # copied the first time this batch changes it (copying every known entity
    # per batch cost more than the linking itself on a large store).
    index = known if isinstance(known, EntityIndex) else EntityIndex(list(known))
    taken = set(index.by_id)
    touched: dict[str, EntityRecord] = {}
    for an in analyses:
        # a place inside a longer name ("Banque de Genève") is a mention of its
        # own, for the linker to file with the place's others (entities_nested)
        inner = nested_places(an.entities)
        if inner:
            an.entities = sorted([*an.entities, *inner], key=lambda m: (m.start, -m.end))
        # a lone surname the article's own reading kept apart from its full
        # name (a lone "Thurman" used before and after "her father, Robert
        # Thurman") is not that person by the lone-record lookup either
        persons_here: set[str] = set()
        here: set[str] = set()  # the article's records
        full_here: set[str] = set()  # ... of persons it names in full
        # a photographer a picture credit names took the picture, and an
        # agency credited in a caption supplied it: nobody of the story, so
        # no record (no chip) and nothing for a namesake to join ("Reuters"
        # reporting in the text keeps its record)
        groups = _local_groups([m for m in an.entities
                                if m.label_cue not in (PHOTOGRAPHER, CAPTION_CREDIT)])
        # lone names a known person carries: the article's other entities may
        # tell which (``EntityIndex.by_context``); those already known are
        # all a known person's context can hold
        lone = {id(g) for g in groups if index.has_namesake(g)}
        known_here: dict[str, EntityRecord] = {}
        if lone:
            for g in groups:
                if id(g) not in lone and (r := index.find(g)[0]) is not None:
                    known_here[r.entity_id] = index.by_id[r.entity_id]
        full_groups = [g for g in groups if g.label == "PER" and g.full_keys()]
        for g in groups:
            rec, why = index.find(g, known_here if id(g) in lone else None)
            if rec is not None and why.startswith(KNOWN_BY_SURNAME) \
                    and rec.entity_id in persons_here:
                rec, why = None, ""
            if id(g) in lone and (rec is None or why.startswith(LONE_NAME)):
                ctx_rec, ctx_why = index.by_context(g, known_here, full_groups)
                if ctx_rec is not None:
                    rec, why = ctx_rec, ctx_why
            rec = _file(index, g, rec, why, taken, touched, an.language)
            here.add(rec.entity_id)
            if rec.label == "PER" and any(named_in_full(m.text) for m in g.mentions):
                full_here.add(rec.entity_id)
            if g.apart_from_full:
                persons_here.add(rec.entity_id)
        for eid, others in article_context(full_here, here).items():
            add_context(touched[eid], others)
    by_id = index.by_id
    for an in analyses:
        spans = {(m.start, m.end): m for m in an.entities}
        for m in an.entities:
            if m.entity_id in by_id:
                r = by_id[m.entity_id]
                m.canonical = r.canonical
                if m.model_label is None:
                    m.model_label = m.label
                m.label = r.label
        for q in an.quotes:
            if q.speaker_start is None:
                continue
            sm = spans.get((q.speaker_start, q.speaker_end or -1))
            if sm is not None and sm.entity_id:
                q.speaker_entity_id = sm.entity_id
                q.speaker_canonical = sm.canonical
    return list(analyses), list(touched.values())
