"""The attribution cascade for a direct quote: named steps, the first that answers wins.

Each step looks at one place around the quote marks and returns an
:class:`Attribution` (or ``None``); :func:`attribute` runs them in order:

1. ``incise``        — attribution right after the closing mark.
2. ``colon``         — a speech verb right before the opening mark and a colon.
3. ``name-colon``    — a person named before the colon, no verb (headlines).
3b. ``according-colon`` / ``read-in`` — "selon X : « … »", "On lit dans X : « … »".
4. ``selon``         — « … », selon X (X an entity, not a document).
5. ``passive-agent`` — words quoted as a named agent's judgement.
6. ``embedded``      — a quote inside somebody's reported speech takes its
                       speaker.
7. ``narrated``      — a partial quote hanging (in the parse) on a speech verb
                       outside the marks, or the predicate of a subject named
                       just before them.
7b. ``lead-in``     — the sentence just before introduces the speaker: "X
                       confirme. « … »", "X n'est pas optimiste : « … »".
8. ``continued``     — (run by :mod:`.extract`, which sees all quotes) a quote
                       with no speaker continues the previous quote's speaker
                       when nobody else is named in the short narration between.
9. ``none``          — no speaker; confidence 0.5 that it is a quote at all.

A step that finds a speech verb but nobody named stops steps 2-3 (the verb
was the attribution, its subject is missing) but not 4-6.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import TYPE_CHECKING

from veille.analyze.quotes.context import (
    SUBJ_DEPS,
    Attribution,
    QuoteContext,
    is_speech,
    unattributed,
)
from veille.analyze.quotes.gender import given_name_gender
from veille.analyze.quotes.speakers import (
    from_verb,
    named_in_subject,
    np_text,
    resolve_group,
    resolve_pronoun,
    resolve_role,
)
from veille.core.model import Mention, Quote

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

_LINE_BREAK_NEXT = re.compile(r"[^\S\n]*\n")


def incise(ctx: QuoteContext, close_end: int) -> Attribution | None:
    """Step 1: « … », a déclaré X / « … », a-t-il dit / “…,” X said / “…,” said X.

    Only auxiliaries, clitics and adverbs stand between the quote and the
    verb — and the subject, in a language that puts it there
    (``subject_before_incise_verb``). Anything else ("» et précise que …")
    means this is no incise; nor is a verb that starts the next paragraph.
    """
    if _LINE_BREAK_NEXT.match(ctx.text, close_end - ctx.offset):
        return None  # "…”\n\nX also said that"
    return _incise_speech(ctx, close_end) or _subject_phrase_incise(ctx, close_end) \
        or _incise_any_verb(ctx, close_end)


def _incise_speech(ctx: QuoteContext, close_end: int) -> Attribution | None:
    """A speech verb of the language in the incise (see :func:`incise`)."""
    doc = ctx.doc
    k = ctx.tok_at(close_end)
    seen = 0
    while k < len(doc) and seen < 8:
        t = doc[k]
        if t.text in (".", "!", "?", ";", "«", "“"):
            return None
        if t.is_punct or t.is_space:
            k += 1
            continue
        if is_speech(ctx, t, incise=True):
            if _introduces_next(ctx, close_end, t):
                return None
            return from_verb(ctx, t, "incise", "quote, VERB SUBJ", 0.9)
        allowed = t.pos_ in ("AUX", "ADV") or t.text.startswith("-")
        if ctx.words.subject_before_incise_verb:
            allowed = allowed or t.pos_ in ("PROPN", "PRON", "DET", "NOUN", "ADJ")
        if not allowed:
            return None
        seen += 1
        k += 1
    return None


def _subject_phrase_incise(ctx: QuoteContext, close_end: int) -> Attribution | None:
    """“…,” John Smith, a theoretical astrophysicist at Yale University, told
    NBC: a speech verb whose subject phrase, apposition and all, fills the
    words between the closing mark and the verb (the parse says where the
    subject ends; a preposition inside it stopped :func:`_incise_speech`).
    Languages that put the subject before an incise verb only; a quote whose
    sentence goes on past its mark ("“…,” X, …, said"; one closing on a point
    is a sentence of its own) and that opens its sentence (a partial quote
    inside narration, "Moon also said dialogue was “impossible …”, Yonhap
    reported", is the narrated speaker's: steps 6-7)."""
    if not ctx.words.subject_before_incise_verb or not _open_ended(ctx, close_end):
        return None
    doc = ctx.doc
    k = ctx.tok_at(close_end)
    if _narration_before(ctx, close_end):
        return None
    while k < len(doc) and (doc[k].is_punct or doc[k].is_space) \
            and doc[k].text not in (".", "!", "?", ";", ":"):
        k += 1
    if k >= len(doc) or doc[k].is_punct or ctx.in_quote(doc[k].idx + ctx.offset):
        return None
    end = min(doc[k].sent.end, k + 25)
    for j in range(k + 1, end):
        t = doc[j]
        if t.text in (".", "!", "?", ";", ":") or ctx.in_quote(t.idx + ctx.offset):
            return None
        if not is_speech(ctx, t, incise=True):
            continue
        subj = [c for c in t.children if c.dep_ == "nsubj" and c.i < t.i]
        if len(subj) != 1 or subj[0].left_edge.i != k:
            continue  # a verb inside the subject's relative ("…, who was brought … to announce …, declared")
        if any(not (x.is_punct or x.is_space or x.pos_ in ("AUX", "ADV"))
               for x in doc[subj[0].right_edge.i + 1:t.i]):
            return None
        if _introduces_next(ctx, close_end, t):
            return None
        return from_verb(ctx, t, "incise", "quote, VERB SUBJ", 0.9)
    return None


def _narration_before(ctx: QuoteContext, close_end: int) -> bool:
    """Are there words of narration in the quote's sentence before its opening
    mark? (The quote range is found by bisection.)"""
    ranges = ctx.quote_ranges
    j = bisect.bisect_right(ranges, close_end - 1, key=lambda r: r[0]) - 1
    if j < 0:
        return False
    open_pos = ranges[j][0]
    first = ctx.tok_at(open_pos)
    if first >= len(ctx.doc):
        return False
    sent = ctx.sent(ctx.doc[first])
    return any(t.is_alpha for t in ctx.doc[sent.start:first])


def _introduces_next(ctx: QuoteContext, close_end: int, verb: Token) -> bool:
    """'… “in duck and cover.” Foreign Secretary Boris Johnson said: “North Korea …'
    — a quote closed on a point is a sentence of its own; a speech verb after it
    that opens with a colon or a quote mark introduces the next quote."""
    before = ctx.text[:close_end - ctx.offset].rstrip()[:-1].rstrip()
    if not before.endswith((".", "!", "?", "…")):
        return False
    nxt = next((x for x in ctx.doc[verb.i + 1:verb.i + 3] if not x.is_space), None)
    return nxt is not None and (nxt.text == ":" or ctx.in_quote(nxt.idx + ctx.offset)
                                or nxt.text in ("“", "«", '"'))


def _incise_any_verb(ctx: QuoteContext, close_end: int) -> Attribution | None:
    """"“Jeb wants to be a tough guy,” Trump shot back" / "« … », soupire le
    maire": a quote whose sentence goes on past its closing mark, then a verb
    and its subject, is attributed whatever the verb (the punctuation is the
    cue; manner-of-speaking verbs are an open class). Tried when no speech
    verb was found; the first three words after the mark only."""
    if not _open_ended(ctx, close_end):
        return None
    doc = ctx.doc
    k = ctx.tok_at(close_end)
    seen = 0
    while k < len(doc) and seen < 3:
        t = doc[k]
        if t.text in (".", "!", "?", ";", ":", "«", "“", "(") or t.is_space and "\n" in t.text:
            return None
        if t.is_punct or t.is_space:
            k += 1
            continue
        if t.pos_ in ("VERB", "NOUN", "PROPN", "ADJ", "PRON"):
            att = _any_verb_incise(ctx, t) or _loose_incise(ctx, t)
            if att is not None:
                return att
        if t.pos_ not in ("DET", "PROPN", "PRON", "NOUN", "AUX", "ADV"):
            return None
        seen += 1
        k += 1
    return None


def _open_ended(ctx: QuoteContext, close_end: int) -> bool:
    """Does the quote's sentence go on after its closing mark? A comma, "?",
    "!" or "…" just inside the mark or a comma right after it ("“…,” he
    said", "« … », dit-il"); a quote closing on a point is a sentence of its own."""
    text = ctx.text
    k = close_end - ctx.offset - 1  # the closing mark
    j = k - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    inside = text[j] if j >= 0 else ""
    after = text[k + 1:k + 3].lstrip()[:1]
    return inside in ",?!…" or after == ","


def _any_verb_incise(ctx: QuoteContext, t: Token) -> Attribution | None:
    """The parse's reading of an any-verb incise: a verb whose subject is a
    name, a resolved pronoun, a role, or its own noun subject ("the spokesman
    quipped"); nothing else speaks."""
    if t.pos_ != "VERB" or _naming_participle(t):
        return None
    att = from_verb(ctx, t, "incise", "quote, VERB SUBJ (any verb)", 0.75)
    # a common noun is no evidence of a speaker here ("“…!” the balloons
    # fell"): a name, a resolved pronoun, or a role given to a name only
    if att.speaker is None or att.resolution not in ("named", "pronoun", "role") \
            and not (att.resolution == "noun" and _definite_one(ctx, t)):
        return None
    att.method = "incise-verb"
    return att


def _definite_one(ctx: QuoteContext, verb: Token) -> bool:
    """Is the incise verb's subject one definite noun, no document ("“…,” the
    judge exclaimed")? A singular noun with the language's definite article
    after an open-ended quote names the one who spoke, as a speech verb's
    subject would; a plural ("the balloons fell") or a document ("the
    statement read") does not."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj",) and c.i > verb.i - 4]
    if len(subj) != 1 or subj[0].pos_ != "NOUN" or "Sing" not in subj[0].morph.get("Number", []):
        return False
    n = subj[0]
    return (n.lemma_.lower() not in ctx.words.document_nouns
            and any(c.dep_ == "det" and c.lower_ in ctx.words.articles for c in n.children))


def _loose_incise(ctx: QuoteContext, t: Token) -> Attribution | None:
    """An incise the tagger misread: "“…,” Trump shot back" (Trump tagged a
    verb), "« … », soupire Jean Dupont" (the verb tagged a noun). After an
    open-ended quote, a person (or a subject pronoun) and a lowercase word
    next to it, in the language's incise order, are speaker and verb, whatever
    the tags say; only a person the text names (a mention, or the surname of
    one named before) or a resolvable pronoun speaks."""
    doc = ctx.doc
    words = ctx.words
    if words.subject_before_incise_verb:
        who, verb_i = t, None
        person = person_at(ctx, who)
        if person is not None:
            verb_i = ctx.tok_span(person)[-1] + 1 if person.start >= who.idx + ctx.offset else None
        elif who.text.lower() in words.subject_pronouns | words.plural_pronouns:
            verb_i = who.i + 1
        if verb_i is None or verb_i >= len(doc):
            return None
        verb = doc[verb_i]
        if not (verb.is_alpha and verb.text.islower() and verb.pos_ in ("VERB", "NOUN", "ADV")):
            return None
    else:
        verb = t
        if not (verb.is_alpha and verb.text.islower()) or verb.i + 1 >= len(doc):
            return None
        who = doc[verb.i + 1]
        person = person_at(ctx, who)
    if person is None:
        pron = who.text.lstrip("-").lower()
        if pron in words.subject_pronouns:
            genders = who.morph.get("Gender", [])
            person = resolve_pronoun(ctx, verb.idx + ctx.offset,
                                     genders[0] if len(genders) == 1 else None, verb)
        elif pron in words.plural_pronouns:
            person = resolve_group(ctx, verb.idx + ctx.offset)
        if person is None:
            return None
        resolution = "pronoun"
    else:
        resolution = "named"
        ctx.add_subject(person)
    span = (verb.idx + ctx.offset, verb.idx + len(verb.text) + ctx.offset)
    return Attribution(person.text, person, verb.lemma_, "quote, VERB SUBJ (any verb)",
                       "incise-verb", 0.7 if resolution == "named" else 0.6, span, resolution)


def person_at(ctx: QuoteContext, tok: Token) -> Mention | None:
    """The person or organisation a token names: its mention, or, where the
    recogniser missed it, the surname of a person named earlier ("Donald
    Trump … Trump shot back": the tagger read "Trump" as a verb)."""
    m = ctx.mention_of(tok)
    if m is not None:
        return m if m.label in ("PER", "ORG") and m.label_cue != "credit" else None
    if not tok.text[:1].isupper() or not tok.is_alpha or ctx.in_quote(tok.idx + ctx.offset):
        return None
    pos = tok.idx + ctx.offset
    for prev in reversed(ctx.mentions_between(pos - 3000, pos)):
        if prev.label == "PER" and len(prev.text.split()) > 1 and prev.text.split()[-1] == tok.text:
            return Mention(tok.text, "PER", pos, pos + len(tok.text), prev.sentence,
                           prev.entity_id, prev.canonical)
    return None


def colon(ctx: QuoteContext, open_pos: int) -> Attribution | None:
    """Step 2: X a dit : « … » / X said: “…”.

    A participle naming a term is no speaker speaking: "le niveau dit « junk »".
    """
    doc = ctx.doc
    k = ctx.tok_at(open_pos) - 1
    gap = 0
    while k >= 0 and gap < 4:
        t = doc[k]
        if t.text in (".", "!", "?", "»", "”"):
            return None
        if t.is_punct or t.pos_ in ("ADV",) or t.text.lower() in ctx.words.complementizers:
            k -= 1
            gap += 1
            continue
        if is_speech(ctx, t):
            has_colon = any(x.text == ":" for x in doc[t.i + 1 : ctx.tok_at(open_pos)])
            if not has_colon and (t.dep_ in ("acl", "amod") or "Part" in t.morph.get("VerbForm", [])
                                  and "Pres" not in t.morph.get("Tense", [])
                                  and not any(c.dep_.startswith("aux") for c in t.children)):
                # a past participle names ("le niveau dit « junk »"); a present
                # one reports ("he began by saying, “…”")
                return None
            return from_verb(ctx, t, "colon", "SUBJ VERB : quote", 0.85)
        return None
    return None


def _token_before(ctx: QuoteContext, open_pos: int) -> int:
    """Index of the last token before the quote opening at ``open_pos``, spaces
    skipped (-1: none): the colon or full stop that may introduce it."""
    k = ctx.tok_at(open_pos) - 1
    while k >= 0 and ctx.doc[k].is_space:
        k -= 1
    return k


def name_colon(ctx: QuoteContext, open_pos: int) -> Attribution | None:
    """Step 3: Macron : « Nous sommes en guerre » / Scholz au Bundestag : « … ».

    The headline and lead convention: a person named before a colon that opens
    the quote, no verb in between. Only a person (an organisation before a
    colon is mostly a topic: "Santé : « … »"), and only when nothing but the
    name's own phrase (places, titles) precedes the colon in the sentence.
    """
    doc = ctx.doc
    k = _token_before(ctx, open_pos)
    if k < 0 or doc[k].text != ":":
        return None
    sent = ctx.sent(doc[k])
    head = doc[sent.start:k]
    dashes = [t.i for t in head if t.text in ("-", "–", "—")]
    if dashes:
        # "The interplay has been important - Philip Bump: “…”": a dash
        # sets the name off from a heading or a topic before it
        head = doc[dashes[-1] + 1:k]
    if not len(head) or any(t.pos_ in ("VERB", "AUX") for t in head):
        return None
    for m in ctx.mentions:
        if m.label != "PER" or ctx.in_quote(m.start):
            continue
        if head.start_char + ctx.offset <= m.start and m.end <= doc[k].idx + ctx.offset:
            return Attribution(m.text, m, None, "NAME : quote", "name-colon", 0.75)
    named = _unrecognised_name(ctx, head)
    if named is not None:
        return Attribution(named.text, named, None, "NAME : quote", "name-colon", 0.7)
    return None


def _unrecognised_name(ctx: QuoteContext, head: Span) -> Mention | None:
    """A person's name the recogniser missed before the colon: "… important
    for Republican contests - Philip Bump: “…”" (no entity at all there).
    Only two to four capitalised proper nouns (an initial may stand between)
    opening on a given name whose gender the name lists know, and nothing
    the recogniser labelled: "Philip Morris" as an organisation stays one."""
    words = [t for t in head if not t.is_space]
    if not 2 <= len(words) <= 4 or any(
            t.pos_ != "PROPN" or not t.text[:1].isupper() or (len(t.text) > 2 and t.text.isupper())
            for t in words):
        return None
    start, end = words[0].idx + ctx.offset, words[-1].idx + len(words[-1].text) + ctx.offset
    if any(m.start < end and start < m.end for m in ctx.mentions):
        return None
    text = ctx.text[start - ctx.offset:end - ctx.offset]
    if given_name_gender(text) is None:
        return None
    return Mention(text, "PER", start, end, 0, label_cue="given name")


def according_colon(ctx: QuoteContext, open_pos: int) -> Attribution | None:
    """Step 3b: …, selon la rectrice Manuela Schätzler : « … » / according to X: “…”.

    The "selon X" phrase right before the colon that opens the quote names its
    speaker: the person or organisation between the phrase and the colon.
    """
    words = ctx.words
    if not words.according_to:
        return None
    doc = ctx.doc
    k = _token_before(ctx, open_pos)
    if k < 0 or doc[k].text != ":":
        return None
    colon_pos = doc[k].idx + ctx.offset
    phrases = [re.findall(r"\w+", p.lower()) for p in words.according_to]
    lo = max(ctx.sent(doc[k]).start, k - 10)
    for j in range(k - 1, lo - 1, -1):
        t = doc[j]
        if t.is_punct and t.text != "'":
            return None
        if any(ph and ph[-1] == t.lower_ and all(
                j - n >= 0 and re.sub(r"\W", "", doc[j - n].lower_) == w
                for n, w in enumerate(reversed(ph))) for ph in phrases):
            found = [m for m in ctx.mentions_between(t.idx + ctx.offset, colon_pos)
                     if m.label in ("PER", "ORG") and not ctx.in_quote(m.start)]
            if found:
                m = found[-1]
                return Attribution(m.text, m, None, "selon X : quote", "according-colon", 0.8,
                                   None, "named")
            return None
    return None


def read_in_colon(ctx: QuoteContext, open_pos: int) -> Attribution | None:
    """Step 3c: Nous lisons dans la Presse de Vienne : « … » / On lit dans
    l'Opinion nationale : « … » — a reading verb of the language and its
    preposition before the colon that opens the quote: what was read is the
    source. Its speaker is the person or organisation named there, else the
    phrase itself when it is a name (a capitalised word: a paper's title the
    recogniser splits, "la Presse de Vienne"); an unnamed document ("dans le
    communiqué") is a source without a speaker."""
    reading = ctx.words.reading_verbs
    if not reading:
        return None
    doc = ctx.doc
    k = _token_before(ctx, open_pos)
    if k < 0 or doc[k].text != ":":
        return None
    lo = max(ctx.sent(doc[k]).start, k - 14)
    for j in range(k - 1, lo - 1, -1):
        prep = doc[j]
        if prep.text in (".", ";", "!", "?", "«", "»", "“", "”") or ctx.in_quote(prep.idx + ctx.offset):
            return None
        verb = next((x for x in doc[max(lo, j - 4):j] if x.lemma_.lower() in reading), None)
        if verb is None or prep.lower_ not in reading[verb.lemma_.lower()]:
            continue
        src = [t for t in doc[j + 1:k] if not t.is_space]
        if not src or any(t.pos_ in ("VERB", "AUX") for t in src):
            return None
        a, b = src[0].idx + ctx.offset, src[-1].idx + len(src[-1].text) + ctx.offset
        cue = (verb.idx + ctx.offset, prep.idx + len(prep.text) + ctx.offset)
        named = [m for m in ctx.mentions_between(a, b) if m.label in ("PER", "ORG", "MISC")]
        if named:
            m = max(named, key=lambda x: x.end - x.start)
            return Attribution(m.text, m, verb.lemma_, "lire dans X : quote", "read-in", 0.75,
                               cue, "named")
        if any(t.text[:1].isupper() for t in src if t.pos_ in ("NOUN", "PROPN")):
            first = 1 if src[0].lower_ in ctx.words.articles and len(src) > 1 else 0
            m = Mention(doc[src[first].i:src[-1].i + 1].text, "ORG",
                        src[first].idx + ctx.offset, b, 0)
            return Attribution(m.text, m, verb.lemma_, "lire dans X : quote", "read-in", 0.7,
                               cue, "named")
        return Attribution(None, None, verb.lemma_, "lire dans X : quote", "read-in", 0.5, cue)
    return None


@cache
def _according_to_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p).replace("'", "['’]") for p in phrases)
    # an abbreviation point ("M. Dupont") does not end the attribution
    return re.compile(r"(?:[^.;!?«»“”]|(?<=\b[A-Z])\.){0,120}?\b(" + alternatives + r")\s+"
                      r"([^.;!?«»“”]+)", re.I)


