"""The report as plain JSON-ready data (`"schema": "newsweave.report/1"`).

The shape is documented by docs/report.schema.json; fields are only ever added, never renamed
or removed, so readers of /1 keep working.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from .. import __version__
from ..model import Article, Reading

SCHEMA = "newsweave.report/1"


def article_dict(article: Article, reading: Reading | None) -> dict[str, Any]:
    """One article of the report: the extracted fields plus what the read stage found."""
    return report_article(article.to_dict(), reading.to_dict() if reading is not None else None)


def report_article(article: dict[str, Any], reading: dict[str, Any] | None) -> dict[str, Any]:
    """`article_dict` from the two as dicts (`Article.to_dict()`, `Reading.to_dict()`), e.g.
    as the store keeps them (`SQLiteStore.article_records`)."""
    d = dict(article)
    r = reading or {}
    for key in ("entities", "quotes", "attributions", "numbers", "times"):
        d[key] = r.get(key, [])
    d["notes"] = r.get("notes", [])
    return d


def build_report(
    pairs: Iterable[tuple[Article, Reading | None]], stories: Iterable[dict[str, Any]] = ()
) -> dict[str, Any]:
    """The whole report.

    Args:
        pairs: each article with its reading (None when it was not read).
        stories: story objects (filled by the grouping stage).
    """
    return {
        "schema": SCHEMA,
        "generator": f"newsweave {__version__}",
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "articles": [article_dict(a, r) for a, r in pairs],
        "stories": list(stories),
    }
