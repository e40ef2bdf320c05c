"""Grouping over the store: `newsweave analyze` fills stories and copy links, run after run."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, REPO
from newsweave.cli import main

EXPECTED = json.loads((REPO / "examples" / "expected.json").read_text("utf-8"))


def _analyze(inputs, db):
    result = CliRunner().invoke(main, ["analyze", *map(str, inputs), "--db", str(db), "-q",
                                       "--out", "-"])  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _by_source(report):
    return {a["id"]: a["source"].split("corpus/", 1)[-1] for a in report["articles"]}


@pytest.fixture(scope="module")
def example_report(tmp_path_factory):
    return _analyze([EXAMPLES], tmp_path_factory.mktemp("group") / "s.db")


@pytest.mark.slow
def test_group_examples_form_the_expected_stories(example_report):
    names = _by_source(example_report)
    got = sorted(sorted(names[a] for a in s["article_ids"]) for s in example_report["stories"])
    want = sorted(sorted(s["articles"]) for s in EXPECTED["stories"])
    assert got == want


@pytest.mark.slow
def test_group_examples_independent_sources(example_report):
    names = _by_source(example_report)
    want = {frozenset(s["articles"]): len(s["independent_sources"]) for s in EXPECTED["stories"]}
    for s in example_report["stories"]:
        key = frozenset(names[a] for a in s["article_ids"])
        assert s["independent_sources"] == want[key], s["title"]


@pytest.mark.slow
def test_group_examples_copy_links(example_report):
    names = _by_source(example_report)
    ids = {v: k for k, v in names.items()}
    for copy in EXPECTED["copies"]:
        fullest = ids[copy["fullest"]]
        for src in copy["articles"]:
            a = next(x for x in example_report["articles"] if x["id"] == ids[src])
            assert a["duplicate_of"] == (None if a["id"] == fullest else fullest), src


@pytest.mark.slow
def test_group_second_run_adds_to_existing_stories(tmp_path):
    db = tmp_path / "s.db"
    first = _analyze([EXAMPLES / "bridge" / "ostwyn-courier_tessel-bridge-collapse.html"], db)
    assert len(first["stories"]) == 1
    story_id = first["stories"][0]["id"]
    second = _analyze([EXAMPLES / "bridge" / "tpr_ostwyn-bridge-37-bridges.html"], db)
    (story,) = second["stories"]
    assert story["id"] == story_id and len(story["article_ids"]) == 2
    listing = CliRunner().invoke(main, ["stories", "--db", str(db), "--json"])
    assert [json.loads(line)["id"] for line in listing.stdout.splitlines()] == [story_id]
    shown = CliRunner().invoke(main, ["story", story_id, "--db", str(db)])
    assert shown.exit_code == 0 and "2 articles" in shown.stdout


@pytest.mark.slow
@pytest.mark.shared
def test_group_seed_pair_is_one_story_with_two_independent_sources(seeds, tmp_path):
    report = _analyze([seeds], tmp_path / "s.db")
    (story,) = report["stories"]
    assert len(story["article_ids"]) == 2 and story["independent_sources"] == 2


def test_group_stage_person_keyed_by_surname():
    # another article may only ever say "Dahl": people are keyed by surname across articles
    from newsweave.group.stage import group_input
    from newsweave.model import Article, Entity, Reading

    text = "Mayor Elin Dahl opened the bridge."
    article = Article(id="0123456789abcdef", source="a.txt", text=text)
    person = Entity("Elin Dahl", "PERSON", "Elin Dahl", 6, 15)
    reading = Reading(article.id, entities=(person,))
    assert group_input(article, reading).entities == ("Dahl",)
