"""Figures compared by their context (check/figure_context.py), on invented reports read by the
real reader: a figure changed in one report conflicts though the sentences are not aligned; the
same counted noun in another context, a range's ends and an equal figure do not."""

from __future__ import annotations

from newsweave.check import check_story
from newsweave.model import Article, Story
from newsweave.read.stage import read_articles


def _check(*texts: str, days: tuple[str | None, ...] = ()):
    articles = [
        Article(f"a{i}", f"a{i}.html", t, outlet=f"Outlet {i}", published=(days or [None] * 9)[i])
        for i, t in enumerate(texts)
    ]
    story = Story("s", None, tuple(a.id for a in articles), len(articles), (), None, None)
    return check_story(story, list(zip(articles, read_articles(articles), strict=True)))


def _disputed(check) -> list[tuple[str, set[str]]]:
    return [
        (n.quantity, {v.text for v in n.values}) for n in check.numbers if n.status == "conflicting"
    ]


A = (
    "A convicted robber pulled a gun on two guards during a prison transfer near Huntsville "
    "on Monday and fled on foot. Police closed the roads around the Lindholm prison."
)
B = (
    "Police said the man, serving a life sentence, pulled a gun on seven guards during a prison "
    "transfer and escaped. Officers searched the woods overnight with dogs."
)


def test_check_figure_context_a_changed_figure_in_the_same_words_conflicts():
    assert _disputed(_check(A, B)) == [("guards", {"two", "seven"})]


def test_check_figure_context_the_same_figure_agrees():
    assert _disputed(_check(A, B.replace("seven guards", "two guards"))) == []


def test_check_figure_context_a_later_day_updates_not_disputes():
    check = _check(A, B, days=("2026-03-10", "2026-03-11"))
    assert _disputed(check) == []
    assert [n.status for n in check.numbers if len(n.values) == 2] == ["updated"]


def test_check_figure_context_the_same_noun_elsewhere_is_another_quantity():
    # two shared context words ("scored", "final") are not enough: two players' scores
    a = "Mara Quist scored 19 points in the final against Ostwyn on Friday."
    b = "Jon Feld scored 23 points in the semi-final at Brenna last week."
    assert _disputed(_check(a, b)) == []


def test_check_figure_context_the_ends_of_a_range_are_no_figures():
    a = "The Orioles offered seven years and $140-150 million for the first baseman on Sunday."
    b = "The Orioles offered seven years and $150 million for the first baseman on Sunday."
    assert _disputed(_check(a, b)) == []
