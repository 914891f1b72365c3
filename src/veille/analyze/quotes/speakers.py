"""Who is speaking: the subject of a speech verb, a pronoun's antecedent.

Pronoun subjects (il, elle, he, she: the language's ``subject_pronouns``)
resolve to the most recent PER mention that was a grammatical subject (or a
quote's speaker) before the quote; an unresolved pronoun names nobody.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from veille.analyze.quotes.addressees import addressee_subject
from veille.analyze.quotes.context import (
    SUBJ_DEPS,
    Attribution,
    QuoteContext,
    impersonal_subject,
    is_speech,
)
from veille.analyze.quotes.gender import known_given_name
from veille.analyze.quotes.organisation_roles import organisation_role
from veille.core.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


#: How far back (characters) a pronoun looks: for a subject that spoke
#: narratively (not inside somebody's statement), for a speaker named by a
#: common noun, and for any person at all. Tuned on PolNeAR train's tune half.
NARRATIVE_WINDOW = 400
NOUN_WINDOW = 400
PRONOUN_WINDOW = 3000
#: A pronoun prefers the last named speaker within this many characters over a
#: person named since who has not spoken (0: off; +2 pronouns on PolNeAR train's tune
#: half at 400 characters, -2 on dev: not adopted, see docs/measured/quality-quotes.md).
SPEAKER_CONTINUITY = 0


def resolve_pronoun(ctx: QuoteContext, before: int, gender: str | None = None,
                    verb: Token | None = None, links: int = 8) -> Mention | None:
    """Most recent PER subject (or, failing that, PER mention) before ``before``.

    "Catherine Colonna a rencontré son homologue. « … », a-t-elle déclaré."
    -> Catherine Colonna. With the pronoun's ``verb``, nobody named inside a
    participle clause of that verb that has no subject of its own (see
    ``_bound_by_pronoun``).
    """
    shut = _bound_by_pronoun(ctx, verb)
    # names inside quoted words ("Merci, Vladimir …") are not narrative antecedents
    best = [m for m in ctx.recent(ctx.subject_mentions, before, PRONOUN_WINDOW)
            if not ctx.in_quote(m.start) and not _inside(m, shut)]
    if gender:
        # "Elle a souligné" is not "le président Chirac": the parse's morphology
        best = [m for m in best if ctx.gender(m) in (None, gender)]
    if links and gender:
        link = _previous_pronoun(ctx, best[-1].end if best else before - PRONOUN_WINDOW,
                                 before, gender, verb)
        if link is not None:
            # "Asked about …, she replied … “Really,” she added": the same
            # pronoun since the last person named continues its chain
            return resolve_pronoun(ctx, link.head.idx + ctx.offset, gender, link.head, links - 1)
    narrative = [m for m in best if m.start not in ctx.reported_subjects]
    if SPEAKER_CONTINUITY:
        spoke = [m for m in ctx.recent(ctx.speaker_mentions, before, SPEAKER_CONTINUITY)
                 if not ctx.in_quote(m.start) and (not gender or ctx.gender(m) in (None, gender))]
        if spoke and best and best[-1].start > spoke[-1].start \
                and best[-1].start not in {x.start for x in ctx.speaker_mentions}:
            return spoke[-1]
    # a noun agrees only when its grammatical gender is known (French: "le
    # ministère" / "il"); English nouns carry none: "he" is never "the company"
    nouns = [m for m in ctx.recent(ctx.noun_speakers, before, NOUN_WINDOW)
             if gender is not None and ctx.gender(m) == gender and not _inside(m, shut)]
    person = _person_noun_subject(ctx, before, gender, shut) if gender else None
    if person is not None and (not best or person.idx + ctx.offset > best[-1].end) \
            and (not nouns or person.idx + ctx.offset > nouns[-1].end):
        # "un homme blanc, non affecté par la mort de George Floyd, s'est rendu
        # … « … », a-t-il déclaré": the nearest subject of the pronoun's gender
        # is a person named by a noun; the person it stands for if the text
        # gave the role to one, else the noun phrase itself, not a name further
        # back or inside the phrase
        return _as_speaker(ctx, person)
    if gender and ctx.words.plural_noun_antecedents:
        # "Il y avait une pianiste et un ministre. Je ne me souviens pas du
        # discours du ministre. Mais, causant avec quelques jeunes gens, il leur
        # dit :" -- a person's noun in another place than the subject, nearer
        # than any person named (none since, by _person_noun_subject's test)
        near = _person_noun_subject(ctx, before, gender, shut, any_place=True)
        if near is not None and near.dep_ not in ("nsubj", "nsubj:pass") \
                and (not best or near.idx + ctx.offset > best[-1].end
                     and not _subject_in_focus(ctx, best[-1], near)) \
                and (not nouns or near.idx + ctx.offset > nouns[-1].end):
            return _as_speaker(ctx, near)
    if nouns and (not best or nouns[-1].start > best[-1].start):
        # "Le chef du gouvernement vietnamien a affirmé … Il a déclaré": the
        # nearest speaker was named by a noun, after any named person
        return nouns[-1]
    if narrative and (not best or before - narrative[-1].end < NARRATIVE_WINDOW):
        return narrative[-1]
    if best:
        return best[-1]
    per = [m for m in ctx.recent(ctx.mentions, before, PRONOUN_WINDOW)
           if m.label == "PER" and not ctx.in_quote(m.start) and not _inside(m, shut)
           and (not gender or ctx.gender(m) in (None, gender))]
    if per:
        return per[-1]
    if gender and ctx.words.plural_noun_antecedents:
        # "La commission fait ressortir … Elle déclare s'abstenir …": no person
        # anywhere before, a body named by a noun of the pronoun's gender that
        # was the subject of a speech verb speaks
        body = _noun_subject(ctx, before, NOUN_WINDOW, "Sing", gender)
        if body is not None:
            return body
        # "la tête d'un ouvrier … il la ramasse et crie : « … »": nobody named
        # before, the nearest person named by a noun, whatever its place
        person = _person_noun_subject(ctx, before, gender, shut, any_place=True)
        if person is not None:
            return _as_speaker(ctx, person)
    return None


def _demonstrative(ctx: QuoteContext, tok: Token) -> tuple[str, str] | None:
    """(gender, number) when ``tok`` is a demonstrative of the pack's
    ``demonstrative_pronouns``: "celui-ci", OCR's "Celleci", or "ce dernier"
    (the parse makes "dernier" a noun with its determiner)."""
    forms = ctx.words.demonstrative_pronouns
    if not forms:
        return None
    low = tok.lower_
    # the tokenizer splits "Celle-ci" into "Celle", "-", "ci"
    for nxt in tok.doc[tok.i + 1 : tok.i + 3]:
        if nxt.lower_ not in ("-", "\u2011", "ci", "-ci") or tok.whitespace_:
            break
        low += nxt.lower_
        if nxt.whitespace_:
            break
    low = low.replace("-", "").replace("\u2011", "")
    if low in forms:
        return forms[low]
    det = [c for c in tok.children if c.dep_ == "det" and c.i == tok.i - 1]
    if det:
        return forms.get(f"{det[0].lower_} {tok.lower_}")
    return None


def resolve_demonstrative(ctx: QuoteContext, before: int, gender: str) -> Mention | None:
    """The person a singular demonstrative names: the last one mentioned
    before it, in any place ("Le juge a interrogé Marc Petit. Celui-ci a nié
    …" is Petit; a pronoun would look for the last subject, the judge). A
    person named by a noun ("le maire") counts when nearer than any name."""
    per = [m for m in ctx.recent(ctx.mentions, before, NOUN_WINDOW * 2)
           if m.label == "PER" and not ctx.in_quote(m.start) and m.end <= before
           and ctx.gender(m) in (None, gender)]
    noun = _person_noun_subject(ctx, before, gender, [], any_place=True) \
        if ctx.words.person_nouns else None
    if noun is not None and (not per or noun.idx + ctx.offset > per[-1].end):
        named = _apposed_name(ctx, noun)
        if named is not None:
            return named  # "Marie Durand, la présidente de l'association. Celle-ci …"
        return _as_speaker(ctx, noun)
    return per[-1] if per else None


def _apposed_name(ctx: QuoteContext, noun: Token) -> Mention | None:
    """The person's name a role noun stands beside: the parse's apposition, or
    a name and a comma right before the noun phrase (the parse often makes
    "Marie Durand, la présidente" two objects)."""
    doc = ctx.doc
    cands = [noun.head] if noun.dep_ == "appos" else []
    left = noun.left_edge.i
    if left >= 2 and doc[left - 1].text == ",":
        cands.append(doc[left - 2])
    for t in cands:
        m = ctx.mention_of(t)
        if m is not None and m.label == "PER":
            return m
    return None


def _subject_in_focus(ctx: QuoteContext, m: Mention, noun: Token) -> bool:
    """Was the named subject ``m`` named in ``noun``'s sentence or the one
    before? Then it is still the topic, and a pronoun after the object noun is
    its ("M. Rouher est venu voir le ministre. Il aurait ajouté …": Rouher)."""
    span = ctx.tok_span(m)
    if not len(span):
        return False
    first = ctx.sent(noun).start
    if first > 0:
        first = ctx.sent(ctx.doc[first - 1]).start
    return span[0] >= first


def _as_speaker(ctx: QuoteContext, person: Token) -> Mention | None:
    """The speaker a pronoun's noun antecedent names: the organisation the
    recogniser found, the person the text gave the role to, else the noun
    phrase itself (kept as a noun speaker for the pronouns after it)."""
    org = ctx.mention_of(person)
    if org is not None:
        return org
    named = resolve_role(ctx, person) or named_in_subject(ctx, person)
    if named is not None:
        return named
    subject = person.dep_ in ("nsubj", "nsubj:pass")
    ctx.add_noun_speaker(person, np_text(person) if subject else _noun_core(person))
    at = person.left_edge.idx + ctx.offset
    return next((m for m in ctx.noun_speakers if m.start == at), None)


def _noun_core(tok: Token) -> str:
    """A noun phrase away from the subject's place as a speaker's name: its
    determiner, adjectives and "de" complements, not what the parse hung on it
    besides ("J'ai demandé à un concierge quels étaient …" is "un concierge")."""
    keep = {tok.i}
    for c in tok.children:
        if c.dep_ == "amod" and (c.morph.get("PronType", []) or c.morph.get("Number", [])
                                 not in ([], tok.morph.get("Number", []))):
            continue  # "un concierge quels étaient …": no agreement, no adjective of the noun
        if c.dep_ in ("det", "amod", "nummod", "flat", "fixed") or (
                c.dep_ == "nmod" and c.i > tok.i
                and any(g.dep_ == "case" and g.lower_ in ("de", "du", "des", "d'", "d’")
                        for g in c.children)):
            keep |= {t.i for t in c.subtree}
    left, right = min(keep), max(keep)
    if keep != set(range(left, right + 1)):
        # a gap (the parse's stray attachments): the unbroken words up to the noun
        left = min(i for i in keep if i <= tok.i and set(range(i, tok.i + 1)) <= keep)
        right = tok.i
    return tok.doc[left : right + 1].text.split(",")[0].strip()


def _person_noun_subject(ctx: QuoteContext, before: int, gender: str,
                         shut: list[tuple[int, int]], any_place: bool = False) -> Token | None:
    """The last singular subject of ``gender`` within ``NOUN_WINDOW`` characters
    before ``before`` that names a person by a noun (the pack's
    ``person_nouns``, or a courtesy title heading the phrase: "M. le ministre
    du commerce") or a body (``body_nouns``, an organisation the recogniser
    found: "le Times résuma …, quand il dit"), outside quoted words and the
    pronoun's own participle clauses. Only where the pack lists such nouns
    (languages whose parse gives nouns a gender: French). ``any_place``: a
    person's noun (not a body, not a name) in any place of its clause, an
    object, an oblique or a complement, counts too."""
    nouns = ctx.words.person_nouns
    if not nouns:
        return None
    doc = ctx.doc
    for k in range(min(ctx.tok_at(before), len(doc)) - 1,
                   max(ctx.tok_at(before - NOUN_WINDOW), 0) - 1, -1):
        t = doc[k]
        subject = t.dep_ in ("nsubj", "nsubj:pass")
        if not (subject or any_place and t.pos_ == "NOUN" and t.dep_.startswith(
                ("obj", "iobj", "obl", "nmod", "appos"))) or t.pos_ not in ("NOUN", "PROPN"):
            continue
        pos = t.idx + ctx.offset
        if ctx.in_quote(pos) or any(a <= pos < b for a, b in shut):
            continue
        named = ctx.mention_of(t)
        if not subject and (named is not None or t.lemma_.lower() in ctx.words.body_nouns):
            continue  # away from the subject's place, only a person's noun
        if named is not None:
            if named.label != "ORG" or ctx.gender(named) != gender \
                    or "Plur" in t.morph.get("Number", []):
                continue  # a person's name is the named path's; a place is nobody
        else:
            lemma = t.lemma_.lower()
            if t.pos_ != "NOUN" or not (lemma in nouns or lemma in ctx.words.body_nouns or (
                    t.text[:1].isupper() and t.text.lower() in ctx.words.honorifics)):
                continue
            if t.morph.get("Number", []) != ["Sing"] or t.morph.get("Gender", []) != [gender]:
                continue
        if subject and any(c.dep_ == "case" for c in t.children):
            continue  # "comme un simple militant" parsed as the subject: a marked phrase is none
        head = t.head
        if subject and "Fin" not in head.morph.get("VerbForm", []) and not any(
                c.dep_.startswith(("aux", "cop")) for c in head.children):
            continue  # "Se présentant comme un simple militant, …": no clause of its own
        end = t.right_edge.idx + len(t.right_edge.text) + ctx.offset
        if any(m.label == "PER" and not ctx.in_quote(m.start) and ctx.gender(m) in (None, gender)
               for m in ctx.mentions_between(end, before)):
            # "Le chef de l'opposition a … la presse n'approuve pas M. Gladstone,
            # quand il prétend …": a person named since is nearer (names inside
            # the noun's own phrase are not: "un homme, non affecté par la mort
            # de George Floyd")
            return None
        return t
    return None


def _previous_pronoun(ctx: QuoteContext, after: int, before: int, gender: str,
                      verb: Token | None) -> Token | None:
    """The last subject pronoun of ``gender`` between ``after`` and
    ``before`` (not ``verb``'s own, nor inside quoted words) whose clause
    shuts a person's name out (``_bound_by_pronoun``). Only such a pronoun
    is followed: elsewhere the chain leads where the nearest subject does
    anyway, and following every pronoun lost a right speaker on PolNeAR dev
    (a "he" that changed person without a name between)."""
    doc = ctx.doc
    for k in range(min(ctx.tok_at(before), len(doc)) - 1, max(ctx.tok_at(after), 0) - 1, -1):
        t = doc[k]
        if t.dep_ != "nsubj" or t.pos_ != "PRON" or (verb is not None and t.head.i == verb.i):
            continue
        if pronoun_form(ctx, t) not in ctx.words.subject_pronouns \
                or t.morph.get("Gender", []) != [gender] or ctx.in_quote(t.idx + ctx.offset):
            continue
        shut = _bound_by_pronoun(ctx, t.head)
        # the names inside the clauses only, by bisection: bounded work per
        # pronoun candidate, not every mention of the article for each one
        if any(m.label == "PER" and m.end <= b for a, b in shut
               for m in ctx.mentions_between(a, b)):
            return t
    return None


def _bound_by_pronoun(ctx: QuoteContext, verb: Token | None) -> list[tuple[int, int]]:
    """The text spans of the participle clauses of ``verb`` that have no
    subject of their own: their subject is the pronoun's, so a name inside
    them is somebody else ("Asked about her own vote in the event that Clinton
    faces Trump, she replied" is not Clinton; "Interrogé sur Macron, il a
    répondu" is not Macron)."""
    if verb is None:
        return []
    spans = []
    for c in verb.children:
        if c.dep_ != "advcl" or not ({"Part", "Ger"} & set(c.morph.get("VerbForm", []))
                                     or c.tag_ in ("VBN", "VBG")):
            continue
        if any(g.dep_ in SUBJ_DEPS or g.dep_ == "expl" for g in c.children):
            continue  # "Clinton having left, she said": the clause has its own subject
        left, right = c.left_edge, c.right_edge
        spans.append((left.idx + ctx.offset, right.idx + len(right.text) + ctx.offset))
    return spans


def _inside(m: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start and m.end <= b for a, b in spans)


def resolve_role(ctx: QuoteContext, noun: Token, window: int = 1500) -> Mention | None:
    """The person a role noun stands for: "le substitut" -> "Jean Dupont" when
    the text called him "le substitut Jean Dupont" (or "Jean Dupont, the
    spokesman") before. The nearest such person before the noun, within
    ``window`` characters; nobody when the role was never given to a name, or
    was given to two people before the noun ("Governor Kasich", "Governor
    Bush" ... "the governor": the nearest title is a guess, and a wrong name
    misleads more than the role left as it stands).
    """
    if noun.text[:1].isupper() and noun.text.lower() in ctx.words.honorifics:
        # "M. le ministre du commerce a fini …": the parse heads the phrase with
        # the courtesy title, which every "M. X" named before also bears; the
        # role is the noun the title governs (none: "M." alone is nobody's role)
        role = next((c for c in noun.children if c.i > noun.i and c.pos_ == "NOUN"
                     and c.dep_ in ("nmod", "appos", "flat", "flat:name")
                     and not any(g.dep_ == "case" for g in c.children)), None)
        if role is None:
            return None
        noun = role
    if _counted(noun):
        return None  # "73 percent said …", "two officials said": a count is nobody's role
    lemma = noun.lemma_.lower()
    if lemma in ctx.words.document_nouns:
        return None  # "a court document filed Thursday" is no person's role
    if lemma in ctx.words.body_nouns:
        # "…, a annoncé le ministère français des Affaires étrangères": a body
        # speaks as itself (or as the organisation the text gave the noun to)
        return _organisation(ctx, noun, lemma)
    if ctx.words.plural_noun_antecedents and noun.dep_.startswith("nsubj") \
            and "Sing" in noun.morph.get("Number", []) \
            and "Plur" in noun.head.morph.get("Number", []):
        # "La plupart des experts estiment": a singular head the verb agrees
        # with in the plural counts a group (the parse's agreement), no person
        return None
    pos = noun.idx + ctx.offset
    holder: Mention | None = None
    for m in reversed(ctx.mentions):
        if m.label != "PER" or m.end > pos or ctx.in_quote(m.start):
            continue
        if holder is None and pos - m.end > window:
            break
        if not _role_given(ctx, m, lemma, noun):
            continue
        if holder is None:
            holder = m
        elif _surname(m) != _surname(holder):
            # "President Obama" then "Vice President Joe Biden": the text gave
            # the role to two people before, the noun may be either
            return None
    if holder is not None:
        return holder
    return _definite_anaphor(ctx, noun) or _role_named_next(ctx, noun, lemma) \
        or _organisation(ctx, noun, lemma)


def _organisation(ctx: QuoteContext, noun: Token, lemma: str) -> Mention | None:
    """The organisation the noun stands for (``organisation_role``), unless the
    text gives the noun to a person anywhere: "Orange is the New Black star
    Selenis Leyva … The actress explained" is nobody's "actress America
    Ferrera", whom the recogniser took for an organisation."""
    org = organisation_role(ctx, noun) or _firm_anaphor(ctx, noun, lemma)
    if org is None or known_given_name(org.text.split()[0]):
        return None
    if any(m.label == "PER" and not ctx.in_quote(m.start) and _role_given(ctx, m, lemma, noun)
           for m in ctx.mentions):
        return None
    return org


def _firm_anaphor(ctx: QuoteContext, noun: Token, lemma: str) -> Mention | None:
    """A definite noun of a firm (the pack's ``firm_nouns``) that repeats the
    organisation last a subject: "TUI prévoit d'ouvrir … « … », a indiqué la
    société". The organisation must be a subject in the noun's sentence or
    the one before, with no other organisation a subject since; only where
    definite nouns are taken as anaphors (French)."""
    if lemma not in ctx.words.firm_nouns or "Plur" in noun.morph.get("Number", []) \
            or not any(c.dep_ == "det" and c.lower_ in ctx.words.articles and c.i < noun.i
                       for c in noun.children):
        return None
    first = ctx.sent(noun).start
    if first > 0:
        first = ctx.sent(ctx.doc[first - 1]).start
    pos = noun.idx + ctx.offset
    orgs = [m for m in ctx.recent(ctx.group_subjects, pos, 1000)
            if m.label == "ORG" and not ctx.in_quote(m.start)]
    if not orgs:
        return None
    last = orgs[-1]
    span = ctx.tok_span(last)
    if not len(span) or span[0] < first:
        return None
    return last


def _counted(noun: Token) -> bool:
    """A noun a number counts ("73 percent", "two officials", "les deux
    ministres"): a share or a group, never one person's role, and no title of
    a name near it ("44 percent to Trump's 43 percent" gave "percent" to
    Trump, so "73 percent said the same" became his words). The parse's
    ``nummod`` (UD and the English scheme alike)."""
    return any(c.dep_ == "nummod" and c.i < noun.i for c in noun.children)


def _surname(m: Mention) -> str:
    """The last word of a person's name: one person however often named."""
    return m.text.split()[-1].lower() if m.text.split() else ""


def _role_given(ctx: QuoteContext, m: Mention, lemma: str, noun: Token) -> bool:
    """Does the text give the role ``lemma`` to the person ``m`` where it names
    them (another occurrence of the noun than ``noun``)?"""
    doc = ctx.doc
    span = ctx.tok_span(m)
    if not len(span):
        return False
    lo, hi = max(0, span[0] - 9), min(len(doc), span[-1] + 7)
    sent = ctx.sent(doc[span[0]])
    lo, hi = max(lo, sent.start), min(hi, sent.end)
    for k in range(lo, hi):
        t = doc[k]
        if t.lemma_.lower() != lemma or t.i == noun.i or t.pos_ != "NOUN" and not (
                t.pos_ == "PROPN" and t.i == span[0] - 1):
            continue  # a capitalised title before the name counts: "Judge Richard Berman"
        if _counted(t):
            continue  # "44 percent to Trump's 43": a count, no title of the name
        # the role given to the name in the parse: "le substitut Jean Dupont",
        # "Jen Psaki, the spokeswoman", "spokeswoman Jen Psaki" (not "the Cruz
        # campaign": a name modifying a noun is no apposition)
        if (t.head.i in span and t.dep_ in ("appos", "compound", "flat", "flat:name", "nmod"))\
                or any(doc[j].head.i == t.i and doc[j].dep_ in (
                    "appos", "flat", "flat:name") for j in span) \
                or t.i == span[0] - 1 or _title_before(doc, t.i, span[0]):
            return True
    return False


#: How many sentences after a role noun may name its person (a photo caption's
#: "PHOTO DE DOSSIER:" may stand between a headline and its lead).
NEXT_SENTENCES = 2


def _role_named_next(ctx: QuoteContext, noun: Token, lemma: str) -> Mention | None:
    """A definite role named in the next sentence: a headline "Le Premier
    ministre de Thuringe exhorte à …" then the lead "Le Premier ministre
    nouvellement élu de Thuringe Thomas Kemmerich …"; "…, selon le ministre"
    then "Le ministre autrichien de l'Intérieur, Karl Nehammer, …". News
    copy names the person right after a headline's role; further on, a role
    noun is as likely somebody new. Only where the language's nouns carry a
    gender the parse reads (French; "the minister" then "Minister X" in
    English is as often two people), and only the person the same role
    noun is given to."""
    if not ctx.words.plural_noun_antecedents:
        return None
    if not any(c.dep_ == "det" and c.lemma_.lower() in ctx.words.articles and c.i < noun.i
               for c in noun.children):
        return None  # "un ministre" introduces somebody
    doc = ctx.doc
    sent = ctx.sent(noun)
    end = sent.end
    for _ in range(NEXT_SENTENCES):
        j = end
        while j < len(doc) and (doc[j].is_space or doc[j].is_punct):
            j += 1  # the line break after a headline
        if j >= len(doc):
            break
        end = max(end, ctx.sent(doc[j]).end)
    limit = doc[end - 1].idx + ctx.offset
    pos = noun.idx + ctx.offset
    for m in ctx.mentions:
        if m.start <= pos or m.label != "PER" or ctx.in_quote(m.start):
            continue
        if m.start > limit:
            break
        if _role_given(ctx, m, lemma, noun):
            return m
    return None


def _definite_anaphor(ctx: QuoteContext, noun: Token, window: int = 1000) -> Mention | None:
    """A definite role noun that repeats the person just named: "La reine
    Elizabeth a présidé … la souveraine a salué", "Laurent Fabius se dit … le
    président socialiste de l'Assemblée nationale juge". Press French avoids
    repeating a name and refers back with a role; it is taken as the last
    person named when the evidence agrees: a singular noun with a definite
    article, the grammatical gender of the noun (the parse's morphology; a
    language without it, English, never takes this path: "the spokesman"
    is often a new person) equal to the person's (title article or given
    name), nobody else named in between, the person named in the same or the
    previous sentence."""
    if "Plur" in noun.morph.get("Number", []) or any(
            "Plur" in c.morph.get("Number", []) for c in noun.children if c.dep_ == "det"):
        return None  # "les principaux pays": an invariable noun, a plural article
    genders = noun.morph.get("Gender", [])
    if len(genders) != 1:
        return None
    if not any(c.dep_ == "det" and c.lemma_.lower() in ctx.words.articles and c.i < noun.i
               and "Def" in c.morph.get("Definite", ["Def"]) for c in noun.children):
        return None
    pos = noun.idx + ctx.offset
    if ctx.mention_of(noun) is not None:
        return None  # "le Parquet de Nancy" recognised as an organisation
    people = [m for m in ctx.recent(ctx.mentions, pos, window)
              if m.label == "PER" and not ctx.in_quote(m.start)]
    if not people:
        return None
    m = people[-1]
    span = ctx.tok_span(m)
    first = noun.sent.start
    if first > 0:
        first = ctx.doc[first - 1].sent.start
    if not len(span) or span[0] < first:
        # the person must be named in the noun's sentence or the one before:
        # further back, "le porte-parole" is as likely a new person as a
        # repetition (a spokesman's words went to a man named paragraphs before)
        # -- unless the person is the one the text has been quoting: a portrait
        # goes on with "raconte le musicien", "poursuit l'organiste"
        sp = _recent_speaker(ctx, pos, window)
        return sp if sp is not None and ctx.gender(sp) == genders[0] else None
    if any(o.start > m.start and o.start not in ctx.reported_subjects and not _subordinate(ctx, o)
           and not ctx.in_quote(o.start)
           for o in ctx.recent(ctx.group_subjects, pos, window)):
        # an organisation was a subject since (not one inside somebody's
        # statement): "la police" may be its voice
        return None
    if ctx.gender(m) != genders[0]:
        return None
    if m.start not in ctx.subject_starts and not _opens_sentence(ctx, m):
        # "L'expertise a déclaré Buhler responsable. Le procureur requit …": a
        # person only spoken about (an object) is no antecedent of a role noun
        return None
    return m


def _named_apposition(ctx: QuoteContext, noun: Token) -> Mention | None:
    """A person named in apposition to the noun, right after it: "son agent,
    l'avocat genevois Jacques Barillon" (the parse's appos, or a comma then a
    phrase that ends on the name, within a few words)."""
    doc = ctx.doc
    end = noun.right_edge.i + 1
    if end >= len(doc) or doc[end].text != ",":
        return None
    for k in range(end + 1, min(len(doc), end + 7)):
        t = doc[k]
        if t.text in (",", ".", ";", "«", "»") or t.pos_ == "VERB":
            return None
        m = ctx.mention_of(t)
        if m is not None and not ctx.in_quote(m.start):
            return m if m.label == "PER" else None
    return None


def _inverted_subject(ctx: QuoteContext, verb: Token, noun: Token) -> bool:
    """May the noun after an incise verb be its inverted subject although the
    parse calls it an object? When the verb closes a quote ("», explique la
    musicienne": the quote is the object), or ends a statement as a finite
    incise set off by a comma, the noun determined and closing the sentence or
    the phrase (", a déclaré la police.")."""
    doc = ctx.doc
    j = verb.i - 1
    while j >= 0 and (doc[j].pos_ == "AUX" or doc[j].text.startswith("-")
                      or doc[j].is_space or doc[j].text == "t"):
        j -= 1
    if j < 0:
        return False
    k = j
    while k >= 0 and (doc[k].text == "," or doc[k].is_space):
        k -= 1
    if any(c.dep_ in SUBJ_DEPS and c.i < k and c.pos_ in ("NOUN", "PROPN")
           and not ctx.in_quote(c.idx + ctx.offset) for c in verb.children):
        # "l'Otan « qui considère … », a lancé des avions": the quote sits in
        # the subject's phrase, before its verb; the noun after is an object
        return False
    if k >= 0 and (doc[k].text in ("»", "”", '"') or ctx.in_quote(doc[k].idx + ctx.offset)):
        return True
    if doc[j].text != "," or "Inf" in verb.morph.get("VerbForm", []):
        return False
    if any(c.dep_ in SUBJ_DEPS or (c.dep_.startswith("aux") and c.i < j) for c in verb.children):
        return False  # "Il a, en outre, jugé recevables les constitutions": no incise
    if any(c.dep_ == "mark" for c in verb.children) or (
            "Part" in verb.morph.get("VerbForm", []) and "Past" in verb.morph.get("Tense", [])
            and not any(c.dep_.startswith("aux") for c in verb.children)):
        return False  # a bare participle or a subordinate clause is no finite incise
    if not any(c.dep_ == "det" and c.i < noun.i for c in noun.children):
        return False
    end = noun.right_edge.i + 1
    if end >= len(doc) or doc[end].text in (".", ",", ";", "!", "?"):
        return True
    # "…, a annoncé lundi la police sur Twitter.": an adjunct of the verb
    # (a prepositional phrase or an adverb the parse hangs on it) may close
    # the phrase after its inverted subject
    adjunct = next((c for c in verb.children if c.left_edge.i == end
                    and c.dep_.startswith(("obl", "advmod"))), None)
    after = adjunct.right_edge.i + 1 if adjunct is not None else -1
    return adjunct is not None and (after >= len(doc) or doc[after].text in (".", ",", ";", "!", "?"))


def _opens_sentence(ctx: QuoteContext, m: Mention) -> bool:
    """Is the name the first words of its sentence (its topic, whatever the
    parse made of the verb: "Laurent Fabius se dit …")?"""
    span = ctx.tok_span(m)
    if not len(span):
        return False
    sent = ctx.sent(ctx.doc[span[0]])
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    return first is not None and first.i == span[0]


def _recent_speaker(ctx: QuoteContext, pos: int, window: int) -> Mention | None:
    """The person whose words were quoted last before ``pos`` (within ``window``
    characters), when no other person was a grammatical subject since."""
    spoke = [x for x in ctx.recent(ctx.speaker_mentions, pos, window) if not ctx.in_quote(x.start)]
    if not spoke:
        return None
    last = spoke[-1]
    if any(o.start > last.start and not _same_person(o, last) and not ctx.in_quote(o.start)
           for o in ctx.recent(ctx.subject_mentions, pos, window)):
        return None
    return last


def _same_person(a: Mention, b: Mention) -> bool:
    if a.entity_id and a.entity_id == b.entity_id:
        return True
    return a.text == b.text or a.text.split()[-1] == b.text.split()[-1]


def _subordinate(ctx: QuoteContext, m: Mention) -> bool:
    """Is the mention the subject of a subordinate clause ("il estime que le PS
    doit …": a clause with a complementizer), not a main clause's actor?"""
    span = ctx.tok_span(m)
    if not len(span):
        return False
    head = ctx.doc[span[0]]
    while head.dep_ in ("flat:name", "flat", "compound", "appos") and head.head.i != head.i:
        head = head.head
    return any(c.dep_ == "mark" for c in head.head.children)


def _title_before(doc: Doc, title: int, name: int) -> bool:
    """"l'ambassadeur de Yougoslavie Borislav Milosevic", "le secrétaire d'Etat
    américain Madeleine Albright": a title, its complement, then the name
    (the parse often hangs the name on the complement), or a comma before it."""
    between = doc[title + 1:name]
    if len(between) and between[-1].text == ",":
        # "le bourgmestre de la Ville de Bruxelles, Philippe Close": the role,
        # its complement, a comma, the name
        between = between[:-1]
        return 0 < len(between) <= 7 and all(
            t.pos_ in ("ADP", "DET", "PROPN", "ADJ", "NOUN") and not t.is_punct for t in between)
    # "le ministre français des Affaires étrangères Dominique de Villepin": a
    # capitalised noun names the domain, it is no second person
    return 0 < len(between) <= 5 and all(
        (t.pos_ in ("ADP", "DET", "PROPN", "ADJ") or t.pos_ == "NOUN" and t.text[:1].isupper())
        and not t.is_punct for t in between)


def resolve_group(ctx: QuoteContext, before: int, window: int = 600,
                  plural: bool = False) -> Mention | None:
    """Most recent organisation that was a subject, close before ``before``
    ("The campaign said … They added"): a plural pronoun's antecedent, or nobody.
    ``plural``: the pronoun is plural ("they", not "it"), so a plural noun may
    stand for it too."""
    best = [m for m in ctx.recent(ctx.group_subjects, before, window)
            if before - window <= m.end and not ctx.in_quote(m.start)]
    if ctx.words.plural_noun_antecedents:
        noun = _plural_subject(ctx, before, window // 2)
        if noun is not None and (not best or noun.start > best[-1].start):
            return noun
    elif plural:
        # English nouns carry no animacy: a plural noun that spoke ("the groups
        # say …. They argue that …") is a group of people; "these contributions
        # complicate …" said nothing
        noun = _noun_subject(ctx, before, window // 2, "Plur", speaking=True)
        if noun is not None and (not best or noun.start > best[-1].start):
            return noun
    return best[-1] if best else None


def _plural_subject(ctx: QuoteContext, before: int, window: int) -> Mention | None:
    """The nearest plural noun phrase that was a clause's subject before
    ``before`` (within ``window`` characters), outside quote marks: "Les
    correspondants du Gaulois ont été faits prisonniers ; ils disent que …"."""
    return _noun_subject(ctx, before, window, "Plur")


def _noun_subject(ctx: QuoteContext, before: int, window: int, number: str,
                  gender: str | None = None, speaking: bool = False) -> Mention | None:
    """The nearest determined noun subject of ``number`` (and ``gender``, from
    the parse's morphology) before ``before``, within ``window`` characters;
    ``speaking``: only the subject of a speech verb."""
    doc = ctx.doc
    k = min(ctx.tok_at(before), len(doc)) - 1
    while k >= 0 and doc[k].idx + ctx.offset >= before - window:
        t = doc[k]
        if (t.dep_ in ("nsubj", "nsubj:pass") and t.pos_ == "NOUN"
                and number in t.morph.get("Number", []) and not ctx.in_quote(t.idx + ctx.offset)
                and (not speaking or t.dep_ == "nsubj" and is_speech(ctx, t.head)
                     # not a subject inside somebody's statement ("The organiser
                     # said the operators believe …. It added …")
                     and not any(is_speech(ctx, a) for a in t.head.ancestors))
                and (gender is None or t.morph.get("Gender", []) == [gender]
                     and is_speech(ctx, t.head))  # a thing's noun, "le délai", said nothing
                and any(c.dep_ == "det" for c in t.children)):
            surface = np_text(t)
            start = t.left_edge.idx + ctx.offset
            return Mention(surface, "NOUN", start, start + len(surface), 0)
        k -= 1
    return None


def subject_of(ctx: QuoteContext, verb: Token, fallback_left: bool = True,
               after_only: bool = False,
               shared: bool = False,
               borrowed: bool = False) -> tuple[str | None, Mention | None, bool]:
    """(surface, mention, via_pronoun) for the subject of ``verb``.

    "Le maire de Lyon, Grégory Doucet, a dit" -> the mention "Grégory Doucet"
    (the subject's apposition); "a-t-il dit" -> the pronoun's antecedent.
    ``borrowed``: ``verb`` is asked for another verb's subject (a participle
    after a preposition on it), so a participle of its own names nobody.
    """
    words = ctx.words
    inverted = words.subject_pronouns | words.plural_pronouns
    cands = [c for c in verb.children if (c.dep_ in SUBJ_DEPS or c.text.startswith("-") and (
        c.text.lstrip("-").lower() in inverted))  # "dit-il" parsed as a bare dependent
             and (not ctx.in_quote(c.idx + ctx.offset) or quoted_name(ctx, c))
             and (c.i > verb.i or not after_only or c.text.startswith("-"))  # "a-t-il dit"
             and not _clause_subject(c)]
    bare = _bare_inverted_pronoun(ctx, verb)
    if bare is not None and not any(c.text.startswith("-") for c in cands):
        cands = [bare]  # "…, dit il, M. et Mme Zirio entrèrent …": OCR lost the hyphen
    if not cands and not after_only and words.repair_missing_subject:
        cands = _unmarked_subject(ctx, verb)
    if not cands and not after_only:
        cands = _subject_of_reduced_relative(verb)
    if not cands and not after_only:
        cands = _stray_conjunct_subject(verb)
    if not cands and not after_only and words.repair_missing_subject:
        cands = _fronted_participle_subject(verb)
    agent = _passive_agent(verb)
    if agent is not None and not after_only:
        # "Hillary Clinton was told by her aides that …", "It was reported by
        # the AP that …": the agent speaks, the passive subject was spoken to
        cands = [agent]
    elif not after_only and not shared and any(addressee_subject(verb, c) for c in cands):
        # "Teague … were asked to get off the plane": the one asked, not the
        # asker; "Trump is expected to accept …" (``shared``: the infinitive's
        # own speech verb) is Trump's
        return (None, None, False)
    elif agent is None and not after_only and not shared and any(
            _passive_thing(ctx, verb, c) for c in cands):
        return (None, None, False)  # "the weapons were found": nobody speaks
    # "a-t-il": the pronoun is split off and tagged expl:subj; prefer it.
    for c in cands:
        shown = _demonstrative(ctx, c)
        if shown is not None:
            if shown[1] != "Sing":
                return (None, None, False)  # "ceux-ci": a group, named by nobody here
            m = resolve_demonstrative(ctx, min(c.idx, verb.idx) + ctx.offset, shown[0])
            return (m.text if m else np_text(c), m, m is not None)
        if pronoun_form(ctx, c) in words.subject_pronouns:
            topic = _dislocated_topic(ctx, verb, c)
            if topic is not None:
                return (topic[0], topic[1], False)
            genders = c.morph.get("Gender", [])
            m = resolve_pronoun(ctx, verb.idx + ctx.offset, genders[0] if len(genders) == 1 else None,
                                verb)
            return (m.text if m else c.text.lstrip("-"), m, True)
        if c.lower_ in words.group_pronouns and c.dep_ == "nsubj":
            m = resolve_group(ctx, verb.idx + ctx.offset)
            if m is not None:
                return (m.text, m, True)
            continue  # "it" with no organisation before: the clause's other names
        if pronoun_form(ctx, c) in words.plural_pronouns:
            m = resolve_group(ctx, verb.idx + ctx.offset, plural=True)
            return (m.text if m else c.text.lstrip("-"), m, True)
    cands = _last_coordinated_subject(cands, verb)
    cands = _subordinate_subject(cands, verb)
    # "Le secrétaire général de l'ONU Kofi Annan a estimé": the parse may give the
    # title and the name as two subjects; the named one speaks
    cands.sort(key=lambda c: ctx.mention_of(c) is None)
    for c in cands:
        if c.text.lower() in words.relative_subjects and verb.dep_.startswith(("acl", "relcl")):
            if c.dep_ in ("nsubjpass", "nsubj:pass"):
                continue  # "a billing error, which was confirmed …": what is said, not who
            if verb.head.pos_ in ("VERB", "AUX"):
                # the parse hung the relative on a verb ("doit recevoir une
                # partie … de T-Mobile US, qui vient d'être fusionné, …
                # citant …"): a verb's clause names nobody
                continue
            c = verb.head  # "Trump, who said …": the relative's antecedent speaks
        if c.text.lstrip("-").lower() in words.euphonic_tokens:
            continue
        m = ctx.mention_of(c)
        if m is None:
            m = named_in_subject(ctx, c)
        if m is None and c.pos_ == "PRON" and not _quantified_group(c) \
                and not (words.plural_noun_antecedents and pronoun_with_group(c)):
            continue
        if m is None and c.pos_ == "NOUN" and len(list(c.subtree)) == 1 \
                and c.lower_ in ctx.words.stop_words():
            continue  # "none are known to …": a bare quantifier names nobody
        if m is None and c.pos_ == "NOUN":
            role = resolve_role(ctx, c)
            if role is not None:
                ctx.last_role = role
                return (role.text, role, False)
            if is_speech(ctx, verb, incise=True):
                ctx.add_noun_speaker(c, np_text(c))
        return (m.text if m else np_text(c), m, False)
    present_participle = ("Part" in verb.morph.get("VerbForm", [])
                          and "Pres" in verb.morph.get("Tense", [])) or verb.tag_ == "VBG"
    shares = verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and present_participle) \
        or (verb.dep_ == "parataxis" and words.repair_missing_subject
            and any(c.dep_.startswith("aux") for c in verb.children))
    # "Le prince de Bismarck, prié de dire son opinion …, a déclaré que …": the
    # parse roots the participle and hangs the finite speech verb on it as
    # parataxis; with no subject of its own, it shares the participle's
    # "Déclarant que …, les dirigeants ont …": a fronted participle's clause
    # comes after it
    ahead = present_participle and verb.dep_ == "advcl" and words.repair_missing_subject
    # "safety comes first and obviously it was thought …": a conjunct with a
    # subject of its own that names nobody ("it", "this") borrows no other
    # (nor the clause's first name)
    own = verb.dep_ == "conj" and any(c.dep_ in SUBJ_DEPS for c in verb.children)
    if own:
        return (None, None, False)
    if shares and not after_only and verb.head.i != verb.i \
            and (verb.head.i < verb.i or ahead) and verb.head.pos_ in ("VERB", "AUX"):
        # "Trump defended his remarks, saying that …" / "X a reconnu et a ajouté":
        # the participle or conjunct shares its head verb's subject
        head = verb.head
        if (present_participle and verb.dep_ == "advcl" and words.repair_missing_subject
                and head.dep_ == "ccomp" and head.head.i < head.i and is_speech(ctx, head.head)):
            # "il a déclaré que la pandémie s'était propagée, ajoutant que …":
            # the French parse hangs the participle on the reported clause's
            # verb; the one who declared adds, not the pandemic
            head = head.head
        return subject_of(ctx, head, fallback_left, shared=True)
    prep = verb.head
    if (verb.dep_ == "pcomp" and present_participle and not after_only and prep.dep_ == "prep"
            and prep.head.i < verb.i and prep.head.pos_ in ("VERB", "AUX")):
        # "he began by saying, “…”", "she ended by warning that …": the
        # participle after a preposition shares its verb's subject
        return subject_of(ctx, prep.head, fallback_left, borrowed=True)
    noun = verb.head
    if (verb.dep_ == "acl" and present_participle and not after_only and noun.i < verb.i
            and noun.dep_ in ("dobj", "obj") and noun.head.i < noun.i
            and noun.head.pos_ in ("VERB", "AUX")):
        # "U.S. President Barack Obama issued a statement saying, “…”": the
        # participle on the object of a verb says what its subject says (the
        # clause's first name, "U.S.", is no speaker)
        return subject_of(ctx, noun.head, fallback_left)
    if (verb.dep_ == "acl" and present_participle and not after_only and not shared
            and not borrowed and noun.i < verb.i and noun.pos_ in ("NOUN", "PROPN")
            and noun.lemma_.lower() not in words.document_nouns | words.statement_nouns):
        # "had given $3 million to a group backing Mike Huckabee": the one
        # who backs is the noun the participle qualifies, not the clause's
        # first name (a document's participle, "in a statement saying", is
        # its author's: the fallback below); not for a verb that borrows the
        # participle's subject ("a rocket carrying a satellite … after warning
        # of its plans": the rocket warns of nothing)
        m = ctx.mention_of(noun)
        if m is not None:
            return (m.text, m, False)
        toks = [t for t in noun.subtree if t.i < verb.i and not t.is_punct]
        text = ctx.doc[toks[0].i:toks[-1].i + 1].text.split(",")[0].strip()
        return (text or noun.text, None, False)
    if not fallback_left:
        return (None, None, False)
    # Parse failed to give a subject ("Kiev, quant à elle, a déclaré"):
    # the first mention of the clause not governed by a preposition.
    sent = _continued_sentence(ctx, verb)
    for m in ctx.mentions:
        if m.start < sent.start_char + ctx.offset or m.start >= verb.idx + ctx.offset:
            continue
        k = ctx.tok_at(m.start) - 1
        while k >= sent.start and ctx.doc[k].is_space:
            k -= 1
        if m.label == "PER":
            # a title before the name: "…, le général Kelche, chef d'état-major, l'a rappelé"
            while k >= sent.start and ctx.doc[k].pos_ in ("NOUN", "ADJ") \
                    and ctx.doc[k].text.islower():
                k -= 1
        prev = ctx.doc[k].text.lower().rstrip("'’") if k >= sent.start else ""
        if prev in words.articles and k - 1 >= sent.start and ctx.doc[k - 1].pos_ == "ADP":
            continue  # "… dans les Balkans, …": governed by a preposition
        if (prev in ("", ",") or prev in words.articles) and not ctx.in_quote(m.start):
            return (m.text, m, False)
    return (None, None, False)


def _continued_sentence(ctx: QuoteContext, verb: Token) -> Span:
    """The verb's sentence, joined to the one before when it opens on a
    lower-case word: the splitter cut a clause after an abbreviation or an
    OCR'd point ("» La National-Zettung | soutient …", "Me Müller, de
    Langenthal. | a défendu …"), and the subject is on the other side. Only
    where the language repairs subjects the parse missed (French)."""
    sent = ctx.sent(verb)
    first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
    if (not ctx.words.repair_missing_subject or sent.start == 0 or first is None
            or not first.text[:1].islower() or first.i != verb.i and not all(
                t.pos_ in ("AUX", "ADV", "PRON") for t in ctx.doc[first.i:verb.i])):
        return sent
    return ctx.doc[ctx.sent(ctx.doc[sent.start - 1]).start:sent.end]


#: Most words of a name in quote marks ("« Dernières Nouvelles de Munich »").
QUOTED_NAME_WORDS = 6


def quoted_name(ctx: QuoteContext, tok: Token) -> bool:
    """Is the token inside quote marks that hold a name, not words: "Les
    « Dernières Nouvelles de Munich » croient savoir que …", "« Le Travail »
    insinue …". The old press sets the titles of papers in quote marks; a
    subject so marked is the paper speaking. A few words opening on a
    capital, no sentence punctuation; only where the language repairs
    subjects the parse missed (French)."""
    if not ctx.words.repair_missing_subject:
        return False
    pos = tok.idx + ctx.offset
    rng = ctx.quote_range_at(pos)
    if rng is None:
        return False
    inner = ctx.text[rng[0] - ctx.offset:rng[1] - ctx.offset].strip("«»“”\"„ \u00a0")
    return (0 < len(inner.split()) <= QUOTED_NAME_WORDS and inner[:1].isupper()
            and not any(ch in inner for ch in ".!?;:,"))


def pronoun_form(ctx: QuoteContext, tok: Token) -> str:
    """The token as a pronoun would be written: "-il" -> "il", and, opening a
    sentence, OCR's "II" (a capital I for the l) -> "il"; else its lower case.
    Old scanned press reads "Il dit que …" as "II dit que …", which the
    recogniser then takes for a person's name."""
    text = tok.text.lstrip("-")
    if len(text) > 1 and "I" in text[1:] and ctx.words.repair_missing_subject:
        first = next((t for t in ctx.sent(tok) if not (t.is_punct or t.is_space)), None)
        fixed = (text[0] + text[1:].replace("I", "l")).lower()
        if first is not None and first.i == tok.i and fixed in (
                ctx.words.subject_pronouns | ctx.words.plural_pronouns):
            return fixed
    return text.lower()


def _bare_inverted_pronoun(ctx: QuoteContext, verb: Token) -> Token | None:
    """"…, dit il, …": an inverted subject pronoun right after the verb, its
    hyphen lost (scanned press), followed by punctuation: the verb's subject
    whatever the parse made of it ("il y a" goes on, it is no incise). Only
    where the language repairs subjects the parse missed (French)."""
    words = ctx.words
    if not words.repair_missing_subject or verb.i + 2 >= len(ctx.doc):
        return None
    t, nxt = ctx.doc[verb.i + 1], ctx.doc[verb.i + 2]
    if t.text in (words.subject_pronouns | words.plural_pronouns) and nxt.is_punct \
            and nxt.text in (",", ".", ";", "»", ":") and not ctx.in_quote(t.idx + ctx.offset):
        return t
    return None


def pronoun_with_group(tok: Token) -> bool:
    """A pronoun subject that names its group in its own phrase: "Certains de
    ses collègues ont déclaré …", "ceux d'entre eux qui restent pensent …",
    "tous ceux qui croyaient que …" (the antecedent of the relative): the
    phrase speaks. The parse's nominal complement or relative clause on the
    pronoun (French labels; a personal pronoun has neither)."""
    return any(c.dep_ in ("nmod", "acl:relcl", "acl") and c.pos_ in ("NOUN", "PRON", "VERB")
               for c in tok.children)


def _quantified_group(tok: Token) -> bool:
    """A quantifier pronoun naming its group ("All of the GOP candidates
    oppose …", "Each of the senators said …"): the phrase speaks, as "Most of
    the voters" does. A bare "Many" or "Both" names nobody (their group is
    elsewhere, unresolved), nor "some of them" (a pronoun again). English
    parse labels (a determiner tag, ``prep`` + ``pobj``): other parses never
    match."""
    if tok.tag_ != "DT":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        x.dep_ == "pobj" and x.pos_ in ("NOUN", "PROPN") for x in c.children)
        for c in tok.children)


def _last_coordinated_subject(cands: list[Token], verb: Token) -> list[Token]:
    """Two subjects of one verb with a coordinating conjunction between them
    are two clauses the parse merged: "About two-thirds of voters … support
    X, but majorities in all five say they want …" hangs both "thirds" and
    "majorities" on "say"; the subject after the conjunction is the verb's
    when a verb stands between (the first clause's own)."""
    before = sorted((c for c in cands if c.i < verb.i), key=lambda c: c.i)
    if len(before) < 2:
        return cands
    doc = verb.doc
    last = before[-1]
    between = doc[before[-2].i + 1:last.left_edge.i]
    if not any(t.dep_ == "cc" for t in between) or not any(t.tag_.startswith("VB")
                                                            for t in between):
        # "The Hollywood star, 36, and her husband Cash Warren … said": no
        # verb between, one coordinated subject the parse split in two
        return cands
    return [c for c in cands if c.i >= last.i]


def _subordinate_subject(cands: list[Token], verb: Token) -> list[Token]:
    """Two subjects of one verb, its subordinator between them: "Le nombre de
    nouveaux décès … est le plus élevé depuis le 21 avril, lorsque l'agence a
    fait état de …" hangs both "nombre" and "agence" on "fait"; the subject
    after the verb's own marker ("lorsque", "quand", "when") is the verb's,
    the one before it the main clause's, which the parse lost."""
    if len(cands) < 2:
        return cands
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.i < verb.i), None)
    if mark is None:
        return cands
    after = [c for c in cands if mark.i < c.i < verb.i]
    return after if after and len(after) < len(cands) else cands