def according_to(ctx: QuoteContext, close_end: int) -> tuple[Attribution | None, str | None]:
    """Step 4: « … », selon X / “…”, according to X.

    Also returns the "selon …" phrase as the quote's source, even when X is a
    document ("selon un communiqué") and so no speaker.
    """
    if not ctx.words.according_to:
        return None, None
    m = _according_to_pattern(ctx.words.according_to).match(ctx.text, close_end - ctx.offset)
    if not m:
        return None, None
    phrase = (m.group(1) + " " + m.group(2)).strip().rstrip(",")
    phrase = phrase.split(",")[0].strip()
    k = ctx.tok_at(m.start(2) + ctx.offset)
    if k < len(ctx.doc):
        mention = ctx.mention_of(ctx.doc[k])
        if mention is not None and mention.label in ("PER", "ORG"):
            return Attribution(mention.text, mention, None, "quote, selon SPEAKER", "selon", 0.8), phrase
    return None, phrase


def passive_agent(ctx: QuoteContext, open_pos: int, close_end: int) -> Attribution | None:
    """Step 5: Réélection jugée « lamentable » par le Mexique / described as "…" by X.

    The quoted words are the agent's, when the agent is named: "jugé
    « irréaliste » par de nombreux experts" names nobody, so no speaker.
    """
    words = ctx.words
    doc = ctx.doc
    k = ctx.tok_at(open_pos) - 1
    steps = 0
    while k >= 0 and steps < 3 and (doc[k].is_space or doc[k].text.lower() in words.judgement_links):
        k -= 1
        steps += 1
    # a past participle; the French model often tags "jugée" ADJ without morphology
    if k < 0 or not (doc[k].pos_ in ("VERB", "ADJ") and (
            "Part" in doc[k].morph.get("VerbForm", [])
            or doc[k].text.lower().endswith(words.participle_endings))):
        return None
    j = ctx.tok_at(close_end)
    while j < len(doc) and (doc[j].is_space or doc[j].text in (",",)):
        j += 1
    if j >= len(doc) or doc[j].text.lower() not in words.agent_prepositions:
        return None
    for t in doc[j + 1 : min(len(doc), j + 4)]:
        m = ctx.mention_of(t)
        if m is not None and m.label in ("PER", "ORG", "LOC"):
            return Attribution(m.text, m, doc[k].lemma_, "participle « quote » par AGENT",
                               "passive-agent", 0.7)
        if t.pos_ not in ("DET",):
            break
    return None


