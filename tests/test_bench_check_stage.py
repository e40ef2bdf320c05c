"""How the check benchmarks read the stage's output, on invented stories and a stand-in stage."""

import sys
import types

from benchmarks.check import stage
from benchmarks.check.align import EcbSentence, predicted_pairs
from benchmarks.check.brief import Roundup, brief_defects, brief_text, oracle

from newsweave.model import Article, Reading


def _sent(key, doc, span):
    return EcbSentence(key, doc, "1", "", frozenset(), span)


def test_bench_check_stage_evidence_overlapping_two_articles_sentences_is_a_pair():
    sents = [_sent("d1#1", "d1", (0, 20)), _sent("d1#2", "d1", (21, 40)),
             _sent("d2#1", "d2", (0, 30)), _sent("d3#4", "d3", (50, 60))]  # fmt: skip
    checked = {"claims": [
        {"id": "c1", "evidence": [{"article_id": "A1", "start": 5, "end": 25},
                                  {"article_id": "A2", "start": 29, "end": 35}]},
        {"id": "c2", "evidence": [{"article_id": "A3", "start": 40, "end": 50}]},
    ]}  # fmt: skip
    got = predicted_pairs(checked, sents, {"A1": "d1", "A2": "d2", "A3": "d3"})
    # c1 touches d1#1, d1#2 (same article: no pair) and d2#1; c2 ends where d3#4 starts
    assert got == {("d1#1", "d2#1"), ("d1#2", "d2#1")}


def test_bench_check_stage_brief_defects_count_missing_status_or_citation():
    checked = {"brief": [{"text": "A.", "status": "corroborated", "article_ids": ["a", "b"]},
                         {"text": "B.", "status": "", "article_ids": ["a"]},
                         {"text": "C.", "status": "single_source", "article_ids": []}]}  # fmt: skip
    assert brief_text(checked) == "A. B. C."
    assert brief_defects(checked) == 2


def test_bench_check_stage_run_check_calls_the_stage_with_story_and_docs(monkeypatch):
    seen = {}

    class Settings:
        pass

    class Checked:
        def to_dict(self):
            return {"claims": [], "brief": []}

    def check_story(story, docs, settings):
        seen.update(story=story, docs=docs, settings=settings)
        return Checked()

    fake = types.ModuleType("newsweave.check")
    fake.check_story, fake.CheckSettings = check_story, Settings
    monkeypatch.setitem(sys.modules, "newsweave.check", fake)
    monkeypatch.setattr(stage, "readings", lambda arts: [Reading(a.id) for a in arts])
    arts = [Article(id="a1", source="x", text="One."), Article(id="a2", source="y", text="Two.")]
    assert stage.run_check("s1", arts) == {"claims": [], "brief": []}
    assert seen["story"].article_ids == ("a1", "a2") and seen["story"].id == "s1"
    assert [(a.id, r.article_id) for a, r in seen["docs"]] == [("a1", "a1"), ("a2", "a2")]
    assert isinstance(seen["settings"], Settings)


def test_bench_check_stage_absent_stage_gives_none(monkeypatch):
    monkeypatch.setitem(sys.modules, "newsweave.check", None)  # import raises ImportError
    assert stage.check_stage() is None
    assert stage.run_check("s", []) is None


def test_bench_check_stage_oracle_takes_the_sentences_that_raise_rouge2_in_text_order():
    a = Article(id="a", source="a", text="Nobody was hurt. Rain fell all day. The river rose fast.")
    b = Article(id="b", source="b", text="Officials said the river rose fast overnight.")
    got = oracle(Roundup("0", "the river rose fast and nobody was hurt", [a, b]))
    # "Rain fell all day." adds no bigram of the reference; b repeats what a's third sentence has
    assert got == "Nobody was hurt. The river rose fast."
