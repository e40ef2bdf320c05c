"""Bytes to text without mojibake: declared charset first, then detection, else a clear error."""

from __future__ import annotations

import codecs
import itertools
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
    mostly UTF-8 with a few bad bytes (`utf8_with_fallback`), the declared charset, then
    charset-normalizer's detection.

    Raises:
        InputError: empty, binary, or no encoding decodes it cleanly.
    """
    return decode_noted(data, source)[0]


def decode_noted(data: bytes, source: str) -> tuple[str, str | None]:
    """`decode`, and a note when some bytes could not be read as the rest ("utf-8; 3 bytes not
    valid UTF-8 read as windows-1252"), else None.

    Example:
        >>> decode_noted("déjà ".encode() + "vu à".encode("cp1252"), "x.txt")
        ('déjà vu à', 'utf-8; 1 byte not valid UTF-8 read as windows-1252')
    """
    if not data.strip():
        raise InputError(source, "empty input: nothing to extract")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return strip_controls(data.decode(enc, errors="replace")), None
    if looks_binary(data):
        raise InputError(source, "binary content, not text or HTML")
    try:
        return strip_controls(data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    declared = declared_encoding(data)
    if declared == "utf-8" or (declared is None and _mostly_utf8(data)):
        text, bad = utf8_with_fallback(data)
        return strip_controls(text), fallback_note(bad)
    return strip_controls(_decode_legacy(data, source, declared)), None


# Valid multi-byte UTF-8 sequences. Two of them in undeclared bytes that are not all valid
# UTF-8 mean mostly UTF-8 with a few stray bytes (a Latin-1 paragraph pasted into a UTF-8 file),
# not a legacy code page: three bad bytes once made the whole page mojibake ("тАЬWe have").
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_MIN_UTF8_SEQUENCES = 2
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")


def _mostly_utf8(data: bytes) -> bool:
    found = itertools.islice(_UTF8_SEQUENCE.finditer(data), _MIN_UTF8_SEQUENCES)
    return len(list(found)) >= _MIN_UTF8_SEQUENCES


def fallback_note(bad: int) -> str:
    """The note for `bad` bytes read as windows-1252 among UTF-8 (`utf8_with_fallback`)."""
    return f"utf-8; {bad} byte{'s' * (bad != 1)} not valid UTF-8 read as windows-1252"


def utf8_with_fallback(data: bytes) -> tuple[str, int]:
    r"""UTF-8 where the bytes are valid UTF-8; each invalid run read as windows-1252 (the usual
    stray bytes: smart quotes and accents pasted from a legacy editor), its undefined bytes as
    U+FFFD. Linear in the size of the data.

    Returns:
        (the text, how many bytes were not valid UTF-8).

    Example:
        >>> utf8_with_fallback(b"\xe2\x80\x9cYes\x94 said \xff")
        ('“Yes” said ÿ', 2)
    """
    bad = 0

    def as_cp1252(m: re.Match[str]) -> str:
        nonlocal bad
        raw = m[0].encode("utf-8", "surrogateescape")
        bad += len(raw)
        return raw.decode("cp1252", "replace")

    text = _ESCAPED_BYTES.sub(as_cp1252, data.decode("utf-8", "surrogateescape"))
    return text, bad


def _decode_legacy(data: bytes, source: str, declared: str | None) -> str:
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
