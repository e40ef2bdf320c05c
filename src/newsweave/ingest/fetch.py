"""Fetching URLs: timeouts, a size cap, a clear user agent, robots.txt respected."""

from __future__ import annotations

import time
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from ..errors import FetchError
from ..settings import FetchSettings


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


class Fetcher:
    """One HTTP client for a batch; robots.txt read once per host.

    Args:
        settings: timeouts, size cap, user agent, whether robots.txt is respected
            (`Settings.fetch`).
    """

    def __init__(self, settings: FetchSettings) -> None:
        import httpx  # here: a run that fetches nothing does not pay its import (~0.3 s)

        self.settings = settings
        self._client = httpx.Client(
            timeout=httpx.Timeout(settings.timeout_seconds),
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": settings.user_agent},
        )
        self._robots: dict[str, RobotFileParser | None] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _robots_for(self, url: str) -> RobotFileParser | None:
        import httpx

        parts = urlsplit(url)
        root = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        if root not in self._robots:
            parser: RobotFileParser | None = None
            try:
                r = self._client.get(root + "/robots.txt")
                if r.status_code < 400:
                    parser = RobotFileParser()
                    parser.parse(r.text.splitlines())
                elif r.status_code in (401, 403):
                    # RFC 9309: an explicit refusal of robots.txt means the whole site is off limits
                    parser = RobotFileParser()
                    parser.disallow_all = True
            except httpx.HTTPError:
                parser = None  # unreachable robots.txt: the page fetch reports the real problem
            self._robots[root] = parser
        return self._robots[root]

    def get(self, url: str, source: str | None = None) -> tuple[bytes, str, str]:
        """Fetch a URL.

        Returns:
            (body, content type, final URL after redirects).

        Raises:
            FetchError: refused by robots.txt, unreachable, timed out, HTTP error, too large.
        """
        import httpx

        source = source or url
        cap = self.settings.max_bytes
        if self.settings.respect_robots:
            robots = self._robots_for(url)
            if robots is not None and not robots.can_fetch(self.settings.user_agent, url):
                raise FetchError(source, "robots.txt disallows fetching this URL")
        deadline = time.monotonic() + self.settings.deadline_seconds
        try:
            with self._client.stream("GET", url) as r:
                if r.status_code >= 400:
                    raise FetchError(source, f"HTTP {r.status_code} {r.reason_phrase}")
                declared = int(r.headers.get("content-length") or 0)
                if declared > cap:
                    raise FetchError(source, f"too large: {declared:,} bytes, over {cap:,}")
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise FetchError(source, f"too large: over {cap:,} bytes")
                    if time.monotonic() > deadline:
                        raise FetchError(
                            source,
                            f"no complete response within {self.settings.deadline_seconds:g}"
                            f" s (raise --deadline to wait longer)",
                        )
                    chunks.append(chunk)
                return b"".join(chunks), r.headers.get("content-type", ""), str(r.url)
        except httpx.TimeoutException:
            raise FetchError(
                source, f"timed out after {self.settings.timeout_seconds:g} s"
            ) from None
        except httpx.HTTPError as e:
            raise FetchError(source, f"unreachable ({type(e).__name__}: {e})") from None
