"""newsweave: news articles from many outlets into cross-checked stories, offline.

The public API is the names in `__all__`; everything else is private or unstable.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .lazy import lazy_names

if TYPE_CHECKING:
    from .api import Newsweave, open
    from .errors import FetchError, InputError, NewsweaveError, SettingsError, StoreError
    from .model import Article, Proposition, RawDocument, Story
    from .pipeline import Report, Summary
    from .settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "FetchError",
    "InputError",
    "Newsweave",
    "NewsweaveError",
    "Proposition",
    "RawDocument",
    "Report",
    "Settings",
    "SettingsError",
    "StoreError",
    "Story",
    "Summary",
    "__version__",
    "load_settings",
    "open",
]

# The names load their modules when first asked for: every process that imports one stage
# (a consensus worker imports the grouper, a reader the read stage) imports this package
# first, and importing the pipeline with it cost each spawned consensus worker 0.34 s of its
# 0.56 s of imports (`python -X importtime -c 'import newsweave.group.grouper'`, issue 16).
_HOMES = {
    "Newsweave": ".api", "open": ".api", "FetchError": ".errors", "InputError": ".errors",
    "NewsweaveError": ".errors", "SettingsError": ".errors", "StoreError": ".errors",
    "Article": ".model", "Proposition": ".model", "RawDocument": ".model", "Story": ".model",
    "Report": ".pipeline", "Summary": ".pipeline", "Settings": ".settings",
    "load_settings": ".settings",
}  # fmt: skip


__getattr__ = lazy_names(__name__, _HOMES, globals())


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


logging.getLogger(__name__).addHandler(logging.NullHandler())
