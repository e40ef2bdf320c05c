"""The stages wired together: inputs -> units -> raw documents -> articles -> store -> readings
-> stories -> checks. `analyze` is the one orchestration; interfaces only draw progress.

Stages stay plain functions; this module only loops, counts and reports, so the same stage code
can run in a pool or a Spark partition.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import msgspec

from .budget import time_budget
from .errors import InputError, StoreError
from .extract import ScrapedContext, extract
from .extract.decode import decode
from .extract.metadata_dates import utc_today
from .ingest import Unit, expand_inputs, read_unit
from .ingest.fetch import Fetcher
from .ingest.files import read_file
from .jsontext import compact
from .model import Article, RawDocument, Reading, Story, StoryCheck
from .outlets import normalise_outlet, outlet_table
from .settings import DEFAULTS, ReadSettings, Settings
from .store import SQLiteStore
from .store.sqlite import StoryRow
from .versions import CHECKER_VERSION, EXTRACTOR_VERSION, READER_VERSION
from .workers import (
    POOL_MIN_DOCUMENTS,
    Task,
    TaskFailed,
    WorkerPool,
    run_here,
    run_in_order,
    worker_count,
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one document: an article (new or already stored) or an error."""

    source: str
    article: Article | None = None
    error: InputError | None = None
    new: bool = False


@dataclass(slots=True)
class Summary:
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    unread: int = 0  # stored, but their reading failed (a worker died under them)
    replaced: int = 0  # articles removed: their input changed and gave another article
    errors: list[InputError] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # files in folders, by ending

    @property
    def articles(self) -> int:
        return self.stored + self.duplicates

    def line(self, verb: str = "stored") -> str:
        """The summary line, e.g. "12 stored, 3 duplicates, 1 failed, 2 skipped (.css, .jpg)"."""
        line = f"{self.stored} {verb}, {self.duplicates} duplicates, {self.failed} failed"
        if self.unread:
            line += f", {self.unread} not read"
        if self.replaced:
            line += f", {self.replaced} replaced by their input's new version"
        if self.skipped:
            endings = ", ".join(sorted(self.skipped))
            line += f", {sum(self.skipped.values())} skipped ({endings})"
        return line

    @property
    def all_failed(self) -> bool:
        """True when inputs were given and not one article came out of them."""
        return self.failed > 0 and self.articles == 0


def scraped_contexts(units: list[Unit], settings: Settings) -> dict[Path, ScrapedContext]:
    """Per folder, the line repetition across its scraped .txt pages (two or more of them).

    Pages a scraper saved into one folder usually share a site template, so a line repeated
    across them is chrome evidence. Unreadable files are skipped here and reported later.
    """
    paths: dict[Path, list[Unit]] = defaultdict(list)
    for unit in units:
        if unit.format == "text" and unit.path is not None:
            paths[unit.path.parent].append(unit)
    by_folder: dict[Path, list[str]] = defaultdict(list)
    # a lone page has no neighbours to compare with: it is not read here
    for folder, members in paths.items():
        if len(members) < 2:
            continue
        for unit in members:
            try:
                data = read_file(unit.path, unit.source, settings.ingest.max_file_bytes)
                by_folder[folder].append(decode(data, unit.source))
            except InputError:
                continue
    return {
        folder: ScrapedContext.from_texts(texts)
        for folder, texts in by_folder.items()
        if len(texts) >= 2
    }


def _read_safely(
    unit: Unit, settings: Settings, fetcher: Fetcher | None, today: date
) -> Iterator[RawDocument | InputError]:
    """`read_unit`, with any unforeseen failure of a reader as one last InputError for the unit:
    hostile input must not stop the batch (a JSON line nested 100k deep once did)."""
    try:
        yield from read_unit(unit, settings, fetcher, today)
    except Exception as e:  # noqa: BLE001
        yield InputError(unit.source, f"unreadable from here on ({type(e).__name__}: {e})"[:300])


def input_digest(raw: RawDocument, settings: Settings, context: ScrapedContext | None) -> str:
    """SHA-256 of everything extraction depends on: the bytes, their kind and container hints,
    the scraped-folder context, the extraction settings, newsweave's version and the
    extractor's (`EXTRACTOR_VERSION`).

    Example:
        >>> a = RawDocument("a.html", b"<p>x</p>", "html")
        >>> input_digest(a, DEFAULTS, None) == input_digest(replace(a, data=b"<p>y</p>"),
        ...                                                 DEFAULTS, None)
        False
    """
    from . import __version__

    h = hashlib.sha256()
    ctx = sorted(context.page_digests) if context is not None else None
    head = [__version__, EXTRACTOR_VERSION, raw.kind, raw.hints, ctx,
            settings.extract.min_text_chars]  # fmt: skip
    h.update(json.dumps(head, sort_keys=True, default=str).encode())
    h.update(b"\0")
    h.update(raw.data)
    return h.hexdigest()