def _clause_subject(c: Token) -> bool:
    """A "subject" that is a clause of its own, with a copula or a subject
    ("Ce n'est pas vrai, a déclaré M. Trump : …": the French parse makes the
    predicate "vrai" a subject of "déclaré"): what was said, never who."""
    return c.pos_ in ("ADJ", "VERB", "AUX") and any(
        x.dep_ in SUBJ_DEPS or x.dep_ == "cop" for x in c.children)


def _passive_agent(verb: Token) -> Token | None:
    """The noun of a passive verb's "by" phrase (the English parse's ``agent``
    relation; other parses name it otherwise and keep their own rules)."""
    for c in verb.children:
        if c.dep_ == "agent" and c.i > verb.i:
            return next((x for x in c.children if x.dep_ == "pobj"), None)
    return None


def _subject_of_reduced_relative(verb: Token) -> list[Token]:
    """"Majorities of Democrats in five states going to the polls Tuesday say
    …": the parse hangs the subject on the participle of its reduced relative
    and leaves the finite verb none. A participle clause before the verb, with
    a subject of its own opening the sentence, gives it back (English tags)."""
    for c in verb.children:
        if c.i >= verb.i or c.tag_ not in ("VBG", "VBN") or c.dep_ not in ("ccomp", "advcl", "csubj"):
            continue
        subj = [x for x in c.children if x.dep_ == "nsubj" and x.i < c.i]
        if subj and subj[0].left_edge.i == verb.sent.start:
            return subj[:1]
    return []


