"""The settings tree: defaults validated at construction, a TOML file, every key documented."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass

import click
import pytest
from click.testing import CliRunner

from conftest import REPO
from newsweave.cli import main
from newsweave.errors import SettingsError
from newsweave.settings import (
    DEFAULTS,
    FLAGS,
    CheckSettings,
    FetchSettings,
    GroupSettings,
    ReadSettings,
    Settings,
    WebSettings,
    load_settings,
)

DOCUMENTED = REPO / "docs" / "newsweave.toml"


def _leaves(obj, prefix=""):
    """Every setting's path in the tree ("workers", "fetch.offline", ...)."""
    for f in fields(obj):
        value = getattr(obj, f.name)
        if is_dataclass(value):
            yield from _leaves(value, f"{prefix}{f.name}.")
        else:
            yield prefix + f.name


def test_settings_documented_file_gives_the_defaults(tmp_path):
    text = DOCUMENTED.read_text("utf-8")
    # uncomment every `# key = value` line: the documented defaults must be the real ones
    uncommented = re.sub(r"(?m)^# (\w+ = .*)$", r"\1", text)
    path = tmp_path / "all.toml"
    path.write_text(uncommented, "utf-8")
    assert load_settings(path) == DEFAULTS
    # and every setting is there, once, in its table: a new field must be documented
    table, documented = "", []
    for line in text.splitlines():
        if m := re.fullmatch(r"\[(\w+)\]", line):
            table = m[1] + "."
        elif m := re.match(r"# (\w+) = ", line):
            documented.append(table + m[1])
    assert documented == list(_leaves(DEFAULTS))


def test_settings_old_flat_keys_are_read_at_their_new_place(tmp_path):
    path = tmp_path / "old.toml"
    path.write_text(
        "max_file_bytes = 1000\nhttp_timeout_seconds = 3\nrespect_robots = false\n"
        'min_text_chars = 10\ndb_path = "x.db"\nworkers = 1\n[check]\nlinkage = "components"\n',
        "utf-8",
    )
    s = load_settings(path)
    assert (s.ingest.max_file_bytes, s.fetch.timeout_seconds, s.fetch.respect_robots) == (
        1000, 3.0, False)  # fmt: skip
    assert (s.extract.min_text_chars, s.store.db_path, s.workers) == (10, "x.db", 1)
    assert s.check.linkage == "components"
    path.write_text("max_http_bytes = 5\n[fetch]\nmax_bytes = 6\n", "utf-8")
    with pytest.raises(SettingsError, match="max_http_bytes: set twice, here and as"):
        load_settings(path)


@pytest.mark.parametrize(
    "toml, message",
    [
        ("bogus = 1\n", "bogus: no such setting"),
        ("[group]\njoin_score = 0.5\n", "group.bridge_score must be >= join_score"),
        ("[read]\nmax_chars = 2000000\n", "read.max_chars must be in [1, 1_000_000]"),
        ("[fetch]\ntimeout_seconds = 0\n", "fetch.timeout_seconds must be > 0, got 0"),
        ("[group]\nnum_perm = 'x'\n", "group.num_perm: must be int, got str"),
        ("[check]\nlink_score = 'high'\n", "check.link_score: must be float, got str"),
        ("[check]\nlink_score = 0.99\n", "link_score must be in (0, sure_score=0.85]"),
        ("check = 3\n", "check: must be a table"),
        ("[web]\nport = 99999\n", "web.port must be in [0, 65535], got 99999"),
        ("[web]\nhost = 8000\n", "web.host: must be str, got int"),
        ("max_feed_entries = [", "x.toml"),
    ],
)
def test_settings_file_errors_name_the_key(tmp_path, toml, message):
    path = tmp_path / "x.toml"
    path.write_text(toml, "utf-8")
    with pytest.raises(ValueError) as e:
        load_settings(path)
    assert message in str(e.value)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: CheckSettings(brief_max_sentences=2), "brief_max_sentences must be in [3, 20]"),
        (lambda: ReadSettings(batch_articles=2000), "batch_articles must be in [1, 1024]"),
        (lambda: FetchSettings(user_agent=" "), "user_agent must not be empty"),
        (lambda: GroupSettings(num_perm=8), "num_perm must be >= 16, got 8"),
        (lambda: Settings(workers=-1), "workers must be in [0, 256]"),
        (lambda: WebSettings(port=70000), "port must be in [0, 65535], got 70000"),
        (lambda: WebSettings(host=" "), "host must not be empty"),
        (lambda: WebSettings(worker_threads=0), "worker_threads must be > 0, got 0"),
        (lambda: WebSettings(page_cache_bytes=-1), "page_cache_bytes must be >= 0"),
    ],
)
def test_settings_limits_are_validated_at_construction(make, message):
    with pytest.raises(SettingsError) as e:
        make()
    assert message in str(e.value) and isinstance(e.value, ValueError)


