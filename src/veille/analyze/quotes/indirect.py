"""Reported speech without quote marks.

A finite speech verb with a complement clause (X affirme que …, X said
(that) …), an infinitive complement (X dit avoir …), or a post-posed incise
without quote marks (…, a déclaré X). Present participles (« signalant
que ») are not taken: they report the main clause's subject's inference more
often than speech. Each form is one function below; :func:`indirect_statements`
tries them in that order for every speech verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from veille.analyze.quotes.addressees import raised_addressee
from veille.analyze.quotes.colon_lines import colon_lines
from veille.analyze.quotes.context import (
    Attribution,
    QuoteContext,
    impersonal_subject,
    is_speech,
    unattributed,
)
from veille.analyze.quotes.frames import clause_complements, complements, frame_model
from veille.analyze.quotes.speakers import (
    from_verb,
    np_text,
    pronoun_with_group,
    resolve_pronoun,
    resolve_role,
    subject_of,
)
from veille.core.model import Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: (first token, end token) of a statement in the Doc, and the form that found it.
Content = tuple[tuple[int, int], str]


def is_complementizer(ctx: QuoteContext, t: Token) -> bool:
    """A complementizer of the language, or its elided form whose apostrophe
    OCR lost ("Il aurait ajouté qu ^ en définitive …", "On y déclare qu 6
    Benedetti …": scanned press prints "qu" alone some 250 times in the HIPE
    French dev files) where the parse marks it as one."""
    low = t.text.lower()
    return low in ctx.words.complementizers or (
        t.dep_ == "mark" and t.pos_ == "SCONJ"
        and (low + "'" in ctx.words.complementizers or low + "’" in ctx.words.complementizers))


def complement_clause(ctx: QuoteContext, v: Token, sent: Span) -> Content | None:
    """X affirme que le budget sera voté -> "le budget sera voté" (``que-clause``);
    in a language whose clausal complement needs no complementizer, "He said the
    plan would cut …" -> "the plan would cut …" (``ccomp``)."""
    doc = ctx.doc
    if v.lemma_.lower() in ctx.words.incise_only_verbs:
        return None
    skip = -1
    for t in doc[v.i + 1 : min(sent.end, v.i + 10)]:
        if t.i <= skip:
            continue
        if is_complementizer(ctx, t) and t.pos_ in ("SCONJ", "PRON", "ADP", "CCONJ") \
                and not (t.dep_ != "mark" and t.head.dep_.endswith("relcl")
                         and (t.text.lower() not in ctx.words.relative_objects
                              or t.head.head.head.i == v.i)):
            # "called on the US to attack the oil that funds …": a relative
            # pronoun opens no reported clause. Where the complementizer is
            # also the relative pronoun (French "que"), only on a noun the
            # verb governs ("répondre aux témoignages qu'ils ont reçus"): the
            # parse also hangs "a déclaré lors d'une conférence qu'elle …" on
            # the adjunct's noun, wrongly
            return (t.i + 1, sent.end), "que-clause"
        if t.text.lower() in ctx.words.question_markers and t.dep_ == "mark" \
                and v.lemma_.lower() in ctx.words.question_verbs and t.head.i > t.i \
                and "Inf" not in v.morph.get("VerbForm", []):
            # "M. Mercier lui a demandé si les représentants pourraient …": an
            # indirect question is what was asked ("Il pourrait demander si …"
            # asks nothing yet)
            return (t.i + 1, sent.end), "que-clause"
        if t.text in ("«", "“"):
            skip = _short_title(ctx, t)
            if skip > t.i:
                continue  # "On mande de Tokio au « Daily Mail » que …": a paper's name between
        if t.pos_ in ("VERB",) and t.dep_ != "xcomp" or t.text in (".", ";", "«", "“"):
            break
    if ctx.words.bare_clausal_complement:
        cc = [c for c in v.children if c.dep_ == "ccomp" and c.i > v.i]
        if cc:
            return (min(x.i for x in cc[0].subtree), sent.end), "ccomp"
    return None


#: Marks that close a quoted name in scanned press ("au « Journal > de Paris":
#: OCR reads the closing guillemet as ">"), and the longest such name in tokens.
_TITLE_CLOSERS = ("»", "”", ">", "\"")
_TITLE_TOKENS = 6


def _short_title(ctx: QuoteContext, opener: Token) -> int:
    """The closing mark's index when the quote mark opens a few words without
    a verb that close soon (a paper's or a work's name, not a statement), else
    -1. Between a speech verb and its complementizer such a name is the verb's
    addressee or source, and the clause after it is still the verb's."""
    doc = ctx.doc
    for t in doc[opener.i + 1 : min(len(doc), opener.i + _TITLE_TOKENS + 2)]:
        if t.text in _TITLE_CLOSERS:
            return t.i if t.i > opener.i + 1 else -1
        if t.pos_ in ("VERB", "AUX") or t.text in (".", ";", ":", "«", "“"):
            return -1
    return -1


def colon_statement(ctx: QuoteContext, v: Token, sent: Span) -> Content | None:
    """"Le ministre a déclaré : il n'y aura pas de nouvel impôt" -> the words
    after the colon (``colon``): a speech verb's clause that ends on a colon
    introduces what was said, with or without quote marks (scanned press loses
    them or prints them as other signs). Only when the colon closes the verb's
    own clause (no other verb, no quote mark between), and what follows is not
    a quotation (the direct quote's own colon cue reads that)."""
    doc = ctx.doc
    if v.lemma_.lower() in ctx.words.incise_only_verbs or ctx.in_quote(v.idx + ctx.offset):
        return None
    if any(c.lower_ in ctx.words.first_person_words and c.pos_ == "PRON" for c in v.children):
        # "Notre correspondant de Berne nous écrit :", "On nous écrit :": the
        # paper's own correspondence, the article's text that follows
        return None
    for t in doc[v.i + 1 : min(sent.end, v.i + 12)]:
        if t.text == ":":
            if not t.whitespace_ and not doc[t.i - 1].whitespace_:
                return None  # "des dividendes SWX:IMPN": a colon inside a code, no lead-in
            a = t.i + 1
            rest = [x for x in doc[a:sent.end] if not (x.is_punct or x.is_space)]
            if len(rest) < 3 or ctx.in_quote(doc[a].idx + ctx.offset) or doc[a].text in _QUOTE_OPENERS \
                    or not any(x.pos_ in ("VERB", "AUX") for x in rest):
                return None
            return (a, sent.end), "colon"
        if t.pos_ in ("VERB", "AUX") or t.text in (".", ";", "«", "“", "\"") \
                or ctx.in_quote(t.idx + ctx.offset):
            return None
    return None


_QUOTE_OPENERS = ("«", "“", "\"", "‘", "<")


def object_predicate(ctx: QuoteContext, v: Token, sent: Span) -> Content | None:
    """He called it a fundamental mistake / Sanders called the suspension
    "arbitrary" -> "it a fundamental mistake" (``predicate``): a speech verb
    with an object and a predicate of that object (the parse's ``oprd``) says
    the judgement; the statement is the object with its predicate. On PolNeAR
    train's tune half this shape, "call" almost alone, is a gold content 11
    times in 15 ("keep it quiet": not a speech verb)."""
    if ctx.in_quote(v.idx + ctx.offset):
        return None
    obj = next((c for c in v.children if c.dep_ in ("dobj", "obj") and c.i > v.i), None)
    pred = next((c for c in v.children if c.dep_ == "oprd" and obj is not None and c.i > obj.i),
                None)
    if pred is None and obj is not None:
        pred = _quoted_predicate(ctx, obj)
    if obj is None or pred is None:
        return None
    a, b = obj.left_edge.i, min(pred.right_edge.i + 1, sent.end)
    if not doc_gap_ok(ctx, v.i, a):
        return None
    return (a, b), "predicate"


def _quoted_predicate(ctx: QuoteContext, obj: Token) -> Token | None:
    """The predicate of an object when it stands in quote marks: the parse reads
    "called the Republican frontrunner “ISIS' best recruiter”" or "calling
    Rubio's credit “a welfare transfer payment”" as an apposition (an ``appos``
    with no comma before it, the opening mark glued to the object), where a bare
    predicate is an ``oprd``. A true apposition is set off by a comma."""
    doc = ctx.doc
    if obj.lemma_.lower() in ctx.words.word_nouns:
        return None  # "was posting the phrase “Allahu akbar”": the words the noun names
    for c in obj.children:
        if c.dep_ != "appos" or c.i < obj.i:
            continue
        k = c.left_edge.i
        opener = k if doc[k].is_quote else k - 1
        if opener > obj.i and doc[opener].is_quote and doc[opener - 1].text != "," \
                and ctx.in_quote(doc[opener + 1].idx + ctx.offset):
            return c
    return None


def infinitive(ctx: QuoteContext, v: Token, sent: Span) -> Content | None:
    """X dit avoir résisté -> "avoir résisté"; "has promised to cut taxes",
    "a promis de baisser" -> the infinitive clause (``infinitive``).

    The infinitive is the verb's complement in the parse (``xcomp``), or the
    next word but adverbs and the language's infinitive markers ("to", "de").
    """
    if v.lemma_.lower() not in ctx.words.infinitive_speech_verbs:
        return None
    markers = ctx.words.infinitive_markers
    for c in v.children:
        if c.dep_ == "xcomp" and c.i > v.i and c.pos_ in ("VERB", "AUX") and (
                "Inf" in c.morph.get("VerbForm", []) or c.tag_ == "VB"):
            left = min(x.i for x in c.subtree)
            if doc_gap_ok(ctx, v.i, left):
                return (left, sent.end), "infinitive"
    nxt = [t for t in ctx.doc[v.i + 1 : min(sent.end, v.i + 4)]
           if t.pos_ != "ADV" and t.text.lower() not in markers]
    if nxt and "Inf" in nxt[0].morph.get("VerbForm", []):
        return (nxt[0].i, sent.end), "infinitive"
    return None


