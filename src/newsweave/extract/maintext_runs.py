"""The trafilatura runs behind extract/maintext.py (private): one options object per mode."""

from __future__ import annotations

import re
from copy import copy, deepcopy
from functools import cache

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Extractor

from .maintext_filters import INVISIBLE_TAGS

# A page with at least this many UTF-8 sequences decoded a second time as Latin-1 ("doesnâ\x80\x99t"
# for "doesn't") was double-encoded by its site: its text nodes are repaired before extraction.
# (a pet-insurance guide served every apostrophe and dash that way; fewer hits are stray
# characters, and some pages quote mojibake on purpose)
MOJIBAKE_MIN_SEQUENCES = 10
# A lead byte (U+00C2-U+00F4 as Latin-1) followed by continuation bytes (U+0080-U+00BF).
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]+")
# The C1 controls U+0080-U+009F never occur in real text: one after Â, Ã or â marks mojibake.
_MOJIBAKE_PROBE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u009f]")


@cache
def _options(recall: bool, comments: bool = False) -> Extractor:
    """One trafilatura options object per mode, built once (reading its config costs time)."""
    # comments off: WCXB counts reader comments as boilerplate (+0.008 F1 on the dev articles)
    return Extractor(output_format="python", recall=recall, comments=comments, tables=True)


def run_trafilatura(tree: HtmlElement, url: str | None, *, recall: bool, fast: bool = False) -> str:
    """trafilatura's main text of the tree (left unmodified: trafilatura works on a copy).

    Args:
        tree: the parsed page.
        url: the page URL, or None.
        recall: favor recall (True) or trafilatura's default balanced mode (False).
        fast: skip trafilatura's external fallbacks (readability, jusText).

    Returns:
        The text, paragraphs separated by "\\n"; "" when trafilatura finds nothing.
    """
    options = copy(_options(recall))
    options.url = options.source = url
    options.fast = fast
    document = bare_extraction(tree, options=options)
    return (document.text or "") if document is not None else ""


def run_trafilatura_plain(tree: HtmlElement, url: str | None, *, fast: bool = False) -> str:
    """trafilatura's plain result: its default balanced mode, comments on, as `extract()` runs.

    With comments off, trafilatura prunes an article whose container it takes for a comment
    section (a `<div class="comments">` holding the story) and finds nothing; with them on, its
    fallbacks find the body. The body is returned, else the "comments" (never both: they are
    often the same paragraphs twice). `fast` as for run_trafilatura.
    """
    options = copy(_options(False, True))
    options.url = options.source = url
    options.fast = fast
    document = bare_extraction(tree, options=options)
    if document is None:
        return ""
    return document.text or document.comments or ""


def page_counts(tree: HtmlElement) -> tuple[int, int]:
    """How many elements and non-blank text nodes the page holds (no copy)."""
    return sum(1 for _ in tree.iter()), sum(1 for t in tree.itertext() if t.strip())


def page_text_length(tree: HtmlElement) -> int:
    """Characters of visible text in the page body (stripped text nodes; scripts and styles out).

    A cheap stand-in for trafilatura's html2txt length (one pass, no tree copy).
    """
    body = tree.find(".//body")
    if body is None:
        body = tree
    total = sum(len(t.strip()) for t in body.itertext())
    for element in body.iter(*INVISIBLE_TAGS):
        # itertext() leaves out the element's own tail, which is visible text
        total -= sum(len(t.strip()) for t in element.itertext())
    return max(total, 0)


def _undo_double_encoding(text: str) -> str:
    """Re-decode each mojibake sequence as UTF-8; sequences that do not decode stay as they are."""

    def repair(match: re.Match[str]) -> str:
        try:
            return match.group(0).encode("latin-1").decode("utf-8")
        except UnicodeError:
            return match.group(0)

    return _MOJIBAKE.sub(repair, text)


def repair_mojibake(tree: HtmlElement) -> HtmlElement | None:
    """A copy of the tree with double-encoded UTF-8 text repaired, or None when there is none.

    Args:
        tree: the parsed page (read only).

    Returns:
        The repaired copy when the page has MOJIBAKE_MIN_SEQUENCES or more mojibake sequences,
        else None (the common case costs one regex pass over the page text).
    """
    # one string of the whole page: faster than a search per text node (about 1.6 ms a page)
    if len(_MOJIBAKE_PROBE.findall(tree.text_content())) < MOJIBAKE_MIN_SEQUENCES:
        return None
    fixed = deepcopy(tree)
    for element in fixed.iter():
        if element.text and _MOJIBAKE_PROBE.search(element.text):
            element.text = _undo_double_encoding(element.text)
        if element.tail and _MOJIBAKE_PROBE.search(element.tail):
            element.tail = _undo_double_encoding(element.tail)
    return fixed
