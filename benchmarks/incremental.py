"""Incremental grouping against the full regrouping (issue 16).

Two measurements:

- **ECB+ dev in batches** (grouping stage only): the 772 articles (reading-stage entities and
  times, people by surname, as `analyze` groups them) grouped at once and settled
  (`group.stage.group_items`, what `newsweave regroup` does), against the same articles fed
  in k batches in file order: the first batch grouped at once (an empty store), each later
  batch added to the stored grouping (`group.stage.add_to_grouping`, what every later
  `analyze` does). B-cubed against the gold `event`; seconds of each way.
- **50 new articles into stored corpora** (the whole `newsweave analyze`, in a fresh
  process each): a store of N synthetic stream articles (`benchmarks.stream`: ECB+ dev texts with
  renamed words and shifted dates, stored with a reading holding their capitalised words as
  entities, then grouped once by `newsweave regroup`, timed: "regroup N"), then `analyze` of
  50 new stream articles written as one JSON Lines file under /tmp (timed), against the same 50 into
  an empty store. The texts are third-party: they are written under /tmp only.

Run: .venv/bin/python -m benchmarks.incremental [ecb] [store 1000 10000 [--repeats k]
     [--code DIR] [--workers N] [--keep KEEP] [--online]] (DIR: another checkout's src, run
     side by side with this code; N: the analyses' --workers, 1 for whole CPU figures; KEEP: a
     folder the stored corpora are kept in and taken from; --online: the stored corpora
     grouped online, not regrouped from scratch, as for 100000)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsweave.group import GroupSettings
from newsweave.group.grouper import prepared
from newsweave.group.stage import (
    StoredGrouping,
    add_to_grouping,
    first_settling,
    group_items,
    updated,
)

from .ecbplus import bcubed, load_docs, load_items
from .report import print_rows


def ecb_batches(batches: int = 10) -> list[dict[str, object]]:
    """B-cubed and seconds of the full grouping and of `batches` incremental ones on ECB+."""
    docs = load_docs()
    gold = {d.doc: d.event for d in docs}
    settings = GroupSettings()
    items = [prepared(it, settings) for it in load_items(docs, reader="read", surname=True)]
    t = time.perf_counter()
    full = group_items(items, settings)
    full_s = time.perf_counter() - t
    pred = {a: s.id for s in full.stories for a in s.article_ids}
    rows = [_row("full regroup (group_items)", pred, gold, full_s)]
    size = -(-len(items) // batches)
    t = time.perf_counter()
    first = group_items(items[:size], settings)
    stored = StoredGrouping(
        tuple((s.id, s.article_ids, s.cohesion) for s in first.stories),
        first.duplicate_of,
        first_settling(first, size),  # as the pipeline stores them
    )
    per_batch = [time.perf_counter() - t]
    for k in range(size, len(items), size):
        t = time.perf_counter()
        update = add_to_grouping(items[:k], stored, items[k : k + size], settings)
        stored = updated(stored, update)
        per_batch.append(time.perf_counter() - t)
    pred = {a: sid for sid, members, _ in stored.stories for a in members}
    row = _row(f"{batches} batches of {size} (add_to_grouping)", pred, gold, sum(per_batch))
    row["seconds per batch"] = [round(x, 2) for x in per_batch]
    rows.append(row)
    return rows


def _row(method: str, pred: dict[str, str], gold: dict[str, str], secs: float) -> dict:
    p, r, f = bcubed(pred, gold)
    return {"method": method, "P": p, "R": r, "F1": f, "stories": len(set(pred.values())),
            "seconds": round(secs, 2)}  # fmt: skip


# --- 50 new articles into a stored corpus --------------------------------------------------

NEW = 50
# The stream's dates start in 2026 and run a month a pass; an import refuses a date in the
# future, so every date is moved this many days back (the 10,000th article is in 2027).
_SHIFT_DAYS = 3 * 365


def _shift_days(stored: int) -> int:
    """Days the dates of a corpus of `stored` articles (and the NEW after them) move back:
    `_SHIFT_DAYS`, or more when the last of them would still be past yesterday (100,000
    stream articles span eleven years)."""
    from datetime import UTC, date, datetime

    from .ecbplus import load_docs

    passes = -(-(stored + NEW) // len(load_docs()))
    last = 30 * (passes - 1) + 26  # the stream's day offset of its last pass's latest event
    yesterday = (datetime.now(UTC).date() - date(2026, 1, 1)).days - 1
    return max(_SHIFT_DAYS, last - yesterday)


def _shifted(iso: str | None, days: int = _SHIFT_DAYS) -> str | None:
    from datetime import date, timedelta

    return (date.fromisoformat(iso) - timedelta(days=days)).isoformat() if iso else None


def _stream_articles(n: int, shift: int = _SHIFT_DAYS):
    """(Article, Reading) for the first n stream articles (dates `shift` days back): entities
    are its capitalised words."""
    from newsweave.model import Article, Entity, Reading

    from .stream import stream

    for it in stream(n):
        article = Article(id=f"syn-{it.article_id}", source=f"stream/{it.article_id}.txt",
                          text=it.text, title=it.title, published=_shifted(it.published, shift),
                          outlet=it.outlet, language="en")  # fmt: skip
        ents = tuple(Entity(e, "ORG", e, 0, 0) for e in it.entities)
        yield article, Reading(article_id=article.id, entities=ents)


def build_store(db: Path, n: int) -> tuple[float, float]:
    """A store of n stream articles with readings, grouped once; the grouping's wall and CPU
    seconds (this process's, and the consensus workers' it waited for)."""
    from newsweave.pipeline import regroup
    from newsweave.read.stage import READER_VERSION
    from newsweave.store import SQLiteStore

    with SQLiteStore(db) as store:
        for article, reading in _stream_articles(n, _shift_days(n)):
            store.add(article)
            store.add_reading(reading, READER_VERSION)
        t, cpu = time.perf_counter(), _own_cpu()
        regroup(store)
        return time.perf_counter() - t, _own_cpu() - cpu


def build_online_store(db: Path, n: int) -> tuple[float, float]:
    """A store of n stream articles with readings, grouping features and stories, grouped
    online (`Grouper.add`, one article after another, as the stream benchmark does): no
    settling and no checks, so it is cheap where a regrouping from scratch is not (100,000:
    most of an hour). It stands for a store many analyses have grown: its stories are
    marked settled by one full regrouping of all n (`stage.first_settling`), so the next
    analyze is incremental and settles only what it touches. The stories carry no check
    (an analyze checks the stories it touches). Returns the grouping's wall and CPU seconds.
    """
    from newsweave import pipeline
    from newsweave.group import Grouper
    from newsweave.group.stage import Grouping, first_settling
    from newsweave.read.stage import READER_VERSION
    from newsweave.settings import DEFAULTS
    from newsweave.store import SQLiteStore

    settings = DEFAULTS
    with SQLiteStore(db) as store:
        for article, reading in _stream_articles(n, _shift_days(n)):
            store.add(article)
            store.add_reading(reading, READER_VERSION)
        pipeline.prepare_features(store, settings)
        t, cpu = time.perf_counter(), _own_cpu()
        heads = store.article_heads()
        outlets = pipeline.outlet_table(heads)
        items = pipeline.stored_inputs(store, heads, outlets, settings)
        g = Grouper(settings.group)
        for it in items.values():
            g.add(it)
        grouping = Grouping(tuple(g.stories()), {a: g.duplicate_of(a) for a in items})
        del items, g
        state = {
            "grouping_base": pipeline.grouping_base(settings),
            "outlets": json.dumps(outlets),
            "settled": pipeline._settled_json(first_settling(grouping, n)),
            "grouping": pipeline.grouping_key(store, settings),
        }
        stories = [s.to_dict() for s in grouping.stories]
        store.replace_stories(stories, grouping.duplicate_of, state)
        return time.perf_counter() - t, _own_cpu() - cpu


def _own_cpu() -> float:
    return sum(
        u.ru_utime + u.ru_stime
        for u in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    )


def write_new(path: Path, skip: int) -> None:
    """The 50 stream articles after the first `skip` (dated later), as one JSON Lines file
    (text, title, outlet, published)."""
    from .stream import stream

    shift = _shift_days(skip)
    with open(path, "w", encoding="utf-8") as f:
        for k, it in enumerate(stream(skip + NEW)):
            if k >= skip:
                rec = {"text": it.text, "title": it.title, "outlet": it.outlet,
                       "published": _shifted(it.published, shift)}  # fmt: skip
                f.write(json.dumps(rec) + "\n")


# `--workers` of the timed analyses (None: the default). The CPU seconds count the analyze
# process and the children it waited for: the worker pool's processes (forked by a
# forkserver) are not among them, so `--workers 1` is what makes the CPU columns whole.
ANALYZE_WORKERS: int | None = None


def _analyze_seconds(folder: Path, db: Path, code: str | None = None) -> tuple[float, float, float]:
    """Wall and CPU seconds (user + sys of the process and the children it waited for) of one
    analyze, and its peak RSS in MB: GNU time's maximum resident set size (`%M`: the largest
    of those processes; a child's own maxrss would count the pages of this process it was
    forked from, 2 GB once a 100,000-article store is built here); with `code`, that folder
    (a checkout's src) first on PYTHONPATH."""
    cmd = [sys.executable, "-m", "newsweave.cli", "analyze", str(folder), "--db", str(db),
           "--offline", "--quiet"]  # fmt: skip
    if ANALYZE_WORKERS is not None:
        cmd += ["--workers", str(ANALYZE_WORKERS)]
    env = {**os.environ, "PYTHONPATH": code} if code else None
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        timed = ["/usr/bin/time", "-o", out.name, "-f", "%e %U %S %M", *cmd]
        subprocess.run(timed, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       env=env)  # fmt: skip
        wall, user, system, rss_kb = out.read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss_kb) / 1024


