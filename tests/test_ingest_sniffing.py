"""Files whose names do not say what they hold, and stdin, are sniffed; what is skipped is
counted in the summary line."""

from __future__ import annotations

import io
import json

from conftest import html_page, paragraphs, run_inputs


def test_ingest_sniffing_folder_reads_pages_with_unknown_endings_and_counts_the_skipped(tmp_path):
    (tmp_path / "story.php").write_text(html_page(65), "utf-8")
    (tmp_path / "article.aspx").write_text(html_page(66), "utf-8")
    (tmp_path / "index.html?id=3").write_text(html_page(67), "utf-8")
    (tmp_path / "README").write_text("\n\n".join(paragraphs(68)), "utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    (tmp_path / "site.css").write_text("body { color: red }", "utf-8")
    arts, errors, summary = run_inputs([tmp_path])
    assert errors == []
    assert sorted(a.source.rsplit("/", 1)[1] for a in arts) == [
        "README", "article.aspx", "index.html?id=3", "story.php"]  # fmt: skip
    assert summary.line() == "4 stored, 0 duplicates, 0 failed, 2 skipped (.css, .jpg)"


def _stdin(monkeypatch, data: bytes):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_ingest_sniffing_stdin_json_lines(monkeypatch):
    lines = [{"text": "\n\n".join(paragraphs(69)), "title": "A"}, {"html": html_page(70)}]
    _stdin(monkeypatch, "\n".join(json.dumps(x) for x in lines).encode())
    arts, errors, _ = run_inputs(["-"])
    assert errors == [] and [a.source for a in arts] == ["-#0", "-#1"]
    assert arts[0].title == "A" and arts[0].text == "\n".join(paragraphs(69))


def test_ingest_sniffing_stdin_warc(monkeypatch, tmp_path):
    from test_ingest_kinds import _warc

    p = tmp_path / "c.warc.gz"
    _warc(p, [("https://l.example/a", html_page(71)), ("https://l.example/b", html_page(72))])
    _stdin(monkeypatch, p.read_bytes())
    arts, errors, _ = run_inputs(["-"])
    assert errors == [] and [a.url for a in arts] == ["https://l.example/a", "https://l.example/b"]
    assert arts[0].source.startswith("-#")


def test_ingest_sniffing_warc_without_html_records_says_so(tmp_path):
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "empty.warc"
    with p.open("wb") as f:
        writer = WARCWriter(f, gzip=False)
        writer.write_record(writer.create_warcinfo_record("empty.warc", {"software": "test"}))
    arts, errors, _ = run_inputs([p])
    assert arts == [] and len(errors) == 1
    assert errors[0].reason == "no HTML response records in this WARC archive (1 records read)"


def _unreadable(monkeypatch, *folders):
    """os.scandir refuses these folders (the tests run as root, which chmod cannot stop)."""
    import os

    real = os.scandir
    refused = {str(f) for f in folders}

    def scandir(path="."):
        if str(path) in refused:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_ingest_sniffing_unreadable_folder_is_one_error_and_the_rest_goes_on(tmp_path, monkeypatch):
    locked = tmp_path / "b-locked"
    locked.mkdir()
    (locked / "inside.html").write_text(html_page(69), "utf-8")
    (tmp_path / "a.html").write_text(html_page(70), "utf-8")
    (tmp_path / "c.html").write_text(html_page(71), "utf-8")
    _unreadable(monkeypatch, locked)
    arts, errors, summary = run_inputs([tmp_path])
    assert [a.source.rsplit("/", 1)[1] for a in arts] == ["a.html", "c.html"]
    assert [str(e) for e in errors] == [
        f"{locked}: folder unreadable (permission denied): its files were not read"
    ]
    assert summary.line() == "2 stored, 0 duplicates, 1 failed"


def test_ingest_sniffing_unreadable_top_folder_is_one_error(tmp_path, monkeypatch):
    (tmp_path / "a.html").write_text(html_page(72), "utf-8")
    _unreadable(monkeypatch, tmp_path)
    arts, errors, _ = run_inputs([tmp_path])
    assert arts == []
    assert [str(e) for e in errors] == [
        f"{tmp_path}: folder unreadable (permission denied): its files were not read"
    ]


def test_ingest_sniffing_symlink_loop_is_walked_once(tmp_path):
    (tmp_path / "a.html").write_text(html_page(73), "utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    arts, errors, _ = run_inputs([tmp_path])
    assert errors == []
    assert [a.source.rsplit("/", 1)[1] for a in arts] == ["a.html"]