def _passive_thing(ctx: QuoteContext, verb: Token, c: Token) -> bool:
    """A passive speech verb's subject that no person names: what was found,
    said or known, not who found or said it ("a huge arsenal of guns, grenades
    and “larger weapons” were found in the truck", "the discs of light are
    known as “Einstein discs”", "The biases … shouldn't be read as saying …").
    A person's name stays the speaker where no agent is given ("al-Awlaki is
    shown lecturing: “…”": the person's own words; the asked/told cases are
    :func:`addressee_subject`'s); a pronoun is left to its antecedent. A
    passive that lends its subject to a complement verb ("is expected to
    say", "is shown lecturing") is that verb's speaker, not a thing said."""
    if c.dep_ not in ("nsubjpass", "nsubj:pass") or c.pos_ == "PRON":
        return False
    if c.dep_ == "nsubj:pass" and not any(x.dep_ == "aux:pass" for x in verb.children):
        # the UD parse (French) calls the subject of a compound past with
        # "avoir" passive ("Le porte-parole … a également assuré que"); with no
        # passive auxiliary the verb is active and its subject the speaker
        return False
    if any(x.dep_ == "xcomp" and (x.tag_ == "VBG" or x.lemma_ in ctx.words.speech_verbs)
           for x in verb.children):
        return False  # not "Around 100 people are reported to have been hurt"
    m = ctx.mention_of(c) or named_in_subject(ctx, c)
    return m is None or m.label != "PER"


