"""Adding articles from the web app: one background thread runs the CLI's own orchestration
(pipeline.analyze: ingest, read, group, check) for one job at a time, with its own store
connection.

Jobs run one after another because grouping replaces every story of the store in one
transaction: two at once would race to write their grouping.
"""

from __future__ import annotations

import queue
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .. import pipeline
from ..settings import Settings
from ..store import SQLiteStore

# steps a job shows: queued, ingesting, reading, grouping, "checking story k of n", done, failed


@dataclass(slots=True)
class Job:
    """What one add-articles request is doing; read by the progress page."""

    id: str
    inputs: list[str]
    names: dict[str, str]  # input path -> the name the user uploaded it as
    errors: list[str] = field(default_factory=list)  # one line per failed input
    step: str = "queued"
    units: int = 0
    stored: int = 0
    duplicates: int = 0
    read: int = 0
    to_read: int = 0
    article_ids: list[str] = field(default_factory=list)
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    @property
    def finished(self) -> bool:
        return self.step in ("done", "failed")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "step": self.step, "finished": self.finished, "units": self.units,
            "stored": self.stored, "duplicates": self.duplicates, "failed": len(self.errors),
            "read": self.read, "to_read": self.to_read, "errors": list(self.errors),
            "article_ids": list(self.article_ids), "created": self.created,
        }  # fmt: skip

    def name(self, source: str) -> str:
        """An input as the user knows it (the uploaded file's name, not our copy's path)."""
        for path, shown in self.names.items():
            if source == path or source.startswith(path + "#"):
                return shown + source[len(path) :]
        return source


class JobRunner:
    """A queue of jobs and the one thread that works through it."""

    def __init__(
        self,
        db: str,
        settings: Settings,
        max_jobs_kept: int = 200,
    ) -> None:
        self.db = db
        self.settings = settings
        self.max_jobs_kept = max_jobs_kept
        self.jobs: dict[str, Job] = {}
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._work, name="newsweave-jobs", daemon=True)
        self._thread.start()

    def submit(self, inputs: list[str], names: dict[str, str], errors: list[str]) -> Job:
        """Queue a job over `inputs` (paths or URLs); `errors` are inputs refused already."""
        job = Job(uuid.uuid4().hex, inputs, names, list(errors))
        with self._lock:
            self.jobs[job.id] = job
            while len(self.jobs) > self.max_jobs_kept:  # oldest first (dicts keep order)
                self.jobs.pop(next(iter(self.jobs)))
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self.jobs.get(job_id)

    def close(self) -> None:
        self._queue.put(None)

    def _work(self) -> None:
        while (job := self._queue.get()) is not None:
            try:
                self._run(job)
                step = "done"
            except Exception as e:  # noqa: BLE001 - a job's failure is shown, the app goes on
                job.errors.append(f"the job stopped: {type(e).__name__}: {e}")
                step = "failed"
            job.step = step

    def _run(self, job: Job) -> None:
        def outcome(o: pipeline.Outcome) -> None:
            if o.error is not None:
                job.errors.append(f"{job.name(o.error.source)}: {o.error.reason}")
            elif o.article is not None:
                job.article_ids.append(o.article.id)
                if o.new:
                    job.stored += 1
                else:
                    job.duplicates += 1

        def started(n: int) -> None:
            job.step = "reading"
            job.to_read = n

        def one_read() -> None:
            job.read += 1

        progress = pipeline.ProgressCallbacks(
            on_unit_start=lambda n: setattr(job, "units", n),
            on_outcome=outcome,
            on_read_start=started,
            on_read=one_read,
            on_group_start=lambda _n: setattr(job, "step", "grouping"),
            on_check=lambda k, n: setattr(job, "step", f"checking story {k} of {n}"),
        )
        if not job.inputs:  # every input was refused already: nothing to add
            return
        with SQLiteStore(self.db) as store:
            job.step = "ingesting"
            pipeline.analyze(job.inputs, store, self.settings, progress)