def embedded(start: int, end: int,
             indirect: list[tuple[Quote, Attribution]]) -> Attribution | None:
    """Step 6: X a déclaré que … « immédiatement » … — the reported statement's speaker."""
    host = [(iq, ia) for iq, ia in indirect if iq.start <= start and end <= iq.end and ia.speaker]
    if not host:
        return None
    # the innermost statement holding the quote: "David Bennett … said that the
    # research was “interesting” …, NBC reported" quotes Bennett, not NBC
    ia = min(host, key=lambda h: h[0].end - h[0].start)[1]
    return Attribution(ia.speaker, ia.mention, ia.verb, "inside reported speech", "embedded", 0.6,
                       ia.cue_span, "embedded")


def _naming_participle(t: Token) -> bool:
    """"le niveau dit « junk »", "described as": a past participle without
    auxiliary names a thing; nobody speaks through it."""
    return ("Part" in t.morph.get("VerbForm", []) and "Pres" not in t.morph.get("Tense", [])
            and t.tag_ != "VBG" and not any(c.dep_.startswith("aux") for c in t.children))


def narrated(ctx: QuoteContext, open_pos: int, close_end: int) -> Attribution | None:
    """Step 7: partial quotes inside narration take the narration's speaker.

    Tony Blair est « heureux d'annoncer … » / Obama "knows full well that …" /
    He called it a "fundamental mistake": the quoted words hang, in the parse,
    on a speech verb outside the marks (its subject speaks), or they are the
    predicate of a subject named just before the marks (that subject speaks).
    """
    doc = ctx.doc
    a, b = ctx.tok_at(open_pos), ctx.tok_at(close_end)
    inside = range(a, b)
    if not len(inside):
        return None
    tops = [doc[k] for k in inside if not (a <= doc[k].head.i < b) or doc[k].head.i == k]
    for top in tops[:3]:
        if top.head.i == top.i:
            continue  # the quote is its own sentence: nothing narrates it
        t, hops = top.head, 0
        while hops < 6:
            if not (a <= t.i < b) and is_speech(ctx, t) and not _naming_participle(t):
                att = from_verb(ctx, t, "narrated", "narration VERB « quote »", 0.7)
                return att if att.speaker else None
            if t.head.i == t.i:
                break
            t, hops = t.head, hops + 1
    for top in tops[:3]:
        # the quoted predicate's subject, named outside the marks just before them
        for c in top.children:
            if c.dep_ in SUBJ_DEPS and c.i < a and a - c.right_edge.i <= 4:
                # "Le Premier ministre Paul Martin est « heureux … »": the name may
                # be the subject's apposition
                m = ctx.mention_of(c) or named_in_subject(ctx, c)
                if m is not None and m.label in ("PER", "ORG") and not ctx.in_quote(m.start):
                    return Attribution(m.text, m, None, "SUBJ « predicate »", "narrated", 0.6,
                                       None, "narrated")
    return None


