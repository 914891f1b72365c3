"""People the recogniser missed as subjects: antecedents for "he" / "she".

A surname written alone is often not recognised, or recognised as an
organisation ("Donald Trump" ORG, then "Trump says …" with no mention at
all). The pronoun of the next sentence then skips the one person who just
spoke and lands on an older name ("Trump says … He says referees are …"
given to a football player named a paragraph before). The parse still shows
a proper noun as the clause's subject; when the article writes that word
after a known given name somewhere ("Donald Trump", "George Zimmerman"),
whatever label the recogniser gave it, or after a title elsewhere
("President Trump"), it is a person's surname, and the subject is that person for the
pronouns that follow (a name with an article, "the Ferguson Effect", is
none).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from veille.analyze.names import without_generation
from veille.analyze.quotes.context import SUBJ_DEPS, QuoteContext, is_speech
from veille.analyze.quotes.gender import given_name_gender, known_given_name
from veille.core.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token


def register_unlisted_people(ctx: QuoteContext) -> None:
    """Add to ``ctx.subject_mentions`` the proper-noun subjects that are no
    person mention but a surname the article gives a person (see module doc),
    and the full names the recogniser missed as a speech verb's subject."""
    _register_surnames(ctx)
    _register_missed_names(ctx)


def _register_missed_names(ctx: QuoteContext) -> None:
    """A full name the recogniser missed, subject of a speech verb ("Takaaki
    Uesugi, a security guard at the town hall of Erimo, said he first heard
    …"), is a person for the pronouns that follow: the next "“…,” he said"
    had gone to the last person the recogniser saw (the prime minister, two
    paragraphs up). A name: two or three capitalised proper nouns, the first
    a given name of the name lists; no mention of any label on it."""
    for t in ctx.doc:
        if t.dep_ not in SUBJ_DEPS or t.pos_ != "PROPN" or not is_speech(ctx, t.head):
            continue
        parts = sorted([c for c in t.children if c.dep_ in ("compound", "flat", "flat:name")
                        and c.i < t.i] + [t], key=lambda x: x.i)
        if not 2 <= len(parts) <= 3 or parts[-1].i - parts[0].i != len(parts) - 1:
            continue
        if any(x.pos_ != "PROPN" or not x.text[:1].isupper() or not x.is_alpha for x in parts):
            continue
        if not known_given_name(parts[0].text) or any(ctx.mention_of(x) is not None for x in parts):
            continue
        pos = parts[0].idx + ctx.offset
        if ctx.in_quote(pos) or pos in ctx.subject_starts:
            continue
        name = ctx.doc[parts[0].i:t.i + 1].text
        person = Mention(name, "PER", pos, pos + len(name), 0, label_cue="surname")
        ctx.subject_starts.add(pos)
        bisect.insort(ctx.subject_mentions, person, key=lambda x: x.start)
        ctx._name_genders[pos] = given_name_gender(name)  # noqa: SLF001


def _register_surnames(ctx: QuoteContext) -> None:
    surnames: dict[str, str] = {}
    for m in ctx.mentions:
        words = without_generation(m.text.split())  # "Luther Stan Pate IV": Pate
        if len(words) >= 2 and m.label in ("PER", "ORG", "MISC") and known_given_name(words[0]):
            surnames.setdefault(words[-1], m.text)
        elif len(words) == 1 and m.label == "PER" and m.label_cue == "title":
            surnames.setdefault(m.text, m.text)  # "President Trump" here, "Trump has …" there
    if not surnames:
        return
    for t in ctx.doc:
        if t.dep_ not in SUBJ_DEPS or t.pos_ not in ("PROPN", "NOUN") or t.text not in surnames:
            continue  # (a capitalised surname opening a sentence is often tagged a noun)
        if any(c.dep_ in ("det", "poss") for c in t.children) or "Plur" in t.morph.get("Number", []):
            continue  # "the so-called Ferguson Effect", "Latinos": no person's name
        pos = t.idx + ctx.offset
        known = ctx.mention_of(t)
        if (known is not None and known.label == "PER") or ctx.in_quote(pos):
            continue
        if pos in ctx.subject_starts:
            continue
        person = Mention(t.text, "PER", pos, pos + len(t.text), 0, label_cue="surname")
        if any(is_speech(ctx, a) for a in _verbs_above(t)):
            # "Cox says Trump is …": a subject inside somebody's statement
            ctx.reported_subjects.add(pos)
        ctx.subject_starts.add(pos)
        bisect.insort(ctx.subject_mentions, person, key=lambda x: x.start)
        # the full name's given name tells the surname's gender ("Hillary
        # Clinton" -> "she"); the context keeps genders per mention start
        ctx._name_genders[pos] = given_name_gender(surnames[t.text])  # noqa: SLF001


def _verbs_above(t: Token) -> list[Token]:
    """The verbs above the subject's own verb (its clause's reporters)."""
    return [a for a in t.head.ancestors if a.pos_ == "VERB"]
