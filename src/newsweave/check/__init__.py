"""Check: cross-check each story's articles (claims, propositions, quotes, numbers, coverage,
framing, brief, timeline). `check_story` is the stage."""

from ..settings import CheckSettings
from .stage import CHECKER_VERSION, check_key, check_story

__all__ = ["CHECKER_VERSION", "CheckSettings", "check_key", "check_story"]
