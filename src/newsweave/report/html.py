"""The self-contained HTML report: one file, inline CSS and SVG, no script, no external request.

The story and article views are the web app's (report/templates, shared); here every link is
an anchor in the same file, and a Content-Security-Policy meta tag forbids any request.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from . import views

TEMPLATES = Path(__file__).parent / "templates"


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(Environment):
    """Jinja2's environment with a faster `x.name` on plain dicts (the views are dicts).

    Jinja2 tries getattr first, and a dict has no attribute "title": every lookup raised and
    caught an AttributeError, a third of a story page's render. For a plain dict and a name
    that is not a dict attribute the answer is the same either way: the key, or undefined.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def environment(*extra_folders: Path) -> Environment:
    """The Jinja2 environment of every view: autoescape on, the view helpers as globals.

    The views are macros imported without context (so Jinja2 builds them once): what they
    need comes in their argument or from the globals, `link` included (set by the caller).

    Args:
        extra_folders: more template folders searched first (the web app's pages).
    """
    env = _Environment(
        loader=FileSystemLoader([*map(str, extra_folders), str(TEMPLATES)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        status_label=views.status_label,
        status_class=views.status_class,
        safe_href=views.safe_href,
        evidence_anchor=views.evidence_anchor,
        citations=views.citations,
        not_checked=views.NOT_CHECKED,
    )
    return env


@cache
def stylesheet() -> str:
    """The one stylesheet (our own file, not article data)."""
    return (TEMPLATES / "style.css").read_text("utf-8")


@cache
def _env() -> Environment:
    env = environment()
    env.globals["link"] = views.FileLinks()
    return env


def render_html(report: dict[str, Any]) -> str:
    """The report (`build_report`'s dict) as one self-contained HTML page.

    Example:
        >>> page = render_html({"articles": [{"id": "a1", "title": "<b>Hi</b>", "text": "x"}],
        ...                     "stories": []})
        >>> "&lt;b&gt;Hi&lt;/b&gt;" in page, "<script" in page
        (True, False)
    """
    articles = list(report.get("articles") or ())
    by_id = {a["id"]: a for a in articles}
    stories = list(report.get("stories") or ())
    return (
        _env()
        .get_template("report.html")
        .render(
            css=Markup(stylesheet()),  # noqa: S704 - our stylesheet, read from the package
            link=views.FileLinks(),
            articles_by_id=by_id,
            stories=[views.story_view(s, by_id) for s in stories],
            articles=[views.article_view(a, stories) for a in articles],
            generator=report.get("generator", "newsweave"),
            generated=report.get("generated", ""),
        )
    )
