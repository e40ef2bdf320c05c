"""The `Example:` blocks in the modules' docstrings run as written (doctest)."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

_SRC = Path(__file__).resolve().parents[1] / "src"
_MODULES = sorted(
    ".".join(p.relative_to(_SRC).with_suffix("").parts).removesuffix(".__init__")
    for p in (_SRC / "newsweave").rglob("*.py")
    if ">>>" in p.read_text(encoding="utf-8")
)


def test_docs_examples_are_found() -> None:
    # the grouping modules document themselves with examples; finding none means the scan broke
    assert "newsweave.group.grouper" in _MODULES


@pytest.mark.parametrize("name", _MODULES)
def test_docs_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(module, optionflags=flags, report=True)
    assert result.failed == 0, f"{result.failed} example(s) in {name} failed (see output above)"


_PAGES = sorted((Path(__file__).resolve().parents[1] / "docs").glob("*.md"))


@pytest.mark.parametrize("page", [p for p in _PAGES if ">>>" in p.read_text("utf-8")], ids=str)
def test_docs_pages_examples_run(page: Path, monkeypatch) -> None:
    monkeypatch.chdir(page.parents[1])  # the pages name files relative to the repository
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testfile(str(page), module_relative=False, optionflags=flags, report=True)
    assert result.attempted > 0 and result.failed == 0, f"{page.name}: {result.failed} failed"


def test_docs_architecture_names_every_cli_command() -> None:
    from newsweave.cli import main

    page = (Path(__file__).resolve().parents[1] / "docs" / "architecture.md").read_text("utf-8")
    line = next(ln for ln in page.splitlines() if "`newsweave extract |" in ln)
    named = {w.strip(" `;|") for w in line.split("newsweave", 1)[1].split("|")}
    assert named == set(main.commands), "docs/architecture.md's cli.py line lists other commands"
