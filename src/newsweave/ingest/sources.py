"""Turn what the user named (paths, folders, URLs, `-`) into units of work, and read each unit.

A unit is one file, URL or stdin; it yields one or more RawDocuments (a WARC, JSONL or feed holds
many) and an InputError for each part that cannot be read. Errors are yielded, never raised, so
the batch goes on.
"""

from __future__ import annotations

import io
import os
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..model import RawDocument
from ..settings import Settings
from .feeds import read_feed
from .fetch import Fetcher, is_url
from .files import read_capped, read_file
from .records import maybe_gunzip, read_jsonl, read_warc, read_warc_stream
from .sniff import fetched_kind, sniff

# File name endings -> format. Checked longest first; ".gz" variants are decompressed on read.
FORMATS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".jsonl.gz", "jsonl"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".html.gz", "html"),
    (".htm.gz", "html"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".txt.gz", "text"),
    (".txt", "text"),
    (".rss", "feed"),
    (".atom", "feed"),
    (".xml", "feed"),
)


# Endings that never hold an article: skipped inside folders and counted in the summary line.
# Every other unknown ending (story.php, article.aspx, index.html?id=3, none) is sniffed: such
# saved pages were once skipped without a word.
NOT_ARTICLE_ENDINGS: tuple[str, ...] = (
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".avif",
    ".css", ".js", ".mjs", ".map", ".woff", ".woff2", ".ttf", ".otf", ".eot",
    ".mp3", ".mp4", ".m4a", ".webm", ".ogg", ".wav", ".avi", ".mov", ".pdf", ".zip", ".tar",
    ".tgz", ".7z", ".rar", ".exe", ".dll", ".so", ".pyc", ".db", ".sqlite", ".db-wal",
    ".db-shm", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".csv", ".parquet",
)  # fmt: skip


def skipped_ending(name: str) -> str | None:
    """The ending that makes a file in a folder not worth reading, or None.

    Example:
        >>> skipped_ending("logo.PNG"), skipped_ending("story.php")
        ('.png', None)
    """
    lower = name.lower()
    return next((e for e in NOT_ARTICLE_ENDINGS if lower.endswith(e)), None)


def format_of(name: str) -> str | None:
    lower = name.lower()
    for ending, fmt in FORMATS:
        if lower.endswith(ending):
            return fmt
    return None


@dataclass(frozen=True, slots=True)
class Unit:
    """One thing to read: a file (`path`), a URL, or stdin (`source == "-"`)."""

    source: str
    path: Path | None = None
    format: str | None = None  # from the file name; None means sniff the content

    @property
    def is_url(self) -> bool:
        return is_url(self.source)


def walk_folder(folder: Path) -> tuple[list[Path], list[InputError]]:
    """The files under a folder, sorted, hidden files and folders left out, and one InputError
    per folder that cannot be listed (it was skipped without a word). Symbolic links to folders
    are followed, each real folder once (a link to its own parent does not loop)."""
    files: list[Path] = []
    errors: list[InputError] = []

    def refused(e: OSError) -> None:
        why = "permission denied" if isinstance(e, PermissionError) else e.strerror or str(e)
        where = e.filename or str(folder)
        errors.append(
            InputError(where, f"folder unreadable ({why.lower()}): its files were not read")
        )

    seen: set[tuple[int, int]] = set()
    for root, dirs, names in os.walk(folder, onerror=refused, followlinks=True):
        st = os.stat(root)
        if (st.st_dev, st.st_ino) in seen:
            dirs.clear()
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        here = Path(root)
        files.extend(here / n for n in names if not n.startswith(".") and (here / n).is_file())
    return sorted(files), errors


def expand_inputs(
    inputs: list[str], skipped: Counter[str] | None = None
) -> tuple[list[Unit], list[InputError]]:
    """Folders are walked recursively (sorted, hidden files skipped, files whose ending never
    holds an article skipped and counted in `skipped` by ending, other unknown endings sniffed).

    Returns:
        (units in a deterministic order, errors for inputs that do not exist).
    """
    units: list[Unit] = []
    errors: list[InputError] = []
    seen: set[str] = set()

    def add(unit: Unit) -> None:
        if unit.source not in seen:
            seen.add(unit.source)
            units.append(unit)

    for given in inputs:
        if given == "-" or is_url(given):
            add(Unit(given))
            continue
        p = Path(given)
        if p.is_dir():
            files, unreadable = walk_folder(p)
            errors.extend(unreadable)
            for child in files:
                fmt = format_of(child.name)
                ending = None if fmt else skipped_ending(child.name)
                if ending is None:
                    add(Unit(str(child), child, fmt))
                elif skipped is not None:
                    skipped[ending] += 1
        elif p.is_file():
            add(Unit(given, p, format_of(p.name)))
        else:
            errors.append(InputError(given, "no such file, folder or URL"))
    return units, errors


def _documents_from_bytes(
    data: bytes,
    source: str,
    fmt: str | None,
    settings: Settings,
    fetcher: Fetcher | None,
    today: date | None,
) -> Iterator[RawDocument | InputError]:
    fmt = fmt or sniff(data)
    if fmt == "warc":
        yield from read_warc_stream(io.BytesIO(data), source, settings)
    elif fmt == "jsonl":
        yield from read_jsonl(data, source, settings, today)
    elif fmt == "feed":
        yield from read_feed(data, source, settings, fetcher, today)
    else:
        yield RawDocument(source, data, fmt)


def read_unit(
    unit: Unit, settings: Settings, fetcher: Fetcher | None = None, today: date | None = None
) -> Iterator[RawDocument | InputError]:
    """Yield the documents of one unit, and an InputError for each unreadable part.

    `today`: a feed entry or JSON Lines record dated more than a day past it has no
    publication date (default: today in UTC; `pipeline.run` takes one for the whole run)."""
    try:
        if unit.format == "warc" and unit.path is not None:
            yield from read_warc(unit.path, unit.source, settings)
        elif unit.source == "-":
            data = read_capped(sys.stdin.buffer, "-", settings.ingest.max_file_bytes)
            data = maybe_gunzip(data, "-", settings)
            yield from _documents_from_bytes(data, "-", None, settings, fetcher, today)
        elif unit.is_url:
            if fetcher is None:
                raise InputError(unit.source, "URL given but fetching is off")
            body, ctype, final = fetcher.get(unit.source)
            fmt = fetched_kind(body, ctype)
            for doc in _documents_from_bytes(body, unit.source, fmt, settings, fetcher, today):
                if isinstance(doc, RawDocument):
                    doc.hints.setdefault("url", final)
                yield doc
        else:
            path = unit.path or Path(unit.source)
            data = read_file(path, unit.source, settings.ingest.max_file_bytes)
            yield from _documents_from_bytes(
                data, unit.source, unit.format, settings, fetcher, today
            )
    except InputError as e:
        yield e
