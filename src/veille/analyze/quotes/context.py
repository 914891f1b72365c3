"""What every attribution step looks up in one parsed text, computed once per Doc.

Positions are characters of the whole article (a long text is parsed in
pieces: ``offset`` is the piece's start), tokens are indices in the piece's
Doc. The context also tracks the people who were grammatical subjects so
far, the antecedents of a later "il" / "he".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from veille.analyze.nlp import doc_text, sentence_ranges
from veille.analyze.quotes.gender import given_name_gender, known_given_name
from veille.core.model import Mention
from veille.lang.quote_words import QuoteWords

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Subject dependency labels of the French (UD) and English (ClearNLP) parsers.
SUBJ_DEPS = ("nsubj", "nsubj:pass", "expl:subj", "nsubjpass")


@dataclass
class Attribution:
    """What an attribution step found: the speaker (mention or surface form),
    the verb, the cue and step that found it, and a confidence."""

    speaker: str | None
    mention: Mention | None
    verb: str | None
    cue: str
    method: str
    confidence: float
    #: char span of the cue verb, when a verb was the cue
    cue_span: tuple[int, int] | None = None
    #: how the speaker was reached: named / pronoun / continued / narrated / embedded
    resolution: str | None = None


NO_SPEAKER_CUE = "none"

#: Lowercase words inside a person's name ("Dominique de Villepin", "Ursula
#: von der Leyen"), in any language.
_NAME_PARTICLES = frozenset({"de", "du", "des", "d'", "la", "le", "van", "von", "der", "den",
                             "di", "da", "del", "dos", "al", "el", "bin", "ibn", "ben"})


def unattributed(verb: str | None = None) -> Attribution:
    """No speaker named: confidence 0.5 that the marks quote anyone at all."""
    return Attribution(None, None, verb, NO_SPEAKER_CUE, "none", 0.5)


def _ocr_pronoun(m: Mention, words: QuoteWords) -> bool:
    """A "person" that is a pronoun misread by OCR: "II dit que …" for "Il"
    (a capital I for the l), which the recogniser takes for a name. Only
    where the language repairs what the parse missed (French)."""
    text = m.text
    if m.label != "PER" or not words.repair_missing_subject or len(text) < 2 or " " in text:
        return False
    fixed = (text[0] + text[1:].replace("I", "l")).lower()
    return fixed != text.lower() and fixed in (words.subject_pronouns | words.plural_pronouns)


#: A wire agency's credit in brackets and a dash after a line's first name:
#: the name is a dateline's place, in whatever case ("Cleveland (AFP) –").
_AGENCY_DASH = re.compile(r"[^\S\n]*\([A-Z][A-Za-z]{1,9}\)[^\S\n]*[—–-]")


class QuoteContext:
    """Per-doc lookups shared by the attribution steps."""

    def __init__(self, doc: Doc, offset: int, mentions: Sequence[Mention], words: QuoteWords) -> None:
        self.doc = doc
        self.words = words
        repair_lemmas(doc, words)
        self.text = doc_text(doc)  # built once per Doc and shared with the other stages
        self.offset = offset
        self.idx = [t.idx + offset for t in doc]
        self.mentions = sorted((m for m in self._split_people(mentions)
                                if not _ocr_pronoun(m, words)), key=lambda m: m.start)
        self._mstarts = [m.start for m in self.mentions]
        self._qstarts: list[int] = []
        self.quote_ranges: list[tuple[int, int]] = []
        self.sents = sentence_ranges(doc)
        self._sent_of = [0] * len(doc)
        for n, (a, b) in enumerate(self.sents):
            for k in range(a, b):
                self._sent_of[k] = n
        self._name_genders: dict[int, str | None] = {}
        self._gender_votes: dict[str, set[str]] | None = None
        #: speakers named by a common noun, antecedents of a later pronoun
        self.noun_speakers: list[Mention] = []
        #: the person a role noun was last resolved to (speakers.resolve_role)
        self.last_role: Mention | None = None
        self.subject_mentions: list[Mention] = []
        #: starts of subjects of a clause reported by a speech verb
        self.reported_subjects: set[int] = set()
        #: named speakers of statements already attributed, in text order
        self.speaker_mentions: list[Mention] = []
        #: organisations that were subjects: antecedents of a plural pronoun ("they")
        self.group_subjects: list[Mention] = []
        for m in self.mentions:
            if m.label_cue == "credit" or m.label not in ("PER", "ORG") or not self._is_subject(m):
                continue
            (self.subject_mentions if m.label == "PER" else self.group_subjects).append(m)
        self._subject_starts = {m.start for m in self.subject_mentions}

    def _split_people(self, mentions: Sequence[Mention]) -> list[Mention]:
        """A person's name the recogniser swallowed into an organisation:
        "Le ministre des [Affaires étrangères Dominique de Villepin]ORG a
        estimé" gives the minister's words to nobody. Inside a non-person
        mention, a token the parse tags as a proper noun that is a known given
        name (gender-guesser), not the first word, followed only by
        capitalised words and name particles to the end, starts a PER mention
        (the part before stays the organisation)."""
        out: list[Mention] = []
        for m in mentions:
            if self._dateline(m):
                continue  # "SAN JOSE, Costa Rica — Investigators said": a place line, no speaker
            if m.label == "MISC" and len(m.text.split()) <= 3 and all(
                    w[:1].isupper() for w in m.text.split()) \
                    and known_given_name(m.text.split()[0]) and self._proper_head(m):
                # "Bernard, de Giromagny, comparaissait …": the recogniser calls a
                # lone given name MISC; a known given name (gender-guesser) is a person
                out.append(Mention(m.text, "PER", m.start, m.end, m.sentence,
                                   model_label=m.model_label or m.label, label_cue="given-name"))
                continue
            if m.label == "PER" and len(m.text.split()) == 1 and self._common_word(m):
                continue  # "Felt so …", "Touché, Carly", "I.": a word the recogniser misread
            if m.label == "PER" or len(m.text.split()) < 3:
                out.append(m)
                continue
            i = bisect.bisect_left(self.idx, m.start)
            j = bisect.bisect_left(self.idx, m.end)
            toks = [self.doc[k] for k in range(i, j)]
            cut = None
            for n in range(1, len(toks) - 1):
                t = toks[n]
                rest = toks[n + 1:]
                if (t.pos_ == "PROPN" and t.text[:1].isupper() and len(rest) <= 4
                        and all(r.text[:1].isupper() or r.text.lower() in _NAME_PARTICLES
                                for r in rest) and rest[-1].text[:1].isupper()
                        and known_given_name(t.text)
                        and toks[n - 1].head.i != t.i):
                    # a word hanging on the given name makes it the end of an
                    # earlier name, no person: "New York Times", "San Francisco
                    # Chronicle" (the parse joins "New" to "York")
                    cut = n
                    break
            if cut is None:
                out.append(m)
                continue
            head = self.text[m.start - self.offset:toks[cut].idx].rstrip()
            if head:
                out.append(Mention(head, m.label, m.start, m.start + len(head), m.sentence,
                                   model_label=m.model_label, label_cue=m.label_cue))
            a = toks[cut].idx + self.offset
            out.append(Mention(self.text[a - self.offset:m.end - self.offset], "PER", a, m.end,
                               m.sentence, model_label=m.label, label_cue="split"))
        return out

    def _common_word(self, m: Mention) -> bool:
        """A one-word "person" the parse reads as a verb, an adjective, an
        interjection or a function word, or a lone initial: no name."""
        k = bisect.bisect_left(self.idx, m.start)
        if k >= len(self.doc):
            return False
        t = self.doc[k]
        # only at a sentence's start, where capitals say nothing, and not as the
        # subject: a name the tagger misreads ("Poutine a annoncé", PRON) stays
        return len(m.text.strip(".")) <= 1 or bool(t.is_sent_start) and t.dep_ not in SUBJ_DEPS \
            and t.pos_ in ("VERB", "AUX", "ADJ", "ADV", "INTJ", "ADP", "DET", "PRON", "CCONJ",
                           "SCONJ")

    def _proper_head(self, m: Mention) -> bool:
        """The mention's first token is a proper noun that modifies nothing
        ("Bernard affirme", not "Christian voters")."""
        i = bisect.bisect_left(self.idx, m.start)
        if i >= len(self.doc):
            return False
        t = self.doc[i]
        return t.pos_ == "PROPN" and t.dep_ not in ("amod", "compound", "nmod", "poss", "obl")

    def _dateline(self, m: Mention) -> bool:
        """A wire dateline ("NEW YORK — …", "SAN JOSE, Costa Rica (AP) —"):
        an upper-case name opening its line, followed by a comma or a dash. The
        parse often hangs it on the first sentence's subject, which then
        "speaks" as a city; an acronym inside a line (NATO said) is kept."""
        a, b = m.start - self.offset, m.end - self.offset
        if a >= 0 and _AGENCY_DASH.match(self.text, b) \
                and not self.text[self.text.rfind("\n", 0, a) + 1:a].strip():
            return True  # "Washington (AFP) – Democrat Hillary Clinton has …"
        if not (m.text.isupper() and len(m.text) > 3 and a >= 0):
            return False
        line_start = self.text.rfind("\n", 0, a) + 1
        if self.text[line_start:a].strip():
            return False
        return self.text[b:b + 3].lstrip()[:1] in (",", "—", "–", "-", "(")

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

    def mentions_between(self, lo: int, hi: int) -> list[Mention]:
        """Mentions starting in [lo, hi), by bisection."""
        a = bisect.bisect_left(self._mstarts, lo)
        b = bisect.bisect_left(self._mstarts, hi)
        return self.mentions[a:b]

    def quote_range_at(self, pos: int) -> tuple[int, int] | None:
        """The quote range holding ``pos``, by bisection (the ranges are a sorted union)."""
        k = bisect.bisect_right(self._qstarts, pos) - 1
        if k >= 0 and self.quote_ranges[k][0] <= pos < self.quote_ranges[k][1]:
            return self.quote_ranges[k]
        return None

    def in_quote(self, pos: int) -> bool:
        return self.quote_range_at(pos) is not None

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

    def gender(self, m: Mention) -> str | None:
        """The grammatical gender of a person's title ("la ministre Catherine
        Colonna" -> Fem, "le président Chirac" -> Masc); None without a title."""
        if m.label == "NOUN":
            return self._name_genders.get(m.start)
        span = self.tok_span(m)
        if not len(span):
            return None
        # only the article of a title before the name ("le président Chirac"):
        # the model's guess on a name itself is unreliable ("Poutine" as Fem)
        toks = []
        k = span[0] - 1
        while k >= 0 and span[0] - k <= 2 and self.doc[k].pos_ in ("DET", "NOUN"):
            if self.doc[k].pos_ == "DET":
                toks.append(k)
            k -= 1
        votes: dict[str, int] = {}
        for i in toks:
            for g in self.doc[i].morph.get("Gender", []):
                votes[g] = votes.get(g, 0) + 1
        if not votes:
            # no title: the given name's usual gender ("Catherine Colonna"), or
            # that of the full name a lone surname repeats ("Clinton")
            # evidence in the article first ("Mr. Sanders"): name lists call
            # "Bernie" mostly a woman's name and "Rand" a woman's
            if m.label != "PER":
                return None
            return self._article_gender(m) or self._name_gender(m)
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]

    def _person_key(self, m: Mention) -> str:
        """A person's full name: a lone surname stands for the last full name
        before it that ends with it ("Sanders" -> "Bernie Sanders")."""
        words = m.text.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in self.words.gendered_titles:
            words = words[1:]  # "Mr. Sanders", when the recogniser keeps the title
        name = " ".join(words)
        if len(words) == 1:
            fuller = [x for x in self.mentions if x.label == "PER" and x.end <= m.start
                      and len(x.text.split()) > 1 and x.text.split()[-1] == name]
            name = fuller[-1].text if fuller else name
        return name

    def _article_gender(self, m: Mention) -> str | None:
        """The gender the article gives the person: a courtesy title before any
        mention of the name ("Mr. Sanders", then "Bernie Sanders … she said"
        is not him). Two titles that disagree give none.

        Measured and not kept (session 12): votes of the gendered pronouns of
        the sentences naming one person only ("Rand Paul … his campaign"):
        PolNeAR train tune and check halves unchanged, dev pronoun speakers
        0.742 -> 0.720 by the scorer's stand-in."""
        titles = self._article_titles()
        genders = titles.get(self._person_key(m), set())
        return next(iter(genders)) if len(genders) == 1 else None

    def _article_titles(self) -> dict[str, set[str]]:
        if self._gender_votes is not None:
            return self._gender_votes
        titles = self.words.gendered_titles
        found: dict[str, set[str]] = {}
        doc = self.doc
        for m in self.mentions if titles else ():
            if m.label != "PER" or self.in_quote(m.start):
                continue
            j = self.tok_at(m.start) - 1
            while 0 <= j < len(doc) and doc[j].is_space:
                j -= 1
            title = titles.get(doc[j].lower_.rstrip(".")) if 0 <= j < len(doc) else None
            title = titles.get(m.text.split()[0].lower().rstrip("."), title)
            if title is not None:
                found.setdefault(self._person_key(m), set()).add(title)
        self._gender_votes = found
        return found

    def _name_gender(self, m: Mention) -> str | None:
        if m.start in self._name_genders:
            return self._name_genders[m.start]
        name = m.text
        if len(name.split()) == 1:
            fuller = [x for x in self.mentions if x.label == "PER" and x.end <= m.start
                      and len(x.text.split()) > 1 and x.text.split()[-1] == name]
            name = fuller[-1].text if fuller else name
        g = given_name_gender(name)
        self._name_genders[m.start] = g
        return g

    def add_noun_speaker(self, tok: Token, surface: str) -> None:
        """A speaker named by a common noun ("Le chef du gouvernement vietnamien
        a affirmé …"): a later "il" may stand for it. Singular nouns only, with
        the noun's gender from the parse's morphology."""
        if "Plur" in tok.morph.get("Number", []):
            return
        start = tok.left_edge.idx + self.offset
        if start in self._name_genders:
            return
        genders = tok.morph.get("Gender", [])
        if not genders and tok.lemma_.lower() in self.words.gendered_nouns:
            genders = [self.words.gendered_nouns[tok.lemma_.lower()]]  # "One man … told CNN"
        m = Mention(surface, "NOUN", start, start + len(surface), 0)
        bisect.insort(self.noun_speakers, m, key=lambda x: x.start)
        self._name_genders[start] = genders[0] if len(genders) == 1 else None

    @property
    def subject_starts(self) -> set[int]:
        """Starts of the people who were grammatical subjects (or speakers)."""
        return self._subject_starts

    def add_subject(self, m: Mention) -> None:
        """A quote's speaker is a subject for later pronouns ("a-t-il ajouté")."""
        if m.label == "PER" and (not self.speaker_mentions
                                 or self.speaker_mentions[-1].start < m.start):
            self.speaker_mentions.append(m)
        if m.label == "PER" and m.start not in self._subject_starts:
            self._subject_starts.add(m.start)
            bisect.insort(self.subject_mentions, m, key=lambda x: x.start)

    def recent(self, items: list[Mention], before: int, window: int = 3000) -> list[Mention]:
        """The mentions of a start-sorted list that end before ``before``, within
        ``window`` characters: a pronoun's antecedent is near (bounded work per
        pronoun, whatever the article's length)."""
        hi = bisect.bisect_left(items, before, key=lambda x: x.start)
        lo = bisect.bisect_left(items, before - window, key=lambda x: x.start)
        return [m for m in items[lo:hi] if m.end <= before]

    def _is_subject(self, m: Mention) -> bool:
        span = self.tok_span(m)
        if len(span) and self.doc[span[0]].is_sent_start:
            # "Poutine, 70 ans, présente …": the parse often roots the name; a
            # line of the name alone ("Al-Shabaab.", a caption or a heading)
            # has no verb, and its name is nobody's subject
            sent = self.sent(self.doc[span[0]])
            if any(t.pos_ in ("VERB", "AUX") for t in sent):
                return True
            # "Me Müller, de Langenthal. a défendu …": the splitter cut the
            # clause at an OCR'd point; the next words, lower-case, go on with it
            nxt = self.doc[sent.end] if sent.end < len(self.doc) else None
            return (self.words.repair_missing_subject and nxt is not None
                    and nxt.text[:1].islower() and nxt.pos_ in ("VERB", "AUX"))
        for k in span:
            t = self.doc[k]
            hops = 0
            while hops < 3:
                if t.dep_ in SUBJ_DEPS:
                    if any(a.lemma_.lower() in self.words.speech_verbs and a.pos_ == "VERB"
                           for a in t.head.ancestors):
                        # "Cox says Obama is trying …": a subject inside somebody's
                        # statement is a weaker antecedent than the speaker
                        self.reported_subjects.add(m.start)
                    return True
                if t.dep_ in ("flat:name", "appos", "compound", "flat") and t.head.i != t.i:
                    t = t.head
                    hops += 1
                    continue
                if t.dep_ == "nmod" and t.head.i != t.i and t.i > 0 \
                        and self.doc[t.i - 1].text == "," \
                        and not any(c.dep_ in ("case", "fixed") for c in t.children):
                    # "Un ancien de la Gestapo, Alfons Goetzfrid, a été condamné":
                    # an apposition the parse calls a complement (no preposition)
                    t = t.head
                    hops += 1
                    continue
                break
        # "Je descends chez le pasteur Hamm, qui dépeint le désordre. Il dit
        # que …": the antecedent of a subject relative is that clause's actor
        # (the parse may hang the relative on the title before the name)
        if not self.words.repair_missing_subject:
            return False
        heads = set(span)
        title = self.doc[span[0]].head
        if title.i < span[0] and all(t.pos_ in ("NOUN", "ADJ") for t in self.doc[title.i:span[0]]):
            heads.add(title.i)
        return any(
            c.dep_ in ("acl:relcl", "relcl") and any(
                x.dep_ in SUBJ_DEPS and x.lower_ in self.words.relative_subjects
                for x in c.children)
            for k in heads for c in self.doc[k].children)


