"""Direct and indirect quotations, with their speaker.

Direct quotes are found on the raw characters (« … », “ … ”, "…"), so they
survive a bad parse; the parse is used only to attribute them. Attribution is
a cascade of numbered steps; each returns the same shape (speaker mention or
surface form, verb, cue, method, confidence) and the first that answers wins:

1. ``incise``   — attribution right after the closing mark:
                  « … », a déclaré X / a-t-il ajouté / “…,” X said / said X.
2. ``colon``    — attribution right before the opening mark: X a dit : « … ».
3. ``selon``    — « … », selon X (X an entity, not a document).
4. ``embedded`` — a quote inside the reported clause of an indirect statement
                  (X a déclaré que … « immédiatement » …) takes that statement's
                  speaker. This is how we treat short scare-quotes: they are
                  kept as direct quotes; they get a speaker only when they sit
                  inside somebody's reported speech, never by proximity alone.
5. ``none``     — no speaker; confidence 0.5 that it is a quote at all.

Pronoun subjects (il, elle, he, she) resolve to the most recent PER mention
that was a grammatical subject (or quote speaker) before the quote.

Indirect speech is a finite speech verb with a complement clause
(X affirme que …, X said (that) …), an infinitive complement (X dit avoir …),
or a post-posed incise without quote marks (…, a déclaré X). Present
participles (« signalant que ») are not taken: they report the main clause's
subject's inference more often than speech.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from veille.core.model import Analysis, Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPEECH_VERBS = {
    # fr
    "déclarer", "dire", "affirmer", "ajouter", "annoncer", "avertir", "expliquer", "estimer",
    "assurer", "confirmer", "indiquer", "souligner", "préciser", "rappeler", "répondre",
    "lancer", "insister", "poursuivre", "conclure", "commenter", "admettre", "reconnaître",
    "promettre", "prévenir", "menacer", "marteler", "écrire", "raconter", "rapporter",
    "déplorer", "dénoncer", "regretter", "noter", "observer", "demander", "exclamer",
    "plaider", "démentir", "nier", "révéler", "témoigner", "confier", "répéter", "prétendre",
    "juger", "considérer", "faire", "lâcher", "tweeter", "résumer", "avouer", "accuser",
    # en
    "say", "tell", "add", "announce", "warn", "explain", "state", "claim", "insist", "note",
    "declare", "confirm", "report", "write", "argue", "reply", "respond", "ask", "suggest",
    "tweet", "maintain", "stress", "deny", "admit", "acknowledge", "promise", "predict",
}
# Verbs whose infinitive complement is reported speech: "X dit avoir résisté".
INF_SPEECH = {"dire", "affirmer", "déclarer", "assurer", "prétendre", "reconnaître", "nier",
              "démentir", "estimer", "admettre", "avouer", "claim", "deny", "admit"}
# "faire" only counts in an incise ("« … », fait-il"), never with que.
INCISE_ONLY = {"faire", "lancer", "poursuivre", "conclure", "lâcher"}

PRONOUNS = {"il", "elle", "he", "she"}
_COMPLEMENTIZERS = {"que", "qu'", "qu’", "that"}
_DATIVE = {"au", "aux", "à", "to"}
_SUBJ_DEPS = ("nsubj", "nsubj:pass", "expl:subj", "nsubjpass")

# Guillemets pair with each other (they nest: « … « … » … »). English
# curly and straight double quotes are paired together by position
# (``_double_pairs``): edited copy mixes them ('"We work closely.”').
PAIRS = (("«", "»"),)
MAX_QUOTE_CHARS = 3000


@dataclass
class Attribution:
    speaker: str | None
    mention: Mention | None
    verb: str | None
    cue: str
    method: str
    confidence: float


def find_quote_spans(text: str) -> tuple[list[tuple[int, int, int, int]], list[str]]:
    """(open, inner_start, inner_end, close_end) for every well-formed quote.

    Mismatched marks are reported as notes and skipped rather than guessed:
    a quote running across paragraphs would swallow unrelated text.
    """
    spans: list[tuple[int, int, int, int]] = []
    notes: list[str] = []
    for op, cl in PAIRS:
        i = 0
        while True:
            a = text.find(op, i)
            if a < 0:
                stray = text.find(cl, i)
                if stray >= 0:
                    notes.append(f"quote: closing {cl} at {stray} without opening {op}")
                break
            stray = text.find(cl, i, a)
            if stray >= 0:
                notes.append(f"quote: closing {cl} at {stray} without opening {op}")
            b = text.find(cl, a + 1)
            nxt = text.find(op, a + 1)
            if b < 0:
                notes.append(f"quote: {op} at {a} is never closed")
                break
            if 0 <= nxt < b:
                notes.append(f"quote: {op} at {a} opened again at {nxt} before closing")
                i = nxt
                continue
            inner = text[a + 1 : b]
            if "\n\n" in inner or len(inner) > MAX_QUOTE_CHARS:
                notes.append(f"quote: {op}…{cl} at {a} spans paragraphs; skipped")
                i = a + 1
                continue
            spans.append(_trim_inner(text, a, b))
            i = b + 1
    for a, b in _double_pairs(text, notes):
        spans.append(_trim_inner(text, a, b))
    spans.sort()
    return spans, notes


# A straight " opens when it follows a space (or an opening bracket, a dash)
# and touches the next word; it closes when it touches the previous word and
# is followed by a space or punctuation. Either side may be ambiguous
# ("word"word", or French spacing " like this ").
_LEFT_FREE = frozenset("([{-–—/")
_RIGHT_FREE = frozenset(".,;:!?)]}…")
_DOUBLE_MARKS = re.compile('["“”]')
_BLOCK = re.compile(r"(?:[^\n]|\n(?!\s*\n))+")  # text between blank lines


def _straight_role(text: str, i: int) -> str:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    left_free = prev.isspace() or prev in _LEFT_FREE
    right_free = nxt.isspace() or nxt in _RIGHT_FREE
    if left_free and not right_free:
        return "open"
    if right_free and not left_free:
        return "close"
    return "?"


def _double_pairs(text: str, notes: list[str]) -> list[tuple[int, int]]:
    """(opening, closing) positions of English double quotes, per paragraph.

    “ opens and ” closes; a straight " takes its role from its neighbours,
    and only an ambiguous one takes the role alternation gives it. Pairing
    marks in order broke on the first missing one (common in copied and
    machine-translated text: '"I am shocked. "They earn less here", he
    said' made ', he said' the quote) and on mixed marks ('"We work
    closely.”'). An opening mark followed by another one was never closed:
    it is reported and skipped, not guessed; so is a quote longer than
    ``MAX_QUOTE_CHARS``.
    """
    pairs: list[tuple[int, int]] = []
    for block in _BLOCK.finditer(text):
        opened: int | None = None
        for m in _DOUBLE_MARKS.finditer(block.group()):
            i = block.start() + m.start()
            mark = m.group()
            role = "open" if mark == "“" else "close" if mark == "”" else _straight_role(text, i)
            if opened is None:
                if role == "close":
                    notes.append(f"quote: closing {mark} at {i} without opening")
                else:
                    opened = i
            elif role == "open":
                notes.append(f"quote: {text[opened]} at {opened} is never closed")
                opened = i
            else:
                if i - opened - 1 > MAX_QUOTE_CHARS:
                    notes.append(f"quote: {text[opened]}…{mark} at {opened} is too long; skipped")
                elif i - opened > 1:
                    pairs.append((opened, i))
                opened = None
        if opened is not None:
            notes.append(f"quote: {text[opened]} at {opened} is never closed")
    return pairs


def _trim_inner(text: str, a: int, b: int) -> tuple[int, int, int, int]:
    s, e = a + 1, b
    while s < e and text[s].isspace():
        s += 1
    # English puts the incise comma inside the marks (“…,” she said): not quoted words
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return (a, s, e, b + 1)


class _Ctx:
    """Per-doc lookups shared by the attribution steps."""

    def __init__(self, doc: Doc, offset: int, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt on each access
        self.offset = offset
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._mstarts = [m.start for m in self.mentions]
        self._qstarts: list[int] = []
        self.idx = [t.idx + offset for t in doc]
        self.quote_ranges: list[tuple[int, int]] = []
        from veille.analyze.nlp import sentence_ranges

        self.sents = sentence_ranges(doc)
        self._sent_of = [0] * len(doc)
        for n, (a, b) in enumerate(self.sents):
            for k in range(a, b):
                self._sent_of[k] = n
        self.subject_mentions: list[Mention] = []
        for m in self.mentions:
            if m.label == "PER" and m.label_cue != "credit" and self._is_subject(m):
                self.subject_mentions.append(m)

    def sent(self, tok: Token) -> Span:
        a, b = self.sents[self._sent_of[tok.i]]
        return self.doc[a:b]

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after char ``pos``."""
        return bisect.bisect_left(self.idx, pos)

    def tok_span(self, m: Mention) -> range:
        i = self.tok_at(m.start)
        j = i
        while j < len(self.doc) and self.idx[j] < m.end:
            j += 1
        return range(i, j)

    def mention_of(self, tok: Token) -> Mention | None:
        pos = tok.idx + self.offset
        k = bisect.bisect_right(self._mstarts, pos) - 1
        if k >= 0 and self.mentions[k].start <= pos < self.mentions[k].end:
            return self.mentions[k]
        return None

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._qstarts, pos) - 1
        return k >= 0 and self.quote_ranges[k][0] <= pos < self.quote_ranges[k][1]

    def set_quotes(self, ranges: list[tuple[int, int]]) -> None:
        """Quote ranges as a sorted union (nested marks become one range)."""
        merged: list[tuple[int, int]] = []
        for a, b in sorted(ranges):
            if merged and a < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        self.quote_ranges = merged
        self._qstarts = [a for a, _ in merged]

    def add_subject(self, m: Mention) -> None:
        """A quote's speaker is a subject for later pronouns ("a-t-il ajouté")."""
        if m.label == "PER" and m not in self.subject_mentions:
            self.subject_mentions.append(m)
            self.subject_mentions.sort(key=lambda x: x.start)

    def _is_subject(self, m: Mention) -> bool:
        span = self.tok_span(m)
        if len(span) and self.doc[span[0]].is_sent_start:
            return True  # "Poutine, 70 ans, présente …": the parse often roots the name
        for k in span:
            t = self.doc[k]
            hops = 0
            while hops < 3:
                if t.dep_ in _SUBJ_DEPS:
                    return True
                if t.dep_ in ("flat:name", "appos", "compound", "flat") and t.head is not t:
                    t = t.head
                    hops += 1
                    continue
                break
        return False

    def resolve_pronoun(self, before: int) -> Mention | None:
        """Most recent PER subject (or, failing that, PER mention) before ``before``."""
        # names inside quoted words ("Merci, Vladimir …") are not narrative antecedents
        best = [m for m in self.subject_mentions if m.end <= before and not self.in_quote(m.start)]
        if best:
            return best[-1]
        per = [m for m in self.mentions
               if m.label == "PER" and m.end <= before and not self.in_quote(m.start)]
        return per[-1] if per else None

    def subject_of(self, verb: Token, fallback_left: bool = True) -> tuple[str | None, Mention | None, bool]:
        """(surface, mention, via_pronoun) for the subject of ``verb``."""
        cands = [c for c in verb.children if c.dep_ in _SUBJ_DEPS
                 and not _inside_quote(self, c.idx + self.offset)]
        # "a-t-il": the pronoun is split off and tagged expl:subj; prefer it.
        for c in cands:
            if c.text.lstrip("-").lower() in PRONOUNS:
                m = self.resolve_pronoun(verb.idx + self.offset)
                return (m.text if m else c.text.lstrip("-"), m, True)
        for c in cands:
            if c.text.lower() in ("qui", "who", "which") and verb.dep_.startswith("acl"):
                c = verb.head
            if c.text.lstrip("-").lower() in ("t",):
                continue
            m = self.mention_of(c)
            if m is None:
                sub = [self.mention_of(t) for t in c.subtree if t.dep_ in ("appos", "flat:name", "compound")]
                per = [x for x in sub if x is not None]
                m = per[0] if per else None
            if m is None and c.pos_ == "PRON":
                continue
            return (m.text if m else _np_text(c), m, False)
        if not fallback_left:
            return (None, None, False)
        # Parse failed to give a subject ("Kiev, quant à elle, a déclaré"):
        # the first mention of the clause not governed by a preposition.
        sent = self.sent(verb)
        for m in self.mentions:
            if m.start < sent.start_char + self.offset or m.start >= verb.idx + self.offset:
                continue
            k = self.tok_at(m.start) - 1
            while k >= sent.start and self.doc[k].is_space:
                k -= 1
            prev = self.doc[k].text.lower().rstrip("'’") if k >= sent.start else ""
            if prev in ("", ",", "le", "la", "les", "l", "the") and not _inside_quote(self, m.start):
                return (m.text, m, False)
        return (None, None, False)


