"""Metadata accuracy (title, author, publication date) of ours vs trafilatura, and our speed.

Scoring is exact match after normalisation, the same for both systems:

- title: Unicode NFKC, curly quotes and dashes folded to ASCII, case-folded, whitespace
  collapsed.
- author: both sides become a *set of names*. A string is split on ";", ",", "&", "|", " and ";
  in each name honorifics (Dr, Prof, Mr, Mrs, Ms), parenthesised parts ("(Content Manager)")
  and post-nominal credentials (MD, PhD, RD...) are dropped, and a segment after the first that
  is only a role ("Shipping Expert") or only credentials is dropped; names are then
  case-folded, whitespace collapsed. "author_strict" keeps every split segment as written.
- date: the first 10 characters (`YYYY-MM-DD`); a month-only truth (`YYYY-MM`) matches any day
  of that month.
- empty truth: correct when the system also says nothing (an answer where the page's truth
  has none is a false positive). The `*_on_present` columns score only pages whose truth has
  the field, and `n_present_*` says how many.

Example:
    >>> from benchmarks.wcxb import load_pages
    >>> rows = run_metadata(list(load_pages(limit=20)))  # doctest: +SKIP
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable, Iterable

import lxml.html

from newsweave.extract import metadata_vocab as V
from newsweave.extract.metadata import extract_metadata
from newsweave.vocab import ADDRESS_FORMS

from .wcxb import Page

# What the author scorer strips before a name: the forms of address (vocab.ADDRESS_FORMS),
# with or without their full stop ("Dr", "Dr.").
_ADDRESS = frozenset((*ADDRESS_FORMS, *(f"{w}." for w in ADDRESS_FORMS)))

__all__ = ["run_metadata", "norm_title", "norm_authors", "norm_date", "score", "main"]

_WS = re.compile(r"\s+")
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_SPLIT = re.compile(r"\s*(?:;|,|&|\||\band\b)\s*", re.I)
_TOKEN_STRIP = ".,®™()*"
_PARENS = re.compile(r"\([^)]*\)?")


def norm_title(text: str | None) -> str:
    """Title comparison key (see module docstring)."""
    text = unicodedata.normalize("NFKC", text or "").translate(_FOLD)
    return _WS.sub(" ", text.casefold()).strip()


def _is_credentials(segment: str) -> bool:
    tokens = [t.strip(_TOKEN_STRIP) for t in segment.casefold().split()]
    tokens = [t for t in tokens if t]
    return bool(tokens) and all(t in V.CREDENTIALS or t.isdigit() for t in tokens)


def _is_role(segment: str) -> bool:
    return any(w.strip(".'") in V.JOB_TITLE_WORDS for w in segment.casefold().split())


def norm_authors(value: str | Iterable[str] | None, strict: bool = False) -> frozenset[str]:
    """Author comparison key: a set of case-folded names (see module docstring).

    Args:
        value: one byline string or several names.
        strict: keep every segment as written (no honorific, credential or role dropping).
    """
    if not value:
        return frozenset()
    text = value if isinstance(value, str) else "; ".join(value)
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    if not strict:
        text = _PARENS.sub(" ", text)
    names: list[str] = []
    for n, segment in enumerate(_SPLIT.split(text)):
        segment = _WS.sub(" ", segment).strip(" .-").casefold()
        if not segment:
            continue
        if not strict:
            if _is_credentials(segment) or (n > 0 and _is_role(segment)):
                continue
            words = segment.split()
            while len(words) > 1 and words[0] in _ADDRESS:
                words.pop(0)
            while len(words) > 1 and _is_credentials(words[-1]):
                words.pop()
            segment = " ".join(words).strip(" .")
        names.append(segment)
    return frozenset(names)


def norm_date(value: str | None) -> str:
    """Date comparison key: `YYYY-MM-DD` (or `YYYY-MM` when that is all the truth gives)."""
    return (value or "").strip()[:10]


def _date_match(pred: str, truth: str) -> bool:
    if not truth:
        return not pred
    return pred[: len(truth)] == truth if len(truth) == 7 else pred == truth


def score(field: str, pred: object, truth: object) -> bool:
    """One field of one page: exact match after the field's normalisation."""
    if field == "title":
        return norm_title(pred) == norm_title(truth)  # type: ignore[arg-type]
    if field == "author":
        return norm_authors(pred) == norm_authors(truth)  # type: ignore[arg-type]
    if field == "author_strict":
        return norm_authors(pred, strict=True) == norm_authors(truth, strict=True)  # type: ignore[arg-type]
    if field == "date":
        return _date_match(norm_date(pred), norm_date(truth))  # type: ignore[arg-type]
    raise ValueError(f"unknown field {field!r}: expected title, author, author_strict or date")


_TRUTH = {"title": "title", "author": "author", "author_strict": "author", "date": "publish_date"}