# Options that shape a command's output (or carry a secret), not the work: no setting.
_NOT_SETTINGS = {"quiet", "config", "out", "html_out", "md_out", "as_json", "limit", "token"}


def _options(command: click.Command) -> set[str]:
    return {p.name for p in command.params if isinstance(p, click.Option)}


def test_settings_every_flag_sets_one_field():
    leaves = set(_leaves(DEFAULTS))
    assert set(FLAGS.values()) <= leaves and len(set(FLAGS.values())) == len(FLAGS)
    commands = {c.name: c for c in main.commands.values()}
    used = set()
    for name, command in commands.items():
        if name == "bench":
            continue
        assert "config" in _options(command), f"{name} takes no --config"
        flags = _options(command) - _NOT_SETTINGS
        assert flags <= set(FLAGS), f"a flag of {name} without its field: {flags - set(FLAGS)}"
        used |= flags
    assert used == set(FLAGS), "a field in FLAGS that no command's flag sets"
    assert _options(commands["analyze"]) - _NOT_SETTINGS == set(FLAGS) - {"host", "port"}
    assert _options(commands["serve"]) - _NOT_SETTINGS == {"db", "host", "port"}
    # one --config option, one help text, whichever command
    helps = {p.help for c in commands.values() for p in c.params if p.name == "config"}
    assert len(helps) == 1 and "overrides the file" in helps.pop()


