"""veille CLI commands (commands_cluster)."""

from veille.cli.base import app, eval_app  # noqa: F401
