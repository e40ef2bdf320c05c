"""The Python API: a store you add inputs to and read articles from.

Example:
    >>> import newsweave
    >>> with newsweave.open(":memory:") as nw:
    ...     summary = nw.add(["examples/corpus"])  # doctest: +SKIP
    ...     stories = nw.analyze()  # doctest: +SKIP
    ...     titles = [s["title"] for s in stories]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Article, Reading
from .pipeline import Summary, read_stored, regroup, run
from .settings import DEFAULTS, Settings
from .store import SQLiteStore


class Newsweave:
    """A newsweave store.

    Args:
        db: the SQLite file (created when missing), or ":memory:".
        settings: limits and defaults; `Settings()` when omitted.
    """

    def __init__(self, db: str | Path = DEFAULTS.db_path, settings: Settings = DEFAULTS) -> None:
        self.settings = settings
        self.store = SQLiteStore(db)

    def add(self, inputs: str | Path | Iterable[str | Path], fetch: bool = True) -> Summary:
        """Ingest, extract and store paths, folders, URLs or "-"; returns the counts and errors.

        Bad inputs do not raise: they are in `Summary.errors`, one `InputError` each.
        """
        if isinstance(inputs, str | Path):
            inputs = [inputs]
        return run([str(i) for i in inputs], self.settings, store=self.store, fetch=fetch)

    def analyze(self) -> list[dict]:
        """Read every article not read yet, then regroup the store into stories.

        Returns:
            The story objects (as in the report JSON), biggest first.
        """
        read_stored(self.store)
        return regroup(self.store)

    def stories(self) -> list[dict]:
        """The stories of the last `analyze`, biggest first."""
        return self.store.stories()

    def reading(self, article_id: str) -> Reading | None:
        """What the read stage found in one article (None until `analyze`)."""
        return self.store.reading(article_id)

    def articles(self) -> Iterator[Article]:
        """Stored articles, oldest publication first."""
        return self.store.articles()

    def article(self, article_id: str) -> Article | None:
        return self.store.get(article_id)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Newsweave:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open(db: str | Path = DEFAULTS.db_path, settings: Settings = DEFAULTS) -> Newsweave:  # noqa: A001
    """Open (or create) a newsweave store. Use it as a context manager."""
    return Newsweave(db, settings)