def lead_in(ctx: QuoteContext, open_pos: int) -> Attribution | None:
    """Step 7b: the sentence just before the quote introduces its speaker.

    "Hervé Mangin, le patron du camping, confirme. « Je mets … »" (a speech
    verb with nothing reported in its own sentence) and "Le président de
    l'UIMM n'est pas très optimiste : « … »" (a clause about a person that
    opens the quote with a colon): the clause's subject speaks.
    """
    doc = ctx.doc
    k = _token_before(ctx, open_pos)
    if k < 0 or doc[k].text not in (":", ".", "!"):
        return None
    sent = ctx.sent(doc[k])
    if doc[k].text == ":":
        # the clause before the colon (the quote may share its sentence)
        before = doc[sent.start:k]
        preds = [t for t in before if t.dep_ in ("ROOT", "conj") and any(
            c.dep_ in SUBJ_DEPS and c.i < k and c.text.lower() not in ctx.words.relative_subjects
            and not ctx.in_quote(c.idx + ctx.offset) for c in t.children)]
        if not preds:
            # the parse hung the clause before the colon on the quote's verb
            # ("…, the Illinois Board of Elections was conclusive in its
            # findings: “Further discussion … is unnecessary.”"): the
            # clause's own head, its subject before the colon; not when a
            # speech verb stands between ("… received an email from officials
            # warning them: “…”": the officials warn, not the recipients)
            preds = [t for t in before if t.head.i >= k and t.pos_ in ("VERB", "AUX") and any(
                c.dep_ in SUBJ_DEPS and c.i < k and c.text.lower() not in ctx.words.relative_subjects
                and not ctx.in_quote(c.idx + ctx.offset) for c in t.children)
                and not any(x.pos_ == "VERB" and is_speech(ctx, x) for x in doc[t.i + 1:k])]
        if not preds:
            # the parse gave the clause no subject ("…, le général Kelche, chef
            # d'état-major, l'a rappelé, hier, …, en présence de …: « … »"): a
            # speech verb rooting it still introduces the quote
            preds = [t for t in before if t.dep_ == "ROOT" and is_speech(ctx, t)
                     and not ctx.in_quote(t.idx + ctx.offset)]
        if not preds:
            return None  # "Santé : « … »": a topic, nobody speaks
        root = preds[0]
        if any(ctx.in_quote(t.idx + ctx.offset) for t in doc[root.i:k]):
            return None  # another quote stands between the clause and the colon
    else:
        if any(ctx.in_quote(t.idx + ctx.offset) for t in sent):
            return None  # a sentence with its own quote: continued() decides
        root = sent.root
        # a speech verb that reports nothing itself: "X confirme." / "X témoigne."
        if not is_speech(ctx, root) or any(c.dep_ in ("ccomp", "obj", "dobj", "xcomp", "obl:arg")
                                           for c in root.children):
            return None
    att = from_verb(ctx, root, "lead-in", "SUBJ VERB. « quote »", 0.65)
    if att.speaker is None or (att.mention is None and att.resolution != "noun"):
        return None
    if doc[k].text == ":" and att.mention is None:
        # a common noun before a colon speaks only as a role of an organisation
        # or a place ("Le président de l'UIMM n'est pas optimiste :"), not as a
        # topic ("The health issue overall is a partisan issue, …:")
        subj = [c for c in root.children if c.dep_ in SUBJ_DEPS]
        # (not a possessor: "The timing of Sanders' surge doesn't surprise
        # pollster Daron Shaw:" is no word of Sanders')
        if not subj or not any(ctx.mention_of(t) is not None and "poss" not in (t.dep_, t.head.dep_)
                               for t in subj[0].subtree):
            return None
    return att


