"""Writing report files: the folder is checked before any work (the atomic write itself is
newsweave.outputs.atomic_writer, shared with every other writer)."""

from __future__ import annotations

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