def _stray_conjunct_subject(verb: Token) -> list[Token]:
    """"The launch took place …, and candidates Donald Trump and Marco Rubio
    both urged China to …": the parse makes the second clause's subject a
    nominal conjunct of the first verb and "urged" a verbal one, so the
    conjunct verb would share the first clause's subject (a thing: "The
    launch"). A noun conjunct of the head verb standing right before this verb
    (nothing but punctuation, a conjunction or an adverb such as "both" in
    between) is this verb's own subject (English labels: ``conj``)."""
    head = verb.head
    if verb.dep_ != "conj" or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return []
    for c in head.children:
        if c.dep_ != "conj" or c.pos_ not in ("NOUN", "PROPN") or not head.i < c.i < verb.i:
            continue
        between = verb.doc[c.right_edge.i + 1 : verb.i]
        if all(t.is_punct or t.dep_ in ("cc", "advmod", "preconj", "aux", "neg")
               for t in between):
            return [c]
    return []


def _fronted_participle_subject(verb: Token) -> list[Token]:
    """"Considérant que les faits étaient constitués, le tribunal a condamné
    …": the parse roots the fronted present participle and hangs the main
    clause's finite verb on it, so the participle has no subject. A
    participle clause opening its sentence takes the subject of the main
    clause after it (French grammar: the participle's implied subject is the
    main clause's); only a finite verb hanging on the participle, after it,
    with a noun or name subject of its own before the verb, counts."""
    if "Part" not in verb.morph.get("VerbForm", []) or "Pres" not in verb.morph.get("Tense", []):
        return []
    if verb.dep_ != "ROOT" and verb.head.i != verb.i:
        return []
    if any(t.is_alpha for t in verb.doc[verb.sent.start:verb.i]):
        return []  # not a fronted participle: "…, considérant que …"
    for c in verb.children:
        if c.i <= verb.i or c.dep_ not in ("xcomp", "parataxis", "conj", "advcl", "ccomp"):
            continue
        finite = "Fin" in c.morph.get("VerbForm", []) or any(
            x.dep_.startswith("aux") and "Fin" in x.morph.get("VerbForm", []) for x in c.children)
        if not finite or any(x.dep_ == "mark" for x in c.children):
            continue  # "Considérant que …": the participle's own clause
        subj = [x for x in c.children if x.dep_ == "nsubj" and x.i < c.i
                and x.pos_ in ("NOUN", "PROPN")]
        if subj:
            return subj[:1]
    return []


