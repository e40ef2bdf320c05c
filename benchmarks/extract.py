"""`newsweave bench extract`: main text, metadata, flattened text and speed on WCXB article pages,
next to trafilatura (and jusText for flattened text) in the same run.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from .report import prepend, section, table, versions
from .wcxb import Page, load_pages

_NOTES = (
    "How to read it: main text and flattened text score each page's word multiset (lower-cased "
    "`\\w+` tokens, as WCXB's own evaluate.py) against `main_content` and average over pages. "
    'The trafilatura rows are run in the same call; "include_comments=False" is what '
    "`bare_extraction` returns, and is the 0.937 quoted for trafilatura's defaults. Metadata "
    "accuracy: titles casefolded with quotes, dashes and whitespace normalised; authors compared "
    "as sets of names (honorifics and credentials dropped); dates as YYYY-MM-DD (a month-only "
    "truth matches any day of it); an empty truth field counts as correct only when the system "
    "also says nothing (definitions in `benchmarks/metadata.py`). The flattened-text "
    "cleaner's row is 5-fold cross-validated by site: each page is cleaned with weights trained "
    "on the other folds (`benchmarks/train_scraped.py` retrains the shipped weights). Speed is "
    "one process, the systems alternating blocks of 25 pages."
)
_BLOCK = 25  # pages per timing block; systems alternate block by block so noise hits both


def speed_rows(pages: list[Page]) -> list[dict[str, Any]]:
    """Pages per second on one core: our whole HTML extraction (text + metadata) against
    trafilatura's bare_extraction(with_metadata=True), alternating blocks of pages."""
    from trafilatura import bare_extraction

    from newsweave.extract.html import extract_html

    def ours(p: Page) -> None:
        extract_html(p.html, url=p.url)

    def trafilatura(p: Page) -> None:
        bare_extraction(p.html, url=p.url, with_metadata=True)

    systems = {"newsweave extract_html": ours, "trafilatura bare_extraction": trafilatura}
    spent = dict.fromkeys(systems, 0.0)
    for start in range(0, len(pages), _BLOCK):
        block = pages[start : start + _BLOCK]
        for name, fn in systems.items():
            t = time.perf_counter()
            for p in block:
                fn(p)
            spent[name] += time.perf_counter() - t
    base = len(pages) / spent["trafilatura bare_extraction"]
    rows = []
    for name, seconds in spent.items():
        rate = len(pages) / seconds
        rows.append({"system": name, "pages_per_s": rate, "ratio": rate / base})
    return rows


def run_bench(
    data_dir: Path | None = None,
    limit: int | None = None,
    out: Path = Path("docs/benchmarks.md"),
    console: Any = None,
) -> str:
    """Run every extraction benchmark and prepend the results to `out`.

    Raises:
        FileNotFoundError: the WCXB data is absent.
    """
    from .flattened import run_flattened
    from .maintext import run_maintext
    from .metadata import run_metadata

    say = console.print if console is not None else print
    pages = list(load_pages(data_dir, limit))
    say(f"WCXB: {len(pages)} article pages")
    f1_columns = [("system", "system", ""), ("word_f1", "F1", ".3f"),
                  ("precision", "precision", ".3f"), ("recall", "recall", ".3f")]  # fmt: skip
    benches = [
        ("Main text (word-multiset F1 against `main_content`, mean per page)",
         run_maintext, f1_columns),
        ("Metadata (accuracy, exact after normalisation)", run_metadata,
         [("system", "system", ""), ("title", "title", ".3f"), ("author", "author", ".3f"),
          ("date", "publication date", ".3f")]),
        ("Flattened text (the page's visible text, one block per line, as a scraper saves it)",
         run_flattened, f1_columns),
        ("Speed (one core, text + metadata, same pages, alternating blocks)", speed_rows,
         [("system", "system", ""), ("pages_per_s", "pages/s", ".1f"),
          ("ratio", "× trafilatura", ".2f")]),
    ]  # fmt: skip
    parts = []
    for heading, bench, columns in benches:
        say(f"{heading.split(' (')[0]} ...")
        parts.append(f"### {heading}\n\n" + table(bench(pages), columns))

    body = (
        f"Data: WCXB dev, {len(pages)} article pages (../shared/data/wcxb-articles). "
        f"Versions: {versions('trafilatura', 'justext', 'htmldate')}.\n\n"
        + "\n\n".join(parts)
        + "\n\n"
        + _NOTES
    )
    text = section("Extraction (WCXB)", body)
    prepend(out, text)
    say(text)
    return text