def self_description(ctx: QuoteContext, v: Token, sent: Span) -> Content | None:
    """X s'est dit prêt à coopérer / se dit favorable à … -> the adjective's phrase
    to the end of the sentence (``self-description``): a stance the speaker
    gives of themselves, with a reflexive clitic and an adjective complement."""
    words = ctx.words
    if v.lemma_.lower() not in words.self_description_verbs:
        return None
    if not any(c.text.lower() in words.reflexive_pronouns and c.i < v.i for c in v.children):
        return None
    for c in v.children:
        if c.dep_ in ("xcomp", "acomp") and c.pos_ == "ADJ" and c.i > v.i \
                and doc_gap_ok(ctx, v.i, c.i):
            return (c.i, sent.end), "self-description"
    return None


def as_incise(ctx: QuoteContext, v: Token, sent: Span) -> Content | None:
    """La flotte devrait se contracter, comme l'a annoncé la compagnie jeudi. /
    Comme l'a rapporté l'agence Bloomberg, Telekom doit recevoir … -> the rest of
    the sentence (``as-incise``); the subject after the verb speaks.

    The marker and the object clitic before the verb (the language's
    ``as_markers`` and ``as_clitics``) make the verb an incise whatever its
    place in the sentence.
    """
    words = ctx.words
    if not words.as_markers:
        return None
    if not words.as_clitics:
        return _as_clause(ctx, v, sent)
    doc = ctx.doc
    k = v.i - 1
    while k > sent.start and (doc[k].pos_ in ("AUX", "ADV") or doc[k].text.startswith("-")):
        k -= 1
    if k <= sent.start - 1 or doc[k].text.lower() not in words.as_clitics:
        return None
    m = _as_marker_start(ctx, k, sent)
    if m is None:
        return None
    end = _incise_end(v, sent)
    before = [t for t in doc[sent.start:m] if not (t.is_punct or t.is_space)]
    if any(t.lemma_.lower() in words.speech_verbs and t.pos_ == "VERB" for t in before):
        # "plaidant pour une « sixième république » comme le souhaite X": the
        # clause has its own speaker; X only agrees with it
        return None
    after = [t for t in doc[end + 1:sent.end] if not (t.is_punct or t.is_space)]
    if before and len(after) >= 3 and end < sent.end and doc[end].text == "," \
            and m > sent.start and doc[m - 1].text == "," and _goes_on(after[0]):
        # "Il existe aujourd'hui, ainsi que l'a souligné Mme Licitra-Ponti, un
        # déséquilibre entre …", "La flotte, comme l'a annoncé la compagnie,
        # devrait …": an incise set off by commas inside the sentence; the
        # statement is the sentence around it
        return (sent.start, sent.end), "as-incise"
    if len(before) >= 3:
        j = m
        while j > sent.start and (doc[j - 1].is_punct or doc[j - 1].is_space):
            j -= 1
        return (sent.start, j), "as-incise"
    if end < sent.end and len(after) >= 3:
        return (end + 1, sent.end), "as-incise"
    return None


def appellation(ctx: QuoteContext, v: Token) -> bool:
    """Does the verb give a person's nickname rather than report words? "Victor
    Hespel, dit Le Grand Rouquin, né en 1891 …", "Muller dit « La Motte »": a
    form of the pack's ``appellation_forms`` right after a person's name (a
    comma between them at most), before a capitalised word or a quote mark,
    with no auxiliary of its own. The parse reads the participle as a
    present, so an incise ("…, dit Le Grand Rouquin,") would report the
    narration before it."""
    words = ctx.words
    if v.lower_ not in words.appellation_forms or any(
            c.dep_.startswith("aux") for c in v.children):
        return False
    doc = ctx.doc
    k = v.i - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k < 0 or v.i + 1 >= len(doc):
        return False
    nxt = doc[v.i + 1]
    if not (nxt.text[:1].isupper() or nxt.is_quote or nxt.text in ("«", "<")):
        return False
    name = ctx.mention_of(doc[k])
    if name is not None:
        return name.label == "PER"
    # a name the recogniser missed (OCR glued it to the word before:
    # "l'arrestation deVictor Hespel, dit Le Grand Rouquin, né en …"): a proper
    # noun, and the sentence goes on after the nickname, where an incise ("…
    # pour Hollande, dit Le Monde.") ends it
    if doc[k].pos_ != "PROPN":
        return False
    sent = ctx.sent(v)
    j = v.i + 1
    while j < sent.end and (not doc[j].is_punct or doc[j].is_quote):
        j += 1
    return j < sent.end and doc[j].text == "," and any(
        not t.is_punct for t in doc[j + 1:sent.end])


def _goes_on(first: Token) -> bool:
    """Do the words after an incise go on with the sentence before it, rather
    than with the incise? "…, ainsi que l'a souligné Mme X, un déséquilibre
    entre …" goes on; "…, comme l'a rapporté Bloomberg, citant des personnes
    …" (the incise's own participle) and "…, ainsi que l'annonce l'extrait
    suivant d'une lettre de Cologne, en date du 13 mai : …" (its adjunct) do
    not. The parse's attachment of either is unreliable around an inverted
    subject: the first word's part of speech and form decide."""
    return first.pos_ != "ADP" and not (
        "Part" in first.morph.get("VerbForm", []) and "Pres" in first.morph.get("Tense", []))


def _incise_end(v: Token, sent: Span) -> int:
    """Where an incise whose verb is ``v`` ends: at the next comma, semicolon or
    colon, or the sentence's end."""
    doc = v.doc
    return next((j for j in range(v.i + 1, sent.end) if doc[j].text in (",", ";", ":")), sent.end)


def _said_before(ctx: QuoteContext, v: Token, attr: Attribution) -> bool:
    """Is the speaker found for an inverted verb named outside its incise, in
    its sentence? The inverted subject of "comme l'a dit X" follows the verb,
    before the comma that closes the incise."""
    doc = ctx.doc
    sent = ctx.sent(v)
    end = _incise_end(v, sent)
    lo = v.idx + len(v.text) + ctx.offset
    hi = (doc[end].idx if end < len(doc) else len(doc.text)) + ctx.offset
    if attr.mention is not None:
        return not (lo <= attr.mention.start and attr.mention.end <= hi)
    return attr.speaker is not None and attr.speaker not in ctx.text[lo - ctx.offset:hi - ctx.offset]


def _as_marker_start(ctx: QuoteContext, clitic: int, sent: Span) -> int | None:
    """The first token of the language's as-marker that ends right before the
    clitic, or None: a marker may be a word ("comme l'a annoncé …") or a
    locution of several ("ainsi que l'annonce l'extrait suivant d'une lettre
    de Cologne", the old press's and the wire's other "as")."""
    doc = ctx.doc
    for marker in ctx.words.as_markers:
        n = len(marker.split())
        first = clitic - n
        if first >= sent.start and " ".join(
                t.text.lower() for t in doc[first:clitic]) == marker:
            return first
    return None


def _as_clause(ctx: QuoteContext, v: Token, sent: Span) -> Content | None:
    """As The Washington Post reported, … / …, as Obama noted. / The economy, as
    he said, is growing. -> the rest of the sentence (``as-incise``), in a
    language with no object clitic to mark the gap (English): the parse's
    adverbial clause opened by the marker, whose verb has a subject and no
    complement of its own (the statement fills it: "as he said goodbye" is a
    time, not a source). The verb must be one a gold taught to report a clause
    (its cue frames hold ``ccomp``): "as he spoke" reports nothing."""
    doc = ctx.doc
    words = ctx.words
    if v.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in words.as_markers
                                    and c.i < v.i for c in v.children):
        return None
    if "ccomp" not in words.cue_frames.get(v.lemma_.lower(), ()):
        return None
    if not any(c.dep_ in ("nsubj", "nsubj:pass") for c in v.children):
        return None  # "as expected", "as reported earlier": nobody named
    for c in v.children:
        if c.dep_ in ("ccomp", "xcomp", "attr", "acomp", "oprd"):
            return None
        if c.dep_ in ("dobj", "obj", "dative") and c.pos_ != "PROPN" \
                and "Prs" not in c.morph.get("PronType", []):
            # "as he told the story", "as a page says nothing about …"; "as he
            # told CNN", "as she told him" name the addressee
            return None
    lo, hi = v.left_edge.i, v.right_edge.i
    while hi > v.i and doc[hi].is_punct:
        hi -= 1  # the parse may hang the comma after the clause on its verb
    if ctx.in_quote(doc[lo].idx + ctx.offset):
        return None
    if lo == sent.start:
        if hi + 1 >= sent.end or doc[hi + 1].text != ",":
            return None
        a, b = hi + 2, sent.end
    elif doc[lo - 1].text == "," and (hi + 1 >= sent.end - 1 or doc[hi + 1].text == ","):
        a, b = (sent.start, sent.end) if hi + 1 < sent.end - 1 else (sent.start, lo - 1)
    else:
        return None
    rest = [t for t in doc[a:b] if not (t.is_punct or t.is_space) and not lo <= t.i <= hi]
    if len(rest) < 3 or not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", [])
                                for t in rest):
        return None
    if any(ctx.in_quote(t.idx + ctx.offset) for t in rest[:1]):
        return None  # "As he said, “…”": the direct quote's own cue
    return (a, b), "as-incise"


