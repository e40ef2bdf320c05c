"""`newsweave bench group`: same-event clustering on ECB+, copy detection, and a synthetic
stream at scale, written to docs/benchmarks.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .allsides import run_allsides
from .copies import run_copies
from .ecbplus import run_ecbplus
from .report import prepend, section, table
from .stream import run_stream

_NOTES = (
    "How to read it: ECB+ clusters all 772 articles together (not topic by topic) and scores "
    "B-cubed precision, recall and F1 against the gold `event`. Across corpora: the same "
    "settings on ECB+ dev (file order) and on the AllSides roundups (US political news "
    "excerpts, no dates, gold = the story folder; extracted as scraped text and read as "
    "`analyze` does, in folder order; all 307 stories, and the first 100 grouped on their "
    "own), each suspect of the merges turned back one at a time, and the TF-IDF baseline at "
    "its own corpus's best threshold and at the other corpus's best; AllSides' two halves "
    "(the stories the defaults were tuned on, and the others, held out); then the article "
    "pairs grouped wrongly, by cause (`allsides.merge_causes`). ECB+: the grouper is "
    "online, one "
    "article at a time in file order, with its thresholds tuned on this data (the topic-fold "
    "rows tune on four folds of topics and score the fifth: the honest figures); '+ split' rows "
    "then cut stories whose members fall into two groups (normalised cut below split_ncut); "
    "'+ split + consensus' rows also group the articles again in consensus_runs - 1 seeded "
    "shuffles of the given order and keep the stories the runs agree on, as `newsweave "
    "analyze` does after regrouping the store (one order's F1 moves by about 0.01 with the "
    "order, so the mean over ten orders is the figure to read; the consensus_share CV row "
    "chooses the share on four fifths of the topics and scores the rest); the TF-IDF + "
    "average-linkage baseline is the best of a threshold sweep on the same data. Copies: each "
    "ECB+ source gets copies with other chrome, a trimmed ending, light edits and partial "
    "reuse, the other articles are negatives; ECB+ itself holds wire copies and rewrites "
    "(originals sharing 30%+ of their words in verbatim runs of 8+ words, found with difflib, "
    "not with the detector), so a second precision counts those as one family, and their pairs'"
    " recall is shown. Stream: dev texts with perturbations and shifted dates, each size in a "
    "fresh process (with `--repeats k`, k times interleaved, keeping each size's fastest run "
    "by CPU time; cpu_s_runs lists all); time per add (wall clock and the grouping thread's "
    "CPU time: other work on this 2-core machine stretches the first more), the mean CPU "
    "time per add in the first and last tenth of the stream, peak RSS, and time / (n log n) "
    "relative to the smallest size (at most 1.0 means growth no faster than n log n). "
    "Definitions in "
    "`benchmarks/ecbplus.py`, `copies.py`, `stream.py`."
)


def _table(rows: list[dict[str, Any]]) -> str:
    """Consecutive rows with the same fields as one table each (no wide, mostly empty table)."""
    runs: list[list[dict[str, Any]]] = []
    for r in rows:
        if runs and list(runs[-1][0]) == list(r):
            runs[-1].append(r)
        else:
            runs.append([r])
    out = []
    for run in runs:
        cols = [(k, k, ".3f" if any(isinstance(r.get(k), float) for r in run) else "")
                for k in run[0]]  # fmt: skip
        out.append(table(run, cols))
    return "\n\n".join(out)


PARTS = ("ecbplus", "allsides", "copies", "stream", "stream-both")


def check_parts(parts: tuple[str, ...]) -> None:
    """Raise ValueError unless `parts` is a non-empty choice among PARTS."""
    if not parts or set(parts) - set(PARTS):
        raise ValueError(f"choose from {', '.join(PARTS)}, got {','.join(parts)!r}")


def run_bench(sizes: tuple[int, ...], out: Path = Path("docs/benchmarks.md"),
              console: Any = None, repeats: int = 1,
              parts: tuple[str, ...] = PARTS) -> str:  # fmt: skip
    """Run the grouping benchmarks (`parts` of them) and prepend the Markdown section to `out`;
    `repeats`: runs per stream size, the fastest kept (see `stream.run_stream`)."""
    check_parts(parts)
    say = console.print if console is not None else print
    parts_md = []
    for name, title, fn in (
        ("ecbplus", "Same event, hard negatives (ECB+)", run_ecbplus),
        ("allsides", "Same event across corpora (ECB+ dev, AllSides roundups)", run_allsides),
        ("copies", "Copies (syndication set built from ECB+)", run_copies),
        ("stream", f"Scale (synthetic stream: {', '.join(f'{n:,}' for n in sizes)})",
         lambda: run_stream(sizes, repeats)),
        ("stream-both", "Scale (synthetic stream from ECB+ dev and the AllSides roundups: "
         f"{', '.join(f'{n:,}' for n in sizes)})",
         lambda: run_stream(sizes, repeats, ("ecbplus", "allsides"))),
    ):  # fmt: skip
        if name not in parts:
            continue
        say(f"{title} ...")
        parts_md.append(f"### {title}\n\n{_table(fn())}")
    text = section("Grouping", "\n\n".join(parts_md) + "\n\n" + _NOTES)
    prepend(out, text)
    say(text)
    return text
