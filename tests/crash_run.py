"""Run the newsweave CLI and SIGKILL it at one chosen point (tests/test_crash.py and
benchmarks/crash_points.py use it).

    python tests/crash_run.py MODULE:ATTR N -- analyze INPUT --db FILE ...

The callable MODULE:ATTR (a function, or a method as Class.method) is wrapped so that its N-th
call kills the process before it runs: a deterministic kill point, no race with a timer.
"""

from __future__ import annotations

import importlib
import os
import signal
import sys

# Where an analyze can die, in pipeline order: (name, target, which call).
POINTS: tuple[tuple[str, str, int], ...] = (
    ("extraction, first article", "newsweave.pipeline:extract", 1),
    ("extraction, fifth article", "newsweave.pipeline:extract", 5),
    ("store write, first article", "newsweave.store.sqlite:SQLiteStore.add", 1),
    ("store write, fourth article", "newsweave.store.sqlite:SQLiteStore.add", 4),
    ("article stored, its input not yet", "newsweave.store.sqlite:SQLiteStore.remember_input", 2),
    ("last input remembered", "newsweave.store.sqlite:SQLiteStore.remember_input", 12),
    ("reading starts", "newsweave.read.stage:read_articles", 1),
    ("reading, first reading stored", "newsweave.store.sqlite:SQLiteStore.add_reading", 1),
    ("reading, third reading stored", "newsweave.store.sqlite:SQLiteStore.add_reading", 3),
    ("reading, last reading stored", "newsweave.store.sqlite:SQLiteStore.add_reading", 5),
    ("regroup reads the store", "newsweave.pipeline:read_docs", 1),
    ("grouping features stored", "newsweave.store.sqlite:SQLiteStore.add_group_features", 1),
    ("grouping starts", "newsweave.group.stage:group_items", 1),
    ("first story checked", "newsweave.check:check_story", 1),
    ("first check stored", "newsweave.store.sqlite:SQLiteStore.add_check", 1),
    ("story write", "newsweave.store.sqlite:SQLiteStore.replace_stories", 1),
    ("report built", "newsweave.report:build_report", 1),
    ("report JSON written, not renamed", "os:replace", 1),
    ("HTML report written, not renamed", "os:replace", 2),
    ("Markdown brief written, not renamed", "os:replace", 3),
)


def arm(target: str, nth: int) -> None:
    """Make the nth call of `target` ("module:attr.path") SIGKILL this process."""
    module, attr = target.split(":")
    owner = importlib.import_module(module)
    *path, name = attr.split(".")
    for part in path:
        owner = getattr(owner, part)
    real = getattr(owner, name)
    calls = 0

    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == nth:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)

    setattr(owner, name, wrapper)


if __name__ == "__main__":
    target, nth, sep, *args = sys.argv[1:]
    if sep != "--":
        raise SystemExit("usage: crash_run.py MODULE:ATTR N -- newsweave arguments")
    arm(target, int(nth))
    from newsweave.cli import entry

    sys.argv = ["newsweave", *args]
    entry()
