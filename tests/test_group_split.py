"""A story holding two look-alike events is cut in two; a story of one event is left alone."""

from __future__ import annotations

from dataclasses import replace

import numpy
import pytest

from newsweave.group.grouper import Grouper
from newsweave.group.split import bisect
from newsweave.group.types import GroupInput, GroupSettings


def test_group_split_bisect_finds_two_blocks() -> None:
    w = numpy.kron(numpy.eye(2), numpy.ones((4, 4))) * 0.7 + 0.02
    cut, side = bisect(w)
    assert side == [0, 1, 2, 3]
    assert cut < 0.2


def test_group_split_bisect_one_block_has_a_high_cut() -> None:
    cut, side = bisect(numpy.full((6, 6), 0.5))
    assert cut > 1.0 and 0 in side


def test_group_split_bisect_too_small_or_disconnected() -> None:
    assert bisect(numpy.ones((3, 3))) == (float("inf"), [])
    w = numpy.ones((5, 5))
    w[4, :] = w[:, 4] = 0.0
    assert bisect(w) == (float("inf"), [])
    with pytest.raises(ValueError, match=">= 0"):
        bisect(-numpy.ones((4, 4)))


# Two invented crane collapses: same topic words, different port, people and firms. Each
# article has its own sentences (no copies: a copy would stay with its origin anyway).
_A = (
    "A container crane collapsed at the Port of Lindholm, injuring four dock workers.",
    "Harbour master Mika Rask said the crane boom snapped in a storm at Lindholm.",
    "Rask said the Lindholm crane terminal stays shut while Nordcranes inspects the wreck.",
    "Nordcranes built the Lindholm crane in 2019, according to Mika Rask.",
    "Dock workers at Lindholm said the crane had swayed for weeks, Rask confirmed.",
    "The collapsed Nordcranes crane blocked two berths in Lindholm harbour on Tuesday.",
    "Mika Rask told reporters that Lindholm port will sue Nordcranes over the crane.",
    "Inspectors from Nordcranes reached Lindholm to examine the fallen crane boom.",
)
_B = (
    "A container crane collapsed at the Port of Vesterby, killing two crane operators.",
    "Port director Jonas Breit said a crane cable failed while a ship was unloaded.",
    "Breit said the Vesterby docks reopen after Halvik Engineering checks every crane.",
    "Halvik Engineering sold the Vesterby crane in 2007, Jonas Breit said.",
    "Crane operators in Vesterby had reported a frayed cable, Breit admitted.",
    "The fallen Halvik crane crushed a warehouse roof at Vesterby port on Friday.",
    "Jonas Breit said Vesterby will replace every Halvik Engineering crane cable.",
    "Engineers from Halvik Engineering arrived in Vesterby to study the crane cable.",
)


def _items() -> list[GroupInput]:
    out = []
    for k in range(4):
        for tag, lines, names, place in (
            ("a", _A, ("Rask", "Nordcranes"), "Lindholm"),
            ("b", _B, ("Breit", "Halvik Engineering"), "Vesterby"),
        ):
            out.append(
                GroupInput(
                    article_id=f"{tag}{k}",
                    text=" ".join(lines[2 * k : 2 * k + 2]),
                    title=f"Crane collapses at {place} port",
                    entities=names * 3,
                    places=(place, place),
                )
            )
    return out


def _loose() -> GroupSettings:
    # joins everything, so the online pass makes one story of both events
    return replace(GroupSettings(), join_score=0.01, bridge_score=0.99, doubt_margin=0.0)


def test_group_split_cuts_a_story_of_two_events() -> None:
    items = _items()
    g = Grouper(_loose())
    for it in items:
        g.add(it)
    assert len(g.stories()) == 1
    splits = g.split_stories(items)
    assert len(splits) == 1
    old, new, moved = splits[0]
    stories = {frozenset(s.article_ids) for s in g.stories()}
    assert stories == {frozenset(f"a{k}" for k in range(4)), frozenset(f"b{k}" for k in range(4))}
    assert set(moved) == {f"b{k}" for k in range(4)} and new == "s-b0"
    assert all(g.story_of(a) == new for a in moved) and g.story_of("a0") == old