def _as_incise_subject(ctx: QuoteContext, v: Token) -> Attribution | None:
    """The inverted subject of "comme l'a annoncé la compagnie jeudi": the clitic
    is the verb's object, so the noun after the verb is its subject even where
    the parse calls it an object."""
    doc = ctx.doc
    for t in doc[v.i + 1:min(len(doc), v.i + 5)]:
        if t.is_punct:
            return None
        if t.pos_ == "PRON" and pronoun_with_group(t):
            # "comme le dit très justement un de nos confrères": the pronoun
            # and the group it is taken from speak
            span = (v.idx + ctx.offset, v.idx + len(v.text) + ctx.offset)
            return Attribution(np_text(t), None, v.lemma_, "indirect: as-incise",
                               "indirect-as-incise", 0.7, span, "noun")
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        m = ctx.mention_of(t)
        if m is None and t.pos_ == "NOUN":
            m = resolve_role(ctx, t)
        span = (v.idx + ctx.offset, v.idx + len(v.text) + ctx.offset)
        if m is not None:
            return Attribution(m.text, m, v.lemma_, "indirect: as-incise", "indirect-as-incise",
                               0.75, span, "named")
        # the noun with its determiner, adjectives and complements ("de vieilles
        # estampes allemandes", "le concurrent de Linde"); a document with all it governs up to the next comma
        # ("l'extrait suivant d'une lettre de Cologne"): a document is known by
        # where it comes from, which its head alone does not say
        left = min([t.i] + [c.left_edge.i for c in t.children
                            if c.i < t.i and c.dep_ in ("det", "amod", "nummod")])
        right = max([t.i] + [c.right_edge.i for c in t.children if c.i > t.i and (
            c.dep_ == "amod" or c.dep_ == "nmod" and any(x.dep_ == "case" for x in c.children))])
        if t.lemma_.lower() in ctx.words.document_nouns:
            right = t.right_edge.i
        surface = doc[left:right + 1].text.split(",")[0].strip()
        return Attribution(surface, None, v.lemma_, "indirect: as-incise",
                           "indirect-as-incise", 0.7, span, "noun")
    return None


def linked_complement(ctx: QuoteContext, v: Token, sent: Span) -> Content | None:
    """X a exhorté le gouvernement à agir / a appelé à des élections / s'engage à
    verser / accuse ses opposants de voler l'élection / qualifie le plan de
    « réduction » / considère X comme un échec -> from the addressee (or topic)
    to the end of the sentence (``call`` or ``judgement``).

    The language lists the verbs and their link words; a call needs an
    infinitive after its link (or a noun right after "appeler à"), a judgement
    an object before its link. A passive ("a été invité à") reports nobody's
    call: its subject is the addressee.
    """
    words = ctx.words
    lemma = v.lemma_.lower()
    calls, judged = words.call_verbs.get(lemma), words.judgement_verbs.get(lemma)
    if (not calls and not judged) or v.pos_ != "VERB" or ctx.in_quote(v.idx + ctx.offset):
        return None
    if any(c.dep_ in ("aux:pass", "auxpass", "nsubj:pass", "nsubjpass") for c in v.children) \
            or v.dep_.startswith("acl"):
        return None  # "X, accusé de fraude": X is the one accused
    reflexive = any(c.text.lower() in words.reflexive_pronouns and c.i < v.i for c in v.children)
    if lemma in words.reflexive_calls and not reflexive:
        return None  # "engager un salarié" is no promise
    doc = ctx.doc
    stop = min(sent.end, v.i + 14)
    for k in range(v.i + 1, stop):
        t = doc[k]
        if t.text in (".", ";", ":", "«", "“", "\"") or ctx.in_quote(t.idx + ctx.offset):
            return None
        if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []):
            return None  # another clause begins before any link
        low = t.text.lower()
        # a verb of everyday use ("voir", "présenter": a judgement only now and
        # then) needs its link to open a complement of the verb itself, not of
        # its object; the parse often hangs it on the object, so the others do not
        on_verb = (lemma not in words.weak_judgement_verbs
                   or t.head.i == v.i or t.head.head.i == v.i)
        if calls and low in calls:
            # adverbs and the infinitive's clitic pronouns come between the
            # link and the infinitive ("à ne pas la relâcher", "de le faire";
            # the tagger may call the clitic a determiner of the infinitive)
            nxt = [x for x in doc[k + 1:min(sent.end, k + 5)] if x.pos_ != "ADV"
                   and not (x.pos_ in ("PRON", "DET") and k < x.i < x.head.i < k + 5
                            and "Inf" in x.head.morph.get("VerbForm", []))]
            inf = bool(nxt) and "Inf" in nxt[0].morph.get("VerbForm", [])
            right_after = k == v.i + 1 and bool(nxt) and nxt[0].pos_ in ("DET", "NOUN")
            if not inf and not (right_after and low == "à"):
                continue
            if lemma in words.reflexive_calls:
                return (k + 1, sent.end), "call"  # "s'engagent à verser …": the promise
            return (v.i + 1, sent.end), "call"
        if judged and low in judged and on_verb and k > v.i + 1 and any(
                x.pos_ in ("NOUN", "PROPN", "PRON") for x in doc[v.i + 1:k]):
            return (v.i + 1, sent.end), "judgement"
    return None


def locution(ctx: QuoteContext, v: Token, sent: Span) -> Content | None:
    """La Chine a mis en garde à plusieurs reprises contre l'utilisation d'armes
    nucléaires / l'agence a fait état de 534 décès -> the link's object
    (``object``) or clause (``que-clause``): a verb that reports only with its
    fixed words (the pack's ``speech_locutions``).

    The parse hangs the link's phrase on the fixed noun, on an adjunct or on
    the verb, so the link is found in the words after the locution (a short
    adjunct or addressee may come between), and the object runs from the
    link to the next comma or the sentence's end."""
    entry = ctx.words.speech_locutions.get(v.lemma_.lower())
    if entry is None or v.pos_ != "VERB" or ctx.in_quote(v.idx + ctx.offset):
        return None
    fixed, links = entry
    doc = ctx.doc
    k = v.i + 1
    for word in fixed:
        while k < sent.end and doc[k].pos_ == "ADV":
            k += 1
        if k >= sent.end or doc[k].text.lower() != word:
            return None
        k += 1
    for j in range(k, min(sent.end, k + 7)):
        t = doc[j]
        low = t.text.lower()
        if t.text in (".", ";", ":", "«", "“", "\"") or ctx.in_quote(t.idx + ctx.offset):
            return None
        if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []):
            return None  # another clause begins before any link
        if low not in links:
            continue
        if is_complementizer(ctx, t):
            return (j + 1, sent.end), "que-clause"
        if j + 1 >= sent.end:
            return None
        # "de 534 décès": the noun the preposition opens; a contracted article
        # ("fait état des progrès") is part of the phrase
        head = t.head if t.head.i > j else doc[j + 1]
        a = j if t.pos_ == "DET" or low in ("du", "des") else j + 1
        # to the next comma: the parse hangs the phrase's own complements
        # ("de gains de territoire à l'est autour de la ville de …") elsewhere
        b = next((x.i for x in doc[max(head.i, a):sent.end] if x.text in (",", ";", ":")),
                 sent.end)
        return (a, b), "object"
    return None


def doc_gap_ok(ctx: QuoteContext, a: int, b: int) -> bool:
    """Nothing but an addressee, adverbs and markers between a verb and its complement."""
    return b - a <= 8 and not any(t.text in (".", ";", "«", "“", "\"") for t in ctx.doc[a + 1 : b])


def _only_a_name(ctx: QuoteContext, toks: list[Token]) -> bool:
    """Are the object's words one named entity, its article and punctuation aside?"""
    named = [t for t in toks if not (t.pos_ in ("DET", "PUNCT") or t.is_space)]
    if not named:
        return False
    m = ctx.mention_of(named[0])
    return m is not None and m.label in ("PER", "ORG", "LOC") \
        and all(m.start <= t.idx + ctx.offset < m.end for t in named)


def noun_object(ctx: QuoteContext, v: Token, sent: Span) -> Content | None:
    """X a requis la prison à perpétuité / demanded his resignation / called for
    a ban -> the object's phrase (``object``).

    Only verbs whose object is a statement (``object_speech_verbs``), and only a
    noun phrase of two words or more (a pronoun object repeats an earlier one).
    """
    words = ctx.words
    lemma = v.lemma_.lower()
    if lemma not in words.object_speech_verbs:
        return None
    if any(is_speech(ctx, anc) for anc in v.ancestors):
        return None  # "X a averti que … pour défendre son intégrité": part of X's statement
    preps = words.object_prepositions.get(lemma)
    obj = None
    for c in v.children:
        if c.i < v.i:
            continue
        if preps is None and c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN"):
            obj = c
            break
        if preps is not None and c.dep_ == "prep" and c.text.lower() in preps \
                and any(x.dep_ == "pobj" for x in c.children):
            obj = c  # "called for a ban": the phrase after the preposition
            break
    if obj is None:
        return None
    toks = [t for t in obj.subtree if t.i > v.i]
    if len(toks) < 2 and not (toks and toks[0].pos_ == "PROPN"):
        return None
    if obj.text.lower() in words.shell_nouns and len(toks) <= 2:
        return None  # "a confirmé la nouvelle": the statement is elsewhere
    if words.named_object_is_target and _only_a_name(ctx, toks):
        return None  # "qui fustige Israël": the name is the target, not words
    left = min(t.i for t in toks)
    if obj.dep_ == "prep":
        left += 1
    right = max(t.i for t in toks) + 1
    # "called on Congress to act": the infinitive that completes the object
    for c in v.children:
        if c.i >= right and c.dep_ in ("xcomp", "advcl", "ccomp") and c.i - right <= 2 \
                and not (ctx.words.participle_reports_speech
                         and any(t.is_punct for t in ctx.doc[right:c.left_edge.i])):
            # not past a comma where a participle reports speech of its own:
            # "criticized the deal, saying it would …" is a second statement
            right = max(t.i for t in c.subtree) + 1
    right = object_tail(ctx, v, right)
    if ctx.in_quote(ctx.doc[left].idx + ctx.offset):
        return None
    return (left, min(right, sent.end)), "object"


