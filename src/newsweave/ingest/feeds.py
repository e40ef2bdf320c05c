"""RSS/Atom feeds: one document per entry, the entry's page fetched unless the feed carries it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as safe_fromstring

from ..errors import InputError
from ..extract.metadata_dates import parse_date
from ..model import RawDocument
from ..settings import Settings
from .fetch import Fetcher, is_url
from .sniff import fetched_kind

# An entry whose own content is at least this long is the article itself (content:encoded),
# so it is used as is and works offline; shorter ones are teasers and the link is fetched.
_FULL_CONTENT_CHARS = 600


def _check_safe_xml(data: bytes, source: str) -> None:
    """Refuse DTD entity tricks (billion laughs, external entities) before feedparser sees them."""
    try:
        safe_fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise InputError(source, f"unsafe feed XML refused ({type(e).__name__})") from None
    except Exception:  # noqa: BLE001 - malformed XML: feedparser's lenient parser decides
        pass


def _iso(struct: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", struct) if struct else None


def _entry_date(entry: dict, today: date | None) -> str | None:
    """The local date of the entry's timestamp as written, as for HTML and JSON Lines; none
    more than a day past `today` (`metadata_dates.parse_date`).

    feedparser's `published_parsed` is converted to UTC ("2026-03-11T23:30:00-05:00" would
    become 2026-03-12), so the raw string is parsed first; the struct only when it cannot be.
    """
    written = parse_date(entry.get("published"), today=today)
    return written or parse_date(_iso(entry.get("published_parsed")), today=today)


def read_feed(
    data: bytes,
    source: str,
    settings: Settings,
    fetcher: Fetcher | None,
    today: date | None = None,
) -> Iterator[RawDocument | InputError]:
    """Yield one RawDocument (or InputError) per feed entry, sources named `feed#N`.

    `today`: an entry dated more than a day past it has no publication date (default: today
    in UTC; `pipeline.run` takes one today for the whole run)."""
    _check_safe_xml(data, source)
    import feedparser  # here: a run without feeds does not pay its import (~0.2 s)

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        detail = f": {reason}" if reason else ""
        raise InputError(source, f"malformed or empty feed, no entries{detail}")
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries[: settings.ingest.max_feed_entries]):
        src = f"{source}#{n}"
        link = entry.get("link")
        hints = {
            "url": link,
            "title": entry.get("title"),
            "outlet": outlet,
            "authors": [a.get("name") for a in entry.get("authors", []) if a.get("name")],
            "published": _entry_date(entry, today),
        }
        content = entry.get("content", [{}])[0].get("value") or ""
        if len(content) >= _FULL_CONTENT_CHARS:
            yield RawDocument(src, content.encode("utf-8"), "html", hints)
            continue
        if not (link and is_url(link)):
            yield InputError(src, "feed entry has neither full content nor a fetchable link")
            continue
        if fetcher is None:
            yield InputError(src, "feed entry needs its page fetched, but fetching is off")
            continue
        try:
            body, ctype, final = fetcher.get(link, src)
        except InputError as e:
            yield e
            continue
        # an entry's page is a page: a feed behind an entry link is read as text, not followed
        kind = "html" if fetched_kind(body, ctype) == "html" else "text"
        yield RawDocument(src, body, kind, {**hints, "url": final})
