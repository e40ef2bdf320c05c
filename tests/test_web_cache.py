"""The web app's page cache: answers follow the store's revision, stay escaped, and carry
ETags; the store's revision counts the writes a reader can see."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

import newsweave.web.app as web_app
from newsweave.model import Entity, Reading
from newsweave.settings import Settings, WebSettings
from newsweave.store import SQLiteStore
from newsweave.web import create_app
from newsweave.web.cache import PageCache
from report_fixture import PLANTED, checked_report, fixture_store, hostile_report


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cache.db"
    fixture_store(path, checked_report())
    return path


@pytest.fixture
def client(db):
    with TestClient(create_app(str(db)), base_url="http://127.0.0.1") as c:
        yield c


def _retitle(db, title: str) -> None:
    """Regroup the store as another process would: the same story under a new title."""
    with SQLiteStore(db) as s:
        stories = s.stories()
        stories[0]["title"] = title
        s.replace_stories(stories, {})


@pytest.mark.parametrize("path", ["/", "/story/s-a1", "/api/stories", "/api/stories/s-a1"])
def test_web_cache_page_changes_after_the_store_changes(client, db, path):
    first = client.get(path)
    assert client.get(path).text == first.text  # now from the cache
    _retitle(db, "Pier reopens after a week")
    again = client.get(path)
    assert "Pier reopens after a week" in again.text and again.text != first.text
    assert again.headers["etag"] != first.headers["etag"]


def test_web_cache_article_page_changes_with_its_reading(client, db):
    before = client.get("/article/a1").text
    assert "Brightwater" not in before
    with SQLiteStore(db) as s:
        text = s.get("a1").text
        s.add_reading(Reading("a1", entities=(Entity("Harbour", "ORG", "Brightwater", 0, 7),)),
                      "newer")  # fmt: skip
    assert text.startswith("Harbour")
    assert "Brightwater" in client.get("/article/a1").text


def test_web_cache_serves_repeats_without_rendering(db, monkeypatch):
    calls = []
    real = web_app.story_view
    monkeypatch.setattr(web_app, "story_view", lambda *a: calls.append(1) or real(*a))
    with TestClient(create_app(str(db)), base_url="http://127.0.0.1") as c:
        for _ in range(3):
            assert c.get("/story/s-a1").status_code == 200
        assert len(calls) == 1
        c.get("/story/s-a1?claims=conflicting")  # another query is another page
        assert len(calls) == 2
    off = WebSettings(page_cache_bytes=0)
    with TestClient(
        create_app(str(db), settings=Settings(web=off)), base_url="http://127.0.0.1"
    ) as c:
        for _ in range(2):
            c.get("/story/s-a1")
        assert len(calls) == 4


def test_web_cache_looks_an_answer_up_once_per_request(db, monkeypatch):
    lookups = []
    real = PageCache.get
    monkeypatch.setattr(PageCache, "get", lambda self, *a: lookups.append(a[0]) or real(self, *a))
    with TestClient(create_app(str(db)), base_url="http://127.0.0.1") as c:
        assert c.get("/story/s-a1").status_code == 200  # a miss: rendered and kept
        assert lookups == ["/story/s-a1?"]
        assert c.get("/story/s-a1").status_code == 200  # a hit, before routing
        assert lookups == ["/story/s-a1?"] * 2


def test_web_cache_answers_stay_escaped(tmp_path):
    db = tmp_path / "h.db"
    fixture_store(db, hostile_report())
    with TestClient(create_app(str(db)), base_url="http://127.0.0.1") as c:
        for path in ("/", "/story/s-a1", "/article/a3", "/?q=evil"):
            rendered, cached = c.get(path), c.get(path)
            assert cached.text == rendered.text
            assert cached.headers["content-security-policy"].startswith("default-src 'none'")
            for planted in PLANTED.values():
                assert planted not in cached.text, path
        assert "Look &lt;script&gt;" in c.get("/article/a3").text


def test_web_cache_etag_gives_not_modified_until_the_store_changes(client, db):
    r = client.get("/story/s-a1")
    tag = r.headers["etag"]
    assert r.headers["cache-control"] == "private, no-cache"
    same = client.get("/story/s-a1", headers={"if-none-match": tag})
    assert same.status_code == 304 and same.content == b""
    assert same.headers["etag"] == tag and "content-security-policy" in same.headers
    _retitle(db, "Pier reopens after a week")
    changed = client.get("/story/s-a1", headers={"if-none-match": tag})
    assert changed.status_code == 200 and "Pier reopens" in changed.text


def test_web_cache_cached_pages_still_need_the_token(db):
    with TestClient(create_app(str(db), token="s3cret"), base_url="http://127.0.0.1") as c:
        auth = {"authorization": "Bearer s3cret"}
        assert c.get("/story/s-a1", headers=auth).status_code == 200
        assert c.get("/story/s-a1", headers=auth).status_code == 200  # cached now
        assert c.get("/story/s-a1").status_code == 401


def test_web_cache_drops_older_revisions_and_keeps_within_bytes():
    c = PageCache(10)
    c.put("/a", 1, b"12345", "text/html")
    c.put("/b", 1, b"67890", "text/html")
    c.put("/c", 1, b"abc", "text/html")  # over 10 bytes: the least recently used goes
    assert c.get("/a", 1) is None and c.get("/b", 1).body == b"67890"
    c.put("/late", 0, b"old", "text/html")  # made before the store moved: not kept
    assert c.get("/late", 1) is None
    assert c.get("/b", 2) is None and len(c) == 0


def test_store_revision_counts_what_a_reader_can_see(db):
    from newsweave.model import Article

    with SQLiteStore(db) as s:
        r0 = s.revision()
        s.add(Article(id="new1", source="x.html", text="An unread, ungrouped article."))
        s.remember_input("x.html", "digest", "new1")
        assert s.revision() == r0  # no page shows it until it is grouped
        s.add_reading(Reading("new1"), "r")
        r1 = s.revision()
        assert r1 > r0
        s.replace_stories(s.stories(), {"new1": "a1"})  # a regroup and a copy link
        assert s.revision() > r1
        stories, r2 = s.stories(), s.revision()
        s.replace_stories(stories, {"new1": "a1"})  # the same again: each story out and in
        assert s.revision() - r2 == 2 * len(stories)
        s.replace_stories(stories, {"new1": None})  # and one copy link changed
        assert s.revision() - r2 == 4 * len(stories) + 1


def test_store_snapshot_does_not_see_a_later_commit(db):
    with SQLiteStore(db) as reader, SQLiteStore(db) as writer:
        with reader.snapshot():
            before = reader.revision()
            writer.add_reading(Reading("a1"), "r")
            assert reader.revision() == before
        assert reader.revision() > before


def test_store_article_records_are_the_report_articles(db):
    import json

    from newsweave.report.json import article_dict, report_article

    with SQLiteStore(db) as s:
        ids = [a.id for a in s.articles()]
        records = s.article_records([*ids, "missing"])
        assert sorted(records) == sorted(ids)
        for aid in ids:
            want = article_dict(s.get(aid), s.reading(aid))
            got = report_article(*records[aid])
            assert json.dumps(got) == json.dumps(want)  # same keys, order and values
            assert got["entities"] or got["quotes"], aid  # the readings came along


@pytest.mark.parametrize("name", ["worker_threads", "page_cache_bytes"])
def test_web_settings_refuse_bad_limits(name):
    with pytest.raises(ValueError, match=name):
        WebSettings(**{name: -1})
    if name == "page_cache_bytes":
        WebSettings(page_cache_bytes=0)  # off is allowed