def _known_verbs(words: QuoteWords) -> frozenset[str]:
    # judgement verbs ("présenter X comme", "voir X comme") are everyday verbs
    # that report only when the parse is right: a lemma the parser got wrong is
    # no evidence for them
    return (words.speech_verbs | words.object_speech_verbs | words.infinitive_speech_verbs
            | frozenset(words.call_verbs))


def repair_lemmas(doc: Doc, words: QuoteWords) -> None:
    """Give a verb the parser tagged as one but lemmatised as a noun, or left
    inflected ("La commission demande que …": lemma "demande"), its
    infinitive, when a form ending of the language maps it back to a verb the
    pack knows. Every step looks verbs up by lemma, so one bad lemma loses the
    statement (old and OCR'd press has many). Only the lemma changes; a form
    no known verb explains keeps the parser's."""
    if not words.infinitive_endings or not words.inflection_endings:
        return
    known = _known_verbs(words)
    for t in doc:
        if t.pos_ not in ("VERB", "AUX"):
            continue
        lemma = t.lemma_.lower()
        if lemma in known or lemma.endswith(words.infinitive_endings):
            continue
        form = t.text.lower()
        for end, inf in words.inflection_endings:
            if form.endswith(end) and form[:-len(end)] + inf in known:
                t.lemma_ = form[:-len(end)] + inf
                break


