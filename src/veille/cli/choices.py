"""The choices and bounds that command options show in their help.

Typer reads every option's default and help text when the command line is
built, before any command runs, so whatever a signature names is imported by
every ``veille`` start, ``--help`` included. The services, the story exporter
and the store define these values next to the code that uses them, but
importing those modules costs most of the command line's start-up (SQLAlchemy,
the analysers they pull in). The command line keeps its own copies here;
tests/cli/test_choices.py checks that each copy equals its source.
"""

from __future__ import annotations

#: veille.services.queries: the orders of `articles`, `stories` and `search`
ARTICLE_SORTS = ("ingest", "date")
STORY_SORTS = ("size", "date")
SEARCH_SORTS = ("relevance", "date")
#: veille.services.queries: most articles `similar` returns
MAX_SIMILAR = 100
#: veille.export.story: the formats of one exported story
STORY_FORMATS = ("md", "html", "csv-timeline", "csv-quotes")
#: veille.store.cursors: the cursor a reader gets when naming none
DEFAULT_CURSOR = "default"