def _inside_quote(ctx: _Ctx, pos: int) -> bool:
    return ctx.in_quote(pos)


def _np_text(tok: Token) -> str:
    toks = [t for t in tok.subtree if t.dep_ not in ("acl:relcl", "punct")]
    if not toks:
        return tok.text
    left = min(t.i for t in toks)
    right = max(t.i for t in toks)
    # cut at the first comma (appositions, relative clauses)
    span = tok.doc[left : right + 1]
    text = span.text.split(",")[0].strip()
    return text


def _is_speech(tok: Token, incise: bool = False) -> bool:
    lemma = tok.lemma_.lower()
    if lemma not in SPEECH_VERBS:
        return False
    if lemma in INCISE_ONLY and not incise:
        return False
    return tok.pos_ in ("VERB", "AUX") or (incise and tok.pos_ == "NOUN" and tok.text.lower() == "dit")


def _attr_from_verb(ctx: _Ctx, verb: Token, method: str, cue: str, conf: float) -> Attribution:
    surface, mention, pron = ctx.subject_of(verb, fallback_left=(method != "incise"))
    if surface is None and method == "incise":
        # "a déclaré X" where the parse missed the inverted subject.
        for k in range(verb.i + 1, min(len(ctx.doc), verb.i + 8)):
            t = ctx.doc[k]
            if t.is_punct and t.text in ".;:!?":
                break
            m = ctx.mention_of(t)
            if ctx.doc[k - 1].text.lower() in _DATIVE:
                break  # "a déclaré au président X": X is the addressee
            if m is not None:
                surface, mention = m.text, m
                break
            near = k - verb.i <= 2 or (k - verb.i == 3 and ctx.doc[k - 1].pos_ == "DET")
            if t.pos_ in ("NOUN", "PROPN") and near and not t.dep_.startswith(("obl", "advmod", "nmod")):
                # a non-entity speaker: "a écrit l'auteur", "said the ministry"
                left = k - 1 if k > 0 and ctx.doc[k - 1].pos_ == "DET" else k
                surface = ctx.doc[left : k + 1].text
                break
    if surface is None:
        return Attribution(None, None, verb.lemma_, cue, method, 0.5)
    if pron and mention is None:
        # "a-t-il déclaré" with no person named before: "il" is no speaker
        # to list under "who said what"; the quote stays, unattributed.
        return Attribution(None, None, verb.lemma_, cue + " (unresolved pronoun)", method, 0.5)
    if mention is not None and not pron:
        ctx.add_subject(mention)  # a named speaker is an antecedent for later pronouns
    return Attribution(surface, mention, verb.lemma_, cue + (" (pronoun)" if pron else ""),
                       method, conf - (0.15 if pron else 0.0))


