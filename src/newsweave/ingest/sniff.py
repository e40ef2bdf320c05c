"""What kind of content a blob of bytes is, when its name does not say."""

from __future__ import annotations

import re

_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML = re.compile(rb"<(!doctype html|html|head|body|article|p|div)[\s>]", re.I)
# A JSON Lines export opens with an object whose first key is a string; a WARC with its
# version line. Piped into `-`, both once became one article of raw JSON or WARC headers.
_JSON_OBJECT = re.compile(rb'^\{\s*"')
_WARC = b"WARC/"


def sniff(data: bytes) -> str:
    r""" "warc", "jsonl", "feed", "html" or "text", from the first 2 KiB.

    Example:
        >>> sniff(b'{"text": "Body."}'), sniff(b"WARC/1.0\r\n"), sniff(b"<html><p>Hi</p>")
        ('jsonl', 'warc', 'html')
    """
    head = data[:2048].lstrip()
    if head.startswith(_WARC):
        return "warc"
    if _JSON_OBJECT.match(head):
        return "jsonl"
    if _FEED.search(head) and not _HTML.search(head[:200]):
        return "feed"
    if _HTML.search(head):
        return "html"
    return "text"


def fetched_kind(body: bytes, content_type: str) -> str:
    """ "feed", "html" or "text" for a fetched body: the server's content type when it names
    a feed or HTML, else the bytes. A page served as text/html whose first 2 KiB hold only
    scripts or comments is still HTML; a feed served as text/html is still a feed."""
    ctype = content_type.lower()
    if "rss" in ctype or "atom" in ctype:
        return "feed"
    kind = sniff(body)
    return "html" if kind == "text" and "html" in ctype else kind