def extract_document(
    job: tuple[RawDocument, Settings, date], context: ScrapedContext | None = None
) -> Article | InputError:
    """Extract one document (raw, settings, the run's today) within its time budget; bad input
    becomes an InputError, never an exception. Runs in a worker process or here
    (`workers.run_in_order`)."""
    raw, settings, today = job
    try:
        with time_budget(settings.extract.time_budget_seconds, raw.source):
            return extract(raw, settings, context, today)
    except InputError as e:
        return e
    except Exception as e:  # noqa: BLE001 - hostile input must not stop the batch
        return InputError(raw.source, f"extraction failed ({type(e).__name__}: {e})")


@dataclass(frozen=True, slots=True)
class _Known:
    """An input whose stored article stands (its digest is unchanged): not extracted again."""

    article: Article


@dataclass(frozen=True, slots=True)
class _UnitDone:
    unit: Unit


def _extraction_jobs(
    units: list[Unit],
    settings: Settings,
    store: SQLiteStore | None,
    fetcher: Fetcher | None,
    today: date,
) -> Iterator[InputError | _Known | _UnitDone | Task]:
    """Every document of the units, in order: a Task to extract it (keeping its digest), its
    stored article when the input is unchanged, or the error reading it; then the unit's end."""
    contexts = scraped_contexts(units, settings)
    for unit in units:
        context = contexts.get(unit.path.parent) if unit.path is not None else None
        for item in _read_safely(unit, settings, fetcher, today):
            if isinstance(item, InputError):
                yield item
                continue
            digest = known = None
            if store is not None:
                digest = input_digest(item, settings, context)
                known = store.stored_input(item.source, digest)
            if known is not None:
                # under this input's name: a second copy's stored article names the first input
                yield _Known(replace(known, source=item.source))
            else:
                job = (item, settings, today)
                yield Task(extract_document, job, keep=(item.source, digest), shared=context)
        yield _UnitDone(unit)


def _lookahead_pool(
    jobs: Iterator[Any], pool: WorkerPool | None
) -> tuple[Iterator[Any], WorkerPool | None]:
    """The jobs (unchanged), and the pool only when they hold POOL_MIN_DOCUMENTS tasks: a small
    batch does not pay for starting the workers. Looks that far ahead, no further."""
    if pool is None:
        return jobs, None
    ahead: list[Any] = []
    tasks = 0
    for job in jobs:
        ahead.append(job)
        tasks += isinstance(job, Task)
        if tasks >= POOL_MIN_DOCUMENTS:
            return itertools.chain(ahead, jobs), pool
    return iter(ahead), None


def _own_pool(settings: Settings, pool: WorkerPool | None) -> Any:
    """The pool given, else a new one when the settings ask for more than one worker."""
    if pool is not None:
        return nullcontext(pool)
    n = worker_count(settings.workers)
    return WorkerPool(n) if n > 1 else nullcontext(None)


def run(
    inputs: list[str],
    settings: Settings = DEFAULTS,
    store: SQLiteStore | None = None,
    on_unit_start: Callable[[int], None] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    on_unit_done: Callable[[Unit], None] | None = None,
    fetch: bool | None = None,
    pool: WorkerPool | None = None,
    today: date | None = None,
) -> Summary:
    """Run ingest + extract (+ store) over the inputs.

    Documents are extracted in `settings.workers` worker processes (when there are
    POOL_MIN_DOCUMENTS or more) and stored, counted and reported in input order, so the store
    is the same with any number of workers. A document whose worker dies is one error.

    Args:
        inputs: paths, folders, URLs or "-" for stdin.
        store: when given, each article is stored in its own transaction, and an input whose
            digest (`input_digest`) is unchanged since it was stored is not extracted again:
            its stored article counts as a duplicate. An input that changed and gave
            another article supersedes the one it gave before: once every input is in, that
            one is removed unless another input still gives it (`Summary.replaced`).
        on_unit_start: called once with the number of units (for a progress bar).
        on_outcome: called for every article or error, in order.
        on_unit_done: called after each unit.
        fetch: allow network fetching of URLs and feed entries (default: unless
            `settings.fetch.offline`).
        pool: worker processes to use (default: started here when settings.workers asks).
        today: the date the run takes as today, one for every input (a date more than a day
            past it is no publication date, whether a page, a scraped text, a feed entry or a
            JSON Lines record gives it); default: today in UTC when the run starts.

    Returns:
        Counts of stored, duplicate and failed documents, and the errors.
    """
    summary = Summary()
    today = today or utc_today()
    units, missing = expand_inputs(inputs, summary.skipped)

    def report(outcome: Outcome) -> None:
        if outcome.error is not None:
            summary.failed += 1
            summary.errors.append(outcome.error)
        elif outcome.new:
            summary.stored += 1
        else:
            summary.duplicates += 1
        if on_outcome:
            on_outcome(outcome)

    for err in missing:
        report(Outcome(err.source, error=err))
    if on_unit_start:
        on_unit_start(len(units))
    fetch = not settings.fetch.offline if fetch is None else fetch
    needs_fetch = fetch and any(u.is_url or u.format in (None, "feed") for u in units)
    fetcher = Fetcher(settings.fetch) if needs_fetch else None
    seen: set[str] = set()
    try:
        with _own_pool(settings, pool) as workers:
            jobs, workers = _lookahead_pool(
                _extraction_jobs(units, settings, store, fetcher, today), workers
            )
            for job, result in run_in_order(jobs, workers):
                if isinstance(job, _UnitDone):
                    if on_unit_done:
                        on_unit_done(job.unit)
                elif isinstance(job, InputError):
                    report(Outcome(job.source, error=job))
                elif isinstance(job, _Known):  # unchanged since it was stored: not extracted
                    report(Outcome(job.article.source, article=job.article))
                else:
                    report(_store_extracted(job.keep, result, store, seen))
    finally:
        if fetcher is not None:
            fetcher.close()
    if store is not None:  # not before every input is in: another record may still give one
        summary.replaced = len(store.remove_superseded())
    return summary


