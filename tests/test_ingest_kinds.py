"""Every input kind reaches extraction: files, folders, gzip, txt, WARC, JSONL, feeds, stdin."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import html_page, paragraphs, run_inputs
from newsweave.errors import InputError
from newsweave.settings import DEFAULTS


def test_ingest_html_and_gzip(tmp_path):
    (tmp_path / "a.html").write_text(html_page(1), "utf-8")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(html_page(2).encode()))
    arts, errors, _ = run_inputs([tmp_path / "a.html", tmp_path / "b.html.gz"])
    assert errors == []
    assert [a.title for a in arts] == [f"Lindholm council story number {i}" for i in (1, 2)]
    assert paragraphs(2)[0] in arts[1].text


def test_ingest_folder_is_recursive_and_sorted(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "c.htm").write_text(html_page(3), "utf-8")
    (tmp_path / "a.txt").write_text("\n\n".join(paragraphs(4)), "utf-8")
    (tmp_path / "notes.docx").write_bytes(b"ignored: unknown ending inside a folder")
    (tmp_path / ".hidden.html").write_text(html_page(5), "utf-8")
    arts, errors, _ = run_inputs([tmp_path])
    assert errors == []
    assert [a.source.rsplit("/", 1)[1] for a in arts] == ["a.txt", "c.htm"]


def test_ingest_jsonl_records_named_path_hash_n(tmp_path):
    lines = [
        {"html": html_page(6), "url": "https://ledger.example/6", "outlet": "Ledger"},
        {"text": "\n\n".join(paragraphs(7)), "title": "Seven", "authors": ["Ana Holm"],
         "published": "2026-03-02"},
    ]  # fmt: skip
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(json.dumps(x) for x in lines) + "\n", "utf-8")
    arts, errors, _ = run_inputs([p])
    assert errors == []
    assert [a.source for a in arts] == [f"{p}#0", f"{p}#1"]
    assert arts[1].title == "Seven" and arts[1].authors == ("Ana Holm",)
    assert arts[1].published == "2026-03-02" and arts[1].provenance["published"] == "input"


def _warc(path, pages):
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")  # fmt: skip
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                            http_headers=headers)  # fmt: skip
            writer.write_record(rec)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_ingest_warc_response_records(tmp_path, name):
    p = tmp_path / name
    _warc(
        p, [("https://ledger.example/a", html_page(8)), ("https://ledger.example/b", html_page(9))]
    )
    arts, errors, _ = run_inputs([p])
    assert errors == []
    assert [a.source for a in arts] == [f"{p}#0", f"{p}#1"]
    assert arts[0].url == "https://ledger.example/a"
    assert arts[0].captured  # the WARC-Date is the capture date


@pytest.mark.parametrize(
    ("warc_date", "day"),
    [
        ("2016-10-24T12:34:56Z", "2016-10-24"),
        ("2016-10-24T12:34:56.123456Z", "2016-10-24"),
        ("20161024123456", "2016-10-24"),  # WARC 0.17/0.18 and ARC-style timestamps
        ("20161324123456", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_ingest_warc_capture_date_forms(warc_date, day):
    from newsweave.ingest.records import capture_date

    assert capture_date(warc_date) == day


def _rss(items: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Lindholm Ledger</title><link>https://ledger.example/</link>{items}</channel></rss>"""


def test_ingest_feed_with_full_content_works_offline(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in paragraphs(10))
    item = f"""<item><title>Feed story</title><link>https://ledger.example/feed-story</link>
<pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate>
<content:encoded><![CDATA[{body}]]></content:encoded></item>"""
    p = tmp_path / "ledger.rss"
    p.write_text(_rss(item), "utf-8")
    arts, errors, _ = run_inputs([p])
    assert errors == []
    (a,) = arts
    assert a.source == f"{p}#0"
    assert a.title == "Feed story" and a.published == "2026-03-03"
    assert a.outlet == "Lindholm Ledger" and a.url == "https://ledger.example/feed-story"


# One timezone rule for every input kind: the local date of the timestamp as written. This
# evening in UTC-5 is already the next day in UTC (feedparser's parsed struct said 2026-03-12).
_LATE_EVENING = "2026-03-11T23:30:00-05:00"


@pytest.mark.parametrize("written", [_LATE_EVENING, "Wed, 11 Mar 2026 23:30:00 -0500"])
def test_ingest_feed_published_is_local_date_as_written(tmp_path, written):
    body = "".join(f"<p>{p}</p>" for p in paragraphs(11))
    item = f"""<item><title>Late story</title><link>https://ledger.example/late</link>
<pubDate>{written}</pubDate><content:encoded><![CDATA[{body}]]></content:encoded></item>"""
    p = tmp_path / "late.rss"
    p.write_text(_rss(item), "utf-8")
    arts, errors, _ = run_inputs([p])
    assert errors == []
    assert [a.published for a in arts] == ["2026-03-11"]


def test_ingest_html_published_is_local_date_as_written(tmp_path):
    meta = f'<meta property="article:published_time" content="{_LATE_EVENING}">'
    (tmp_path / "late.html").write_text(html_page(12, extra_head=meta), "utf-8")
    arts, errors, _ = run_inputs([tmp_path / "late.html"])
    assert errors == []
    assert [a.published for a in arts] == ["2026-03-11"]


def test_ingest_jsonl_published_is_local_date_as_written(tmp_path):
    line = {"text": "\n\n".join(paragraphs(13)), "title": "Late", "published": _LATE_EVENING}
    p = tmp_path / "late.jsonl"
    p.write_text(json.dumps(line) + "\n", "utf-8")
    arts, errors, _ = run_inputs([p])
    assert errors == []
    assert [a.published for a in arts] == ["2026-03-11"]


