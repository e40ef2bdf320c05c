"""Train the scraped-text cleaner's weights on the WCXB dev pages (flattened).

    .venv/bin/python benchmarks/train_scraped.py            # writes src/newsweave/data/...
    .venv/bin/python benchmarks/train_scraped.py --cv 5     # also prints the 5-fold scores

The shipped weights are trained on all pages; the benchmark scores (newsweave bench,
`run_flattened`) are cross-validated by site, never on pages the weights saw.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from benchmarks.flattened import flatten_page, run_flattened
from benchmarks.wcxb import load_pages
from newsweave.extract.scraped_train import train_weights

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/newsweave/data/scraped_weights.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="WCXB folder (default ../shared)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument("--epochs", type=int, default=6, help="SGD passes per stage")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="weights JSON to write")
    parser.add_argument("--cv", type=int, default=0, help="also print k-fold scores (k >= 2)")
    args = parser.parse_args()

    start = time.perf_counter()
    pages = list(load_pages(args.data, limit=args.limit))
    model = train_weights(
        ((flatten_page(p.html), p.main_content) for p in pages), epochs=args.epochs
    )
    args.out.write_text(json.dumps(model.to_dict(), indent=1, sort_keys=True) + "\n", "utf-8")
    print(f"trained on {len(pages)} pages in {time.perf_counter() - start:.0f} s -> {args.out}")
    if args.cv:
        for row in run_flattened(pages, folds=args.cv):
            print(json.dumps(row))


if __name__ == "__main__":
    main()
