"""Extraction and reading in worker processes: the same output as one process, a dying worker
costs one error line, and an interrupted run leaves the store consistent for a rerun.

The pool's threshold (POOL_MIN_DOCUMENTS) is lowered here so that the small written-by-us
corpus goes through the workers. Functions the workers run are module-level (they are sent by
name), so the planted deaths below happen in the worker processes, not here.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import signal
import sqlite3

import pytest

from conftest import EXAMPLES, html_page
from newsweave import pipeline, workers
from newsweave.pipeline import analyze, extract_document, read_chunk, read_stored, run
from newsweave.read.stage import READER_VERSION
from newsweave.settings import DEFAULTS
from newsweave.store import SQLiteStore
from newsweave.workers import Task, TaskFailed, WorkerPool

PLANTED = "planted-death"
REAL_POOL_MIN = pipeline.POOL_MIN_DOCUMENTS


def _die_on_planted_extraction(job, context=None):
    """`extract_document`, but the worker kills itself on the planted input (as the kernel's
    out-of-memory killer would)."""
    if PLANTED in job[0].source:
        os.kill(os.getpid(), signal.SIGKILL)
    return extract_document(job, context)


def _die_on_planted_reading(articles, settings):
    """`read_chunk`, but the worker kills itself on a chunk holding the planted article."""
    if any(PLANTED in a.source for a in articles):
        os.kill(os.getpid(), signal.SIGKILL)
    return read_chunk(articles, settings)


@pytest.fixture
def pooled(monkeypatch):
    """Every batch goes through the workers; returns the pools run_in_order was given."""
    monkeypatch.setattr(pipeline, "POOL_MIN_DOCUMENTS", 1)
    given = []
    real = pipeline.run_in_order

    def spy(items, pool):
        given.append(pool)
        return real(items, pool)

    monkeypatch.setattr(pipeline, "run_in_order", spy)
    return given


def _without_timestamps(report: dict) -> str:
    return json.dumps({k: v for k, v in report.items() if k != "generated"}, sort_keys=True)


def _pages(tmp_path, n: int, planted: bool = False):
    """A folder of n invented pages, and one more whose name marks it for death."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for seed in range(n):
        (folder / f"page-{seed:02d}.html").write_text(html_page(seed), "utf-8")
    if planted:
        # last: after its death no task needs a new worker (which would load spaCy again)
        (folder / f"page-{n:02d}-{PLANTED}.html").write_text(html_page(n), "utf-8")
    return folder


def test_pipeline_workers_two_give_the_report_of_one(examples_report, tmp_path, pooled):
    # examples_report is analysed once per session in one process: it has fewer documents
    # than the real threshold asks for a pool
    one = run([str(EXAMPLES)], DEFAULTS.with_(workers=1), fetch=False)
    assert one.articles + one.failed < REAL_POOL_MIN
    with SQLiteStore(tmp_path / "two.db") as store:
        report = analyze([str(EXAMPLES)], store, DEFAULTS.with_(workers=2), fetch=False)
        data = report.to_dict()  # its articles are read from the store
    assert any(pool is not None for pool in pooled)  # the workers did the work
    assert _without_timestamps(data) == _without_timestamps(examples_report)


def test_pipeline_workers_a_dying_worker_costs_one_error(tmp_path, pooled, monkeypatch):
    folder = _pages(tmp_path, 6, planted=True)
    monkeypatch.setattr(pipeline, "extract_document", _die_on_planted_extraction)
    with SQLiteStore(tmp_path / "x.db") as store:
        summary = run([str(folder)], DEFAULTS.with_(workers=2), store=store, fetch=False)
        stored = store.count()
    [error] = summary.errors
    assert PLANTED in error.source and "worker process died" in error.reason
    assert "SIGKILL" in error.reason
    assert (summary.stored, summary.failed, stored) == (6, 1, 6)


def test_pipeline_workers_a_dying_reader_leaves_one_article_unread(tmp_path, pooled, monkeypatch):
    folder = _pages(tmp_path, 6, planted=True)
    monkeypatch.setattr(pipeline, "read_chunk", _die_on_planted_reading)
    errors = []
    with SQLiteStore(tmp_path / "x.db") as store:
        run([str(folder)], DEFAULTS.with_(workers=1), store=store, fetch=False)
        read = read_stored(store, on_error=errors.append, settings=DEFAULTS.with_(workers=2))
        unread = store.unread(store.ids_in_stored_order(), READER_VERSION)
        ids = store.ids_in_stored_order()
        [planted] = [i for i in ids if PLANTED in store.get(i).source]
    [error] = errors
    assert PLANTED in error.source and "not read" in error.reason
    assert unread == [planted] and read == len(ids) - 1


class _Stop(KeyboardInterrupt):
    """Ctrl-C, pressed from a callback."""


def test_pipeline_workers_interrupt_leaves_a_consistent_store(tmp_path, pooled):
    settings = DEFAULTS.with_(workers=2)
    folder = str(_pages(tmp_path, 10))
    seen = []

    def interrupt(outcome):
        seen.append(outcome)
        if len(seen) == 5:
            raise _Stop

    db = tmp_path / "x.db"
    with SQLiteStore(db) as store, pytest.raises(_Stop):
        run([folder], settings, store=store, on_outcome=interrupt, fetch=False)
    assert multiprocessing.active_children() == []  # run's own workers are stopped
    done = []

    def interrupt_reading():
        done.append(1)
        if len(done) == 2:
            raise _Stop

    # a pool that outlives an interrupted stage: its busy workers' answers must not leak
    with SQLiteStore(db) as store, WorkerPool(2) as pool:
        assert store.count() == 5  # the fifth was stored when Ctrl-C came
        with pytest.raises(_Stop):
            read_stored(store, on_read=interrupt_reading, pool=pool)
        rerun = run([folder], settings, store=store, fetch=False, pool=pool)
        read_stored(store, pool=pool)
        ids = store.ids_in_stored_order()
        readings = {i: store.reading(i) for i in ids}
    with SQLiteStore(tmp_path / "clean.db") as clean_store:
        clean = run([folder], DEFAULTS.with_(workers=1), store=clean_store, fetch=False)
        read_stored(clean_store, settings=DEFAULTS.with_(workers=1))
        clean_ids = clean_store.ids_in_stored_order()
        clean_readings = {i: clean_store.reading(i) for i in clean_ids}
    # every article once, none lost, each with its own reading; the rerun counts them all
    assert ids == clean_ids and len(set(ids)) == len(ids) == 10
    assert readings == clean_readings
    assert (rerun.stored, rerun.duplicates) == (5, 5) and clean.stored == 10