def _store_extracted(
    keep: tuple[str, str | None],
    result: Article | InputError | TaskFailed,
    store: SQLiteStore | None,
    seen: set[str],
) -> Outcome:
    """One extraction's outcome, its article stored (with its input's digest) when new."""
    source, digest = keep
    if isinstance(result, TaskFailed):
        reason = f"extraction stopped: {result.reason} (try it alone with --workers 1)"
        return Outcome(source, error=InputError(source, reason))
    if isinstance(result, InputError):
        return Outcome(result.source, error=result)
    if store is not None:
        new = store.add(result)
        store.remember_input(result.source, digest, result.id)
    else:  # no store: duplicates within this run still count as duplicates
        new = result.id not in seen
        seen.add(result.id)
    return Outcome(result.source, article=result, new=new)


def reader_version(settings: Settings) -> str:
    """What stored readings are keyed by: `READER_VERSION`, and the read settings when they
    are not the defaults (a reading depends on them: `ReadSettings`).

    Example:
        >>> reader_version(DEFAULTS) == READER_VERSION
        True
        >>> reader_version(DEFAULTS.with_(**{"read.max_chars": 1000})) == READER_VERSION
        False
    """
    if settings.read == ReadSettings():
        return READER_VERSION
    digest = hashlib.sha256(repr(settings.read).encode()).hexdigest()[:12]
    return f"{READER_VERSION}+{digest}"


def read_chunk(articles: list[Article], settings: Settings) -> list[tuple[Reading, tuple]]:
    """The readings of a few articles (`read.stage.read_articles` with `settings.read`), each
    with its grouping features' store row (`features_row`); runs in a worker or here. The
    features are made here, beside the reading, so that the main process, which stores them,
    does not compute them one after another once the workers are done."""
    from .read.stage import read_articles

    readings = list(read_articles(articles, settings.read))
    out = [(r, features_row(a, r, settings)) for a, r in zip(articles, readings, strict=True)]
    _freeze_models()
    return out


_frozen = False  # whether this process has frozen its heap (`_freeze_models`)


def _freeze_models() -> None:
    """After a process's first reading: what it holds now (the language models, the
    gazetteer, the vocabularies; loaded once, kept for its life) leaves the cyclic garbage
    collector's generations (`gc.freeze`), so that its full collections, which the read stage's
    many short-lived objects set off, no longer walk it. Freed objects are still freed:
    freezing only stops the collector looking for cycles among them. The gazetteer alone is
    hundreds of thousands of dicts; reading 60 WCXB pages took 0.90-0.93x the CPU time
    (one process, alternating runs under load)."""
    global _frozen
    if not _frozen:
        gc.collect()
        gc.freeze()
        _frozen = True