def test_group_split_off_or_one_event_leaves_the_story() -> None:
    items = _items()
    g = Grouper(replace(_loose(), split_ncut=0.0))
    for it in items:
        g.add(it)
    assert g.split_stories(items) == [] and len(g.stories()) == 1
    one_event = [it for it in items if it.article_id.startswith("a")]
    g = Grouper(replace(_loose(), split_min_articles=4))
    for it in one_event:
        g.add(it)
    assert g.split_stories(one_event) == []
    assert len(g.stories()) == 1


def test_group_split_needs_every_member_again() -> None:
    items = _items()
    g = Grouper(_loose())
    for it in items:
        g.add(it)
    assert g.split_stories(items[:-1]) == []


def test_group_split_cohesion_is_the_weakest_link_of_the_spanning_tree() -> None:
    from newsweave.group.split import cohesion

    chain = numpy.array([[0, 0.9, 0.0, 0.0], [0.9, 0, 0.4, 0.0], [0.0, 0.4, 0, 0.7],
                         [0.0, 0.0, 0.7, 0]])  # fmt: skip
    assert cohesion(chain) == pytest.approx(0.4)
    chain[0, 3] = chain[3, 0] = 0.5  # a stronger way round the weak link
    assert cohesion(chain) == pytest.approx(0.5)
    assert cohesion(numpy.zeros((1, 1))) is None


def test_group_split_partition_cuts_every_group_apart() -> None:
    from newsweave.group.split import partition

    w = numpy.kron(numpy.eye(3), numpy.ones((3, 3))) * 0.5 + 0.15
    assert partition(w, 0.74) == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    assert partition(numpy.full((6, 6), 0.5), 0.74) == [list(range(6))]


# Three invented events of one senator, two reports each: the name in every report, the
# words of each event in its own two only (the AllSides case: one person's events of a season).
_EVENTS = (
    ("Marrow blocks the farm subsidy bill", "Senator Ilse Marrow blocked the farm subsidy bill "
     "in a late vote, and grain growers protested outside the chamber.",
     "Grain growers protested after Ilse Marrow blocked the subsidy bill for farms."),
    ("Marrow opens the Tolvik river bridge", "Ilse Marrow cut the ribbon on the new Tolvik river "
     "bridge, a steel span that took four years to build.",
     "The steel Tolvik bridge over the river opened with a ribbon cut by Ilse Marrow."),
    ("Marrow in hospital after a fall", "Ilse Marrow was taken to hospital with a broken wrist "
     "after a fall on icy steps, her office said.",
     "A broken wrist from a fall on icy steps put Ilse Marrow in hospital overnight."),
)  # fmt: skip


def _one_person_items() -> list[GroupInput]:
    out = []
    for e, (title, *texts) in enumerate(_EVENTS):
        for k, text in enumerate(texts):
            out.append(GroupInput(f"e{e}-{k}", text, title=title, entities=("Marrow",) * 4))
    return out


@pytest.mark.parametrize("some", [False, True])
def test_group_split_settled_story_of_one_person_is_cut_by_its_words(some: bool) -> None:
    items = _one_person_items()
    events = {frozenset(it.article_id for it in items if it.article_id[1] == str(e))
              for e in range(3)}  # fmt: skip
    # joins everything and splits nothing by the scores: only the cut by words can part them
    base = replace(_loose(), split_ncut=0.0, consensus_runs=3, consensus_workers=1)
    # either cut parts them on its own (the normalised cut, the average-linkage cut of the
    # crowding-corrected cosines); neither: one story
    no_ncut = replace(base, text_split_ncut=0.0)
    neither = replace(no_ncut, settled_cut_score=0.0, lone_join_score=0.0)
    only_ncut = replace(base, settled_cut_score=0.0, lone_join_score=0.0)
    for settings, want in ((base, events), (no_ncut, events), (only_ncut, events),
                           (neither, None)):  # fmt: skip
        g = Grouper(settings)
        for it in items:
            g.add(it)
        if some:
            g.settle_some(items, [s.id for s in g.stories()])
        else:
            g.settle(items)
        stories = {frozenset(s.article_ids) for s in g.stories()}
        assert stories == (want or {frozenset(it.article_id for it in items)})


