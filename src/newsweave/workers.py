"""Worker processes for the extract and read stages: tasks go out, results come back in input
order, and a worker that dies costs its own task, not the batch.

`run_in_order(items, pool)` takes a stream in which some items are `Task`s (a module-level
function and its argument) and the rest are anything else; it yields every item in the order it
came, each `Task` paired with its result, computed in a worker process (or here, without a pool).
The caller stores what comes back in that order, so the store, and every report made from it,
is the same with one worker or many.

Why not `concurrent.futures.ProcessPoolExecutor`: when one of its workers dies (killed, out of
memory), the executor is broken and every pending future fails with `BrokenProcessPool`,
without saying which task killed it. Here each worker holds one task at a time, so a death
names its task, the worker is replaced, and the other tasks go on. Workers ignore Ctrl-C: it
is the parent's to handle, and leaving the `with WorkerPool(...)` block stops them all.

Workers start from a forkserver that imported the stages once (`PRELOAD`); each worker then
loads the models lazily, once, on its first task that needs them (`read/nlp.py`'s loaders).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

# Below this many documents a pool costs more than the second core gives back: on the loaded
# 2-core machine, importing the stages took 3.2 s and a worker's first reading (spaCy loading)
# 3.1 s, against about 0.1 s of extraction and 0.3 s of reading per WCXB page, half of which a
# second worker saves: 15-30 pages to break even. It also keeps the test suite's small
# corpora in one process.
POOL_MIN_DOCUMENTS = 32
# At most this many tasks per worker are handed out or finished ahead of the oldest unfinished
# one: results wait here to be given back in order, so one slow input must not let them pile up.
WINDOW_PER_WORKER = 4
# The modules the forkserver imports once, so that every worker starts with them loaded.
PRELOAD = ("newsweave.pipeline", "newsweave.extract", "newsweave.read.stage", "newsweave.read.nlp")
# A worker not ready after this long cannot start (the first one waits for the forkserver to
# import PRELOAD: 3 s on a loaded 2-core machine). Workers that cannot start (a script that
# starts a run at import time, without `if __name__ == "__main__":`, is imported again by
# each of them and fails there) leave their tasks to this process.
START_TIMEOUT_SECONDS = 120.0
_READY = "ready"

log = logging.getLogger(__name__)


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity mask, not the machine's core count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worker_count(workers: int) -> int:
    """How many worker processes `settings.workers` asks for (0: one per available CPU).

    Example:
        >>> worker_count(3), worker_count(0) == available_cpus()
        (3, True)
    """
    return workers if workers > 0 else available_cpus()


@dataclass(frozen=True, slots=True)
class Task:
    """`fn(arg)`, to run in a worker.

    Args:
        fn: a module-level function (it is sent to the worker by name).
        arg: its argument (sent pickled).
        keep: anything the caller wants back with the result; it stays in this process.
        shared: a large second argument that many tasks have in common (a folder's
            ScrapedContext): sent to each worker once, not with every task; `fn(arg, shared)`.
    """

    fn: Callable[..., Any]
    arg: Any
    keep: Any = None
    shared: Any = None

    def run(self) -> Any:
        return self.fn(self.arg) if self.shared is None else self.fn(self.arg, self.shared)


@dataclass(frozen=True, slots=True)
class TaskFailed:
    """What a task gives when its worker died under it, or when it raised.

    Args:
        reason: one line, e.g. "the worker process died (killed by signal 9, SIGKILL: out of
            memory or killed by hand)".
    """

    reason: str


def _died(exitcode: int | None) -> TaskFailed:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else "?"
        how = f"killed by signal {-exitcode}, {name}"
        if -exitcode == signal.SIGKILL:
            how += ": out of memory, or killed by hand"
    else:
        how = f"exit code {exitcode}"
    return TaskFailed(f"the worker process died ({how})")


def _serve(conn: Connection) -> None:
    """A worker's loop: receive (fn, arg, shared key, shared value or None), send back
    (True, result) or (False, reason)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it stops us
    kept: dict[int, Any] = {}  # shared arguments by key, as they were first sent
    conn.send(_READY)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        fn, arg, key, shared = task
        if shared is not None:
            kept[key] = shared
        try:
            reply = (True, fn(arg) if key is None else fn(arg, kept[key]))
        except Exception as e:  # noqa: BLE001 - one task's failure is its result, not the worker's end
            reply = (False, _why(e))
        try:
            conn.send(reply)
        except Exception as e:  # noqa: BLE001 - an unpicklable result
            conn.send((False, f"result not sendable ({type(e).__name__}: {e})"[:300]))


