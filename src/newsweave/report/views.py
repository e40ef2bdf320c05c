"""What the story and article views show, as plain data for the templates (report/templates).

The HTML report and the web app render the same views; only their links differ (`FileLinks`
point at anchors in one file, the web app's at its pages). Nothing here builds markup: every
piece of article text reaches the page through an autoescaping template, and highlights are
a tree of offsets (`highlight`), never HTML strings spliced into the text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from ..model import source_name

# The check stage's statuses, in the order a reader wants them: disputes first, then what
# independent sources agree on, then what rests on one (usually the longest list).
CLAIM_STATUSES = ("conflicting", "corroborated", "single_source")
_STATUS_RANK = {status: n for n, status in enumerate(CLAIM_STATUSES)}


def status_rank(status: object) -> int:
    """A status's place in CLAIM_STATUSES (any other status after them)."""
    return _STATUS_RANK.get(status, len(CLAIM_STATUSES))  # type: ignore[arg-type]


STATUS_LABELS = {
    "corroborated": "corroborated",
    "single_source": "single source",
    "conflicting": "conflicting",
    "consistent": "consistent",
    "wording_differs": "wording differs",
    "paraphrased": "paraphrased",
    "updated": "updated",
}
NOT_CHECKED = "not checked yet"
# What the check stage adds to a story (docs: the story contract); none of them: not checked
CHECK_KEYS = ("checked", "claims", "quotes", "numbers", "coverage", "framing", "brief", "timeline")

# Which highlight wraps which when two start at the same offset (lower = outer): a cited
# sentence holds quotes, and quotes hold names and numbers.
HIGHLIGHT_RANK = {"evidence": 0, "quote": 1, "term": 2, "number": 3, "time": 4, "entity": 5}

# Hrefs taken from article data: only these schemes become links ("javascript:" stays text).
LINK_SCHEMES = ("http", "https")


def safe_href(url: object) -> str | None:
    """The URL when it is an http(s) link, else None (render it as text, not as a link).

    Example:
        >>> safe_href("https://example.org/a"), safe_href("javascript:alert(1)")
        ('https://example.org/a', None)
    """
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in LINK_SCHEMES and parts.netloc else None


def status_label(status: object) -> str:
    """A status as a reader says it ("single_source" -> "single source")."""
    return STATUS_LABELS.get(status, str(status)) if status else NOT_CHECKED


def status_class(status: object) -> str:
    """The CSS class of a badge; unknown statuses share one class (never data in a class)."""
    return f"b-{status}" if status in STATUS_LABELS else "b-other"


def evidence_anchor(article_id: str, start: int, end: int) -> str:
    """The element id of an evidence sentence in the article view."""
    return f"ev-{article_id}-{start}-{end}"


class FileLinks:
    """Links inside one self-contained HTML file: every view is an anchor."""

    def article(self, article_id: str, anchor: str | None = None) -> str:
        return "#" + (anchor or f"a-{article_id}")

    def story(self, story_id: str) -> str:
        return f"#story-{story_id}"

    def claims(self, story_id: str, status: str) -> str:
        """Claims of one status: all are on the page, grouped; jump to the group."""
        return f"#{story_id}-claims-{status}"


class WebLinks:
    """Links between the web app's pages."""

    def article(self, article_id: str, anchor: str | None = None) -> str:
        return f"/article/{quote(article_id, safe='')}" + (f"#{anchor}" if anchor else "")

    def story(self, story_id: str) -> str:
        return f"/story/{quote(story_id, safe='')}"

    def claims(self, story_id: str, status: str | None) -> str:
        """The story page showing only the claims of one status (None: all of them)."""
        if status is None:
            return f"{self.story(story_id)}#{story_id}-claims"
        return f"{self.story(story_id)}?{urlencode({'claims': status})}#{story_id}-claims"


# --- highlights: a tree of non-crossing spans over the text ---------------------------------


@dataclass(slots=True)
class Mark:
    """A highlighted span (`kind` None for the root); `children` are Marks and text strings."""

    kind: str | None
    start: int
    end: int
    anchor: str | None = None
    title: str | None = None
    children: list[Mark | str] = field(default_factory=list)