def read_stored(
    store: SQLiteStore,
    article_ids: list[str] | None = None,
    on_start: Callable[[int], None] | None = None,
    on_read: Callable[[], None] | None = None,
    on_error: Callable[[InputError], None] | None = None,
    settings: Settings = DEFAULTS,
    pool: WorkerPool | None = None,
) -> int:
    """Read the stored articles that have no reading by this reader version, storing each.

    Chunks of articles are read in `settings.workers` worker processes when there are
    POOL_MIN_DOCUMENTS or more to read. A chunk whose worker died is read again one article
    at a time, and an article whose worker dies again stays unread, with one error.

    Args:
        article_ids: which articles (default: the whole store).
        on_start: called once with the number to read (for a progress bar).
        on_read: called after each article.
        on_error: called with the error of an article that could not be read.
        pool: worker processes to use (default: started here when settings.workers asks).

    Returns:
        How many articles were read.
    """
    if article_ids is None:
        article_ids = store.ids_in_stored_order()
    reader = reader_version(settings)
    todo = store.unread(article_ids, reader)
    if on_start:
        on_start(len(todo))
    if not todo:  # nothing to read: the language model is not even loaded
        return 0
    from .read.stage import batches

    articles = (a for a in (store.get(i) for i in todo) if a is not None)
    read = 0
    with _own_pool(settings, pool) as workers:
        workers = workers if len(todo) >= POOL_MIN_DOCUMENTS else None
        # the settings go to each worker once, as a chunk's shared argument
        chunks = (
            Task(read_chunk, chunk, shared=settings) for chunk in batches(articles, settings.read)
        )
        failed: list[Article] = []
        for task, readings in run_in_order(chunks, workers):
            if isinstance(readings, TaskFailed):
                failed.extend(task.arg)
            else:
                read += _store_readings(store, readings, reader, on_read)
        # each article of a failed chunk alone: only one that fails again stays unread
        alone = (Task(read_chunk, [a], shared=settings) for a in failed)
        hint = " (try it alone with --workers 1)" if workers else ""
        for task, readings in run_in_order(alone, workers):
            if isinstance(readings, TaskFailed):
                if on_error:
                    reason = f"not read: {readings.reason}{hint}"
                    on_error(InputError(task.arg[0].source, reason))
            else:
                read += _store_readings(store, readings, reader, on_read)
    return read


def _store_readings(
    store: SQLiteStore,
    read: list[tuple[Reading, tuple]],
    reader: str,
    on_read: Callable[[], None] | None,
) -> int:
    for reading, _ in read:
        store.add_reading(reading, reader)
        if on_read:
            on_read()
    # after the readings: features whose reading is not stored would be made again anyway
    store.add_group_features([row for _, row in read])
    return len(read)


Docs = dict[str, tuple[Article, Reading | None]]

# Stories whose articles `check_stories` reads from the store in one query: stories in a row
# until their members reach this many (a bigger story is read alone). The texts and readings
# held at once stay a few hundred articles' whatever the store holds.
_CHECK_READ_ARTICLES = 200


def read_docs(store: SQLiteStore, outlets: dict[str, str]) -> Callable[[list[str]], Docs]:
    """What reads some stored articles with their readings, outlets normalised by `outlets`
    (`outlets.outlet_table`), for `check_stories`."""

    def read(ids: list[str]) -> Docs:
        return {a.id: (normalise_outlet(a, outlets), r) for a, r in
                store.articles_with_readings(ids)}  # fmt: skip

    return read


def stored_docs(store: SQLiteStore) -> Callable[[list[str]], Docs]:
    """`read_docs` with the outlet table of every stored article (`outlets.normalise_outlet`:
    one site counts as one outlet however its pages name it)."""
    return read_docs(store, outlet_table(store.article_heads()))


def check_stories(
    store: SQLiteStore,
    stories: Sequence[Story],
    docs: Callable[[list[str]], Docs],
    duplicate_of: dict[str, str | None],
    settings: Settings,
    on_check: Callable[[int, int], None] | None = None,
    pool: WorkerPool | None = None,
) -> tuple[list[StoryRow], int]:
    """Each story with its check, as the store keeps it: the check from the store when the
    story's membership is unchanged, else run.

    The stories to check anew are checked in `settings.workers` worker processes (`pool`,
    when there are POOL_MIN_DOCUMENTS or more; each story's check is independent of the
    others) and stored here in story order; a check whose worker died is run here.

    Args:
        docs: what reads some stored articles with their readings (`read_docs`,
            `stored_docs`): they are read a few stories at a time (`_CHECK_READ_ARTICLES`),
            never all at once.
        duplicate_of: the grouping's copy links (article id -> origin id or None).
        pool: worker processes to use (default: started here when settings.workers asks).

    Returns:
        Each story's row (`StoryRow`: `Story.to_dict()` with its check's, as JSON text), and
        how many were checked anew. A check is JSON text from where it is made (the worker)
        to the checks table, its story's row and the report; a stored one is used as stored
        (rebuilt as objects only to be made a dict again, it cost 3.3 ms a story of the
        examples: from_dict 1.4, to_dict 1.9).
    """
    from .check import check_key

    def jobs() -> Iterator[dict | Task]:
        for story, got in _with_docs(stories, docs):
            members = [
                (replace(got[aid][0], duplicate_of=duplicate_of.get(aid)), got[aid][1])
                for aid in story.article_ids
                if aid in got
            ]
            key = check_key(members, settings.check, reader_version(settings))
            cached = store.check(key)
            if cached is not None:
                yield StoryRow.made(story.to_dict(), cached)
            else:
                yield Task(check_task, (story, members, settings.check), keep=key)

    out: list[StoryRow] = []
    fresh = 0
    with _own_pool(settings, pool) as workers:
        stream, workers = _lookahead_pool(jobs(), workers)
        for job, check in run_in_order(stream, workers):
            if isinstance(job, Task):
                if isinstance(check, TaskFailed) and workers is not None:
                    check = run_here(job)  # its worker died: checked here instead
                if isinstance(check, TaskFailed):  # the story says why; no check is stored,
                    # so a regroup or a new checker version checks it again
                    check = compact(StoryCheck(False, f"not checked: {check.reason}").to_dict())
                else:
                    store.add_check(job.keep, CHECKER_VERSION, check)
                fresh += 1
                job = StoryRow.made(job.arg[0].to_dict(), check)
            out.append(job)
            if on_check:
                on_check(len(out), len(stories))
    return out, fresh