class _Worker:
    """One worker process and its end of the pipe."""

    def __init__(self, context: Any) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.sent: set[int] = set()  # keys of the shared arguments it holds

    def ready(self) -> str | None:
        """None once the worker says it is ready, else why it is not."""
        if not wait([self.conn, self.process.sentinel], START_TIMEOUT_SECONDS):
            return f"not ready after {START_TIMEOUT_SECONDS:g} s"
        try:
            if self.conn.poll() and self.conn.recv() == _READY:
                return None
        except (EOFError, OSError):
            pass
        self.process.join(1)
        return _died(self.process.exitcode).reason.replace("died", "could not start")

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class WorkerPool:
    """`workers` worker processes, started when a first task needs them; stopped on leaving
    the `with` block, whatever ends it (Ctrl-C included).

    Args:
        workers: how many processes (>= 2; with one, run tasks in this process instead).
    """

    def __init__(self, workers: int) -> None:
        if workers < 2:
            raise ValueError(f"a WorkerPool needs at least 2 workers, got {workers}")
        self.workers = workers
        self._idle: list[_Worker] = []
        self._all: list[_Worker] = []
        self._busy: dict[_Worker, int] = {}  # worker -> index of its task in the stream
        self._warming: list[_Worker] = []  # running a `warm` function, its answer unread
        self._shared: dict[int, tuple[int, Any]] = {}  # id -> (key, a Task.shared)
        self._broken: str | None = None  # why workers cannot start, once they could not
        self._context: Any = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker (a running task is abandoned: nothing of it is stored)."""
        for w in self._all:
            with suppress(OSError):  # already gone
                w.conn.send(None)
        for w in self._all:
            w.stop()
        self._all.clear()
        self._idle.clear()
        self._busy.clear()
        self._warming.clear()

    def warm(self, fn: Callable[[Any], Any]) -> None:
        """Have every started, idle worker run `fn(None)` now, without waiting for it: what a
        later stage loads on its first task (its modules), loaded while this process does other
        work. The next map waits for the answers and drops them; a worker that fails or dies
        warming costs nothing but its warmth (a dead one is replaced when needed).

        Example:
            >>> with WorkerPool(2) as pool:
            ...     pool.warm(abs)  # no worker started yet: nothing to warm
            ...     [r for _, r in pool.map_tasks([Task(abs, -1)])]
            [1]
        """
        idle, self._idle = self._idle, []
        for w in idle:
            try:
                w.conn.send((fn, None, None, None))
            except OSError:  # it died since its last answer
                self._replace(w)
                continue
            self._warming.append(w)

    def _warmed(self) -> None:
        """Wait for the warming workers' answers (dropped) and make them idle again."""
        for w in self._warming:
            try:
                w.conn.recv()
            except (EOFError, OSError):  # it died warming
                self._replace(w)
                continue
            self._idle.append(w)
        self._warming.clear()

    def _start(self) -> bool:
        """Start workers up to `workers`; False when they cannot start (tasks then run here)."""
        if self._context is None:
            self._context = multiprocessing.get_context("forkserver")
            self._context.set_forkserver_preload(list(PRELOAD))
        new = []
        running = len(self._idle) + len(self._busy) + len(self._warming)
        while self._broken is None and running + len(new) < self.workers:
            new.append(_Worker(self._context))
        for w in new:
            self._all.append(w)
            why = w.ready()
            if why is None:
                self._idle.append(w)
            elif self._broken is None:
                self._broken = why
                log.warning("worker processes: %s; the rest runs in this process", why)
            if why is not None:
                self._replace(w)
        return self._broken is None

    def _replace(self, dead: _Worker) -> None:
        dead.stop()
        self._all.remove(dead)

    def map_tasks(self, items: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
        """Every item in order, as (item, result): a Task's result is its function's return
        value or a TaskFailed; any other item comes back with None."""
        self._drop_busy()
        try:
            yield from self._map(iter(items))
        finally:
            self._drop_busy()

    def _drop_busy(self) -> None:
        """Replace the workers still busy for a map that stopped early (Ctrl-C, an error in
        the caller): their answers would be stale."""
        for w in list(self._busy):
            self._replace(w)
        self._busy.clear()

    def _map(self, source: Iterator[Any]) -> Iterator[tuple[Any, Any]]:
        self._warmed()
        self._start()
        window = self.workers * WINDOW_PER_WORKER
        queue: list[Any] = []  # items from the oldest unfinished one on, in order
        results: dict[int, Any] = {}  # stream index -> result
        offset = 0  # stream index of queue[0]
        ended = False
        while True:
            while not ended and len(queue) < window and (self._idle or not _any_task(queue)):
                try:
                    item = next(source)
                except StopIteration:
                    ended = True
                    break
                queue.append(item)
                if not isinstance(item, Task):
                    results[offset + len(queue) - 1] = None
            self._hand_out(queue, offset, results)
            while queue and offset in results:
                yield queue.pop(0), results.pop(offset)
                offset += 1
            if ended and not queue:
                return
            if self._busy and (ended or len(queue) >= window or not self._idle):
                self._collect(results)

    def _hand_out(self, queue: list[Any], offset: int, results: dict[int, Any]) -> None:
        """Give each idle worker the oldest task nobody holds (replacing workers that died)."""
        held = set(self._busy.values())
        waiting = [
            offset + k
            for k, item in enumerate(queue)
            if isinstance(item, Task) and offset + k not in results and offset + k not in held
        ]
        while waiting:
            if not self._start() and not self._idle:  # no workers: run it here
                i = waiting.pop(0)
                results[i] = run_here(queue[i - offset])
                continue
            if not self._idle:
                return
            w = self._idle.pop()
            task = queue[waiting[0] - offset]
            try:
                w.conn.send(self._message(w, task))
            except OSError:  # it died since its last answer: replace it, try again
                self._replace(w)
                continue
            self._busy[w] = waiting.pop(0)

    def _message(self, w: _Worker, task: Task) -> tuple:
        """What the worker is sent: the shared argument only the first time it needs it."""
        if task.shared is None:
            return (task.fn, task.arg, None, None)
        key = self._shared_key(task.shared)
        first = key not in w.sent
        w.sent.add(key)
        return (task.fn, task.arg, key, task.shared if first else None)

    def _shared_key(self, shared: Any) -> int:
        """A number for the shared argument, the same for every task that holds it."""
        if id(shared) not in self._shared:
            self._shared[id(shared)] = (len(self._shared), shared)  # held: its id stays its own
        return self._shared[id(shared)][0]

    def _collect(self, results: dict[int, Any]) -> None:
        """Wait for at least one busy worker to answer or die; record what came."""
        by_handle: dict[Any, _Worker] = {}
        for w in self._busy:
            by_handle[w.conn] = w
            by_handle[w.process.sentinel] = w
        for w in {by_handle[h] for h in wait(list(by_handle))}:
            try:
                ok, value = w.conn.recv() if w.conn.poll() else (None, None)
            except (EOFError, OSError):
                ok, value = None, None
            i = self._busy.pop(w)
            if ok is None:  # no answer: the process is gone
                w.process.join(1)
                results[i] = _died(w.process.exitcode)
                self._replace(w)
                continue
            results[i] = value if ok else TaskFailed(f"failed in its worker process ({value})")
            self._idle.append(w)


def _any_task(queue: list[Any]) -> bool:
    return any(isinstance(item, Task) for item in queue)


def run_in_order(items: Iterable[Any], pool: WorkerPool | None) -> Iterator[tuple[Any, Any]]:
    """Every item in order, as (item, result): a Task's result is `fn(arg)` (or a TaskFailed
    when its worker died or it raised), computed in `pool`, or here when `pool` is None; any
    other item comes back with None.

    Example:
        >>> items = [Task(abs, -2), "a marker", Task(abs, "x")]
        >>> [result for _, result in run_in_order(items, None)]
        [2, None, TaskFailed(reason="failed (TypeError: bad operand type for abs(): 'str')")]
    """
    if pool is not None:
        yield from pool.map_tasks(items)
        return
    for item in items:
        yield item, (run_here(item) if isinstance(item, Task) else None)


def run_here(task: Task) -> Any:
    """`task.run()` in this process; a TaskFailed when it raises, as in a worker: one task's
    failure is its result, not the batch's end (a reader error on one hostile article had
    stopped a run of fewer than POOL_MIN_DOCUMENTS documents with a traceback). Ctrl-C is
    not caught. The traceback goes to the debug log."""
    try:
        return task.run()
    except Exception as e:  # noqa: BLE001 - as `_serve` does in a worker
        log.debug("%s failed here", getattr(task.fn, "__name__", task.fn), exc_info=True)
        return TaskFailed(f"failed ({_why(e)})")


def _why(e: Exception) -> str:
    """A task's exception as its TaskFailed says it, in a worker or here."""
    return f"{type(e).__name__}: {e}"[:300]
