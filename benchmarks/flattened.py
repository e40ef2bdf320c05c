"""Benchmark for already-flattened pages: WCXB pages turned into scraper-style text.

A scraper that saves "the text of the page" keeps every visible block, menus and footers
included, one block per line. `flatten_page` reproduces that from the WCXB HTML so the
scraped-text cleaner can be scored against WCXB's main_content.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import lxml.html
from lxml import etree

from .scoring import word_f1
from .wcxb import Page

# Never visible as text: code, styling, fallbacks, templates, embedded graphics.
_SKIP_TAGS = frozenset(
    ("script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object")
)
# Elements a browser lays out as blocks: each starts and ends a line of the saved text.
_BLOCK_TAGS = frozenset(
    (
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
        "main", "menu", "nav", "ol", "option", "p", "pre", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    )
)  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def _hidden(el: etree._Element) -> bool:
    """Elements the page itself marks invisible (hidden attribute, inline display:none)."""
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def flatten_page(html: str) -> str:
    """The visible text of a page, one block per line, as a scraper saves it.

    Every block-level text of the body is kept (nav, header, footer and aside included);
    script, style, noscript and template content is not. Whitespace inside a block collapses
    to single spaces; `<br>` and the line breaks of `<pre>` end a line.

    Args:
        html: the page's HTML.

    Returns:
        The lines joined with "\\n" (no empty lines).
    """
    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    lines: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        line = _SPACE.sub(" ", "".join(parts)).strip()
        parts.clear()
        if line:
            lines.append(line)

    def add(text: str | None, pre: bool) -> None:
        if not text:
            return
        if pre and "\n" in text:
            chunks = text.split("\n")
            for chunk in chunks[:-1]:
                parts.append(chunk)
                flush()
            parts.append(chunks[-1])
        else:
            parts.append(text)

    def walk(el: etree._Element, pre: bool) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag:  # comment or processing instruction: not shown, but its tail is
            return
        tag = tag.lower()
        if tag in _SKIP_TAGS or _hidden(el):
            return
        if tag == "br":
            flush()
            return
        block = tag in _BLOCK_TAGS
        pre = pre or tag in ("pre", "textarea")
        if block:
            flush()
        add(el.text, pre)
        for child in el:
            walk(child, pre)
            add(child.tail, pre)
        if block:
            flush()

    body = root.find("body")
    walk(body if body is not None else root, False)
    flush()
    return "\n".join(lines)


def _score(
    name: str, pages: list[Page], predict: Callable[[int, Page, str], str], flat: list[str]
) -> dict:
    """Mean word precision/recall/F1 of one system over the pages."""
    sums = [0.0, 0.0, 0.0]
    for i, page in enumerate(pages):
        p, r, f = word_f1(predict(i, page, flat[i]), page.main_content)
        sums[0] += p
        sums[1] += r
        sums[2] += f
    n = max(len(pages), 1)
    return {
        "system": name,
        "word_f1": round(sums[2] / n, 4),
        "precision": round(sums[0] / n, 4),
        "recall": round(sums[1] / n, 4),
    }


def justext_lines(text: str) -> str:
    """jusText over flattened text: each line becomes one <p>, English stoplist."""
    import html as html_lib

    import justext

    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return ""
    doc = "<html><body>" + "".join(f"<p>{html_lib.escape(ln)}</p>" for ln in lines)
    doc += "</body></html>"
    paragraphs = justext.justext(doc.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def cross_validated_cleaner(
    pages: list[Page], flat: list[str], folds: int = 5
) -> Callable[[int, Page, str], str]:
    """A predictor whose model for page i was trained on the other folds only (by site)."""
    from newsweave.extract.scraped import clean_with_weights
    from newsweave.extract.scraped_train import fold_of, train_weights

    assignment = [fold_of(page.url or page.id, folds) for page in pages]
    models = []
    for k in range(folds):
        train = [(flat[i], pages[i].main_content) for i in range(len(pages)) if assignment[i] != k]
        models.append(train_weights(train))

    def predict(i: int, page: Page, text: str) -> str:
        return clean_with_weights(text, models[assignment[i]]).text

    return predict


def run_flattened(pages: list[Page], folds: int = 5) -> list[dict]:
    """Score the floor, jusText and our cleaner on the flattened pages.

    Our cleaner is scored by k-fold cross-validation grouped by site (host), so no page is
    cleaned by weights that saw it or its site.

    Args:
        pages: WCXB pages (HTML and main_content).
        folds: number of cross-validation folds for our cleaner.

    Returns:
        Rows {"system", "word_f1", "precision", "recall"}, one per system.
    """
    flat = [flatten_page(page.html) for page in pages]
    cleaner = cross_validated_cleaner(pages, flat, folds)
    return [
        _score("floor (no cleaning)", pages, lambda i, p, t: t, flat),
        _score("jusText (one paragraph per line)", pages, lambda i, p, t: justext_lines(t), flat),
        _score("newsweave cleaner", pages, cleaner, flat),
    ]


def flatten_all(pages: Iterable[Page]) -> list[str]:
    """Flatten many pages (helper for the training script)."""
    return [flatten_page(page.html) for page in pages]
