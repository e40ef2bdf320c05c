"""The report as plain JSON-ready data (`"schema": "newsweave.report/1"`).

The shape is documented by docs/report.schema.json; fields are only ever added, never renamed
or removed, so readers of /1 keep working.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, TextIO

import msgspec

from .. import __version__
from ..jsontext import ENCODER
from ..model import Article, Reading

SCHEMA = "newsweave.report/1"


def article_dict(article: Article, reading: Reading | None) -> dict[str, Any]:
    """One article of the report: the extracted fields plus what the read stage found."""
    return report_article(article.to_dict(), reading.to_dict() if reading is not None else None)


def report_article(article: dict[str, Any], reading: dict[str, Any] | None) -> dict[str, Any]:
    """`article_dict` from the two as dicts (`Article.to_dict()`, `Reading.to_dict()`), e.g.
    as the store keeps them (`SQLiteStore.article_records`)."""
    d = dict(article)
    r = reading or {}
    for key in ("entities", "quotes", "attributions", "numbers", "times"):
        d[key] = r.get(key, [])
    d["notes"] = r.get("notes", [])
    return d


def build_report(
    pairs: Iterable[tuple[Article, Reading | None]], stories: Iterable[dict[str, Any]] = ()
) -> dict[str, Any]:
    """The whole report.

    Args:
        pairs: each article with its reading (None when it was not read).
        stories: story objects (filled by the grouping stage).
    """
    return {
        **_head(),
        "articles": [article_dict(a, r) for a, r in pairs],
        "stories": list(stories),
    }


def _head() -> dict[str, str]:
    return {
        "schema": SCHEMA,
        "generator": f"newsweave {__version__}",
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
    }


# the report's indent (`dumps`)
_INDENT = 2


def dumps(obj: Any) -> str:
    """`obj` as the report writes JSON: the layout of `json.dumps(obj, ensure_ascii=False,
    indent=2)`, made by msgspec's encoder. The text is the same but for a float's exponent
    (`1e-05` is written `0.00001`, `1e+20` `1e20`: the same number) and NaN (`null`: JSON has
    no NaN). What msgspec refuses (a key that is no string or number) goes to `json.dumps`.

    The standard encoder indents in Python: 4.96 s of the 793 WCXB pages' 102 MB report in the
    main process after the workers were done, against 0.75 s here (docs/architecture.md).

    Example:
        >>> print(dumps({"a": [1, 2.5], "b": {}, "c": "é"}))
        {
          "a": [
            1,
            2.5
          ],
          "b": {},
          "c": "é"
        }
    """
    try:
        return msgspec.json.format(ENCODER.encode(obj), indent=_INDENT).decode()
    except (TypeError, UnicodeEncodeError, msgspec.EncodeError):
        return json.dumps(obj, ensure_ascii=False, indent=_INDENT)


def write_report(
    f: TextIO,
    pairs: Iterable[tuple[Article, Reading | None]],
    stories: Iterable[dict[str, Any] | msgspec.Raw] = (),
    on_article: Callable[[dict[str, Any]], None] | None = None,
) -> None:
    """Write the report as it goes, one article and one story at a time: the same text as
    `dumps(build_report(pairs, stories))` and a newline,
    without holding the report (117 MB of JSON for the 793 WCXB pages) in memory.

    Args:
        f: where to write.
        pairs, stories: as `build_report` takes them, read once, in order; a story may also
            be its object's JSON text as the store keeps it (`msgspec.Raw`), written as it is.
        on_article: called with each article's report object as it is written.

    Example:
        >>> import io
        >>> from newsweave.model import Article
        >>> pairs = [(Article(id="a1", source="a.txt", text="Text."), None)]
        >>> out = io.StringIO()
        >>> write_report(out, pairs, [{"id": "s-a1", "article_ids": ["a1"]}])
        >>> json.loads(out.getvalue())["stories"][0]["article_ids"]
        ['a1']
        >>> d = build_report(pairs, [{"id": "s-a1", "article_ids": ["a1"]}])
        >>> d["generated"] = json.loads(out.getvalue())["generated"]
        >>> out.getvalue() == dumps(d) + "\\n"
        True
    """

    def articles() -> Iterable[dict[str, Any]]:
        for a, r in pairs:
            d = article_dict(a, r)
            if on_article is not None:
                on_article(d)
            yield d

    f.write("{")
    for key, value in _head().items():
        f.write(f"\n{' ' * _INDENT}{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    _write_list(f, "articles", articles())
    f.write(",")
    _write_list(f, "stories", stories)
    f.write("\n}\n")


def _write_list(f: TextIO, key: str, items: Iterable[Any]) -> None:
    """`"key": [...]` at the top level of the report, as `dumps` writes it:
    every line of an item moved in by two levels (JSON strings hold no raw newline)."""
    pad = " " * (2 * _INDENT)
    f.write(f"\n{' ' * _INDENT}{json.dumps(key)}: [")
    first = True
    for item in items:
        text = dumps(item)
        f.write(("\n" if first else ",\n") + pad + text.replace("\n", "\n" + pad))
        first = False
    f.write("]" if first else f"\n{' ' * _INDENT}]")
