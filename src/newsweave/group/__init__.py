"""Group: copies (who copies whom) and same-event stories, online, article by article.

Example:
    >>> from newsweave.group import Grouper, GroupInput
    >>> g = Grouper()
    >>> g.add(GroupInput("a1", "The mayor opened the new tram line in Lindholm today.")).new_story
    True
"""

from .grouper import Grouper
from .stories import Story
from .types import Assignment, CopyLink, GroupInput, GroupSettings

__all__ = ["Assignment", "CopyLink", "GroupInput", "GroupSettings", "Grouper", "Story"]
