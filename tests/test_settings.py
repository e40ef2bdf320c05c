"""The settings tree: defaults validated at construction, a TOML file, every key documented."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from conftest import REPO
from newsweave.cli import main
from newsweave.settings import DEFAULTS, CheckSettings, load_settings


def test_settings_documented_file_gives_the_defaults(tmp_path):
    text = (REPO / "docs" / "newsweave.toml").read_text("utf-8")
    # uncomment every `# key = value` line: the documented defaults must be the real ones
    uncommented = re.sub(r"(?m)^# (\w+ = .*)$", r"\1", text)
    path = tmp_path / "all.toml"
    path.write_text(uncommented, "utf-8")
    assert load_settings(path) == DEFAULTS


@pytest.mark.parametrize(
    "toml, message",
    [
        ("bogus = 1\n", "bogus: no such setting"),
        ("[check]\nlink_score = 'high'\n", "check.link_score: must be float, got str"),
        ("[check]\nlink_score = 0.99\n", "link_score must be in (0, sure_score=0.85]"),
        ("check = 3\n", "check: must be a table"),
        ("max_feed_entries = [", "x.toml"),
    ],
)
def test_settings_file_errors_name_the_key(tmp_path, toml, message):
    path = tmp_path / "x.toml"
    path.write_text(toml, "utf-8")
    with pytest.raises(ValueError) as e:
        load_settings(path)
    assert message in str(e.value)


def test_settings_check_limits_are_validated():
    with pytest.raises(ValueError, match="brief_max_sentences must be in"):
        CheckSettings(brief_max_sentences=2)


def test_settings_cli_config_is_applied_and_bad_one_refused(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("nonsense = true\n", "utf-8")
    page = tmp_path / "p.txt"
    page.write_text("Word " * 50, "utf-8")
    args = ["extract", str(page), "--config", str(bad), "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "nonsense: no such setting" in result.output
    good = tmp_path / "good.toml"
    good.write_text("min_text_chars = 100000\n", "utf-8")
    result = CliRunner().invoke(main, ["extract", str(page), "--config", str(good), "-q"])
    assert '"error"' in result.output  # the file's limit made the short page fail
