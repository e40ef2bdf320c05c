"""Same-event clustering: joining, opening, merging stories; determinism; the seed pair."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsweave.group import Grouper, GroupInput, GroupSettings, scoring
from newsweave.group.cluster import StoryIndex

# Invented reports. Two outlets on one bridge collapse, one on an unrelated wildfire.
BRIDGE_A = (
    "The Hallsey footbridge over the Vell river collapsed on Tuesday morning in Lindholm, "
    "injuring four cyclists. Mayor Ines Borg said engineers had inspected the footbridge in "
    "March. The Lindholm council closed the riverside path and divers searched the river."
)
BRIDGE_B = (
    "Four cyclists were hurt when the Hallsey footbridge in Lindholm gave way on Tuesday. "
    "Divers searched the Vell river below the collapsed footbridge for hours. Ines Borg, the "
    "mayor, promised an inquiry into the March inspection of the footbridge."
)
FIRE = (
    "A wildfire spread across the pine forest north of Carrow on Sunday, forcing farmers to "
    "move their cattle. Fire chief Odo Renn said crews from three districts fought the flames "
    "through the night while helicopters dropped water on the ridge."
)
# Bridges the two: names the footbridge collapse and its inquiry (story 1) and a second
# report focused on the divers and the river closure (story 2) in one text.
DIVERS = (
    "Police divers from Tarn worked along the Vell river in Lindholm on Wednesday, recovering "
    "bicycles from the water below the Hallsey site. River traffic on the Vell stays closed "
    "while divers and police crews search the riverbed near Lindholm."
)
BRIDGING = BRIDGE_A + " " + DIVERS


def _item(aid: str, text: str, title: str, day: str | None = "2026-05-05", **kw) -> GroupInput:
    return GroupInput(aid, text, title=title, published=day, **kw)


def test_same_event_report_joins_the_story_and_another_event_opens_one():
    g = Grouper()
    a = g.add(_item("a", BRIDGE_A, "Footbridge collapses in Lindholm", entities=("Ines Borg",)))
    b = g.add(_item("b", BRIDGE_B, "Cyclists hurt as footbridge gives way",
                    entities=("Ines Borg",)))  # fmt: skip
    c = g.add(_item("c", FIRE, "Wildfire north of Carrow", entities=("Odo Renn",)))
    assert a.new_story and not b.new_story and c.new_story
    assert b.story_id == a.story_id != c.story_id
    assert b.duplicate_of is None  # a rewrite in other words is no copy
    story = g.story(a.story_id)
    assert story.article_ids == ("a", "b") and story.independent_sources == 2


def test_story_window_keeps_a_later_event_apart():
    g = Grouper(GroupSettings(story_window_days=3))
    a = g.add(_item("a", BRIDGE_A, "Footbridge collapses", day="2026-05-05"))
    b = g.add(_item("b", BRIDGE_B, "Footbridge gives way", day="2026-09-05"))
    assert a.story_id != b.story_id


def test_an_article_bridging_two_stories_merges_them():
    settings = replace(GroupSettings(), join_score=0.3, bridge_score=0.3)
    g = Grouper(settings)
    a = g.add(_item("a", BRIDGE_A, "Footbridge collapses in Lindholm"))
    d = g.add(_item("d", DIVERS, "Divers search the Vell"))
    assert d.story_id != a.story_id
    m = g.add(_item("m", BRIDGING, "Footbridge collapse: divers search the Vell"))
    assert m.merged_story_ids == (d.story_id,) and m.story_id == a.story_id
    assert g.story_of("d") == a.story_id
    assert [s.article_ids for s in g.stories()] == [("a", "d", "m")]
    assert g.story(d.story_id).id == a.story_id  # a merged id still finds its story


def test_grouping_is_deterministic_for_an_input_order():
    items = [
        _item("a", BRIDGE_A, "Footbridge collapses"),
        _item("f", FIRE, "Wildfire"),
        _item("b", BRIDGE_B, "Footbridge gives way"),
        _item("d", DIVERS, "Divers"),
    ]
    runs = []
    for _ in range(2):
        g = Grouper()
        runs.append([g.add(i) for i in items] + [s.to_dict() for s in g.stories()])
    assert runs[0] == runs[1]


def test_representative_title_is_the_shared_headline():
    g = Grouper()
    g.add(_item("a", BRIDGE_A, "Lindholm footbridge collapses, four cyclists hurt"))
    g.add(_item("b", BRIDGE_B, "Footbridge collapses in Lindholm"))
    g.add(_item("c", BRIDGE_A + " Updated.", "Shock on the river"))
    assert g.stories()[0].title == "Footbridge collapses in Lindholm"


def test_settings_are_validated():
    with pytest.raises(ValueError, match="near_copy_jaccard"):
        GroupSettings(near_copy_jaccard=1.5)
    with pytest.raises(ValueError, match="bridge_score"):
        GroupSettings(join_score=0.5, bridge_score=0.4)


@pytest.mark.shared
def test_seed_pair_is_one_story_with_two_independent_sources(seed_000, seed_003):
    from newsweave.extract.scraped import clean_scraped

    g = Grouper()
    for path in (seed_000, seed_003):
        ex = clean_scraped(path.read_text(encoding="utf-8"))
        g.add(GroupInput(path.stem, ex.text, title=ex.title, published=ex.published))
    (story,) = g.stories()
    assert story.article_count == 2 and story.independent_sources == 2


def test_old_stories_keep_their_facts_after_leaving_the_window():
    g = Grouper(GroupSettings(story_window_days=3))
    a = g.add(_item("a", BRIDGE_A, "Footbridge collapses", day="2026-05-05"))
    g.add(_item("f", FIRE, "Wildfire", day="2026-06-20"))
    old = g.story(a.story_id)
    assert old.article_ids == ("a",) and old.title == "Footbridge collapses"
    assert old.first_published == "2026-05-05"


def _story_of_matches_members(g: Grouper) -> bool:
    members = {a: st.id for st in g.stories() for a in st.article_ids}
    return {a: g.story_of(a) for a in members} == members


def test_group_cluster_story_of_follows_restore_and_settle():
    # the story index is the one record of which story holds an article
    s = GroupSettings(story_window_days=3)
    items = [_item("a", BRIDGE_A, "Footbridge collapses", day="2026-05-05"),
             _item("b", BRIDGE_B, "Footbridge gives way", day="2026-06-19"),
             _item("f", FIRE, "Wildfire", day="2026-06-20")]  # fmt: skip
    # "s-old" is past twice the window: restored retired, in no index
    g = Grouper.restore(items, [("s-old", ("a",), None), ("s-new", ("b", "f"), None)], {}, s)
    assert [g.story_of(a) for a in "abf"] == ["s-old", "s-new", "s-new"]
    c = _item("c", FIRE + " Crews returned on Monday.", "Wildfire again", day="2026-06-21")
    g.add(c)
    g.settle([*items, c])
    assert _story_of_matches_members(g) and g.story_of("c") == g.story_of("f")


@pytest.mark.parametrize(
    ("mine", "theirs", "expected"),
    [
        # same protagonist: no conflict
        ({"arlo venn": 5, "tarn hawks": 2}, {"arlo venn": 9, "tarn hawks": 6}, 0.0),
        # a passing name (fewer than 4 mentions) cannot veto the story
        ({"pim osk": 3, "tarn hawks": 2}, {"arlo venn": 9, "tarn hawks": 6}, 0.0),
        # another coach fired by the same club: each side's protagonist absent on the other
        ({"pim osk": 6, "tarn hawks": 2}, {"arlo venn": 9, "tarn hawks": 6}, 0.6),
    ],
)
def test_participant_conflict_needs_a_salient_protagonist_the_story_lacks(mine, theirs, expected):
    from collections import Counter

    from newsweave.group.scoring import participant_conflict

    got = participant_conflict(Counter(mine), Counter(theirs), 4)
    assert got == pytest.approx(expected)


def test_participant_settings_are_validated():
    with pytest.raises(ValueError, match="participant_min_mentions"):
        GroupSettings(participant_min_mentions=0)


# A divers report that joins the collapse story weakly, then a divers report whose main
# participant is not the collapse story's opens its own story.
DIVERS_LATER = (
    "Tarn police divers recovered more bicycles from the Vell riverbed on Wednesday. Diver "
    "chief Odo Renn said river traffic stays closed while police crews search the water."
)


@pytest.mark.parametrize("margin", [0.0, 1.0])
def test_doubtful_member_moves_to_the_story_it_matches_better(margin):
    from newsweave.group.cluster import StoryIndex

    s = GroupSettings(join_score=0.05, doubt_margin=margin, doubt_gain=0.0)
    idx = StoryIndex(s)

    def feats(aid, title, text, entities=()):
        return idx.features(GroupInput(aid, text, title=title, entities=entities))

    idx.assign("a", feats("a", "Footbridge collapses", BRIDGE_A, ("Ines Borg",) * 4))
    idx.assign("x", feats("x", "Divers search the Vell", DIVERS))
    y = idx.assign("y", feats("y", "Divers recover bicycles", DIVERS_LATER, ("Odo Renn",) * 5))
    assert y[2]  # y opened a story
    groups = [st.article_ids for st in idx.stories()]
    if margin:
        assert idx.take_moves() == [("x", y[0])] and groups == [["a"], ["y", "x"]]
        assert idx.take_moves() == []
    else:  # re-checking off: x stays where it joined
        assert idx.take_moves() == [] and groups == [["a", "x"], ["y"]]


def test_doubt_settings_are_validated():
    with pytest.raises(ValueError):
        GroupSettings(doubt_margin=-0.1)
    with pytest.raises(ValueError):
        GroupSettings(doubt_keep=0)


def test_grouper_reports_a_moved_article_and_follows_it():
    g = Grouper(GroupSettings(join_score=0.05, doubt_margin=1.0, doubt_gain=0.0))
    g.add(GroupInput("a", BRIDGE_A, title="Footbridge collapses", entities=("Ines Borg",) * 4))
    g.add(GroupInput("x", DIVERS, title="Divers search the Vell"))
    y = g.add(GroupInput("y", DIVERS_LATER, title="Divers recover bicycles",
                         entities=("Odo Renn",) * 5))  # fmt: skip
    assert y.moved == (("x", y.story_id),)
    assert g.story_of("x") == y.story_id
    assert sorted(s.article_ids for s in g.stories()) == [("a",), ("y", "x")]


_EVERYWHERE = (
    "Senators debated the farm subsidy bill for corn growers late into the night.",
    "A wildfire forced ranchers in the valley to move their cattle south on Sunday.",
    "The central bank raised interest rates by half a point to cool prices.",
    "Astronomers photographed a comet passing close to the outer planets.",
    "The ferry operator cancelled crossings after a strike by harbour pilots.",
    "Teachers marched through the capital demanding smaller classes and pay.",
)


@pytest.mark.parametrize(
    ("offset", "floor", "strength", "stories"),
    [(1.0, 2.5, 0.0, 1), (0.0, 10.0, 0.0, 6), (0.0, 10.0, 1.0, 6)],
)
def test_group_cluster_a_name_in_every_article_does_not_make_one_story(
    offset, floor, strength, stories
):
    # a president named three times in every report of unrelated events: with the old
    # name weighting (smoothed IDF, low floor) that one name joins them all
    s = replace(
        GroupSettings(),
        name_idf_offset=offset,
        name_floor=floor,
        name_strength=strength,
        name_idf_articles=0,
    )
    g = Grouper(s)
    for k, text in enumerate(_EVERYWHERE):
        g.add(GroupInput(f"a{k}", text, entities=("Trump",) * 3))
    assert len(g.stories()) == stories


_SUBSIDY_A = (
    "Senators debated the farm subsidy bill for corn growers and voted it down late on Monday."
)
_SUBSIDY_B = (
    "The farm subsidy bill for corn growers failed in the Senate after senators debated it."
)


def _subsidy_score(strength: float, names: tuple[str, ...]) -> float:
    """The score of report B against the story of report A, after five unrelated reports;
    every report names `names`."""
    idx = StoryIndex(replace(GroupSettings(), name_strength=strength, name_idf_articles=0))
    for k, text in enumerate(_EVERYWHERE[1:]):
        idx.assign(f"o{k}", idx.features(GroupInput(f"o{k}", text, entities=names)))
    idx.assign("a", idx.features(GroupInput("a", _SUBSIDY_A, entities=names)))
    scored = idx.score_candidates(idx.features(GroupInput("b", _SUBSIDY_B, entities=names)))
    return dict((sid, sc) for sc, sid in scored)["s-a"]


def test_group_cluster_a_name_found_everywhere_leaves_the_score_to_the_words():
    # AllSides: two excerpts of one story each name only Trump (in 41% of the corpus); the
    # name view's cosine is ~0 and, at full weight, halved the score the words gave them
    words_only = _subsidy_score(1.0, ())
    assert _subsidy_score(1.0, ("Trump",)) == pytest.approx(words_only)
    assert _subsidy_score(0.0, ("Trump",)) == pytest.approx(words_only / 2, rel=0.05)


def test_group_cluster_average_link_draws_less_into_a_story_of_two_events():
    # a story whose members disagree has a short centroid, and the cosine with it rewards
    # that: a report of one member's event scores higher on the mixed story than it should
    def scores(average_link: float) -> tuple[float, float]:
        idx = StoryIndex(replace(GroupSettings(), average_link=average_link))
        texts = (("a", _EVERYWHERE[0]), ("b", _EVERYWHERE[1]), ("a2", _EVERYWHERE[0] + " Again."))
        f = {k: idx.features(GroupInput(k, t)) for k, t in texts}
        new = idx.features(GroupInput("c", _SUBSIDY_A))
        idx.rebuild([[("a", f["a"]), ("b", f["b"])]])
        mixed = idx.score_candidates(new)[0][0]
        idx.rebuild([[("a", f["a"]), ("a2", f["a2"])]])
        return mixed, idx.score_candidates(new)[0][0]

    (mixed0, same0), (mixed, same) = scores(0.0), scores(GroupSettings().average_link)
    assert mixed < 0.9 * mixed0
    assert same == pytest.approx(same0, rel=0.02)


def test_pair_parts_says_what_scoring_sees_of_two_articles():
    idx = StoryIndex(GroupSettings())
    a = idx.features(GroupInput("a", BRIDGE_A, title="Footbridge collapses"))
    b = idx.features(GroupInput("b", BRIDGE_A, title="Footbridge collapses"))
    text, names, weight, score = idx.pair_parts(a, b)
    assert text == pytest.approx(1.0) and names is None and score == pytest.approx(1.0)


@pytest.mark.parametrize("keep", [1, 3, 5, 8, 20])
def test_group_cluster_top_items_are_sorted_by_value_then_key(keep):
    # ties at the cut: the three 0.5 entries are taken by key; a value repeated above the cut
    d = {"m": 0.5, "b": 0.5, "z": 2.0, "a": 0.1, "k": 0.5, "c": 2.0, "q": 0.9, "e": 0.1}
    want = sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    assert scoring.top_items(d, keep) == want


def test_group_cluster_pair_scores_known_pairs_are_reused_and_scored_alike():
    idx = StoryIndex(GroupSettings())
    texts = {"a": BRIDGE_A, "b": BRIDGE_B, "f": FIRE, "d": DIVERS}
    feats = {k: idx.features(GroupInput(k, t)) for k, t in texts.items()}
    plain = idx.pair_scores(list(feats.values()))
    known: dict = {}
    assert idx.pair_scores(list(feats.values()), list(feats), known) == plain
    assert set(known) == {("a", "b"), ("a", "f"), ("a", "d"), ("b", "f"), ("b", "d"), ("d", "f")}
    assert plain[0][1] == plain[1][0] > plain[0][2] and plain[0][0] == 0.0
    # a known pair is taken as given (it is not scored again), in either order of the ids
    known[("a", "b")] = 0.123
    got = idx.pair_scores([feats["b"], feats["a"], feats["f"]], ["b", "a", "f"], known)
    assert got[0][1] == got[1][0] == 0.123 and got[1][2] == plain[0][2]


def test_group_cluster_count_takes_each_key_once_per_article() -> None:
    from newsweave.group.cluster import StoryIndex

    idx = StoryIndex(GroupSettings())
    item = GroupInput(
        "a1",
        "The harbour wall and the harbour gate were inspected.",
        title="Harbour wall",
        entities=("Ana Lind", "ana lind", "Port Board"),
        places=("Lindholm", "LINDHOLM"),
        times=("2026-05-02", "wd:monday"),
    )
    idx.count(item)
    idx.count(replace(item, article_id="a2", entities=("Port Board",), places=(), times=()))
    df, n = idx.idf_table()
    assert n == 2
    assert df["harbour"] == 2 and df["e:port board"] == 2
    assert df["e:ana lind"] == 1 and df["p:lindholm"] == 1
    assert df["w:2026-05-02"] == df["w:2026-05"] == df["w:--05-02"] == df["w:wd:monday"] == 1
    assert "e:Ana Lind" not in df and "p:LINDHOLM" not in df


def test_group_cluster_stored_features_share_their_words() -> None:
    # decoded features intern their terms and names: 100,000 stored articles hold each word once
    from newsweave.group import prepare

    s = GroupSettings()
    f = prepare.text_features("The harbour wall in Lindholm was inspected.", "Harbour", s)
    row = prepare.encode(f, {"entities": ["Lindholm council"], "places": [], "times": []})
    (a, names_a), (b, names_b) = prepare.decode(*row), prepare.decode(*row)
    assert a == f and names_a == {"entities": ["Lindholm council"], "places": [], "times": []}
    word = next(t for t in a.terms if t.startswith("harbour"))
    assert next(t for t in b.terms if t == word) is word
    assert names_a["entities"][0] is names_b["entities"][0]