def impersonal_subject(ctx: QuoteContext, verb: Token) -> bool:
    """Is the verb's subject a pronoun that names nobody ("on dit", "dit-on",
    "l'on assure")? The statement is reported by no one the reader can name."""
    imp = ctx.words.impersonal_pronouns
    if not imp:
        return False
    if any((c.dep_ in SUBJ_DEPS or c.text.startswith("-")) and c.text.lstrip("-").lower() in imp
           for c in verb.children):
        return True
    # the inverted clitic right after the verb, whatever the parse hung it on
    # ("…, affirme-t-on à Berne": the parse makes "affirme" an auxiliary of "-on")
    after = [t for t in verb.doc[verb.i + 1:verb.i + 3] if t.text.lower() not in ("-t", "-t-")]
    return bool(after) and after[0].text.startswith("-") and after[0].text.lstrip("-").lower() in imp


def _own_voice(ctx: QuoteContext, tok: Token) -> bool:
    """A speech or opinion verb of the first or second person outside quote
    marks is the text's own voice ("Je pense que c'est correct", "nous
    croyons", "Vous ne pouvez pas prédire …"): the article's author, whom
    "who said what" does not list. The subject is the verb's, or, for an
    infinitive, its governing verb's (the parse's person morphology)."""
    if not ctx.words.own_voice_is_no_speech or ctx.in_quote(tok.idx + ctx.offset):
        return False
    verb = tok
    for _ in range(2):
        for c in verb.children:
            if c.dep_ in SUBJ_DEPS and c.pos_ == "PRON":
                return bool({"1", "2"} & set(c.morph.get("Person", [])))
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            break
        verb = verb.head
    return False


