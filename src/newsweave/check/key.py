"""What a stored check depends on (`check_key`), importable without the stage: the stage's
modules import spaCy (`read/quotes_parse.py`), and `pipeline.check_stories` keys every story
in the main process, which imported spaCy there for it alone (0.9 s of `analyze`'s wall on ECB+
dev, py-spy, before any story was handed to a worker)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict
from functools import lru_cache

from ..model import Article, Reading
from ..settings import CheckSettings
from ..versions import CHECKER_VERSION


def check_key(
    docs: Sequence[tuple[Article, Reading | None]], settings: CheckSettings, reader: str
) -> str:
    """What a stored check result depends on: checker, reader and settings, and the story's
    articles in order with their copy links. Equal keys give equal checks."""
    members = [(a.id, a.duplicate_of, a.outlet, r is not None) for a, r in docs]
    blob = json.dumps([CHECKER_VERSION, reader, _fields(settings), members], sort_keys=True)
    return hashlib.blake2b(blob.encode("utf-8"), digest_size=16).hexdigest()


@lru_cache(maxsize=8)
def _fields(settings: CheckSettings) -> dict:
    """`asdict(settings)`, once per settings object (not once per story: frozen, so hashable);
    only read."""
    return asdict(settings)
