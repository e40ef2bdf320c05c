"""newsweave: news articles from many outlets into cross-checked stories, offline.

The public API is the names in `__all__`; everything else is private or unstable.
"""

from __future__ import annotations

import logging

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

logging.getLogger(__name__).addHandler(logging.NullHandler())