def _unmarked_subject(ctx: QuoteContext, verb: Token) -> list[Token]:
    """A subject the parse mislabelled: "Le correspondant du Times croit savoir
    que …" with "correspondant" an oblique of "croit" and no subject at all.
    A determined noun phrase hanging on the verb before it, with no preposition
    of its own and no comma after it (not a fronted "Ce matin, …"), is the
    clause's subject when the parse gave it none."""
    out = []
    for c in verb.children:
        if c.i >= verb.i or c.pos_ not in ("NOUN", "PROPN") or c.dep_ not in (
                "obl", "obl:mod", "nmod", "dep", "appos"):
            continue
        if any(x.dep_ == "case" for x in c.children) or not any(
                x.dep_ == "det" and x.i < c.i for x in c.children):
            continue
        nxt = ctx.doc[c.right_edge.i + 1] if c.right_edge.i + 1 < len(ctx.doc) else None
        if nxt is not None and nxt.text == ",":
            continue
        out.append(c)
    return out[:1]


def _dislocated_topic(ctx: QuoteContext, verb: Token,
                      pron: Token) -> tuple[str, Mention | None] | None:
    """The person a dislocated topic names, taken up by the subject pronoun:
    "Quant au chef du Sinn Fein, il a estimé …" (the topic hangs on the verb,
    before the pronoun, marked by the language's ``topic_markers``). A named
    topic, or a role noun's person, else the topic's noun phrase itself."""
    if not ctx.words.topic_markers:
        return None
    for c in verb.children:
        if c.i >= pron.i or c.pos_ not in ("NOUN", "PROPN"):
            continue
        if not any(t.text.lower() in ctx.words.topic_markers for t in c.subtree if t.i < c.i):
            continue
        m = ctx.mention_of(c) or named_in_subject(ctx, c)
        if m is None and c.pos_ == "NOUN":
            m = resolve_role(ctx, c)
        if m is not None and not ctx.in_quote(m.start):
            return m.text, m
        if c.pos_ == "NOUN":
            # the noun phrase without its marker ("Quant au chef du X" -> "chef du X")
            marker = max((t.i for t in c.subtree if t.i < c.i and t.pos_ in ("ADP", "ADV")),
                         default=None)
            text = np_text(c)
            cut = 0 if marker is None else (
                ctx.doc[marker].idx + len(ctx.doc[marker].text) - c.left_edge.idx)
            return text[cut:].strip() or text, None
    return None


