"""A rerun over unchanged inputs reuses the stored articles instead of extracting them again
(issue 14, item 15); a changed input is extracted again."""

from __future__ import annotations

import gzip
import json

import pytest

import newsweave.pipeline as pipeline
from conftest import html_page, paragraphs
from newsweave.pipeline import run
from newsweave.store import SQLiteStore


def _folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_text(html_page(1), "utf-8")
    (folder / "b.html").write_text(html_page(2), "utf-8")
    lines = [
        json.dumps({"url": f"https://x.example/{n}", "text": "\n\n".join(paragraphs(10 + n))})
        for n in range(2)
    ]
    (folder / "c.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    return folder


def _stored(store):
    return sorted((a.source, a.id) for a in store.articles())


def _no_extract(*_args, **_kwargs):
    raise AssertionError("extract called on an unchanged input")


def test_pipeline_rerun_does_not_extract_unchanged_inputs(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    with SQLiteStore(tmp_path / "x.db") as store:
        first = run([str(folder)], store=store, fetch=False)
        before = _stored(store)
        monkeypatch.setattr(pipeline, "extract", _no_extract)
        second = run([str(folder)], store=store, fetch=False)
        assert _stored(store) == before
    assert (first.stored, first.duplicates, first.failed) == (4, 0, 0)
    assert (second.stored, second.duplicates, second.failed) == (0, 4, 0)


def test_pipeline_rerun_with_two_inputs_of_one_article(tmp_path, monkeypatch):
    # the second copy's stored article names the first input: the rerun crashed (KeyError)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.html", "copy-of-a.html"):
        (folder / name).write_text(html_page(3), "utf-8")
    with SQLiteStore(tmp_path / "x.db") as store:
        first = run([str(folder)], store=store, fetch=False)
        monkeypatch.setattr(pipeline, "extract", _no_extract)
        outcomes = []
        second = run([str(folder)], store=store, fetch=False, on_outcome=outcomes.append)
    assert (first.stored, first.duplicates, first.failed) == (1, 1, 0)
    assert (second.stored, second.duplicates, second.failed) == (0, 2, 0)
    assert [o.source.rsplit("/", 1)[1] for o in outcomes] == ["a.html", "copy-of-a.html"]


def test_pipeline_rerun_extracts_a_changed_input_again(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    calls = []
    real = pipeline.extract

    def counted(raw, *args):
        calls.append(raw.source)
        return real(raw, *args)

    monkeypatch.setattr(pipeline, "extract", counted)
    with SQLiteStore(tmp_path / "x.db") as store:
        run([str(folder)], store=store, fetch=False)
        calls.clear()
        (folder / "b.html").write_text(html_page(3), "utf-8")
        second = run([str(folder)], store=store, fetch=False)
        assert any(a.source.endswith("b.html") and a.text.startswith(paragraphs(3)[0][:40])
                   for a in store.articles())  # fmt: skip
    assert [c.rsplit("/", 1)[1] for c in calls] == ["b.html"]
    assert (second.stored, second.duplicates) == (1, 3)


@pytest.mark.parametrize("cmd", ["ingest", "analyze"])
def test_pipeline_rerun_of_the_cli_does_not_extract(tmp_path, monkeypatch, cmd):
    from click.testing import CliRunner

    from newsweave.cli import main

    folder = _folder(tmp_path)
    db = str(tmp_path / "x.db")
    args = [cmd, str(folder), "--db", db, "--offline"]
    assert CliRunner().invoke(main, args).exit_code == 0
    monkeypatch.setattr(pipeline, "extract", _no_extract)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "0 stored, 4 duplicates, 0 failed" in result.output


def _no_grouping(*_args, **_kwargs):
    raise AssertionError("an unchanged store was regrouped")


def test_pipeline_rerun_does_not_regroup_an_unchanged_store(tmp_path, monkeypatch):
    import newsweave.group.stage as stage
    from conftest import EXAMPLES
    from newsweave.pipeline import analyze

    with SQLiteStore(tmp_path / "x.db") as store:
        first = analyze([str(EXAMPLES / "decoy")], store, fetch=False).to_dict()
        monkeypatch.setattr(stage, "group_items", _no_grouping)
        monkeypatch.setattr(stage, "add_to_grouping", _no_grouping)
        second = analyze([str(EXAMPLES / "decoy")], store, fetch=False).to_dict()
        # the report's timestamp is the clock's: two runs a second apart differ only there
        first.pop("generated"), second.pop("generated")
        assert second == first
        monkeypatch.undo()
        grown = analyze([str(EXAMPLES / "rates")], store, fetch=False)  # a new article: regrouped
        assert grown.summary.stored > 0 and grown.stories


def test_pipeline_regroup_sees_an_article_stored_while_it_grouped(tmp_path, monkeypatch):
    # another analyze on the same store added an article while this one grouped: its stale
    # stories were written last, and the new article was in none of them
    import newsweave.group.stage as stage
    from newsweave.pipeline import regroup

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.html").write_text(html_page(20 + i), "utf-8")
    late = tmp_path / "late.html"
    late.write_text(html_page(23), "utf-8")
    db = tmp_path / "x.db"
    real, calls = stage.group_items, []

    def group_while_another_run_adds(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            with SQLiteStore(db) as other:
                run([str(late)], store=other, fetch=False)
        return real(*args, **kwargs)

    with SQLiteStore(db) as store:
        run([str(folder)], store=store, fetch=False)
        monkeypatch.setattr(stage, "group_items", group_while_another_run_adds)
        stories = regroup(store)
        members = {a for s in stories for a in s.article_ids}
        assert members == {a.id for a in store.articles()} and len(members) == 4
        assert {a for s in store.stories() for a in s["article_ids"]} == members


@pytest.mark.slow
def test_pipeline_rerun_of_a_stored_folder_imports_no_heavy_library(tmp_path):
    # a rerun of examples/corpus spent half a first run importing spaCy and scikit-learn (for
    # two version strings), trafilatura and httpx, none of which it used
    import subprocess
    import sys

    folder = _folder(tmp_path)
    args = ["analyze", str(folder), "--db", str(tmp_path / "x.db"), "--offline", "-q"]
    probe = (
        "import sys\nfrom newsweave.cli import entry\nsys.argv = ['newsweave', *sys.argv[1:]]\n"
        "try:\n    entry()\nexcept SystemExit:\n    pass\n"
        "heavy = ('spacy', 'sklearn', 'trafilatura', 'httpx', 'feedparser', 'pandas')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    runs = [subprocess.run([sys.executable, "-c", probe, *args], capture_output=True,
                           text=True, timeout=300) for _ in range(2)]  # fmt: skip
    assert "'spacy'" in runs[0].stderr.splitlines()[-1], runs[0].stderr
    assert runs[1].stderr.splitlines()[-1] == "[]", runs[1].stderr


def test_pipeline_rerun_a_changed_input_replaces_its_article(tmp_path):
    # an updated page gave a new article and its earlier text stayed beside it, a second
    # article of the same outlet in its story
    folder = _folder(tmp_path)
    with SQLiteStore(tmp_path / "x.db") as store:
        run([str(folder)], store=store, fetch=False)
        (old,) = [i for s, i in _stored(store) if s.endswith("b.html")]
        (folder / "b.html").write_text(html_page(3), "utf-8")
        second = run([str(folder)], store=store, fetch=False)
        stored = _stored(store)
        assert store.get(old) is None and store.reading(old) is None
    assert [s.rsplit("/", 1)[1] for s, _ in stored].count("b.html") == 1 and len(stored) == 4
    assert second.replaced == 1
    assert second.line().endswith("1 replaced by their input's new version")


def test_pipeline_rerun_keeps_an_article_another_input_still_gives(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.html", "copy-of-a.html"):
        (folder / name).write_text(html_page(3), "utf-8")
    with SQLiteStore(tmp_path / "x.db") as store:
        run([str(folder)], store=store, fetch=False)
        (kept,) = {i for _, i in _stored(store)}
        (folder / "copy-of-a.html").write_text(html_page(4), "utf-8")
        second = run([str(folder)], store=store, fetch=False)
        assert store.get(kept) is not None and store.count() == 2
    assert (second.stored, second.replaced) == (1, 0)


def test_pipeline_rerun_of_an_export_with_a_line_put_first_removes_nothing(tmp_path):
    # each record is named path#N: a line put first renames every record after it, and the
    # articles they gave must not be removed and stored again
    def export(seeds):
        lines = [json.dumps({"url": f"https://x.example/{n}", "text": "\n\n".join(paragraphs(n))})
                 for n in seeds]  # fmt: skip
        path.write_text("\n".join(lines), "utf-8")

    path = tmp_path / "e.jsonl"
    export([10, 11])
    with SQLiteStore(tmp_path / "x.db") as store:
        run([str(path)], store=store, fetch=False)
        before = {i for _, i in _stored(store)}
        export([12, 10, 11])
        second = run([str(path)], store=store, fetch=False)
        after = {i for _, i in _stored(store)}
    assert before < after and len(after) == 3
    assert (second.stored, second.duplicates, second.replaced) == (1, 2, 0)


def test_pipeline_digest_names_the_extractor_version(monkeypatch):
    from newsweave.model import RawDocument
    from newsweave.settings import DEFAULTS

    raw = RawDocument("a.html", b"<p>x</p>", "html")
    before = pipeline.input_digest(raw, DEFAULTS, None)
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "extract-test")
    assert pipeline.input_digest(raw, DEFAULTS, None) != before


@pytest.mark.parametrize("edit", ["reworded", "another event"])
def test_pipeline_analyze_settles_the_story_of_a_replaced_article_again(tmp_path, edit):
    # reworded, the new version joins the old one's story; as another event's page it leaves
    # the story, which must be settled again without the old version
    import shutil

    from conftest import EXAMPLES
    from newsweave.pipeline import analyze

    folder = tmp_path / "rates"
    shutil.copytree(EXAMPLES / "rates", folder)
    page = folder / "southline_rate-rise-variable-mortgages.html"
    other = next((EXAMPLES / "wildfire").glob("*.html"))
    with SQLiteStore(tmp_path / "x.db") as store:
        analyze([str(folder)], store, fetch=False)
        (old,) = [i for s, i in _stored(store) if s.endswith(page.name)]
        (story,) = [s for s in store.stories() if old in s["article_ids"]]
        text = page.read_text("utf-8")
        if edit == "reworded":
            page.write_text(text.replace("double the increase", "twice the rise", 1), "utf-8")
        else:
            page.write_text(other.read_text("utf-8"), "utf-8")
        report = analyze([str(folder)], store, fetch=False)
        (new,) = [i for s, i in _stored(store) if s.endswith(page.name)]
        stories = store.stories()
        members = [a for s in stories for a in s["article_ids"]]
        assert store.thinned_stories() == []
        assert sorted(members) == sorted(store.ids_in_stored_order())
    assert new != old and old not in members and report.summary.replaced == 1
    (now,) = [s for s in stories if new in s["article_ids"]]
    together = len(now["article_ids"]) == len(story["article_ids"])
    assert together == (edit == "reworded")


def test_pipeline_analyze_drops_the_story_a_replaced_article_was_alone_in(tmp_path):
    from newsweave.pipeline import analyze

    page = tmp_path / "a.html"
    page.write_text(html_page(1), "utf-8")
    with SQLiteStore(tmp_path / "x.db") as store:
        analyze([str(page)], store, fetch=False)
        page.write_text(html_page(2), "utf-8")
        analyze([str(page)], store, fetch=False)
        stored = store.ids_in_stored_order()
        stories = store.stories()
    assert len(stored) == 1 and [s["article_ids"] for s in stories] == [stored]
