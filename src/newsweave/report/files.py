"""Writing report files: the folder is checked before any work, the file replaced atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import NewsweaveError


def check_out_path(path: str | Path) -> None:
    """Raise before a long run if `path` cannot be written: its folder must exist.

    Example:
        >>> check_out_path("no/such/folder/report.html")
        Traceback (most recent call last):
        ...
        newsweave.errors.NewsweaveError: no/such/folder/report.html: the folder no/such/folder ...
    """
    folder = Path(path).parent
    if not folder.is_dir():
        raise NewsweaveError(
            f"{path}: the folder {folder} does not exist (create it or choose another path)"
        )
    if Path(path).is_dir():
        raise NewsweaveError(f"{path}: is a folder (give a file name)")


def write_atomic(path: str | Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and os.replace,
    so a reader never sees half a report and a failed write leaves the old file."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