def named_in_subject(ctx: QuoteContext, head: Token) -> Mention | None:
    """The person a subject noun phrase names as itself, not as a complement.

    "Le secrétaire général de l'OTAN, Javier Solana" and "l'ambassadeur de
    Yougoslavie Borislav Milosevic" name their speaker; "l'auteur du programme
    de Lionel Jospin", "le porte-parole du président Obama" and "un communiqué
    diffusé à l'issue des entretiens du président Milosevic" do not (the name
    hangs on a preposition, or sits in a clause of its own).
    """
    doc = ctx.doc
    words = ctx.words
    sub = sorted(head.subtree, key=lambda t: t.i)
    clause_toks = {t.i for c in head.children if c.dep_.startswith(("acl", "relcl"))
                   for t in c.subtree}
    for t in sub:
        m = ctx.mention_of(t)
        if m is None or m.label != "PER" or t.idx + ctx.offset != m.start or t.i in clause_toks:
            continue
        if ctx.in_quote(m.start):
            continue
        if _possessor_or_object(ctx, t, head):
            continue
        k = t.i - 1
        while k > head.i and doc[k].pos_ in ("NOUN", "ADJ") and not doc[k].is_punct:
            k -= 1  # title words before the name: "du président Obama"
        prev = doc[k] if k >= 0 else None
        if prev is None:
            continue
        # "le ministre des Affaires étrangères Dominique de Villepin", "le
        # porte-parole de la Maison Blanche Josh Earnest": the complement names
        # the head's domain (a capitalised name of a body or place), the person
        # after it is the head itself
        domain = any(doc[x].text[:1].isupper() for x in range(k + 1, t.i))
        low = prev.text.lower().rstrip("'’")
        if (prev.pos_ == "ADP" or (prev.pos_ == "DET" and k > 0 and doc[k - 1].pos_ == "ADP")
                or low in words.dative_prepositions) and not domain:
            continue  # a complement: "de Lionel Jospin", "du président Obama"
        return m
    return None


