"""The SQLite store: idempotent adds, round trips, schema versions, resume after SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import html_page
from newsweave.errors import StoreError
from newsweave.model import Article
from newsweave.pipeline import run
from newsweave.settings import DEFAULTS
from newsweave.store import SCHEMA_VERSION, SQLiteStore


def _article(i: int, **kw) -> Article:
    base = dict(id=f"{i:016x}", source=f"s{i}", text=f"text {i}", authors=("A B",),
                removed=("Share this",), provenance={"title": "meta"}, title=f"T{i}")  # fmt: skip
    return Article(**{**base, **kw})


def test_store_round_trip_and_idempotent_add(tmp_path):
    with SQLiteStore(tmp_path / "s.db") as store:
        a = _article(1, published="2026-03-01")
        assert store.add(a) is True
        assert store.add(a) is False
        assert store.count() == 1
        assert store.get(a.id) == a
        assert store.schema_version == SCHEMA_VERSION


def test_store_uses_wal_and_orders_by_date(tmp_path):
    with SQLiteStore(tmp_path / "s.db") as store:
        store.add(_article(1, published=None))
        store.add(_article(2, published="2026-03-02"))
        store.add(_article(3, published="2026-03-01"))
        assert [a.id[-1] for a in store.articles()] == ["3", "2", "1"]
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_refuses_newer_schema(tmp_path):
    path = tmp_path / "future.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer than this newsweave"):
        SQLiteStore(path)


def test_store_refuses_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some text, not SQLite " * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        SQLiteStore(path)


def test_store_same_input_twice_stores_nothing_new(tmp_path):
    (tmp_path / "in").mkdir()
    for i in range(3):
        (tmp_path / "in" / f"{i}.html").write_text(html_page(70 + i), "utf-8")
    with SQLiteStore(tmp_path / "s.db") as store:
        first = run([str(tmp_path / "in")], DEFAULTS, store=store)
        second = run([str(tmp_path / "in")], DEFAULTS, store=store)
        assert (first.stored, first.duplicates) == (3, 0)
        assert (second.stored, second.duplicates) == (0, 3)
        assert store.count() == 3


@pytest.mark.slow
def test_store_sigkill_mid_batch_then_rerun_stores_each_article_once(tmp_path):
    n = 60
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(n):
        (inputs / f"{i:03d}.html").write_text(html_page(100 + i), "utf-8")
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "newsweave.cli", "ingest", str(inputs), "--db", str(db), "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=1) as c:
                        stored = c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                except sqlite3.OperationalError:
                    stored = 0
                if stored >= 3:
                    break
            time.sleep(0.01)
        assert proc.poll() is None, "the run ended before it could be killed; make the batch bigger"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert 3 <= stored < n
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    with SQLiteStore(db) as store:
        ids = [a.id for a in store.articles()]
        sources = sorted(Path(a.source).name for a in store.articles())
    assert len(ids) == len(set(ids)) == n
    assert sources == sorted(f"{i:03d}.html" for i in range(n))


def test_store_readings_round_trip_and_unread(tmp_path):
    from newsweave.model import Entity, Number, Quote, Reading, TimeExpr

    with SQLiteStore(tmp_path / "s.db") as store:
        store.add(_article(1))
        store.add(_article(2))
        r = Reading(
            article_id=_article(1).id,
            sentences=((0, 6),),
            entities=(Entity("Putin", "PERSON", "Vladimir Putin", 0, 5, role="President"),),
            quotes=(Quote("now", "Donald Trump", "Trump", "said", True, 1, 4),),
            numbers=(Number(430.0, None, "soldiers", "430", 0, 3),),
            times=(TimeExpr("today", 0, 5, "2025-03-12", "published 2025-03-12"),),
        )
        store.add_reading(r, reader="r1")
        assert store.reading(r.article_id) == r
        ids = [_article(1).id, _article(2).id]
        assert store.unread(ids, "r1") == [_article(2).id]
        assert store.unread(ids, "r2") == ids


def test_store_migrates_a_version_1_store(tmp_path):
    from newsweave.store.sqlite import _MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(_MIGRATIONS[0] + "PRAGMA user_version = 1;")
    db.close()
    with SQLiteStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.reading("nope") is None


def _tables(path) -> list[tuple[str, str]]:
    db = sqlite3.connect(path)
    rows = db.execute("SELECT type, name FROM sqlite_master ORDER BY type, name").fetchall()
    db.close()
    return rows


def test_store_migrates_a_populated_version_1_store(tmp_path):
    from newsweave.model import Reading
    from newsweave.store.sqlite import _MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(_MIGRATIONS[0] + "PRAGMA user_version = 1;")
    db.execute(
        "INSERT INTO articles (id, source, url, outlet, authors, title, published, text, "
        "removed, provenance, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ("00000000000000a1", "old.html", "https://ledger.example/old", "Ledger",
         '["Mara Quist"]', "Old story", "2025-01-02", "Text kept from version 1.",
         '["Share this"]', '{"title": "meta"}', "2025-01-02T10:00:00+00:00"),
    )  # fmt: skip
    db.commit()
    db.close()
    with SQLiteStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.count() == 1
        a = store.get("00000000000000a1")
        assert a is not None
        assert (a.title, a.authors, a.published) == ("Old story", ("Mara Quist",), "2025-01-02")
        assert a.text == "Text kept from version 1." and a.provenance == {"title": "meta"}
        # the later migrations' tables take rows for the old article
        store.add_reading(Reading(a.id, notes=("kept",)), reader="r1")
        assert store.reading(a.id) == Reading(a.id, notes=("kept",))
    with SQLiteStore(tmp_path / "new.db"):
        pass
    assert _tables(path) == _tables(tmp_path / "new.db")


def test_store_opened_by_two_processes_at_once_migrates_once(tmp_path, monkeypatch):
    # two analyze runs on one new store: both read version 0, the second failed
    # "cannot open the store (table articles already exists)"
    path = tmp_path / "s.db"
    SQLiteStore(path).close()  # the other process got there first
    real, reads = SQLiteStore.schema_version.fget, []

    def first_read_stale(self):
        reads.append(1)
        return 0 if len(reads) == 1 else real(self)

    monkeypatch.setattr(SQLiteStore, "schema_version", property(first_read_stale))
    with SQLiteStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION and store.count() == 0


def test_store_story_rows_join_a_story_and_its_check_text(tmp_path):
    """A story's row is its head's JSON text and its check's, joined (`StoryRow.made`); a
    check stored by an older newsweave (json.dumps, with spaces) joins the same way, and the
    store gives each story back as the same object either way."""
    import json

    from newsweave.jsontext import compact, merged
    from newsweave.store.sqlite import StoryRow

    head = {"id": "s-a", "title": "Pier \u00e9", "article_ids": ["a", "b"], "note": None}
    check = {"checked": True, "claims": [{"id": "p1", "text": 'He said "no"'}], "brief": []}
    new = StoryRow.made(head, compact(check))
    old = StoryRow.made(head, json.dumps(check, ensure_ascii=False))
    assert new.to_dict() == old.to_dict() == {**head, **check}
    assert list(new.to_dict()) == [*head, *check]  # the head's keys first, in order
    assert (new.id, new.title, new.article_ids) == ("s-a", "Pier \u00e9", ("a", "b"))
    assert merged("{}", compact(check)) == compact(check) and merged(compact(head), "{ }") == (
        compact(head)
    )
    with pytest.raises(ValueError, match="two JSON objects"):
        merged(compact(head), "[1]")
    with SQLiteStore(tmp_path / "s.db") as store:
        for aid in ("a", "b", "c"):
            store.add(Article(aid, f"{aid}.txt", "The pier closed."))
        store.replace_stories([new, {"id": "s-c", "title": None, "article_ids": ["c"]}], {})
        assert store.story("s-a") == {**head, **check}
        rows = store.stories_with(["b", "c"])
        assert [(r.id, r.article_ids) for r in rows] == [("s-a", ("a", "b")), ("s-c", ("c",))]
        assert rows[0].text == new.text