def _valid(span: Mapping[str, Any], length: int) -> bool:
    s, e = span.get("start"), span.get("end")
    return isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= length


def highlight(text: str, spans: Iterable[Mapping[str, Any]]) -> Mark:
    """Nest spans ({kind, start, end, anchor?, title?}) over `text` into a tree of Marks.

    Spans with offsets outside the text are dropped; a span that crosses the end of the span
    holding it is cut there (a name running out of a quote loses its tail, never the text).

    Example:
        >>> root = highlight("Ada said hi.", [{"kind": "quote", "start": 0, "end": 12},
        ...                                   {"kind": "entity", "start": 0, "end": 3}])
        >>> q = root.children[0]
        >>> (q.kind, q.children[0].kind, q.children[0].children, q.children[1])
        ('quote', 'entity', ['Ada'], ' said hi.')
    """
    valid = [s for s in spans if _valid(s, len(text))]
    valid.sort(key=lambda s: (s["start"], -s["end"], HIGHLIGHT_RANK.get(s["kind"], 9)))
    root = Mark(None, 0, len(text))
    stack = [root]
    seen: set[tuple] = set()
    for span in valid:
        key = (span["kind"], span["start"], span["end"])
        if key in seen:
            continue
        seen.add(key)
        while span["start"] >= stack[-1].end:
            stack.pop()
        parent = stack[-1]
        mark = Mark(
            span["kind"],
            span["start"],
            min(span["end"], parent.end),
            span.get("anchor"),
            span.get("title"),
        )
        parent.children.append(mark)
        stack.append(mark)
    _fill(root, text)
    return root


def _fill(mark: Mark, text: str) -> None:
    """Put the text between a mark's children in as strings, recursively."""
    out: list[Mark | str] = []
    at = mark.start
    for child in mark.children:
        if child.start > at:
            out.append(text[at : child.start])
        _fill(child, text)
        out.append(child)
        at = child.end
    if at < mark.end:
        out.append(text[at : mark.end])
    mark.children = out


def _anchored(kind: str, aid: str, span: Mapping[str, Any], title: str) -> dict:
    """A quote or number span with the anchor the story view links to."""
    start, end = span.get("start"), span.get("end")
    return {
        "kind": kind,
        "start": start,
        "end": end,
        "title": title,
        "anchor": f"{kind[0]}-{aid}-{start}-{end}",
    }


def _evidence_span(ev: Mapping[str, Any], title: str) -> dict:
    """A cited span of an article, anchored so the brief and the claim tables can link to it."""
    return {
        "kind": "evidence",
        "start": ev["start"],
        "end": ev["end"],
        "anchor": evidence_anchor(ev["article_id"], ev["start"], ev["end"]),
        "title": title,
    }


