"""End to end on the bundled example corpus (written by us) and on the real seed pair."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, REPO
from newsweave.cli import main
from newsweave.pipeline import run
from newsweave.settings import DEFAULTS

# every test here runs the whole pipeline over a corpus
pytestmark = pytest.mark.slow

EXPECTED = json.loads((REPO / "examples" / "expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def example_articles():
    arts, errors = {}, []

    def collect(o):
        if o.article:
            arts[o.source.split("corpus/", 1)[1]] = o.article
        else:
            errors.append(o.error)

    run([str(EXAMPLES)], DEFAULTS, on_outcome=collect, fetch=False)
    assert errors == []
    return arts


def _expected():
    return [pytest.param(e, id=e["source"]) for e in EXPECTED["articles"]]


@pytest.mark.parametrize("exp", _expected())
def test_examples_metadata_matches_ground_truth(example_articles, exp):
    a = example_articles[exp["source"]]
    assert a.title == exp["title"]
    assert a.language == exp["language"]
    # where the page carries no dated line the true date is not recoverable: never guess it
    stated = not exp["published_from"].startswith("none")
    want_date = (exp["published"] or "")[:10] if stated else None
    assert a.published == want_date, a.provenance.get("published")
    assert a.captured == ((exp.get("captured") or "")[:10] or None)
    assert list(a.authors) == exp["authors"]


@pytest.mark.parametrize("exp", _expected())
def test_examples_outlet_named_when_the_page_names_it(example_articles, exp):
    a = example_articles[exp["source"]]
    if a.provenance.get("outlet") == "url":  # the page never names itself: the domain stands in
        assert exp["url"] and a.outlet in exp["url"]
    else:
        assert a.outlet == exp["outlet"]


def test_examples_scraped_pages_lose_their_chrome(example_articles):
    a = example_articles["bridge/lenne-valley-live_tessel-bridge.txt"]
    for chrome in ("Trending now", "Share on Facebook", "Leave a comment", "Most read"):
        assert chrome not in a.text and chrome in a.removed


@pytest.mark.shared
def test_seed_pair_through_the_cli(seeds, tmp_path):
    out = tmp_path / "seeds.jsonl"
    result = CliRunner().invoke(main, ["extract", str(seeds), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    rows = {r["source"].rsplit("/", 1)[1][:3]: r for r in map(json.loads, out.open())}
    s0, s3 = rows["000"], rows["003"]
    assert s0["title"].startswith("Putin makes an unannounced visit to Kursk")
    assert (s0["outlet"], s0["authors"]) == ("Defence Talks", ["Hammad Saeed"])
    assert s0["published"] is None  # "Tuesday, June 17, 2025" is the capture date
    assert s0["captured"] == "2025-06-17"
    assert s0["text"].startswith("President Vladimir Putin unexpectedly visited")
    assert s0["text"].rstrip().endswith("in the coming days.”")
    assert "Photo: Kremlin Press Service" in s3["removed"]
    assert "Kremlin Press Service" not in s3["text"]
    assert s0["language"] == s3["language"] == "en"


# GPE and LOC both name a place: the small model and the gazetteer disagree on rivers and ridges
_PLACE = {"GPE", "LOC"}
# Mentions the reader still labels wrong (known, not hidden); none today.
_KNOWN_WRONG: set[str] = set()


@pytest.fixture(scope="module")
def example_entities(example_articles):
    from newsweave.read.stage import read_articles

    labels: dict[str, list[str]] = {}
    for reading in read_articles(example_articles.values()):
        for e in reading.entities:
            labels.setdefault(e.text, []).append(e.label)
    return labels


def _expected_entities():
    for e in EXPECTED["entities"]:
        marks = [pytest.mark.xfail(strict=True, reason="known mislabel")]
        yield pytest.param(e, id=e["text"], marks=marks if e["text"] in _KNOWN_WRONG else ())


@pytest.mark.parametrize("exp", list(_expected_entities()))
def test_examples_entity_labels_match_ground_truth(example_entities, exp):
    want = _PLACE if exp["label"] in _PLACE else {exp["label"]}
    got = example_entities.get(exp["text"], [])
    assert got, f"{exp['text']} is never recognised"
    assert set(got) <= want, (exp["text"], got)


def test_examples_wire_dateline_is_not_quoted_content(example_articles):
    from newsweave.read.stage import read_articles

    a = example_articles["bridge/harbourline_wire-bridge-collapse.html.gz"]
    [reading] = read_articles([a])
    assert reading.quotes
    assert not [q for q in reading.quotes if "OSTWYN, March 10" in q.text]
    [lead] = [q for q in reading.quotes if q.speaker_text == "emergency services"]
    assert lead.text.startswith("At least seven people died")
