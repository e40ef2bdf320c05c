"""docs/report.schema.json says what a date, an id and a URL look like, and allows the notes
extraction adds to provenance."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import REPO

SCHEMA = json.loads((REPO / "docs" / "report.schema.json").read_text("utf-8"))
ARTICLE = {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"], "$ref": "#/$defs/article"}
GOOD = {
    "id": "0123456789abcdef", "source": "a.html", "url": "https://ledger.example/a",
    "outlet": "Ledger", "authors": [], "title": "T", "published": "2026-03-02",
    "modified": "2026-03-03T10:00:00+01:00", "captured": None, "language": "en", "text": "Body.",
    "removed": [], "duplicate_of": None, "entities": [], "quotes": [], "numbers": [],
    "provenance": {"title": "meta", "encoding": "utf-8; 3 bytes not valid UTF-8 read as cp1252",
                   "skipped": "1 JSON-LD block skipped (nested too deep)"},
}  # fmt: skip


def test_report_schema_accepts_a_good_article_with_an_encoding_note():
    jsonschema.validate(GOOD, ARTICLE)


@pytest.mark.parametrize(
    "field, value",
    [("published", "12345"), ("captured", "March 2026"), ("id", "not-an-id"),
     ("url", "javascript:alert(1)"), ("duplicate_of", "xyz")],
)  # fmt: skip
def test_report_schema_refuses_malformed_dates_ids_and_urls(field, value):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**GOOD, field: value}, ARTICLE)