def check_task(job: tuple[Story, list[tuple[Article, Reading | None]], Any]) -> str:
    """`check.check_story` of (story, members, check settings), as JSON text (`to_dict`,
    `jsontext.compact`); runs in a worker or here. Made text where it is made: in this
    process, the dicts of 699 WCXB stories' checks (180,000 claims) took more CPU than
    anything else of the checks, and text crosses from a worker without being pickled."""
    from .check import check_story

    return compact(check_story(*job).to_dict())


def load_check(_: object = None) -> None:
    """Import what a process's first check imports (the stage, and scipy's clustering and
    sparse matrices, which the alignment imports when first called): sent to the idle workers
    (`WorkerPool.warm`) while this process groups the stories. Inside `analyze` on ECB+ dev a
    worker's first check took 0.30 s more than later ones, nearly all of it these imports."""
    from scipy.cluster import hierarchy  # noqa: F401
    from scipy.sparse import csgraph  # noqa: F401

    from .check import stage  # noqa: F401


def _grouping_settings(settings: Settings) -> str:
    """The settings the stories depend on: the group and check branches. The number of
    processes changes nothing in the output (tested), so it is left out."""
    return repr((replace(settings.group, consensus_workers=0), settings.check))


def _with_docs(
    stories: Sequence[Story], docs: Callable[[list[str]], Docs]
) -> Iterator[tuple[Story, Docs]]:
    """Each story with the docs that hold its members (read a few stories at a time)."""
    batch: list[Story] = []
    size = 0
    for k, story in enumerate(stories):
        batch.append(story)
        size += len(story.article_ids)
        if size >= _CHECK_READ_ARTICLES or k == len(stories) - 1:
            got = docs([a for s in batch for a in s.article_ids])
            yield from ((s, got) for s in batch)
            batch, size = [], 0


def grouping_key(store: SQLiteStore, settings: Settings) -> str:
    """Digest of what regrouping depends on: every article id in stored order, which of them
    have no reading, the reader and checker versions, the settings and newsweave's version."""
    from . import __version__

    ids = store.ids_in_stored_order()
    reader = reader_version(settings)
    head = [__version__, reader, CHECKER_VERSION, _grouping_settings(settings)]
    parts = [*head, ids, store.unread(ids, reader)]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


# Times regroup starts again when another run on the same store added articles while it grouped
# (two analyze runs at once: the one that finished grouping last wrote stories without the
# other's articles). Past it the stories are written as they are; the next run regroups.
REGROUP_ATTEMPTS = 3


def grouping_base(settings: Settings) -> str:
    """Digest of what every stored story depends on besides its own articles: newsweave's,
    the reader's, the checker's and the features' versions and the check settings. Stories
    made under another base are regrouped as a whole."""
    from . import __version__
    from .group.prepare import features_version

    parts = [__version__, reader_version(settings), CHECKER_VERSION,
             features_version(settings.group), _grouping_settings(settings)]  # fmt: skip
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


# Articles whose grouping features are computed and stored per transaction.
_FEATURES_BATCH = 200


def prepare_features(store: SQLiteStore, settings: Settings = DEFAULTS) -> list[str]:
    """Compute and store the grouping features (`group.prepare`) of every article that has
    none of this version or whose reading changed since; each article's are computed once.

    Returns:
        The ids whose features were computed, in stored order.
    """
    from .group import prepare

    todo = store.without_group_features(prepare.features_version(settings.group))
    for k in range(0, len(todo), _FEATURES_BATCH):
        pairs = store.articles_with_readings(todo[k : k + _FEATURES_BATCH])
        store.add_group_features([features_row(a, r, settings) for a, r in pairs])
    return todo


def features_row(article: Article, reading: Reading | None, settings: Settings) -> tuple:
    """An article's grouping features (`group.prepare`: text features, and the names its
    reading gives grouping) as the store keeps them (`SQLiteStore.add_group_features`)."""
    from .group import prepare
    from .group.stage import group_input

    gs = settings.group
    item = group_input(article, reading)
    f = prepare.text_features(article.text, article.title, gs)
    names = {"entities": item.entities, "places": item.places, "times": item.times}
    reader = reader_version(settings) if reading is not None else ""
    return (article.id, prepare.features_version(gs), reader, *prepare.encode(f, names))


