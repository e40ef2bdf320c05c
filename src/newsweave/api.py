"""The Python API: a store you add inputs to, and the stories it makes of them.

Example:
    >>> import newsweave
    >>> with newsweave.open(":memory:") as nw:
    ...     report = nw.analyze(["examples/corpus/decoy"], fetch=False)
    ...     story = report.stories[0]
    ...     [(c.status, c.independent_sources) for c in story.claims][:1]
    [('corroborated', 2)]
    >>> story.brief[0].status, len(story.brief[0].article_ids)
    ('corroborated', 2)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Article, Reading, Story
from .pipeline import Report, Summary, analyze, run
from .settings import DEFAULTS, Settings
from .store import SQLiteStore


class Newsweave:
    """A newsweave store.

    Args:
        db: the SQLite file (created when missing), or ":memory:"; when omitted,
            `settings.store.db_path`.
        settings: the whole settings tree (`Settings`, as the CLI's --config file gives it,
            e.g. `load_settings("newsweave.toml")`); `Settings()` when omitted.
    """

    def __init__(self, db: str | Path | None = None, settings: Settings = DEFAULTS) -> None:
        self.settings = settings
        self.store = SQLiteStore(settings.store.db_path if db is None else db)

    def add(self, inputs: str | Path | Iterable[str | Path], fetch: bool | None = None) -> Summary:
        """Ingest, extract and store paths, folders, URLs or "-"; returns the counts and errors.

        Bad inputs do not raise: they are in `Summary.errors`, one `InputError` each. `fetch`
        False never fetches (default: unless `settings.fetch.offline`).
        """
        if isinstance(inputs, str | Path):
            inputs = [inputs]
        return run([str(i) for i in inputs], self.settings, store=self.store, fetch=fetch)

    def analyze(
        self, inputs: str | Path | Iterable[str | Path] = (), fetch: bool | None = None
    ) -> Report:
        """The whole pipeline (as `newsweave analyze`): add the inputs, read every article not
        read yet, add the new articles to the stored stories and cross-check the stories
        that changed (`newsweave regroup` regroups the whole store).

        Returns:
            The Report: `.stories` (the stories holding the inputs' articles, or every story
            when no inputs are given), `.articles`, `.summary`; `.to_dict()` is the report JSON.
        """
        if isinstance(inputs, str | Path):
            inputs = [inputs]
        names = [str(i) for i in inputs]
        report = analyze(names, self.store, self.settings, fetch=fetch)
        # held here (the pipeline's report reads them from the store as they are iterated):
        # the Report stays whole after the store is closed
        articles = tuple(report.articles)
        stories = report.stories if names else tuple(self.stories())
        return Report(report.summary, stories, articles)

    def stories(self) -> list[Story]:
        """The stories of the last `analyze`, biggest first, with what the check found."""
        return [Story.from_dict(d) for d in self.store.stories()]

    def story(self, story_id: str) -> Story | None:
        d = self.store.story(story_id)
        return Story.from_dict(d) if d is not None else None

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


def open(db: str | Path | None = None, settings: Settings = DEFAULTS) -> Newsweave:  # noqa: A001
    """Open (or create) a newsweave store (`settings.store.db_path` when `db` is omitted), with
    the settings every stage runs with. Use it as a context manager.

    Example:
        >>> from newsweave.settings import Settings, StoreSettings
        >>> with open(settings=Settings(store=StoreSettings(":memory:"))) as nw:
        ...     nw.add("examples/corpus/decoy").stored
        2
    """
    return Newsweave(db, settings)