def object_tail(ctx: QuoteContext, v: Token, right: int) -> int:
    """Where a reported object ends when the parse hangs its completion on the
    verb: "criticized Marco Rubio *for opposing legal abortion*", "questioned
    Clinton's judgment *in supporting the war*", "dismissed Obama's actions *to
    more tightly regulate gun sales*", and the object's own modifiers the parse
    misattached to the verb: "reported at least 20 victims *at a nonprofit
    center that …*", "touted his victories *in various states*", "had endorsed
    Jeb Bush *for president*". A phrase starting right where the object ends;
    not one that says when or where the words were said (:func:`_occasion`),
    nor after a comma. English parse labels (``prep``/``pcomp``, the ``TO``
    tag): a French parse has none of them."""
    doc = ctx.doc
    dated = right > 0 and doc[right - 1].ent_type_ in ("DATE", "TIME")
    for c in sorted(v.children, key=lambda t: t.i):
        if c.i < right:
            continue
        if c.left_edge.i != right:
            break
        gerund = c.dep_ == "prep" and any(
            x.dep_ == "pcomp" and x.pos_ in ("VERB", "AUX") for x in c.children)
        to_inf = c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX") and any(
            x.dep_ == "aux" and x.tag_ == "TO" for x in c.children)
        # (an object that is a date or a length, "Four hours into flight", is no
        # statement to complete: see extract._only_when)
        phrase = c.dep_ == "prep" and c.left_edge.i == c.i and not doc[c.i - 1].is_punct \
            and not dated and any(x.dep_ == "pobj" for x in c.children) \
            and not _occasion(ctx, c)
        if not (gerund or to_inf or phrase):
            break
        right = c.right_edge.i + 1
    return right


def _occasion(ctx: QuoteContext, prep: Token) -> bool:
    """Does a prepositional phrase after a reported object tell the occasion of
    the words rather than their content ("… at Tuesday's Republican debate",
    "… in his opening statement", "… on its Facebook page", "… during his
    birther mania")? Its preposition opens only circumstances, or its object
    is a date, a time or a named event, or a named channel after the pack's
    ``channel_prepositions`` ("on Twitter"), or it holds a noun of an occasion,
    a channel, a document, a statement or a work (the pack's words), or a
    punctuation mark (it breaks off)."""
    words = ctx.words
    if prep.lower_ in words.circumstance_prepositions:
        return True
    nouns = words.occasion_nouns | words.document_nouns | words.statement_nouns | words.work_nouns
    if any(x.dep_ == "pobj" and x.ent_type_ in ("DATE", "TIME", "EVENT") for x in prep.children):
        # "… on Tuesday", "… at the Super Bowl" (a date inside, "the period
        # before 1972's decision", may be the content's own)
        return True
    if prep.lower_ in words.channel_prepositions and any(
            x.dep_ == "pobj" and (x.pos_ == "PROPN" or x.ent_type_ in ("ORG", "PRODUCT"))
            for x in prep.children):
        return True  # "described the scene on Twitter", "… on Fox News": the channel
    for t in prep.subtree:
        if t.is_punct and t.text not in ("'", "’"):
            return True
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in nouns:
            return True
    return False


def _circumstance(ctx: QuoteContext, prep: str, head: Token) -> bool:
    """Does a verb's prepositional complement tell when or where the words
    were said rather than what they were? The frame model (a verb the gold did
    not teach) takes "said *at a forum hosted by …*", "said *during a
    discussion Thursday with …*", "ended his campaign *after a humiliating
    loss*" for statements: a circumstance preposition (``during``,
    ``despite``), a time preposition before a noun phrase ("after the
    exchange"; a gerund after one may be reported: "charged him after
    *determining that …*"), or "at" before a noun of an occasion of speech."""
    words = ctx.words
    if prep in words.circumstance_prepositions:
        return True
    nominal = head.pos_ in ("NOUN", "PROPN", "PRON")
    if prep in words.time_prepositions and nominal:
        return True
    return prep == "at" and head.pos_ == "NOUN" and head.lemma_.lower() in words.occasion_nouns


def learned_frame(ctx: QuoteContext, v: Token, sent: Span) -> Content | None:
    """X complained that … / assured WMAL that … / spoke about … -> the complement
    of a cue frame learned from a gold (``frame``; see :mod:`.frames`).

    The language pack lists, per verb lemma, the relations through which the
    verb reports (``cue_frames``); the complement's subtree is the statement.
    A complement holding a quote mark or another frame's verb is left to the
    steps that read those.
    """
    rels = ctx.words.cue_frames.get(v.lemma_.lower(), ())
    model = frame_model(ctx.doc.lang_) if ctx.words.cue_frames else None
    if (not rels and model is None) or v.pos_ != "VERB" or ctx.in_quote(v.idx + ctx.offset):
        return None
    for rel, head in [*complements(v), *((r, h) for r, h in clause_complements(v) if r in rels)]:
        method = "frame"
        document = rel not in rels and _document_reports(ctx, v, rel, head, rels)
        if document:
            pass  # "A Fox News poll shows Sanders with 47 percent"
        elif rel not in rels:
            # a verb the gold did not teach: the frame model decides from its
            # word vector and the parse (see frames.FrameModel)
            if model is None or not any(c.dep_ in ("nsubj", "nsubj:pass") for c in v.children) \
                    or v.is_stop or not model.accepts(v, rel, head):
                # the verb's own subject only: a participle borrowing its clause's
                # ("…, persuading President Xi to join") reports an act more often;
                # a light verb (the parser's stop words: have, make, take, say)
                # reports nothing through a frame the gold did not teach it: "has
                # a slight lead in the polls", "said at a forum"
                continue
            method = "frame-similar"
        sub = sorted(head.subtree, key=lambda t: t.i)
        if sub[0].dep_ == "mark" and len(sub) > 1:
            sub = sub[1:]  # "for the United States to step up …": the clause after "for"
        a, b = sub[0].i, min(sub[-1].i + 1, sent.end)
        if rel in ("dobj", "obj"):
            b = min(object_tail(ctx, v, b), sent.end)
        if document:
            # what a poll shows runs on after its object: "shows Sanders *with
            # 47 percent versus Clinton*", "Ted Cruz *16 points ahead of Trump*"
            end = v.right_edge.i
            while end > b and (ctx.doc[end].is_punct or ctx.doc[end].is_space):
                end -= 1
            b = max(b, min(end + 1, sent.end))
        if rel.startswith("prep:") and head.dep_ == "pobj" and len(sub) < 2 \
                and head.pos_ not in ("PROPN", "NOUN"):
            continue  # "spoke about it": the statement is elsewhere
        if rel in ("dobj", "obj") and (head.pos_ == "PRON" or len(sub) < 2 and head.pos_ != "PROPN"):
            continue  # a pronoun object repeats an earlier statement
        if head.lower_ in ctx.words.shell_nouns and len(sub) <= 2:
            continue
        if head.ent_type_ in ("DATE", "TIME"):
            continue  # "… discussed Friday afternoon": when, not what
        if rel.startswith("prep:") and _circumstance(ctx, rel[5:], head):
            continue  # "said during a discussion …", "shook hands after an exchange …"
        if ctx.in_quote(ctx.doc[a].idx + ctx.offset):
            return None
        return (a, b), method
    return None


def _document_reports(ctx: QuoteContext, v: Token, rel: str, head: Token,
                      rels: tuple[str, ...]) -> bool:
    """A verb that reports a clause (a learned clausal frame) reports its
    object too when its subject is a document: "A Fox News poll shows Sanders
    with 47 percent", "the latest poll found a dead heat" say what "the poll
    shows that …" says. With a person as subject the same object is mostly
    an act ("Trump showed his tax returns", "he found a job"), which is why
    the gold did not teach the object frame of such verbs."""
    if rel not in ("dobj", "obj") or "ccomp" not in rels \
            or any(c.dep_ in ("ccomp", "xcomp") for c in v.children) \
            or any(c.dep_ == "relcl" for c in head.children):
        # "The email informed recipients that law enforcement …": the object
        # is the addressee, the clause (which the parse may hang on it as a
        # relative) is what is said
        return False
    subj = [c for c in v.children if c.dep_ == "nsubj"]
    return len(subj) == 1 and subj[0].pos_ == "NOUN" \
        and subj[0].lemma_.lower() in ctx.words.document_nouns


def postposed_incise(ctx: QuoteContext, v: Token, sent: Span) -> Content | None:
    """Les ventes ont augmenté, a déclaré X. / Sales rose, X said. -> the clause (``incise``).

    A language may put a short subject before the verb (``incise_subject_words``).
    The verb must not introduce a direct quote ('X said, "…"'), and what
    precedes must be a clause: a finite verb, not an adverbial like "According
    to Bloomberg" (a participle).
    """
    doc = ctx.doc
    if v.tag_ == "VBG" and not any(c.dep_ == "aux" for c in v.children):
        return None  # "…, calling Trump's charge “pathetic”": a participle clause, no incise
    if v.tag_ == "VBN" and v.dep_ in ("acl", "amod"):
        # "…, a western lowland gorilla called Harambe, …": a noun's name, no
        # incise; "the microbes were all ordinary, known microbes": an adjective
        return None
    k = v.i - 1
    subj_budget = ctx.words.incise_subject_words
    while k > sent.start:
        t = doc[k]
        if t.pos_ == "AUX" or t.text.startswith("-"):
            k -= 1
        elif subj_budget and t.pos_ in ("PROPN", "PRON", "DET", "NOUN", "ADJ"):
            subj_budget -= 1
            k -= 1
        else:
            break
    if ctx.words.incise_subject_words and k > sent.start and doc[k].text != ",":
        k = _parsed_subject_start(ctx, v, sent, k)
    rumour = _inverted_impersonal(ctx, v)
    if any(c.lower_ in ctx.words.relative_subjects and c.i < v.i for c in v.children):
        # "…, which was confirmed when …", "… bankers, who wanted …": a relative
        # clause tells of its antecedent; the clause before is no statement of it
        return None
    if not rumour and any(c.dep_.startswith("aux") and c.i <= k
                          or c.dep_ in ("xcomp", "ccomp") and c.i > v.i for c in v.children):
        # "Il a, en outre, jugé recevables …": the verb has its own auxiliary
        # before the comma, or its own complement after it: no incise
        return None
    introduces = any(ctx.in_quote(t.idx + ctx.offset)
                     for t in doc[v.i + 1 : min(sent.end, v.i + 4)])
    if (k > sent.start and doc[k].text == "," and doc[k - 1].text not in ("»", "”", '"')
            and not introduces):
        before = doc[sent.start : k]
        after = _clause_after_incise(ctx, v, sent, loose=rumour)
        if after is not None:
            # "C'est pourquoi, dit-il, la CENI a dû …": the incise sits inside
            # the statement, which is the whole sentence
            return (sent.start, sent.end), "incise"
        if sum(1 for t in before if not t.is_punct) < 3:
            return None  # "Il a, en outre, jugé …": no statement in two words
        if _subordinate_only(v, before):
            return None  # "When the moderator pointed out …, the candidate said …"
        if before[0].lower_ in ctx.words.as_markers and any(
                is_speech(ctx, t) for t in before):
            return None  # "As we have reported, X said …": a cue of its own, no statement
        has_verb = any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", [])
                       for t in before)
        # the statement may open with a quote that closes before the incise:
        # "« La situation est préoccupante » du nombre de pays …, affirme X"
        if has_verb and not ctx.in_quote(doc[k - 1].idx + ctx.offset):
            return (sent.start, k), "incise"
    return None


