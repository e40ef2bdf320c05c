"""The workers' CPU per page, extraction and reading, by part, in one process (issue 16).

    NEWSWEAVE_SHARED=/work/shared .venv/bin/python -m benchmarks.read_speed --limit 200 \\
        [--rounds 2] [--against SRC]

Each run is a fresh process that does a worker's work on the first N WCXB dev pages: it
extracts them (`pipeline.extract_document`), then reads the articles in the read stage's
chunks (`pipeline.read_chunk`: readings and grouping feature rows). One page is extracted and
one article read first, with the models and the gazetteer loaded: none of that is counted (a
worker pays it once). CPU time is user + system of the process (`time.process_time`), by part:
wrappers around the stage's functions, where the code has them (SRC may be older).

With `--against SRC` (a checkout's `src` folder, e.g. `git archive main src | tar -x -C
/tmp/base`) rounds alternate SRC's code (PYTHONPATH=SRC) and this checkout's, and the
readings and feature rows of the two are compared (pickled, `==`). Prints a Markdown table of
CPU seconds per 100 pages (mean over the rounds) and the ratio this / SRC.

Pages come from ../shared/data/wcxb-articles/html (read in place, nothing copied).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# (module, function, label): the functions whose CPU time is a part (inclusive).
WRAPPED = (
    ("newsweave.extract.maintext", "run_trafilatura", "trafilatura"),
    ("newsweave.extract.maintext", "run_trafilatura_plain", "trafilatura"),
    ("newsweave.extract.html", "parse_html", "parse_html"),
    ("newsweave.extract.html", "extract_metadata", "metadata"),
    ("newsweave.read.nlp", "recognise", "recognise"),
    ("newsweave.read.nlp_gate", "decode_entities", "decode"),
    ("newsweave.read.nlp", "parse", "parse"),
    ("newsweave.read.nlp", "_greedy_parse", "greedy"),
    ("newsweave.read.quotes", "parse_ahead", "parse_ahead"),
    ("newsweave.read.entities", "find_entities", "entities"),
    ("newsweave.read.quotes", "read_quotes", "quotes"),
    ("newsweave.read.numbers", "find_numbers", "numbers"),
    ("newsweave.read.times", "find_times", "times"),
    ("newsweave.pipeline", "features_row", "features"),
)

# The read stage's parts that do not hold each other (what is left is "the rest").
_READ_PARTS = ("light_tokens", "recognise", "parse_ahead", "entities", "quotes", "numbers",
               "times", "features")  # fmt: skip
# Table rows: (label, how the row is made from the parts).
ROWS = (
    ("extract: trafilatura's runs", lambda p: p["trafilatura"]),
    ("extract: parsing the HTML", lambda p: p["parse_html"]),
    ("extract: metadata", lambda p: p["metadata"]),
    (
        "extract: the rest (our filters, decoding, language, ids)",
        lambda p: p["extract"] - p["trafilatura"] - p["parse_html"] - p["metadata"],
    ),
    ("read, light pass: tokenizer", lambda p: p["light_tokens"]),
    ("read, light pass: recogniser network and decoding", lambda p: p["decode"]),
    ("read, light pass: gate, run Docs, entity spans", lambda p: p["recognise"] - p["decode"]),
    ("read, parse: tokenizer", lambda p: p["parse_tokens"]),
    (
        "read, parse: tok2vec + tagger (and the parser's precomputed layer)",
        lambda p: p["parse"] - p["greedy"] - p["parse_tokens"],
    ),
    ("read, parse: the parser's greedy steps", lambda p: p["greedy"]),
    (
        "read, parse: planning (quote marks, shapes, cue sentences)",
        lambda p: p["parse_ahead"] - p["parse"],
    ),
    ("read: entities", lambda p: p["entities"]),
    ("read: quotes", lambda p: p["quotes"]),
    ("read: numbers", lambda p: p["numbers"]),
    ("read: times", lambda p: p["times"]),
    ("read: grouping features (`features_row`)", lambda p: p["features"]),
    (
        "read: the rest (sentences, Readings, chunks)",
        lambda p: p["read"] - sum(p[k] for k in _READ_PARTS),
    ),
    ("**extract**", lambda p: p["extract"]),
    ("**read**", lambda p: p["read"]),
    ("**extract + read**", lambda p: p["extract"] + p["read"]),
)


def _cpu() -> float:
    return time.process_time()  # user + system, in ns steps (os.times counts 10 ms ticks)


def _wrap(parts: dict[str, float]) -> None:
    """Time the WRAPPED functions (and the two tokenizers) into `parts`, in place."""
    import importlib

    from newsweave.read import nlp

    def timed(f, label):
        def g(*a, **k):
            c0 = _cpu()
            try:
                return f(*a, **k)
            finally:
                parts[label] = parts.get(label, 0.0) + _cpu() - c0

        return g

    for module, name, label in WRAPPED:
        mod = importlib.import_module(module)
        if hasattr(mod, name):
            setattr(mod, name, timed(getattr(mod, name), label))
    light, parser = nlp.light(), nlp._parser()
    # the parse's tokenizer: spaCy's make_doc (Language.pipe calls it for texts)
    parser.make_doc = timed(parser.make_doc, "parse_tokens")
    try:  # the light pass's tokenizer with a warm cache (this branch's `nlp_tokens`)
        from newsweave.read import nlp_tokens

        call = nlp_tokens.WarmTokenizer.__call__

        def warm(self, text):
            if self.nlp is not light:
                return call(self, text)
            return timed(lambda: call(self, text), "light_tokens")()

        nlp_tokens.WarmTokenizer.__call__ = warm
    except ImportError:
        light.make_doc = timed(light.make_doc, "light_tokens")


def child(html_dir: str, limit: int, out: str) -> None:
    """One run (in a fresh process): extract, read, write parts (JSON) and outputs (pickle)."""
    from datetime import date

    from newsweave import pipeline
    from newsweave.ingest.sources import Unit, format_of, read_unit
    from newsweave.model import Article
    from newsweave.read import entities_places, nlp
    from newsweave.read.stage import batches

    settings, today = pipeline.DEFAULTS, date(2026, 12, 2)
    files = sorted(Path(html_dir).glob("*.html.gz"))[:limit]
    raws = [r for f in files for r in read_unit(Unit(str(f), f, format_of(f.name)), settings)]
    pipeline.extract_document((raws[0], settings, today))  # imports, lazy set-ups
    nlp.light(), nlp._parser(), entities_places.gazetteer()
    parts: dict[str, float] = {}
    _wrap(parts)
    first = pipeline.extract_document((raws[0], settings, today))
    pipeline.read_chunk([first], settings)  # the first chunk also freezes the heap
    parts.clear()
    c0 = _cpu()
    articles = [pipeline.extract_document((r, settings, today)) for r in raws]
    parts["extract"] = _cpu() - c0
    articles = [a for a in articles if isinstance(a, Article)]
    c0 = _cpu()
    read = [row for chunk in batches(articles, settings.read) for row in
            pipeline.read_chunk(chunk, settings)]  # fmt: skip
    parts["read"] = _cpu() - c0
    parts["pages"] = len(raws)
    Path(out + ".json").write_text(json.dumps(parts))
    Path(out + ".pkl").write_bytes(pickle.dumps(read))


def _run(src: Path, html_dir: str, limit: int, out: str) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(src))
    cmd = [sys.executable, __file__, "--child", html_dir, str(limit), out]
    subprocess.run(cmd, env=env, check=True, cwd=tempfile.gettempdir())
    return json.loads(Path(out + ".json").read_text())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=200, help="WCXB dev pages (default 200)")
    ap.add_argument("--rounds", type=int, default=1, help="runs of each version")
    ap.add_argument("--against", type=Path, help="another version's src folder")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        html_dir, limit, out = args.child
        child(html_dir, int(limit), out)
        return
    sys.path.insert(0, str(REPO))
    from benchmarks.wcxb import default_dir

    html_dir = str(default_dir() / "html")
    sides = [("SRC", args.against), ("this", REPO / "src")] if args.against else [
        ("this", REPO / "src")]  # fmt: skip
    runs: dict[str, list[dict[str, float]]] = {name: [] for name, _ in sides}
    equal: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.rounds):
            for name, src in sides:
                out = f"{tmp}/{name}-{k}"
                load = os.getloadavg()[0]
                runs[name].append(_run(src, html_dir, args.limit, out))
                print(f"round {k + 1} {name}: load {load:.1f}, extract "
                      f"{runs[name][-1]['extract']:.2f} s, read {runs[name][-1]['read']:.2f} s",
                      file=sys.stderr)  # fmt: skip
            if args.against:
                a = pickle.loads(Path(f"{tmp}/SRC-{k}.pkl").read_bytes())
                b = pickle.loads(Path(f"{tmp}/this-{k}.pkl").read_bytes())
                same = sum(x == y for x, y in zip(a, b, strict=True))
                equal.append(f"round {k + 1}: {same} of {len(a)} readings and feature rows equal")
    _table(runs, args.limit)
    for line in equal:
        print(line)


def _table(runs: dict[str, list[dict[str, float]]], limit: int) -> None:
    def per100(name: str, make) -> float:
        vals = [make(_parts(p)) * 100 / p["pages"] for p in runs[name]]
        return sum(vals) / len(vals)

    names = list(runs)
    head = " | ".join(f"{n} (s / 100 pages)" for n in names)
    print(f"| part ({limit} pages, CPU) | {head} |" + (" this / SRC |" if len(names) == 2 else ""))
    print("| --- |" + " ---: |" * (len(names) + (len(names) == 2)))
    for label, make in ROWS:
        vals = [per100(n, make) for n in names]
        ratio = f" {vals[1] / vals[0]:.2f} |" if len(vals) == 2 and vals[0] else ""
        print(f"| {label} | " + " | ".join(f"{v:.2f}" for v in vals) + " |" + ratio)


def _parts(p: dict[str, float]) -> dict[str, float]:
    keys = {label for _, _, label in WRAPPED} | {"light_tokens", "parse_tokens"}
    return {**dict.fromkeys(keys, 0.0), **p}


if __name__ == "__main__":
    main()
