"""The web app over HTTP (no browser): pages, API shapes, search, limits, security."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from conftest import html_page, paragraphs
from newsweave.errors import NewsweaveError
from newsweave.settings import IngestSettings, Settings, WebSettings
from newsweave.web import create_app
from newsweave.web.serve import check_host
from report_fixture import PLANTED, checked_report, fixture_store, hostile_report


@pytest.fixture
def client(tmp_path):
    db = tmp_path / "web.db"
    fixture_store(db, checked_report())
    app = create_app(str(db), allowed_hosts=["127.0.0.1"])
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def _tags(page: str) -> list[tuple[str, dict]]:
    found = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    P().feed(page)
    return found


def test_web_app_stories_list_shows_cohesion_and_note(tmp_path):
    report = checked_report()
    report["stories"][0].update(cohesion=0.123, note="weakly linked: it may hold two events")
    fixture_store(tmp_path / "web.db", report)
    app = create_app(str(tmp_path / "web.db"), allowed_hosts=["127.0.0.1"])
    with TestClient(app, base_url="http://127.0.0.1") as c:
        page = c.get("/").text
        assert '<span class="doubt">weakly linked: it may hold two events</span>' in page
        assert "<td>0.12</td>" in page
        assert '<p class="doubt">weakly linked' in c.get("/story/s-a1").text


def test_web_app_story_page_shows_badges_and_citations(client):
    r = client.get("/story/s-a1")
    assert r.status_code == 200
    assert 'class="badge b-conflicting">conflicting' in r.text
    cites = [d["href"] for t, d in _tags(r.text) if d.get("class") == "cite"]
    assert "/article/a1#ev-a1-0-73" in cites
    target = client.get("/article/a1").text
    assert 'id="ev-a1-0-73"' in target


def test_web_app_headers_forbid_scripts_and_framing(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "unsafe" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert not [t for t, _ in _tags(r.text) if t == "script"]


@pytest.mark.parametrize(
    "params, ids",
    [("q=ferry", ["s-a1"]), ("q=tram", []), ("entity=varn", ["s-a1"]), ("entity=nobody", []),
     ("outlet=lowfen", ["s-a1"]), ("since=2026-04-04", []), ("until=2026-03-31", []),
     ("since=2026-04-02&until=2026-04-02", ["s-a1"]), ("status=conflicts", ["s-a1"]),
     ("status=unchecked", []), ("status=single", [])],
)  # fmt: skip
def test_web_app_search_and_filters(client, params, ids):
    got = client.get(f"/api/stories?{params}").json()
    assert [s["id"] for s in got["stories"]] == ids
    assert got["schema"] == "newsweave.report/1"


def test_web_app_api_returns_report_shapes(client):
    report = client.get("/api/stories/s-a1").json()
    assert [a["id"] for a in report["articles"]] == ["a1", "a2", "a3"]
    assert report["stories"][0]["claims"][1]["status"] == "conflicting"
    article = client.get("/api/articles/a1").json()
    assert article["quotes"][0]["speaker"] == "Ilsa Varn"
    assert client.get("/api/articles/nope").status_code == 404
    assert "/api/stories/{story_id}" in client.get("/api/openapi.json").json()["paths"]
    assert "/api/stories" in client.get("/api/docs").text


def test_web_app_refuses_unknown_host(client):
    assert client.get("/", headers={"host": "rebound.example"}).status_code == 400


def test_web_app_token_required_when_set(tmp_path):
    db = tmp_path / "t.db"
    fixture_store(db, checked_report())
    with TestClient(create_app(str(db), token="s3cret"), base_url="http://127.0.0.1") as c:
        assert c.get("/api/stories").status_code == 401
        assert c.get("/api/stories?token=wrong").status_code == 401
        assert c.get("/api/stories", headers={"authorization": "Bearer s3cret"}).status_code == 200
        r = c.get("/story/s-a1?token=s3cret", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/story/s-a1"
        assert c.get("/story/s-a1").status_code == 200  # the cookie now carries it


@pytest.mark.parametrize("host, ok", [("127.0.0.1", True), ("::1", True), ("localhost", True),
                                      ("0.0.0.0", False), ("192.168.1.5", False)])  # fmt: skip
def test_web_serve_refuses_open_host_without_token(host, ok):
    if ok:
        check_host(host, None)
    else:
        with pytest.raises(NewsweaveError, match="--token"):
            check_host(host, None)
        check_host(host, "t")


def test_web_app_pages_escape_planted_markup(tmp_path):
    db = tmp_path / "h.db"
    fixture_store(db, hostile_report())
    with TestClient(create_app(str(db)), base_url="http://127.0.0.1") as c:
        for path in ("/", "/story/s-a1", "/article/a3", "/?q=evil"):
            page = c.get(path).text
            for planted in PLANTED.values():
                assert planted not in page
            tags = _tags(page)
            assert not [t for t, _ in tags if t in ("script", "img", "b")], path
            assert not [d for _, d in tags if any(k.startswith("on") for k in d)], path
            assert not [d for _, d in tags if "javascript:" in (d.get("href") or "")], path
        assert "Look &lt;script&gt;" in c.get("/article/a3").text


def _wait(c, location):
    for _ in range(300):
        job = c.get("/api" + location).json()
        if job["finished"]:
            return job
        time.sleep(0.2)
    raise AssertionError("job did not finish")


def test_web_app_upload_sniffs_unknown_endings_as_folders_do(tmp_path):
    db = tmp_path / "u.db"
    with TestClient(create_app(str(db)), base_url="http://127.0.0.1") as c:
        files = [("files", ("story.php", html_page(8, "Saved as php"), "text/html")),
                 ("files", ("README", "\n\n".join(paragraphs(9)), "text/plain"))]  # fmt: skip
        r = c.post("/add", files=files, follow_redirects=False)
        assert r.status_code == 303
        job = _wait(c, r.headers["location"])
    assert (job["step"], job["stored"], job["errors"]) == ("done", 2, [])


def test_web_app_upload_stores_the_file_under_our_name(tmp_path):
    db = tmp_path / "u.db"
    with TestClient(create_app(str(db)), base_url="http://127.0.0.1") as c:
        files = [("files", ("../../evil name.html", html_page(7, "Invented upload"), "text/html")),
                 ("files", ("notes.exe", b"MZ", "application/octet-stream"))]  # fmt: skip
        r = c.post("/add", files=files, data={"urls": "ftp://nowhere\n"}, follow_redirects=False)
        assert r.status_code == 303
        job = _wait(c, r.headers["location"])
    assert job["step"] == "done" and job["stored"] == 1
    assert job["errors"] == [
        "notes.exe: .exe files never hold an article (skipped as in folders)",
        "ftp://nowhere: not an http(s) URL",
    ]
    saved = [p for p in tmp_path.rglob("*.html")]
    assert len(saved) == 1 and saved[0].is_relative_to(tmp_path / "u.db.uploads")
    assert re.fullmatch(r"000-evil_name\.html", saved[0].name)


def test_web_app_upload_limits_are_clear(tmp_path):
    db = tmp_path / "l.db"
    web = WebSettings(max_upload_files=2, max_upload_bytes=100, max_request_bytes=10_000)
    with TestClient(
        create_app(str(db), settings=Settings(web=web)), base_url="http://127.0.0.1"
    ) as c:
        big = [("files", ("a.html", b"x" * 200, "text/html"))]
        r = c.post("/add", files=big, follow_redirects=False)
        job = _wait(c, r.headers["location"])
        assert job["errors"] == ["a.html: too large: over 100 bytes"]
        many = [("files", (f"{n}.html", b"x", "text/html")) for n in range(3)]
        r = c.post("/add", files=many)
        assert r.status_code == 400 and "upload refused" in r.text
        huge = [("files", ("h.html", b"x" * 20_000, "text/html"))]
        r = c.post("/add", files=huge)
        assert r.status_code == 413 and "over 10,000 bytes in one request" in r.text


def test_web_app_upload_cap_follows_the_ingest_cap(tmp_path):
    # the upload's cap is ingest's unless set apart: raising one raises both
    settings = Settings(ingest=IngestSettings(max_file_bytes=150))
    with TestClient(create_app(str(tmp_path / "c.db"), settings=settings),
                    base_url="http://127.0.0.1") as c:  # fmt: skip
        assert "of 150 bytes each" in c.get("/add").text
        r = c.post("/add", files=[("files", ("a.html", b"x" * 200, "text/html"))],
                   follow_redirects=False)  # fmt: skip
        assert _wait(c, r.headers["location"])["errors"] == ["a.html: too large: over 150 bytes"]


def test_web_app_refuses_cross_site_post(client):
    r = client.post("/add", data={"urls": "https://a.example/"},
                    headers={"origin": "https://elsewhere.example"})  # fmt: skip
    assert r.status_code == 403


def test_web_app_story_claims_filter_by_status(client):
    page = client.get("/story/s-a1?claims=conflicting").text
    assert "Repairs will cost 4 million crowns." in page
    assert "<td>Critics called the closure a fiasco.</td>" not in page
    assert 'href="/story/s-a1#s-a1-claims">all 3 claims' in page
    full = client.get("/story/s-a1?claims=bogus").text
    assert "<td>Critics called the closure a fiasco.</td>" in full


@pytest.mark.parametrize("path", ["/", "/story/s-a1", "/api/stories", "/static/style.css"])
def test_web_app_answers_head_as_get_without_a_body(client, path):
    got = client.get(path)
    head = client.head(path)
    assert head.status_code == 200 and got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content))
    assert head.headers["x-content-type-options"] == "nosniff"


def test_web_app_head_of_a_missing_story_is_404(client):
    assert client.head("/story/nope").status_code == 404