def _subordinate_only(v: Token, before: Span) -> bool:
    """Is what precedes the verb only a subordinate clause of the verb itself
    (an adverbial clause opened by a subordinator, "When …", "After …", that
    runs from the sentence's start to the comma, the verb hanging on nothing
    before it)? That
    sets the scene of the speech; a statement the incise reports is a main
    clause, which the parse hangs on the verb as a complement."""
    if before.start <= v.head.i < before.end and v.head.i != v.i:
        return False  # the verb hangs on a clause before it: that clause is the statement
    own = [t for t in before if t.head.i == v.i and t.i != v.i]
    if any(t.dep_ in ("ccomp", "parataxis", "xcomp") for t in own):
        return False
    words = [t for t in before if not (t.is_punct or t.is_space)]
    doc = before.doc
    # the subordinate clause is all there is, its subordinator in one stretch
    # with its verb ("If anything, Japan has been too passive, said …": the
    # parse may hang "If" on the main clause across the comma)
    return bool(words) and any(
        t.dep_ == "advcl" and t.left_edge.i == before.start and t.right_edge.i >= words[-1].i
        and any(c.i < t.i and (c.dep_ == "mark" or c.tag_ == "WRB")
                and not any(x.text == "," for x in doc[c.i:t.i]) for c in t.children)
        for t in own)


#: Longest subject of a post-posed incise read from the parse (tokens).
INCISE_SUBJECT_TOKENS = 12


def _parsed_subject_start(ctx: QuoteContext, v: Token, sent: Span, k: int) -> int:
    """Where an incise's subject phrase opens, read from the parse when the word
    budget stopped short of the comma: "…, the prime minister's spokesman said",
    "…, Donald Trump's longtime confidant Roger Stone stated" (a possessive, or
    more words than the budget). The subject's subtree must run, unbroken and
    free of verbs, from just after a comma to the verb (auxiliaries and adverbs
    between them), the clause before the comma must be the verb's complement
    in the parse, and no quote may follow. Returns the comma's index, or ``k``
    unchanged."""
    doc = ctx.doc
    subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < v.i]
    if len(subj) != 1:
        return k
    lo = subj[0].left_edge.i
    if lo <= sent.start or doc[lo - 1].text != "," or v.i - lo > INCISE_SUBJECT_TOKENS:
        return k
    if not any(c.dep_ in ("ccomp", "parataxis") and sent.start <= c.i < lo for c in v.children) \
            and not (v.dep_ in ("ccomp", "parataxis") and sent.start <= v.head.i < lo):
        return k  # the clause before the comma is no complement of the verb: no statement
    if any(c.dep_ in ("dobj", "obj") for c in v.children):
        return k  # "…, the moderators didn't ask her about it": the verb has its own object
    if any(ctx.in_quote(t.idx + ctx.offset) for t in doc[v.i + 1:sent.end]):
        return k  # "…; indeed, he had publicly stated of politicians, “…”": a quote's cue
    inside = {t.i for t in subj[0].subtree}
    for t in doc[lo:v.i]:
        if t.i in inside:
            if t.pos_ in ("VERB", "AUX") or ctx.in_quote(t.idx + ctx.offset):
                return k  # "…, a man who said …": a clause of its own
        elif not (t.pos_ in ("AUX", "ADV", "PART") and t.head.i == v.i):
            return k
    return lo - 1


def _inverted_impersonal(ctx: QuoteContext, v: Token) -> bool:
    """Is the verb an incise with its impersonal subject inverted right after it
    ("…, dit-on, …", "…, affirme-t-on")? Unambiguous typography, so the
    auxiliary guard of :func:`postposed_incise` does not apply: the parse may
    hang the split clause's own auxiliary on the incise verb."""
    imp = ctx.words.impersonal_pronouns
    after = [t for t in ctx.doc[v.i + 1:v.i + 3] if t.text.lower() not in ("-t", "-t-")]
    return bool(imp) and bool(after) and after[0].text.startswith("-") \
        and after[0].text.lstrip("-").lower() in imp


def _clause_after_incise(ctx: QuoteContext, v: Token, sent: Span,
                         loose: bool = False) -> int | None:
    """Where the statement resumes after a mid-sentence incise (", dit-il, la CENI
    a dû …", ", a déclaré le ministre, la réforme …"), or None.

    ``loose``: the rest need not hold a finite verb. An impersonal incise
    ("Fouché va, dit-on, quitter Prague") splits a clause that has no other
    speaker: what follows it is the rest of the rumour, not narration."""
    doc = ctx.doc
    j, subj = v.i + 1, 0
    while j < sent.end and subj <= 4 and doc[j].text != ",":
        t = doc[j]
        if not (t.text.startswith("-") or t.pos_ in ("PROPN", "DET", "NOUN", "ADJ", "PRON", "ADV")
                or t.pos_ == "CCONJ" and j > v.i + 1):  # ", said Doyle and others,"
            return None
        subj += 1
        j += 1
    if j >= sent.end or doc[j].text != ",":
        return None
    rest = doc[j + 1 : sent.end]
    if not len(rest) or rest[0].pos_ == "CCONJ":
        # "…, X said, but new pressings remain expensive": narration resumes
        # ("…, many economists say, because …": a subordinate clause goes on
        # with the statement)
        return None
    if rest[0].tag_ == "VBG" and rest[0].head.i == v.i:
        return None  # "…, Cruz explained, recalling the time …": the speaker's own act
    if rest[0].pos_ in ("AUX", "VERB") and any(t.text.startswith("-") for t in rest[1:3]):
        return None  # "…, a indiqué le directeur, a-t-on appris": a second incise
    if sum(1 for t in rest if not t.is_punct) < 3 or not loose and not any(
            t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []) for t in rest):
        return None
    if ctx.in_quote(rest.start_char + ctx.offset):
        return None
    return j + 1


def _reports_speech(ctx: QuoteContext, v: Token, sent: Span) -> bool:
    """A speech verb outside quote marks that is neither a present participle
    ("signalant que") nor the object of a relative ("ce qu'il dit être …")."""
    doc = ctx.doc
    if not is_speech(ctx, v, incise=True) or ctx.in_quote(v.idx + ctx.offset):
        return False
    form, tense = v.morph.get("VerbForm", []), v.morph.get("Tense", [])
    if (v.pos_ == "VERB" and "Part" in form and "Pres" in tense
            and not ctx.words.participle_reports_speech):
        return False
    rel = ctx.words.relative_objects
    # "la contradiction que l'on prétendait signaler": the "l'" before "on"
    # is euphony, no word of the clause
    prev = [t for t in doc[sent.start : v.i] if not t.is_space
            and not (t.lower_ in ("l'", "l’") and t.i + 1 < len(doc)
                     and doc[t.i + 1].lower_ in ctx.words.impersonal_pronouns)][-3:]
    return not (any(t.text.lower() in rel for t in prev[-2:-1]) or (
        len(prev) >= 2 and prev[-1].pos_ == "PRON" and prev[-2].text.lower() in rel))


def _participle_clause(ctx: QuoteContext, v: Token, sent: Span) -> Content | None:
    """"…, déclarant que …", "Notant que Téhéran viole …, le responsable a …": in
    a language whose present participles are not taken as speech (they report
    an act or an inference as often: "signalant le danger"), a participle of a
    speech verb still reports the que-clause it governs, and only that."""
    if not (v.pos_ == "VERB" and "Part" in v.morph.get("VerbForm", [])
            and "Pres" in v.morph.get("Tense", [])):
        return None
    if not is_speech(ctx, v) or ctx.in_quote(v.idx + ctx.offset):
        return None
    found = complement_clause(ctx, v, sent)
    if found is None or found[1] != "que-clause":
        return None
    (a, b), method = found
    if v.head.i > v.i:
        b = min(b, v.right_edge.i + 1)  # fronted: the main clause after it is narration
    return (a, b), method


def _participle_adjunct(v: Token) -> bool:
    """"Asked whether China would investigate, Hong Lei said: …", "apps intended
    to cause harm": a past participle with no subject and no perfect auxiliary
    of its own, hanging on a clause or an adjective, is passive: the one it
    tells of did not speak (the tagger's past-participle tag; none elsewhere)."""
    if v.tag_ != "VBN" or any(c.dep_.startswith(("nsubj", "csubj")) for c in v.children):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in v.children):
        return False
    # "they should not be inflammatory or intended to …": a conjunct of an
    # adjective or of a copula is one more attribute of the subject
    return v.dep_ in ("advcl", "acl", "amod") or (v.dep_ == "conj" and v.head.pos_ in ("ADJ", "AUX"))


def _object_only(ctx: QuoteContext, v: Token) -> bool:
    """A verb that reports a stance only through its object ("endorsed Rubio"),
    never a clause or an incise: not a speech verb of the language."""
    return (v.pos_ == "VERB" and v.lemma_.lower() in ctx.words.object_speech_verbs
            and v.lemma_.lower() not in ctx.words.speech_verbs
            and not ctx.in_quote(v.idx + ctx.offset))


