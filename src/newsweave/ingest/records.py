"""Containers of many articles: WARC archives and JSON Lines. Records are named `path#N`."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from ..extract.decode import fallback_note, strip_controls, utf8_with_fallback
from ..model import RawDocument
from ..settings import Settings
from .files import gunzip_capped, read_capped


def capture_date(warc_date: str | None) -> str | None:
    """The day of a WARC-Date: ISO 8601 in WARC 1.0/1.1 ("2016-10-24T12:34:56Z"), 14 digits in
    older archives ("20161024123456"); None when it is neither."""
    value = (warc_date or "").strip()
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        day = value[:10]
    elif len(value) >= 8 and value[:8].isdigit():
        day = f"{value[:4]}-{value[4:6]}-{value[6:8]}"
    else:
        return None
    try:
        return date.fromisoformat(day).isoformat()
    except ValueError:
        return None


def read_warc(path: Path, source: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    """HTML response records of a .warc/.warc.gz; record N is the N-th record of the file."""
    try:
        with path.open("rb") as f:
            yield from read_warc_stream(f, source, settings)
    except FileNotFoundError:
        raise InputError(source, "no such file") from None


def _starts_like_warc(stream: BinaryIO) -> bool:
    """The stream opens with a WARC version line (inside gzip for .warc.gz); it is rewound."""
    head = stream.read(512)
    stream.seek(0)
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def read_warc_stream(
    stream: BinaryIO, source: str, settings: Settings
) -> Iterator[RawDocument | InputError]:
    """`read_warc` over an open, seekable binary stream (a file, or stdin's bytes)."""
    if not _starts_like_warc(stream):  # a text file named .warc gave one error per line
        yield InputError(source, "not a WARC archive (it does not start with a WARC/ line)")
        return
    records = html_records = 0
    try:
        for n, rec in enumerate(ArchiveIterator(stream)):
            records += 1
            if rec.rec_type != "response":
                continue
            src = f"{source}#{n}"
            ctype = rec.http_headers.get_header("Content-Type", "") if rec.http_headers else ""
            if ctype and "html" not in ctype.lower():
                continue
            html_records += 1
            try:
                body = read_capped(rec.content_stream(), src, settings.ingest.max_file_bytes)
            except InputError as e:
                yield e
                continue
            if getattr(rec.raw_stream, "limit", 0) > 0:
                # the archive ended inside this record: its page is incomplete
                yield InputError(src, "WARC archive truncated inside this record")
                return
            hints = {
                "url": rec.rec_headers.get_header("WARC-Target-URI"),
                "captured": capture_date(rec.rec_headers.get_header("WARC-Date")),
            }
            yield RawDocument(src, body, "html", hints)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as e:
        reason = "truncated" if isinstance(e, EOFError) else str(e).splitlines()[0][:200]
        yield InputError(source, f"WARC archive unreadable from here on: {reason}")
        return
    if not html_records:  # an archive of only requests, metadata or images holds no article
        yield InputError(
            source, f"no HTML response records in this WARC archive ({records} records read)"
        )


_JSONL_FIELDS = ("url", "title", "outlet", "authors", "published")


def read_jsonl(
    data: bytes, source: str, settings: Settings, today: date | None = None
) -> Iterator[RawDocument | InputError]:
    """One article per line: `html` or `text`, optional url/title/outlet/authors/published.

    Each record is validated by `JsonlRecord`; one with a bad field is skipped with one line
    (a `published` more than a day past `today` is one: default today in UTC, `pipeline.run`
    takes one today for the whole run).
    """
    del settings  # the whole file was already read under the size cap
    for n, line in enumerate(data.splitlines()):
        src = f"{source}#{n}"
        if not line.strip():
            continue
        text, note = _decode_line(line)
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            yield InputError(src, f"line {n + 1} is not valid JSON ({e.msg})")
            continue
        except RecursionError:  # `[[[[...` 100k deep overflowed the parser and stopped the batch
            yield InputError(src, f"line {n + 1} nests JSON too deep to read")
            continue
        if not isinstance(obj, dict):
            yield InputError(src, f"line {n + 1} is not a JSON object")
            continue
        doc = _record_document(obj, src, n, today)
        if note and isinstance(doc, RawDocument):
            doc.hints["encoding"] = note
        yield doc


def _decode_line(line: bytes) -> tuple[str, str | None]:
    """One JSON line as text, and a note when some of its bytes were not UTF-8: a stray Latin-1
    byte lost the whole record ("not UTF-8 text"); it is read as windows-1252, as in pages."""
    try:
        return line.decode("utf-8"), None
    except UnicodeDecodeError:
        text, bad = utf8_with_fallback(line)
        return text, fallback_note(bad)


def _record_document(obj: dict, src: str, n: int, today: date | None) -> RawDocument | InputError:
    from .jsonl_schema import validate_record  # pydantic: only for JSON Lines (~0.3 s import)

    record = validate_record(obj, today)
    if isinstance(record, str):
        return InputError(src, f"line {n + 1}: {record}")
    hints = {k: getattr(record, k) for k in _JSONL_FIELDS if getattr(record, k)}
    for k, value in hints.items():  # metadata is text like the body: no control characters
        hints[k] = (
            strip_controls(value)
            if isinstance(value, str)
            else [strip_controls(a).strip() for a in value if a.strip()]
        )
    if record.html and record.html.strip():
        return RawDocument(src, record.html.encode("utf-8", "replace"), "html", hints)
    if record.text and record.text.strip():
        # an export's `text` is the article already: kept whole, not cleaned as scraped text
        return RawDocument(src, record.text.encode("utf-8", "replace"), "article-text", hints)
    return InputError(src, f"line {n + 1} has neither a non-empty 'html' nor 'text' field")


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def maybe_gunzip(data: bytes, source: str, settings: Settings) -> bytes:
    return gunzip_capped(data, source, settings.ingest.max_file_bytes) if is_gzip(data) else data


__all__ = ["read_warc", "read_warc_stream", "read_jsonl", "maybe_gunzip"]