_TITLE_MARKS = frozenset("«»“”\"<>")


def _press_subject(ctx: QuoteContext, verb: Token) -> bool:
    """Is the verb's subject a paper, an agency or a dispatch (see
    ``QuoteWords.press_verbs``)? A press noun heads it, or it holds a name in
    quote marks ("Le « Petit Parisien »": the parse may even make the mark the
    subject's head); scanned pages print a guillemet as "<" or ">"."""
    for c in verb.children:
        if c.dep_ not in SUBJ_DEPS:
            continue
        if c.lemma_.lower() in ctx.words.press_nouns or c.lower_ in ctx.words.press_nouns:
            return True
        sub = list(c.subtree)
        if any(t.text in _TITLE_MARKS for t in sub) and any(
                t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() for t in sub):
            return True
        nxt = verb.doc[c.i + 1] if c.i + 1 < len(verb.doc) else None
        if c.pos_ == "DET" or nxt is not None and nxt.text in _TITLE_MARKS and nxt.i < verb.i:
            return any(t.text in _TITLE_MARKS for t in verb.doc[c.i:verb.i])
    return False


def is_speech(ctx: QuoteContext, tok: Token, incise: bool = False) -> bool:
    """Does ``tok`` report speech? Its lemma is a speech verb of the language
    ("a déclaré" -> "déclarer"); an incise admits more ("« … », fait-il")."""
    words = ctx.words
    lemma = tok.lemma_.lower()
    if incise and tok.pos_ == "NOUN" and tok.text.lower() in words.incise_verb_nouns:
        return True  # "« … », analyse le propriétaire": the tagger read the verb as a noun
    if lemma in words.press_verbs and tok.pos_ == "VERB" and _press_subject(ctx, tok):
        return not ctx.in_quote(tok.idx + ctx.offset)
    if lemma not in words.speech_verbs:
        # "a fait savoir que …": a causative periphrasis reports speech; the
        # parse may hang the causative on the infinitive ("La commission fait
        # ressortir …": "fait" an auxiliary of "ressortir")
        if not words.causative_speech or tok.pos_ != "VERB":
            return False
        if tok.dep_ == "xcomp" and (tok.head.lemma_.lower(), lemma) in words.causative_speech:
            return True
        return any(c.i < tok.i and c.dep_ in ("aux", "aux:caus", "dep", "aux:tense")
                   and (c.lemma_.lower(), lemma) in words.causative_speech for c in tok.children)
    if lemma in words.incise_only_verbs and not incise:
        return False
    if _own_voice(ctx, tok):
        return False
    return tok.pos_ in ("VERB", "AUX") or (
        incise and tok.pos_ == "NOUN" and tok.text.lower() in words.incise_verb_nouns)
