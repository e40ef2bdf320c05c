"""Tell: the report in JSON (and later Markdown, HTML, terminal)."""

from .json import SCHEMA, build_report

__all__ = ["SCHEMA", "build_report"]
