"""newsweave: news articles from many outlets into cross-checked stories, offline.

The public API is the names in `__all__`; everything else is private or unstable.
"""

from __future__ import annotations

import logging

from .errors import FetchError, InputError, NewsweaveError, StoreError
from .model import Article, RawDocument
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "FetchError",
    "InputError",
    "NewsweaveError",
    "RawDocument",
    "Settings",
    "StoreError",
    "__version__",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
