"""Scraped text that was already flattened (page chrome still in): keep the article lines."""

from __future__ import annotations

from ..model import Extraction


def clean_scraped(text: str, url: str | None = None) -> Extraction:
    """Placeholder pass-through: the line classifier replaces this."""
    return Extraction(text=text.strip(), url=url)