def article_spans(article: Mapping[str, Any], stories: Iterable[Mapping[str, Any]]) -> list[dict]:
    """Every highlight of one article: cited sentences, quotes, contested terms, numbers,
    times and entities, with anchors for the cited sentences and the quotes."""
    aid = article["id"]
    spans: list[dict] = []
    for story in stories:
        for item in story.get("brief") or ():  # a brief line may cite its own spans
            for ev in item.get("evidence") or ():
                if ev.get("article_id") == aid and _valid(ev, len(article["text"])):
                    spans.append(_evidence_span(ev, f"brief: {status_label(item.get('status'))}"))
        for claim in story.get("claims") or ():
            for ev in claim.get("evidence") or ():
                if ev.get("article_id") == aid and _valid(ev, len(article["text"])):
                    title = f"{status_label(claim.get('status'))}: claim {claim.get('id')}"
                    spans.append(_evidence_span(ev, title))
        # the story's quote variants and number values are link targets too (same anchors
        # as the reading's own quotes and numbers, so the two merge when they coincide)
        for q in story.get("quotes") or ():
            for var in q.get("variants") or ():
                if var.get("article_id") == aid:
                    spans.append(_anchored("quote", aid, var, f"quote: {q.get('speaker')}"))
        for n in story.get("numbers") or ():
            for val in n.get("values") or ():
                if val.get("article_id") == aid:
                    spans.append(_anchored("number", aid, val, f"{n.get('quantity')}"))
        framing = (story.get("framing") or {}).get(aid) or {}
        for term in framing.get("contested_terms") or ():
            spans.append(
                {
                    "kind": "term",
                    "start": term.get("start"),
                    "end": term.get("end"),
                    "title": f"contested term ({term.get('voice')})",
                }
            )
    for q in article.get("quotes") or ():
        spans.append(
            {
                "kind": "quote",
                "start": q.get("start"),
                "end": q.get("end"),
                "anchor": f"q-{aid}-{q.get('start')}-{q.get('end')}",
                "title": f"quote: {q.get('speaker') or 'unknown speaker'}",
            }
        )
    for n in article.get("numbers") or ():
        spans.append(
            {
                "kind": "number",
                "start": n.get("start"),
                "end": n.get("end"),
                "anchor": f"n-{aid}-{n.get('start')}-{n.get('end')}",
                "title": " ".join(
                    str(x)
                    for x in (n.get("value"), n.get("unit") or "", n.get("counts") or "")
                    if x != ""
                ),
            }
        )
    for t in article.get("times") or ():
        spans.append(
            {
                "kind": "time",
                "start": t.get("start"),
                "end": t.get("end"),
                "title": t.get("resolved") or "unresolved",
            }
        )
    for e in article.get("entities") or ():
        spans.append(
            {
                "kind": "entity",
                "start": e.get("start"),
                "end": e.get("end"),
                "title": f"{e.get('canonical')} ({e.get('label')})",
            }
        )
    return spans


def article_view(article: Mapping[str, Any], stories: Iterable[Mapping[str, Any]]) -> dict:
    """The article view: the article, its highlight tree and its stories."""
    stories = list(stories)
    return {
        "a": article,
        "root": highlight(article.get("text") or "", article_spans(article, stories)),
        "href": safe_href(article.get("url")),
        "stories": [s for s in stories if article["id"] in (s.get("article_ids") or ())],
    }


# --- the story view ---------------------------------------------------------------------------


def article_numbers(story: Mapping[str, Any]) -> dict[str, int]:
    """Each of the story's articles by its number there (1-based, story order): how every
    surface cites it."""
    return {aid: n for n, aid in enumerate(story.get("article_ids") or (), 1)}


def cite_marks(ids: Iterable[Any], number: Mapping[str, int]) -> str:
    """A line's citations as "[1][3]": the articles the story lists, each once, in story order
    whatever order the line gives them.

    Example:
        >>> cite_marks(["c", "a", "x", "c"], {"a": 1, "b": 2, "c": 3})
        '[1][3]'
    """
    known = {number[a] for a in ids if isinstance(a, str) and a in number}
    return "".join(f"[{n}]" for n in sorted(known))


def _label(article: Mapping[str, Any] | None, article_id: str) -> str:
    """How a citation names an article (`model.source_name`)."""
    if article is None:
        return article_id
    url = article.get("url") if safe_href(article.get("url")) else None
    return source_name(article.get("outlet"), str(article.get("source") or ""), url) or article_id


