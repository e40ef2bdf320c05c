"""HTML main text: trafilatura's cascade run in recall mode, re-run balanced when it under-delivers.

Measured on the WCXB dev article pages (see benchmarks/maintext.py for the command and numbers):
recall mode alone is both faster and about as good as the default balanced mode, and the two fail
on different pages, so the balanced run is only paid for when the recall run covers little of the
page. Line post-filters then drop boilerplate lines that survive both runs, and when the kept text
is still a small share of the page, prose and table blocks dropped from its container are added
back (extract/maintext_recover.py). A page whose site
double-encoded its UTF-8 text is repaired first (on a copy). When all that keeps little or
nothing, trafilatura's plain extraction (its defaults, as `trafilatura.extract()`) is taken if it
finds much more, and the run is "plain" (the HTML extractor notes it in provenance).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from .maintext_filters import filter_lines, page_titles, removed_blocks
from .maintext_recover import RECOVER_PAGE_SHARE, recover_blocks
from .maintext_runs import (
    page_counts,
    page_text_length,
    repair_mojibake,
    run_trafilatura,
    run_trafilatura_plain,
)
from .words import word_count

# The recall run covers less than this share of the page's visible text: also run balanced.
# (a listicle page where recall kept one intro paragraph out of a 40,000-character article)
RECALL_PAGE_SHARE = 0.4
# ... and keep the balanced run when the recall run is shorter than this share of it.
RECALL_VS_BALANCED = 0.4
# A text without one line this many words long is a menu, not an article (a shop's home page
# gives "About / Contact / Cart"): return no text. Changes no WCXB article page.
MIN_LINE_WORDS = 8
# A page with more text segments than this runs trafilatura without its external fallbacks
# (readability, jusText): jusText's neighbour search is quadratic in a run of short paragraphs
# (3,000 of them took 4 s, 10,000 about 50 s) and readability parses its candidate again. The
# most on any WCXB dev article page is 2,624 (median 290), so none of them changes.
FALLBACK_MAX_TEXTS = 3000
# ... and so does a page with more elements than this: readability walks every element several
# times (19 MB of empty spans, 333k elements: 12 s CPU). The most on a WCXB dev article page is
# 5,105 (median 810).
FALLBACK_MAX_ELEMENTS = 20_000
# Our kept text is shorter than this (empty, most often): run trafilatura's plain extraction
# (defaults, comments on) and take it when it is at least PLAIN_VS_OURS times as long (issue 14,
# item 10: a short story in a container trafilatura takes for comments came out empty). Only
# short texts: on the WCXB dev articles every page where ours is under half of the plain result
# is one where the plain result holds the reader comments (9 pages, mean F1 -0.006 if taken);
# no page is under 500 characters with a plain result twice as long, so none changes.
PLAIN_FALLBACK_MAX_CHARS = 500
PLAIN_VS_OURS = 2.0


@dataclass(frozen=True, slots=True)
class MainText:
    """The main text of one page.

    Attributes:
        text: paragraphs separated by "\\n".
        removed: substantial text blocks (>= 40 characters) of the page left out as boilerplate,
            in page order.
        run: which extraction was kept: "recall", "balanced", "plain" (trafilatura's defaults,
            taken because ours was empty or short: the caller says so in provenance) or "" when
            nothing was found.
    """

    text: str
    removed: tuple[str, ...] = ()
    run: str = ""


def main_text(
    tree: HtmlElement | None, url: str | None = None, *, with_removed: bool = True
) -> MainText:
    """Extract the main text of a parsed HTML page.

    The tree is not modified (trafilatura works on copies), so metadata may run before or after.

    Args:
        tree: the page parsed with ``lxml.html.document_fromstring`` (a tree without a body, or
            None, gives an empty result).
        url: the page URL when known.
        with_removed: list every substantial page block left out (one extra pass over the tree,
            about 2 ms per page); False lists only the lines the post-filters dropped (free).

    Returns:
        A MainText; its text is "" when the page has no main text.

    Example:
        >>> import lxml.html
        >>> tree = lxml.html.document_fromstring("<html><body><article><p>" + "Word " * 60
        ...     + "</p></article></body></html>")
        >>> main_text(tree).text.startswith("Word Word")
        True
    """
    if tree is None or tree.find(".//body") is None and tree.tag != "body":
        return MainText(text="")
    repaired = repair_mojibake(tree)
    if repaired is not None:
        tree = repaired
    elements, texts = page_counts(tree)
    fast = texts > FALLBACK_MAX_TEXTS or elements > FALLBACK_MAX_ELEMENTS
    text = run_trafilatura(tree, url, recall=True, fast=fast)
    run = "recall"
    page_chars = page_text_length(tree)
    if len(text) < RECALL_PAGE_SHARE * page_chars:
        balanced = run_trafilatura(tree, url, recall=False, fast=fast)
        if len(text) < RECALL_VS_BALANCED * len(balanced):
            text, run = balanced, "balanced"
    kept, dropped = filter_lines(text, page_titles(tree))
    if kept and sum(len(line) + 1 for line in kept) < RECOVER_PAGE_SHARE * page_chars:
        body = tree.find(".//body")
        kept = recover_blocks(body if body is not None else tree, kept)
    if not any(word_count(line) >= MIN_LINE_WORDS for line in kept):
        kept, dropped = [], dropped + kept
    if sum(len(line) + 1 for line in kept) < PLAIN_FALLBACK_MAX_CHARS:
        kept, dropped, run = _plain_fallback(tree, url, fast, (kept, dropped, run))
    text = "\n".join(kept)
    if not text:
        run = ""
    removed = removed_blocks(tree, text, dropped) if with_removed else tuple(dropped)
    return MainText(text=text, removed=removed, run=run)


def _plain_fallback(
    tree: HtmlElement, url: str | None, fast: bool, ours: tuple[list[str], list[str], str]
) -> tuple[list[str], list[str], str]:
    """trafilatura's plain lines instead of ours (kept, dropped, run) when much longer."""
    kept, dropped, _ = ours
    text = run_trafilatura_plain(tree, url, fast=fast)
    plain, plain_dropped = filter_lines(text, page_titles(tree))
    if not any(word_count(line) >= MIN_LINE_WORDS for line in plain):
        return ours
    kept_chars = sum(len(line) + 1 for line in kept)
    if sum(len(line) + 1 for line in plain) < PLAIN_VS_OURS * max(kept_chars, 1):
        return ours
    plain_set = set(plain)
    return (
        plain,
        plain_dropped + [line for line in kept + dropped if line not in plain_set],
        "plain",
    )
