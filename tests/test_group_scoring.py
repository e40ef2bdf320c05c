"""Scoring's crowded neighbourhoods: each article's local density and the score's shift."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsweave.group import Grouper, GroupInput, GroupSettings
from newsweave.group.cluster import StoryIndex, StoryState
from newsweave.group.scoring import crowding, local_density

# Invented reports: eight of one much-covered council budget vote (each close to the others),
# and two of a ferry aground that share only "ferry" and "vessel".
CROWD = [
    GroupInput(
        f"c{i}",
        f"The council budget vote in Lindholm went ahead on day {i}; councillors debated the "
        f"budget, the vote and the council tax for {hours} hours.",
        title=f"Lindholm council budget vote {hours}",
    )
    for i, hours in enumerate(("two", "three", "four", "five", "six", "seven", "eight", "nine"))
]
FERRY = [
    GroupInput(
        "ferry-a",
        "A ferry ran aground off Brekka harbour; coastguards towed the vessel free at dawn, "
        "and divers checked the hull.",
        title="Ferry aground near Brekka",
    ),
    GroupInput(
        "ferry-b",
        "Tugboats freed the stranded ferry at sunrise; no passengers were hurt, inspectors "
        "examined the keel and the vessel.",
        title="Passengers safe after tow",
    ),
]


def test_group_scoring_local_density_is_high_in_a_crowd_and_low_alone() -> None:
    crowd = [{"budget": 1.0}, {"budget": 0.8, "vote": 0.6}, {"budget": 0.6, "vote": 0.8}]
    d = local_density([*crowd, {"ferry": 1.0}], 2)
    assert d[3] < 0 < min(d[:3])
    assert sum(d) == pytest.approx(0.0)


def test_group_scoring_local_density_needs_more_articles_than_neighbours() -> None:
    assert local_density([{"a": 1.0}, {"a": 1.0}], 2) == [0.0, 0.0]


def test_group_scoring_crowding_lowers_the_score_by_hub_weight() -> None:
    s = GroupSettings(hub_weight=0.5)
    idx = StoryIndex(s, density={"ferry-a": 0.3, "ferry-b": 0.1})
    a, b = (idx.features(it) for it in FERRY)
    plain = StoryIndex(replace(s, hub_weight=0.0))
    pa, pb = (plain.features(it) for it in FERRY)
    st, pst = StoryState(id="s", order=0), StoryState(id="p", order=0)
    idx._add_to(st, "ferry-b", b)
    plain._add_to(pst, "ferry-b", pb)
    assert crowding(a, st) == pytest.approx(0.2)
    assert idx._score(a, idx._mine(a), st) == pytest.approx(
        plain._score(pa, plain._mine(pa), pst) - 0.5 * 0.2
    )


def _grouped(hub_weight: float, some: bool = False) -> Grouper:
    """CROWD and FERRY added, then settled whole or (`some`) as an incremental run settles
    the stories the two ferry reports opened."""
    items = CROWD + FERRY
    g = Grouper(GroupSettings(hub_weight=hub_weight, hub_neighbours=3, consensus_workers=1))
    for it in items:
        g.add(it)
    if some:
        g.settle_some(items, [g.story_of("ferry-a"), g.story_of("ferry-b")])
    else:
        g.settle(items)
    return g


def test_group_scoring_settle_joins_two_sparse_reports_beside_a_crowded_topic() -> None:
    plain, hub = _grouped(0.0), _grouped(1.0)
    # their few shared words score under join_score: apart without the density shift
    assert plain.story_of("ferry-a") != plain.story_of("ferry-b")
    # both sit far from every other report, the budget reports close to each other: together
    assert hub.story_of("ferry-a") == hub.story_of("ferry-b")
    assert {len(st.article_ids) for st in hub.stories()} == {8, 2}


def test_group_scoring_hub_settings_are_validated() -> None:
    with pytest.raises(ValueError, match="hub_weight"):
        GroupSettings(hub_weight=-0.1)
    with pytest.raises(ValueError, match="hub_neighbours"):
        GroupSettings(hub_neighbours=0)


def test_group_scoring_settle_some_measures_densities_among_the_whole_store() -> None:
    plain = _grouped(0.0, some=True)
    assert plain.story_of("ferry-a") != plain.story_of("ferry-b")
    hub = _grouped(1.0, some=True)
    assert hub.story_of("ferry-a") == hub.story_of("ferry-b")
    assert sorted(len(st.article_ids) for st in hub.stories())[-1] == 8


def test_group_scoring_density_of_a_few_articles_among_many():
    # an incremental settle asks for its touched articles' densities among the whole store
    import random

    from newsweave.group import scoring

    rng = random.Random(3)
    vectors = []
    for _ in range(60):
        terms = {f"t{rng.randrange(40)}": rng.random() + 0.1 for _ in range(6)}
        norm = sum(x * x for x in terms.values()) ** 0.5
        vectors.append({t: x / norm for t, x in terms.items()})
    full = scoring.local_density(vectors, 5)
    few = [3, 17, 42]
    assert scoring.local_density(vectors, 5, few) == [full[i] for i in few]
    # past DENSITY_SAMPLE the mean comes from an even sample: close, not equal
    saved, scoring.DENSITY_SAMPLE = scoring.DENSITY_SAMPLE, 20
    try:
        sampled = scoring.local_density(vectors, 5, few)
    finally:
        scoring.DENSITY_SAMPLE = saved
    assert sampled != [full[i] for i in few]
    assert max(abs(a - full[i]) for a, i in zip(sampled, few, strict=True)) < 0.05


def test_group_scoring_tfidf_rows_are_the_vectors_weigh_gives() -> None:
    # an incremental settle weighs every stored article's text only, in numpy: the same floats
    import numpy

    from newsweave.group import scoring
    from newsweave.group.grouper import prepared

    s = GroupSettings()
    items = [prepared(it, s) for it in CROWD + FERRY]
    idx = StoryIndex(s)
    for it in items:
        idx.count(it)
    whole = scoring.sparse_rows([idx.features(it, count=False).vector for it in items])
    rows = idx.text_rows(items)
    assert rows.shape == whole.shape
    for a, b in (
        (rows.indptr, whole.indptr),
        (rows.indices, whole.indices),
        (rows.data, whole.data),
    ):
        assert numpy.array_equal(a, b)
    assert scoring.row_density(rows, 3, [0, 9]) == scoring.local_density(
        [idx.features(it, count=False).vector for it in items], 3, [0, 9]
    )


def test_group_scoring_tfidf_rows_of_a_long_count_and_an_empty_text() -> None:
    from collections import Counter

    from newsweave.group import scoring

    tf = [Counter({"ferry": 300, "harbour": 1}), Counter(), Counter({"harbour": 2})]
    rows = scoring.tfidf_rows(tf, Counter({"ferry": 1, "harbour": 2}), 3)
    dense = rows.toarray()
    assert dense.shape == (3, 2)
    assert dense[1].tolist() == [0.0, 0.0]  # no terms: an empty row
    assert dense[2].tolist() == [0.0, 1.0]
    assert abs(float((dense[0] ** 2).sum()) - 1.0) < 1e-6
    assert dense[0][0] > dense[0][1] > 0  # 1 + log(300) outweighs the rarer term's one


def test_group_scoring_settle_some_with_densities_does_not_split_its_own_stories(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # with hub_weight the first of the consensus runs is an order of its own, so the
    # grouper's own stories are not split before it (that split was thrown away)
    calls = []
    real = Grouper._split

    def counted(self, feats, pairs=None):
        calls.append(self)
        return real(self, feats, pairs)

    monkeypatch.setattr(Grouper, "_split", counted)
    items = CROWD + FERRY
    g = Grouper(GroupSettings(hub_neighbours=3, consensus_workers=1))
    for it in items:
        g.add(it)
    g.settle_some(items, [s.id for s in g.stories()])
    assert calls and g not in calls  # the runs split their stories, the grouper does not
    assert sorted(len(st.article_ids) for st in g.stories())[-1] == 8
    calls.clear()
    plain = Grouper(GroupSettings(hub_weight=0.0, consensus_workers=1))
    for it in items:
        plain.add(it)
    plain.settle_some(items, [s.id for s in plain.stories()])
    assert plain in calls  # without densities its own split stories are the first run
