"""The report as Markdown: each story's brief with statuses and citations, and its claim, quote,
number, coverage and framing tables. Article-derived text is escaped, so a title cannot become
a link, an image, raw HTML or a broken table in whatever renders the file.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import printable
from .views import (
    article_numbers,
    cite_marks,
    coverage_rows,
    framing_rows,
    nothing_text,
    status_label,
    status_rank,
)

# Markdown punctuation that can start markup anywhere in a line (CommonMark lets any ASCII
# punctuation be backslash-escaped); "<" and ">" stop raw HTML, "|" table cells.
_ACTIVE = re.compile(r"([\\`*_\[\]<>|#!~])")


def md_escape(text: object) -> str:
    """Article text as inert Markdown on one line.

    Example:
        >>> md_escape("<b>a|b</b> [x](javascript:y)\\nnext")
        '\\\\<b\\\\>a\\\\|b\\\\</b\\\\> \\\\[x\\\\](javascript:y) next'
    """
    if text is None:
        return ""
    # control characters shown as escapes (an ESC would reach a terminal that shows the file)
    return _ACTIVE.sub(r"\\\1", printable(" ".join(str(text).split())))


def _table(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines + [""]


def _brief(story: dict, numbers: dict[str, int]) -> list[str]:
    brief = story.get("brief") or []
    if not brief:
        note = f" ({md_escape(story.get('check_note'))})" if story.get("check_note") else ""
        return [f"Brief: {nothing_text(story, 'brief')}{note}.", ""]
    return [
        f"- **{status_label(b.get('status'))}**: {md_escape(b.get('text'))} "
        f"{cite_marks(b.get('article_ids') or [], numbers)}"
        for b in brief
    ] + [""]


def _claims(story: dict, numbers: dict[str, int]) -> list[str]:
    claims = story.get("claims") or []
    if not claims:
        return [f"Claims: {nothing_text(story, 'claims')}.", ""]
    rows = [
        (
            status_label(c.get("status")),
            md_escape(c.get("text")),
            md_escape((c.get("attribution") or {}).get("who") or "asserted"),
            str(c.get("independent_sources", "")),
            cite_marks(c.get("article_ids") or [], numbers),
        )
        for c in sorted(claims, key=lambda c: status_rank(c.get("status")))
    ]
    return _table(("status", "claim", "said by", "sources", "cited"), rows)


def _quotes(story: dict, numbers: dict[str, int]) -> list[str]:
    quotes = story.get("quotes") or []
    if not quotes:
        return [f"Quotes: {nothing_text(story, 'quotes')}.", ""]
    rows = [
        (md_escape(q.get("speaker") or "unknown"), status_label(q.get("status")),
         md_escape(v.get("text")), cite_marks([v.get("article_id")], numbers))
        for q in quotes
        for v in q.get("variants") or ()
    ]  # fmt: skip
    return _table(("speaker", "status", "wording", "in"), rows)


def _numbers(story: dict, numbers: dict[str, int]) -> list[str]:
    nums = story.get("numbers") or []
    if not nums:
        return [f"Numbers: {nothing_text(story, 'numbers')}.", ""]
    rows = [
        (md_escape(n.get("quantity")), status_label(n.get("status")),
         md_escape(f"{v.get('value')} {v.get('unit') or ''}".strip()),
         md_escape(v.get("text")), cite_marks([v.get("article_id")], numbers))
        for n in nums
        for v in n.get("values") or ()
    ]  # fmt: skip
    return _table(("quantity", "status", "value", "as written", "in"), rows)


def _per_article(story: dict, numbers: dict[str, int], key: str, head: tuple, rows: list):
    """A table with a row per article (its citation first), or why there is none."""
    if not rows:
        return [f"{key.capitalize()}: {nothing_text(story, key)}.", ""]
    cells = [
        (cite_marks([aid], numbers) or md_escape(aid), *map(md_escape, rest)) for aid, *rest in rows
    ]
    return _table(head, cells)


def _coverage(story: dict, numbers: dict[str, int]) -> list[str]:
    head = ("article", "only here", "missing", "quotes")
    return _per_article(story, numbers, "coverage", head, coverage_rows(story))


def _framing(story: dict, numbers: dict[str, int]) -> list[str]:
    head = ("article", "asserted", "contested terms (voice)", "lead")
    return _per_article(story, numbers, "framing", head, framing_rows(story))


def _story(story: dict[str, Any], articles: dict[str, dict]) -> list[str]:
    numbers = article_numbers(story)
    span = " – ".join(dict.fromkeys(d for d in (story.get("first_published"),
                                                story.get("last_published")) if d))  # fmt: skip
    lines = [
        f"## {md_escape(story.get('title') or '(no title)')}",
        "",
        f"{len(story.get('article_ids') or ())} articles, "
        f"{story.get('independent_sources', '?')} independent sources"
        + (f", {span}" if span else "")
        + ("" if story.get("cohesion") is None else f", cohesion {story['cohesion']:.2f}"),
        "",
        *([f"*{md_escape(story['note'])}*", ""] if story.get("note") else []),
    ]
    lines += _brief(story, numbers)
    parts = (("Claims", _claims), ("Quotes", _quotes), ("Numbers", _numbers),
             ("Coverage", _coverage), ("Framing", _framing))  # fmt: skip
    for title, part in parts:
        lines += [f"### {title}", "", *part(story, numbers)]
    lines += ["### Sources", ""]
    for aid, n in numbers.items():
        a = articles.get(aid) or {}
        outlet, when = md_escape(a.get("outlet") or "-"), md_escape(a.get("published") or "undated")
        where = md_escape(a.get("url") or a.get("source") or aid)
        lines.append(f"{n}. {outlet}, {when}: {md_escape(a.get('title') or aid)} ({where})")
    return lines + [""]


def render_markdown(report: dict[str, Any]) -> str:
    """The report (`build_report`'s dict) as Markdown, one section per story.

    Example:
        >>> md = render_markdown({"articles": [], "stories": [{"id": "s", "title": "A | B",
        ...                       "article_ids": [], "independent_sources": 0}]})
        >>> md.splitlines()[2], "not checked yet" in md
        ('## A \\\\| B', True)
    """
    articles = {a["id"]: a for a in report.get("articles") or ()}
    stories = report.get("stories") or []
    lines = [f"# newsweave: {len(stories)} stories, {len(articles)} articles", ""]
    for story in stories:
        lines += _story(story, articles)
    return "\n".join(lines).rstrip() + "\n"
