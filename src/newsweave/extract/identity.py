"""Content-addressed article ids: the same text at the same canonical URL gets the same id."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed: formatting changes do not change identity."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def canonical_url(url: str | None) -> str | None:
    """Scheme/host lower-cased, tracking parameters and fragments dropped (courlan)."""
    if not url:
        return None
    from courlan import normalize_url

    try:
        return normalize_url(url, strict=True)
    except (ValueError, TypeError):
        return url.strip()


def article_id(text: str, url: str | None) -> str:
    """16 hex digits of SHA-256 over the normalised text and the canonical URL."""
    h = hashlib.sha256(normalise_text(text).encode("utf-8"))
    h.update(b"\x00")
    h.update((canonical_url(url) or "").encode("utf-8"))
    return h.hexdigest()[:16]
