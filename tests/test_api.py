"""The Python API: newsweave.open(db).add(...) and .articles()."""

from __future__ import annotations

import pytest

import newsweave
from conftest import html_page


def test_api_open_add_articles(tmp_path):
    (tmp_path / "a.html").write_text(html_page(95), "utf-8")
    (tmp_path / "b.html").write_bytes(b"")
    with newsweave.open(tmp_path / "s.db") as nw:
        summary = nw.add(tmp_path)
        assert (summary.stored, summary.failed) == (1, 1)
        assert isinstance(summary.errors[0], newsweave.InputError)
        (a,) = list(nw.articles())
        assert a.title == "Lindholm council story number 95"
        assert nw.article(a.id) == a
        assert nw.add(tmp_path / "a.html").duplicates == 1


def test_api_all_names_exist():
    for name in newsweave.__all__:
        assert hasattr(newsweave, name), name
    assert set(newsweave.__all__) <= set(dir(newsweave))
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        newsweave.nope  # noqa: B018


def test_api_package_loads_its_names_lazily():
    """A process that imports one stage (a spawned consensus worker imports the grouper) does
    not import the pipeline, the store and the extractors with the package."""
    import subprocess
    import sys

    code = ("import sys, newsweave.group.grouper; "
            "print(sorted(m for m in ('newsweave.pipeline', 'newsweave.api', "
            "'newsweave.extract', 'newsweave.store') if m in sys.modules))")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_api_analyze_reads_and_groups(tmp_path):
    from conftest import EXAMPLES

    with newsweave.open(tmp_path / "s.db") as nw:
        nw.add(EXAMPLES / "decoy", fetch=False)
        stories = nw.analyze().stories
        assert len(stories) == 1 and stories[0].independent_sources == 2
        assert nw.stories() == list(stories)
        assert stories[0].check is not None and stories[0].claims
        first = next(iter(nw.articles()))
        assert any(e.label == "PERSON" for e in nw.reading(first.id).entities)
