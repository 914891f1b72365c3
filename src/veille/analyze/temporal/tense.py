"""A light tense guess for the clause around a time expression.

Relative expressions ("vendredi", "le 21 juin", "en mars") point to the past
or the future depending on the verb that governs them. A POS tagger is not
available at this stage (``extract_times`` receives text only, and must stay
cheap), so this looks for the nearest verbal cue with the regexes of the
text's language pack (``TimeWords.tense``: French compound past, imperfect,
simple future, "aller + infinitive"; English -ed / will / going to). It
returns ``None`` when nothing points either way, or when the language has no
tense cues, and callers then fall back to the closest reading.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from veille.analyze.temporal.lexicon import alt, tw
from veille.lang.time_words import TenseCues

_CLAUSE_STOP = re.compile(r"[.;!?\n]")
# a clause boundary in any language veille knows: the cue beyond it governs another clause
_SUBORDINATOR = re.compile(rf"\b{alt(tw(lambda t: t.tense.subordinators))}\b", re.IGNORECASE)
_DEADLINE = re.compile(alt(tw(lambda t: t.tense.deadline_before)))
_SINCE = re.compile(alt(tw(lambda t: t.tense.past_before)))
_MAX_GAP = 80  # a verb further away governs another clause
_COMMA_COST = 200


@lru_cache(maxsize=8)
def _cues(cues: TenseCues) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None,
                                    re.Pattern[str] | None]:
    def rx(p: str) -> re.Pattern[str] | None:
        return re.compile(p, re.IGNORECASE) if p else None
    return rx(cues.future), rx(cues.past), rx(cues.future_false)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch around [start, end) up to the nearest sentence/clause punctuation."""
    lo = max(0, start - 300)
    stops = [m.end() for m in _CLAUSE_STOP.finditer(text, lo, start)]
    left = stops[-1] if stops else lo
    m2 = _CLAUSE_STOP.search(text, end, min(len(text), end + 300))
    right = m2.start() if m2 else min(len(text), end + 300)
    return left, right


def guess_tense(text: str, start: int, end: int, cues: TenseCues | None) -> str | None:
    """'past', 'future' or None, from the verbal cue nearest to the expression."""
    if cues is None:
        return None
    left, right = clause_bounds(text, start, end)
    found: list[tuple[int, str]] = []
    fut, past, false_future = _cues(cues)
    if fut is not None:
        for m in fut.finditer(text, left, right):
            if m.start() < end and m.end() > start:
                continue
            if false_future is not None and false_future.match(m.group(0)):
                continue
            found.append((_distance(m.start(), m.end(), start, end, text), "future"))
    if past is not None:
        for m in past.finditer(text, left, right):
            if m.start() < end and m.end() > start:
                continue
            found.append((_distance(m.start(), m.end(), start, end, text), "past"))
    near = [c for c in found if c[0] <= _MAX_GAP or _COMMA_COST <= c[0] <= _COMMA_COST + _MAX_GAP]
    # a far verb of the same clause still governs when nothing closer does
    found = near or [c for c in found if c[0] < _COMMA_COST]
    if not found:
        return None
    if _DEADLINE.search(fold_prefix(text[max(0, start - 12) : start])):
        return "future"  # a deadline: "d'ici le 30 juin", "a donné jusqu'au 30 juin"
    found.sort()
    return found[0][1]


def fold_prefix(s: str) -> str:
    return s.lower().replace("’", "'").replace("à", "a")


def _distance(a: int, b: int, start: int, end: int, text: str = "") -> int:
    """Characters between cue and expression; a comma in between costs 200 (other clause)."""
    lo, hi = (b, start) if b <= start else (end, a)
    gap = hi - lo
    if text and ("," in text[lo:hi] or _SUBORDINATOR.search(text, lo, hi)):
        gap += _COMMA_COST
    return gap


# --- the tense from the dependency parse -------------------------------------------

#: how far up the tree a time expression looks for the verb that governs it
_MAX_HOPS = 6


