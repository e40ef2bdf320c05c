"""Each kind of bad input gives one error naming the input and the reason; the batch goes on."""

from __future__ import annotations

import gzip
import json

import pytest

from conftest import html_page, paragraphs, run_inputs


def _bad_then_good(tmp_path, name, data, **settings):
    """The bad input first, then a good page: the good one must still come through."""
    bad = tmp_path / name
    bad.write_bytes(data) if isinstance(data, bytes) else bad.write_text(data, "utf-8")
    good = tmp_path / "zz-good.html"
    good.write_text(html_page(40), "utf-8")
    arts, errors, summary = run_inputs([bad, good], **settings)
    assert [a.source for a in arts] == [str(good)], "the batch must go on after a bad input"
    assert len(errors) == 1 and errors[0].source.startswith(str(bad))
    assert "\n" not in str(errors[0])
    return errors[0].reason


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>x</title></item></channel></rss>"""


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20, "binary"),
        ("empty.html", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "empty"),
        ("cut.html.gz", gzip.compress(html_page(41).encode())[:-40], "truncated gzip"),
        ("fake.html.gz", b"this is not gzip at all", "not a valid gzip"),
        ("chrome-only.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>",
         "no article text"),
        ("bomb.xml", BILLION_LAUGHS, "unsafe feed XML"),
        ("broken.rss", "<rss><channel><title>x</title><item><title>a", "feed"),
        ("bad.jsonl", '{"text": "unterminated\n', "not valid JSON"),
        ("odd.jsonl", json.dumps({"url": "https://x.example"}), "neither"),
    ],
)  # fmt: skip
def test_bad_input_one_line_error_and_batch_goes_on(tmp_path, name, data, reason):
    assert reason in _bad_then_good(tmp_path, name, data)


def test_bad_input_over_size_cap(tmp_path):
    big = html_page(42).replace("</body>", "<!--" + "x" * 5000 + "--></body>")
    reason = _bad_then_good(tmp_path, "big.html", big, **{"ingest.max_file_bytes": 4000})
    assert "too large" in reason and "4,000" in reason


def test_bad_input_gzip_bomb_over_cap(tmp_path):
    reason = _bad_then_good(tmp_path, "bomb.html.gz", gzip.compress(b" " * 100_000),
                            **{"ingest.max_file_bytes": 10_000})  # fmt: skip
    assert "too large" in reason


def test_bad_input_malformed_html_still_extracts(tmp_path):
    body = "".join(f"<p>{p}<div><span>" for p in paragraphs(43))  # unclosed everything
    p = tmp_path / "malformed.html"
    p.write_text(f"<html><head><title>Broken page</title><body>{body}</tabel></html", "utf-8")
    arts, errors, _ = run_inputs([p])
    assert errors == [] and paragraphs(43)[0] in arts[0].text


def test_bad_input_hostile_markup_is_text_not_code(tmp_path):
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    page = html_page(44).replace("<p>", f"<p>{evil} Quote: &lt;b&gt;bold&lt;/b&gt; ", 1)
    p = tmp_path / "evil.html"
    p.write_text(page, "utf-8")
    arts, errors, _ = run_inputs([p])
    assert errors == []
    assert "alert(1)" not in arts[0].text  # scripts are dropped
    assert "<b>bold</b>" in arts[0].text  # escaped markup is kept as the text it is


def test_bad_input_legacy_encoding_without_declaration_is_not_mojibake(tmp_path):
    text = "\n\n".join(paragraphs(45)) + "\n\nLe maire a déclaré que la façade était sûre."
    p = tmp_path / "latin.txt"
    p.write_bytes(text.encode("cp1252"))
    arts, errors, _ = run_inputs([p])
    assert errors == []
    assert "déclaré que la façade était sûre" in arts[0].text
    assert "Ã" not in arts[0].text


def test_bad_input_every_input_failed_is_flagged(tmp_path):
    (tmp_path / "a.html").write_bytes(b"")
    _, errors, summary = run_inputs([tmp_path / "a.html"])
    assert summary.all_failed and summary.line() == "0 stored, 0 duplicates, 1 failed"


def test_bad_input_truncated_warc_keeps_what_came_before(tmp_path):
    from test_ingest_kinds import _warc

    p = tmp_path / "crawl.warc.gz"
    _warc(p, [("https://l.example/a", html_page(46)), ("https://l.example/b", html_page(47))])
    data = p.read_bytes()
    p.write_bytes(data[: len(data) - 300])
    arts, errors, _ = run_inputs([p])
    assert [a.url for a in arts] == ["https://l.example/a"]
    assert len(errors) == 1 and "WARC" in errors[0].reason


@pytest.mark.parametrize(
    "name, data",
    [
        ("entities.html", b"<html><body><p>" + b"&amp;&nbsp;" * 200 + b"</p></body></html>"),
        ("zero-width.txt", "\u200b\u200c\u200d\ufeff".encode() * 50),
        ("punctuation.txt", b"- * - | . , ; -- !! ?? ...\n" * 20),
    ],
)
def test_bad_input_text_without_words_is_no_article(tmp_path, name, data):
    assert "no article text" in _bad_then_good(tmp_path, name, data)