_LINE_BREAK_NEXT = re.compile(r"[^\S\n]*\n")


def step1_incise(ctx: _Ctx, close_end: int) -> Attribution | None:
    """« … », a déclaré X / a-t-il dit / “…,” X said / said X."""
    doc = ctx.doc
    if _LINE_BREAK_NEXT.match(ctx.text, close_end - ctx.offset):
        return None  # an incise never starts the next paragraph ("…”\n\nX also said that")
    k = ctx.tok_at(close_end)
    seen = 0
    while k < len(doc) and seen < 6:
        t = doc[k]
        if t.text in (".", "!", "?", ";", "«", "“"):
            return None
        if t.is_punct or t.is_space:
            k += 1
            continue
        if _is_speech(t, incise=True):
            return _attr_from_verb(ctx, t, "incise", "quote, VERB SUBJ", 0.9)
        # Only auxiliaries, clitics and adverbs stand between a French quote and
        # its incise verb; English also puts the subject there ("…,” X said).
        # Anything else ("» et précise que …") means this is not an incise.
        allowed = t.pos_ in ("AUX", "ADV") or t.text.startswith("-")
        if ctx.doc.lang_ == "en":
            allowed = allowed or t.pos_ in ("PROPN", "PRON", "DET", "NOUN", "ADJ")
        if not allowed:
            return None
        seen += 1
        k += 1
    return None