def parse_tense(doc: Any, start: int, end: int, cues: TenseCues | None) -> str | None:
    """'past', 'future', 'present' or None (no governing verb) from a spaCy ``doc``
    whose character offsets are ``start``/``end``'s.

    The verb governing the expression is found by climbing the dependency
    tree; its tense is read from its morphology and its auxiliaries' (the first
    auxiliary carries the tense of a compound form: "has said", "a annoncé" are
    past, "is calling" present, "will meet" future). An infinitive ("agreed to
    buy it in January") points forward. 'present' means the parse found a verb
    that moves the expression neither way, so regex cues must not override it.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    hops = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and hops < _MAX_HOPS:
        tok = tok.head
        hops += 1
        if hops == 1 and tok.pos_ == "ADJ" and (
                tok.dep_ in ("advcl", "amod", "acl") or (
                    # set off by a comma: "created an office, effective Feb. 1" (not the
                    # predicate of "remain closed on Wednesday")
                    tok.dep_ == "acomp" and tok.i > 0 and tok.doc[tok.i - 1].text == ","
                    and cues is not None
                    and tok.head.lemma_.lower() not in cues.copula_lemmas)):
            # "formed an office, effective Feb. 1", "a payment due Jan. 15": an adjective
            # with no verb of its own dates its own state, before or after the telling
            return "present"
        if tok.pos_ in ("NOUN", "PROPN") and tok.i not in range(span.start, span.end):
            if _since_above(tok):
                return "past"  # "searching since shortly after the Oct. 23 slaying"
            head = tok.head
            if (cues is not None and head is not tok and head.pos_ in ("VERB", "AUX")
                    and head.lemma_.lower() in cues.copula_lemmas
                    and tok.dep_ in ("attr", "nsubj", "nsubjpass")):
                # "there was a Democratic debate Saturday night": the noun is what was
                return verb_tense(head, cues)
            if (cues is not None and cues.copula_lemmas and head is not tok
                    and head.pos_ == "VERB" and tok.dep_ == "nsubj"):
                # "His program on Wednesday featured a ...", "the debate on Saturday drew
                # 8 million viewers": what the dated noun did is told in the verb's tense
                # (not a passive subject: "the vote on Tuesday was postponed")
                return verb_tense(head, cues)
            # "les élections de dimanche", "a mission in December": the expression dates
            # a noun, whose event the clause's verb need not share: neither way (and the
            # regex cues, which would read that verb, are not asked)
            return "present"
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    return verb_tense(tok, cues)


def scheduled(doc: Any, start: int, end: int, cues: TenseCues | None) -> bool:
    """The expression hangs on a present-tense verb of being with no auxiliary: "the vote
    is on Tuesday", "the funeral is Saturday" tell a schedule, so a day ahead."""
    if cues is None or not cues.copula_lemmas:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(3):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.pos_ not in ("ADP",):
            return False  # "the biggest rally of the campaign on Saturday": a noun's day
    return (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in cues.copula_lemmas
            and "Pres" in tok.morph.get("Tense") and "Fin" in tok.morph.get("VerbForm")
            and not any(c.dep_.startswith("aux") for c in tok.children))


def _since_above(tok: Any) -> bool:
    """A "since"/"depuis" between a noun and its verb: the noun's date is a point passed."""
    for _ in range(3):
        if tok.head is tok or tok.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
        if tok.pos_ in ("ADP", "SCONJ") and _SINCE.search(fold_prefix(tok.text)):
            return True
    return False


def is_since(text: str, start: int) -> bool:
    """"since Jan. 13", "depuis le 3 mars": a starting point already passed, whatever the verb."""
    return bool(tw(lambda t: t.tense.past_before)) and _SINCE.search(
        fold_prefix(text[max(0, start - 12) : start])) is not None


def is_deadline(text: str, start: int) -> bool:
    """"d'ici le 30 juin", "jusqu'au 30 juin": a deadline points forward whatever the verb."""
    return _DEADLINE.search(fold_prefix(text[max(0, start - 12) : start])) is not None


