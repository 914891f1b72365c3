"""veille CLI commands (commands_core)."""

from veille.cli.base import app, eval_app  # noqa: F401
