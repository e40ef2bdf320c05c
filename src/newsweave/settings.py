"""Every default in one place, units in the names. Each CLI flag maps to one field here."""

from __future__ import annotations

from dataclasses import dataclass, replace

USER_AGENT = "newsweave/0.1 (+https://github.com/newsweave/newsweave; offline news cross-checker)"


@dataclass(frozen=True, slots=True)
class Settings:
    """Options for ingest, extraction and the store.

    Args:
        max_file_bytes: inputs larger than this (after decompression) are refused.
        http_timeout_seconds: connect/read timeout for URL and feed fetching.
        max_http_bytes: a response body larger than this is refused.
        respect_robots: check robots.txt before fetching a URL.
        max_feed_entries: at most this many entries are fetched from one feed.
        min_text_chars: an extraction shorter than this is an error ("no article text").
        db_path: the SQLite store.
    """

    max_file_bytes: int = 20 * 1024 * 1024
    http_timeout_seconds: float = 10.0
    max_http_bytes: int = 20 * 1024 * 1024
    respect_robots: bool = True
    max_feed_entries: int = 200
    min_text_chars: int = 80
    db_path: str = "newsweave.db"
    user_agent: str = USER_AGENT

    def __post_init__(self) -> None:
        if self.max_file_bytes <= 0:
            raise ValueError("max_file_bytes must be > 0")
        if self.http_timeout_seconds <= 0:
            raise ValueError("http_timeout_seconds must be > 0")
        if self.min_text_chars < 0:
            raise ValueError("min_text_chars must be >= 0")

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


DEFAULTS = Settings()