def announced(ctx: QuoteContext, open_pos: int) -> tuple[Attribution, str | None] | None:
    """Step 7b': a clause that announces a document before the colon ("L'empereur
    vient d'adresser au sénat un ukase, dont la teneur suit : « … »", "la
    résolution suivante, présentée par M. Renaudel, fut votée : « … »"): the
    quotation is the document's text (a document noun and one of the pack's
    ``following_words`` before the colon). Its issuer, the subject of the
    clause, speaks; when the document is itself the subject, nobody is named
    and the document is the quote's source."""
    words = ctx.words
    if not words.following_words or not words.document_nouns:
        return None
    doc = ctx.doc
    k = _token_before(ctx, open_pos)
    if k < 0 or doc[k].text != ":":
        return None
    before = doc[ctx.sent(doc[k]).start:k]
    # scans of the old press read the long s as f ("dont la teneur fuit :")
    if not any(t.lower_ in words.following_words or t.lower_.replace("f", "s") in words.following_words
               for t in before) \
            or any(ctx.in_quote(t.idx + ctx.offset) for t in before):
        return None
    papers = [t for t in before if t.pos_ == "NOUN" and t.lemma_.lower() in words.document_nouns]
    if not papers:
        return None
    paper = papers[0]
    verbs = [t for t in before if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj")
             and any(c.dep_ in SUBJ_DEPS for c in t.children)]
    for v in verbs:
        subj = next(c for c in v.children if c.dep_ in SUBJ_DEPS)
        if subj.i == paper.i or subj.lemma_.lower() in words.document_nouns:
            break  # the document is the subject: it speaks for nobody named
        att = from_verb(ctx, v, "announced", "SUBJ … document suivant : « quote »", 0.6)
        if att.speaker is not None:
            return att, None
    return Attribution(None, None, None, "document suivant : « quote »", "announced", 0.5), \
        np_text(paper)


