"""Plain data of the grouping stage: what goes in and what comes out. Its thresholds are
`settings.GroupSettings` (`Settings.group`), imported here for the stage's modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..settings import GroupSettings

__all__ = ["Assignment", "CopyLink", "GroupInput", "GroupSettings"]

if TYPE_CHECKING:
    from .prepare import TextFeatures


@dataclass(frozen=True, slots=True)
class GroupInput:
    """What grouping needs from one article (filled from Article + Reading by the pipeline).

    Args:
        article_id: the article's id (content-addressed in the store).
        text: the clean main text.
        title: the headline, or None.
        published: ISO 8601 date (or datetime) of publication, or None when unknown.
        outlet: the outlet name (or host), or None.
        url: the article URL, or None.
        entities: the people, organisations and events it mentions by their cross-article
            name (`read.names.cross_article_name`: a person by surname), one per mention:
            repeats say how central an entity is.
        places: canonical names of the places it mentions (GPE, LOC, FAC), one per mention.
        times: resolved dates the text mentions ("2013-05-02", "2013-05", "2013"); lets
            articles without a publication date be told apart by the time they report.
        features: `text` and `title` prepared once (`prepare.text_features`); the grouper
            then never reads `text` (a stored article's is not even loaded: it may be "").
    """

    article_id: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    entities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    times: tuple[str, ...] = ()
    features: TextFeatures | None = None


@dataclass(frozen=True, slots=True)
class CopyLink:
    """One article copies another.

    Args:
        article_id: the copy.
        origin_id: the article it copies (the copy group's origin).
        kind: "exact" (same words), "near" (same text under other chrome, trimmed or lightly
            edited) or "partial" (a rewrite that reuses long passages).
        similarity: Jaccard of word shingles for exact/near; containment of the shorter text's
            shingles in the other's for partial.
    """

    article_id: str
    origin_id: str
    kind: str
    similarity: float


@dataclass(frozen=True, slots=True)
class Assignment:
    """What `Grouper.add` decided for one article.

    Args:
        article_id: the article added.
        story_id: the story it now belongs to.
        duplicate_of: its copy group's origin, or None when it is an origin or no copy.
        copy: the copy link that made it a copy (None when it copies nothing).
        merged_story_ids: stories absorbed into `story_id` because this article bridged them.
        relinked: (article_id, new duplicate_of) for earlier articles whose origin changed
            because this article turned out to be earlier (or more complete) than their origin.
        new_story: True when the article opened a new story.
        moved: (article_id, new story_id) for earlier articles that joined a story with a low
            margin and match the story this article went to better (see doubt_margin).
    """

    article_id: str
    story_id: str
    duplicate_of: str | None = None
    copy: CopyLink | None = None
    merged_story_ids: tuple[str, ...] = ()
    relinked: tuple[tuple[str, str | None], ...] = ()
    new_story: bool = False
    moved: tuple[tuple[str, str], ...] = ()
