"""veille CLI commands (commands_eval_time)."""

from veille.cli.base import app, eval_app  # noqa: F401
