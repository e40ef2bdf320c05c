"""The WCXB dev article pages (../shared/data/wcxb-articles): loading only, never copied."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    html: str
    url: str | None
    title: str | None
    author: str | None
    publish_date: str | None
    main_content: str


def default_dir() -> Path:
    """../shared/data/wcxb-articles next to the repository (or $NEWSWEAVE_SHARED/data/...)."""
    import os

    shared = os.environ.get("NEWSWEAVE_SHARED")
    base = Path(shared) if shared else Path(__file__).resolve().parents[1].parent / "shared"
    return base / "data" / "wcxb-articles"


def load_pages(data_dir: Path | None = None, limit: int | None = None) -> Iterator[Page]:
    """Yield the pages in id order.

    Raises:
        FileNotFoundError: the data set is absent (the message says where it was looked for).
    """
    data_dir = data_dir or default_dir()
    truth_path = data_dir / "ground-truth.json"
    if not truth_path.is_file():
        raise FileNotFoundError(f"WCXB data not found: {truth_path} is missing")
    truth = json.loads(truth_path.read_text("utf-8"))
    for n, pid in enumerate(sorted(truth)):
        if limit is not None and n >= limit:
            return
        t = truth[pid]
        raw = gzip.decompress((data_dir / "html" / f"{pid}.html.gz").read_bytes())
        yield Page(
            id=pid,
            html=raw.decode("utf-8", errors="replace"),
            url=t.get("url"),
            title=t.get("title"),
            author=t.get("author"),
            publish_date=t.get("publish_date"),
            main_content=t.get("main_content") or "",
        )
