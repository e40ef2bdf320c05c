"""The consensus of grouping runs in several input orders, and rebuilding stories from it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsweave.group.consensus import consensus_groups
from newsweave.group.grouper import Grouper
from newsweave.group.types import GroupInput, GroupSettings


def test_group_consensus_keeps_what_most_runs_agree_on() -> None:
    # article 2 is with 0 and 1 in two runs of three: it stays with them
    assert consensus_groups([[0, 0, 0, 1], [0, 0, 1, 1], [5, 5, 5, 7]], 0.5, 100) == [
        [0, 1, 2],
        [3],
    ]
    # with two runs of three against it, it leaves them
    assert consensus_groups([[0, 0, 0, 1], [0, 0, 1, 1], [0, 0, 1, 1]], 0.5, 100) == [
        [0, 1],
        [2, 3],
    ]
    # a stricter share needs every run
    assert consensus_groups([[0, 0, 0, 1], [0, 0, 1, 1], [0, 0, 0, 1]], 1.0, 100) == [
        [0, 1],
        [2],
        [3],
    ]


def test_group_consensus_one_run_and_big_components() -> None:
    assert consensus_groups([[3, 1, 3, 2]], 0.5, 100) == [[0, 2], [1], [3]]
    # every run links 0-3 into one component; too big to compare pairwise: the first run stands
    runs = [[0, 0, 1, 1], [0, 0, 0, 0], [0, 0, 0, 0]]
    assert consensus_groups(runs, 0.5, 100) == [[0, 1, 2, 3]]
    assert consensus_groups(runs, 0.5, 3) == [[0, 1], [2, 3]]


def test_group_consensus_rejects_bad_groupings() -> None:
    with pytest.raises(ValueError, match="at least one"):
        consensus_groups([], 0.5, 10)
    with pytest.raises(ValueError, match="same articles"):
        consensus_groups([[0, 0], [0]], 0.5, 10)


_FLOOD = (
    "The river Vell burst its banks in Tarn on Monday and flooded the old market.",
    "Mayor Lise Arnt said the Vell flood in Tarn reached the town hall steps.",
    "Tarn firefighters pumped water from the market cellars after the Vell flood.",
    "Lise Arnt asked Tarn residents to avoid the flooded Vell embankment.",
)
_FIRE = (
    "A warehouse fire in Oskby destroyed a furniture store on Friday night.",
    "Oskby fire chief Per Dahl said the blaze started in the warehouse loading bay.",
    "Per Dahl said Oskby firefighters kept the warehouse fire from the nearby school.",
    "The Oskby warehouse owner thanked Per Dahl and the firefighters on Saturday.",
)


def _items() -> list[GroupInput]:
    out = []
    for k in range(4):
        out.append(
            GroupInput(f"flood{k}", _FLOOD[k], title="Vell floods Tarn", entities=("Arnt",) * 3)
        )
        out.append(
            GroupInput(f"fire{k}", _FIRE[k], title="Oskby warehouse fire", entities=("Dahl",) * 3)
        )
    # a wire copy of the first flood report under a new headline
    out.append(GroupInput("copy", _FLOOD[0], title="Tarn flooded", entities=("Arnt",) * 3))
    return out


def _grouped(settings: GroupSettings) -> tuple[Grouper, list[GroupInput]]:
    items = _items()
    g = Grouper(settings)
    for it in items:
        g.add(it)
    return g, items


def _stories(g: Grouper) -> dict[str, frozenset[str]]:
    return {st.id: frozenset(st.article_ids) for st in g.stories()}


def test_group_settle_groups_two_events_and_keeps_copies_with_their_origin() -> None:
    g, items = _grouped(GroupSettings())
    before = _stories(g)
    assert g.settle(items) is True
    after = _stories(g)
    flood = frozenset({f"flood{k}" for k in range(4)} | {"copy"})
    fire = frozenset(f"fire{k}" for k in range(4))
    assert set(after.values()) == {flood, fire}
    # stories the runs agree on keep their ids
    assert after == before
    assert g.duplicate_of("copy") == "flood0"
    assert all(g.story_of(a) == sid for sid, members in after.items() for a in members)
    # the grouper goes on after settling: a later report joins its event's story
    a = g.add(
        GroupInput("fire4", _FIRE[1] + " " + _FIRE[2], title="Oskby fire", entities=("Dahl",))
    )
    assert a.story_id == g.story_of("fire0") and not a.new_story


def test_group_settle_is_deterministic_and_can_be_turned_off() -> None:
    loose = replace(GroupSettings(), join_score=0.01, bridge_score=0.99, doubt_margin=0.0)
    results = []
    for _ in range(2):
        g, items = _grouped(loose)
        g.settle(items)
        results.append(_stories(g))
    assert results[0] == results[1]
    g, items = _grouped(replace(loose, consensus_runs=1))
    alone, _ = _grouped(replace(loose, consensus_runs=1))
    assert g.settle(items) is False
    alone.split_stories(items)
    assert _stories(g) == _stories(alone)


def test_group_settle_gives_the_same_stories_in_worker_processes(monkeypatch) -> None:
    from newsweave.group import grouper

    # a handful of articles would stay in this process: send them to the workers anyway
    monkeypatch.setattr(grouper, "_POOL_MIN_ARTICLES", 0)
    loose = replace(GroupSettings(), join_score=0.01, bridge_score=0.99, doubt_margin=0.0)
    _, items = _grouped(loose)
    items = [grouper.prepared(it, loose) for it in items]
    # each seed's labels, in seed order, whichever worker ran it (two workers, three seeds)
    runs = {w: grouper._shuffled_runs(replace(loose, consensus_workers=w), items, range(1, 4))
            for w in (1, 2)}  # fmt: skip
    assert runs[1] == runs[2] and len(runs[2]) == 3
    results = []
    for workers in (1, 2):
        g, items = _grouped(replace(loose, consensus_runs=3, consensus_workers=workers))
        assert g.settle(items) is True
        results.append(_stories(g))
    assert results[0] == results[1]
    with pytest.raises(ValueError, match="consensus_workers"):
        GroupSettings(consensus_workers=-1)


def test_group_consensus_workers_are_not_forks_of_this_process(monkeypatch) -> None:
    from newsweave.group import grouper

    # a forked worker would run this process's patched `_run_labels` (it maps this process's
    # memory); a spawned one imports the module afresh and runs the real one
    monkeypatch.setattr(grouper, "_POOL_MIN_ARTICLES", 0)
    loose = replace(GroupSettings(), join_score=0.01, bridge_score=0.99, doubt_margin=0.0)
    _, items = _grouped(loose)
    items = [grouper.prepared(it, loose) for it in items]
    here = grouper._shuffled_runs(replace(loose, consensus_workers=1), items, range(1, 3))
    monkeypatch.setattr(grouper, "_run_labels", lambda *a: ([-1] * len(items), {}))
    there = grouper._shuffled_runs(replace(loose, consensus_workers=2), items, range(1, 3))
    assert there == here and -1 not in here[0]


def test_group_settle_needs_the_added_articles_in_order() -> None:
    g, items = _grouped(GroupSettings())
    with pytest.raises(ValueError, match="in the order they were added"):
        g.settle(items[::-1])
    with pytest.raises(ValueError, match="in the order they were added"):
        g.settle(items[:-1])


def test_group_rebuild_ids_and_redirects() -> None:
    from newsweave.group.cluster import StoryIndex

    idx = StoryIndex(GroupSettings())
    feats = {it.article_id: idx.features(it) for it in _items()[:4]}
    for aid, f in feats.items():
        idx.assign(aid, f, forced="s-flood0" if aid != "flood0" else None)
    assert [st.article_ids for st in idx.stories()] == [["flood0", "fire0", "flood1", "fire1"]]
    # the group holding the story's first member keeps its id, the other gets its own
    ids = idx.rebuild(
        [
            [("fire0", feats["fire0"]), ("fire1", feats["fire1"])],
            [("flood0", feats["flood0"]), ("flood1", feats["flood1"])],
        ]
    )
    assert ids == ["s-fire0", "s-flood0"]
    assert [st.article_ids for st in idx.stories()] == [["fire0", "fire1"], ["flood0", "flood1"]]
    # an id that no longer names a story leads to its first member's new story
    ids = idx.rebuild([[(a, feats[a]) for a in ("fire0", "fire1", "flood0", "flood1")]])
    assert ids == ["s-fire0"] and idx.resolve("s-flood0") == "s-fire0"


def test_group_settle_gives_stories_their_cohesion_and_notes_weak_ones() -> None:
    g, items = _grouped(GroupSettings())
    assert all(st.cohesion is None for st in g.stories())  # not measured before settling
    g.settle(items)
    stories = {frozenset(st.article_ids): st for st in g.stories()}
    fire = stories[frozenset(f"fire{k}" for k in range(4))]
    assert fire.cohesion is not None and fire.cohesion >= GroupSettings().doubtful_cohesion
    assert fire.note is None
    assert fire.to_dict()["cohesion"] == round(fire.cohesion, 3)
    # the same story is doubtful when its weakest link is below the doubt threshold
    strict = replace(GroupSettings(), doubtful_cohesion=fire.cohesion + 0.01)
    g, items = _grouped(strict)
    g.settle(items)
    notes = {frozenset(st.article_ids): st.note for st in g.stories()}
    assert "weakly linked" in notes[frozenset(fire.article_ids)]
