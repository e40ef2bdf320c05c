"""Copies: exact, near and partial copies, who is the origin, independent sources."""

from __future__ import annotations

from conftest import paragraphs
from newsweave.group import Grouper, GroupInput, GroupSettings
from newsweave.group.copies import CopyIndex


def _text(seed: int, n: int = 5) -> str:
    return "\n".join(paragraphs(seed, n))


def test_exact_copy_ignores_case_and_spacing():
    idx = CopyIndex(GroupSettings())
    assert idx.add(_text(1), None) is None
    m = idx.add("  " + _text(1).upper().replace("\n", "\n\n"), None)
    assert (m.other, m.kind, m.similarity) == (0, "exact", 1.0)


def test_near_copy_with_chrome_and_trimmed_ending():
    idx = CopyIndex(GroupSettings())
    idx.add(_text(2), None)
    chrome = "Home | News | Sport\n" + _text(2) + "\nShare on Facebook | Subscribe"
    assert idx.add(chrome, None).kind == "near"
    trimmed = " ".join(_text(2).split()[:120])
    assert idx.add(trimmed, None).kind == "near"


def test_partial_copy_reuses_a_long_passage():
    idx = CopyIndex(GroupSettings())
    idx.add(_text(3, 6), None)
    rewrite = "\n".join(paragraphs(3, 6)[:3] + paragraphs(40, 3))
    m = idx.add(rewrite, None)
    assert m is not None and m.kind == "partial" and m.similarity >= 0.3


def test_different_articles_are_not_copies():
    idx = CopyIndex(GroupSettings())
    idx.add(_text(4), None)
    assert idx.add(_text(9), None) is None
    assert idx.add("", None) is None and idx.add("", None) is None  # empty bodies copy nothing


def test_origin_is_earliest_published_and_relinks_later_copies():
    g = Grouper()
    a = g.add(GroupInput("late", _text(5), published="2026-03-05"))
    b = g.add(GroupInput("early", _text(5) + "\nRead more", published="2026-03-01"))
    assert a.duplicate_of is None
    assert b.duplicate_of is None and b.copy is None
    assert b.relinked == (("late", "early"),)
    assert g.duplicate_of("late") == "early"
    c = g.add(GroupInput("undated", _text(5)))
    assert c.duplicate_of == "early" and c.copy.kind in ("exact", "near")


def test_origin_without_dates_is_the_most_complete():
    g = Grouper()
    g.add(GroupInput("short", " ".join(_text(6).split()[:100])))
    g.add(GroupInput("full", _text(6)))
    assert g.duplicate_of("short") == "full"
    assert g.duplicate_of("full") is None


def test_copies_count_once_as_independent_sources():
    g = Grouper()
    g.add(GroupInput("wire", _text(7), title="Ferry timetable questioned", outlet="Wire"))
    g.add(GroupInput("copy1", _text(7) + "\nShare", title="Ferry row", outlet="Paper A"))
    g.add(GroupInput("copy2", _text(7), title="Ferry timetable", outlet="Paper B"))
    (story,) = g.stories()
    assert story.article_count == 3
    assert story.independent_sources == 1
    assert story.outlets == ("Wire", "Paper A", "Paper B")


def test_adding_an_article_twice_is_refused():
    g = Grouper()
    g.add(GroupInput("a", _text(8)))
    try:
        g.add(GroupInput("a", _text(8)))
    except ValueError as e:
        assert "already grouped" in str(e)
    else:
        raise AssertionError("expected ValueError")


def test_copies_older_than_the_copy_window_are_not_matched():
    idx = CopyIndex(GroupSettings(copy_window_days=10))
    idx.add(_text(11), "2026-01-01")
    idx.add(_text(30), "2026-03-01")  # the clock moves on: the January text leaves the index
    assert idx.add(_text(11), "2026-03-02") is None
    assert idx.add(_text(30) + "\nShare", None).other == 1  # undated: arrives "now"


def test_group_copies_known_bands_are_datasketchs():
    from datasketch import MinHashLSH

    from newsweave.group.copies import KNOWN_BANDS

    for (threshold, num_perm, weights), bands in KNOWN_BANDS.items():
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=weights)
        assert (lsh.b, lsh.r) == bands


def test_group_copies_grouping_imports_no_lsh_at_the_defaults():
    import subprocess
    import sys

    code = ("import sys; from newsweave.group import Grouper, GroupInput; "
            "Grouper().add(GroupInput('a', 'The tram line opened in Lindholm today.')); "
            "print('datasketch.lsh' in sys.modules)")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
