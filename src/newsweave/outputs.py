"""Files the commands write (reports, JSON Lines): checked before the work, written atomically.

`analyze --out missing/dir/r.json` once did all its work, then lost the report to a traceback;
a run killed while writing left half a report. Now the path is checked first, and a report is
written to a temporary file in the same folder, then renamed over the target (`os.replace`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def check_writable(path: str) -> None:
    """Raise ValueError (a one-line reason naming the path) unless `path` can be written.

    Args:
        path: the output file, or "-" for stdout.

    Example:
        >>> check_writable("-")
        >>> check_writable("/no/such/folder/r.json")
        Traceback (most recent call last):
        ValueError: /no/such/folder: no such folder (create it first)
    """
    if path == "-":
        return
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise ValueError(f"{target}: is a folder, not a file")
    if not folder.is_dir():
        raise ValueError(f"{folder}: no such folder (create it first)")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValueError(f"{folder}: not writable (check its permissions)")
    if target.exists() and not os.access(target, os.W_OK):
        raise ValueError(f"{target}: not writable (check its permissions)")


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[TextIO]:
    """A text file that replaces `path` only when the block ends without an error.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.json"
        >>> with atomic_writer(p) as f:
        ...     _ = f.write("{}")
        >>> p.read_text()
        '{}'
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as a plain open() would have made it
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