def store_rows(
    sizes: tuple[int, ...],
    repeats: int = 1,
    code: str | None = None,
    keep: Path | None = None,
    online: bool = False,
) -> list[dict[str, object]]:
    """Per stored size N: seconds to regroup N from scratch, to analyze 50 new articles into
    (a fresh copy of) the stored N, and the same 50 into an empty store, each analyze in a
    fresh process; with `repeats` > 1 the two analyses alternate that many times and each
    keeps its fastest (this machine is shared: other work stretches single runs); CPU
    seconds (user + sys, workers included) beside the wall seconds, the fastest by CPU.
    With `code` (a checkout's src) the analyses also run that code, alternating with this
    one, on copies of the same stores: one row per code. With `keep` (a folder) the stored
    corpora and their regrouping times are kept there, and taken from there when present
    (the copies analysed are removed). With `online` the stored corpora are grouped online
    instead (`build_online_store`: no regrouping from scratch, which 100,000 articles make
    too slow to run); the row's "regroup" columns are then that online grouping's."""
    rows = []
    work = keep or Path(tempfile.mkdtemp(prefix="newsweave-incr-"))
    work.mkdir(parents=True, exist_ok=True)
    codes = [("given", code), ("this", None)] if code else [("this", None)]
    try:
        for n in sizes:
            kind = "online" if online else "s"
            db, times = work / f"{kind}{n}.db", work / f"{kind}{n}.json"
            if keep is not None and db.exists() and times.exists():
                regroup_s, regroup_cpu = json.loads(times.read_text())
            else:
                regroup_s, regroup_cpu = (build_online_store if online else build_store)(db, n)
                times.write_text(json.dumps([regroup_s, regroup_cpu]))
            new = work / f"new{n}.jsonl"
            write_new(new, n)
            runs: dict[str, tuple[list, list]] = {name: ([], []) for name, _ in codes}
            for k in range(repeats):
                for name, path in codes:
                    empty, into = runs[name]
                    empty.append(_analyze_seconds(new, work / f"{name}-empty{n}-{k}.db", path))
                    shutil.copy(db, work / f"{name}-into{n}-{k}.db")
                    into.append(_analyze_seconds(new, work / f"{name}-into{n}-{k}.db", path))
            for name, _ in codes:
                rows.append(_store_row(n, name, regroup_s, regroup_cpu, *runs[name]))
                rows[-1]["stored corpus"] = "grouped online" if online else "regrouped"
                print(json.dumps(rows[-1]), file=sys.stderr, flush=True)  # as it goes
            if keep is not None:
                for copy in work.glob(f"*-*{n}-*.db"):
                    copy.unlink()
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return rows


