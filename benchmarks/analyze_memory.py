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
articles (`--out`). Peak RSS is the largest single process's: GNU time's "Maximum resident
set size" (the processes it waited for) or the highest `VmHWM` a sampler read (every 0.2 s)
from any process of the run's tree (worker processes a forkserver starts are not waited for by
the analyze process, so GNU time alone would miss them); beside it the peak of the tree's
summed proportional set size (`Pss`: shared pages split between the processes sharing them),
what the run takes of the machine's memory. CPU is user + sys of the run and the children it
waited for.

With `--code DIR` (a checkout's `src`, put first on PYTHONPATH) the analyses run that code
too, on copies of the same stores, alternating: before and after in one run.
The texts are third-party (ECB+): they are written under /tmp only.

Run: .venv/bin/python -m benchmarks.analyze_memory 1000 10000 [--code /tmp/main/src] [--keep DIR]
     (--build-only: make the stores under --keep DIR; --given-only: run only the --code one)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
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
    """`newsweave analyze` under /usr/bin/time -v: peak RSS (MB, the largest process of the
    run's tree), peak summed PSS (MB), CPU and wall seconds."""
    env = dict(os.environ)
    if code:
        env["PYTHONPATH"] = code
    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "newsweave.cli", "analyze", str(inputs),
           "--db", str(db), "--offline", "--quiet", "--out", str(out)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)  # fmt: skip
    sampler = TreeMemory(proc.pid)
    sampler.start()
    _, stderr = proc.communicate()
    sampler.stop()
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd, stderr=stderr)
    got = dict(line.strip().split(": ", 1) for line in stderr.splitlines() if ": " in line.strip())
    wall = got["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
    waited = int(got["Maximum resident set size (kbytes)"])
    return {
        "peak RSS MB": round(max(waited, sampler.peak_hwm_kb) / 1024, 1),
        "GNU time max RSS MB": round(waited / 1024, 1),
        "peak PSS sum MB": round(sampler.peak_pss_kb / 1024, 1),
        "peak RSS by process MB": sampler.by_kind(),
        "CPU s": round(float(got["User time (seconds)"]) + float(got["System time (seconds)"]), 1),
        "wall s": round(sum(float(x) * 60**k for k, x in enumerate(reversed(wall))), 1),
        "report MB": round(out.stat().st_size / 2**20, 1),
        # the report less its one timestamp line: equal digests, equal reports
        "report sha256": hashlib.sha256(_GENERATED.sub(b"", out.read_bytes())).hexdigest()[:12],
    }


class TreeMemory:
    """Samples the memory of a process and all its descendants from /proc every `every`
    seconds: the highest `VmHWM` (peak RSS) of any one of them, and the highest sum of their
    `Pss`."""

    def __init__(self, root: int, every: float = 0.2) -> None:
        self.root, self.every = root, every
        self.peak_hwm_kb = self.peak_pss_kb = 0
        self._hwm: dict[int, tuple[str, int]] = {}  # pid -> (what it runs, VmHWM kB)
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def by_kind(self) -> dict[str, float]:
        """The highest VmHWM (MB) per kind of process (its command line, shortened)."""
        out: dict[str, float] = {}
        for kind, kb in self._hwm.values():
            out[kind] = max(out.get(kind, 0.0), round(kb / 1024, 1))
        return out

    def _run(self) -> None:
        while not self._done.wait(self.every):
            pss = 0
            for pid, ppid in _tree(self.root):
                status = _read(f"/proc/{pid}/status")
                hwm = re.search(r"VmHWM:\s+(\d+)", status)
                if hwm is None:
                    continue  # gone, or a zombie
                kind = _kind(_read(f"/proc/{pid}/cmdline"), ppid == self.root)
                self._hwm[pid] = (kind, int(hwm.group(1)))
                self.peak_hwm_kb = max(self.peak_hwm_kb, int(hwm.group(1)))
                got = re.search(r"^Pss:\s+(\d+)", _read(f"/proc/{pid}/smaps_rollup"), re.M)
                pss += int(got.group(1)) if got else 0
            self.peak_pss_kb = max(self.peak_pss_kb, pss)


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def _kind(cmdline: str, under_time: bool) -> str:
    """What a process runs, from its command line (time, analyze, forkserver, worker...)."""
    args = cmdline.split("\0")
    if args[0].endswith("time"):
        return "time"
    if "newsweave.cli" in args:
        return "analyze" if under_time else "forked from analyze"
    text = " ".join(args)
    if "forkserver" in text:
        return "forkserver (and its workers)"
    if "spawn_main" in text:
        return "spawned worker"
    return text[:60]


def _tree(root: int) -> list[tuple[int, int]]:
    """(pid, parent pid) of `root` and its descendants (by the parent ids in /proc/*/stat)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _read(f"/proc/{entry}/stat")
            if stat:
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [(root, 0)]
    while todo:
        pid, ppid = todo.pop()
        out.append((pid, ppid))
        todo += [(c, pid) for c in children.get(pid, [])]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.analyze_memory",
        description="Peak memory (and CPU) of `newsweave analyze` on stores of N synthetic "
        "stream articles, grouped from scratch, checked and reported whole.",
    )
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 10000],
                    help="store sizes (default: 1000 10000)")  # fmt: skip
    ap.add_argument("--code", help="another checkout's src: its analyses too, alternating")
    ap.add_argument("--keep", type=Path, help="make / reuse the stores under this folder")
    ap.add_argument("--build-only", action="store_true", help="only make the stores (--keep)")
    ap.add_argument("--given-only", action="store_true", help="only run the --code analyses")
    args = ap.parse_args()
    code, keep, sizes = args.code, args.keep, args.sizes
    build_only, given_only = args.build_only, args.given_only
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
