"""Shared fixtures. Real articles come from ../shared and are skipped with a reason when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("NEWSWEAVE_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = REPO / "examples" / "corpus"


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed pair not found at {SEEDS} (../shared is absent in this checkout)")
    return SEEDS


@pytest.fixture(scope="session")
def seed_000(seeds: Path) -> Path:
    return seeds / "000_88877d2485751673.txt"


@pytest.fixture(scope="session")
def seed_003(seeds: Path) -> Path:
    return seeds / "003_9ab83285728062d1.txt"


@pytest.fixture(scope="session")
def seed_story(seeds: Path, tmp_path_factory):
    """The seed pair analyzed into a fresh store: its one story."""
    import newsweave

    with newsweave.open(tmp_path_factory.mktemp("seeds") / "s.db") as nw:
        report = nw.analyze([seeds], fetch=False)
    assert len(report.stories) == 1
    return report.stories[0]


# --- tiny pages written for the tests (invented text) ---------------------------------------

_SUBJECTS = ("The council", "Residents", "The mayor", "Engineers", "Inspectors", "The agency")
_VERBS = ("reviewed", "questioned", "approved", "delayed", "described", "inspected")
_OBJECTS = (
    "the new flood barrier on the river front",
    "the budget for the northern tram line",
    "a report on the collapsed footbridge",
    "plans to reopen the old market hall",
    "the emergency repairs to the harbour wall",
    "the timetable for the ferry service",
)


def paragraphs(seed: int, n: int = 5) -> list[str]:
    """Deterministic invented news paragraphs (three sentences each), different for each seed."""
    out = []
    for i in range(n):
        sents = []
        for j in range(3):
            k = seed * 7 + i * 3 + j
            sents.append(
                f"{_SUBJECTS[k % 6]} {_VERBS[(k // 6) % 6]} {_OBJECTS[(k // 36) % 6]} "
                f"on day {k} of the session in Lindholm, officials said."
            )
        out.append(" ".join(sents))
    return out


def html_page(seed: int, title: str | None = None, extra_head: str = "") -> str:
    """An invented article page with nav, share buttons and a footer around the text."""
    title = title or f"Lindholm council story number {seed}"
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs(seed))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | The Lindholm Ledger</title>
<meta property="og:site_name" content="The Lindholm Ledger">{extra_head}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
<p class="byline">By Mara Quist</p>
{body}
</article>
<div class="share">Share on Facebook | Share on X | Subscribe to our newsletter</div>
<footer>© 2026 The Lindholm Ledger. All rights reserved.</footer></body></html>"""


def run_inputs(inputs, fetch: bool = False, **settings):
    """Run ingest + extract over inputs; returns (articles, errors, summary)."""
    from newsweave.pipeline import run
    from newsweave.settings import DEFAULTS

    arts, errors = [], []
    summary = run(
        [str(i) for i in inputs],
        DEFAULTS.with_(**settings),
        on_outcome=lambda o: (arts if o.article else errors).append(o.article or o.error),
        fetch=fetch,
    )
    return arts, errors, summary


@pytest.fixture
def make_page():
    return html_page


@pytest.fixture
def make_paragraphs():
    return paragraphs


@pytest.fixture(scope="session")
def examples_report(tmp_path_factory) -> dict:
    """The report of examples/corpus (invented articles), analysed once per session."""
    from newsweave.pipeline import analyze
    from newsweave.store import SQLiteStore

    with SQLiteStore(tmp_path_factory.mktemp("examples") / "x.db") as store:
        return analyze([str(EXAMPLES)], store, fetch=False).to_dict()