def inner_incise(ctx: QuoteContext, start: int, end: int) -> Attribution | None:
    """Step 7c: an incise set inside the marks by commas: « Nous avons,
    a-t-il affirmé, tout essayé » / « Nous avons tout essayé, a expliqué Jean
    Dupont, mais … » (one pair of marks around the whole). The verb opens its
    comma-bounded phrase (only auxiliaries and clitics before it), its subject
    is inverted (a hyphenated pronoun or a name after it); nothing else."""
    doc, words = ctx.doc, ctx.words
    if words.subject_before_incise_verb:
        return None
    a, b = ctx.tok_at(start), min(ctx.tok_at(end), len(doc))
    for i in range(a + 1, b):
        t = doc[i]
        if not is_speech(ctx, t, incise=True):
            continue
        j = i - 1
        while j > a and (doc[j].pos_ == "AUX" or doc[j].text.startswith("-")
                         or doc[j].text.lower().rstrip("'’") in ("m", "l", "me", "nous", "lui")
                         or doc[j].text.lower() in words.euphonic_tokens):
            j -= 1
        if doc[j].text != "," or i - j > 5:
            continue
        right: list[Token] = []
        k = i + 1
        while k < b and doc[k].text != "," and len(right) < 7:
            if doc[k].text in (".", "!", "?", ";", ":"):
                break
            right.append(doc[k])
            k += 1
        if k >= b or doc[k].text != ",":
            continue
        clitics = [x for x in doc[j + 1:k] if x.text.startswith("-")]
        span = (t.idx + ctx.offset, t.idx + len(t.text) + ctx.offset)
        for c in clitics:
            pron = c.text.lstrip("-").lower()
            if pron in words.subject_pronouns:
                genders = c.morph.get("Gender", [])
                m = resolve_pronoun(ctx, start, genders[0] if len(genders) == 1 else None)
            elif pron in words.plural_pronouns:
                m = resolve_group(ctx, start)
            else:
                continue
            if m is None:
                return None
            return Attribution(m.text, m, t.lemma_, "« …, VERB-PRON, … »", "inner-incise", 0.7,
                               span, "pronoun")
        for x in right:
            m = person_at(ctx, x)
            if m is not None:
                ctx.add_subject(m)
                return Attribution(m.text, m, t.lemma_, "« …, VERB SUBJ, … »", "inner-incise",
                                   0.8, span, "named")
        return None
    return None


