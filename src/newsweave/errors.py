"""One place for errors. Messages name the input, the problem and, where there is one, the fix.

Bad input never reaches the user as a traceback: the pipeline turns each `InputError` into one
line (`<source>: <message>`) and goes on with the batch.
"""

from __future__ import annotations


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


class FetchError(InputError):
    """A URL or feed could not be fetched (unreachable, slow, refused by robots.txt, too big)."""


class StoreError(NewsweaveError):
    """The store cannot be opened or written (wrong file, newer schema, disk full)."""
