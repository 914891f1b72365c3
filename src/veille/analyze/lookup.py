"""Entity lookup by name: what a user types ("Shinzo Abe", "Abe", "États-Unis")
-> the entities it can name, by the linker's own evidence.

Lookup reads names the way the linker does (:mod:`veille.analyze.linking`), so
that a name finds the entity its mentions were linked to: the transliteration
key ("Zelensky" finds ``per:volodymyr-zelenskyy``), the gazetteer code for a
country in any language, compatible given names for a full name, the surname
of a person for a lone word. Several matches are all returned, most mentioned
first: the caller lists them (an ambiguous name is never silently resolved).
"""

from __future__ import annotations

from collections.abc import Sequence

from veille.analyze import names
from veille.analyze.linking import mention_key, person_compatible
from veille.core.model import EntityRecord


def find_entities(name: str, records: Sequence[EntityRecord]) -> list[EntityRecord]:
    """Entities ``name`` can name: an exact id first, else by the linking evidence."""
    text = " ".join(name.split())
    if not text:
        return []
    by_id = [r for r in records if r.entity_id == text]
    if by_id:
        return by_id
    keys = {mention_key(text, "LOC"), names.key(text)} - {""}
    toks = names.key(text).split()
    exact: list[EntityRecord] = []
    loose: list[EntityRecord] = []
    for r in records:
        forms = [*r.aliases, r.canonical]
        rkeys = {mention_key(a, r.label) for a in forms} | {names.key(a) for a in forms}
        if keys & rkeys:
            exact.append(r)
        elif r.label == "PER" and toks:
            full = [k for k in (names.key(a) for a in forms) if len(k.split()) >= 2]
            by_full = len(toks) >= 2 and any(person_compatible(" ".join(toks), k) for k in full)
            by_surname = len(toks) == 1 and any(k.split()[-1] == toks[0] for k in full)
            if by_full or by_surname:
                loose.append(r)
    found = exact or loose
    return sorted(found, key=lambda r: (-r.n_mentions, r.entity_id))
