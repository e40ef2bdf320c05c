"""A per-document time budget for extraction: past it, the input fails and the batch goes on.

A 19 MB page once ran for over five minutes and held every input after it. The budget is a
wall-clock alarm (SIGALRM) in the main thread; elsewhere (worker threads, Spark tasks) it is not
armed. The alarm interrupts Python code: a single long C call (one lxml parse) ends first.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import InputError


class _OverBudget(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` in a library hides it."""


def _on_alarm(_signum: int, _frame: object) -> None:
    raise _OverBudget


@contextmanager
def time_budget(seconds: float, source: str) -> Iterator[None]:
    """Raise InputError naming `source` when the block runs longer than `seconds`.

    Example:
        >>> with time_budget(5.0, "page.html"):
        ...     total = sum(range(1000))
        >>> total
        499500
    """
    armed = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not armed:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _OverBudget:
        raise InputError(
            source,
            f"extraction took over {seconds:g} s, the per-document time budget "
            "(raise --time-budget to allow more)",
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
