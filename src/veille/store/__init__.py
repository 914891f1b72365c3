"""The store: one interface over SQLite (embedded default) and PostgreSQL."""

from veille.store.core import Store, database_url

__all__ = ["Store", "database_url"]