def step2_colon(ctx: _Ctx, open_pos: int) -> Attribution | None:
    """X a dit : « … »  /  X said: “…”."""
    doc = ctx.doc
    k = ctx.tok_at(open_pos) - 1
    gap = 0
    while k >= 0 and gap < 4:
        t = doc[k]
        if t.text in (".", "!", "?", "»", "”"):
            return None
        if t.is_punct or t.pos_ in ("ADV",) or t.text.lower() in _COMPLEMENTIZERS:
            k -= 1
            gap += 1
            continue
        if _is_speech(t):
            colon = any(x.text == ":" for x in doc[t.i + 1 : ctx.tok_at(open_pos)])
            if not colon and (t.dep_ in ("acl", "amod") or "Part" in t.morph.get("VerbForm", [])
                              and not any(c.dep_.startswith("aux") for c in t.children)):
                return None  # "le niveau dit « junk »": a participle naming, not a speaker speaking
            return _attr_from_verb(ctx, t, "colon", "SUBJ VERB : quote", 0.85)
        return None
    return None


def step2b_name_colon(ctx: _Ctx, open_pos: int) -> Attribution | None:
    """Macron : « Nous sommes en guerre » / Scholz au Bundestag : « … ».

    The headline and lead convention: a person named before a colon that opens
    the quote, no verb in between. Only a person (an organisation before a
    colon is mostly a topic: "Santé : « … »"), and only when nothing but the
    name's own phrase (places, titles) precedes the colon in the sentence.
    """
    doc = ctx.doc
    k = ctx.tok_at(open_pos) - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or doc[k].text != ":":
        return None
    sent = ctx.sent(doc[k])
    head = doc[sent.start:k]
    if not len(head) or any(t.pos_ in ("VERB", "AUX") for t in head):
        return None
    for m in ctx.mentions:
        if m.label != "PER" or ctx.in_quote(m.start):
            continue
        if head.start_char + ctx.offset <= m.start and m.end <= doc[k].idx + ctx.offset:
            return Attribution(m.text, m, None, "NAME : quote", "name-colon", 0.75)
    return None


