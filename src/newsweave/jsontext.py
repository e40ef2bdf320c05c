"""JSON text made once, where the object is made, and passed on as text.

A story's check is made in a worker process; the main process stores it (the checks table and
the story's row) and writes it into the report. Passed on as objects, the 793 WCXB pages'
checks (52 MB of JSON) were pickled back from the workers (1.4 s to unpickle), dumped twice
for the store (0.9 s) and loaded again for the report (1.05 s), all in the one main process;
as text the main process only copies them (issue 16, docs/benchmarks.md).

The text is compact (no spaces) and made by msgspec: for the same object, the same text in
every process. `msgspec.json.format` indents it for the report (`report.json.dumps`).

Example:
    >>> head = compact({"id": "s-1", "title": "Pier"})
    >>> head
    '{"id":"s-1","title":"Pier"}'
    >>> merged(head, compact({"checked": True}))
    '{"id":"s-1","title":"Pier","checked":true}'
"""

from __future__ import annotations

import json
import re
from typing import Any

import msgspec

__all__ = ["ENCODER", "compact", "merged"]

ENCODER = msgspec.json.Encoder()
_EMPTY = re.compile(r"\{\s*\}")


def compact(obj: Any) -> str:
    """`obj` as compact JSON text. msgspec writes NaN as null (JSON has no NaN); what it
    refuses (a key that is no string or number) goes to `json.dumps`, likewise compact."""
    try:
        return ENCODER.encode(obj).decode("utf-8")
    except (TypeError, UnicodeEncodeError, msgspec.EncodeError):
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def merged(head: str, tail: str) -> str:
    """The JSON object text holding the members of `head` and then those of `tail` (two JSON
    object texts whose keys differ): `compact({**a, **b})` from `compact(a)` and `compact(b)`.

    Raises:
        ValueError: when either is not a JSON object's text.
    """
    head, tail = head.strip(), tail.strip()
    if not (head[:1] == tail[:1] == "{" and head[-1:] == tail[-1:] == "}"):
        raise ValueError("merged needs two JSON objects' text ('{...}')")
    if _EMPTY.fullmatch(tail):
        return head
    if _EMPTY.fullmatch(head):
        return tail
    return head[:-1] + "," + tail[1:]
