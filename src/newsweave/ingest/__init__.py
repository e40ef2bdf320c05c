"""Ingest: paths, folders, URLs, feeds, WARC, JSONL, stdin -> RawDocument (or InputError)."""

from __future__ import annotations

from .sources import Unit, expand_inputs, read_unit

__all__ = ["Unit", "expand_inputs", "read_unit"]
