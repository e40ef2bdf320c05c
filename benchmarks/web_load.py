"""Web app under load (a benchmark, not a test): story page and stories list latency with wrk,
16 connections on loopback, first on a quiet store, then while `newsweave ingest` adds 300
more articles to the same store; then the store is checked (every article once, integrity ok).

The store is synthetic (invented text, readings and stories, with check-stage data on every
story so the story page renders claims, brief, coverage and timeline): no third-party text.

    .venv/bin/python benchmarks/web_load.py [--articles 5000] [--ingest 300] [--seconds 15]

Needs wrk (Debian: apt-get install wrk). Results are prepended to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import random
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from newsweave.bench.report import prepend, section, table
from newsweave.model import Article, Entity, Reading
from newsweave.store import SQLiteStore

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PLACES = ("Lindholm", "Quellmouth", "Ostwyn", "Tavessa", "Lowfen", "Northreach", "Selmar")
OUTLETS = ("Lindholm Ledger", "Quellmouth Gazette", "Northreach Daily", "Lowfen Radio",
           "Selmar Standard", "Capital Ledger", "Harbour Wire", "Valley Live")  # fmt: skip
SUBJECTS = ("The council", "Residents", "The mayor", "Engineers", "Inspectors", "The agency")
VERBS = ("reviewed", "questioned", "approved", "delayed", "described", "inspected")
OBJECTS = ("the new flood barrier", "the tram budget", "a report on the footbridge",
           "plans for the market hall", "repairs to the harbour wall", "ferry times")  # fmt: skip

WRK_SCRIPT = """
paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
counter = math.random(#paths)
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.2f %.2f %.2f %.2f %d %d %d %d %d %d %.2f\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests,
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout, summary.duration / 1e6))
end
"""


def sentence(rng: random.Random, place: str) -> str:
    return (f"{rng.choice(SUBJECTS)} in {place} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"on day {rng.randint(1, 28)}, officials said.")  # fmt: skip


def synthetic_store(db: Path, n: int, seed: int = 0) -> int:
    """n invented articles with readings, grouped into stories of 1-12 with check data."""
    rng = random.Random(seed)
    stories, aid = [], 0
    with SQLiteStore(db) as store:
        while aid < n:
            size = min(rng.choice((1, 1, 2, 3, 4, 5, 8, 12)), n - aid)
            place = rng.choice(PLACES)
            day = rng.randint(1, 28)
            members = []
            for k in range(size):
                sents = [sentence(rng, place) for _ in range(rng.randint(8, 20))]
                text = " ".join(sents)
                a = Article(id=f"{aid:016x}", source=f"synthetic/{aid}.html", text=text,
                            outlet=OUTLETS[(aid + k) % len(OUTLETS)],
                            title=f"{place}: {sents[0][:60]}", published=f"2026-03-{day:02d}",
                            url=f"https://synthetic.example/{aid}")  # fmt: skip
                store.add(a)
                ents = tuple(Entity(place, "GPE", place, m.start(), m.end())
                             for m in re.finditer(place, text))  # fmt: skip
                store.add_reading(Reading(a.id, entities=ents), "synthetic")
                members.append(a)
                aid += 1
            stories.append(_story(members, rng))
        store.replace_stories(stories, {})
    return len(stories)


def _story(members: list[Article], rng: random.Random) -> dict:
    first = members[0]
    ends = [(a, a.text.index(".") + 1) for a in members]
    claims = [{"id": f"c{i}", "text": a.text[:end], "status": rng.choice(
        ("corroborated", "single_source", "conflicting")),
        "attribution": {"kind": "asserted", "who": None, "cue": None}, "attributed_to": None,
        "article_ids": [a.id], "independent_sources": 1,
        "evidence": [{"article_id": a.id, "text": a.text[:end], "start": 0, "end": end}],
        "note": "synthetic"} for i, (a, end) in enumerate(ends[:6])]  # fmt: skip
    return {
        "id": f"s-{first.id}", "title": first.title, "article_ids": [a.id for a in members],
        "independent_sources": len({a.outlet for a in members}),
        "outlets": sorted({a.outlet for a in members}), "first_published": first.published,
        "last_published": first.published, "article_count": len(members), "checked": True,
        "check_note": None, "claims": claims, "quotes": [], "numbers": [],
        "coverage": {a.id: {"only_here": [], "missing": [], "speakers": {}} for a in members},
        "framing": {},
        "brief": [{"text": c["text"], "status": c["status"], "claim_ids": [c["id"]],
                   "article_ids": c["article_ids"]} for c in claims],
        "timeline": [{"when": first.published, "text": claims[0]["text"], "claim_ids": ["c0"],
                      "article_ids": [first.id]}],
    }  # fmt: skip


def ingest_pages(folder: Path, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        place = rng.choice(PLACES)
        paras = "\n".join(f"<p>{' '.join(sentence(rng, place) for _ in range(3))}</p>"
                          for _ in range(5))  # fmt: skip
        (folder / f"page{i:04d}.html").write_text(
            f"<!DOCTYPE html><html><head><title>{place} story {i} | Harbour Wire</title>"
            f"<meta property='og:site_name' content='Harbour Wire'></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{place} story {i}</h1>{paras}"
            f"</article><footer>© 2026 Harbour Wire</footer></body></html>",
            "utf-8",
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk(url: str, paths: list[str], seconds: int, work: Path) -> dict:
    (work / "paths.txt").write_text("\n".join(paths) + "\n")
    (work / "script.lua").write_text(WRK_SCRIPT)
    started = time.monotonic()
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "--timeout", "10s", "-s", str(work / "script.lua"),
         url], capture_output=True, text=True, env={"WRK_PATHS": str(work / "paths.txt")},
    ).stdout  # fmt: skip
    line = next(x for x in out.splitlines() if x.startswith("RESULT"))
    v = line.split()[1:]
    return {"p50_ms": float(v[0]), "p95_ms": float(v[1]), "p99_ms": float(v[2]),
            "max_ms": float(v[3]), "requests": int(v[4]),
            "errors": sum(int(x) for x in v[5:10]), "rps": int(v[4]) / float(v[10]),
            "from_s": started, "to_s": time.monotonic()}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--ingest", type=int, default=300)
    ap.add_argument("--seconds", type=int, default=15)
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks.md")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nw-load-"))
    db = work / "load.db"
    t = time.monotonic()
    n_stories = synthetic_store(db, args.articles)
    print(f"store: {args.articles} articles, {n_stories} stories in {time.monotonic() - t:.1f} s")
    ingest_pages(work / "more", args.ingest)
    port = free_port()
    server = subprocess.Popen([str(BIN / "newsweave"), "serve", "--db", str(db), "--port",
                               str(port)], stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=60).read()  # also builds the list
                break
            except OSError:
                time.sleep(0.2)
        with sqlite3.connect(db) as con:
            ids = [r[0] for r in con.execute("SELECT id FROM stories ORDER BY id")]
        rng = random.Random(2)
        story_paths = [f"/story/{i}" for i in rng.sample(ids, min(500, len(ids)))]
        list_paths = ["/", "/?q=council", "/?sort=recent&page=3", "/?entity=lindholm",
                      "/?outlet=gazette&status=conflicts", "/?sort=sources&page=7",
                      "/?since=2026-03-10&until=2026-03-12"]  # fmt: skip
        rows = []
        for phase in ("quiet", "while ingesting"):
            ingest = None
            if phase != "quiet":
                ingest_started = time.monotonic()
                ingest = subprocess.Popen([str(BIN / "newsweave"), "ingest", str(work / "more"),
                                           "--db", str(db), "-q"], stderr=subprocess.PIPE,
                                          text=True)  # fmt: skip
            for page, paths in (("story page", story_paths), ("stories list", list_paths)):
                r = wrk(base, paths, args.seconds, work)
                rows.append({"phase": phase, "page": page, **r})
                print(rows[-1])
            if ingest is not None:
                ingest_err = ingest.communicate()[1].strip()
                ingest_s = time.monotonic() - ingest_started
                ingest_rc = ingest.returncode
                ingest_end = time.monotonic()
    finally:
        server.terminate()
        server.wait(10)
    with sqlite3.connect(db) as con:
        count = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        distinct = con.execute("SELECT COUNT(DISTINCT id) FROM articles").fetchone()[0]
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    for r in rows:
        if r["phase"] != "quiet":
            r["overlap"] = f"{max(0.0, min(r['to_s'], ingest_end) - r['from_s']):.0f} of " \
                           f"{r['to_s'] - r['from_s']:.0f} s"  # fmt: skip
    quiet = {r["page"]: r["p95_ms"] for r in rows if r["phase"] == "quiet"}
    for r in rows:
        r["p95_vs_quiet"] = r["p95_ms"] / quiet[r["page"]]
    body = table(rows, [("phase", "phase", ""), ("page", "page", ""), ("requests", "requests", "d"),
                        ("rps", "req/s", ".0f"), ("errors", "failed", "d"),
                        ("p50_ms", "p50 ms", ".1f"), ("p95_ms", "p95 ms", ".1f"),
                        ("p99_ms", "p99 ms", ".1f"), ("max_ms", "max ms", ".1f"),
                        ("p95_vs_quiet", "p95 / quiet", ".2f"),
                        ("overlap", "overlap with ingest", "")])  # fmt: skip
    body += (
        f"\n\nStore: {args.articles:,} synthetic articles (invented text, readings, "
        f"{n_stories:,} stories with check-stage data), SQLite WAL. wrk 4.1, 2 threads, 16 "
        f"connections, {args.seconds} s per row, loopback, one uvicorn process "
        f"(`newsweave serve`); story pages rotate over {len(story_paths)} stories, the list over "
        f"{len(list_paths)} searches. Ingest: `newsweave ingest` of {args.ingest} invented pages "
        f"into the same store, {ingest_s:.1f} s, exit {ingest_rc}, "
        f"`{ingest_err.splitlines()[-1] if ingest_err else ''}`. After: {count:,} articles, "
        f"{distinct:,} distinct ids (expected {args.articles + args.ingest:,}), integrity "
        f"`{integrity}`. The machine's 2 cores are shared with other work: read the p95 / quiet "
        "ratios."
    )
    cmd = "python benchmarks/web_load.py " + " ".join(sys.argv[1:])
    prepend(args.out, section("Web app under load", body, command=cmd.strip()))
    print(body)


if __name__ == "__main__":
    main()