def _dated_input(tmp_path, kind: str, when: str):
    """One input of `kind` whose only publication date is `when`."""
    body = "\n\n".join(paragraphs(14))
    if kind == "html":
        meta = f'<meta property="article:published_time" content="{when}">'
        path, data = tmp_path / "a.html", html_page(14, extra_head=meta)
    elif kind == "text":
        path, data = tmp_path / "a.txt", f"Harbour wall inspected\n{when[:10]}\n{body}"
    elif kind == "jsonl":
        path, data = tmp_path / "a.jsonl", json.dumps({"text": body, "published": when}) + "\n"
    else:
        html = "".join(f"<p>{p}</p>" for p in paragraphs(14))
        path, data = (
            tmp_path / "a.rss",
            _rss(
                f"<item><title>Harbour wall</title><link>https://ledger.example/wall</link>"
                f"<pubDate>{when}</pubDate><content:encoded><![CDATA[{html}]]></content:encoded></item>"
            ),
        )
    path.write_text(data, "utf-8")
    return path


@pytest.mark.parametrize("kind", ["html", "text", "jsonl", "feed"])
def test_ingest_today_is_the_runs_for_every_input_kind(tmp_path, kind):
    # one "today" per run, given: the date 2026-03-11 is a publication date on 2026-03-10
    # (within a day) and not on 2026-03-09, whatever the clock says and whichever input kind
    # carries it (feed entries and JSON Lines records were checked against the clock)
    from datetime import date

    from newsweave.pipeline import run

    path = _dated_input(tmp_path, kind, "2026-03-11T09:00:00+00:00")

    def published(today):
        arts, errors = [], []
        run(
            [str(path)],
            DEFAULTS,
            fetch=False,
            today=today,
            on_outcome=lambda o: (arts if o.article else errors).append(o.article or o.error),
        )
        return [a.published for a in arts], [e.reason for e in errors]  # fmt: skip

    assert published(date(2026, 3, 10)) == (["2026-03-11"], [])
    dates, errors = published(date(2026, 3, 9))
    if kind == "jsonl":  # a bad field refuses the record, naming the field
        assert dates == [] and errors == [
            "line 1: `published` must be a date string, at most a day past today, "
            "got '2026-03-11T09:00:00+00:00'"
        ]
    else:  # no date past today (a page's fallback, htmldate, may find an older one on it)
        assert errors == [] and len(dates) == 1 and (dates[0] or "") <= "2026-03-09"


def test_ingest_feed_entry_date_is_checked_against_the_given_today(tmp_path):
    # the entry's date is a hint of the document (and so part of its input digest): it is
    # refused at ingest with the run's today, not the clock's
    from datetime import date

    from newsweave.ingest import Unit, read_unit

    path = _dated_input(tmp_path, "feed", "2026-03-11T09:00:00+00:00")

    def hint(today):
        (doc,) = read_unit(Unit(str(path), path, "feed"), DEFAULTS, None, today)
        return doc.hints["published"]

    assert (hint(date(2026, 3, 10)), hint(date(2026, 3, 9))) == ("2026-03-11", None)


def test_ingest_feed_teaser_needs_fetch_and_says_so_offline(tmp_path):
    item = (
        "<item><title>Teaser</title><link>https://ledger.example/t</link><description>Short."
        "</description></item>"
    )
    p = tmp_path / "ledger.xml"
    p.write_text(_rss(item), "utf-8")
    arts, errors, summary = run_inputs([p])
    assert arts == [] and summary.all_failed
    assert "fetching is off" in errors[0].reason


def test_ingest_stdin(monkeypatch, tmp_path):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(html_page(11).encode())))
    arts, errors, _ = run_inputs(["-"])
    assert errors == [] and arts[0].source == "-"
    assert arts[0].title == "Lindholm council story number 11"


def test_ingest_missing_input_is_one_error_and_batch_goes_on(tmp_path):
    (tmp_path / "ok.html").write_text(html_page(12), "utf-8")
    arts, errors, summary = run_inputs([tmp_path / "nope.html", tmp_path / "ok.html"])
    assert len(arts) == 1 and len(errors) == 1
    assert isinstance(errors[0], InputError) and "no such file" in errors[0].reason
    assert not summary.all_failed


def test_ingest_scraped_pages_in_one_folder_share_a_context(tmp_path):
    from newsweave.ingest import expand_inputs
    from newsweave.pipeline import scraped_contexts

    (tmp_path / "site").mkdir()
    (tmp_path / "alone").mkdir()
    for i in range(3):
        page = "Lindholm Ledger\nMost read today\n" + "\n".join(paragraphs(20 + i))
        (tmp_path / "site" / f"{i}.txt").write_text(page, "utf-8")
    (tmp_path / "alone" / "x.txt").write_text("\n".join(paragraphs(30)), "utf-8")
    units, _ = expand_inputs([str(tmp_path)])
    contexts = scraped_contexts(units, DEFAULTS)
    assert list(contexts) == [tmp_path / "site"]
    assert contexts[tmp_path / "site"].pages == 3


def test_ingest_kinds_readme_names_every_ending_read():
    from pathlib import Path

    from newsweave.ingest.sources import FORMATS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    table = readme.split("| input | how it is read |", 1)[1].split("\n\n", 1)[0]
    assert [e for e, _ in FORMATS if f"`{e}`" not in table] == []
