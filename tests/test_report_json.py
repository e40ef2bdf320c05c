"""report.json: what each article of the report carries from its reading."""

from __future__ import annotations

from newsweave.model import Article, Reading
from newsweave.report.json import article_dict


def test_report_json_article_keeps_reading_notes():
    article = Article(id="0123456789abcdef", source="a.txt", text="Das Rathaus bleibt zu.")
    note = "language de: English-only steps skipped"
    reading = Reading(article.id, notes=(note,))
    assert list(article_dict(article, reading)["notes"]) == [note]
    assert list(article_dict(article, None)["notes"]) == []
