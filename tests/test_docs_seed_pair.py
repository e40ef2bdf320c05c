"""docs/seed-pair.md, the worked example, checked row by row against a fresh run of the seed
pair (../shared/corpus/seeds; skipped with the reason when it is absent)."""

from __future__ import annotations

import re

import pytest

from conftest import REPO

PAGE = REPO / "docs" / "seed-pair.md"
_ROW = re.compile(r"^\| (corroborated|single_source) \| (.+?) \| (.+?) \|$")


def _rows(status: str) -> list[tuple[str, ...]]:
    """The words of each row of the page's table of `status`: its backticked phrases."""
    rows = []
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line)
        if m and m.group(1) == status:
            rows.append(tuple(re.findall(r"`([^`]+)`", m.group(2))))
    return rows


def test_docs_seed_pair_page_has_both_tables():
    # the lists: 10 corroborated facts, 13 that one report alone carries
    assert len(_rows("corroborated")) == 10 and len(_rows("single_source")) == 13
    assert all(_rows("corroborated")) and all(_rows("single_source"))


@pytest.mark.shared
@pytest.mark.parametrize("words", _rows("corroborated"), ids=" ".join)
def test_docs_seed_pair_corroborated(seed_story, words):
    hits = [p for p in seed_story.claims if all(w in p.text for w in words)]
    assert any(p.status == "corroborated" and p.independent_sources == 2 for p in hits), words


@pytest.mark.shared
@pytest.mark.parametrize("words", _rows("single_source"), ids=" ".join)
def test_docs_seed_pair_single_source(seed_story, words):
    hits = [
        p for p in seed_story.claims
        if all(w in p.text + str(p.attribution["who"]) for w in words)
    ]  # fmt: skip
    assert hits and all(p.status == "single_source" for p in hits), words


@pytest.mark.shared
def test_docs_seed_pair_counts_hold(seed_story):
    """The page's "Of its N propositions, C are corroborated, S rest on one source and none
    conflicts" is the run's."""
    text = " ".join(PAGE.read_text(encoding="utf-8").split())
    m = re.search(r"Of its (\d+) propositions \([^)]*\), (\d+) are corroborated, (\d+) rest", text)
    assert m, "the page's counts sentence"
    statuses = [p.status for p in seed_story.claims]
    assert (len(statuses), statuses.count("corroborated"), statuses.count("single_source")) == (
        int(m.group(1)), int(m.group(2)), int(m.group(3)))  # fmt: skip
    assert "none conflicts" in text and "conflicting" not in statuses


@pytest.mark.shared
def test_docs_seed_pair_framing_holds(seed_story):
    """The page's framing bullet: asserted shares, whom both lead with, and whose voice the
    contested terms are in."""
    framing = seed_story.check.framing
    assert len(framing) == 2 and all(f["lead"] == "Vladimir Putin" for f in framing.values())
    text = " ".join(PAGE.read_text(encoding="utf-8").split())
    by_voice = {
        aid: {(t["term"], t["voice"]) for t in f["contested_terms"]} for aid, f in framing.items()
    }
    (defence,) = [a for a, v in by_voice.items() if ("occupied", "outlet") in v]
    (translation,) = [a for a in by_voice if a != defence]
    assert {("incursion", "outlet"), ("invasion", "outlet"), ("liberate", "quoted"),
            ("terrorists", "quoted")} <= by_voice[defence]  # fmt: skip
    assert all(v == "quoted" for t, v in by_voice[translation] if t.startswith("liberat"))
    for aid, name in ((defence, "Defence Talks"), (translation, "the translation")):
        assert f"{name} {round(100 * framing[aid]['asserted_share'])}%" in text
