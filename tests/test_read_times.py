"""Times: expressions found and resolved against the publication date, never guessed."""

from __future__ import annotations

import pytest

from newsweave.model import TimeExpr
from newsweave.read import nlp
from newsweave.read.times import find_times

# A Wednesday.
PUBLISHED = "2025-03-12"


def _times(text: str, published: str | None = PUBLISHED) -> tuple[TimeExpr, ...]:
    times = find_times(text, nlp.doc(text), published)
    for t in times:
        assert text[t.start : t.end] == t.text
    return times


@pytest.mark.parametrize(
    ("text", "expr", "resolved"),
    [
        ("The mayor spoke on Wednesday about the bridge.", "on Wednesday", "2025-03-12"),
        ("The mayor spoke on Monday about the bridge.", "on Monday", "2025-03-10"),
        ("The mayor spoke on Thursday about the bridge.", "on Thursday", "2025-03-06"),
        ("The mayor will speak on Friday about the bridge.", "on Friday", "2025-03-14"),
        ("The ferry sank last August near the pier.", "last August", "2024-08"),
        ("The ferry sank in February near the pier.", "in February", "2025-02"),
        ("The ferry sank yesterday near the pier.", "yesterday", "2025-03-11"),
        ("The council meets this evening in the hall.", "this evening", "2025-03-12"),
        ("The council met today in the hall.", "today", "2025-03-12"),
        ("The council will meet in the coming days.", "in the coming days", "2025-03-12/.."),
        ("Prices rose in recent days at the market.", "in recent days", "../2025-03-12"),
        ("The council met last year in the hall.", "last year", "2024"),
        ("The council met last month in the hall.", "last month", "2025-02"),
        ("The council met last week in the hall.", "last week", "2025-W10"),
        ("The council met on March 12 in the hall.", "on March 12", "2025-03-12"),
        ("The council met on 12 March 2024 in the hall.", "on 12 March 2024", "2024-03-12"),
        ("Five ferries sank in the last five days.", "in the last five days",
         "2025-03-07/2025-03-12"),
        ("The bridge closed three days ago.", "three days ago", "2025-03-09"),
    ],
)  # fmt: skip
def test_read_times_resolved(text, expr, resolved):
    (t,) = [t for t in _times(text) if t.text == expr]
    assert t.resolved == resolved


def test_read_times_anchor_recorded():
    (t,) = _times("The ferry sank yesterday.")
    assert t.anchor == f"published {PUBLISHED}"


def test_read_times_no_anchor_never_guessed():
    times = _times("The ferry sank yesterday, on Monday, last August.", published=None)
    assert times and all(t.resolved is None and t.anchor is None for t in times)


def test_read_times_absolute_date_needs_no_anchor():
    (t,) = _times("The ferry sank on 12 March 2025.", published=None)
    assert (t.resolved, t.anchor) == ("2025-03-12", None)


@pytest.mark.parametrize(
    "text", ["You may go.", "Troops march on.", "A 30-day truce held for 14 years."]
)
def test_read_times_not_times(text):
    assert _times(text) == ()


@pytest.mark.parametrize("text", ["", " ", "Am Mittwoch sprach der Kanzler.", "Путин, 12 марта."])
def test_read_times_odd_input_does_not_crash(text):
    _times(text)
    _times(text, published="not a date")


# --- the seed pair -------------------------------------------------------------------------------


@pytest.mark.shared
def test_read_times_seed_003(seed_003):
    text = seed_003.read_text(encoding="utf-8")
    times = {t.text: t.resolved for t in _times(text)}
    assert times["last August"] == "2024-08"
    assert times["Yesterday"] == "2025-03-11"
    assert times["this evening"] == "2025-03-12"
    assert times["Wednesday"] == "2025-03-12"


@pytest.mark.shared
def test_read_times_seed_000(seed_000):
    text = seed_000.read_text(encoding="utf-8")
    times = _times(text, published="2025-03-13")
    resolved = {t.text: t.resolved for t in times}
    assert resolved["on Wednesday"] == "2025-03-12"
    assert resolved["last year"] == "2024"
    assert resolved["in the coming days"] == "2025-03-13/.."
    assert resolved["Tuesday, June 17, 2025"] == "2025-06-17"


def test_read_times_200k_text_tokens_only():
    import spacy

    text = ("Kyiv agreed on Tuesday. Mara Quist said 12 boats sank near the pier. " * 3000)[
        :200_000
    ]
    times = find_times(text, spacy.blank("en")(text), PUBLISHED)
    assert len(times) == text.count("on Tuesday")
    assert {t.resolved for t in times} == {"2025-03-11"}
