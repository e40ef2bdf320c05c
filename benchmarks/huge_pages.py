"""Extraction time of huge and pathological invented pages (issue 14 item 3): CPU seconds of
`extract()` per page, each page in a fresh process so that one stall does not hide the next.

    .venv/bin/python -m benchmarks.huge_pages [--timeout 300]

Pages: an article of N MB of paragraphs; one tag with N attributes; N short date items (jusText's
quadratic neighbour search); 19 MB of empty spans with three attributes each.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"

_PAGES = {
    "article 5 MB": "big(5)",
    "article 19 MB": "big(19)",
    "one tag, 100k attributes": "attributes(100_000)",
    "one tag, 1M attributes": "attributes(1_000_000)",
    "5,000 short date items": "dates(5_000)",
    "333k empty spans, 1M attributes": "spans(333_000)",
}

_CHILD = """
import sys, time
sys.path.insert(0, {tests!r})
from conftest import html_page, paragraphs
from newsweave.extract import extract
from newsweave.model import RawDocument

def big(mb):
    blocks, size, i = [], 0, 0
    while size < mb * 1_000_000:
        block = "<div><p>" + " ".join(paragraphs(1000 + i % 500)) + f" ({{i}})</p></div>"
        blocks.append(block); size += len(block); i += 1
    return html_page(7).replace("</article>", "".join(blocks) + "</article>")

def attributes(n):
    attrs = " ".join(f'data-a{{i}}="v{{i}}"' for i in range(n))
    return html_page(8).replace("<article>", f"<article {{attrs}}>")

def dates(n):
    items = "".join(f'<span class="date">{{1 + i % 28}} March 2024</span>'
                    f'<p class="info">posted 2024-03-{{1 + i % 28:02d}}</p>' for i in range(n))
    return html_page(10).replace("</article>", "</article>" + items)

def spans(n):
    items = "".join(f'<span class="c{{i}}" id="i{{i}}" data-x="{{i}}"></span>' for i in range(n))
    return html_page(9).replace("</article>", "</article>" + items)

extract(RawDocument("warm.html", html_page(1).encode(), "html"))
data = ({page}).encode()
start = time.process_time()
article = extract(RawDocument("page.html", data, "html"))
print(f"{{len(data) / 1e6:.1f}} MB, {{time.process_time() - start:.2f}} s CPU, "
      f"{{len(article.text):,}} characters kept")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per page")
    args = parser.parse_args()
    for name, page in _PAGES.items():
        code = _CHILD.format(tests=str(TESTS), page=page)
        try:
            done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  timeout=args.timeout)  # fmt: skip
            result = done.stdout.strip() or done.stderr.strip().splitlines()[-1]
        except subprocess.TimeoutExpired:
            result = f"not finished after {args.timeout:g} s"
        print(f"{name}: {result}", flush=True)


if __name__ == "__main__":
    main()