def _possessor_or_object(ctx: QuoteContext, t: Token, head: Token) -> bool:
    """A name in the subject that is not the subject: a possessor ("Bruce
    Steinberg's sister, Tamara Jacobson, said": the sister speaks) or the
    object of a preposition on the way up to the head ("families from
    Belleair, Florida, said"). Uses the English parser's labels (poss, pobj);
    French complements are judged by :func:`named_in_subject`'s own rule."""
    span = ctx.tok_span(ctx.mention_of(t) or Mention(t.text, "", t.idx + ctx.offset,
                                                      t.idx + ctx.offset + len(t.text), 0))
    root = t
    while root.head.i in span and root.head.i != root.i:
        root = root.head
    node, hops = root, 0
    while node.i != head.i and hops < 8:
        if node.dep_ in ("poss", "pobj"):
            return True
        if node.head.i == node.i:
            break
        node, hops = node.head, hops + 1
    return False


def np_text(tok: Token) -> str:
    """A non-entity subject as text, cut before appositions and relative clauses.

    "l'auteur du rapport, qui …" -> "l'auteur du rapport".
    """
    # a clause on the noun is no part of its name: "un communiqué … diffusé à l'issue de …"
    cut = {t.i for c in tok.children if c.dep_.startswith(("acl", "relcl")) for t in c.subtree}
    # a prepositional phrase the parse hangs before the head is no part of it:
    # "a déclaré aux journalistes Kemmerich" -> "Kemmerich"
    cut |= {t.i for c in tok.children if c.i < tok.i and c.left_edge.pos_ == "ADP"
            for t in c.subtree}
    toks = [t for t in tok.subtree if t.dep_ != "punct" and t.i not in cut]
    if not toks:
        return tok.text
    left = min(t.i for t in toks)
    right = max(t.i for t in toks)
    span = tok.doc[left : right + 1]
    text = span.text.split(",")[0].strip()
    if any(ch in _NAME_MARKS for ch in text):
        # "Le « Petit Parisien » apprend …": the paper's name, not its print marks
        text = " ".join(text.translate(_NO_NAME_MARKS).split())
    return text