def noun_statement(ctx: QuoteContext, n: Token) -> tuple[tuple[int, int], Attribution] | None:
    """"Trump's claim that the election was rigged", "Rubio's response was that
    it's unfair …" -> the "that"-clause (``noun-clause``), said by the noun's
    possessor (a name, or a pronoun's antecedent), else by nobody named."""
    if n.pos_ != "NOUN" or n.lemma_.lower() not in ctx.words.statement_nouns \
            or ctx.in_quote(n.idx + ctx.offset):
        return None
    heads = [n]
    if n.dep_ in ("nsubj", "nsubjpass") and n.head.lemma_ == "be":
        heads.append(n.head)  # "His answer was that …"
    clause = next((c for h in heads for c in h.children
                   if c.i > n.i and c.dep_ in ("acl", "ccomp", "attr")
                   and any(x.dep_ == "mark" and x.lower_ in ctx.words.complementizers
                           and x.i == c.left_edge.i for x in c.children)), None)
    if clause is None or ctx.in_quote(clause.left_edge.idx + ctx.offset):
        return None
    a, b = clause.left_edge.i + 1, clause.right_edge.i + 1
    if b - a < 3:
        return None
    span = (n.idx + ctx.offset, n.idx + len(n.text) + ctx.offset)
    owner = next((c for c in n.children if c.dep_ == "poss"), None)
    mention = None
    resolution = "named"
    if owner is not None:
        mention = ctx.mention_of(owner)
        if mention is None and owner.lower_ in ("his", "her"):
            genders = owner.morph.get("Gender", [])
            mention = resolve_pronoun(ctx, n.idx + ctx.offset,
                                      genders[0] if len(genders) == 1 else None)
            resolution = "pronoun"
    if owner is None and n.dep_ == "dobj" and n.head.pos_ == "VERB":
        # "He made the observation that …": the one who makes it says it
        surface, mention, pron = subject_of(ctx, n.head, fallback_left=False)
        if surface is not None and (mention is not None or not pron):
            return (a, b), Attribution(surface, mention, n.lemma_, "indirect: noun clause",
                                       "indirect-noun-clause", 0.6, span,
                                       "pronoun" if pron else "named" if mention else "noun")
    if mention is None:
        return (a, b), Attribution(None, None, n.lemma_, "indirect: noun clause",
                                   "indirect-noun-clause", 0.5, span)
    return (a, b), Attribution(mention.text, mention, n.lemma_, "indirect: noun clause",
                               "indirect-noun-clause", 0.65, span, resolution)


def question_put(ctx: QuoteContext, v: Token, sent: Span) -> tuple[int, int] | None:
    """"Asked whether he would run again, Smith said …", "Asked about the
    email scandal, Jones declined …": a fronted past participle of a speech
    verb opening its sentence puts a question (an "if"/"whether" clause, or
    an "about" topic) to the subject of the main clause; the question is a
    reported statement of whoever asked it, whom the sentence does not name:
    no speaker (PolNeAR marks it with no source). English tags (VBN)."""
    if v.tag_ != "VBN" or v.dep_ != "advcl" or not v.head.i > v.i:
        return None
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    if first is None or first.i != v.i or not is_speech(ctx, v) \
            or ctx.in_quote(v.idx + ctx.offset):
        return None
    for c in v.children:
        if c.i < v.i:
            continue
        if c.dep_ == "ccomp" and c.left_edge.lower_ in ("if", "whether"):
            return c.left_edge.i, c.right_edge.i + 1
        if c.dep_ == "prep" and c.lower_ == "about":
            obj = [x for x in c.children if x.dep_ in ("pobj", "pcomp")]
            if obj:
                return obj[0].left_edge.i, obj[0].right_edge.i + 1
    return None


def _fronted_before_speaker(ctx: QuoteContext, v: Token, b: int) -> bool:
    """Does a clause fronted before its head (an adverbial: "Asked what …")
    stop where somebody named speaks, inside the span ``v`` would report ("…,
    Adelson said, “They …”")? The parse may root the quote's verb and hang
    the speech verb on it, so the head is not the speech verb; the fronted
    clause's statement is still the clause's own words, not the speaker's."""
    if v.dep_ != "advcl":
        return False
    for w in ctx.doc[v.right_edge.i + 1:b]:
        if is_speech(ctx, w) and not ctx.in_quote(w.idx + ctx.offset) and any(
                c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in w.children):
            return True
    return False


def _fronted_participle(v: Token) -> bool:
    """A present participle fronted before its clause ("Citing the report, the
    group said …"): English grammar gives it the main clause's subject."""
    return (v.dep_ == "advcl" and v.tag_ == "VBG" and v.right_edge.i < v.head.i
            and v.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in v.children))


def _raising_head(v: Token) -> Token | None:
    """The verb whose subject an infinitive after an adjective shares ("are
    likely to say", "was quick to note"): the parse hangs the infinitive on
    the adjective (xcomp), the adjective on the verb (acomp)."""
    adj = v.head
    if v.dep_ != "xcomp" or adj.i == v.i or adj.pos_ != "ADJ" or adj.dep_ != "acomp":
        return None
    verb = adj.head
    if verb.i == adj.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    return verb


def _said_by_head(ctx: QuoteContext, v: Token, head: Attribution, method: str) -> Attribution:
    """A participle's statement given to the speaker its head verb names (an
    incise's, a main clause's), at a lower confidence than a subject of its
    own; the participle stays the cue."""
    return Attribution(head.speaker, head.mention, v.lemma_, head.cue, method, 0.75,
                       (v.idx + ctx.offset, v.idx + len(v.text) + ctx.offset), head.resolution)


def _other_speaker_clause(ctx: QuoteContext, v: Token, a: int, b: int) -> int:
    """Where a statement stops before an adverbial or coordinated clause in
    which somebody named speaks ("… he would not let his nephew on social
    media, while the Facebook investor Sean Parker also recently said …"):
    that clause is the other speaker's, not part of the first statement. A
    reported "that Z said" (a complement) stays inside, as nested speech."""
    doc = ctx.doc
    for w in doc[a:b]:
        # "Asked what …, Adelson said, “…”": the parse may hang the speech
        # verb on the question as parataxis
        if w.i == v.i or w.dep_ not in ("advcl", "conj", "parataxis") \
                or ctx.in_quote(w.idx + ctx.offset):
            continue
        if w.left_edge.i <= a:
            continue
        said = w if is_speech(ctx, w) else _raised_speech(ctx, w)
        if said is None:
            continue
        finite = "Fin" in w.morph.get("VerbForm", [])
        if any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in w.children) \
                and any(c.dep_ == "ccomp" or c.dep_ == "dobj" and finite for c in said.children):
            # a named subject and a statement of its own; a finite clause's
            # object too ("…, while only 49 percent of Republicans say the same
            # of Trump"), not an infinitive's ("… for Ginsburg to criticize Trump")
            return w.left_edge.i
    return b


def _raised_speech(ctx: QuoteContext, w: Token) -> Token | None:
    """A speech verb the clause's subject governs through an adjective or a
    verb of its own ("though voters are generally more likely to say …",
    "while Democrats want to say …"): the chain of open complements from
    ``w`` down to it (xcomp, acomp), at most three links."""
    t, hops = w, 0
    while hops < 3:
        nxt = next((c for c in t.children if c.dep_ in ("xcomp", "acomp")), None)
        if nxt is None:
            return None
        if nxt.pos_ == "VERB" and is_speech(ctx, nxt) and not ctx.in_quote(nxt.idx + ctx.offset):
            return nxt
        t, hops = nxt, hops + 1
    return None


def _trim(ctx: QuoteContext, a: int, b: int, cut_source: bool = True, cue: int = -1) -> int:
    """The statement's end, without a trailing incise or a spliced next sentence
    (``cut_source``: nor a trailing "according to X"). ``cue``: the index of
    the statement's own verb, whose mid-sentence incise the statement spans
    ("Par conséquent, a-t-il poursuivi, tant que …": not cut to "Par conséquent")."""
    doc = ctx.doc
    # "X a assuré que …, a rapporté l'agence": the trailing incise is not content
    for k in range(a + 1, b - 1):
        if doc[k].text != ",":
            continue
        j = k + 1
        while j < b and (doc[j].pos_ == "AUX" or doc[j].text.startswith("-")):
            j += 1
        if j < b and j > k + 1 and j != cue and is_speech(ctx, doc[j], incise=True):
            b = k
            break
        if ctx.words.subject_before_incise_verb:
            # "…, the source added": a short subject, then the verb ends the span
            j, n = k + 1, 0
            while j < b and n < 4 and doc[j].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "PRON"):
                j, n = j + 1, n + 1
            rest = [t for t in doc[j:b] if not (t.is_punct or t.is_space)]
            if n and j < b and is_speech(ctx, doc[j], incise=True) and len(rest) <= 2:
                b = k
                break
    # "…, according to The New York Times": the source of the whole clause,
    # not part of the statement
    glued = {p.replace(" ", "") for p in ctx.words.according_to} if cut_source else set()
    for k in range(a + 1, b - 1):
        if doc[k].text == "," and (doc[k + 1].text + doc[k + 2].text).lower() in glued:
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
    # (a per cent sign ends a figure, not the sentence: "ont augmenté de 5 %")
    while b > a and (doc[b - 1].is_punct and doc[b - 1].text not in ("%", "‰")
                     or doc[b - 1].is_space):
        b -= 1
    return b


