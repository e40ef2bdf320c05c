"""The store: SQLite by default (embedded, WAL), content-addressed and idempotent."""

from __future__ import annotations

from .sqlite import SCHEMA_VERSION, SQLiteStore

__all__ = ["SCHEMA_VERSION", "SQLiteStore", "open_store"]


def open_store(path: str) -> SQLiteStore:
    """Open (or create) the store at `path`."""
    return SQLiteStore(path)
