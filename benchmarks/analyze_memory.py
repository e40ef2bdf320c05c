"""Peak memory of `newsweave analyze` by the number of articles (issue 16, item 4).

A store of N synthetic stream articles (`benchmarks.stream`: ECB+ dev texts, a third of
the words renamed and the dates moved a month per pass of 772) is made by `newsweave ingest`
of one JSON Lines file (text, title, outlet, published), and every article is given a reading
whose entities are its capitalised words, the stand-in the incremental benchmark uses (spaCy
over 10,000 articles takes about an hour here, and the read stage holds one batch at a time
whatever N is). Then `newsweave analyze` of the same file into a copy of that store, under
`/usr/bin/time -v`: every input is stored and read already, so the run extracts the records
again (their articles count as duplicates), groups the whole store from scratch (the store has
no stories: split and nine consensus runs), checks every story and writes the report of all N
articles (`--out`). Peak RSS is GNU time's "Maximum resident set size" (the largest single
process, the consensus workers included); CPU is user + sys of the run and its children.

With `--code DIR` (a checkout's `src`, put first on PYTHONPATH) the analyses run that code
too, on copies of the same stores, alternating: before and after in one run.
The texts are third-party (ECB+): they are written under /tmp only.

Run: .venv/bin/python -m benchmarks.analyze_memory 1000 10000 [--code /tmp/main/src] [--keep DIR]
     (--build-only: make the stores under --keep DIR; --given-only: run only the --code one)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

# The stream's dates start in 2026 and run a month a pass; an import refuses a date in the
# future, so every date is moved this many days back (as the incremental benchmark does).
SHIFT_DAYS = 3 * 365
_RECORD = re.compile(r"#(\d+)$")
_GENERATED = re.compile(rb'\n  "generated": "[^"]*",')


def _shifted(iso: str | None) -> str | None:
    return (date.fromisoformat(iso) - timedelta(days=SHIFT_DAYS)).isoformat() if iso else None


def write_inputs(path: Path, n: int) -> list[tuple[str, ...]]:
    """The first n stream articles as one JSON Lines file; each one's entities, by line."""
    from .stream import stream

    entities = []
    with open(path, "w", encoding="utf-8") as f:
        for it in stream(n):
            rec = {"text": it.text, "title": it.title, "outlet": it.outlet,
                   "published": _shifted(it.published)}  # fmt: skip
            f.write(json.dumps(rec) + "\n")
            entities.append(tuple(it.entities))
    return entities


def build_store(db: Path, inputs: Path, entities: list[tuple[str, ...]]) -> None:
    """`newsweave ingest` of the inputs, then a stand-in reading for every stored article."""
    from newsweave.model import Entity, Reading
    from newsweave.store import SQLiteStore
    from newsweave.versions import READER_VERSION

    cmd = [sys.executable, "-m", "newsweave.cli", "ingest", str(inputs), "--db", str(db),
           "--offline", "--quiet"]  # fmt: skip
    subprocess.run(cmd, check=True, capture_output=True)
    with SQLiteStore(db) as store:
        for article in store.articles():
            line = int(_RECORD.search(article.source).group(1))
            ents = tuple(Entity(e, "ORG", e, 0, 0) for e in entities[line])
            store.add_reading(Reading(article_id=article.id, entities=ents), READER_VERSION)


def timed_analyze(inputs: Path, db: Path, out: Path, code: str | None) -> dict[str, float]:
    """`newsweave analyze` under /usr/bin/time -v: peak RSS (MB), CPU and wall seconds."""
    env = dict(os.environ)
    if code:
        env["PYTHONPATH"] = code
    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "newsweave.cli", "analyze", str(inputs),
           "--db", str(db), "--offline", "--quiet", "--out", str(out)]  # fmt: skip
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    got = dict(
        line.strip().split(": ", 1) for line in done.stderr.splitlines() if ": " in line.strip()
    )
    wall = got["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
    return {
        "peak RSS MB": round(int(got["Maximum resident set size (kbytes)"]) / 1024, 1),
        "CPU s": round(float(got["User time (seconds)"]) + float(got["System time (seconds)"]), 1),
        "wall s": round(sum(float(x) * 60**k for k, x in enumerate(reversed(wall))), 1),
        "report MB": round(out.stat().st_size / 2**20, 1),
        # the report less its one timestamp line: equal digests, equal reports
        "report sha256": hashlib.sha256(_GENERATED.sub(b"", out.read_bytes())).hexdigest()[:12],
    }


def main() -> None:
    args = sys.argv[1:]
    code = keep = None
    if "--code" in args:
        at = args.index("--code")
        code = args[at + 1]
        del args[at : at + 2]
    if "--keep" in args:
        at = args.index("--keep")
        keep = Path(args[at + 1])
        del args[at : at + 2]
    # to run the two codes at once (each in its own process) on stores built once
    build_only, given_only = "--build-only" in args, "--given-only" in args
    args = [a for a in args if a not in ("--build-only", "--given-only")]
    sizes = [int(a) for a in args] or [1000, 10000]
    work = keep or Path(tempfile.mkdtemp(prefix="newsweave-memory-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for n in sizes:
            inputs, base = work / f"in{n}.jsonl", work / f"base{n}.db"
            if not base.exists():
                build_store(base, inputs, write_inputs(inputs, n))
            if build_only:
                continue
            codes = ([("given code", code)] if code else []) + [("this code", None)]
            for name, path in codes[:1] if given_only else codes:
                tag = "given" if path else "this"
                db = work / f"{tag}{n}.db"
                shutil.copy(base, db)
                row = {"articles": n, "code": name, **timed_analyze(inputs, db,
                       work / f"r-{tag}{n}.json", path)}  # fmt: skip
                rows.append(row)
                print(json.dumps(row), file=sys.stderr, flush=True)  # as it goes
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
