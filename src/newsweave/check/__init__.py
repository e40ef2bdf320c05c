"""Check: cross-check each story's articles (claims, propositions, quotes, numbers, coverage,
framing, brief, timeline). `check_story` is the stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names
from ..settings import CheckSettings
from ..versions import CHECKER_VERSION
from .key import check_key

if TYPE_CHECKING:
    from .stage import check_story

__all__ = ["CHECKER_VERSION", "CheckSettings", "check_key", "check_story"]

# The stage loads its modules when first asked for (in the worker that checks): the main process
# keys the stories (`check_key`), and the stage's modules import spaCy.
__getattr__ = lazy_names(__name__, {"check_story": ".stage"}, globals())