def according_to(ctx: QuoteContext, sent: Span) -> tuple[Content, Attribution, str] | None:
    """According to X, <clause>. / <clause>, selon X. -> the clause, X's (``according-to``).

    The phrase must be set off by a comma from a clause with a finite verb;
    X is the entity named in the phrase, else its noun phrase (a document:
    "according to a court filing" — a source, not a person).
    """
    doc = ctx.doc
    toks = [t for t in sent if not t.is_space]
    low = [t.text.lower().replace("’", "'") for t in toks]
    agents = ctx.words.according_to_agents
    for phrase in ctx.words.according_to + agents:
        glued = phrase.replace(" ", "")
        for k in range(len(toks)):
            # "d'après" may be one token or two: compare the tokens glued together
            n = next((m for m in (1, 2, 3) if "".join(low[k:k + m]) == glued), 0)
            if not n:
                continue
            if ctx.in_quote(toks[k].idx + ctx.offset):
                continue
            # X: up to the next comma or the sentence's end
            j = k + n
            while j < len(toks) and toks[j].text not in (",", ";", ":", ".", "«", "“", "\""):
                j += 1
            if j == k + n or (j - (k + n) > ACCORDING_TO_WORDS
                              and not _one_noun_phrase(toks, k, n, j)):
                continue
            src = toks[k + n: j]
            if phrase in agents and (k > 1 or (k == 1 and toks[0].pos_ not in ("CCONJ", "ADV"))
                                     or not any(m is not None and m.label in ("PER", "ORG")
                                                for m in (ctx.mention_of(t) for t in src))):
                continue  # "Pour l'Italie, Romano Prodi …": a place, no source
            # "Leipzig – Selon une enquête du MDR, 84 % …": a capitalised cue after
            # a dash or a colon opens a sentence the splitter left glued to a
            # dateline or a headline
            preposed = k == 0 or (k == 1 and toks[0].pos_ in ("CCONJ", "ADV")) or (
                phrase not in agents and toks[k].text[:1].isupper()
                and toks[k - 1].text in ("–", "—", "-", ":"))
            if preposed:
                if j >= len(toks) or toks[j].text != ",":
                    continue
                a, b = toks[j].i + 1, sent.end
                if a < b and doc[a].lower_ in ctx.words.relative_subjects:
                    # "Selon les informations du Progrès, qui relate les faits,
                    # deux départs de feu …": the source's relative clause is
                    # set off by commas before the statement
                    a = next((t.i + 1 for t in doc[a:b] if t.text == ","), b)
            elif toks[k - 1].text == "," and j < len(toks) and toks[j].text == "," \
                    and phrase not in agents and _finite_clause(doc[toks[j].i + 1:sent.end]) \
                    and not _relative_on(doc[toks[j].i + 1:sent.end], src):
                # "For Trump, according to X, Monday's speech represents …": the
                # phrase sits inside the statement, which is the whole sentence
                a, b = sent.start, sent.end
            elif toks[k - 1].text == "," and (j >= len(toks) or toks[j].text in (".", ";", ",")
                                              or toks[j].text == ":" and phrase not in agents):
                a, b = sent.start, toks[k - 1].i
            elif _said_relative(ctx, src) is not None and phrase not in agents and k > 0 \
                    and (j >= len(toks) or toks[j].text in (".", ";")):
                # "… sont dangereusement blessées d'après ce qu'a pu constater la
                # police": "ce que" and a speech verb mark the phrase off, no comma
                a, b = sent.start, toks[k].i
            else:
                continue
            clause = doc[a:b]
            if not any(t.pos_ in ("VERB", "AUX") for t in clause):
                continue
            if any(is_speech(ctx, t) and not ctx.in_quote(t.idx + ctx.offset)
                   and (preposed or _introduces_quote(ctx, t)) and t.dep_ != "amod"
                   for t in clause):
                # "According to X, Y said, “…”": the statement has its own speaker;
                # "Y said that …, according to X" is X's account of what Y said
                # (a participle used as an adjective, "the so-called
                # establishment", reports nothing)
                continue
            # the longest person or organisation named in the phrase (a name the
            # recogniser also gave in part, "New" of "The New York Times", loses)
            named = [m for m in ctx.mentions_between(src[0].idx + ctx.offset,
                                                     src[-1].idx + len(src[-1].text) + ctx.offset)
                     if m.label in ("PER", "ORG")]
            mention = max(named, key=lambda m: (m.end - m.start, -m.start), default=None)
            # a phrase naming no person or organisation ("selon un communiqué",
            # "selon la tradition") is the statement's source, not a speaker
            speaker: str | None = mention.text if mention else None
            said = _said_relative(ctx, src)
            if said is not None:
                # "d'après ce qu'a pu constater la police": the speech verb's
                # subject, a name or else the noun phrase after the verb
                if mention is None:
                    head = next((t for t in src if t.i > said.i and t.pos_ == "NOUN"), None)
                    if head is not None and head.lemma_.lower() not in ctx.words.document_nouns:
                        mention = resolve_role(ctx, head)
                        speaker = mention.text if mention else \
                            doc[head.left_edge.i:src[-1].i + 1].text
            elif len(src) == 1 and src[0].pos_ == "PRON":
                # "selon lui" / "according to him": the last person named, or nobody
                mention = resolve_pronoun(ctx, src[0].idx + ctx.offset)
                speaker = mention.text if mention else None
            elif mention is None:
                head = next((t for t in src if t.pos_ == "NOUN"), None)
                if head is not None and head.lemma_.lower() not in ctx.words.document_nouns:
                    # "selon le porte-parole": somebody speaks, named or not
                    mention = resolve_role(ctx, head)
                    speaker = mention.text if mention else doc[src[0].i:src[-1].i + 1].text
                elif head is not None:
                    # "selon les informations du Progrès", "selon une transcription
                    # du Kremlin": a document speaks for the one who issued it,
                    # when the phrase names them (a proper noun governed by it)
                    speaker, mention = _issuer(ctx, head)
            cue = (toks[k].idx + ctx.offset, toks[k + n - 1].idx + len(toks[k + n - 1].text)
                   + ctx.offset)
            resolution = ("pronoun" if src[0].pos_ == "PRON" and said is None else "named") \
                if mention else "noun"
            source = doc[toks[k].i:src[-1].i + 1].text
            attr = Attribution(speaker, mention, None, "indirect: according-to",
                               "indirect-according-to", 0.75 if mention else 0.6, cue,
                               resolution if speaker else None)
            return ((a, b), "according-to"), attr, source
    return None


def _issuer(ctx: QuoteContext, doc_noun: Token) -> tuple[str | None, Mention | None]:
    """The one who issued a document, named by a proper noun the document noun
    governs ("les informations du Progrès" -> "Progrès", "un communiqué de
    l'Alliance"): the name's mention when the recogniser found one, else its
    words. Nobody for an anonymous document ("selon un sondage")."""
    for c in doc_noun.children:
        if c.dep_ == "nmod" and c.i > doc_noun.i and c.pos_ in ("PROPN", "NOUN") \
                and c.text[:1].isupper() and any(x.dep_ == "case" for x in c.children):
            # (a paper's name may be tagged a noun: "du Progrès")
            m = ctx.mention_of(c)
            if m is not None:
                return m.text, m
            words = [t for t in c.subtree if t.i >= c.i and t.text[:1].isupper()]
            return ctx.doc[c.i:words[-1].i + 1].text, None
    return None, None


def _said_relative(ctx: QuoteContext, src: list[Token]) -> Token | None:
    """The speech verb of an "according to" phrase that is a free relative ("ce
    que", "ce qu'": "d'après ce qu'a pu constater la police", "selon ce
    qu'ont rapporté les témoins"), else None."""
    if len(src) < 3 or src[0].lower_ != "ce" or src[1].lower_ not in ctx.words.relative_objects:
        return None
    return next((t for t in src[2:] if t.pos_ == "VERB" and is_speech(ctx, t, incise=True)), None)


#: Longest source named after "according to" (in words): "early results of exit
#: polls conducted for The Associated Press and television networks".
ACCORDING_TO_WORDS = 16


def _relative_on(rest: Span, src: list[Token]) -> bool:
    """Does ``rest`` open on a relative clause of the source ("…, according to
    the ICIJ, which co-ordinated the reports.")? Then it tells of the source,
    and the statement is the clause before "according to"."""
    lo, hi = src[0].i, src[-1].i
    first = next((t for t in rest if not t.is_space), None)
    return first is not None and ("Rel" in first.morph.get("PronType", [])
                                  or first.tag_ in ("WDT", "WP", "WP$")) \
        or any(t.dep_ in ("relcl", "acl:relcl") and lo <= t.head.i <= hi for t in rest[:4])


def _one_noun_phrase(toks: list[Token], k: int, n: int, j: int) -> bool:
    """Is ``toks[k + n:j]`` exactly the noun phrase the parse hangs the cue
    ``toks[k:k + n]`` on?

    A long source is still one ("selon un sondage sur le moral des Français à la
    rentrée de septembre réalisé par l'IFOP pour Ouest-France"); the word limit
    only guards runs the parse does not close into one phrase."""
    cue = toks[k + n - 1]
    head = cue.head
    if cue.dep_ != "case" or head.i == cue.i or j <= k + n:
        return False
    sub = [t for t in head.subtree if not toks[k].i <= t.i <= cue.i]
    # a finite verb in it is a clause of its own ("selon le ministre qui a
    # expliqué que …"), whose speech the verb's own step reports
    return [t.i for t in sub] == list(range(toks[k + n].i, toks[j - 1].i + 1)) and not any(
        "Fin" in t.morph.get("VerbForm", []) for t in sub)


def _finite_clause(span: Span) -> bool:
    """Three words or more with a finite verb: a clause, not a trailing phrase."""
    return sum(1 for t in span if not t.is_punct) >= 3 and any(
        t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []) for t in span)


def _introduces_quote(ctx: QuoteContext, v: Token) -> bool:
    """Does a quote mark or a colon follow the verb within three tokens?"""
    for t in ctx.doc[v.i + 1:min(len(ctx.doc), v.i + 4)]:
        if t.text == ":" or ctx.in_quote(t.idx + ctx.offset):
            return True
    return False