# An invented event in two full reports and a terse third, and an unrelated report: the
# terse one shares a few rare words with the two, too few for an online join at 0.5.
_TERSE = (
    GroupInput("full-1", "Flooding on the Ravel estuary closed the Quenby ferry terminal on "
               "Tuesday; harbour crews pumped water from the ticket hall and the ferry "
               "company cancelled every crossing to Oster island until the weekend.",
               title="Ravel estuary floods close Quenby ferry terminal"),
    GroupInput("full-2", "The Quenby ferry terminal stayed shut after the Ravel estuary "
               "flooded its ticket hall; harbour crews pumped out water and crossings to "
               "Oster island were cancelled until the weekend, the ferry company said.",
               title="Quenby ferry terminal shut by Ravel estuary flooding"),
    GroupInput("terse", "No Oster crossings: Quenby terminal flooded.", title="Ferries halted"),
    GroupInput("other", "A bakery in Lindholm won the regional bread prize for its rye loaf, "
               "the judges said after tasting forty entries.", title="Lindholm rye wins"),
)  # fmt: skip


@pytest.mark.parametrize("lone_join", [0.17, 0.0])
def test_group_split_settle_joins_a_lone_report_to_the_story_it_links_best(lone_join) -> None:
    settings = replace(
        GroupSettings(), join_score=0.5, bridge_score=0.9, doubt_margin=0.0, consensus_runs=3,
        consensus_workers=1, lone_join_score=lone_join,
    )  # fmt: skip
    g = Grouper(settings)
    for it in _TERSE:
        g.add(it)
    assert {frozenset(s.article_ids) for s in g.stories()} >= {frozenset({"terse"})}
    g.settle(list(_TERSE))
    stories = {frozenset(s.article_ids) for s in g.stories()}
    full = frozenset({"full-1", "full-2"})
    if lone_join:
        assert stories == {full | {"terse"}, frozenset({"other"})}
    else:
        assert stories == {full, frozenset({"terse"}), frozenset({"other"})}


def test_group_split_join_lone_takes_the_best_group_above_the_link_only() -> None:
    from newsweave.group.split import join_lone

    vs = [{"a": 1.0}, {"a": 1.0}, {"b": 1.0}, {"b": 1.0}, {"a": 0.6, "b": 0.8}, {"z": 1.0}]
    groups = [[0, 1], [2, 3], [4], [5]]
    # 4 links 0.8 to the b's, 0.6 to the a's; 5 links to nothing
    assert join_lone(groups, vs, [0.0] * 6, 1.0, 0.5) == [[0, 1], [2, 3, 4], [5]]
    assert join_lone(groups, vs, [0.0] * 6, 1.0, 0.9) == [[0, 1], [2, 3], [4], [5]]
    # a crowded b-side (density 0.6 each) loses 0.3 of each link: the a's are now nearer
    dens = [0.0, 0.0, 0.6, 0.6, 0.0, 0.0]
    assert join_lone(groups, vs, dens, 1.0, 0.5) == [[0, 1, 4], [2, 3], [5]]


def test_group_split_average_link_cut_keeps_a_weakly_linked_pair_apart() -> None:
    from newsweave.group.split import average_link_groups, crowded

    w = numpy.array([[0, 0.5, 0.25], [0.5, 0, 0.15], [0.25, 0.15, 0]])
    assert average_link_groups(w, 0.19) == [[0, 1, 2]]  # the third links 0.20 on average
    assert average_link_groups(w, 0.21) == [[0, 1], [2]]
    # the same cosines in crowded neighbourhoods link less: the third falls off at 0.19
    assert average_link_groups(crowded(w, [0.05, 0.05, 0.05], 1.0), 0.19) == [[0, 1], [2]]


def test_group_features_figures_are_terms_but_no_candidate_keys() -> None:
    from newsweave.group.features import article_terms
    from newsweave.group.scoring import weigh

    it = GroupInput("f", "Payrolls grew by 943,000 in July as hiring rose.", title="Jobs")
    terms = article_terms(it.text, it.title)
    assert terms["943"] == 1 and terms["000"] == 1 and "in" not in terms
    f = weigh(it, {}, 1, GroupSettings())
    assert "943" in f.vector and not any(t.isdigit() for t in f.top_terms)