def verb_tense(verb: Any, cues: TenseCues | None, depth: int = 0) -> str | None:
    future_aux = set(cues.future_auxiliaries) if cues is not None else set()
    perfect_aux = set(cues.perfect_auxiliaries) if cues is not None else set()
    auxes = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    for a in auxes:
        if a.lemma_.lower() in future_aux or a.text.lower() in future_aux:
            return "future"
    if "Fut" in verb.morph.get("Tense"):
        return "future"
    if cues is not None and auxes and auxes[0].lemma_.lower() in cues.neutral_modals:
        return "present"  # "could be reached Wednesday": the closer such day
    if cues is not None and verb.lemma_.lower() in cues.intention_verbs \
            and not any(a.lemma_.lower() in cues.perfect_auxiliaries for a in auxes):
        # "planned a rally on Saturday": the time is the plan's, before or after the telling
        told_past = "Past" in (auxes[0] if auxes else verb).morph.get("Tense")
        return "present" if told_past else "future"
    if any("Inf" in a.morph.get("VerbForm") or a.tag_ == "TO" for a in auxes):
        return _infinitive(verb, cues, depth)  # "expect the deal to be completed by Dec. 15"
    if auxes:
        first = auxes[0]
        tense = first.morph.get("Tense")
        if "Past" in tense or "Imp" in tense:
            return "past"
        if "Fut" in tense:
            return "future"
        if first.lemma_.lower() in perfect_aux and first.dep_ != "aux:pass" \
                and first.dep_ != "auxpass" and "Part" in verb.morph.get("VerbForm"):
            return "past"
        return "present" if tense else None
    forms = verb.morph.get("VerbForm")
    tense = verb.morph.get("Tense")
    if "Inf" in forms:
        return _infinitive(verb, cues, depth)
    if "Part" in forms and "Past" in tense and cues is not None and cues.bare_participle_past:
        return "past"  # "the record set on Aug. 6" (a French "prévu le 12" looks forward)
    if "Part" in forms and "Pres" in tense and depth < 2:
        # "fluctuated, rising to a high in June from $29 in March": a bare present
        # participle has no tense of its own; it shares its governing verb's
        head = verb.head
        if head is not verb and head.pos_ in ("VERB", "AUX"):
            return verb_tense(head, cues, depth + 1)
        return None
    if "Fin" in forms or (not forms and tense):
        if "Past" in tense or "Imp" in tense:
            return "past"
        if "Fut" in tense:
            return "future"
        return "present" if tense else None
    return None


def _infinitive(verb: Any, cues: TenseCues | None, depth: int = 0) -> str:
    """An infinitive looks forward from its governing verb: "expects to buy it in
    January" is future; "had been due to expire Friday" past (the governor is a past
    perfect)."""
    head = verb.head
    hops = 0
    while head is not verb and head.pos_ not in ("VERB", "AUX") and hops < 4:
        head, hops = head.head, hops + 1
    if head is verb or head.pos_ not in ("VERB", "AUX"):
        return "future"
    if verb.dep_ == "advcl" and hops == 0 and depth < 2:
        # "dive over a fence to take cover from gunfire on Sunday night" (a caption's
        # present), "flew to Paris to meet him on Sunday": a purpose is carried out when
        # its verb's action is, so it has that verb's tense
        return verb_tense(head, cues, depth + 1) or "present"
    auxes = [c for c in head.children if c.dep_.startswith("aux") and c.i < head.i]
    if auxes and any("Past" in a.morph.get("Tense") for a in auxes[:1]) \
            and any(a.lemma_.lower() in (cues.perfect_auxiliaries if cues else ()) for a in auxes):
        return "past"
    if auxes and "Past" in auxes[0].morph.get("Tense") and auxes[0].dep_ in ("auxpass", "aux:pass"):
        # "the flight was scheduled to take off Sunday", "was expected to arrive Friday":
        # a plan told in the past, carried out before or after the telling: the closer day
        return "present"
    if not auxes and "Past" in head.morph.get("Tense") and "Fin" in head.morph.get("VerbForm"):
        # "extended their offers to acquire the company Friday": the infinitive's time
        # may be before or after the telling; neither way, the closer day
        return "present"
    return "future"
