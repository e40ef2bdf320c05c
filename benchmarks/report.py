"""Writing benchmark results: dated Markdown sections, newest first, old tables kept."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

_HEADER = """# Benchmarks

Measured by `python -m benchmarks ...` (or `newsweave bench ...`) in a source checkout; each
section says the command, the date and the machine. Sections written before the benchmarks
left the package (2026-12-02) name `newsweave/bench/X.py` (`python -m newsweave.bench.X`): that
is now `benchmarks/X.py` (`python -m benchmarks.X`).
Newest first; older sections are kept for comparison. These machines are noisy: compare systems
inside one section (same run), not across sections.
"""


def machine() -> str:
    """One line: CPU model, cores, memory, Python, OS."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def versions(*packages: str) -> str:
    out = []
    for p in packages:
        try:
            out.append(f"{p} {metadata.version(p)}")
        except metadata.PackageNotFoundError:
            out.append(f"{p} (not installed)")
    return ", ".join(out)


# The checkout these benchmarks belong to (not the working directory they were started from).
CHECKOUT = Path(__file__).resolve().parents[1]


def git_commit(checkout: Path = CHECKOUT) -> str:
    """The code a section measured: the checkout's HEAD (short hash), "+ uncommitted changes"
    when its tracked files under src/ or benchmarks/ differ from it, or "not a git checkout"
    (a copy or unpacked archive of the source: no commit to name). A section used to say
    "unknown" there, and named the commit of whatever repository the working directory was in.

    Example:
        >>> git_commit(Path("/")) in ("not a git checkout", "unknown: git is not installed")
        True
    """

    def git(*args: str) -> str | None:
        done = subprocess.run(["git", "-C", str(checkout), *args], capture_output=True,
                              text=True, timeout=10)  # fmt: skip
        return done.stdout.strip() if done.returncode == 0 else None

    try:
        top = git("rev-parse", "--show-toplevel")
        if top is None or Path(top).resolve() != checkout.resolve():
            return "not a git checkout"
        head = git("rev-parse", "--short", "HEAD")
        if not head:
            return "not a git checkout (no commit yet)"
        changed = git("status", "--porcelain", "--untracked-files=no", "--", "src", "benchmarks")
    except FileNotFoundError:
        return "unknown: git is not installed"
    except (OSError, subprocess.SubprocessError) as e:
        return f"unknown: git failed ({type(e).__name__})"
    return f"{head} + uncommitted changes" if changed else head


def table(rows: list[dict], columns: list[tuple[str, str, str]]) -> str:
    """Markdown table; columns are (key, header, format spec)."""
    head = "| " + " | ".join(h for _, h, _ in columns) + " |"
    rule = "| " + " | ".join("---" if f == "" else "---:" for _, _, f in columns) + " |"
    lines = [head, rule]
    for r in rows:
        cells = []
        for key, _, fmt in columns:
            v = r.get(key)
            cells.append("" if v is None else (format(v, fmt) if fmt else str(v)))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def invoked_as(argv0: str | None = None) -> str:
    """How this benchmark was started: `python -m benchmarks...` or the `newsweave` command.

    Example:
        >>> invoked_as("/src/benchmarks/__main__.py"), invoked_as("/venv/bin/newsweave")
        ('python -m benchmarks', 'newsweave')
        >>> invoked_as("/src/benchmarks/check/__main__.py")
        'python -m benchmarks.check'
    """
    path = Path(argv0 if argv0 is not None else sys.argv[0])
    if path.name != "__main__.py":
        return "newsweave"
    parts = path.parent.parts
    start = parts.index("benchmarks") if "benchmarks" in parts else len(parts) - 1
    return "python -m " + ".".join(parts[start:])


# The environment a benchmark's figures depend on: where the data and the caches are, which code.
COMMAND_ENV = ("NEWSWEAVE_SHARED", "CHECKBENCH_CACHE", "PYTHONPATH")


def command_line(environ: dict[str, str] | None = None, argv: list[str] | None = None) -> str:
    """The command that reproduces this run, with the variables of COMMAND_ENV it had set.

    Example:
        >>> command_line({"NEWSWEAVE_SHARED": "/work/shared", "HOME": "/root"},
        ...              ["/src/benchmarks/check/__main__.py", "--parts", "planted"])
        'NEWSWEAVE_SHARED=/work/shared python -m benchmarks.check --parts planted'
    """
    environ = os.environ if environ is None else environ
    argv = sys.argv if argv is None else argv
    env = [f"{k}={environ[k]}" for k in COMMAND_ENV if environ.get(k)]
    return " ".join([*env, invoked_as(argv[0]), *argv[1:]])


def section(title: str, body: str, command: str | None = None) -> str:
    command = command or command_line()
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"## {title} — {now}\n\n"
        f"Command: `{command}`  \nMachine: {machine()}  \nCommit: {git_commit()}\n\n{body}\n"
    )


def prepend(path: Path, text: str) -> None:
    """Insert a section right after the page header (newest first)."""
    old = path.read_text("utf-8") if path.exists() else _HEADER
    if not old.startswith("# Benchmarks"):
        old = _HEADER + "\n" + old
    head, _, rest = old.partition("\n## ")
    rest = ("## " + rest) if rest else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head.rstrip() + "\n\n" + text.rstrip() + "\n\n" + rest, "utf-8")


def print_rows(rows: list[dict]) -> None:
    """One line per row, `key=value` pairs (floats to 3 decimals): the benches' plain output."""
    for row in rows:
        print("  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                        for k, v in row.items()))  # fmt: skip
