"""report.json: what each article of the report carries from its reading."""

from __future__ import annotations

import io
import json
import re

import pytest

from conftest import EXAMPLES
from newsweave.errors import StoreError
from newsweave.model import Article, Reading
from newsweave.report.json import article_dict, build_report, write_report


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
    return _GENERATED.sub('"generated": "-"', json.dumps(data, ensure_ascii=False, indent=2) + "\n")


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
