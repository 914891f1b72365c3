"""Keep bidirectional controls in untrusted text from reordering the page.

A U+202E (right-to-left override) in a title or an article, written as is
inside an inline element, flips the order of everything after it up to the end
of the paragraph: the source, the date, the next link. Escaping does not help,
the character is not markup. So every text value a template writes goes
through :func:`finalize` (the Jinja ``finalize`` hook, so no template can
forget it): from its first bidi control to its end, the value is put inside a
``<bdi>`` element, which the browser isolates (``unicode-bidi: isolate``).
The characters stay visible as the author sent them, but their effect ends
with the value. Text without a control is written unchanged.

Two places cannot hold an element: attribute values (use ``|nobidi`` for
tooltips; an ``<input>`` keeps its value with ``|verbatim`` and gets
``dir="auto"``, which isolates its own contents) and ``<title>`` (``|nobidi``).
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

# Embeddings, overrides, isolates and their terminators (LRE RLE PDF LRO RLO,
# LRI RLI FSI PDI); the marks LRM/RLM/ALM only hint a direction and are kept.
CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def finalize(value: Any) -> Any:
    """Jinja ``finalize``: isolate a plain string from its first bidi control on."""
    if type(value) is not str:  # Markup (already safe, ours), numbers, None...
        return value
    m = CONTROLS.search(value)
    if m is None:
        return value
    i = m.start()
    return escape(value[:i]) + Markup("<bdi>") + escape(value[i:]) + Markup("</bdi>")


def nobidi(value: Any) -> str:
    """The value without bidi controls: for attributes and ``<title>``, which cannot isolate."""
    return CONTROLS.sub("", "" if value is None else str(value))


def verbatim(value: Any) -> Markup:
    """The value escaped, controls kept, no ``<bdi>``: for an ``<input dir="auto">``'s value."""
    return escape("" if value is None else value)


def install(env: Any) -> None:
    env.finalize = finalize
    env.filters["nobidi"] = nobidi
    env.filters["verbatim"] = verbatim