_AGENT_PREP = {"par", "by"}


def step3b_passive_agent(ctx: _Ctx, open_pos: int, close_end: int) -> Attribution | None:
    """Réélection jugée « lamentable » par le Mexique / qualifiée de « … » par X /
    described as "…" by X: the quoted words are the agent's, when the agent is
    named. "jugé « irréaliste » par de nombreux experts" names nobody: no speaker."""
    doc = ctx.doc
    k = ctx.tok_at(open_pos) - 1
    steps = 0
    while k >= 0 and steps < 3 and (doc[k].is_space or doc[k].text.lower() in ("de", "d'", "comme", "as")):
        k -= 1
        steps += 1
    # a past participle; the French model often tags "jugée" ADJ without morphology
    if k < 0 or not (doc[k].pos_ in ("VERB", "ADJ") and (
            "Part" in doc[k].morph.get("VerbForm", [])
            or doc[k].text.lower().endswith(("é", "ée", "és", "ées", "ed")))):
        return None
    j = ctx.tok_at(close_end)
    while j < len(doc) and (doc[j].is_space or doc[j].text in (",",)):
        j += 1
    if j >= len(doc) or doc[j].text.lower() not in _AGENT_PREP:
        return None
    for t in doc[j + 1 : min(len(doc), j + 4)]:
        m = ctx.mention_of(t)
        if m is not None and m.label in ("PER", "ORG", "LOC"):
            return Attribution(m.text, m, doc[k].lemma_, "participle « quote » par AGENT",
                               "passive-agent", 0.7)
        if t.pos_ not in ("DET",):
            break
    return None


