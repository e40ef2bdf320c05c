"""The trafilatura runs behind extract/maintext.py (private): one options object per mode."""

from __future__ import annotations

from copy import copy
from functools import cache

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Extractor

# Elements whose text is never visible page text.
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg")


@cache
def _options(recall: bool) -> Extractor:
    """One trafilatura options object per mode, built once (reading its config costs time)."""
    # comments off: WCXB counts reader comments as boilerplate (+0.008 F1 on the dev articles)
    return Extractor(output_format="python", recall=recall, comments=False, tables=True)


def run_trafilatura(tree: HtmlElement, url: str | None, *, recall: bool) -> str:
    """trafilatura's main text of the tree (left unmodified: trafilatura works on a copy).

    Args:
        tree: the parsed page.
        url: the page URL, or None.
        recall: favor recall (True) or trafilatura's default balanced mode (False).

    Returns:
        The text, paragraphs separated by "\\n"; "" when trafilatura finds nothing.
    """
    options = copy(_options(recall))
    options.url = options.source = url
    document = bare_extraction(tree, options=options)
    return (document.text or "") if document is not None else ""


def page_text_length(tree: HtmlElement) -> int:
    """Characters of visible text in the page body (stripped text nodes; scripts and styles out).

    A cheap stand-in for trafilatura's html2txt length (one pass, no tree copy).
    """
    body = tree.find(".//body")
    if body is None:
        body = tree
    total = sum(len(t.strip()) for t in body.itertext())
    for element in body.iter(*_INVISIBLE_TAGS):
        # itertext() leaves out the element's own tail, which is visible text
        total -= sum(len(t.strip()) for t in element.itertext())
    return max(total, 0)
