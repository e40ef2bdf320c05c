"""Rendered pages and API answers, kept while the store's revision stays the same.

The store counts a revision up on every write that can change what a reader sees (see
store.sqlite, migration 7), so a cached answer is served only while the revision it was made
at is still the store's: a regroup, a new reading or a changed article drops the whole cache
at the next request. Bodies are kept as the bytes sent: what is cached was escaped when it
was rendered, and nothing is rendered again from it.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Cached:
    """One rendered answer: its bytes, media type and entity tag."""

    body: bytes
    media_type: str
    etag: str


def entity_tag(body: bytes) -> str:
    """A strong ETag of a body (the same bytes give the same tag across revisions).

    Example:
        >>> entity_tag(b"x") == entity_tag(b"x"), entity_tag(b"x") == entity_tag(b"y")
        (True, False)
    """
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


class PageCache:
    """Answers by request key, all from one store revision, least recently used dropped first.

    Args:
        max_bytes: the bodies kept, in bytes, at most (0 keeps none).

    Example:
        >>> c = PageCache(1000)
        >>> _ = c.put("/a", 1, b"old", "text/html")
        >>> c.get("/a", 1).body, c.get("/a", 2)
        (b'old', None)
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._revision: int | None = None
        self._items: OrderedDict[str, Cached] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str, revision: int) -> Cached | None:
        with self._lock:
            self._advance(revision)
            if revision != self._revision:
                return None
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
            return hit

    def put(self, key: str, revision: int, body: bytes, media_type: str) -> Cached:
        """Keep an answer made at `revision` (not kept when the store has moved past it)."""
        made = Cached(body, media_type, entity_tag(body))
        if len(body) > self.max_bytes:
            return made
        with self._lock:
            self._advance(revision)
            if revision != self._revision:
                return made
            old = self._items.pop(key, None)
            self._bytes += len(body) - (len(old.body) if old else 0)
            self._items[key] = made
            while self._bytes > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped.body)
        return made

    def __len__(self) -> int:
        return len(self._items)

    def _advance(self, revision: int) -> None:
        """A newer revision empties the cache (revisions only count up)."""
        if self._revision is None or revision > self._revision:
            self._revision = revision
            self._items.clear()
            self._bytes = 0


# Set in a request's scope when `CachedPages` found no answer for it: a route's own lookup of
# the same key (a second lock, a second revision read) would find none either.
MISSED = "newsweave.cache_missed"


def request_key(scope: dict) -> str:
    """What a cached answer is found by: the path and the query string as sent."""
    return f"{scope['path']}?{scope.get('query_string', b'').decode('latin-1')}"


def not_modified(if_none_match: str, hit: Cached) -> bool:
    """True when the browser's If-None-Match already names these bytes.

    Example:
        >>> hit = Cached(b"x", "text/plain", '"t1"')
        >>> not_modified('"t0", W/"t1"', hit), not_modified("", hit), not_modified("*", hit)
        (True, False, True)
    """
    held = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return hit.etag in held or "*" in held


class CachedPages:
    """ASGI middleware answering a GET from the cache before any routing, when the store's
    revision has not moved since the answer was made; everything else goes on to the app
    (whose cached routes fill the cache).

    On the load benchmark's store a cached story page cost ~0.5 ms through FastAPI's routing
    and threadpool under load, a third of that here. Reading the revision is one indexed
    read on the event loop's own connection (WAL readers never wait for a writer).

    Args:
        app: the ASGI app behind.
        pages: the cache the app's routes fill.
        revision: the store's revision now.
        cache_control: the Cache-Control header of every cached answer.
    """

    def __init__(
        self, app: Any, pages: PageCache, revision: Callable[[], int], cache_control: str
    ) -> None:
        self.app = app
        self.pages = pages
        self.revision = revision
        self.cache_control = cache_control.encode()

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        hit = None
        if scope["type"] == "http" and scope["method"] == "GET":
            hit = self.pages.get(request_key(scope), self.revision())
            if hit is None:  # the route renders it without looking it up again
                scope[MISSED] = True
        if hit is None:
            await self.app(scope, receive, send)
            return
        headers = {k: v for k, v in scope["headers"] if k == b"if-none-match"}
        fresh = not_modified(headers.get(b"if-none-match", b"").decode("latin-1"), hit)
        out = [(b"etag", hit.etag.encode()), (b"cache-control", self.cache_control)]
        if not fresh:
            out += [(b"content-type", hit.media_type.encode()),
                    (b"content-length", str(len(hit.body)).encode())]  # fmt: skip
        await send({"type": "http.response.start", "status": 304 if fresh else 200,
                    "headers": out})  # fmt: skip
        await send({"type": "http.response.body", "body": b"" if fresh else hit.body})
