"""URLs and feed URLs against a server on loopback: robots.txt, timeouts, size cap, HTTP errors."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import html_page, run_inputs


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}
    seen_agents: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's naming
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/trickle":  # one byte every 0.2 s: each read is quick, the whole is not
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                for byte in html_page(65).encode()[:40]:  # at most 8 s, then it stops
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
            return
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    base = "http://127.0.0.1:{port}"
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = base.format(port=srv.server_address[1])
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Loop Ledger</title>
<item><title>Teaser only</title><link>{base}/page</link><description>Short.</description></item>
<item><title>Forbidden</title><link>{base}/private/x</link><description>No.</description></item>
</channel></rss>"""
    _Handler.routes = {
        "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private\n"),
        "/page": (200, "text/html; charset=utf-8", html_page(60).encode()),
        "/slow": (200, "text/html", html_page(61).encode()),
        "/big": (200, "text/html", html_page(62).encode() + b" " * 50_000),
        "/private/x": (200, "text/html", html_page(63).encode()),
        "/feed": (200, "application/rss+xml", feed.encode()),
        # a page whose first 2 KiB are a comment: the sniffer alone would call it text
        "/late-html": (200, "text/html", b"<!-- " + b"x" * 3000 + b" -->" + html_page(64).encode()),
    }
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield base
    srv.shutdown()


def _run(urls, **settings):
    settings.setdefault("fetch.timeout_seconds", 0.5)
    arts, errors, _ = run_inputs(urls, fetch=True, **settings)
    return arts, errors


def test_url_page_is_fetched_with_our_user_agent(server):
    arts, errors = _run([f"{server}/page"])
    assert errors == []
    assert arts[0].url == f"{server}/page" and arts[0].source == f"{server}/page"
    assert any(a.startswith("newsweave/") for a in _Handler.seen_agents)


def test_url_page_served_as_html_is_read_as_html_whatever_its_start(server):
    arts, errors = _run([f"{server}/late-html"])
    assert errors == []
    assert "<" not in arts[0].text and arts[0].title  # parsed as HTML, not cleaned as text


def test_url_feed_entries_fetched_and_robots_respected(server):
    arts, errors = _run([f"{server}/feed"])
    assert [a.source for a in arts] == [f"{server}/feed#0"]
    assert arts[0].title == "Lindholm council story number 60"
    assert [e.source for e in errors] == [f"{server}/feed#1"]
    assert "robots.txt disallows" in errors[0].reason


def test_url_robots_can_be_ignored_on_request(server):
    arts, errors = _run([f"{server}/private/x"], **{"fetch.respect_robots": False})
    assert errors == [] and len(arts) == 1


@pytest.mark.parametrize(
    "path, settings, reason",
    [
        ("/slow", {}, "timed out after 0.5 s"),
        ("/big", {"fetch.max_bytes": 20_000}, "too large"),
        ("/missing", {}, "HTTP 404"),
    ],
)
def test_url_failures_are_one_line_errors(server, path, settings, reason):
    arts, errors = _run([f"{server}{path}", f"{server}/page"], **settings)
    assert len(arts) == 1, "the batch goes on"
    assert errors[0].source == f"{server}{path}" and reason in errors[0].reason


def test_url_unreachable_host():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    arts, errors = _run([f"http://127.0.0.1:{port}/x"])
    assert arts == [] and "unreachable" in errors[0].reason


def test_url_trickling_server_hits_the_total_deadline(server):
    started = time.monotonic()
    arts, errors = _run([f"{server}/trickle", f"{server}/page"], **{"fetch.deadline_seconds": 1.0})
    assert len(arts) == 1 and errors[0].source == f"{server}/trickle"
    assert "no complete response within 1 s" in errors[0].reason
    assert time.monotonic() - started < 6  # the trickle alone would take 8 s
