"""report.json: what each article of the report carries from its reading."""

from __future__ import annotations

import io
import json
import re

import pytest

from conftest import EXAMPLES
from newsweave.errors import StoreError
from newsweave.model import Article, Reading
from newsweave.report.json import article_dict, build_report, dumps, write_report


def test_report_json_article_keeps_reading_notes():
    article = Article(id="0123456789abcdef", source="a.txt", text="Das Rathaus bleibt zu.")
    note = "language de: English-only steps skipped"
    reading = Reading(article.id, notes=(note,))
    assert list(article_dict(article, reading)["notes"]) == [note]
    assert list(article_dict(article, None)["notes"]) == []


# --- the report written as it goes ----------------------------------------------------------

_GENERATED = re.compile(r'"generated": "[^"]*"')


def _dumped(data: dict) -> str:
    """The report as `analyze --out` wrote it before it was streamed."""
    return _GENERATED.sub('"generated": "-"', dumps(data) + "\n")


_PLAIN = {"a": [1, -5, 10**20, 2.5, 0.1, -0.0, 123456789.123], "b": {}, "c": [[], {}, [{}]],
          "d": (1, (2,)), "e": [None, True, False], "f": "Привет «x» \u2028 \x00\x1f\t\n\"\\ / 😀",
          "g": {"deep": [{"x": []}]}, "h": "</script>"}  # fmt: skip


@pytest.mark.parametrize("value", [_PLAIN, [], {}, "s", 3, 1.0, [_PLAIN, _PLAIN]])
def test_report_json_dumps_is_the_standard_indented_text(value):
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ([1e-05, 1e20, 1.5e-7], "[\n  0.00001,\n  1e20,\n  1.5e-7\n]"),  # exponents: same number
        ({"x": float("nan")}, '{\n  "x": null\n}'),  # JSON has no NaN
        ({1: 2}, '{\n  "1": 2\n}'),
        ({(1, 2): 3, "k": [1]}, None),  # msgspec refuses the key: the standard encoder's error
    ],
)
def test_report_json_dumps_where_it_differs(value, text):
    if text is None:
        with pytest.raises(TypeError, match="keys must be str"):
            dumps(value)
        return
    assert dumps(value) == text
    if "null" not in text:
        assert json.loads(dumps(value)) == json.loads(json.dumps(value))


def _written(pairs, stories) -> str:
    out = io.StringIO()
    write_report(out, pairs, stories)
    return _GENERATED.sub('"generated": "-"', out.getvalue())


def test_report_json_written_as_it_goes_empty_report():
    assert _written([], []) == _dumped(build_report([], []))


def test_report_json_written_as_it_goes_is_the_dumped_report(tmp_path, monkeypatch):
    import newsweave.pipeline as pipeline
    from newsweave.store import SQLiteStore

    reads: list[int] = []
    real = SQLiteStore.articles_with_readings

    def counted(self, article_ids=None):
        reads.append(len(article_ids))
        return real(self, article_ids)

    monkeypatch.setattr(pipeline, "_ARTICLES_PER_READ", 3)
    with SQLiteStore(tmp_path / "s.db") as store:
        report = pipeline.analyze([str(EXAMPLES)], store, fetch=False)
        monkeypatch.setattr(SQLiteStore, "articles_with_readings", counted)
        out = io.StringIO()
        report.write_json(out)
        # the articles come from the store a few at a time, never all at once
        assert len(report.articles) > 6 and reads and max(reads) <= 3
        assert sum(reads) == len(report.articles)
        data = report.to_dict()
    text = _GENERATED.sub('"generated": "-"', out.getvalue())
    assert text == _dumped(data)
    assert data["articles"] and data["stories"]
    with pytest.raises(StoreError, match="closed: a report's articles are read from its store"):
        report.to_dict()


def test_report_json_stories_written_as_stored_are_the_objects_dumped(tmp_path):
    """The report writes each story's stored dict as it is (`pipeline.StoredStories`): the
    same JSON as the `Story` object the API gives for it, made a dict again."""
    import newsweave.pipeline as pipeline
    from newsweave.model import Story
    from newsweave.store import SQLiteStore

    with SQLiteStore(tmp_path / "s.db") as store:
        report = pipeline.analyze([str(EXAMPLES)], store, fetch=False)
        assert isinstance(report.stories, pipeline.StoredStories) and len(report.stories) > 3
        stored = list(report.story_dicts())
        made = [s.to_dict() for s in report.stories]
        assert all(isinstance(s, Story) for s in report.stories)
        assert report.stories[-1] is report.stories[len(report.stories) - 1]
        assert [s.id for s in report.stories[1:3]] == [d["id"] for d in stored[1:3]]
        objects = pipeline.Report(report.summary, tuple(report.stories), report.articles)
        assert _dumped(objects.to_dict()) == _dumped(report.to_dict())
    assert any(d["claims"] for d in stored)
    assert json.dumps(made, ensure_ascii=False) == json.dumps(stored, ensure_ascii=False)


def test_report_json_analyze_out_writes_the_indented_report(tmp_path):
    from click.testing import CliRunner

    from newsweave.cli import main

    out = tmp_path / "r.json"
    args = ["analyze", str(EXAMPLES / "rates"), "--db", str(tmp_path / "s.db"), "--offline"]
    result = CliRunner().invoke(main, [*args, "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    # byte for byte what json.dumps(report, ensure_ascii=False, indent=2) gives, and a newline
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    assert len(json.loads(text)["articles"]) == 4
    assert "4 articles" in result.output


@pytest.mark.parametrize("out", [True, False])
def test_report_json_analyze_lists_the_first_articles_and_says_where_the_rest_are(
    tmp_path, monkeypatch, out
):
    from click.testing import CliRunner

    import newsweave.cli as cli

    monkeypatch.setattr(cli, "SHOWN_ARTICLES", 3)
    db, report = tmp_path / "s.db", tmp_path / "r.json"
    args = ["analyze", str(EXAMPLES / "rates"), "--db", str(db), "--offline", "-q"]
    result = CliRunner().invoke(cli.main, [*args, *(["--out", str(report)] if out else [])])
    assert result.exit_code == 0, result.output
    with cli.open_store(str(db)) as store:
        ids = [a.id for a in store.articles()]
    assert len(ids) == 4 and "4 articles" in result.output
    # the article table's rows start with the id; the stories' briefs cite by number, not id
    rows = [i for i in ids if any(line.lstrip("│ ").startswith(i) for line in
                                  result.output.splitlines())]  # fmt: skip
    assert len(rows) == 3
    where = f"all are in {report}" if out else f"newsweave articles --db {db}"
    assert f"… and 1 more article ({where})" in result.output.replace("\n", "")
