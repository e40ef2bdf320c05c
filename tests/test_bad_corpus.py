"""Issue 14's corpus test: 60+ kinds of bad input between good articles, in one batch.

0 tracebacks; every good article (and every recoverable bad one) stored with the text a clean
run gives; each bad input exactly one error line naming it; the summary counts every input.
"""

from __future__ import annotations

import re

from click.testing import CliRunner

import bad_corpus
from conftest import run_inputs
from newsweave.cli import main
from newsweave.store import open_store

_SUMMARY = re.compile(r"^(\d+) stored, (\d+) duplicates, (\d+) failed(?:, (\d+) skipped .*)?$")


def _file_of(source: str) -> str:
    return source.rsplit("/", 1)[-1].split("#", 1)[0]


def test_bad_corpus_one_batch_no_traceback_nothing_lost(tmp_path):
    written = bad_corpus.write(tmp_path / "bad")
    kinds = [k for k in written.values() if k is not None]
    assert len({k.name for k in kinds}) >= 60
    db = tmp_path / "s.db"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "bad"), "--db", str(db),
                                       "--offline", "--max-file-bytes",
                                       str(bad_corpus.MAX_FILE_BYTES)])  # fmt: skip
    assert result.exit_code == 0, result.output + result.stderr
    assert "Traceback" not in result.output + result.stderr

    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    errors = [ln.removeprefix("error ") for ln in lines if ln.startswith("error ")]
    failed_files = [_file_of(e.split(": ", 1)[0]) for e in errors]
    for name, kind in written.items():
        expected = 1 if kind is not None and kind.expect == "fail" else 0
        assert failed_files.count(name) == expected, (name, [e for e in errors if name in e])
        if expected and kind.says:
            (line,) = [e for e in errors if _file_of(e.split(": ", 1)[0]) == name]
            assert kind.says in line, line

    clean_arts, clean_errors, _ = run_inputs([bad_corpus.write(tmp_path / "clean", clean=True)
                                              and tmp_path / "clean"])  # fmt: skip
    assert clean_errors == []
    clean = {_file_of(a.source): a.text for a in clean_arts}
    with open_store(str(db)) as store:
        stored = {_file_of(a.source): a.text for a in store.articles()}
    kept = [n for n, k in written.items() if k is None or k.expect == "keep"]
    assert sorted(stored) == sorted(kept)
    for name in kept:
        assert stored[name] == clean[name], name

    stored_n, dups, failed, skipped = _SUMMARY.match(lines[-1]).groups()
    assert (int(stored_n) + int(dups), int(failed), int(skipped or 0)) == (
        len(kept),
        sum(k.expect == "fail" for k in kinds),
        sum(k.expect == "skip" for k in kinds),
    )
    assert int(stored_n) + int(dups) + int(failed) + int(skipped or 0) == len(written)