def citations(
    story: Mapping[str, Any],
    claim_ids: Iterable[str],
    article_ids: Iterable[str],
    articles: Mapping[str, Mapping[str, Any]],
    own_evidence: Iterable[Mapping[str, Any]] = (),
) -> list[dict]:
    """The citations of a brief line: its own evidence spans (when the check gives them),
    the evidence sentences of its claims, then any cited article without evidence there
    (linked to the article itself); in the order of the story's articles, each named by its
    number there ("n": "1", "2a", "2b")."""
    claims = {c.get("id"): c for c in story.get("claims") or ()}
    out: list[dict] = []
    seen: set[str] = set()
    evidence = [ev for cid in claim_ids for ev in (claims.get(cid) or {}).get("evidence") or ()]
    for ev in [*own_evidence, *evidence]:
        aid = ev.get("article_id")
        if not isinstance(aid, str) or not _valid(
            ev, len((articles.get(aid) or {}).get("text") or "")
        ):
            continue
        anchor = evidence_anchor(aid, ev["start"], ev["end"])
        if anchor not in seen:
            seen.add(anchor)
            out.append(
                {
                    "article_id": aid,
                    "anchor": anchor,
                    "label": _label(articles.get(aid), aid),
                    "text": ev.get("text"),
                }
            )
    cited = {c["article_id"] for c in out}
    for aid in article_ids:
        if aid not in cited and isinstance(aid, str):
            cited.add(aid)
            out.append(
                {
                    "article_id": aid,
                    "anchor": None,
                    "label": _label(articles.get(aid), aid),
                    "text": None,
                }
            )
    # the article's number in the story (as the terminal and Markdown cite); an article the
    # story does not list after them, in the order the line cites it
    number: dict[str, int] = article_numbers(story)
    for c in out:
        number.setdefault(c["article_id"], len(number) + 1)
    # in article order, each article's sentences in the order the line gives them, lettered
    # when the line cites several of one article: [1][2a][2b]
    out.sort(key=lambda c: number[c["article_id"]])
    spans = Counter(c["article_id"] for c in out)
    seen_of: Counter[str] = Counter()
    for c in out:
        aid = c["article_id"]
        seen_of[aid] += 1
        c["n"] = f"{number[aid]}{_letters(seen_of[aid]) if spans[aid] > 1 else ''}"
    return out


def _letters(k: int) -> str:
    """The k-th (1-based) label of a, b, ..., z, aa, ab, ...

    Example:
        >>> [_letters(k) for k in (1, 26, 27, 28, 53)]
        ['a', 'z', 'aa', 'ab', 'ba']
    """
    out = ""
    while k:
        k, r = divmod(k - 1, 26)
        out = chr(97 + r) + out
    return out


def term_counts(terms: Iterable[Mapping[str, Any]]) -> list[dict]:
    """An article's contested terms, each word once per voice with how often it is used there,
    in order of first use.

    Example:
        >>> terms = [{"term": "invasion", "voice": "outlet"}, {"term": "Invasion",
        ...          "voice": "outlet"}, {"term": "invasion", "voice": "quoted"}]
        >>> [(t["term"], t["voice"], t["count"]) for t in term_counts(terms)]
        [('invasion', 'outlet', 2), ('invasion', 'quoted', 1)]
    """
    out: dict[tuple[str, str], dict] = {}
    for t in terms:
        word, voice = str(t.get("term") or ""), str(t.get("voice") or "")
        key = (word.lower(), voice)
        if key in out:
            out[key]["count"] += 1
        else:
            out[key] = {"term": word, "voice": voice, "count": 1}
    return list(out.values())


def coverage_rows(story: Mapping[str, Any]) -> list[tuple[str, int, int, str]]:
    """Per article (id): how many propositions only it carries, how many corroborated ones it
    leaves out, and whom it quotes how often, as the terminal and the Markdown tabulate them."""
    return [
        (aid, len(c.get("only_here") or ()), len(c.get("missing") or ()),
         ", ".join(f"{k} ({v})" for k, v in _mapping(c.get("speakers")).items()))
        for aid, c in _mapping(story.get("coverage")).items() if isinstance(c, Mapping)
    ]  # fmt: skip


def framing_rows(story: Mapping[str, Any]) -> list[tuple[str, str, str, str]]:
    """Per article (id): its asserted share, its contested terms once per voice with their
    counts (`term_counts`), whom it leads with.

    Example:
        >>> framing_rows({"framing": {"a": {"asserted_share": 0.25, "lead": "Ana",
        ...     "contested_terms": [{"term": "regime", "voice": "outlet"}] * 2}}})
        [('a', '25%', 'regime x2 (outlet)', 'Ana')]
    """
    return [
        (aid, f"{share:.0%}" if isinstance(share := f.get("asserted_share"), float | int) else "-",
         ", ".join(f"{t['term']}{f' x{n}' if (n := t['count']) > 1 else ''} ({t['voice']})"
                   for t in term_counts(f.get("contested_terms") or ()) if t["term"]),
         f.get("lead") or "-")
        for aid, f in _mapping(story.get("framing")).items() if isinstance(f, Mapping)
    ]  # fmt: skip


def _mapping(value: Any) -> Mapping:
    """`value` when it is a mapping, else an empty one (a story dict read from elsewhere)."""
    return value if isinstance(value, Mapping) else {}


