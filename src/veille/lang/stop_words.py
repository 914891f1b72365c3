"""spaCy's stop-word lists, read without importing spaCy's language packages.

``from spacy.lang.fr.stop_words import STOP_WORDS`` runs ``spacy/__init__``
and ``spacy.lang.fr`` first (its tokenizer exceptions alone take seconds on
a cold start), although the list is one plain Python file. The story views
compare quotes on content words only: they need the list, not spaCy, so the
file is located through the import system (no package executed) and run on
its own. The files define ``STOP_WORDS`` with builtins only; a spaCy release
that changes that gets the import path back.
"""

from __future__ import annotations

import importlib.util
import runpy
from functools import cache
from pathlib import Path


@cache
def spacy_stop_words(code: str | None) -> frozenset[str]:
    """spaCy's stop words for language ``code`` (empty when spaCy has none)."""
    if not code or not code.isalpha():
        return frozenset()
    spec = importlib.util.find_spec("spacy")  # a top-level spec: nothing is executed
    roots = list(spec.submodule_search_locations or []) if spec else []
    for root in roots:
        path = Path(root) / "lang" / code / "stop_words.py"
        if path.is_file():
            try:
                words = runpy.run_path(str(path)).get("STOP_WORDS")
            except Exception:  # noqa: BLE001 - a file that needs spaCy: import it the slow way
                break
            if isinstance(words, (set, frozenset)):
                return frozenset(str(w) for w in words)
            break
    try:
        module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(getattr(module, "STOP_WORDS", ()))


__all__ = ["spacy_stop_words"]