def _store_row(n: int, code: str, regroup_s: float, regroup_cpu: float, empty: list,
               into: list) -> dict[str, object]:  # fmt: skip
    empty_s, into_s = min(r[0] for r in empty), min(r[0] for r in into)
    empty_cpu, into_cpu = min(r[1] for r in empty), min(r[1] for r in into)
    return {"stored": n, "code": code, "regroup stored from scratch s": round(regroup_s, 2),
            "regroup CPU s": round(regroup_cpu, 2),
            "analyze 50 into empty s": round(empty_s, 2),
            "analyze 50 into stored s": round(into_s, 2),
            "into stored / into empty": round(into_s / empty_s, 3),
            "into stored / regroup": round(into_s / regroup_s, 4),
            "into empty CPU s": round(empty_cpu, 2), "into stored CPU s": round(into_cpu, 2),
            "CPU: into stored / into empty": round(into_cpu / empty_cpu, 3),
            "CPU: into stored / regroup": round(into_cpu / regroup_cpu, 4),
            "peak RSS MB, into empty / into stored": [round(max(r[2] for r in empty), 1),
                                                      round(max(r[2] for r in into), 1)],
            "empty runs s (wall/CPU)": [f"{r[0]:.1f}/{r[1]:.1f}" for r in empty],
            "into runs s (wall/CPU)": [f"{r[0]:.1f}/{r[1]:.1f}" for r in into]}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.incremental",
        description="Incremental analyze (issue 16): `ecb` feeds ECB+ dev in 10 batches against "
        "the full regrouping (B-cubed); `store N ...` adds 50 articles to stored corpora of N "
        "articles against the same 50 into an empty store (CPU, wall, peak RSS).",
    )
    ap.add_argument("what", nargs="*", default=["ecb", "store", "1000", "10000"],
                    help="ecb, store, and store sizes (default: ecb store 1000 10000)")  # fmt: skip
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--workers", type=int, help="analyze's --workers (default: its own)")
    ap.add_argument("--code", help="another checkout's src: its analyses too, same run")
    ap.add_argument("--keep", type=Path, help="make / reuse the stores under this folder")
    ap.add_argument("--online", action="store_true", help="build the stores by online grouping")
    args = ap.parse_args()
    if "ecb" in args.what:
        print_rows(ecb_batches())
    global ANALYZE_WORKERS
    if args.workers is not None:
        ANALYZE_WORKERS = args.workers
    if "store" in args.what:
        sizes = tuple(int(a) for a in args.what if a.isdigit()) or (1000, 10000)
        rows = store_rows(sizes, args.repeats, args.code, args.keep, online=args.online)
        print_rows(rows)
        print(json.dumps(rows))


if __name__ == "__main__":
    main()
