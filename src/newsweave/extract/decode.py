"""Bytes to text without mojibake: declared charset first, then detection, else a clear error."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_DECL = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""")
_WEB_LEGACY_DEFAULTS = ("cp1252", "latin_1", "iso8859_15")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# Bytes are binary when control bytes (NUL included) make up more than this share of the first
# 4 KiB: a PNG header is a third controls, while a saved page with two stray NULs in it is text
# (it was refused whole as binary).
_BINARY_CONTROL_SHARE = 0.05
# Control characters left in decoded text: stripped. One \x01 or ESC in a body made lxml refuse
# the page ("no article text found"); vertical tab and form feed separate blocks: newlines.
_STRIP_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_BREAK_CONTROLS = re.compile("[\x0b\x0c]")


def looks_binary(data: bytes) -> bool:
    r"""Many control bytes (NUL included) in the first 4 KiB: not text (UTF-16 with a BOM aside).

    Example:
        >>> looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        True
        >>> looks_binary(b"\x00" + b"<p>A saved page.</p>" * 9)
        False
    """
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * _BINARY_CONTROL_SHARE


def strip_controls(text: str) -> str:
    r"""Decoded text without control characters (tab, newline and carriage return kept).

    Example:
        >>> strip_controls("The council\x07 met\x0con Monday\ufffe.")
        'The council met\non Monday.'
    """
    return _STRIP_CONTROLS.sub("", _BREAK_CONTROLS.sub("\n", text))


def declared_encoding(data: bytes) -> str | None:
    """The charset an HTML meta tag or XML declaration names, if Python knows it."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_DECL.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, source: str) -> str:
    """Decode bytes to str, without control characters (`strip_controls`).

    Order: BOM, strict UTF-8 (the web's default, and a strict pass rarely succeeds by accident),
    the declared charset, then charset-normalizer's detection.

    Raises:
        InputError: empty, binary, or no encoding decodes it cleanly.
    """
    return strip_controls(_decode_bytes(data, source))


def _decode_bytes(data: bytes, source: str) -> str:
    if not data.strip():
        raise InputError(source, "empty input: nothing to extract")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    if looks_binary(data):
        raise InputError(source, "binary content, not text or HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_encoding(data)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    matches = list(from_bytes(data))
    if not matches:
        raise InputError(source, "unknown text encoding: could not decode without errors")
    # Several single-byte code pages decode Latin text equally well (charset-normalizer can pick
    # Baltic cp1257 for French); the web's legacy default, windows-1252, wins such ties.
    least_chaos = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least_chaos + 0.01]
    for m in tied:
        if m.encoding in _WEB_LEGACY_DEFAULTS:
            return str(m)
    return str(tied[0])
