"""One place for errors. Messages name the input, the problem and, where there is one, the fix.

Bad input never reaches the user as a traceback: the pipeline turns each `InputError` into one
line (`<source>: <message>`) and goes on with the batch.
"""

from __future__ import annotations

import re

# C0 and C1 controls (tab aside), DEL, and the noncharacters U+FFFE/U+FFFF: a byline holding ESC
# reached the terminal raw and could rewrite what the user saw; a newline would split an error
# line in two.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ufffe\uffff]")


def _escape_one(m: re.Match[str]) -> str:
    code = ord(m[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    r"""The text with control characters shown as escapes: safe to print, and one line.

    Example:
        >>> print(printable("By Ana\x1b[31m Holm\n"))
        By Ana\x1b[31m Holm\x0a
    """
    return _CONTROL.sub(_escape_one, text)


class NewsweaveError(Exception):
    """Base class of every error newsweave raises on purpose."""


class InputError(NewsweaveError):
    """One input cannot be read or holds no article. The batch goes on.

    Args:
        source: the input as the user gave it (path, URL, `path#N`).
        reason: one line saying what is wrong and, if possible, what to do.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple:
        # errors come back from worker processes pickled; args holds the joined line only
        return (type(self), (self.source, self.reason))


class FetchError(InputError):
    """A URL or feed could not be fetched (unreachable, slow, refused by robots.txt, too big)."""


class StoreError(NewsweaveError):
    """The store cannot be opened or written (wrong file, newer schema, disk full)."""


class SettingsError(NewsweaveError, ValueError):
    """A setting is out of its range, unknown, or of the wrong type; the message names the
    setting (and the file and key when read from a newsweave.toml) and the limit."""
