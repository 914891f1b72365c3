# ruff: noqa: I001  (import order = the order commands appear in --help)
"""The ``veille`` command line.

Commands live in small modules next to each other; each module registers its
commands on :data:`app` (or :data:`eval_app`) when imported below. Commands
stay thin: they parse options and call the service functions of a stage.
"""

from veille.cli.base import app, eval_app  # noqa: F401

# Each import registers its commands. Keep one line per module.
from veille.cli import commands_core  # noqa: F401,E402
from veille.cli import commands_analysis  # noqa: F401,E402
from veille.cli import commands_eval_analysis  # noqa: F401,E402
from veille.cli import commands_eval_time  # noqa: F401,E402
from veille.cli import commands_eval_quotes  # noqa: F401,E402
from veille.cli import commands_eval_entities  # noqa: F401,E402
from veille.cli import commands_eval_furniture  # noqa: F401,E402
from veille.cli import commands_cluster  # noqa: F401,E402
from veille.cli import commands_entities  # noqa: F401,E402
from veille.cli import commands_watch  # noqa: F401,E402
from veille.cli import commands_digest  # noqa: F401,E402
from veille.cli import commands_serve  # noqa: F401,E402

__all__ = ["app", "eval_app"]