def _cannot_start(conn):
    """A worker that exits before it is ready (as one does that fails importing the script)."""
    os._exit(1)


def test_pipeline_workers_that_cannot_start_leave_the_work_here(
    tmp_path, pooled, monkeypatch, caplog
):
    monkeypatch.setattr(workers, "_serve", _cannot_start)
    folder = _pages(tmp_path, 4)
    with SQLiteStore(tmp_path / "x.db") as store:
        summary = run([str(folder)], DEFAULTS.with_(workers=2), store=store, fetch=False)
    assert (summary.stored, summary.failed) == (4, 0)
    assert "could not start (exit code 1)" in caplog.text
    assert any(pool is not None for pool in pooled)


def _mark_warm(folder, _):
    """A warm-up that leaves its worker's pid in `folder`."""
    (folder / str(os.getpid())).touch()


def _exit_now(_):
    os._exit(3)


def test_pipeline_workers_warm_runs_in_every_idle_worker_before_the_next_map(tmp_path):
    with WorkerPool(2) as pool:
        assert [r for _, r in pool.map_tasks([Task(abs, -1), Task(abs, -2)])] == [1, 2]
        pids = {str(w.process.pid) for w in pool._all}
        pool.warm(functools.partial(_mark_warm, tmp_path))
        assert [r for _, r in pool.map_tasks([Task(abs, -3), Task(abs, 4)])] == [3, 4]
        assert {p.name for p in tmp_path.iterdir()} == pids  # each worker, once, before
        assert {str(w.process.pid) for w in pool._all} == pids  # and none replaced


def test_pipeline_workers_a_worker_dying_warm_costs_no_task():
    with WorkerPool(2) as pool:
        list(pool.map_tasks([Task(abs, -1), Task(abs, -2)]))
        pool.warm(_exit_now)
        results = [r for _, r in pool.map_tasks([Task(abs, -k) for k in range(6)])]
    assert results == list(range(6)) and not any(isinstance(r, TaskFailed) for r in results)


def test_pipeline_workers_analyze_warms_the_check_while_it_groups(tmp_path, pooled, monkeypatch):
    warmed = []
    real = WorkerPool.warm
    monkeypatch.setattr(WorkerPool, "warm", lambda pool, fn: (warmed.append(fn), real(pool, fn)))
    with SQLiteStore(tmp_path / "w.db") as store:
        analyze([str(_pages(tmp_path, 4))], store, DEFAULTS.with_(workers=2), fetch=False)
    assert warmed == [pipeline.load_check]


def _raise_on_planted_reading(articles, settings):
    """`read_chunk`, but a reader error (a bug a hostile article trips) on the planted one."""
    if any(PLANTED in a.source for a in articles):
        raise ValueError("invalid literal for int() with base 10: '²'")
    return read_chunk(articles, settings)


def test_pipeline_workers_a_reader_error_here_leaves_one_article_unread(tmp_path, monkeypatch):
    # in this process (fewer documents than a pool asks for): one error line, no traceback
    folder = _pages(tmp_path, 3, planted=True)
    monkeypatch.setattr(pipeline, "read_chunk", _raise_on_planted_reading)
    with SQLiteStore(tmp_path / "x.db") as store:
        report = analyze([str(folder)], store, DEFAULTS.with_(workers=1), fetch=False)
        unread = store.unread(store.ids_in_stored_order(), READER_VERSION)
    [error] = [e for e in report.summary.errors if "not read" in e.reason]
    assert PLANTED in error.source and "ValueError: invalid literal" in error.reason
    assert "--workers 1" not in error.reason  # it ran in one process already
    assert len(unread) == 1 and report.summary.unread == 1


_CHECKED: list[str] = []  # the stories `_raise_checking` was asked for, in this process


def _raise_checking(job):
    _CHECKED.append(job[0].id)
    raise RuntimeError("planted check error")


@pytest.mark.parametrize("workers", [1, 2])
def test_pipeline_workers_a_check_error_is_the_story_s_note_and_is_not_stored(
    tmp_path, monkeypatch, workers
):
    monkeypatch.setattr(pipeline, "check_task", _raise_checking)
    _CHECKED.clear()
    with SQLiteStore(tmp_path / "x.db") as store:
        report = analyze([str(EXAMPLES)], store, DEFAULTS.with_(workers=workers), fetch=False)
        stories = report.to_dict()["stories"]
    # too few to need the pool's workers: each checked once, here, whatever the setting
    assert sorted(_CHECKED) == sorted(s["id"] for s in stories)
    assert stories and all(not s["checked"] for s in stories)
    assert all(s["check_note"] == "not checked: failed (RuntimeError: planted check error)"
               for s in stories)  # fmt: skip
    with sqlite3.connect(tmp_path / "x.db") as db:
        # no failure is kept as a check: a regroup, or a new checker version, checks again
        assert db.execute("select count(*) from checks").fetchone() == (0,)
