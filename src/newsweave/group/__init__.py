"""Group: copies (who copies whom) and same-event stories, online, article by article.

Example:
    >>> from newsweave.group import Grouper, GroupInput
    >>> g = Grouper()
    >>> g.add(GroupInput("a1", "The mayor opened the new tram line in Lindholm today.")).new_story
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names

if TYPE_CHECKING:
    from .grouper import Grouper
    from .stories import Story
    from .types import Assignment, CopyLink, GroupInput, GroupSettings

__all__ = ["Assignment", "CopyLink", "GroupInput", "GroupSettings", "Grouper", "Story"]

# The names load their modules when first asked for: the check stage and the readers in the
# worker processes use the stop words and story rules here (`group.features`,
# `group.stories`), and importing the grouper with them cost each worker 0.62 s (datasketch's
# LSH imports scipy.integrate).
_HOMES = {"Grouper": ".grouper", "Story": ".stories", "Assignment": ".types",
          "CopyLink": ".types", "GroupInput": ".types", "GroupSettings": ".types"}  # fmt: skip


__getattr__ = lazy_names(__name__, _HOMES, globals())