def stored_inputs(
    store: SQLiteStore, heads: list[Article], outlets: dict[str, str], settings: Settings = DEFAULTS
) -> dict:
    """Article id -> GroupInput of every stored article, in stored order, from its stored
    features (`prepare_features` first) and its head (outlet normalised); the text is not read.
    """
    from .group import prepare
    from .group.types import GroupInput

    rows = {aid: (d, sh, mh) for aid, d, sh, mh in store.group_features(
        prepare.features_version(settings.group))}  # fmt: skip
    out = {}
    for head in heads:
        f, names = prepare.decode(*rows[head.id])
        out[head.id] = GroupInput(
            article_id=head.id, text="", title=head.title, published=head.published,
            outlet=normalise_outlet(head, outlets).outlet, url=head.url,
            entities=tuple(names["entities"]), places=tuple(names["places"]),
            times=tuple(names["times"]), features=f,
        )  # fmt: skip
    return out


def group_store(
    store: SQLiteStore,
    settings: Settings = DEFAULTS,
    on_check: Callable[[int, int], None] | None = None,
    full: bool = False,
    pool: WorkerPool | None = None,
) -> int:
    """Bring the stored stories up to date with the stored articles, cross-checking each
    story whose membership changed (in `pool`'s workers, see `check_stories`).

    Incremental unless `full`: the articles in no story yet are added online to the stored
    stories (`group.stage.add_to_grouping`), and only the stories they touch are settled,
    checked and stored again, in one transaction. The whole store is regrouped (`full`) when
    it has no stories yet or what the stories depend on changed (`grouping_base`: versions,
    settings; or a grouped article's reading). A stored story whose members' outlet the
    outlet table now names otherwise is settled and checked again. An unchanged store
    (`grouping_key`) is left alone unless `full`.

    Returns:
        How many stories were stored (0 when nothing changed).
    """
    key = grouping_key(store, settings)
    if not full and store.state("grouping") == key:
        return 0
    for _ in range(REGROUP_ATTEMPTS):
        write = _grouped(store, settings, on_check, full, pool)
        if (now := grouping_key(store, settings)) == key:
            break
        key = now  # another run stored articles meanwhile: its stories would be lost
    return write(key)


def _grouped(
    store: SQLiteStore,
    settings: Settings,
    on_check: Callable[[int, int], None] | None,
    full: bool,
    pool: WorkerPool | None = None,
) -> Callable[[str], int]:
    """`group_store`'s grouping and checks; returns what writes them (given the grouping key)."""
    from .group import stage

    if pool is not None:  # its workers idle while this process groups
        pool.warm(load_check)
    heads = store.article_heads()
    outlets = outlet_table(heads)
    base = grouping_base(settings)
    changed = prepare_features(store, settings)
    items = stored_inputs(store, heads, outlets, settings)
    # a story that lost a member (`SQLiteStore.remove_superseded`) is settled again; one that
    # lost all is gone
    thinned = set(store.thinned_stories())
    story_members = tuple(s for s in store.story_members() if s[1])
    emptied = thinned - {sid for sid, _, _ in story_members}
    grouped = {a for _, members, _ in story_members for a in members}
    state = {"grouping_base": base, "outlets": json.dumps(outlets)}
    if full or store.state("grouping_base") != base or not grouped.isdisjoint(changed):
        grouping = stage.group_items(list(items.values()), settings.group)
        docs = read_docs(store, outlets)  # a few stories' texts at a time, not the store's
        stories, _ = check_stories(
            store, grouping.stories, docs, grouping.duplicate_of, settings, on_check, pool
        )
        state["settled"] = _settled_json(stage.first_settling(grouping, len(items)))

        def replace_all(key: str) -> int:
            store.replace_stories(stories, grouping.duplicate_of, {**state, "grouping": key})
            return len(stories)

        return replace_all
    new = [it for a, it in items.items() if a not in grouped]
    kept = json.loads(store.state("settled") or "{}").items()
    settled = {sid: stage.Settling(*v) for sid, v in kept if sid not in emptied}
    stored = stage.StoredGrouping(story_members, dict(store.copy_links()), settled)
    # a site's name learnt now renames its earlier articles' outlet: their stories are redone
    before = json.loads(store.state("outlets") or "{}")
    renamed = [h.id for h in heads if h.id in grouped and items[h.id].outlet
               != normalise_outlet(h, before).outlet]  # fmt: skip
    refresh = renamed + [members[0] for sid, members, _ in story_members if sid in thinned]
    grouped_items = [items[a] for a in items if a in grouped]
    update = stage.add_to_grouping(grouped_items, stored, new, settings.group, refresh=refresh)
    docs = read_docs(store, outlets)
    stories, _ = check_stories(
        store, update.stories, docs, update.duplicate_of, settings, on_check, pool
    )
    state["settled"] = _settled_json(stage.updated(stored, update).settled)

    def replace_touched(key: str) -> int:
        store.update_stories(
            [*update.replaced, *emptied], stories, update.duplicate_of, {**state, "grouping": key}
        )
        return len(stories)

    return replace_touched