def first_person_lead(ctx: QuoteContext, open_pos: int, start: int,
                      end: int) -> Attribution | None:
    """Step 7d: a quote in the first person that opens its sentence, right
    after a sentence about a person: "Dans son studio, Cindy Santos enregistre
    son album. « En juin, j'irai … »" -- the person the narration is about
    (the previous sentence's subject: a name, a resolved pronoun, a role)."""
    words = ctx.words
    if not words.first_person_words:
        return None
    doc = ctx.doc
    a, b = ctx.tok_at(start), min(ctx.tok_at(end), len(doc))
    if not any(t.text.lower() in words.first_person_words for t in doc[a:b]):
        return None
    k = _token_before(ctx, open_pos)
    if k < 0 or doc[k].text not in (".", "!", "?"):
        return None
    sent = ctx.sent(doc[k])
    if any(ctx.in_quote(t.idx + ctx.offset) for t in sent):
        return None
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    att = from_verb(ctx, root, "lead-in", "SUBJ VERB. « je … »", 0.6)
    if att.speaker is None or att.mention is None or att.mention.label != "PER":
        return None
    att.method = "first-person-lead"
    return att


def continued(q: Quote, previous: list[Quote], ctx: QuoteContext,
              max_gap: int = 400, open_pos: int | None = None,
              unsaid: Sequence[int] = ()) -> Quote | None:
    """Step 8: a quote with no speaker continues the last quote's speaker.

    “… ,” Kasich said. “I hate to say it …” — the second quote is Kasich's,
    when nobody else is named between the two (outside quote marks) and the
    narration between them is short (``max_gap`` characters). ``open_pos``:
    where this quote's mark opens; ``unsaid``: the ends of the quotes before
    it that nobody was found to say, sorted.
    """
    # ``previous`` is sorted by end (extract keeps it so): the last one ending
    # before this quote, found by bisection (bounded work per quote)
    k = bisect.bisect_right(previous, q.start, key=lambda p: p.end)
    before = [p for p in previous[max(0, k - 8):k] if p.speaker]
    if not before:
        return None
    prev = max(before, key=lambda p: p.end)
    lo, hi = prev.end, q.start
    j = bisect.bisect_right(unsaid, lo)
    if j < len(unsaid) and unsaid[j] <= hi:
        # a quote between the two was nobody's to carry (someone else was
        # announced before it): the chain of the earlier speaker is broken
        return None
    if open_pos is not None and ctx.words.colon_announces_speaker \
            and _announces_other(ctx, open_pos, prev):
        return None
    if ctx.words.repair_missing_subject and _own_actor(ctx, q, prev):
        return None
    if hi - lo > 4 * max_gap:
        return None
    outside = sum(1 for k in range(lo, hi)
                  if not ctx.in_quote(k) and not ctx.text[k - ctx.offset].isspace())
    if outside > max_gap:
        return None
    first = bool(ctx.words.first_person_words) and any(
        w.lower() in ctx.words.first_person_words for w in re.findall(r"\w+['’]?", q.text))
    for m in ctx.mentions_between(lo, hi):
        if first and m.start not in ctx.subject_starts and not ctx.in_quote(m.start):
            continue  # "… le compositeur Hakim. « J'ai découvert … »": only mentioned
        if (m.label in ("PER", "ORG") or m.label == "LOC" and not _governed(ctx, m)) \
                and (not ctx.in_quote(m.start)
                and m.start != prev.speaker_start and m.text != prev.speaker
                and not _addressee(ctx, m, prev.end)
                and not _in_role_of(ctx, m, prev)):
            return None  # somebody else is named between the two quotes
    return prev


#: Dependencies that keep a word inside the noun phrase it modifies (a
#: complement, a participle's complement, an apposition): the way up from a
#: name in a subject's modifiers to the subject's head noun.
_PHRASE_DEPS = frozenset({"nmod", "obl", "obl:arg", "obl:mod", "obl:agent", "acl", "amod",
                          "appos", "flat", "flat:name", "compound"})


def _in_role_of(ctx: QuoteContext, m: Mention, prev: Quote) -> bool:
    """Is the name only a modifier of a subject whose head noun is a role of
    the last speaker? "Pierre Moscovici veut … L'ancien haut-fonctionnaire
    détaché de la Cour des comptes, y reviendra …, mais continuera « à
    travailler avec ardeur »": the subject is the role noun, which stands for
    Moscovici; the institution in its complement names nobody who speaks, so
    the last speaker's chain goes on. The head of the subject phrase decides,
    not a name in its modifiers: a head that is another person, or nobody the
    text named before ("un expert de l'OCDE"), still breaks the chain. Only
    where definite role nouns are read as anaphors (the pack lists
    ``person_nouns``: French)."""
    if not ctx.words.person_nouns or not prev.speaker:
        return False
    span = ctx.tok_span(m)
    if not len(span):
        return False
    t, hops = ctx.doc[span[0]], 0
    while t.i in span and t.head.i in span and t.head.i != t.i:
        t = t.head  # the mention's own head token
    while hops < 6 and t.dep_ in _PHRASE_DEPS and t.head.i != t.i:
        t, hops = t.head, hops + 1
    if t.dep_ not in ("nsubj", "nsubj:pass") or t.pos_ != "NOUN" or t.i in span \
            or ctx.mention_of(t) is not None:
        return False
    holder = resolve_role(ctx, t)
    return holder is not None and holder.label == "PER" and (
        holder.start == prev.speaker_start or holder.text == prev.speaker
        or holder.text.split()[-1] == prev.speaker.split()[-1])


