"""veille CLI commands (commands_eval_analysis)."""

from veille.cli.base import app, eval_app  # noqa: F401
