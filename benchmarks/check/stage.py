"""The pipeline's side of the check benchmarks: articles through `extract`, readings through
`read_articles` (cached on disk outside the repo), and the check stage when it is installed.

The stage is `newsweave.check.check_story(story, docs, settings=CheckSettings())` (issue 13);
until it lands `check_stage()` returns None and the benchmarks report their baselines only.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from newsweave.errors import InputError
from newsweave.extract import extract
from newsweave.model import Article, RawDocument, Reading

SHARED = Path(
    os.environ.get("NEWSWEAVE_SHARED", Path(__file__).resolve().parents[2].parent / "shared")
)
CACHE = Path(os.environ.get("CHECKBENCH_CACHE", "/tmp/checkbench-cache"))


def article_from_text(source: str, data: bytes, hints: dict | None = None) -> Article | None:
    """The Article `extract` makes of a plain-text file; None (and one line on stderr naming
    the input and the reason) when extraction refuses it."""
    try:
        return extract(RawDocument(source=source, data=data, kind="text", hints=hints or {}))
    except InputError as e:
        print(f"skipped {e}", file=sys.stderr)
        return None


@lru_cache(maxsize=1)
def _reader_source() -> str:
    """A digest of the reader's code (newsweave/read/*.py): a reader changed and measured
    before its version is renamed must not be given the readings cached for the old code."""
    import newsweave.read

    h = hashlib.sha256()
    for path in sorted(Path(newsweave.read.__file__).parent.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def _key(article: Article) -> str:
    from newsweave.read.stage import READER_VERSION

    # the language is in the key: the reader skips its English-only steps for another language,
    # so an article whose language guess changed is read again (ECB+ 23_10ecbplus was "fr")
    blob = f"{READER_VERSION}\0{_reader_source()}\0{article.id}\0{article.language}\0{article.text}"
    h = hashlib.sha256(blob.encode()).hexdigest()
    return h[:24]


def readings(articles: list[Article]) -> list[Reading]:
    """One Reading per article, read once and cached under CACHE (keyed by reader version, a
    digest of the reader's code, article id, language and text): a rerun reads only what
    changed."""
    from newsweave.read.stage import read_articles

    CACHE.mkdir(parents=True, exist_ok=True)
    found: dict[str, Reading] = {}
    todo = []
    for a in articles:
        path = CACHE / f"{_key(a)}.json"
        if path.is_file():
            found[a.id] = Reading.from_dict(json.loads(path.read_text("utf-8")))
        else:
            todo.append(a)
    for a, r in zip(todo, read_articles(todo), strict=True):
        (CACHE / f"{_key(a)}.json").write_text(json.dumps(r.to_dict()), "utf-8")
        found[a.id] = r
    return [found[a.id] for a in articles]


def check_stage():
    """(check_story, CheckSettings) from newsweave.check, or None while it has not landed."""
    try:
        from newsweave.check import CheckSettings, check_story
    except ImportError:
        return None
    return check_story, CheckSettings


def make_story(story_id: str, articles: list[Article]):
    """The grouping Story for these articles, treated as one story (every article independent
    as an independent source)."""
    from newsweave.model import Story

    outlets = tuple(dict.fromkeys(a.outlet for a in articles if a.outlet))
    return Story(
        id=story_id,
        title=articles[0].title if articles else None,
        article_ids=tuple(a.id for a in articles),
        independent_sources=len(articles),
        outlets=outlets,
        first_published=None,
        last_published=None,
    )


def run_check(story_id: str, articles: list[Article]) -> dict | None:
    """The check stage's `to_dict()` for these articles as one story, or None without it."""
    stage = check_stage()
    if stage is None:
        return None
    check_story, settings = stage
    docs = list(zip(articles, readings(articles), strict=True))
    return check_story(make_story(story_id, articles), docs, settings=settings()).to_dict()


def evidence_spans(checked: dict) -> Iterable[tuple[str, list[tuple[str, int, int]]]]:
    """(claim id, [(article_id, start, end), ...]) for every claim of a checked story."""
    for c in checked.get("claims") or ():
        ev = [(e["article_id"], int(e["start"]), int(e["end"])) for e in c.get("evidence") or ()]
        yield str(c.get("id")), ev
