"""Output files: checked before any work starts, written whole or not at all."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import html_page
from newsweave.cli import main
from newsweave.outputs import atomic_writer, check_writable


@pytest.mark.parametrize("cmd", ["extract", "analyze"])
def test_outputs_missing_folder_is_refused_before_the_work(tmp_path, cmd):
    (tmp_path / "a.html").write_text(html_page(64), "utf-8")
    db = tmp_path / "s.db"
    out = tmp_path / "missing" / "dir" / "r.json"
    args = [cmd, str(tmp_path / "a.html"), "--out", str(out), "-q"]
    result = CliRunner().invoke(main, args + (["--db", str(db)] if cmd == "analyze" else []))
    assert result.exit_code == 2
    assert f"{tmp_path / 'missing' / 'dir'}: no such folder" in result.stderr
    assert "Traceback" not in result.output + result.stderr and result.exception is not None
    assert not db.exists() and not out.exists()  # nothing was done


def test_outputs_check_writable_refuses_a_folder_and_accepts_stdout(tmp_path):
    with pytest.raises(ValueError, match="is a folder"):
        check_writable(str(tmp_path))
    check_writable("-")
    check_writable(str(tmp_path / "new.json"))


def test_outputs_atomic_writer_keeps_the_old_file_when_writing_fails(tmp_path):
    p = tmp_path / "report.json"
    p.write_text("old", "utf-8")
    with pytest.raises(RuntimeError), atomic_writer(p) as f:
        f.write("half a new report")
        raise RuntimeError("disk full")
    assert p.read_text("utf-8") == "old"
    assert [c.name for c in tmp_path.iterdir()] == ["report.json"]  # no temporary left
    with atomic_writer(p) as f:
        f.write("new")
    assert p.read_text("utf-8") == "new"
