"""Recovery of article blocks trafilatura dropped, for extract/maintext.py (private).

When the kept text is a small share of the page, the kept lines are mapped back to their page
blocks, the lowest element holding most of them is taken as the article container, and the
container's other blocks are added back when they read as prose or are data tables, never when
they sit in navigation, asides, footers, comment or related-link boxes.
(a restaurant guide whose cards, each inside its own <article> teaser, were all dropped but the
intro; a price table inside an embed div; an article cut short after an embedded video)

Measured on the 793 WCXB dev article pages (word F1 of main_text, 187 pages pass the gate):
0.9481 -> 0.9511 (21 pages better, 9 worse); thresholds chosen on 4 of 5 folds by host score
0.9515 on the held-out folds (0.9485 without recovery). Per rule: prose blocks alone +0.0029
(21 better, 8 worse), data tables alone +0.0002 (1 better, 1 worse), headings before a recovered
block +0.0001 on top of prose.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from lxml.html import HtmlElement

from ..vocab import FREQUENT_FUNCTION_WORDS
from .maintext_filters import block_text, norm_words
from .maintext_runs import INVISIBLE_TAGS

# Blocks read as one unit (a table is read whole, by cells).
_BLOCK_TAGS = frozenset(
    ("p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "table")
)
_HEADING_TAGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
# Tags whose content is never article text.
_CHROME_TAGS = frozenset(
    ("nav", "footer", "aside", "form", "header", "menu", "button", "select", *INVISIBLE_TAGS,
     "figure", "figcaption")
)  # fmt: skip
# Class/id words of boxes around an article that are not the article.
CHROME_CLASS_WORDS = (
    "ad",
    "ads",
    "advert",
    "author",
    "banner",
    "bio",
    "breadcrumb",
    "byline",
    "caption",
    "credit",
    "cta",
    "comment",
    "comments",
    "cookie",
    "disclaimer",
    "footer",
    "menu",
    "modal",
    "nav",
    "newsletter",
    "paywall",
    "popup",
    "promo",
    "recommended",
    "related",
    "restricted",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsored",
    "subscribe",
    "subscription",
    "toc",
    "widget",
)
# Thresholds tuned on the WCXB dev articles (`newsweave bench extract` scores them). A 5-fold
# cross-validation by host gave 0.9515 mean F1 held out vs 0.951 tuned on all; that script was
# not kept in the repo, so only the tuned-on-all figure is reproducible here.
# Recover only when the kept text is less than this share of the page's visible text.
RECOVER_PAGE_SHARE = 0.6
# The container is the lowest element holding this share of the kept blocks' characters.
CONTAINER_SHARE = 0.7
# Only kept blocks this long place the container (a menu item "News" is found in any text).
MATCH_MIN_WORDS = 8
# At least this many kept blocks must be found in the page to trust the container.
MIN_MATCHED_BLOCKS = 1
# A prose block: this many words, this share of stop words, at most this share of link text,
# and sentence punctuation.
PROSE_MIN_WORDS = 8
PROSE_MIN_STOP_SHARE = 0.15
MAX_LINK_SHARE = 0.4
# A data table: this many rows of at least two cells.
TABLE_MIN_ROWS = 2
# A heading is kept when the block after it is recovered and it has at most this many words.
HEADING_MAX_WORDS = 15

_SENTENCE_END = re.compile(r"[.!?:;][\"'\u201d\u2019)]?(\s|$)")
_CLASS_SPLIT = re.compile(r"[^a-z0-9]+")
_STOP = frozenset(FREQUENT_FUNCTION_WORDS)
_CHROME_CLASSES = frozenset(CHROME_CLASS_WORDS)


@dataclass(frozen=True, slots=True)
class _Block:
    element: HtmlElement
    text: str
    norm: str
    # words with element boundaries as spaces: "Dumbbells</h4><p>Brand" kept as two words
    spaced: str


def _blocks(root: HtmlElement) -> list[_Block]:
    """Innermost block elements under root in page order (a table counts whole)."""
    invisible = set(root.iter(*INVISIBLE_TAGS))
    hidden = {d for e in invisible for d in e.iter(*_BLOCK_TAGS)}
    candidates = [e for e in root.iter(*_BLOCK_TAGS) if e not in hidden]
    outer: set[HtmlElement] = set()
    in_table: set[HtmlElement] = set()
    for element in candidates:
        for ancestor in element.iterancestors(*_BLOCK_TAGS):
            outer.add(ancestor)
            if ancestor.tag == "table":
                in_table.add(element)
    out = []
    for element in candidates:
        if element in in_table or (element in outer and element.tag != "table"):
            continue
        text = block_text(element)
        if text:
            out.append(
                _Block(element, text, norm_words(text), norm_words(" ".join(element.itertext())))
            )
    return out


def _is_chrome_box(element: HtmlElement) -> bool:
    """Navigation, aside, related, comment or paywall box.

    Boxes hidden by style are not skipped: collapsed FAQ answers and tabs are article text.
    """
    if element.tag in _CHROME_TAGS or element.get("hidden") is not None:
        return True
    names = f"{element.get('class', '')} {element.get('id', '')}".lower()
    if not names.strip():
        return False
    return any(word in _CHROME_CLASSES for word in _CLASS_SPLIT.split(names))


def _inside_chrome(element: HtmlElement, container: HtmlElement) -> bool:
    node = element
    while node is not None and node is not container:
        if _is_chrome_box(node):
            return True
        node = node.getparent()
    return False


def _link_share(element: HtmlElement, length: int) -> float:
    linked = sum(len(block_text(a)) for a in element.iter("a"))
    return linked / max(length, 1)


def _is_prose(block: _Block) -> bool:
    words = block.norm.split()
    if len(words) < PROSE_MIN_WORDS:
        return False
    if sum(w in _STOP for w in words) < PROSE_MIN_STOP_SHARE * len(words):
        return False
    if _link_share(block.element, len(block.text)) > MAX_LINK_SHARE:
        return False
    return _SENTENCE_END.search(block.text) is not None


def _table_lines(table: HtmlElement) -> list[str]:
    """Row texts of a data table (cells joined by " | "), or [] for a layout or link table."""
    rows = []
    for row in table.iter("tr"):
        cells = [block_text(c) for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
        if len([c for c in cells if c]) >= 2:
            rows.append(" | ".join(c for c in cells if c))
    if len(rows) < TABLE_MIN_ROWS or table.find(".//table") is not None:
        return []
    if _link_share(table, len(block_text(table))) > MAX_LINK_SHARE:
        return []
    return rows


def _container(blocks: list[_Block], matched: list[int]) -> HtmlElement | None:
    weight: dict[HtmlElement, int] = {}
    depth: dict[HtmlElement, int] = {}
    total = 0
    for i in matched:
        chars = len(blocks[i].text)
        total += chars
        chain = list(blocks[i].element.iterancestors())
        for d, ancestor in enumerate(reversed(chain)):
            weight[ancestor] = weight.get(ancestor, 0) + chars
            depth[ancestor] = d
    best = None
    for element, chars in weight.items():
        if chars >= CONTAINER_SHARE * total and (best is None or depth[element] > depth[best]):
            best = element
    return best


def _in_kept(block: _Block, kept: str) -> bool:
    """The block's text (a table's: most of its cells) is already in the kept text."""
    if block.element.tag != "table":
        return f" {block.norm} " in kept or f" {block.spaced} " in kept
    cells = [norm_words(c.text_content()) for c in block.element.iter("td", "th")]
    cells = [c for c in cells if c]
    return sum(f" {c} " in kept for c in cells) >= 0.5 * max(len(cells), 1)


def _locate(blocks: list[_Block], kept: str, starts: list[int]) -> dict[int, int]:
    """Blocks found in the kept text (long enough to place it): block index -> kept line index."""
    located: dict[int, int] = {}
    for i, block in enumerate(blocks):
        if block.norm.count(" ") + 1 < MATCH_MIN_WORDS:
            continue
        at = kept.find(f" {block.norm} ")
        if at < 0:
            at = kept.find(f" {block.spaced} ")
        if at >= 0:
            located[i] = bisect_right(starts, at + 1) - 1
    return located


def recover_blocks(body: HtmlElement, lines: list[str]) -> list[str]:
    """The kept lines with the article container's dropped prose and table blocks added back.

    Args:
        body: the page body (read only).
        lines: the kept main-text lines, in order.

    Returns:
        The lines in page order with recovered lines inserted after the kept line before them;
        the input lines unchanged when no container is found.
    """
    if not lines:
        return lines
    norms = [norm_words(line) for line in lines]
    kept = " " + " ".join(norms) + " "
    # character offset of each kept line in `kept`, to place a recovered block after its line
    starts = []
    position = 1
    for norm in norms:
        starts.append(position)
        position += len(norm) + 1
    blocks = _blocks(body)
    located = _locate(blocks, kept, starts)
    if len(located) < MIN_MATCHED_BLOCKS:
        return lines
    container = _container(blocks, list(located))
    if container is None:
        return lines
    in_container = set(container.iter(*_BLOCK_TAGS))
    inside = [i for i, b in enumerate(blocks) if b.element in in_container]
    added: dict[int, list[str]] = {}
    anchor = -1  # insert before the first kept line until a kept block is passed
    pending_heading: str | None = None
    seen: set[str] = set()
    for i in inside:
        block = blocks[i]
        if i in located:
            anchor = located[i]
            pending_heading = None
            continue
        if _inside_chrome(block.element, container) or _in_kept(block, kept):
            continue
        if block.norm in seen:
            continue  # responsive templates repeat the body once per screen size
        seen.add(block.norm)
        if block.element.tag == "table":
            new = _table_lines(block.element)
        elif block.element.tag in _HEADING_TAGS:
            if len(block.norm.split()) <= HEADING_MAX_WORDS:
                pending_heading = block.text
            continue
        else:
            new = [block.text] if _is_prose(block) else []
        if new:
            if pending_heading is not None:
                new = [pending_heading, *new]
                pending_heading = None
            added.setdefault(anchor, []).extend(new)
    if not added:
        return lines
    out = list(added.get(-1, ()))
    for k, line in enumerate(lines):
        out.append(line)
        out.extend(added.get(k, ()))
    return out
