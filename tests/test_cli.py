"""The command line: extract, ingest, articles, exit codes, help on every command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import html_page
from newsweave.cli import main


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize(
    "cmd",
    [[], ["extract"], ["ingest"], ["articles"], ["analyze"], ["article"], ["bench", "extract"],
     ["bench", "read"], ["bench", "group"], ["stories"], ["story"], ["serve"]],
)  # fmt: skip
def test_cli_help_on_every_command(runner, cmd):
    result = runner.invoke(main, [*cmd, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_cli_bench_group_refuses_unknown_parts(runner, tmp_path):
    out = tmp_path / "b.md"
    result = runner.invoke(main, ["bench", "group", "--parts", "ecbplus,nope", "--out", str(out)])
    assert result.exit_code == 2
    assert "choose from ecbplus, allsides, copies, stream" in result.stderr
    assert not out.exists()


def test_cli_bench_read_without_data_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(main, ["bench", "read", "--data", str(tmp_path / "absent")])
    assert result.exit_code == 1
    assert "PolNeAR split not found at" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_cli_bench_without_a_checkout_says_where_benchmarks_run(runner, monkeypatch):
    # an installed newsweave has no benchmarks package: its help still explains each benchmark
    monkeypatch.setitem(sys.modules, "benchmarks", None)
    monkeypatch.setitem(sys.modules, "benchmarks.read", None)
    helped = runner.invoke(main, ["bench", "read", "--help"])
    assert helped.exit_code == 0 and "PolNeAR dev" in helped.output
    result = runner.invoke(main, ["bench", "read"])
    assert result.exit_code == 1
    assert "benchmarks run from a source checkout" in result.stderr
    assert "python -m benchmarks" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_cli_bench_without_the_bench_extra_names_it(runner, monkeypatch, tmp_path):
    import benchmarks.read

    def missing(**_kwargs):
        raise ModuleNotFoundError("No module named 'sklearn'", name="sklearn")

    monkeypatch.setattr(benchmarks.read, "run_bench", missing)
    result = runner.invoke(main, ["bench", "read", "--out", str(tmp_path / "b.md")])
    assert result.exit_code == 1
    assert "sklearn is not installed" in result.stderr and "[bench]" in result.stderr


def test_benchmarks_module_runs_the_bench_commands():
    repo = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--help"], cwd=repo,
                          capture_output=True, text=True, check=True)  # fmt: skip
    assert "Usage: python -m benchmarks" in done.stdout
    assert {"extract", "read", "group"} <= set(done.stdout.split())


def test_installed_package_holds_no_benchmarks():
    import pkgutil

    import newsweave

    names = [m.name for m in pkgutil.walk_packages(newsweave.__path__)]
    assert "check" in names  # the walk found the subpackages
    assert not [n for n in names if "bench" in n]


def test_cli_extract_writes_articles_and_errors(runner, tmp_path):
    (tmp_path / "a.html").write_text(html_page(80), "utf-8")
    (tmp_path / "b.html").write_bytes(b"")
    out = tmp_path / "articles.jsonl"
    result = runner.invoke(main, ["extract", str(tmp_path), "--out", str(out), "-q"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert rows[0]["title"] == "Lindholm council story number 80"
    assert set(rows[0]) >= {"id", "source", "url", "outlet", "authors", "title", "published",
                            "language", "text", "removed", "provenance"}  # fmt: skip
    assert rows[1] == {
        "source": str(tmp_path / "b.html"),
        "error": "empty input: nothing to extract",
    }
    assert "1 extracted, 0 duplicates, 1 failed" in result.stderr


def test_cli_exit_code_1_when_every_input_failed(runner, tmp_path):
    (tmp_path / "a.html").write_bytes(b"\x00\x01\x02binary")
    result = runner.invoke(
        main, ["ingest", str(tmp_path / "a.html"), "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 1
    assert f"{tmp_path / 'a.html'}: binary content" in result.stderr


def test_cli_ingest_twice_then_list(runner, tmp_path):
    (tmp_path / "a.html").write_text(html_page(81), "utf-8")
    db = str(tmp_path / "s.db")
    first = runner.invoke(main, ["ingest", str(tmp_path / "a.html"), "--db", db])
    second = runner.invoke(main, ["ingest", str(tmp_path / "a.html"), "--db", db])
    assert "1 stored, 0 duplicates, 0 failed" in first.stderr
    assert "0 stored, 1 duplicates, 0 failed" in second.stderr
    listing = runner.invoke(main, ["articles", "--db", db, "--json"])
    (row,) = [json.loads(line) for line in listing.output.splitlines()]
    assert row["title"] == "Lindholm council story number 81"


def test_cli_articles_on_missing_store_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["articles", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no such store" in result.output


def test_cli_analyze_writes_html_and_markdown(runner, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text(html_page(1), "utf-8")
    html, md = tmp_path / "r.html", tmp_path / "r.md"
    result = runner.invoke(main, ["analyze", str(tmp_path / "in"), "--db", str(tmp_path / "s.db"),
                                  "--html", str(html), "--md", str(md), "-q"])  # fmt: skip
    assert result.exit_code == 0, result.output
    page = html.read_text("utf-8")
    assert "Lindholm council story number 1" in page and "not checked yet" not in page
    assert "Quote comparison: no quotation is carried by two outlets." in page  # one article
    assert md.read_text("utf-8").startswith("# newsweave: 1 stories, 1 articles")
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("flag", ["--html", "--md"])
def test_cli_analyze_refuses_a_missing_output_folder_before_work(runner, tmp_path, flag):
    (tmp_path / "a.html").write_text(html_page(2), "utf-8")
    db = tmp_path / "s.db"
    result = runner.invoke(main, ["analyze", str(tmp_path / "a.html"), "--db", str(db),
                                  flag, str(tmp_path / "nope" / "r.out")])  # fmt: skip
    assert result.exit_code == 2
    assert "nope: no such folder" in result.stderr and flag in result.stderr
    assert not db.exists()  # nothing was done


def test_cli_control_characters_are_escaped_in_everything_printed(runner, tmp_path):
    from newsweave.model import Article
    from newsweave.store import open_store

    db = str(tmp_path / "s.db")
    evil = Article(id="00000000000000e5", source="in\x1b]0;pwned\x07.html",
                   text="The council met on Monday to talk about the harbour wall. " * 3,
                   title="Harbour\x1b[2J wall", outlet="Ledger\x9b", authors=("Ana\x1b[31m Holm",),
                   language="xx")  # fmt: skip
    with open_store(db) as store:
        store.add(evil)
    shown = runner.invoke(main, ["article", evil.id, "--db", db])
    listed = runner.invoke(main, ["articles", "--db", db])
    bad = tmp_path / "bad\x1b[31mname.html"
    bad.write_bytes(b"")
    failed = runner.invoke(main, ["ingest", str(bad), "--db", db])
    for out in (shown.output, listed.output, failed.stderr):
        assert not any(c in out for c in "\x1b\x07\x9b"), repr(out)
    assert "Ana\\x1b[31m Holm" in shown.output and "bad\\x1b[31mname.html" in failed.stderr


@pytest.mark.parametrize(
    "cmd, says",
    [(["ingest"], "created when missing"), (["analyze"], "created when missing"),
     (["articles"], "it must exist"), (["stories"], "it must exist"),
     (["story", "x"], "it must exist"), (["article", "x"], "it must exist")],
)  # fmt: skip
def test_cli_db_help_says_what_the_command_does_with_a_missing_store(runner, cmd, says):
    result = runner.invoke(main, [*cmd, "--help"])
    assert says in " ".join(result.output.split())


def test_cli_story_table_lists_disputes_then_corroborated_then_single_source():
    from newsweave.cli import _story_tables

    def claim(cid, status):
        return {"id": cid, "status": status, "independent_sources": 1, "attributed_to": None,
                "article_ids": ["a"], "text": cid}  # fmt: skip

    story = {"article_ids": ["a"],
             "claims": [claim("c1", "single_source"), claim("c2", "corroborated"),
                        claim("c3", "conflicting"), claim("c4", "single_source")]}  # fmt: skip
    (title, _, rows), *_ = _story_tables(story)
    assert title == "4 claims" and [r[0] for r in rows] == ["c3", "c2", "c1", "c4"]


def test_cli_story_table_shows_framing_with_each_term_once_per_voice():
    from newsweave.cli import _story_tables

    terms = [{"term": "regime", "voice": "outlet"}, {"term": "regime", "voice": "outlet"},
             {"term": "regime", "voice": "quoted"}]  # fmt: skip
    story = {
        "article_ids": ["a"],
        "framing": {"a": {"asserted_share": 0.25, "contested_terms": terms, "lead": "Ana"}},
    }
    (title, cols, rows) = _story_tables(story)[-1]
    assert title == "framing" and len(cols) == 4
    assert rows == [("[1]", "25%", "regime x2 (outlet), regime (quoted)", "Ana")]


def test_cli_story_prints_hostile_tables_as_text(tmp_path):
    from report_fixture import PLANTED, fixture_store, hostile_report

    report = hostile_report()
    story = report["stories"][0]
    story["framing"]["a1"]["lead"] = "[bold red]boom[/bold red]"  # rich markup in a lead
    db = tmp_path / "h.db"
    fixture_store(db, report)
    out = CliRunner().invoke(main, ["story", story["id"], "--db", str(db)], terminal_width=400)
    assert out.exit_code == 0, out.output
    assert "[bold red]boom[/bold red]" in out.output  # shown, not interpreted
    assert PLANTED["title"] in out.output  # a term, a speaker: plain text in a terminal


def test_cli_briefs_and_story_tables_cite_in_story_order():
    from newsweave.cli import _print_briefs, _story_tables, out_console
    from report_fixture import checked_report

    report = checked_report()
    story = report["stories"][0]
    story["brief"] = [{**story["brief"][0], "text": "Line.", "article_ids": ["a3", "a1"]}]
    story["claims"][0]["article_ids"] = ["a3", "a2", "a1"]
    with out_console.capture() as captured:
        _print_briefs(report)
    assert "Line. [1][3]" in captured.get()
    (_, _, rows), *_ = _story_tables(story)
    assert {r[4] for r in rows if r[0] == story["claims"][0]["id"]} == {"[1][2][3]"}
