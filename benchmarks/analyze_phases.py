"""A fresh `analyze` with the wall and CPU seconds of each phase (issue 16): extraction,
reading, grouping, and checking with storing, split where the progress callbacks fire
(`on_read_start`, `on_group_start`, the first `on_check`, the end). The CPU columns are this
process's own (the pool's workers are the forkserver's children, not ours: see
benchmarks/workers_speed.py for the whole tree). Prints one JSON object.

    PYTHONPATH=<src> .venv/bin/python -m benchmarks.analyze_phases PAGES DB [WORKERS [LIMIT]]

PAGES is a folder of pages (e.g. links to ../shared/data/wcxb-articles/html, outside the
repository); DB is deleted first. Run two checkouts one after the other on the same pages to
compare them; the stories of both stores can then be compared with sqlite3 (`SELECT data
FROM stories ORDER BY id`).
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from dataclasses import replace
from pathlib import Path


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> None:
    from newsweave import pipeline
    from newsweave.settings import DEFAULTS
    from newsweave.store.sqlite import SQLiteStore

    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.analyze_phases",
        description="A fresh `analyze` of PAGES into DB with the wall and CPU seconds of each "
        "phase (extracted, read, grouped, checked and stored), as one JSON object.",
    )
    ap.add_argument("pages", help="a folder of pages (outside the repository)")
    ap.add_argument("db", help="the SQLite store to write (deleted first)")
    ap.add_argument("workers", nargs="?", type=int, default=2, help="worker processes (2)")
    ap.add_argument("limit", nargs="?", type=int, default=0, help="first N pages (0: all)")
    args = ap.parse_args()
    pages, db, workers, limit = args.pages, args.db, args.workers, args.limit
    files = sorted(str(p) for p in Path(pages).iterdir())[: limit or None]
    for ext in ("", "-wal", "-shm"):
        Path(db + ext).unlink(missing_ok=True)
    marks: list[tuple[str, float, float]] = []

    def mark(name: str) -> None:
        marks.append((name, time.perf_counter(), _cpu()))

    def on_check(_done: int, _total: int) -> None:
        if marks[-1][0] == "read":
            mark("grouped")

    progress = pipeline.ProgressCallbacks(
        on_read_start=lambda _n: mark("extracted"),
        on_group_start=lambda _n: mark("read"),
        on_check=on_check,
    )
    mark("start")
    report = pipeline.analyze(files, SQLiteStore(db), replace(DEFAULTS, workers=workers), progress)
    mark("checked and stored")
    out: dict[str, object] = {"pages": len(files), "stories": len(report.stories)}
    for (_, t0, c0), (name, t1, c1) in zip(marks, marks[1:], strict=False):
        out[name] = {"wall s": round(t1 - t0, 2), "own CPU s": round(c1 - c0, 2)}
    wall = marks[-1][1] - marks[0][1]
    out["total"] = {"wall s": round(wall, 2), "own CPU s": round(marks[-1][2] - marks[0][2], 2)}
    out["pages/s"] = round(len(files) / wall, 2)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
