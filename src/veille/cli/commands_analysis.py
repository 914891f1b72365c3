"""veille CLI commands (commands_analysis)."""

from veille.cli.base import app, eval_app  # noqa: F401
