"""Main-text benchmark: our extractor against trafilatura, side by side on the same pages.

Run (one core, the numbers in the report):
    taskset -c 0 .venv/bin/python -m benchmarks.maintext [--limit N] [--worst K]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass

import lxml.html

from .scoring import word_f1
from .wcxb import Page, load_pages

Extractor = Callable[[Page], str]


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page's score for one system."""

    page_id: str
    url: str | None
    precision: float
    recall: float
    f1: float
    chars: int


def _trafilatura(**options: object) -> Extractor:
    """trafilatura.extract with the given options (txt output)."""
    from trafilatura import extract

    def run(page: Page) -> str:
        return extract(page.html, url=page.url, **options) or ""

    return run


def _trafilatura_with_metadata(page: Page) -> str:
    """The speed reference: trafilatura's whole HTML extraction, metadata included."""
    from trafilatura import bare_extraction

    document = bare_extraction(page.html, url=page.url, with_metadata=True)
    return (document.text or "") if document is not None else ""


def _ours(page: Page) -> str:
    """Our main text, the page parsed once as the caller does."""
    from newsweave.extract.maintext import main_text

    return main_text(lxml.html.document_fromstring(page.html), page.url).text


def _ours_with_metadata(page: Page) -> str:
    """Our main text after trafilatura's metadata on the same tree (the HTML extractor's cost)."""
    from trafilatura.metadata import extract_metadata

    from newsweave.extract.maintext import main_text

    tree = lxml.html.document_fromstring(page.html)
    extract_metadata(tree, page.url)
    return main_text(tree, page.url).text


def systems() -> dict[str, Extractor]:
    """The systems compared, by name."""
    return {
        "trafilatura (defaults)": _trafilatura(),
        "trafilatura include_comments=False": _trafilatura(include_comments=False),
        "trafilatura favor_recall": _trafilatura(favor_recall=True),
        "newsweave main_text": _ours,
        "trafilatura bare_extraction+metadata": _trafilatura_with_metadata,
        "newsweave main_text+trafilatura metadata": _ours_with_metadata,
    }


def score_pages(pages: list[Page], extractor: Extractor) -> tuple[list[PageScore], float]:
    """Per-page scores of one system and its throughput (pages per second, this process).

    Args:
        pages: the pages.
        extractor: page -> main text.

    Returns:
        (one PageScore per page in input order, pages per second).
    """
    texts = []
    start = time.perf_counter()
    for page in pages:
        texts.append(extractor(page))
    seconds = time.perf_counter() - start
    scores = []
    for page, text in zip(pages, texts, strict=True):
        p, r, f = word_f1(text, page.main_content)
        scores.append(PageScore(page.id, page.url, p, r, f, len(text)))
    return scores, len(pages) / seconds if seconds > 0 else float("inf")


def run_maintext(pages: list[Page], names: list[str] | None = None) -> list[dict]:
    """Score every system on the same pages, in one call.

    Args:
        pages: the pages (all systems see the same ones, in the same order).
        names: a subset of systems() to run; all by default.

    Returns:
        One row per system: {"system", "word_f1", "precision", "recall", "pages_per_s"}
        (means over the pages).
    """
    if not pages:
        raise ValueError("run_maintext needs at least one page")
    table = systems()
    rows = []
    for name in names or list(table):
        scores, rate = score_pages(pages, table[name])
        n = len(scores)
        rows.append(
            {
                "system": name,
                "word_f1": sum(s.f1 for s in scores) / n,
                "precision": sum(s.precision for s in scores) / n,
                "recall": sum(s.recall for s in scores) / n,
                "pages_per_s": rate,
            }
        )
    return rows


def worst_pages(pages: list[Page], extractor: Extractor = _ours, k: int = 20) -> list[PageScore]:
    """The k pages where a system scores lowest: the per-page diagnostic list."""
    scores, _ = score_pages(pages, extractor)
    return sorted(scores, key=lambda s: s.f1)[:k]


def main() -> None:
    """Print the comparison table (and optionally our worst pages)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
    parser.add_argument("--worst", type=int, default=0, help="also list our K worst pages")
    parser.add_argument("--system", action="append", help="run only these systems (repeatable)")
    args = parser.parse_args()
    pages = list(load_pages(limit=args.limit))
    print(f"{len(pages)} pages")
    print(f"{'system':44} {'F1':>7} {'P':>7} {'R':>7} {'pages/s':>8}")
    for row in run_maintext(pages, args.system):
        print(
            f"{row['system']:44} {row['word_f1']:7.4f} {row['precision']:7.4f}"
            f" {row['recall']:7.4f} {row['pages_per_s']:8.1f}",
            flush=True,
        )
    for s in worst_pages(pages, k=args.worst) if args.worst else ():
        print(f"{s.f1:.3f} P{s.precision:.3f} R{s.recall:.3f} {s.page_id} {s.chars:6d} {s.url}")


if __name__ == "__main__":
    main()
