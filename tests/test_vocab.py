"""The shared vocabularies (src/newsweave/vocab.py)."""

from __future__ import annotations

import pytest

from newsweave import vocab

# Every module holding vocabularies: the shared one and each stage's *_vocab.py.
VOCAB_MODULES = (
    "newsweave.vocab",
    "newsweave.extract.metadata_vocab",
    "newsweave.extract.scraped_vocab",
    "newsweave.read.entities_vocab",
    "newsweave.read.quotes_vocab",
)


def test_vocab_modules_are_all_listed() -> None:
    from conftest import REPO

    found = {
        "newsweave." + ".".join(p.relative_to(REPO / "src" / "newsweave").with_suffix("").parts)
        for p in (REPO / "src" / "newsweave").rglob("*_vocab.py")
        if "bench" not in p.parts
    }
    assert found | {"newsweave.vocab"} == set(VOCAB_MODULES)


def _lists(module):
    """(name, entries) of each word list of a module: tuples of words, the words of tuples of
    (word, value) pairs, and each tuple of words held in a dict (CUE_KINDS)."""
    for name, value in vars(module).items():
        if isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(inner, tuple):
                    yield f"{name}[{key!r}]", inner
        elif isinstance(value, tuple) and value and not name.startswith("__"):
            yield name, tuple(v[0] if isinstance(v, tuple) else v for v in value)


@pytest.mark.parametrize("module_name", VOCAB_MODULES)
def test_vocab_lists_hold_no_duplicate_entry(module_name) -> None:
    import importlib

    module = importlib.import_module(module_name)
    found = {}
    for name, entries in _lists(module):
        twice = sorted({e for e in entries if entries.count(e) > 1}, key=str)
        if twice:
            found[name] = twice
    assert found == {}, "a word listed twice (a second entry adds nothing, hides a typo)"


def test_vocab_function_word_lists_nest() -> None:
    frequent, prose = set(vocab.FREQUENT_FUNCTION_WORDS), set(vocab.PROSE_FUNCTION_WORDS)
    assert frequent < prose
    assert prose - vocab.ENGLISH_STOP_WORDS == {"did", "does", "just"}


def test_vocab_stop_words_equal_scikit_learns_list() -> None:
    text = pytest.importorskip("sklearn.feature_extraction.text", reason="scikit-learn absent")
    assert vocab.ENGLISH_STOP_WORDS == text.ENGLISH_STOP_WORDS


def test_vocab_month_numbers_cover_every_english_month_word() -> None:
    numbers = dict(vocab.MONTH_NUMBERS)
    assert [numbers[m] for m in vocab.MONTH_NAMES] == list(range(1, 13))
    assert all(w in numbers for w in vocab.ENGLISH_MONTH_WORDS)
    assert numbers["sept"] == 9 and numbers["märz"] == 3


def test_vocab_weekdays_in_date_weekday_order() -> None:
    from datetime import date

    monday = date(2026, 11, 30)
    assert vocab.WEEKDAYS[monday.weekday()] == "monday"
    assert vocab.WEEKDAYS[date(2026, 12, 6).weekday()] == "sunday"


# The lists that had a second home (month names in the ECB+ loader, the title filler words in
# extract/metadata_title.py, the author scorer's honorifics in benchmarks/metadata.py): a
# word list of five or more written out elsewhere that holds only their words is a copy.
_SHARED_LISTS = ("MONTH_NAMES", "WEEKDAYS", "HONORIFICS", "TITLE_FILLER_WORDS")


def _word_literals(path):
    """(line, words) of every tuple, list or set of string literals in a Python file."""
    import ast

    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Tuple | ast.List | ast.Set) and node.elts:
            words = [e.value for e in node.elts if isinstance(e, ast.Constant)]
            if len(words) == len(node.elts) and all(isinstance(w, str) for w in words):
                yield node.lineno, words


def test_vocab_shared_lists_are_not_copied_elsewhere() -> None:
    from conftest import REPO

    shared = {name: set(getattr(vocab, name)) for name in _SHARED_LISTS}
    modules = [*(REPO / "src" / "newsweave").rglob("*.py"), *(REPO / "benchmarks").rglob("*.py")]
    copies = []
    for path in modules:
        if path.name == "vocab.py" or path.name.endswith("_vocab.py"):
            continue
        for line, words in _word_literals(path):
            folded = {w.casefold().rstrip(".") for w in words}
            for name, known in shared.items():
                if len(folded) >= 5 and folded <= known:
                    copies.append(f"{path.relative_to(REPO)}:{line} copies vocab.{name}")
    assert copies == []
