"""Incremental grouping: new articles join the stored stories, `regroup` redoes it all, and the
grouping features are computed once per article."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

import newsweave.group.prepare as prepare
import newsweave.group.stage as stage
import newsweave.pipeline as pipeline
from conftest import EXAMPLES
from newsweave.group import Grouper, GroupInput
from newsweave.group.stage import (
    Settling,
    StoredGrouping,
    add_to_grouping,
    group_items,
    updated,
)
from newsweave.store import SQLiteStore

HELD_OUT = "tavessa-herald_bank-lifts-rate.html"  # one report of the rate rise
UNRELATED = "tpr_ambry-wildfire-evacuation.html"  # a wildfire: another event


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """The rate-rise reports but one; then that one and an unrelated wildfire report."""
    root = tmp_path_factory.mktemp("incremental")
    first, second = root / "first", root / "second"
    first.mkdir()
    second.mkdir()
    for f in (EXAMPLES / "rates").iterdir():
        shutil.copy(f, (second if f.name == HELD_OUT else first) / f.name)
    shutil.copy(EXAMPLES / "wildfire" / UNRELATED, second / UNRELATED)
    return first, second


@pytest.fixture(scope="module")
def first_store(folders, tmp_path_factory):
    """A store that analyzed the first folder (copy it: `_copy`)."""
    db = tmp_path_factory.mktemp("first") / "s.db"
    with SQLiteStore(db) as store:
        pipeline.analyze([str(folders[0])], store, fetch=False)
    return db


def _copy(db, tmp_path):
    shutil.copy(db, tmp_path / "s.db")
    return tmp_path / "s.db"


def _membership(store) -> dict[str, frozenset[str]]:
    return {s["id"]: frozenset(s["article_ids"]) for s in store.stories()}


def _ids_of(store, name: str) -> str:
    return next(a.id for a in store.articles() if a.source.endswith(name))


def _no_full(*_args, **_kwargs):
    raise AssertionError("the whole store was regrouped")


def test_group_incremental_analyze_adds_to_the_stored_stories(
    folders, first_store, tmp_path, monkeypatch
):
    with SQLiteStore(_copy(first_store, tmp_path)) as store:
        before = _membership(store)
        (rates_id, rates_members), *_ = sorted(before.items(), key=lambda kv: -len(kv[1]))
        assert len(rates_members) == 3
        monkeypatch.setattr(stage, "group_items", _no_full)  # incremental, not regrouped
        report = pipeline.analyze([str(folders[1])], store, fetch=False)
        after = _membership(store)
        held, unrelated = _ids_of(store, HELD_OUT), _ids_of(store, UNRELATED)
    # the new report joined the stored story, which kept its id and every member
    assert after[rates_id] == rates_members | {held}
    # the unrelated one opened a story of its own; the other stories stand as stored
    assert after[f"s-{unrelated}"] == {unrelated}
    assert {k: v for k, v in after.items() if k not in (rates_id, f"s-{unrelated}")} == {
        k: v for k, v in before.items() if k != rates_id
    }
    assert {s.id for s in report.stories} == {rates_id, f"s-{unrelated}"}


def test_group_incremental_regroup_command_gives_the_full_result(folders, first_store, tmp_path):
    from newsweave.cli import main
    from newsweave.outlets import outlet_table

    db = _copy(first_store, tmp_path)
    with SQLiteStore(db) as store:
        pipeline.analyze([str(folders[1])], store, fetch=False)
        heads = store.article_heads()
        items = pipeline.stored_inputs(store, heads, outlet_table(heads))
        expected = {
            s.id: frozenset(s.article_ids) for s in group_items(list(items.values())).stories
        }
        # stories spoilt behind the pipeline's back: every article in a story of its own
        spoilt = [{"id": f"x-{a}", "article_ids": [a]} for a in store.ids_in_stored_order()]
        store.update_stories([s["id"] for s in store.stories()], spoilt, {})
    result = CliRunner().invoke(main, ["regroup", "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    with SQLiteStore(db) as store:
        assert _membership(store) == expected
    assert f"{len(expected)} stories" in result.output


def test_group_incremental_features_are_computed_once(folders, tmp_path, monkeypatch):
    calls: list[str] = []
    real = prepare.text_features

    def counted(text, title, settings):
        calls.append(title)
        return real(text, title, settings)

    monkeypatch.setattr(prepare, "text_features", counted)
    with SQLiteStore(tmp_path / "s.db") as store:
        pipeline.analyze([str(folders[0])], store, fetch=False)
        assert len(calls) == 3  # once per article, for the online run and every shuffled one
        pipeline.analyze([str(folders[1])], store, fetch=False)
        assert len(calls) == 5  # the two new articles only
        pipeline.regroup(store)  # the full regrouping reads them all from the store
        assert len(calls) == 5


def test_group_incremental_interrupted_update_leaves_the_stored_stories(
    folders, first_store, tmp_path, monkeypatch
):
    with SQLiteStore(_copy(first_store, tmp_path)) as store:
        before = _membership(store)

        def interrupted(*_args, **_kwargs):
            raise KeyboardInterrupt

        monkeypatch.setattr(pipeline, "check_stories", interrupted)
        with pytest.raises(KeyboardInterrupt):
            pipeline.analyze([str(folders[1])], store, fetch=False)
        assert _membership(store) == before
        monkeypatch.undo()
        pipeline.analyze([str(folders[1])], store, fetch=False)  # stored already: grouped now
        held = _ids_of(store, HELD_OUT)
        assert any(held in m and len(m) == 4 for m in _membership(store).values())


# --- the grouping stage ---------------------------------------------------------------------

_HARBOUR = "Engineers inspected the damaged harbour wall in Lindholm on Monday after the storm"
_TRAM = "The mayor of Brask opened the new tram line to the airport with a ribbon on Friday"


def _item(i: int, base: str, names: tuple[str, ...]) -> GroupInput:
    text = f"{base}, officials said. Report number {i} adds its own detail {i * 7} here."
    return GroupInput(f"a{i}", text, title=base[:30], entities=names * 3)


def test_group_incremental_stage_joins_and_opens_stories():
    harbour = [_item(i, _HARBOUR, ("Lindholm", "harbour board")) for i in range(3)]
    tram = _item(9, _TRAM, ("Brask", "tram company"))
    first = group_items(harbour)
    stored = StoredGrouping(
        tuple((s.id, s.article_ids, s.cohesion) for s in first.stories), first.duplicate_of
    )
    assert [s.article_ids for s in first.stories] == [("a0", "a1", "a2")]
    late = _item(3, _HARBOUR, ("Lindholm", "harbour board"))
    update = add_to_grouping(harbour, stored, [late, tram])
    now = updated(stored, update)
    assert sorted((sid, m) for sid, m, _ in now.stories) == [
        ("s-a0", ("a0", "a1", "a2", "a3")),
        ("s-a9", ("a9",)),
    ]
    assert update.replaced == ("s-a0",)


def test_group_incremental_restore_holds_the_stored_grouping():
    items = [_item(i, _HARBOUR, ("Lindholm",)) for i in range(3)]
    g = Grouper.restore(items, [("s-x", ("a0", "a1", "a2"), 0.5)], {"a1": "a0"})
    assert g.story_of("a2") == "s-x" and g.duplicate_of("a1") == "a0"
    assert g.stories()[0].cohesion == 0.5
    assert g.add(_item(5, _HARBOUR, ("Lindholm",))).story_id == "s-x"


def test_group_incremental_settles_stored_stories_that_now_look_alike():
    # one event stored as two stories (as a young store's IDF table can leave it); a new
    # article touches neither, yet the two are settled together and joined
    harbour = [_item(i, _HARBOUR, ("Lindholm", "harbour board")) for i in range(6)]
    stored = StoredGrouping(
        (("s-a0", ("a0", "a1", "a2"), None), ("s-a3", ("a3", "a4", "a5"), None)), {}
    )
    tram = _item(9, _TRAM, ("Brask", "tram company"))
    update = add_to_grouping(harbour, stored, [tram])
    now = updated(stored, update)
    assert sorted(m for _, m, _ in now.stories) == [
        ("a0", "a1", "a2", "a3", "a4", "a5"),
        ("a9",),
    ]
    assert set(update.replaced) == {"s-a0", "s-a3"}


def test_group_incremental_neighbours_names_stories_another_would_join():
    harbour = [_item(i, _HARBOUR, ("Lindholm", "harbour board")) for i in range(4)]
    tram = [_item(i, _TRAM, ("Brask", "tram company")) for i in (8, 9)]
    stories = [("s-a0", ("a0", "a1"), None), ("s-a2", ("a2", "a3"), None)]
    stories.append(("s-a8", ("a8", "a9"), None))
    g = Grouper.restore([*harbour, *tram], stories, {})
    pairs = g.neighbours([*harbour, *tram], 0.2)
    assert sorted({sid for pair in pairs for sid in pair}) == ["s-a0", "s-a2"]


_APART = (("s-a0", ("a0", "a1", "a2"), None), ("s-a3", ("a3", "a4", "a5"), None))


@pytest.mark.parametrize(
    ("settled", "again"),
    [
        # one settling saw both at 6 articles and kept them apart; 7 now: not settled again
        ({"s-a0": Settling(6, 0), "s-a3": Settling(6, 0)}, False),
        # the store has doubled since (3 -> 7): settled again, and joined
        ({"s-a0": Settling(3, 0), "s-a3": Settling(3, 0)}, True),
        # two settlings made them: none has seen the pair
        ({"s-a0": Settling(6, 0), "s-a3": Settling(6, 1)}, True),
        ({"s-a0": Settling(6, 0)}, True),
    ],
)
def test_group_incremental_look_alike_pair_settled_once(settled, again, monkeypatch):
    harbour = [_item(i, _HARBOUR, ("Lindholm", "harbour board")) for i in range(6)]
    tram = _item(9, _TRAM, ("Brask", "tram company"))
    calls: list[list[str]] = []
    real = Grouper.settle_some

    def counted(self, items, story_ids):
        calls.append(sorted(set(story_ids)))
        return real(self, items, story_ids)

    monkeypatch.setattr(Grouper, "settle_some", counted)
    update = add_to_grouping(harbour, StoredGrouping(_APART, {}, settled), [tram])
    assert calls == [["s-a0", "s-a3", "s-a9"] if again else ["s-a9"]]
    joined = ("a0", "a1", "a2", "a3", "a4", "a5") in [s.article_ids for s in update.stories]
    assert joined == again
    # what this settling made is stamped with the store's size and a new run number
    run = 1 + max(st.run for st in settled.values())
    assert update.settled == {s.id: Settling(7, run) for s in update.stories}


def test_group_incremental_pipeline_stores_when_stories_were_settled(
    folders, first_store, tmp_path
):
    with SQLiteStore(_copy(first_store, tmp_path)) as store:
        # the first analyze grouped its 3 articles at once: every story is of run 0
        assert json.loads(store.state("settled")) == {s["id"]: [3, 0] for s in store.stories()}
        report = pipeline.analyze([str(folders[1])], store, fetch=False)
        settled = json.loads(store.state("settled"))
        touched = {s.id for s in report.stories}
        # the stories the 2 new articles touched were settled by run 1, at 5 articles
        assert {sid: v for sid, v in settled.items() if sid in touched} == {
            sid: [5, 1] for sid in touched
        }
        assert set(settled) == {s["id"] for s in store.stories()}
