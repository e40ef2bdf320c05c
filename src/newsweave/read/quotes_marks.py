"""Quoted spans: text between quote marks, straight or curly, per paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN_CLOSE = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c", '"': '"'}
_CLOSERS = frozenset(("\u201d", "\u00bb", '"', "\u201c"))
# Some wire copy (New York Times feeds) writes quote marks as two apostrophes: ''Yes,'' he said.
_DOUBLED = "''"
_TRIM = " \t\r\n,"
# Every character the scan acts on (the marks above, and the apostrophe of a doubled mark):
# it jumps from one to the next instead of stepping through every character (792 WCXB pages:
# 1.28 s -> 0.05 s, the same spans).
_MARK = re.compile("[" + re.escape("".join(sorted({*_OPEN_CLOSE, *_CLOSERS, _DOUBLED[0]}))) + "]")


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted span. `start`/`end` bound the words inside the marks (marks excluded).

    Args:
        start, end: character offsets of the quoted words (trimmed of spaces and a final comma).
        open_at: offset of the opening mark.
        close_at: offset of the closing mark, or -1 when the paragraph ended first (a quote
            that runs on into the next paragraph, whose opening mark repeats there).
    """

    start: int
    end: int
    open_at: int
    close_at: int

    @property
    def close(self) -> int:
        """Where the quote stops: its closing mark, else the end of its words."""
        return self.close_at if self.close_at >= 0 else self.end


def _opens_straight(text: str, i: int) -> bool:
    """A straight quote opens when it follows a space, an opening bracket or the line start."""
    return i == 0 or text[i - 1] in " \t\n([{\u2014\u2013-/:"


def _reopens(text: str, i: int, end: int) -> bool:
    """Whether a straight mark met inside a straight quote opens another: after a sentence's
    end and a space, right before a word ('... that. "It's'). Flattened text spaces closing
    marks ('Philadelphia, " team president Billy King said'): a space after the mark closes."""
    return (
        i >= 2
        and text[i - 1] == " "
        and text[i - 2] in ".!?"
        and i + 1 < end
        and text[i + 1].isalnum()
    )


def quoted_spans(text: str) -> list[Marked]:
    """Every quoted span in `text`, in order.

    Args:
        text: the article text.

    Returns:
        Marked spans; unclosed quotes stop at the end of their paragraph.
    """
    out: list[Marked] = []
    pos = 0
    for para in text.split("\n"):
        out.extend(_in_paragraph(text, pos, pos + len(para)))
        pos += len(para) + 1
    return out


def _in_paragraph(text: str, start: int, end: int) -> list[Marked]:
    out: list[Marked] = []
    open_at, closer, width = -1, "", 1
    i = start
    while (mark := _MARK.search(text, i, end)) is not None:
        i = mark.start()
        ch = text[i]
        doubled = text.startswith(_DOUBLED, i) and i + 2 <= end
        if open_at < 0:
            if doubled and _opens_straight(text, i):
                open_at, closer, width = i, _DOUBLED, 2
                i += 2
                continue
            if ch in _OPEN_CLOSE and (ch != '"' or _opens_straight(text, i)):
                open_at, closer, width = i, _OPEN_CLOSE[ch], 1
            elif ch == "\u201d" and i == start:
                # a paragraph opening with a closing mark ('\u201dFear. I am afraid.\u201d') quotes
                open_at, closer, width = i, "\u201d", 1
        elif closer == '"' and ch == '"' and _reopens(text, i, end):
            # a quote whose closing mark the source left out, then another ('You can't replace
            # that. "It's devastating. " The State Fire Marshall's office ...', ECB+ 13_8): the
            # first stops before the second, which opens here
            span = _trimmed(text, open_at + width, i)
            if span:
                out.append(Marked(span[0], span[1], open_at, -1))
            open_at = i
        elif (closer == _DOUBLED and doubled) or (
            closer != _DOUBLED
            and (ch == closer or (ch in _CLOSERS and closer == '"' and ch == "\u201d"))
        ):
            span = _trimmed(text, open_at + width, i)
            if span:
                out.append(Marked(span[0], span[1], open_at, i))
            open_at = -1
            i += len(closer)
            continue
        i += 1
    if open_at >= 0:
        span = _trimmed(text, open_at + width, end)
        if span:
            out.append(Marked(span[0], span[1], open_at, -1))
    return out


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return (start, end) if end > start else None