def _settled_json(settled: dict) -> str:
    """The stories' `group.stage.Settling`s as the store keeps them (state "settled")."""
    return json.dumps({sid: [st.articles, st.run] for sid, st in settled.items()})


def regroup(
    store: SQLiteStore,
    settings: Settings = DEFAULTS,
    on_check: Callable[[int, int], None] | None = None,
    full: bool = True,
) -> list[Story]:
    """Group every stored article (in stored order) into stories and copy links, cross-check
    each story whose membership changed, and store them all (`group_store`; with `full`
    False only what changed is regrouped). Outlets are normalised first
    (`outlets.normalise_outlet`): one site counts as one outlet however its pages name it.

    Returns:
        Every stored story, biggest first.
    """
    group_store(store, settings, on_check, full)
    return [Story.from_dict(d) for d in store.stories()]


# Articles `StoredArticles` reads from the store per query: a few hundred pages' texts and
# readings at a time, however many articles the report holds.
_ARTICLES_PER_READ = 100


class StoredArticles(Sequence[tuple[Article, Reading | None]]):
    """A report's articles with their readings, outlets normalised, read from the store as
    they are iterated (`_ARTICLES_PER_READ` at a time), never all held: a report of 10,000
    articles is not in memory at once. Valid while the store is open.

    Args:
        store: the store holding them.
        ids: the article ids, in report order (ids not stored are left out).
        outlets: the outlet table (`outlets.outlet_table`) to normalise them with.
    """

    def __init__(self, store: SQLiteStore, ids: Sequence[str], outlets: dict[str, str]) -> None:
        self._store, self._outlets = store, outlets
        known = store.stored_ids(ids)  # a report holds only stored articles
        self._ids = tuple(i for i in ids if i in known)

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[tuple[Article, Reading | None]]:
        ids = self._ids
        for k in range(0, len(ids), _ARTICLES_PER_READ):
            chunk = ids[k : k + _ARTICLES_PER_READ]
            got = {a.id: (a, r) for a, r in self._read(chunk)}
            for i in chunk:
                if i in got:
                    a, r = got[i]
                    yield normalise_outlet(a, self._outlets), r

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return tuple(self)[index]
        ((a, r),) = self._read([self._ids[index]])
        return normalise_outlet(a, self._outlets), r

    def _read(self, ids: list[str]) -> list[tuple[Article, Reading | None]]:
        try:
            return list(self._store.articles_with_readings(ids))
        except sqlite3.ProgrammingError:  # "Cannot operate on a closed database."
            reason = "closed: a report's articles are read from its store (use them first)"
            raise StoreError(f"{self._store.path}: {reason}") from None


