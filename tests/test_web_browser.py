"""The web app and the HTML report in a real browser: Debian's Chromium through Playwright.

Never a downloaded browser: `make test` installs Debian's package when it is missing.
Screenshots of the main pages go to tests/artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import REPO, html_page
from newsweave.report.html import render_html
from newsweave.web import create_app
from report_fixture import PLANTED, checked_report, fixture_store, hostile_report

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
ARTIFACTS = REPO / "tests" / "artifacts"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not installed (make test installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    yield pg
    context.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: Path):
    import uvicorn

    app = create_app(str(db), allowed_hosts=["127.0.0.1"])
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=_free_port(), log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        app.state.newsweave.jobs.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = tmp_path_factory.mktemp("site") / "web.db"
    fixture_store(db, checked_report())
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    db = tmp_path_factory.mktemp("hostile") / "web.db"
    fixture_store(db, hostile_report())
    with serving(db) as url:
        yield url


def _shot(page, name: str, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def test_web_browser_story_page_badges_and_citations(page, site):
    from playwright.sync_api import expect

    page.goto(f"{site}/story/s-a1")
    brief = page.locator("ol.brief li")
    expect(brief).to_have_count(3)
    expect(brief.nth(1).locator(".badge")).to_have_text("conflicting")
    expect(brief.nth(2).locator(".badge")).to_have_text("single source")
    expect(brief.nth(0).locator("a.cite")).to_have_text(["[1]", "[2]", "[3]"])
    expect(page.locator("svg.coverage rect.only")).to_have_count(1)
    expect(page.locator("del", has_text="is")).to_be_visible()
    _shot(page, "story")


def test_web_browser_citation_lands_on_the_highlighted_sentence(page, site):
    from playwright.sync_api import expect

    page.goto(f"{site}/story/s-a1")
    # the disputed line cites a1 and a3, numbered as the story lists its articles
    page.locator("ol.brief li").nth(1).locator("a.cite", has_text="[3]").click()
    page.wait_for_url("**/article/a3#ev-a3-60-121")
    target = page.locator("#ev-a3-60-121")
    expect(target).to_have_text("Repairs will cost 6 million crowns, according to the council.")
    expect(target).to_be_in_viewport()
    assert target.evaluate("e => e.matches(':target')")
    # the :target rule marks it, unlike an evidence sentence that is not the target
    colour = target.evaluate("e => getComputedStyle(e).backgroundColor")
    other = page.locator("#ev-a3-0-59").evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(255, 216, 77)" and other != colour
    _shot(page, "article")


def test_web_browser_search(page, site):
    from playwright.sync_api import expect

    page.goto(site)
    page.fill("input[name=q]", "ferry")
    page.click("button[type=submit]")
    expect(page.locator("table.stories a", has_text="Quellmouth ferry pier closed")).to_be_visible()
    assert "q=ferry" in page.url
    _shot(page, "stories")
    page.fill("input[name=entity]", "nobody at all")
    page.click("button[type=submit]")
    expect(page.get_by_text("No story matches.")).to_be_visible()


def test_web_browser_upload_stores_and_shows_the_file(page, site):
    from playwright.sync_api import expect

    page.goto(f"{site}/add")
    title = "Invented harbour story for the upload test"
    upload = {"name": "invented-upload.html", "mimeType": "text/html",
              "buffer": html_page(11, title).encode()}  # fmt: skip
    page.set_input_files("input[name=files]", files=[upload])
    page.click("button[type=submit]")
    page.wait_for_url("**/jobs/*")
    expect(page.locator(".job-step")).to_have_text("done", timeout=180_000)
    expect(page.locator(".job-counts")).to_contain_text("1 stored, 0 duplicates, 0 failed")
    _shot(page, "job")
    page.locator(".job-articles a").first.click()
    expect(page.locator("h1")).to_have_text(title)
    page.goto(site)
    page.fill("input[name=q]", "harbour story")
    page.click("button[type=submit]")
    expect(page.locator("table.stories a", has_text="Invented harbour story")).to_be_visible()


def test_web_browser_planted_markup_does_not_run(page, hostile_site):
    from playwright.sync_api import expect

    dialogs, messages = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: messages.append(m.text))
    for path in ("/", "/story/s-a1", "/article/a3"):
        page.goto(hostile_site + path)
        page.mouse.move(5, 5)
        for el in [e for e in page.locator("td, h1, p, li").all() if e.is_visible()][:40]:
            el.hover()  # an onmouseover= that had become an attribute would fire here
    expect(page.locator("h1")).to_have_text(PLANTED["title"])
    expect(page.locator(".article-text")).to_have_text(PLANTED["text"])
    expect(page.get_by_text(PLANTED["url"]).first).to_be_visible()
    assert page.locator("a[href^='javascript']").count() == 0
    _shot(page, "hostile")
    assert dialogs == []
    assert not [m for m in messages if "alert" in m or "Content Security Policy" in m], messages


def test_web_browser_html_report_opens_without_requests(page, examples_report, tmp_path):
    from playwright.sync_api import expect

    path = tmp_path / "report.html"
    path.write_text(render_html(examples_report), "utf-8")
    assert path.stat().st_size < 2 * 1024 * 1024
    left: list[str] = []

    def block(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    page.route("**/*", block)
    page.goto(path.as_uri())
    expect(page.locator("section.story-block").first).to_be_visible()
    first_cite = page.locator("section.article-block h3").first
    expect(first_cite).to_be_visible()
    _shot(page, "report", full_page=False)
    assert left == []


@pytest.mark.shared
def test_web_browser_seed_story_badges_and_citations(page, seeds, tmp_path):
    """The product's reference pair: its story page as a person sees it, a citation followed."""
    from playwright.sync_api import expect

    from newsweave.pipeline import analyze
    from newsweave.store import SQLiteStore

    db = tmp_path / "seeds.db"
    with SQLiteStore(db) as store:
        report = analyze([str(seeds)], store, fetch=False)
    story = next(s for s in report.stories if len(s.article_ids) == 2)
    with serving(db) as url:
        page.goto(f"{url}/story/{story.id}")
        badges = page.locator("ol.brief .badge")
        expect(badges.first).to_be_visible()
        assert badges.count() >= 2
        cite = page.locator("ol.brief a.cite").first
        expect(cite).to_be_visible()
        _shot(page, "seed-story", full_page=False)
        href = cite.get_attribute("href")
        cite.click()
        anchor = href.split("#", 1)[1]
        target = page.locator(f"[id='{anchor}']")
        expect(target).to_be_in_viewport()
        assert target.evaluate("e => e.matches(':target')")
        _shot(page, "seed-article", full_page=False)