def coverage_matrix(story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]) -> dict:
    """Outlet x claim: carried, omitted, only here (or blank when the check says nothing).

    Example:
        >>> s = {"article_ids": ["a"], "claims": [{"id": "c1", "article_ids": ["a"]}],
        ...      "coverage": {"a": {"only_here": ["c1"], "missing": []}}}
        >>> coverage_matrix(s, {})["rows"][0]["cells"][0]["state"]
        'only'
    """
    claims = list(story.get("claims") or ())
    coverage = story.get("coverage") or {}
    cell, label_w, top = 22, 190, 28
    rows = []
    for y, aid in enumerate(story.get("article_ids") or ()):
        cov = coverage.get(aid) or {}
        cells = []
        for x, claim in enumerate(claims):
            cid = claim.get("id")
            if cid in (cov.get("only_here") or ()):
                state = "only"
            elif aid in (claim.get("article_ids") or ()):
                state = "carried"
            elif cid in (cov.get("missing") or ()):
                state = "omitted"
            else:
                state = "none"
            cells.append({"x": label_w + x * cell, "state": state, "claim": claim, "n": x + 1})
        label = _label(articles.get(aid), aid)
        rows.append(
            {
                "y": top + y * cell,
                "article_id": aid,
                "label": label if len(label) <= 26 else label[:25] + "…",
                "cells": cells,
            }
        )
    heads = [
        {"x": label_w + x * cell + cell // 2, "n": x + 1, "claim": c} for x, c in enumerate(claims)
    ]
    return {
        "rows": rows,
        "heads": heads,
        "cell": cell - 2,
        "width": label_w + len(claims) * cell + 10,
        "height": top + len(rows) * cell + 6,
    }


def _day(value: object) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def timeline_chart(events: list[Mapping[str, Any]], width: int = 640) -> dict:
    """Points on a date axis for the timeline; events whose `when` is no ISO date are listed
    but not plotted.

    Example:
        >>> c = timeline_chart([{"when": "2026-03-10"}, {"when": "2026-03-12"}, {"when": "soon"}])
        >>> [p["x"] for p in c["points"]], c["unplotted"]
        ([40, 600], 1)
    """
    pad = 40
    dated = [(n, _day(e.get("when")), e) for n, e in enumerate(events, 1)]
    days = [d for _, d, _ in dated if d is not None]
    if not days:
        return {"points": [], "ticks": [], "width": width, "height": 70, "unplotted": len(events)}
    lo, hi = min(days), max(days)
    span = max((hi - lo).days, 1)

    def x_of(d: date) -> int:
        return pad + round((d - lo).days / span * (width - 2 * pad)) if hi > lo else width // 2

    points, per_day = [], {}
    for n, d, e in dated:
        if d is not None:
            k = per_day[d] = per_day.get(d, -1) + 1
            points.append({"x": x_of(d), "y": 44 - 14 * (k % 3), "n": n, "event": e})
    ticks = [{"x": x_of(d), "label": d.isoformat()} for d in sorted({lo, hi})]
    return {
        "points": points,
        "ticks": ticks,
        "width": width,
        "height": 76,
        "unplotted": len(events) - len(points),
    }


# What a checked story's section says when the check found nothing for it (a story made before
# the check stage says NOT_CHECKED instead).
NOTHING_FOUND = {
    "brief": "nothing to brief",
    "claims": "no claims found",
    "quotes": "no quotation is carried by two outlets",
    "numbers": "no figures found",
    "coverage": "no claims to cover",
    "framing": "no framing read",
    "timeline": "no claim carries a date the check could place",
}


def nothing_text(
    story: Mapping[str, Any], key: str, members: Sequence[Mapping[str, Any]] = ()
) -> str:
    """What an empty section (`NOTHING_FOUND`'s keys) of a story says: NOT_CHECKED when the
    check has not filled it, else why nothing is there (a timeline without any publication
    date among `members` to resolve "on Wednesday" against says so)."""
    if key not in story and not (key == "coverage" and "claims" in story):
        return NOT_CHECKED
    text = NOTHING_FOUND[key]
    if key == "timeline" and not any(a.get("published") for a in members):
        text += (
            ": no article gives its publication date, so times such as “on Wednesday” or "
            "“yesterday” cannot be placed"
        )
    return text


def story_view(
    story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]], only: str | None = None
) -> dict:
    """Everything the story view shows, from a story object and the articles by id; `only`
    keeps the claims of one status (the web app's claim filter).

    Stories made before the check stage have no claims, brief or timeline: `checked` is
    False and the view says "not checked yet" where each would be; a checked story's empty
    section says why it is empty (`nothing`).
    """
    claims = list(story.get("claims") or ())
    by_status = [(s, [c for c in claims if c.get("status") == s]) for s in CLAIM_STATUSES]
    others = [c for c in claims if c.get("status") not in CLAIM_STATUSES]
    if others:
        by_status.append(("other", others))
    brief = [
        dict(
            item,
            cites=citations(
                story, item.get("claim_ids") or (), item.get("article_ids") or (), articles
            ),
        )
        for item in story.get("brief") or ()
    ]
    members = [articles.get(aid) or {"id": aid} for aid in story.get("article_ids") or ()]
    framing = story.get("framing") or {}
    return {
        "s": story,
        "checked": bool(story.get("checked")),
        "any_check": any(k in story for k in CHECK_KEYS),
        "note": story.get("check_note"),
        "brief": brief,
        "claims_by_status": [(s, cs) for s, cs in by_status if cs and only in (None, s)],
        "status_counts": [(s, len(cs)) for s, cs in by_status if cs],
        "only_status": only,
        "claim_count": len(claims),
        "quotes": story.get("quotes") or [],
        "numbers": story.get("numbers") or [],
        "coverage": coverage_matrix(story, articles) if claims else None,
        "framing": [
            (a, {**f, "terms": term_counts(f.get("contested_terms") or ())})
            for a in members
            if isinstance(f := framing.get(a.get("id")), Mapping)
        ],
        "timeline": list(story.get("timeline") or ()),
        "chart": timeline_chart(list(story.get("timeline") or ())),
        "members": members,
        "nothing": {key: nothing_text(story, key, members) for key in NOTHING_FOUND},
        "articles": articles,
        "label": lambda aid: _label(articles.get(aid), aid),
    }