def misread_verb(ctx: QuoteContext, v: Token, sent: Span) -> tuple[Content, Attribution] | None:
    """"Le président juge que la situation est grave": the tagger reads a
    first-group verb's present as a noun or adjective ("juge"); between a noun
    phrase and a complementizer it is the verb (``que-clause``), and the noun
    phrase before it is its subject."""
    doc, words = ctx.doc, ctx.words
    if v.pos_ not in ("NOUN", "ADJ") or v.text.lower() not in words.incise_verb_nouns \
            or v.i + 2 >= sent.end or v.i - 1 < sent.start:
        return None
    subj = doc[v.i - 1]
    while subj.pos_ == "ADJ" or (subj.dep_ in ("amod", "nmod", "flat:name") and ctx.mention_of(
            subj) is None and sent.start <= subj.head.i < subj.i):
        # "le président socialiste de l'Assemblée nationale juge que": the
        # noun phrase's head, up from its last words
        if subj.head.i == subj.i or not sent.start <= subj.head.i < subj.i:
            break
        subj = subj.head
    if doc[v.i + 1].text.lower() not in words.complementizers or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    if ctx.in_quote(v.idx + ctx.offset):
        return None
    left = subj.i
    while left - 1 >= sent.start and doc[left - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN"):
        left -= 1
    mention = ctx.mention_of(subj)
    if mention is None and subj.pos_ == "NOUN":
        mention = resolve_role(ctx, subj)
    surface = mention.text if mention else doc[left:v.i].text
    span = (v.idx + ctx.offset, v.idx + len(v.text) + ctx.offset)
    resolution = "named" if mention is not None and ctx.mention_of(subj) is mention else (
        "role" if mention is not None else "noun")
    if mention is not None:
        ctx.add_subject(mention)
    attr = Attribution(surface, mention, v.text.lower() + "r", "indirect: que-clause",
                       "indirect-que-clause", 0.7, span, resolution)
    return ((v.i + 2, sent.end), "que-clause"), attr


def _span_quote(ctx: QuoteContext, a: int, b: int, source: str | None = None) -> Quote:
    """The indirect statement over tokens ``a:b``, in the text's offsets; a
    comma or dash the parse hung on the clause is no part of it ("…, he's
    staying in the race" after a fronted "win or lose in …")."""
    doc = ctx.doc
    while b - a > 1 and doc[a].is_punct and doc[a].text in ",;:–—-":
        a += 1
    start = doc[a].idx + ctx.offset
    end = doc[b - 1].idx + len(doc[b - 1].text) + ctx.offset
    return Quote(text=ctx.text[start - ctx.offset:end - ctx.offset], start=start, end=end,
                 sentence=0, kind="indirect", source=source)


def indirect_statements(ctx: QuoteContext) -> list[tuple[Quote, Attribution]]:
    """Every statement reported without quote marks, with its attribution (see module doc)."""
    doc = ctx.doc
    out: list[tuple[Quote, Attribution]] = colon_lines(ctx) if ctx.words.colon_lines else []
    for ta, tb in ctx.sents:
        sent = doc[ta:tb]
        acc = according_to(ctx, sent) if ctx.words.according_to else None
        if acc is not None:
            ((a, b), _), attr, source = acc
            b = _trim(ctx, a, b, cut_source=False)
            if b > a:
                out.append((_span_quote(ctx, a, b, source), attr))
        for v in sent:
            said = noun_statement(ctx, v) if ctx.words.statement_nouns else None
            if said is not None:
                (a, b), attr = said
                b = _trim(ctx, a, b)
                if b > a:
                    out.append((_span_quote(ctx, a, b), attr))
                continue
            asked = question_put(ctx, v, sent)
            if asked is not None:
                a, b = asked
                out.append((_span_quote(ctx, a, b),
                            Attribution(None, None, v.lemma_, "indirect: question put",
                                        "indirect-question", 0.5,
                                        (v.idx + ctx.offset, v.idx + len(v.text) + ctx.offset))))
                continue
            misread = misread_verb(ctx, v, sent) if ctx.words.incise_verb_nouns else None
            if misread is not None:
                ((a, b), _), attr = misread
                b = _trim(ctx, a, b)
                if b > a:
                    out.append((_span_quote(ctx, a, b), attr))
                continue
            if appellation(ctx, v):
                continue
            found = as_incise(ctx, v, sent) if is_speech(ctx, v, incise=True) else None
            if found is None and (ctx.words.call_verbs or ctx.words.judgement_verbs):
                found = linked_complement(ctx, v, sent)
            if found is None and ctx.words.speech_locutions:
                found = locution(ctx, v, sent)
            if found is not None:
                pass
            elif _object_only(ctx, v):
                found = noun_object(ctx, v, sent)
            elif not _reports_speech(ctx, v, sent):
                found = _participle_clause(ctx, v, sent)
            else:
                found = object_predicate(ctx, v, sent) \
                    or complement_clause(ctx, v, sent) or colon_statement(ctx, v, sent) \
                    or infinitive(ctx, v, sent) \
                    or self_description(ctx, v, sent) or postposed_incise(ctx, v, sent) \
                    or noun_object(ctx, v, sent)
            if found is None and ctx.words.cue_frames:
                found = learned_frame(ctx, v, sent)
            if found is None:
                continue
            (a, b), method = found
            if method not in ("incise", "as-incise") and _participle_adjunct(v):
                continue
            if method not in ("incise", "as-incise") and raised_addressee(v):
                continue  # "The launch also seemed to be intended to send …": nobody speaks
            if method != "incise" and v.dep_ in ("relcl", "acl:relcl"):
                # the statement belongs to the speech verb's clause: "Barkley, who
                # said he votes democratic, said one candidate …" ends at "democratic"
                b = min(b, max(t.i for t in v.subtree) + 1)
            if method not in ("incise", "as-incise") and a > v.i and v.i < v.head.i < b \
                    and (is_speech(ctx, v.head) or _fronted_before_speaker(ctx, v, b)):
                # "While much of the craft is expected to burn up …, McDowell says
                # …": a fronted clause's statement ends with the clause
                b = min(b, v.right_edge.i + 1)
            b = _other_speaker_clause(ctx, v, a, b)
            b = _trim(ctx, a, b, cue=v.i if method == "incise" else -1)
            if b <= a:
                continue
            # an as-clause without a clitic ("As she told CNN, …") has its subject
            # before the verb, like any clause
            inverted = method == "incise" or method == "as-incise" and bool(ctx.words.as_clitics)
            attr = from_verb(ctx, v, "incise" if inverted else "subject",
                             f"indirect: {method}", 0.8)
            if attr.speaker is None and ctx.words.repair_missing_subject \
                    and v.dep_ in ("advcl", "advmod", "acl", "conj") \
                    and v.head.i < v.i and "Part" in v.morph.get("VerbForm", []) \
                    and is_speech(ctx, v.head, incise=True) and not ctx.in_quote(v.idx + ctx.offset):
                # "« … », a déclaré le responsable, notant que …": the participle's
                # head is an incise, whose subject comes after it
                head = from_verb(ctx, v.head, "incise", f"indirect: {method}", 0.8)
                if head.speaker is not None:
                    attr = _said_by_head(ctx, v, head, attr.method)
            raised = _raising_head(v) if attr.speaker is None else None
            if raised is not None:
                # "voters are generally more likely to say …", "he was quick to
                # note that …": the adjective's clause names who says it
                head = from_verb(ctx, raised, "subject", f"indirect: {method}", 0.8)
                if head.speaker is not None:
                    attr = _said_by_head(ctx, v, head, attr.method)
            if attr.speaker is None and _fronted_participle(v):
                # "Promising that his writings would …, Bolton said that …": a
                # fronted present participle's subject is the main clause's
                head = from_verb(ctx, v.head, "subject", f"indirect: {method}", 0.8)
                if head.speaker is not None:
                    attr = _said_by_head(ctx, v, head, attr.method)
            attr.method = f"indirect-{method}"
            if method == "incise" and attr.mention is not None \
                    and doc[a].idx + ctx.offset <= attr.mention.start \
                    and attr.mention.end <= doc[b - 1].idx + len(doc[b - 1].text) + ctx.offset:
                # a span that opens on its own speaker ("Christian Estrosi, …,
                # expressed outrage …, pointedly noting …") is narration around
                # a cue; a mid-sentence incise ("In the three years since …,
                # Barden says, far too many …") is a statement
                first = next(t for t in doc[a:b] if not t.is_punct)
                if ctx.tok_at(attr.mention.start) <= first.i:
                    continue
            if attr.mention is None and attr.speaker is not None and any(
                    c.dep_ in ("nsubj", "nsubj:pass") and (
                        c.ent_type_ in ("DATE", "TIME")
                        or c.lower_ in ctx.words.relative_subjects
                        and v.dep_ in ("relcl", "acl:relcl") and v.head.ent_type_ in ("DATE", "TIME"))
                    for c in v.children):
                # "… jailed without charge since July said her detention …": a
                # date the parse made the subject names nobody; nor does a
                # relative the parse hung on a date ("released her records in
                # July, which showed she was fit")
                attr = Attribution(None, None, v.lemma_, attr.cue, attr.method, 0.5)
            if method == "as-incise" and ctx.words.as_clitics and (
                    attr.speaker is None or _said_before(ctx, v, attr)):
                # (without a clitic, "as we learned in Iowa", the name after the
                # verb is no subject); with one, the subject comes after the
                # verb: "Comme le dit très justement un de nos confrères, le
                # Parlement …" is no statement of the Parliament's
                attr = _as_incise_subject(ctx, v) or (
                    attr if attr.speaker is None else unattributed(v.lemma_))
            if method == "incise" and attr.speaker is None and impersonal_subject(ctx, v):
                # "Fouché va, dit-on, quitter Prague", "…, affirme-t-on à Berne": a
                # rumour reported by nobody to name is still a reported statement
                # (the French guide's "a-t-on annoncé": no source, no speaker)
                pass
            elif attr.speaker is None and (
                    method in ("incise", "frame", "frame-similar", "call", "judgement",
                               "as-incise", "predicate")
                    or method == "object" and (
                        "Inf" in v.morph.get("VerbForm", []) or v.tag_ == "VB")):
                # "…, a jugé X" with nobody speaking after the verb is no incise;
                # "pour confirmer la répartition", nobody confirming: no statement
                continue
            if method == "frame-similar":
                if attr.mention is None or attr.mention.label not in ("PER", "ORG"):
                    # a verb no gold taught, said of a thing ("the primary made it
                    # clear", "the policy drives a divergence"): no statement
                    continue
                attr.confidence = 0.6
            out.append((_span_quote(ctx, a, b), attr))
    return out
