"""CPU of the check stage alone, on the stories a store already holds (issue 16).

Reads every stored story's members with their readings once (as `pipeline.check_stories`
gives them to a check), checks the smallest story to load what the check loads once, then
times only `pipeline.check_task` over the other stories, `--rounds` times, and prints the CPU
of each round; `--digest` also prints the sha256 of every story's
check JSON (and of them all), to prove that a change to the checker keeps its output.

    NEWSWEAVE_SHARED=/work/shared newsweave analyze -q --workers 1 --offline \\
        --db /tmp/ecb.db ../shared/data/ecbplus/text
    PYTHONPATH=src .venv/bin/python -m benchmarks.check_cpu --db /tmp/ecb.db [--digest FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from dataclasses import replace
from pathlib import Path


def load(db: Path) -> list[tuple]:
    """(story, members, check settings) of every stored story, biggest first."""
    from newsweave.model import Story
    from newsweave.pipeline import stored_docs
    from newsweave.settings import DEFAULTS
    from newsweave.store import SQLiteStore

    with SQLiteStore(db) as store:
        stories = [Story.from_dict(d) for d in store.stories()]
        docs = stored_docs(store)([a for s in stories for a in s.article_ids])
    jobs = []
    for story in stories:
        members = [docs[a] for a in story.article_ids if a in docs]  # duplicate_of as stored
        jobs.append((replace(story, check=None), members, DEFAULTS.check))
    return jobs


def main() -> None:
    from newsweave.pipeline import check_task

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="a store `analyze` filled")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--digest", type=Path, default=None, help="write story id -> sha256 here")
    args = ap.parse_args()
    jobs = load(args.db)
    # the imports and the parser the check loads once per process, on the smallest story
    # (left out of the rounds); later rounds find the check's caches filled by the first:
    # compare first rounds, one process each
    check_task(jobs[-1])
    jobs = jobs[:-1]
    for r in range(args.rounds):
        t0 = time.process_time()
        checks = [check_task(job) for job in jobs]
        print(f"round {r}: {len(jobs)} stories, {time.process_time() - t0:.2f} s CPU", flush=True)
    if args.digest:
        # a check is JSON text since the check's worker made it so; a dict before
        rows = {
            job[0].id: hashlib.sha256(
                json.dumps(
                    json.loads(c) if isinstance(c, str) else c, sort_keys=True, ensure_ascii=False
                ).encode()
            ).hexdigest()
            for job, c in zip(jobs, checks, strict=True)
        }
        whole = hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()
        args.digest.write_text(json.dumps(rows, indent=0, sort_keys=True), "utf-8")
        print(f"digest of {len(rows)} checks: {whole}")


if __name__ == "__main__":
    main()