def test_settings_cli_config_is_applied_and_bad_one_refused(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("nonsense = true\n", "utf-8")
    page = tmp_path / "p.txt"
    page.write_text("Word " * 50, "utf-8")
    args = ["extract", str(page), "--config", str(bad), "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "nonsense: no such setting" in result.output
    good = tmp_path / "good.toml"
    good.write_text("[extract]\nmin_text_chars = 100000\n", "utf-8")
    result = CliRunner().invoke(main, ["extract", str(page), "--config", str(good), "-q"])
    assert '"error"' in result.output  # the file's limit made the short page fail


def test_settings_cli_flags_override_the_file_and_db_comes_from_it(tmp_path, monkeypatch):
    import newsweave.cli as cli

    seen = []
    monkeypatch.setattr(cli, "_run_with_ui", lambda inputs, settings, *a, **k: seen.append(
        settings) or cli.Summary())  # fmt: skip
    config = tmp_path / "c.toml"
    db = tmp_path / "from-config.db"
    config.write_text(f'workers = 3\n[fetch]\nrespect_robots = true\n[store]\ndb_path = "{db}"\n')
    page = tmp_path / "p.txt"
    page.write_text("x", "utf-8")
    args = ["ingest", str(page), "--config", str(config), "-q"]
    CliRunner().invoke(main, [*args, "--workers", "1", "--ignore-robots", "--offline"])
    CliRunner().invoke(main, args)
    flags, file_only = seen
    assert (flags.workers, flags.fetch.respect_robots, flags.fetch.offline) == (1, False, True)
    assert (file_only.workers, file_only.fetch.respect_robots, file_only.fetch.offline) == (
        3, True, False)  # fmt: skip
    assert flags.store.db_path == str(db) and db.exists()  # the store opened is the file's


def test_settings_with_changes_a_branch_at_once_and_refuses_unknown_paths():
    s = DEFAULTS.with_(**{"group.join_score": 0.6, "group.bridge_score": 0.7, "workers": 1})
    assert (s.group.join_score, s.group.bridge_score, s.workers) == (0.6, 0.7, 1)
    assert s.check == DEFAULTS.check and DEFAULTS.group.join_score == 0.2
    with pytest.raises(SettingsError, match="bridge_score must be >= join_score"):
        DEFAULTS.with_(**{"group.join_score": 0.6})
    for path in ("group.nope", "workers.x", "nope"):
        with pytest.raises(SettingsError, match="no such setting"):
            DEFAULTS.with_(**{path: 1})


def _config(tmp_path, text):
    path = tmp_path / "c.toml"
    path.write_text(text, "utf-8")
    return str(path)


def test_settings_serve_takes_web_settings_from_the_file_and_flags_over_it(tmp_path, monkeypatch):
    import newsweave.web.serve as serve

    seen = []
    monkeypatch.setattr(serve, "run_server", lambda settings, token, echo: seen.append(settings))
    db = tmp_path / "web.db"
    config = _config(
        tmp_path, f'[web]\nport = 9001\npage_cache_bytes = 0\n[store]\ndb_path = "{db}"\n'
    )
    assert CliRunner().invoke(main, ["serve", "--config", config]).exit_code == 0
    assert CliRunner().invoke(main, ["serve", "--config", config, "--port", "9002"]).exit_code == 0
    assert CliRunner().invoke(main, ["serve"]).exit_code == 0
    from_file, flag, defaults = seen
    assert (from_file.web.port, from_file.web.page_cache_bytes) == (9001, 0)
    assert from_file.store.db_path == str(db) and from_file.web.host == "127.0.0.1"
    assert (flag.web.port, flag.web.page_cache_bytes) == (9002, 0)
    assert defaults.web == WebSettings() and defaults.web.port == 8000
    # a file that moves the app off loopback needs a token, as the flag does
    wide = _config(tmp_path, '[web]\nhost = "0.0.0.0"\n')
    result = CliRunner().invoke(main, ["serve", "--config", wide])
    assert result.exit_code == 2 and "0.0.0.0: not a loopback address" in result.output
    assert CliRunner().invoke(main, ["serve", "--config", wide, "--token", "t"]).exit_code == 0
    assert seen[-1].web.host == "0.0.0.0"


@pytest.mark.parametrize(
    "args, missing",
    [
        (["articles"], None),
        (["stories"], None),
        (["story", "s-x"], "s-x: no such story"),
        (["article", "a-x"], "a-x: no such article"),
        (["regroup"], None),
    ],
)
def test_settings_store_commands_take_db_from_config_and_flag_over_it(
    tmp_path, monkeypatch, args, missing
):
    from newsweave.store import SQLiteStore

    db = tmp_path / "from-config.db"
    SQLiteStore(str(db)).close()
    config = _config(tmp_path, f'[store]\ndb_path = "{db}"\n')
    result = CliRunner().invoke(main, [*args, "--config", config])
    if missing is None:  # the file's store is there: the command runs on it
        assert result.exit_code == 0, result.output
    else:  # the file's store is there, the id is not: the message names the file's store
        assert result.exit_code == 2 and missing in result.output and str(db) in result.output
    if args == ["articles"]:
        assert "0 articles in" in result.output and "from-config.db" in result.output
    # --db given overrides the file: that store is missing, and said so by its name
    other = tmp_path / "given.db"
    result = CliRunner().invoke(main, [*args, "--config", config, "--db", str(other)])
    assert result.exit_code == 2 and f"{other}: no such store" in result.output
    # no file, no flag: the default store, newsweave.db here
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path / "empty")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "newsweave.db: no such store" in result.output
