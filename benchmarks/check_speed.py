"""Speed of the check stage on ECB+ dev (772 articles), against the rest of `analyze`.

Runs the pipeline's own steps on ../shared/data/ecbplus/text into a fresh store (or reuses
--db when it already holds them): ingest + extract, read, group (with the settle), then checks
every story fresh, story by story in this process (one core), and again as `analyze` does
(`pipeline.check_stories`, its worker pool), and reports: the check's share of the whole analyze
either way, the slowest story, and how many stories one more article makes the store re-check.
Then (`--rounds`, default 2) runs `pipeline.analyze` itself, as `newsweave analyze` does (one
worker pool for every stage), into fresh stores, with the check and with `check_stories` made a
pass-through, the two alternated, and reports the ratio of their median wall times: the issue's
measure, with nothing summed by hand.

    .venv/bin/python -m benchmarks.check_speed [--db /tmp/ecb-speed.db] [--rounds 2] \
        [--out docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import platform
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "ecbplus" / "text"


def _clock():
    return time.perf_counter(), time.process_time()


def _since(start) -> tuple[float, float]:
    wall, cpu = _clock()
    return wall - start[0], cpu - start[1]


def _analyze_walls(files: list[str], rounds: int) -> dict[str, list[float]]:
    """Wall seconds of `pipeline.analyze` over `files` into a fresh store, with the check and
    without it (`check_stories` passing the stories through unchecked), alternated."""
    from unittest import mock

    from newsweave import pipeline
    from newsweave.store import SQLiteStore
    from newsweave.store.sqlite import StoryRow

    def unchecked(store, stories, *args, **kwargs):
        return [StoryRow.made(s.to_dict(), "{}") for s in stories], 0

    walls: dict[str, list[float]] = {"with the check": [], "without it": []}
    for _ in range(rounds):
        for name in walls:
            skip = mock.patch.object(pipeline, "check_stories", unchecked)
            with (
                tempfile.TemporaryDirectory() as tmp,
                SQLiteStore(Path(tmp) / "e.db") as store,
                skip if name == "without it" else contextlib.nullcontext(),
            ):
                t = time.perf_counter()
                pipeline.analyze(files, store, fetch=False)
                walls[name].append(time.perf_counter() - t)
    return walls


def main() -> None:
    from newsweave.check import check_story
    from newsweave.group.stage import group_articles
    from newsweave.pipeline import check_stories, read_stored, run, stored_docs
    from newsweave.settings import DEFAULTS
    from newsweave.store import SQLiteStore

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=None, help="store to (re)use")
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks.md")
    ap.add_argument("--rounds", type=int, default=2, help="end-to-end analyze runs of each kind")
    args = ap.parse_args()
    if not DATA.is_dir():
        raise SystemExit(f"ECB+ text not found at {DATA}: the benchmark reads ../shared/data")
    db = args.db or Path(tempfile.mkdtemp()) / "ecb.db"
    files = sorted(str(p) for p in DATA.glob("*.txt"))
    held_out, files = files[-1], files[:-1]
    times = {}
    with SQLiteStore(db) as store:
        t = _clock()
        run(files, store=store, fetch=False)
        times["ingest + extract"] = _since(t)
        t = _clock()
        read_stored(store)
        times["read"] = _since(t)
        t = _clock()
        grouping = group_articles(
            store.articles_with_readings(), replay=store.articles_with_readings
        )
        times["group (with settle)"] = _since(t)
        t = _clock()
        slowest = (0.0, 0)
        for story in grouping.stories:
            docs = [
                (dataclasses.replace(store.get(a), duplicate_of=grouping.duplicate_of.get(a)),
                 store.reading(a))
                for a in story.article_ids
            ]  # fmt: skip
            s0 = time.process_time()
            check_story(story, docs)
            slowest = max(slowest, (time.process_time() - s0, len(docs)))
        times["check (every story, fresh)"] = _since(t)
        # as analyze checks: pipeline.check_stories (its worker pool, the results stored);
        # nothing is stored yet, so every story is checked
        t = _clock()
        check_stories(store, grouping.stories, stored_docs(store), grouping.duplicate_of, DEFAULTS)
        pooled = _since(t)
        # incremental: checks stored, then one more article
        run([held_out], store=store, fetch=False)
        read_stored(store)
        grouping = group_articles(
            store.articles_with_readings(), replay=store.articles_with_readings
        )
        _, fresh = check_stories(
            store, grouping.stories, stored_docs(store), grouping.duplicate_of, DEFAULTS
        )
        n_articles, n_stories = store.count(), len(grouping.stories)
    walls = _analyze_walls(files, args.rounds) if args.rounds > 0 else {}
    total = sum(w for w, _ in times.values())
    check_wall = times["check (every story, fresh)"][0]
    pooled_ratio = (total - check_wall + pooled[0]) / (total - check_wall)
    rows = "\n".join(f"| {k} | {w:.1f} | {c:.1f} |" for k, (w, c) in times.items())
    end_to_end = ""
    if walls:
        with_it, without = (statistics.median(v) for v in walls.values())
        listed = "; ".join(f"{k}: " + ", ".join(f"{w:.1f}" for w in v) for k, v in walls.items())
        end_to_end = f"""- **`pipeline.analyze` end to end** (as `newsweave analyze` runs it, one
  pool for every stage), fresh stores, with the check / with `check_stories` a pass-through,
  alternated {args.rounds} times: median {with_it:.1f} s / {without:.1f} s wall,
  **{with_it / without:.3f}** ({listed} s).
"""
    section = f"""## Check stage speed — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC

Command: `.venv/bin/python -m benchmarks.check_speed` · machine: {platform.machine()},
{os.cpu_count()} CPUs, Python {platform.python_version()} · data: ECB+ dev text, {n_articles - 1}
articles, then 1 more ({Path(held_out).name}); {n_stories} stories.

| step | wall s | CPU s (this process) |
| --- | --- | --- |
{rows}

{end_to_end}- the steps above, analyze with the check / without it:
  **{total / (total - check_wall):.3f}** (wall), the check run story by story in this process,
  one core.
- the check as `analyze` runs it (`pipeline.check_stories`: its worker pool, results stored):
  {pooled[0]:.1f} s wall, so analyze with it / without it: **{pooled_ratio:.3f}**.
- slowest story: {slowest[0]:.2f} s CPU for {slowest[1]} articles.
- adding one article to the stored corpus re-checked **{fresh}** of {n_stories} stories.
- The grouping's consensus runs in worker processes: their CPU is not in this process's column.

"""
    old = args.out.read_text("utf-8") if args.out.exists() else "# Benchmarks\n\n"
    head, _, rest = old.partition("\n## ")
    args.out.write_text(head.rstrip() + "\n\n" + section + ("## " + rest if rest else ""), "utf-8")
    print(section)


if __name__ == "__main__":
    main()