# an abbreviation point ("M. Dupont") does not end the attribution
_SELON = re.compile(r"(?:[^.;!?«»“”]|(?<=\b[A-Z])\.){0,120}?\b(selon|d['’]après|according to)\s+"
                    r"([^.;!?«»“”]+)", re.I)


def step3_selon(ctx: _Ctx, close_end: int) -> tuple[Attribution | None, str | None]:
    """« … », selon X. Also returns the 'selon …' phrase as the quote's source."""
    text = ctx.text
    rel = close_end - ctx.offset
    m = _SELON.match(text, rel)
    if not m:
        return None, None
    phrase = (m.group(1) + " " + m.group(2)).strip().rstrip(",")
    phrase = phrase.split(",")[0].strip()
    who_start = m.start(2) + ctx.offset
    k = ctx.tok_at(who_start)
    if k < len(ctx.doc):
        t = ctx.doc[k]
        mention = ctx.mention_of(t)
        if mention is not None and mention.label in ("PER", "ORG"):
            return Attribution(mention.text, mention, None, "quote, selon SPEAKER", "selon", 0.8), phrase
    return None, phrase


def indirect_statements(ctx: _Ctx) -> list[tuple[Quote, Attribution]]:
    """Reported speech without quote marks (see module doc)."""
    doc = ctx.doc
    out: list[tuple[Quote, Attribution]] = []

    def inside(pos: int) -> bool:
        return ctx.in_quote(pos)

    for ta, tb in ctx.sents:
        sent = doc[ta:tb]
        for v in sent:
            if not _is_speech(v, incise=True) or inside(v.idx + ctx.offset):
                continue
            form, tense = v.morph.get("VerbForm", []), v.morph.get("Tense", [])
            if v.pos_ == "VERB" and "Part" in form and "Pres" in tense:
                continue  # gerund / present participle: "signalant que"
            # relative object: "ce qu'il dit être …" is not a statement
            prev = [t for t in doc[sent.start : v.i] if not t.is_space][-3:]
            if any(t.text.lower() in ("qu'", "qu’", "que") for t in prev[-2:-1]) or (
                len(prev) >= 2 and prev[-1].pos_ == "PRON" and prev[-2].text.lower() in ("qu'", "qu’", "que")
            ):
                continue
            content: tuple[int, int] | None = None
            method = ""
            lemma = v.lemma_.lower()
            # (a) complement clause
            if lemma not in INCISE_ONLY:
                for t in doc[v.i + 1 : min(sent.end, v.i + 10)]:
                    if t.text.lower() in _COMPLEMENTIZERS and t.pos_ in ("SCONJ", "PRON", "ADP", "CCONJ"):
                        content = (t.i + 1, sent.end)
                        method = "que-clause"
                        break
                    if t.pos_ in ("VERB",) and t.dep_ != "xcomp" or t.text in (".", ";", "«", "“"):
                        break
                if content is None and doc.lang_ == "en":
                    cc = [c for c in v.children if c.dep_ == "ccomp" and c.i > v.i]
                    if cc:
                        content = (min(x.i for x in cc[0].subtree), sent.end)
                        method = "ccomp"
            # (b) infinitive complement
            if content is None and lemma in INF_SPEECH:
                nxt = [t for t in doc[v.i + 1 : min(sent.end, v.i + 3)] if t.pos_ != "ADV"]
                if nxt and "Inf" in nxt[0].morph.get("VerbForm", []):
                    content = (nxt[0].i, sent.end)
                    method = "infinitive"
            # (c) post-posed incise: "…, a déclaré X." / "…, X said." after a clause,
            # no quote mark. English puts a short subject before the verb.
            if content is None:
                k = v.i - 1
                subj_budget = 5 if doc.lang_ == "en" else 0
                while k > sent.start:
                    t = doc[k]
                    if t.pos_ == "AUX" or t.text.startswith("-"):
                        k -= 1
                    elif subj_budget and t.pos_ in ("PROPN", "PRON", "DET", "NOUN", "ADJ"):
                        subj_budget -= 1
                        k -= 1
                    else:
                        break
                # The verb must not introduce a direct quote ('X said, "…"'),
                # and what precedes must be a clause: a finite verb, not an
                # adverbial like "According to Bloomberg" (a participle).
                introduces = any(inside(t.idx + ctx.offset)
                                 for t in doc[v.i + 1 : min(sent.end, v.i + 4)])
                if (k > sent.start and doc[k].text == "," and doc[k - 1].text not in ("»", "”", '"')
                        and not introduces):
                    before = doc[sent.start : k]
                    has_verb = any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", [])
                                   for t in before)
                    if has_verb and not inside(before.start_char + ctx.offset):
                        content = (sent.start, k)
                        method = "incise"
            if content is None:
                continue
            a, b = content
            # "X a assuré que …, a rapporté l'agence": the trailing incise is not content
            for k in range(a + 1, b - 1):
                if doc[k].text != ",":
                    continue
                j = k + 1
                while j < b and (doc[j].pos_ == "AUX" or doc[j].text.startswith("-")):
                    j += 1
                if j < b and j > k + 1 and _is_speech(doc[j], incise=True):
                    b = k
                    break
            # Scraped text splices sentences with a comma ("…en mars, Un missile …"):
            # a capitalised determiner or pronoun after a comma starts a new sentence.
            for k in range(a + 1, b):
                t = doc[k]
                if (doc[k - 1].text == "," and t.text[:1].isupper() and t.pos_ in ("DET", "PRON")
                        and ctx.mention_of(t) is None):
                    b = k
                    break
            while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
                b -= 1
            if b <= a:
                continue
            start = doc[a].idx + ctx.offset
            end = doc[b - 1].idx + len(doc[b - 1].text) + ctx.offset
            attr = _attr_from_verb(ctx, v, "incise" if method == "incise" else "subject",
                                   f"indirect: {method}", 0.8)
            attr.method = f"indirect-{method}"
            q = Quote(text=ctx.text[start - ctx.offset : end - ctx.offset], start=start, end=end,
                      sentence=0, kind="indirect")
            out.append((q, attr))
    return out