class StoredStories(Sequence[Story]):
    """A report's stories as the store gave them (`StoryRow`s: JSON text), each made a
    `Story` when it is asked for: the report JSON copies the text as it is, since a stored
    story's `Story.from_dict(d).to_dict()` writes the same JSON as `d` (tested), and the
    terminal loads only the heads it shows (`heads`). Rebuilding and dumping the objects
    again cost the main process 4.3 s of the 793 WCXB pages' analyze, after the workers were
    done; loading the 52 MB of their text 1.05 s.

    Args:
        rows: each story's row (`SQLiteStore.stories_with`), in report order.
    """

    def __init__(self, rows: Sequence[StoryRow]) -> None:
        self.rows = tuple(rows)
        self._made: dict[int, Story] = {}
        self._dicts: tuple[dict[str, Any], ...] | None = None

    @property
    def dicts(self) -> tuple[dict[str, Any], ...]:
        """Each story's dict (loaded once, when first asked for)."""
        if self._dicts is None:
            self._dicts = tuple(row.to_dict() for row in self.rows)
        return self._dicts

    def heads(self) -> list[dict[str, Any]]:
        """Each story's dict without its claims, quotes, numbers, coverage, framing and
        timeline: what the terminal shows (its table and briefs)."""
        decode = _HEAD_DECODER.decode
        return [msgspec.structs.asdict(decode(row.text)) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return tuple(self)[index]
        k = range(len(self.rows))[index]  # a negative index counts from the end
        if k not in self._made:
            self._made[k] = Story.from_dict(self.rows[k].to_dict())
        return self._made[k]

    def __iter__(self) -> Iterator[Story]:
        return (self[k] for k in range(len(self.rows)))


class _StoryHead(msgspec.Struct):
    """The fields of a story object the terminal shows (`StoredStories.heads`)."""

    id: str
    article_ids: list[str]
    title: str | None = None
    independent_sources: int = 0
    outlets: list[str] = msgspec.field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None
    article_count: int | None = None
    cohesion: float | None = None
    note: str | None = None
    checked: bool | None = None
    check_note: str | None = None
    brief: list[dict[str, Any]] = msgspec.field(default_factory=list)


_HEAD_DECODER = msgspec.json.Decoder(_StoryHead)


@dataclass(frozen=True, slots=True)
class Report:
    """What one `analyze` found: the inputs' counts, their stories and every article of them
    (`articles`: read from the store as they are iterated, when `analyze` made it)."""

    summary: Summary
    stories: Sequence[Story]
    articles: Sequence[tuple[Article, Reading | None]]

    def story_dicts(self) -> Iterator[dict[str, Any]]:
        """Each story's dict (`Story.to_dict()`), as the store gave it when `analyze` made
        the report (`StoredStories`)."""
        if isinstance(self.stories, StoredStories):
            return iter(self.stories.dicts)
        return (s.to_dict() for s in self.stories)

    def story_heads(self) -> list[dict[str, Any]]:
        """What the terminal shows of each story: `story_dicts()`, without the lists the
        report file holds (claims, quotes, numbers, coverage, framing, timeline) when the
        store gave the stories (`StoredStories.heads`)."""
        if isinstance(self.stories, StoredStories):
            return self.stories.heads()
        return list(self.story_dicts())

    def articles_frame(self) -> Any:
        """The report's articles as a pandas DataFrame, one row each (the `frames` extra)."""
        from .model import data_frame

        columns = ("id", "outlet", "published", "title", "url", "language", "duplicate_of",
                   "quotes", "entities", "numbers")  # fmt: skip
        rows = [
            {**{c: getattr(a, c) for c in columns[:7]},
             "quotes": len(r.quotes) if r else 0, "entities": len(r.entities) if r else 0,
             "numbers": len(r.numbers) if r else 0}
            for a, r in self.articles
        ]  # fmt: skip
        return data_frame(rows, columns)

    def to_dict(self) -> dict:
        """The report JSON object (schema newsweave.report/1)."""
        from .report import build_report

        return build_report(self.articles, list(self.story_dicts()))

    def write_json(
        self, f: TextIO, on_article: Callable[[dict[str, Any]], None] | None = None
    ) -> None:
        """Write the report JSON (`to_dict()`, indented by 2, and a newline) as it goes, one
        article at a time (`report.json.write_report`): the same text, in bounded memory."""
        from .report.json import write_report

        if isinstance(self.stories, StoredStories):  # their text as stored, not loaded
            stories: Iterator[Any] = (msgspec.Raw(r.text.encode()) for r in self.stories.rows)
        else:
            stories = self.story_dicts()
        write_report(f, self.articles, stories, on_article)


@dataclass(slots=True)
class ProgressCallbacks:
    """Callbacks an interface draws progress with; every one is optional."""

    on_unit_start: Callable[[int], None] | None = None
    on_outcome: Callable[[Outcome], None] | None = None
    on_unit_done: Callable[[Unit], None] | None = None
    on_read_start: Callable[[int], None] | None = None
    on_read: Callable[[], None] | None = None
    on_group_start: Callable[[int], None] | None = None
    on_check: Callable[[int, int], None] | None = None


def analyze(
    inputs: list[str],
    store: SQLiteStore,
    settings: Settings = DEFAULTS,
    progress: ProgressCallbacks | None = None,
    fetch: bool | None = None,
    today: date | None = None,
) -> Report:
    """The whole pipeline: ingest, extract, store, read, group, check; the one orchestration
    the CLI, the API and the web app call (`today`: as `run` takes it).

    Articles stored by earlier runs are read if they have not been, and the articles in no
    story yet are added to the stored stories (`group_store`: an article stored now may join
    or bridge earlier stories; only the stories it touches are settled and checked again);
    the report holds the stories that contain this run's articles, and every article of
    those stories.

    Returns:
        The Report (`Report.to_dict()` is the report JSON).
    """
    progress = progress or ProgressCallbacks()
    ids: dict[str, None] = {}  # an ordered set

    def keep(o: Outcome) -> None:
        if o.article is not None:
            ids.setdefault(o.article.id)
        if progress.on_outcome:
            progress.on_outcome(o)

    # one pool for every stage: its workers keep what they loaded for extraction
    with _own_pool(settings, None) as pool:
        summary = run(
            inputs, settings, store=store, on_unit_start=progress.on_unit_start,
            on_outcome=keep, on_unit_done=progress.on_unit_done, fetch=fetch, pool=pool,
            today=today,
        )  # fmt: skip

        def unread(error: InputError) -> None:
            summary.unread += 1
            summary.errors.append(error)
            if progress.on_outcome:
                progress.on_outcome(Outcome(error.source, error=error))

        read_stored(
            store, None, on_start=progress.on_read_start, on_read=progress.on_read,
            on_error=unread, settings=settings, pool=pool,
        )  # fmt: skip
        if progress.on_group_start:
            progress.on_group_start(store.count())
        group_store(store, settings, progress.on_check, pool=pool)
    stories = StoredStories(store.stories_with(list(ids)))
    # the report is self-contained: every article of a story it shows is in it
    for row in stories.rows:
        ids.update(dict.fromkeys(row.article_ids))
    outlets = outlet_table(store.article_heads())
    return Report(summary, stories, StoredArticles(store, list(ids), outlets))
