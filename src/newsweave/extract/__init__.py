"""Extract: RawDocument -> Article (main text, metadata with provenance, language, id)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..errors import InputError
from ..model import Article, Extraction, RawDocument
from ..settings import DEFAULTS, Settings
from .decode import decode_noted
from .identity import article_id
from .language import detect_language
from .metadata import parse_date
from .metadata_dates import utc_today
from .scraped import ScrapedContext, clean_scraped, whole_text

__all__ = ["ScrapedContext", "clean_scraped", "extract"]

_HINT_FIELDS = ("url", "title", "outlet", "published", "captured")
# Values guessed from the URL alone (an outlet read off the domain) yield to what the container
# says: a feed's own title names the outlet better than its host name does.
_WEAK_PROVENANCE = ("url", "heuristic")
# Of min_text_chars, at least this share must be letters or digits: 400 characters of "&" and
# no-break spaces, or of zero-width marks, were stored as an article.
_MIN_ALNUM_SHARE = 0.5


def _apply_hints(ex: Extraction, hints: dict, today: date) -> Extraction:
    """Metadata the container carries (JSONL fields, feed entries, WARC URI) fills the gaps."""
    changes: dict = {}
    prov = dict(ex.provenance)
    for name in _HINT_FIELDS:
        value = hints.get(name)
        if name in ("published", "captured") and isinstance(value, str):
            # a JSONL export's "2026-03-11T22:10:00+01:00" becomes the local date, as elsewhere
            value = parse_date(value, today=today) or None
        if value and (not getattr(ex, name) or prov.get(name) in _WEAK_PROVENANCE):
            changes[name] = value
            prov[name] = "input"
    authors = hints.get("authors")
    if authors and not ex.authors:
        changes["authors"] = tuple(authors) if isinstance(authors, list | tuple) else (authors,)
        prov["authors"] = "input"
    return replace(ex, provenance=prov, **changes) if changes else ex


def extract(
    raw: RawDocument,
    settings: Settings = DEFAULTS,
    context: ScrapedContext | None = None,
    today: date | None = None,
) -> Article:
    """Turn one raw input into an Article.

    Args:
        raw: the input.
        settings: limits.
        context: line repetition across other scraped pages saved together (text inputs only).
        today: the date extraction takes as today: a date more than a day past it is no
            publication date (a template's placeholder). Default: today in UTC, taken once
            for the whole document; given, the article is a function of the input alone.

    Raises:
        InputError: undecodable, binary or empty input, or no article text found.
    """
    content, decode_note = decode_noted(raw.data, raw.source)
    decode_note = decode_note or raw.hints.get("encoding")  # a JSON line's bytes, before parsing
    if not content.strip():
        raise InputError(raw.source, "empty input: nothing to extract")
    url = raw.hints.get("url")
    today = today or utc_today()
    if raw.kind == "html":
        # imported here: trafilatura and its kin cost a rerun that extracts nothing ~0.8 s
        from .html import extract_html

        ex = extract_html(content, url=url, source=raw.source, today=today)
    elif raw.kind == "article-text":
        ex = whole_text(content, url=url)
    else:
        ex = clean_scraped(content, url=url, context=context, today=today)
    ex = _apply_hints(ex, raw.hints, today)
    if decode_note:  # how the bytes became text, when some were not in the page's encoding
        ex = replace(ex, provenance={**ex.provenance, "encoding": decode_note})
    text = ex.text.strip()
    letters = sum(c.isalnum() for c in text)
    least = settings.extract.min_text_chars
    if len(text) < least or letters < least * _MIN_ALNUM_SHARE:
        raise InputError(
            raw.source,
            f"no article text found ({len(text)} characters, {letters} of them letters or "
            f"digits, after removing page chrome; minimum {least})",
        )
    return Article(
        id=article_id(text, ex.url),
        source=raw.source,
        text=text,
        url=ex.url,
        outlet=ex.outlet,
        authors=ex.authors,
        title=ex.title,
        published=ex.published,
        modified=ex.modified,
        captured=ex.captured,
        language=detect_language(text),
        removed=ex.removed,
        provenance=ex.provenance,
    )