def extract_quotes(
    doc: Doc, mentions: Sequence[Mention], sent_index, offset: int = 0
) -> tuple[list[Quote], list[str]]:
    """All quotes of one parsed piece of text; ``sent_index(pos)`` -> sentence index."""
    ctx = _Ctx(doc, offset, mentions)
    spans, notes = find_quote_spans(ctx.text)
    spans = [(a + offset, s + offset, e + offset, c + offset) for a, s, e, c in spans]
    ctx.set_quotes([(a, c) for a, _, _, c in spans])
    # Walk direct and indirect statements in text order so that a speaker
    # found for one is a candidate antecedent for the next pronoun.
    indirect = indirect_statements(ctx)
    quotes: list[Quote] = []
    for a, s, e, c in spans:
        q = Quote(text=ctx.text[s - offset : e - offset], start=s, end=e, sentence=sent_index(s))
        if not q.text.strip():
            notes.append(f"quote: empty quote at {a}")
            continue
        attr = step1_incise(ctx, c) or step2_colon(ctx, a) or step2b_name_colon(ctx, a)
        sel, source = step3_selon(ctx, c)
        if attr is None or attr.speaker is None:
            attr = sel or step3b_passive_agent(ctx, a, c) or attr
        if attr is None or attr.speaker is None:
            host = [(iq, ia) for iq, ia in indirect if iq.start <= s and e <= iq.end and ia.speaker]
            if host:
                ia = host[-1][1]
                attr = Attribution(ia.speaker, ia.mention, ia.verb, "inside reported speech",
                                   "embedded", 0.6)
        if attr is None:
            attr = Attribution(None, None, None, "none", "none", 0.5)
        elif attr.speaker is None:  # a verb nearby but nobody named: not an attribution
            attr = Attribution(None, None, attr.verb, "none", "none", 0.5)
        q.source = source
        _apply(q, attr)
        quotes.append(q)
    for iq, ia in indirect:
        # a statement wholly quoted is already a direct quote
        if any(s <= iq.start and iq.end <= e for _, s, e, _ in spans):
            continue
        iq.sentence = sent_index(iq.start)
        _apply(iq, ia)
        quotes.append(iq)
    quotes.sort(key=lambda q: (q.start, q.kind))
    return quotes, notes


