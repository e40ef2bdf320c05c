"""A synthetic news stream through the Grouper: time per article, total time, peak memory.

The stream is made from the ECB+ dev texts. Pass c over the 772 articles shifts every date by
30 * c days and renames about a third of the words with a pass-specific suffix (so each pass
brings new "events" and a growing vocabulary rather than 130 copies of the same news); within
a pass each article loses about 10% of its sentences and gets a date from its event, so copies,
near copies and same-event articles all occur. Entities are the article's capitalised words
(a cheap stand-in for the reading stage, renamed with the text). Texts are made one at a time,
outside the timed call.

Grouping quality at scale is scored too (B-cubed against pass + ECB+ event; the stream's
entities are crude, so it is a sanity check, not the ECB+ result). Each size runs in its own
process, so the peak resident memory (getrusage ru_maxrss) is that
run's own.

With `--corpora ecbplus,allsides` each pass also carries the 921 AllSides roundup excerpts
(undated US political news, one story per roundup: the corpus where names that are everywhere
merged unrelated stories, issue 18), renamed and dated the same way, gold story = pass + roundup.
Run: .venv/bin/python -m benchmarks.stream [--corpora ecbplus,allsides] [10000 30000 100000]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import resource
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from newsweave.group import Grouper, GroupInput

from .allsides import story_folders
from .ecbplus import EcbDoc, bcubed, load_docs
from .report import print_rows

# the child runs `-m benchmarks.stream`, which imports from the checkout, wherever we were started
_CHECKOUT = Path(__file__).resolve().parents[1]

_SENT = re.compile(r"(?<=[.!?])\s+")
_CAP = re.compile(r"\b[A-Z][a-z]{2,}\b")


def _rename(text: str, c: int) -> str:
    if c == 0:
        return text

    def sub(m: re.Match[str]) -> str:
        w = m.group(0)
        return f"{w}{c}" if zlib.crc32(f"{w}|{c}".encode()) % 3 == 0 else w

    return re.sub(r"\b\w{4,}\b", sub, text)


CORPORA = ("ecbplus", "allsides")


def allsides_docs() -> list[EcbDoc]:
    """The AllSides roundup excerpts as stream documents: event = the roundup's story."""
    out = []
    for path in (p for folder in story_folders() for p in sorted(folder.glob("*.txt"))):
        title, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        story = path.parent.name
        out.append(
            EcbDoc(f"as{path.stem}", f"as{story}", f"as{story}", title.strip(), body.strip())
        )
    return out


def stream_docs(corpora: tuple[str, ...] = ("ecbplus",)) -> list[EcbDoc]:
    """The documents one pass of the stream is made of, corpus by corpus."""
    if not corpora or set(corpora) - set(CORPORA):
        raise ValueError(f"corpora: choose from {', '.join(CORPORA)}, got {corpora!r}")
    loaders = {"ecbplus": load_docs, "allsides": allsides_docs}
    return [d for name in CORPORA if name in corpora for d in loaders[name]()]


