"""HTML pages: parse once, read metadata from the intact tree, then extract the main text."""

from __future__ import annotations

import lxml.html
from lxml import etree

from ..model import Extraction
from .maintext import main_text
from .metadata import extract_metadata


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """An lxml tree of the page, or None when there is nothing to parse."""
    # lxml refuses str input that declares an encoding; the text is already decoded.
    if html.lstrip().startswith("<?xml"):
        html = html.split("?>", 1)[-1]
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def extract_html(html: str, url: str | None = None, source: str = "") -> Extraction:
    """Main text and metadata of one HTML page.

    Args:
        html: the decoded page.
        url: the page URL when known (container hint); the page's canonical link wins.
        source: the input name, for messages.

    Returns:
        An Extraction whose `text` is empty when the page holds no article.
    """
    del source  # errors are raised by the caller, which names the input
    tree = parse_html(html)
    if tree is None:
        return Extraction(text="", url=url)
    meta = extract_metadata(tree, url)  # first: the main-text extractor consumes the tree
    body = main_text(tree, meta.url or url)
    return Extraction(
        text=body.text,
        title=meta.title,
        url=meta.url or url,
        outlet=meta.outlet,
        authors=meta.authors,
        published=meta.published,
        modified=meta.modified,
        removed=body.removed,
        provenance=dict(meta.provenance),
    )