def _apply(q: Quote, attr: Attribution) -> None:
    q.speaker = attr.speaker
    q.verb = attr.verb
    q.cue = attr.cue
    q.method = attr.method
    q.confidence = attr.confidence
    if attr.mention is not None:
        q.speaker_start = attr.mention.start
        q.speaker_end = attr.mention.end


# --- one statement, several renderings -------------------------------------


def _content_stems(text: str, language: str | None) -> set[str]:
    import snowballstemmer

    lang = "french" if language == "fr" else "english"
    stem = snowballstemmer.stemmer(lang)
    stops = _stopwords(language)
    toks = re.findall(r"\w+", _fold(text))
    return {stem.stemWord(t) for t in toks if t not in stops and (len(t) > 1 or t.isdigit())}


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(ch for ch in s if not unicodedata.combining(ch))


_STOPS: dict[str, frozenset[str]] = {}


def _stopwords(language: str | None) -> frozenset[str]:
    lang = language if language in ("fr", "en") else "en"
    if lang not in _STOPS:
        if lang == "fr":
            from spacy.lang.fr.stop_words import STOP_WORDS
        else:
            from spacy.lang.en.stop_words import STOP_WORDS
        _STOPS[lang] = frozenset(_fold(w) for w in STOP_WORDS)
    return _STOPS[lang]


def match_quotes_across(
    analyses: Sequence[Analysis], threshold: float = 0.5, min_words: int = 2
) -> list[list[tuple[str, int]]]:
    """Groups of (article uid, quote index) that render one statement.

    Two quotes join when they come from different articles, have the same
    speaker entity and share at least ``threshold`` of the content-word stems
    of the shorter one (overlap coefficient; stop words removed so that
    "tout … comme …" does not count). Quotes with fewer than ``min_words``
    content words are left out: a one-word scare quote matches too much.
    Groups are the connected components of that relation, of size >= 2.
    """
    items: list[tuple[str, int, str, set[str]]] = []
    for an in analyses:
        for i, q in enumerate(an.quotes):
            if not q.speaker_entity_id:
                continue
            stems = _content_stems(q.text, an.language)
            if len(stems) >= min_words:
                items.append((an.article_uid, i, q.speaker_entity_id, stems))
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x in range(len(items)):
        for y in range(x + 1, len(items)):
            ux, _, sx, ax = items[x]
            uy, _, sy, ay = items[y]
            if ux == uy or sx != sy:
                continue
            inter = len(ax & ay)
            if inter and inter / min(len(ax), len(ay)) >= threshold:
                parent[find(x)] = find(y)
    groups: dict[int, list[tuple[str, int]]] = {}
    for x, (u, i, _, _) in enumerate(items):
        groups.setdefault(find(x), []).append((u, i))
    return [sorted(g) for g in groups.values() if len({u for u, _ in g}) >= 2]
