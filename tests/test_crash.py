"""SIGKILL at chosen points of an analyze, and two analyze runs on one store at once (issue 14):
nothing lost, nothing stored twice, and the rerun's store and report equal a clean run's.

Each kill point is deterministic (tests/crash_run.py wraps a function so that its N-th call
kills the process); benchmarks/crash_points.py runs all of them.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import crash_run
from conftest import html_page

pytestmark = pytest.mark.slow

_RUNNER = str(Path(crash_run.__file__))
_PAGES = 12


def analyze_args(corpus: Path, db: Path, out: Path) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    files = ["--out", out / "r.json", "--html", out / "r.html", "--md", out / "r.md"]
    return ["analyze", str(corpus), "--db", str(db), "--offline", "-q", *map(str, files)]


def newsweave(args: list[str], kill_at: tuple[str, int] | None = None) -> subprocess.Popen:
    target, nth = kill_at or ("newsweave.cli:main", 0)  # call 0 never comes: no kill
    cmd = [sys.executable, _RUNNER, target, str(nth), "--", *args]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def finished(proc: subprocess.Popen) -> int:
    _, err = proc.communicate(timeout=300)
    assert proc.returncode in (0, -9), err
    return proc.returncode


def store_state(db: Path) -> dict:
    """What must equal a clean run's: articles, inputs, readings, stories and their members."""
    with sqlite3.connect(db) as c:
        q = lambda sql: sorted(c.execute(sql).fetchall())  # noqa: E731
        return {
            "articles": q("SELECT id, source FROM articles"),
            "inputs": q("SELECT source, article_id FROM inputs"),
            "readings": q("SELECT article_id, reader FROM readings"),
            "stories": q("SELECT story_id, article_id, position FROM story_articles"),
        }


def store_content(db: Path) -> dict:
    """`store_state` less what depends on which run stored an article first (its source, the
    stories' order): two runs at once on different inputs interleave their writes."""
    state = store_state(db)
    stories: dict[str, set[str]] = {}
    for story, article, _ in state["stories"]:
        stories.setdefault(story, set()).add(article)
    members = sorted(map(sorted, stories.values()))
    articles = sorted(a for a, _ in state["articles"])
    return {**state, "articles": articles, "stories": members}


def report(out: Path) -> dict:
    data = json.loads((out / "r.json").read_text("utf-8"))
    data.pop("generated")
    return data


def write_corpus(folder: Path) -> Path:
    """Two halves, a/ and b/, with pages of the same stories in both (and copies of one page)."""
    for i in range(_PAGES):
        half = folder / "ab"[i % 2]
        half.mkdir(parents=True, exist_ok=True)
        page = html_page(300 + i % 5, f"Story {i % 5} of the ferry")
        (half / f"{i:02d}.html").write_text(page, "utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("crash") / "pages")


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> tuple[dict, dict, Path]:
    base = tmp_path_factory.mktemp("clean")
    assert finished(newsweave(analyze_args(corpus, base / "s.db", base))) == 0
    return store_state(base / "s.db"), report(base), base / "s.db"


@pytest.mark.parametrize(
    "point", [p for p in crash_run.POINTS if p[0] in (
        "reading, third reading stored", "grouping features stored",
        "report JSON written, not renamed")],
    ids=lambda p: p[0],
)  # fmt: skip
def test_crash_sigkill_then_rerun_equals_a_clean_run(corpus, clean, tmp_path, point):
    _, target, nth = point
    args = analyze_args(corpus, tmp_path / "s.db", tmp_path / "out")
    assert finished(newsweave(args, (target, nth))) == -9, "the kill point was not reached"
    assert finished(newsweave(args)) == 0
    assert store_state(tmp_path / "s.db") == clean[0]
    assert report(tmp_path / "out") == clean[1]


def test_crash_two_runs_on_one_store_at_once_equal_a_sequential_run(corpus, clean, tmp_path):
    db = tmp_path / "s.db"
    runs = [newsweave(analyze_args(corpus, db, tmp_path / f"out{k}")) for k in range(2)]
    assert [finished(r) for r in runs] == [0, 0]
    assert store_state(db) == clean[0]
    assert report(tmp_path / "out0") == report(tmp_path / "out1") == clean[1]


def test_crash_two_runs_on_halves_at_once_equal_a_run_of_both(corpus, clean, tmp_path):
    db = tmp_path / "s.db"
    runs = [newsweave(analyze_args(corpus / h, db, tmp_path / h)) for h in "ab"]
    assert [finished(r) for r in runs] == [0, 0]
    assert store_content(db) == store_content(clean[2])
