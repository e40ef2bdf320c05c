"""The stories list: search, filters, sorting and pages over what the store holds.

Searching by entity and outlet needs every member's reading, so the list is built once per
revision of the store (`Listing.build`) and reused until the revision moves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

# "single-source heavy": more than half of a story's checked claims rest on one source
SINGLE_SOURCE_HEAVY_SHARE = 0.5
SORTS = ("size", "sources", "recent")
STATUSES = ("any", "conflicts", "single", "unchecked")


@dataclass(slots=True)
class Entry:
    """One story as the list sees it."""

    story: dict[str, Any]
    words: str  # lower-cased title, member titles and outlets
    entities: set[str]  # lower-cased canonical names in the members
    outlets: set[str]
    days: list[str]  # the members' publication dates (for the attention chart)
    statuses: dict[str, int] = field(default_factory=dict)

    @property
    def first(self) -> str:
        return self.story.get("first_published") or ""

    @property
    def last(self) -> str:
        return self.story.get("last_published") or ""


@dataclass(frozen=True, slots=True)
class Query:
    """What the reader asked for; every field has a safe default."""

    q: str = ""
    entity: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""
    status: str = "any"
    sort: str = "size"
    page: int = 1


class Listing:
    """The stories of one grouping of the store, with what the list filters on."""

    def __init__(self, entries: list[Entry], stories_of: dict[str, list[str]]) -> None:
        self.entries = entries
        self.stories_of = stories_of  # article id -> ids of the stories it is in
        # each sort once per listing, not per request ("size": the store's order)
        recent = sorted(entries, key=lambda e: e.story["id"])
        recent.sort(key=lambda e: e.last, reverse=True)
        self._orders = {
            "size": entries,
            "sources": sorted(
                entries, key=lambda e: (-(e.story.get("independent_sources") or 0), e.story["id"])
            ),
            "recent": recent,
        }

    @classmethod
    def build(cls, stories: list[dict[str, Any]], members: Iterable[tuple]) -> Listing:
        """From the story objects and their members' (id, title, outlet, published, entity
        canonical names), as `SQLiteStore.member_facts` gives them."""
        facts: dict[str, tuple[str, str, str | None, set[str]]] = {}
        for aid, title, outlet, published, names in members:
            facts[aid] = (title or "", outlet or "", published, {n.lower() for n in names})
        entries, stories_of = [], {}
        for s in stories:
            members = [facts[a] for a in s.get("article_ids") or () if a in facts]
            for a in s.get("article_ids") or ():
                stories_of.setdefault(a, []).append(s["id"])
            statuses: dict[str, int] = {}
            for c in s.get("claims") or ():
                statuses[c.get("status")] = statuses.get(c.get("status"), 0) + 1
            words = " ".join(
                [s.get("title") or "", *(m[0] for m in members), *(s.get("outlets") or ())]
            ).lower()
            entries.append(
                Entry(
                    story=s,
                    words=words,
                    entities=set().union(*(m[3] for m in members)),
                    outlets={o.lower() for o in s.get("outlets") or ()}
                    | {m[1].lower() for m in members},
                    days=[m[2] for m in members if m[2]],
                    statuses=statuses,
                )
            )
        return cls(entries, stories_of)

    def search(self, query: Query) -> list[Entry]:
        """The entries matching `query`, sorted as asked."""
        tests = _tests(query)
        return [e for e in self._orders.get(query.sort, self.entries) if all(t(e) for t in tests)]


def _status_ok(e: Entry, status: str) -> bool:
    checked = bool(e.story.get("checked"))
    if status == "conflicts":
        return e.statuses.get("conflicting", 0) > 0
    if status == "single":
        total = sum(e.statuses.values())
        return total > 0 and e.statuses.get("single_source", 0) / total > SINGLE_SOURCE_HEAVY_SHARE
    if status == "unchecked":
        return not checked
    return True


def _tests(q: Query) -> list[Callable[[Entry], bool]]:
    """What an entry must pass for `q`: only the parts it asks for (an empty query passes
    every story without looking at it)."""
    tests: list[Callable[[Entry], bool]] = []
    words, entity, outlet = q.q.lower().split(), q.entity.lower(), q.outlet.lower()
    if words:
        tests.append(lambda e: all(w in e.words for w in words))
    if entity:
        tests.append(lambda e: any(entity in name for name in e.entities))
    if outlet:
        tests.append(lambda e: any(outlet in o for o in e.outlets))
    if q.since:
        tests.append(lambda e: bool(e.last) and e.last[:10] >= q.since)
    if q.until:
        tests.append(lambda e: bool(e.first) and e.first[:10] <= q.until)
    if q.status != "any":
        tests.append(lambda e: _status_ok(e, q.status))
    return tests


def page_of(items: list, page: int, size: int) -> tuple[list, int]:
    """One page of `items` (pages count from 1) and the number of pages.

    Example:
        >>> page_of(list(range(5)), 2, 2), page_of([], 9, 2)
        (([2, 3], 3), ([], 1))
    """
    pages = max((len(items) + size - 1) // size, 1)
    page = min(max(page, 1), pages)
    return items[(page - 1) * size : page * size], pages