def _own_actor(ctx: QuoteContext, q: Quote, prev: Quote) -> bool:
    """The quoted words hang, in the parse, on a verb outside the marks whose
    subject is a noun or a name other than the last speaker: "Dans le Pays de
    Montbéliard, le conseiller municipal et régional d'opposition rejette
    « le catastrophisme … »" is that clause's, whatever "rejeter" is; the
    previous quote's speaker does not carry into it (nobody, rather than the
    wrong one, when the verb is no speech verb). A pronoun subject ("il veut
    « … »") may well be the last speaker: not judged here."""
    doc = ctx.doc
    a, b = ctx.tok_at(q.start), ctx.tok_at(q.end)
    tops = [doc[k] for k in range(a, min(b, len(doc))) if not (a <= doc[k].head.i < b)]
    for top in tops[:3]:
        verb = top.head
        if verb.i == top.i or verb.pos_ not in ("VERB", "AUX") or ctx.in_quote(verb.idx + ctx.offset):
            continue
        for c in verb.children:
            if c.dep_ != "nsubj" or c.pos_ not in ("NOUN", "PROPN") or c.i >= a \
                    or ctx.in_quote(c.idx + ctx.offset):
                continue
            m = ctx.mention_of(c)
            if m is not None and (m.start == prev.speaker_start or m.text == prev.speaker):
                continue
            if prev.speaker and c.lower_ in prev.speaker.lower().split():
                continue  # "le maire … Le maire ajoute « … »": the same speaker
            return True
    return False


def _announces_other(ctx: QuoteContext, open_pos: int, prev: Quote) -> bool:
    """The quote opens after a colon ending a clause whose subject is a noun
    that is not the last speaker: "Even with pandemonium on the streets, one
    officer has clearly identified where the shooting is coming from: “…”"
    (NYT, police radio after the sheriff spoke). :func:`lead_in` gives a
    common noun no quote of its own (a topic may end on a colon too), but the
    writer announced somebody new: the earlier speaker's words end there. A
    pronoun subject ("he told reporters: …") announces no one new."""
    doc = ctx.doc
    k = _token_before(ctx, open_pos)
    if k < 0 or doc[k].text != ":":
        return False
    sent = ctx.sent(doc[k])
    for t in doc[sent.start:k]:
        if t.dep_ not in SUBJ_DEPS or t.pos_ not in ("NOUN", "PROPN") \
                or t.head.dep_ != "ROOT" or ctx.in_quote(t.idx + ctx.offset):
            continue
        m = ctx.mention_of(t)
        if m is not None and (m.start == prev.speaker_start or m.text == prev.speaker):
            continue
        if m is None and prev.speaker and t.lower_ in prev.speaker.lower().split():
            continue  # "the spokesman said … The spokesman added: …"
        return True
    return False


def _governed(ctx: QuoteContext, m: Mention) -> bool:
    """A place after a preposition ("in Washington", "à Paris") is where things
    happen; a place without one ("Paris et Bonn se sont déclarés") may speak."""
    k = ctx.tok_at(m.start) - 1
    while k >= 0 and ctx.doc[k].pos_ == "DET":
        k -= 1
    return k >= 0 and ctx.doc[k].pos_ == "ADP"


def _addressee(ctx: QuoteContext, m: Mention, prev_end: int) -> bool:
    """A name in the previous quote's own incise that is not its subject:
    "“It's doable,” Risch told The Spokesman-Review. “Is it …”" — the paper
    was spoken to; it does not take the next quote."""
    i = ctx.tok_at(m.start)
    j = ctx.tok_at(prev_end) - 1
    if i >= len(ctx.doc) or j < 0 or j >= len(ctx.doc):
        return False
    tok = ctx.doc[i]
    if ctx.sent(tok).start != ctx.sent(ctx.doc[j]).start:
        return False
    t = tok
    for _ in range(3):  # up through the name's own words to its head
        if t.dep_ in SUBJ_DEPS:
            return False
        if t.dep_ not in ("flat", "flat:name", "compound", "appos", "det") or t.head is t:
            break
        t = t.head
    return True


def attribute(ctx: QuoteContext, span: tuple[int, int, int, int],
              indirect: list[tuple[Quote, Attribution]]) -> tuple[Attribution, str | None]:
    """(attribution, "selon …" source) of the direct quote ``span`` (see module doc)."""
    a, s, e, c = span
    attr = incise(ctx, c) or colon(ctx, a) or name_colon(ctx, a) or according_colon(ctx, a) \
        or read_in_colon(ctx, a)
    sel, source = according_to(ctx, c)
    if attr is None or attr.speaker is None:
        attr = sel or passive_agent(ctx, a, c) or attr
    if attr is None or attr.speaker is None:
        attr = embedded(s, e, indirect) or attr
    if attr is None or attr.speaker is None:
        attr = narrated(ctx, a, c) or attr
    if attr is None or attr.speaker is None:
        attr = lead_in(ctx, a) or attr
    if attr is None or attr.speaker is None:
        announced_by = announced(ctx, a)
        if announced_by is not None:
            attr, document = announced_by
            source = source or document
    if attr is None or attr.speaker is None:
        attr = inner_incise(ctx, s, e) or first_person_lead(ctx, a, s, e) or attr
    if attr is None:
        attr = unattributed()
    elif attr.speaker is None:  # a verb nearby but nobody named: not an attribution
        attr = unattributed(attr.verb)
    return attr, source
