"""JSON Lines records are validated field by field: a bad field is one line naming the line and
the field; the record is skipped, the batch goes on, nothing crashes."""

from __future__ import annotations

import json

import pytest

from conftest import paragraphs, run_inputs

_TEXT = "\n\n".join(paragraphs(60))


def _run_records(tmp_path, records):
    p = tmp_path / "export.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    return p, run_inputs([p])


_DATE = "a date string, at most a day past today"


@pytest.mark.parametrize(
    "field, value, says",
    [
        ("title", ["a", "list"], "`title` must be a string, got a list"),
        ("outlet", {"name": "Ledger"}, "`outlet` must be a string, got an object"),
        ("published", ["2026-03-02"], f"`published` must be {_DATE}, got a list"),
        ("published", "soon", f"`published` must be {_DATE}, got 'soon'"),
        ("authors", 42, "`authors` must be a list of names or one name, got a number"),
        ("authors", ["Ana Holm", 7], "`authors` must be a list of names or one name, got a list"),
        ("url", 5, "`url` must be an http(s) URL, got a number"),
        ("url", "javascript:alert(1)", "`url` must be an http(s) URL, got 'javascript:alert(1)'"),
        ("url", "https://", "`url` must be an http(s) URL, got 'https://'"),
        ("text", 12, "`text` must be a string, got a number"),
        ("html", True, "`html` must be a string, got a boolean"),
    ],
)  # fmt: skip
def test_ingest_jsonl_schema_bad_field_is_one_line_and_batch_goes_on(tmp_path, field, value, says):
    bad = {"text": _TEXT, field: value}
    good = {"text": "\n\n".join(paragraphs(61)), "title": "Good one"}
    p, (arts, errors, summary) = _run_records(tmp_path, [bad, good])
    assert [a.source for a in arts] == [f"{p}#1"]
    assert len(errors) == 1 and errors[0].source == f"{p}#0"
    assert errors[0].reason == f"line 1: {says}"
    assert summary.line() == "1 stored, 0 duplicates, 1 failed"


def test_ingest_jsonl_schema_names_every_bad_field_in_one_line(tmp_path):
    bad = {"text": _TEXT, "title": 3, "url": "ftp://x.example/a"}
    _, (_, errors, _) = _run_records(tmp_path, [bad])
    assert errors[0].reason == (
        "line 1: `title` must be a string, got a number; "
        "`url` must be an http(s) URL, got 'ftp://x.example/a'"
    )


def test_ingest_jsonl_schema_good_fields_pass_through(tmp_path):
    rec = {"text": _TEXT, "url": "HTTPS://Ledger.example/a", "title": "T", "outlet": "Ledger",
           "authors": "Ana Holm", "published": "2026-03-11T22:10:00+01:00", "extra": [1, 2],
           "html": None}  # fmt: skip
    _, (arts, errors, _) = _run_records(tmp_path, [rec])
    assert errors == []
    (a,) = arts
    assert (a.title, a.outlet, a.authors, a.published) == (
        "T",
        "Ledger",
        ("Ana Holm",),
        "2026-03-11",
    )
    assert a.url.lower() == "https://ledger.example/a"


def test_ingest_jsonl_schema_long_bad_value_is_shortened_and_escaped(tmp_path):
    bad = {"text": _TEXT, "url": "javascript:" + "\x1b[31m" + "x" * 500}
    _, (_, errors, _) = _run_records(tmp_path, [bad])
    reason = errors[0].reason
    assert len(reason) < 200 and "\x1b" not in reason and "\\x1b" in reason


def test_ingest_jsonl_text_is_kept_whole_and_its_id_hashes_all_of_it(tmp_path):
    # two records that differ only in their last paragraph are two articles, each whole
    head = ["The Tavessa council approved a new budget on Monday.",
            "“This is a budget for families,” Mayor Ilse Varn told reporters."]  # fmt: skip
    ends = ["Opposition members said the plan ignores roads.",
            "Opposition members said the plan ignores the harbour."]  # fmt: skip
    texts = ["\n\n".join([*head, end]) for end in ends]
    _, (arts, errors, summary) = _run_records(tmp_path, [{"text": t} for t in texts])
    assert errors == [] and summary.line() == "2 stored, 0 duplicates, 0 failed"
    assert [a.text for a in arts] == [t.replace("\n\n", "\n") for t in texts]
    assert arts[0].id != arts[1].id and arts[0].removed == ()


def test_ingest_jsonl_metadata_loses_its_control_characters(tmp_path):
    rec = {"text": _TEXT, "title": "Budget\x1b[2J passed", "authors": ["Ana\x07 Holm"]}
    _, (arts, _, _) = _run_records(tmp_path, [rec])
    assert (arts[0].title, arts[0].authors) == ("Budget[2J passed", ("Ana Holm",))
