"""What kind of content a blob of bytes is, when its name does not say."""

from __future__ import annotations

import re

_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML = re.compile(rb"<(!doctype html|html|head|body|article|p|div)[\s>]", re.I)


def sniff(data: bytes) -> str:
    """ "feed", "html" or "text", from the first 2 KiB."""
    head = data[:2048].lstrip()
    if _FEED.search(head) and not _HTML.search(head[:200]):
        return "feed"
    if _HTML.search(head):
        return "html"
    return "text"
