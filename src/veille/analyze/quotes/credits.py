"""Picture credits that open a caption line are nobody's voice.

Scraped pages run a photo's credit into its caption ("Reuters Equifax
claimed that …", "Getty - Contributor Senior executives … sold shares", a
line "Getty." above a paragraph): the recogniser reads the credit as (part
of) a name, and the quote steps would make it the subject of the caption's
verb or the antecedent of the next "he". The entity stage cuts the credit
off the name once (:mod:`veille.analyze.entities_credits`) and marks the
credits that sit in a caption; the quote steps leave those out here, so
entities and quotes read one cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from veille.analyze.entities_credits import voiced_mentions
from veille.core.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc


def drop_credits(mentions: Sequence[Mention], doc: Doc, offset: int) -> list[Mention]:
    """``mentions`` of the parsed piece ``doc`` (at ``offset`` in the article)
    without the caption credits the entity stage marked. ``doc`` and
    ``offset`` are kept for the callers: the cut itself needs the parse and
    is made with the entities."""
    del doc, offset
    return voiced_mentions(mentions)