def attention(
    stories: list[Mapping[str, Any]],
    days_by_story: Mapping[str, list[str]],
    width: int = 180,
    height: int = 22,
) -> dict:
    """Articles per day per story on one shared date axis (a bar sparkline per story).

    Args:
        days_by_story: story id -> the publication date of each of its articles.

    Example:
        >>> c = attention([{"id": "s"}], {"s": ["2026-03-10", "2026-03-10", "2026-03-12"]})
        >>> [(b["day"], b["count"]) for b in c["bars"]["s"]], c["first"], c["last"]
        ([('2026-03-10', 2), ('2026-03-12', 1)], '2026-03-10', '2026-03-12')
    """
    counts: dict[str, dict[date, int]] = {}
    for s in stories:
        per: dict[date, int] = {}
        for d in map(_day, days_by_story.get(s["id"], ())):
            if d is not None:
                per[d] = per.get(d, 0) + 1
        counts[s["id"]] = per
    days = [d for per in counts.values() for d in per]
    if not days:
        return {"bars": {}, "first": None, "last": None, "width": width, "height": height}
    lo, hi = min(days), max(days)
    n_days = (hi - lo).days + 1
    bar_w = max(width / n_days, 1.0)
    top = max(max(per.values(), default=1) for per in counts.values())
    bars = {
        sid: [
            {
                "x": round((d - lo).days * bar_w, 1),
                "w": round(max(bar_w - 1, 1), 1),
                "h": max(round(c / top * (height - 2)), 1),
                "day": d.isoformat(),
                "count": c,
            }
            for d, c in sorted(per.items())
        ]
        for sid, per in counts.items()
    }
    for bs in bars.values():
        for b in bs:
            b["y"] = height - b["h"]
    return {
        "bars": bars,
        "first": lo.isoformat(),
        "last": hi.isoformat(),
        "width": width,
        "height": height,
    }
