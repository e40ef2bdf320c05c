"""The Markdown report: briefs with statuses and citations, tables, escaping."""

from __future__ import annotations

import re

from newsweave.report.markdown import md_escape, render_markdown
from report_fixture import checked_report, hostile_report


def test_report_markdown_brief_has_status_and_citations():
    md = render_markdown(checked_report())
    assert "- **conflicting**: The repair bill is disputed: 4 or 6 million crowns. [1][3]" in md
    assert "| single source | Critics called the closure a fiasco. | critics | 1 | [2] |" in md
    assert "| Ilsa Varn | wording differs | the pier was unsafe and would stay closed | [2] |" in md
    assert "| commuters | conflicting | 1500 people | Some 1,500 commuters | [2] |" in md
    assert "2. Northreach Daily, 2026-04-02: Ferry pier shut (a2) (https://a2.example/pier)" in md


def test_report_markdown_unchecked_story_says_so():
    report = checked_report()
    for key in ("brief", "claims", "quotes", "numbers"):
        report["stories"][0].pop(key)
    md = render_markdown(report)
    assert md.count("not checked yet") == 4


def test_report_markdown_checked_story_without_quotes_says_why():
    report = checked_report()
    report["stories"][0]["quotes"] = []
    md = render_markdown(report)
    assert "Quotes: no quotation is carried by two outlets." in md
    assert "not checked yet" not in md


def test_report_markdown_escapes_markup_and_table_pipes():
    md = render_markdown(hostile_report())
    assert not re.search(r"(?<!\\)[<>]", md)  # no raw HTML left
    assert md_escape("a | b") == "a \\| b"
    width = 0
    for line in md.splitlines():  # every table row keeps its header's column count
        if line.startswith("| "):
            cells = len(re.findall(r"(?<!\\)\|", line))
            width = width or cells
            assert cells == width, line
        else:
            width = 0


def test_report_markdown_doubtful_story_shows_cohesion_and_note():
    report = checked_report()
    report["stories"][0].update(cohesion=0.123, note="weakly linked: it may hold two events")
    md = render_markdown(report)
    assert "independent sources, 2026-04-01 – 2026-04-03, cohesion 0.12" in md
    assert "*weakly linked: it may hold two events*" in md


def test_report_markdown_has_coverage_and_framing_per_article():
    md = render_markdown(checked_report())
    assert "### Coverage" in md and "### Framing" in md
    assert "| [2] | 50% | fiasco (quoted) |" in md  # Northreach Daily quotes "a fiasco"
    assert "| [2] | 1 | 1 | Ilsa Varn (1) |" in md  # it alone carries c3, leaves out c2
    report = checked_report()
    report["stories"][0].pop("framing")
    assert "Framing: not checked yet." in render_markdown(report)


def test_report_markdown_shows_control_characters_as_escapes():
    out = md_escape("By Ana\x1b[31m Holm\x07")
    assert "\x1b" not in out and "\x07" not in out
    assert out.startswith("By Ana\\\\x1b\\[31m")  # shown as text, its bracket escaped too


def test_report_markdown_cites_in_story_order_whatever_the_line_order():
    report = checked_report()
    line = report["stories"][0]["brief"][1]
    line["article_ids"] = ["a3", "a1", "a3", "elsewhere"]  # publication order, a repeat, unknown
    md = render_markdown(report)
    assert f"{md_escape(line['text'])} [1][3]" in md