_NAME_MARKS = "«»“”<>"
_NO_NAME_MARKS = str.maketrans("", "", _NAME_MARKS)


def _inverted_conjunct_object(ctx: QuoteContext, verb: Token) -> Mention | None:
    """"… the documents also contained the names of …, reported the BBC": a
    postposed incise the parse made a conjunct of the clause's verb, its
    inverted subject an object. A conjunct has no subject of its own and
    would borrow the clause's ("the documents"); the name right after the
    verb (a person or an organisation the text recognised) speaks."""
    if verb.dep_ != "conj" or verb.head.i > verb.i or any(
            c.dep_ in SUBJ_DEPS for c in verb.children):
        return None
    doc = ctx.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    for t in doc[verb.i + 1:min(len(doc), verb.i + 4)]:
        if t.pos_ == "DET":
            continue
        if t.dep_ not in ("dobj", "obj") or t.head.i != verb.i:
            return None
        m = ctx.mention_of(t)
        return m if m is not None and m.label in ("PER", "ORG") else None
    return None


def from_verb(ctx: QuoteContext, verb: Token, method: str, cue: str, conf: float) -> Attribution:
    """The attribution a speech verb gives: its subject, or, in an incise, the
    name right after it ("« … », a déclaré X" where the parse missed X)."""
    words = ctx.words
    if impersonal_subject(ctx, verb):
        # "on dit que …", "… dit-on": reported, by nobody to name; no name
        # nearby stands in for "on"
        return Attribution(None, None, verb.lemma_, cue + " (impersonal)", method, 0.5)
    inverted = _inverted_conjunct_object(ctx, verb) if method == "incise" else None
    if inverted is not None:
        span = (verb.idx + ctx.offset, verb.idx + len(verb.text) + ctx.offset)
        ctx.add_subject(inverted)
        return Attribution(inverted.text, inverted, verb.lemma_, cue, method, conf, span, "named")
    # an incise inverts its subject where the language does ("…, a annoncé le
    # Parquet"): a subject the parse puts before the verb is the reported clause's
    surface, mention, pron = subject_of(
        ctx, verb, fallback_left=(method != "incise"),
        after_only=method == "incise" and not words.subject_before_incise_verb)
    if surface is None and method == "incise":
        addressee = -1
        for k in range(verb.i + 1, min(len(ctx.doc), verb.i + 8)):
            t = ctx.doc[k]
            if t.is_punct and t.text in ".;:!?":
                break
            m = ctx.mention_of(t)
            if ctx.doc[k - 1].text.lower() in words.dative_prepositions:
                if m is None and t.pos_ == "NOUN" and "Plur" in t.morph.get("Number", []):
                    # "a déclaré aux journalistes Kemmerich": a plural addressee is
                    # no title of the name after it, which is the inverted subject
                    addressee = t.i
                    continue
                break  # "a déclaré au président X": X is the addressee
            if m is not None and m.label == "LOC" and t.dep_.startswith("nmod") \
                    and t.head.pos_ == "NOUN" and verb.i < t.head.i < t.i \
                    and t.head.i != addressee:
                # "a déclaré un responsable de la Maison Blanche", "… le secrétaire
                # d'Etat américain Madeleine Albright": the place qualifies the
                # speaker's noun; the person named in that phrase, else the phrase
                named = named_in_subject(ctx, t.head)
                surface, mention = (named.text, named) if named else (np_text(t.head), None)
                break
            if m is not None and words.repair_missing_subject and t.i > verb.i and any(
                    c.dep_ == "case" and c.pos_ == "ADP" for c in t.children):
                continue  # "…, a annoncé la police sur Twitter": a place, a medium, no speaker
            if m is not None:
                surface, mention = m.text, m
                break
            near = k - verb.i <= 2 or (k - verb.i == 3 and ctx.doc[k - 1].pos_ == "DET")
            # where the incise inverts its subject, the parse often calls it the
            # verb's object ("», explique la musicienne": the quote is the object)
            # a preposition's noun (English pobj: "it said in response") never is
            skip = ("obl", "advmod", "nmod", "pobj") if (not words.subject_before_incise_verb
                                                  and _inverted_subject(ctx, verb, t)) \
                else ("obl", "advmod", "nmod", "obj", "dobj", "pobj")
            if t.pos_ in ("NOUN", "PROPN") and near and not t.dep_.startswith(skip):
                # a non-entity speaker: "a écrit l'auteur", "said the ministry";
                # a role noun names the person it was given to ("a déclaré le substitut");
                # the tagger may call a lower-case role a proper noun
                role = resolve_role(ctx, t) if t.pos_ == "NOUN" or t.text.islower() else None
                # "répond son agent, l'avocat genevois Jacques Barillon": the
                # name in the noun's apposition speaks
                named = _named_apposition(ctx, t)
                if named is not None:
                    surface, mention = named.text, named
                    break
                if role is not None:
                    surface, mention = role.text, role
                    ctx.last_role = role
                    break
                left = k - 1 if k > 0 and ctx.doc[k - 1].pos_ == "DET" else k
                surface = ctx.doc[left : k + 1].text
                if t.pos_ == "NOUN":
                    # "…, a déclaré le comité d'entreprise. … a-t-il déclaré": the
                    # noun that spoke is an antecedent, as a noun subject is
                    ctx.add_noun_speaker(t, surface)
                break
    if surface is None:
        return Attribution(None, None, verb.lemma_, cue, method, 0.5)
    if pron and mention is None:
        # "a-t-il déclaré" with no person named before: "il" is no speaker
        # to list under "who said what"; the quote stays, unattributed.
        return Attribution(None, None, verb.lemma_, cue + " (unresolved pronoun)", method, 0.5)
    if mention is not None and not pron:
        ctx.add_subject(mention)  # a named speaker is an antecedent for later pronouns
    span = (verb.idx + ctx.offset, verb.idx + len(verb.text) + ctx.offset)
    resolution = "pronoun" if pron else "named" if mention is not None else "noun"
    if mention is not None and ctx.last_role is mention:
        resolution = "role"
        ctx.last_role = None
    if method == "narrated":
        resolution = "narrated"
    return Attribution(surface, mention, verb.lemma_, cue + (" (pronoun)" if pron else ""),
                       method, conf - (0.15 if pron else 0.0), span, resolution)