def _ours(page: Page) -> tuple[dict, float]:
    tree = lxml.html.document_fromstring(page.html)
    start = time.perf_counter()
    m = extract_metadata(tree, page.url)
    elapsed = time.perf_counter() - start
    pred = {"title": m.title, "author": list(m.authors), "date": m.published}
    return pred, elapsed


def _trafilatura(page: Page) -> tuple[dict, float]:
    from trafilatura import bare_extraction

    start = time.perf_counter()
    doc = bare_extraction(page.html, url=page.url, with_metadata=True)
    elapsed = time.perf_counter() - start
    d = (doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)) if doc is not None else {}
    authors = [a.strip() for a in (d.get("author") or "").split(";") if a.strip()]
    return {"title": d.get("title"), "author": authors, "date": d.get("date")}, elapsed


def _stage_rates(pages: list[Page]) -> dict[str, float]:
    """Pages/s of each stage of ours alone: shared preparation, title, authors, dates."""
    from newsweave.extract import metadata as m

    seconds = dict.fromkeys(("prepare", "title", "authors", "dates"), 0.0)
    for page in pages:
        tree = lxml.html.document_fromstring(page.html)
        t0 = time.perf_counter()
        prepared = m.prepare_page(tree, page.url)
        t1 = time.perf_counter()
        m.page_title(prepared)
        t2 = time.perf_counter()
        m.page_authors(prepared)
        t3 = time.perf_counter()
        m.page_dates(prepared)
        t4 = time.perf_counter()
        for name, dt in zip(seconds, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            seconds[name] += dt
    return {k: round(len(pages) / v, 1) if v else 0.0 for k, v in seconds.items()}


def _row(system: str, preds: list[dict], pages: list[Page], seconds: float) -> dict:
    row: dict = {"system": system, "pages": len(pages)}
    for field in ("title", "author", "author_strict", "date"):
        key = "author" if field == "author_strict" else field
        truth = [getattr(p, _TRUTH[field]) for p in pages]
        ok = [score(field, pr[key], t) for pr, t in zip(preds, truth, strict=True)]
        present = [o for o, t in zip(ok, truth, strict=True) if t]
        row[field] = round(sum(ok) / len(ok), 4) if ok else 0.0
        row[f"{field}_on_present"] = round(sum(present) / len(present), 4) if present else 0.0
        row[f"n_present_{field}"] = len(present)
    row["pages_per_s"] = round(len(pages) / seconds, 1) if seconds else 0.0
    return row


def run_metadata(
    pages: list[Page], systems: tuple[str, ...] = ("newsweave", "trafilatura")
) -> list[dict]:
    """Score title, author and date accuracy per system, one row each, plus our speed.

    Args:
        pages: WCXB pages (`benchmarks.wcxb.load_pages`).
        systems: which systems to run ("newsweave" = `extract_metadata`, "trafilatura" =
            `bare_extraction(html, url=url, with_metadata=True)`, main text included).

    Returns:
        Rows with accuracies (see module docstring) and `pages_per_s`. Our row times
        `extract_metadata` alone (the tree is parsed outside the clock, as in the pipeline) and
        adds `pages_per_s_with_parse` and the per-field `stage_pages_per_s` of its stages;
        trafilatura's row times the whole `bare_extraction`, which includes its main-text
        extraction.
    """
    runners: dict[str, Callable[[Page], tuple[dict, float]]] = {
        "newsweave": _ours,
        "trafilatura": _trafilatura,
    }
    rows = []
    for system in systems:
        if system not in runners:
            raise ValueError(f"unknown system {system!r}: expected one of {sorted(runners)}")
        preds, seconds = [], 0.0
        wall = time.perf_counter()
        for page in pages:
            pred, elapsed = runners[system](page)
            preds.append(pred)
            seconds += elapsed
        wall = time.perf_counter() - wall
        row = _row(system, preds, pages, seconds)
        if system == "newsweave":
            row["pages_per_s_with_parse"] = round(len(pages) / wall, 1) if wall else 0.0
            row["stage_pages_per_s"] = _stage_rates(pages)
        rows.append(row)
    return rows


def disagreements(
    pages: list[Page], field: str, preds: list[dict]
) -> list[tuple[str, object, object]]:
    """(page id, prediction, truth) for every page where `field` is scored wrong."""
    key = "author" if field == "author_strict" else field
    return [
        (p.id, pr[key], getattr(p, _TRUTH[field]))
        for p, pr in zip(pages, preds, strict=True)
        if not score(field, pr[key], getattr(p, _TRUTH[field]))
    ]


def main(argv: list[str] | None = None) -> int:
    """`python -m benchmarks.metadata [--limit N] [--only newsweave]`: print rows as JSON."""
    import argparse
    import json

    from .wcxb import load_pages

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
    parser.add_argument(
        "--only", choices=("newsweave", "trafilatura"), default=None, help="one system only"
    )
    args = parser.parse_args(argv)
    pages = list(load_pages(limit=args.limit))
    systems = (args.only,) if args.only else ("newsweave", "trafilatura")
    for row in run_metadata(pages, systems):
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
