"""What a benchmark section says about the code it measured (benchmarks/report.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from benchmarks.report import git_commit

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo, *args):
    return subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip


def test_bench_report_commit_of_the_checkout_not_of_the_working_directory(tmp_path, monkeypatch):
    # a copy of the source is no checkout: it has no commit, and says so
    copy = tmp_path / "copy"
    (copy / "src").mkdir(parents=True)
    assert git_commit(copy) == "not a git checkout"
    # a checkout names its HEAD, wherever the benchmark was started from
    repo = tmp_path / "repo"
    (repo / "src").mkdir(parents=True)
    (repo / "src" / "x.py").write_text("x = 1\n", "utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "one")
    head = _git(repo, "rev-parse", "--short", "HEAD")
    monkeypatch.chdir(copy)
    assert git_commit(repo) == head
    # a folder inside another repository is not that repository's checkout
    (repo / "inner").mkdir()
    assert git_commit(repo / "inner") == "not a git checkout"
    # measured code that differs from HEAD is not HEAD's
    (repo / "src" / "x.py").write_text("x = 2\n", "utf-8")
    assert git_commit(repo) == f"{head} + uncommitted changes"


def test_bench_report_command_names_the_data_and_cache_it_ran_with():
    from benchmarks.report import command_line

    argv = ["/x/benchmarks/check/__main__.py", "--parts", "planted"]
    env = {"CHECKBENCH_CACHE": "/tmp/c", "NEWSWEAVE_SHARED": "/s", "HOME": "/root"}
    assert command_line(env, argv) == (
        "NEWSWEAVE_SHARED=/s CHECKBENCH_CACHE=/tmp/c python -m benchmarks.check --parts planted"
    )
    assert command_line({}, argv) == "python -m benchmarks.check --parts planted"


@pytest.mark.parametrize(
    "module", ["analyze_phases", "analyze_memory", "incremental", "stream", "polnear"]
)
def test_bench_help_explains_and_runs_nothing(module):
    import sys

    out = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{module}", "--help"],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[1],
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"usage: python -m benchmarks.{module}")
