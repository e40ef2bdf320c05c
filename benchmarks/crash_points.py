"""SIGKILL at every point of tests/crash_run.py's POINTS (20: extraction, store writes,
reading, grouping, the checks, the story write, the report writes), then a rerun: is the store
and the report equal to a clean run's? Two runs at once on one store, on the same inputs and on
two halves, likewise. Prints one line per point; tests/test_crash.py runs a few of them.

    .venv/bin/python -m benchmarks.crash_points [--keep DIR] [--only TEXT]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path.insert(0, str(TESTS))

import crash_run  # noqa: E402
import test_crash as t  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="work in this folder (kept) instead of a temporary one")
    parser.add_argument("--only", help="run only the kill points whose name holds this text")
    args = parser.parse_args()
    base = Path(args.keep or tempfile.mkdtemp(prefix="newsweave-crash-"))
    corpus = t.write_corpus(base / "pages")
    t0 = time.perf_counter()
    clean_dir = base / "clean"
    t.finished(t.newsweave(t.analyze_args(corpus, clean_dir / "s.db", clean_dir)))
    clean = t.store_state(clean_dir / "s.db"), t.report(clean_dir)
    rows, failures = [], 0
    for n, (name, target, nth) in enumerate(crash_run.POINTS):
        if args.only and args.only not in name:
            continue
        work = base / f"point{n:02d}"
        argv = t.analyze_args(corpus, work / "s.db", work / "out")
        killed = t.finished(t.newsweave(argv, (target, nth))) == -9
        rerun = t.finished(t.newsweave(argv))
        same = rerun == 0 and (t.store_state(work / "s.db"), t.report(work / "out")) == clean
        failures += not (killed and same)
        rows.append(f"{name}: {'killed' if killed else 'NOT REACHED'}; rerun "
                    f"{'equals the clean run' if same else 'DIFFERS'}")  # fmt: skip
        print(rows[-1], flush=True)
    at_once = (("same inputs", [corpus, corpus]), ("two halves", [corpus / "a", corpus / "b"]))
    for label, halves in at_once if not args.only else ():
        work = base / label.replace(" ", "-")
        runs = [t.newsweave(t.analyze_args(h, work / "s.db", work / f"o{k}"))
                for k, h in enumerate(halves)]  # fmt: skip
        codes = [t.finished(r) for r in runs]
        same = codes == [0, 0] and t.store_content(work / "s.db") == t.store_content(
            clean_dir / "s.db"
        )
        failures += not same
        print(
            f"two runs at once, {label}: exit {codes}; store "
            f"{'equals the clean run' if same else 'DIFFERS'}",
            flush=True,
        )
    print(
        f"{len(rows)} kill points, {failures} failures, "
        f"{time.perf_counter() - t0:.0f} s; work in {base}"
    )
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