def stream(n: int, seed: int = 0, corpora: tuple[str, ...] = ("ecbplus",)) -> Iterator[GroupInput]:
    """n synthetic articles, in publication order (pass by pass, ties in corpus order)."""
    rng = random.Random(seed)
    docs = stream_docs(corpora)
    base = date(2026, 1, 1)
    event_day = {}
    for d in docs:
        event_day.setdefault(d.event, len(event_day) % 25)
    for c in range(-(-n // len(docs))):
        batch = []
        for d in docs[: n - c * len(docs)]:
            sents = [s for s in _SENT.split(d.body) if rng.random() > 0.1] or [d.body]
            text = _rename(" ".join(sents), c)
            day = base + timedelta(days=30 * c + event_day[d.event] + rng.randint(0, 2))
            batch.append(
                GroupInput(
                    article_id=f"{c}-{d.doc}",
                    text=text,
                    title=_rename(d.title, c),
                    published=day.isoformat(),
                    outlet=f"outlet{zlib.crc32(d.doc.encode()) % 50}",
                    entities=tuple(_CAP.findall(text)),
                )
            )
        # a firehose arrives roughly in publication order
        batch.sort(key=lambda it: it.published or "")
        yield from batch


def run_one(n: int, corpora: tuple[str, ...] = ("ecbplus",)) -> dict[str, object]:
    """Group n stream articles in this process; timings and peak memory."""
    g = Grouper()
    times = []
    cpu = []
    event = {d.doc: d.event for d in stream_docs(corpora)}
    ids = []
    for item in stream(n, corpora=corpora):
        ids.append(item.article_id)
        t, c = time.perf_counter(), time.thread_time()
        g.add(item)
        cpu.append(time.thread_time() - c)
        times.append(time.perf_counter() - t)
    total = sum(times)
    tenth = max(1, n // 10)
    first_ms, last_ms = (1000 * sum(part) / len(part) for part in (cpu[:tenth], cpu[-tenth:]))
    times.sort()
    # quality at scale: gold story = (pass, ECB+ event); grouping never saw it
    gold = {a: f"{a.split('-', 1)[0]}|{event[a.split('-', 1)[1]]}" for a in ids}
    pred = {a: g.story_of(a) for a in ids}
    p, r, f1 = bcubed(pred, gold)
    return {
        "n": n,
        "corpora": ",".join(corpora),
        "total_s": round(total, 2),
        "cpu_s": round(sum(cpu), 2),
        # mean CPU time per add in the first and the last tenth of the stream: flat when the
        # cost of an add does not grow with what the grouper already holds
        "cpu_first_tenth_ms": round(first_ms, 3),
        "cpu_last_tenth_ms": round(last_ms, 3),
        "p50_ms": round(1000 * times[len(times) // 2], 3),
        "p99_ms": round(1000 * times[int(len(times) * 0.99)], 3),
        "max_ms": round(1000 * times[-1], 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "stories": len(g.stories()),
        "bcubed_p": round(p, 3),
        "bcubed_r": round(r, 3),
        "bcubed_f1": round(f1, 3),
    }


def run_stream(
    sizes: tuple[int, ...] = (10_000, 30_000), repeats: int = 1,
    corpora: tuple[str, ...] = ("ecbplus",),
) -> list[dict[str, object]]:  # fmt: skip
    """One row per size (each run in a fresh process), with total time / (n log n) vs the
    first, on wall-clock time and on the grouping thread's CPU time (other work on this shared
    machine stretches wall-clock time, and CPU time less).

    With `repeats` > 1 the sizes run that many times, interleaved (10k, 30k, 100k, 10k, ...),
    and each size keeps its fastest run by CPU time (`cpu_s_runs` lists them all): the same
    10,000 articles once took 38% more CPU time in one run than in another on this machine.
    """
    if repeats < 1:
        raise ValueError(f"repeats must be >= 1, got {repeats}")
    runs: dict[int, list[dict[str, object]]] = {n: [] for n in sizes}
    for _ in range(repeats):
        for n in sizes:
            out = subprocess.run(
                [sys.executable, "-m", "benchmarks.stream", "--corpora", ",".join(corpora),
                 "--one", str(n)],
                capture_output=True, text=True, check=True, cwd=_CHECKOUT,
            )  # fmt: skip
            runs[n].append(json.loads(out.stdout.strip().splitlines()[-1]))
    rows = []
    for n in sizes:
        row = min(runs[n], key=lambda r: r["cpu_s"])
        if repeats > 1:
            row["cpu_s_runs"] = [r["cpu_s"] for r in runs[n]]
        rows.append(row)
    first = rows[0]
    for r in rows:
        for key, name in (
            ("total_s", "wall_over_nlogn_vs_first"),
            ("cpu_s", "cpu_over_nlogn_vs_first"),
        ):
            r[name] = round(
                (r[key] / (r["n"] * math.log(r["n"])))
                / (first[key] / (first["n"] * math.log(first["n"]))),
                3,
            )
    return rows


def main() -> None:
    """Print the stream table; sizes from argv (default 10k and 30k)."""
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.stream",
        description="Online grouping of a synthetic stream of N articles (cost and quality).",
    )
    ap.add_argument("sizes", nargs="*", type=int, default=[10_000, 30_000],
                    help="stream sizes (default: 10000 30000)")  # fmt: skip
    ap.add_argument("--corpora", default="ecbplus", help="comma-separated: ecbplus,allsides")
    ap.add_argument("--one", type=int, metavar="N", help="one stream of N, printed as JSON")
    args = ap.parse_args()
    corpora = tuple(args.corpora.split(","))
    if args.one is not None:
        print(json.dumps(run_one(args.one, corpora)))
        return
    print_rows(run_stream(tuple(args.sizes), corpora=corpora))


if __name__ == "__main__":
    main()
