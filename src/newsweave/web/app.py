"""The web app: FastAPI routes over the store, rendered with the report's views.

Security (article text, titles, outlets and URLs are hostile): templates autoescape and never
mark article data safe; a Content-Security-Policy allows no script at all (the pages need
none: the progress page refreshes itself with a meta tag); uploads are capped in count and
size and saved under names we choose; only a known Host is served, a cross-site form post is
refused, and with a token every request must carry it. Each request opens its own store
connection (sqlite3 connections do not cross threads).
"""

from __future__ import annotations

import hmac
import re
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..ingest.fetch import is_url
from ..ingest.sources import format_of
from ..report import SCHEMA
from ..report.html import environment, stylesheet
from ..report.json import article_dict
from ..report.views import CLAIM_STATUSES, WebLinks, article_view, attention, story_view
from ..settings import DEFAULTS, Settings
from ..store import SQLiteStore
from .jobs import JobRunner
from .listing import SORTS, STATUSES, Listing, Query, page_of

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
TOKEN_COOKIE = "newsweave_token"
# An uploaded file is saved as "<n>-<name>" with the name cut down to these characters: the
# name a browser sends is the user's (or an attacker's) string, never a path we follow.
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The stories' fingerprint reads every story row (17 ms for 1,163 stories with check data on
# the load benchmark's store): look at it at most this often, not on every request.
LISTING_CHECK_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Limits of the web app.

    Args:
        max_upload_files: files accepted in one upload.
        max_upload_bytes: bytes of one uploaded file (the CLI's max_file_bytes by default).
        max_request_bytes: bytes of one whole upload request.
        max_urls: URLs accepted in one paste.
        page_size: stories per page of the list.
    """

    max_upload_files: int = 50
    max_upload_bytes: int = DEFAULTS.max_file_bytes
    max_request_bytes: int = 100 * 1024 * 1024
    max_urls: int = 200
    page_size: int = 25

    def __post_init__(self) -> None:
        for name in ("max_upload_files", "max_upload_bytes", "max_request_bytes", "page_size"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be > 0")


class _State:
    """What the app keeps between requests: the listing of the current grouping, the jobs."""

    def __init__(self, db: str, settings: Settings) -> None:
        self.jobs = JobRunner(db, settings, on_done=self.stale)
        self._listing: tuple[Any, Listing] | None = None
        self._checked = float("-inf")
        self._lock = threading.Lock()

    def listing(self, store: SQLiteStore) -> Listing:
        with self._lock:
            now = time.monotonic()
            if self._listing is not None and now - self._checked < LISTING_CHECK_SECONDS:
                return self._listing[1]
            key = store.stories_fingerprint()
            if self._listing is None or self._listing[0] != key:
                built = Listing.build(store.stories(), store.articles_with_readings())
                self._listing = (key, built)
            self._checked = time.monotonic()
            return self._listing[1]

    def stale(self) -> None:
        """Check the stories again at the next request (a job has just regrouped)."""
        self._checked = float("-inf")


def create_app(
    db: str,
    token: str | None = None,
    web: WebSettings = WebSettings(),  # noqa: B008 - frozen, shared safely
    settings: Settings = DEFAULTS,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The app over the store at `db` (created when missing).

    Args:
        token: when set, every request must carry it (Bearer header, or ?token= once).
        allowed_hosts: Host headers served (others get 400); None serves any.
    """
    SQLiteStore(db).close()  # create or migrate it now, not in the first request
    app = FastAPI(title="newsweave", version=SCHEMA, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json")  # fmt: skip
    state = _State(db, settings)
    env = environment(Path(__file__).parent / "templates")
    env.globals["link"] = WebLinks()
    uploads = Path(db).resolve().parent / f"{Path(db).name}.uploads"

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    def store() -> SQLiteStore:
        return SQLiteStore(db)

    _guard(app, token)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        return page("message.html", exc.status_code, title="Not here", message=exc.detail)

    @app.get("/static/style.css", include_in_schema=False)
    def css() -> Response:
        return Response(stylesheet(), media_type="text/css")

    def query_of(request: Request) -> Query:
        p = request.query_params

        def date_param(name: str) -> str:
            v = p.get(name, "").strip()
            return v if _DATE.match(v) else ""

        try:
            n = int(p.get("page", "1"))
        except ValueError:
            n = 1
        return Query(q=p.get("q", "")[:200], entity=p.get("entity", "")[:200],
                     outlet=p.get("outlet", "")[:200], since=date_param("since"),
                     until=date_param("until"),
                     status=p.get("status") if p.get("status") in STATUSES else "any",
                     sort=p.get("sort") if p.get("sort") in SORTS else "size", page=n)  # fmt: skip

    def listed(request: Request) -> tuple[Query, list, int, int, Listing]:
        query = query_of(request)
        with store() as s:
            listing = state.listing(s)
        found = listing.search(query)
        items, pages = page_of(found, query.page, web.page_size)
        return query, items, pages, len(found), listing

    @app.get("/", response_class=HTMLResponse, summary="Stories (HTML)")
    def stories_page(request: Request) -> HTMLResponse:
        query, items, pages, total, _ = listed(request)
        chart = attention([e.story for e in items], {e.story["id"]: e.days for e in items})
        params = {k: v for k, v in request.query_params.items() if k != "page"}

        def page_url(n: int) -> str:
            return "/?" + urlencode({**params, "page": n})

        return page("stories.html", query=query, entries=items, pages=pages, total=total,
                    page_n=min(max(query.page, 1), pages), page_url=page_url, chart=chart,
                    sorts=SORTS, statuses=STATUSES)  # fmt: skip

    def story_data(story_id: str) -> tuple[dict, dict[str, dict]]:
        with store() as s:
            story = s.story(story_id)
            if story is None:
                raise HTTPException(404, f"no story {story_id!r} in this store")
            articles = {}
            for aid in story.get("article_ids") or ():
                a = s.get(aid)
                if a is not None:
                    articles[aid] = article_dict(a, s.reading(aid))
        return story, articles

    @app.get("/story/{story_id}", response_class=HTMLResponse, summary="One story (HTML)")
    def story_page(story_id: str, claims: str | None = None) -> HTMLResponse:
        story, articles = story_data(story_id)
        only = claims if claims in CLAIM_STATUSES else None
        return page("story.html", v=story_view(story, articles, only))

    def article_data(article_id: str) -> tuple[dict, list[dict]]:
        with store() as s:
            a = s.get(article_id)
            if a is None:
                raise HTTPException(404, f"no article {article_id!r} in this store")
            listing = state.listing(s)
            stories = [s.story(sid) for sid in listing.stories_of.get(article_id, ())]
            return article_dict(a, s.reading(article_id)), [x for x in stories if x]

    @app.get("/article/{article_id}", response_class=HTMLResponse, summary="One article (HTML)")
    def article_page(article_id: str) -> HTMLResponse:
        article, stories = article_data(article_id)
        return page("article.html", v=article_view(article, stories))

    @app.get("/add", response_class=HTMLResponse, summary="Add articles (HTML form)")
    def add_page() -> HTMLResponse:
        return page("add.html", web=web)

    @app.post("/add", summary="Upload files and/or paste URLs; redirects to the job's progress")
    async def add(request: Request) -> Response:
        _same_origin(request)
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > web.max_request_bytes:
            return page("add.html", 413, web=web, problems=[
                f"upload too large: over {web.max_request_bytes:,} bytes in one request "
                "(send fewer or smaller files at a time)"])  # fmt: skip
        try:
            form = await request.form(max_files=web.max_upload_files, max_fields=20)
        except Exception as e:  # noqa: BLE001 - python-multipart's limits raise several types
            return page("add.html", 400, web=web, problems=[f"upload refused: {e}"])
        inputs, names, problems = [], {}, []
        folder = uploads / uuid.uuid4().hex
        files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
        for n, upload in enumerate(files):
            path, problem = await _save_upload(upload, folder, n, web.max_upload_bytes)
            if problem:
                problems.append(problem)
            else:
                inputs.append(str(path))
                names[str(path)] = upload.filename
        urls = [u.strip() for u in str(form.get("urls") or "").splitlines() if u.strip()]
        for u in urls[web.max_urls :]:
            problems.append(f"{u[:200]}: over {web.max_urls} URLs in one paste (add the rest next)")
        for u in urls[: web.max_urls]:
            if is_url(u):
                inputs.append(u)
            else:
                problems.append(f"{u[:200]}: not an http(s) URL")
        if not inputs and not problems:
            return page("add.html", 400, web=web, problems=["choose files or paste URLs first"])
        job = state.jobs.submit(inputs, names, problems)
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, summary="A job's progress (HTML)")
    def job_page(job_id: str) -> HTMLResponse:
        job = state.jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no job {job_id!r} (jobs are kept while the app runs)")
        return page("job.html", job=job)

    _api(app, state, store, listed, story_data, article_data)

    @app.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return page("apidocs.html", spec=app.openapi())

    app.state.newsweave = state
    return app


def _api(app: FastAPI, state: _State, store, listed, story_data, article_data) -> None:
    """The JSON API: the report's shapes (newsweave.report/1)."""

    @app.get("/api/stories", summary="Stories, with the list's search, filters, sort and pages")
    def api_stories(request: Request) -> dict[str, Any]:
        query, items, pages, total, _ = listed(request)
        return {"schema": SCHEMA, "total": total, "page": query.page, "pages": pages,
                "stories": [e.story for e in items]}  # fmt: skip

    @app.get("/api/stories/{story_id}", summary="One story and its articles, as a report")
    def api_story(story_id: str) -> dict[str, Any]:
        story, articles = story_data(story_id)
        return {"schema": SCHEMA, "articles": list(articles.values()), "stories": [story]}

    @app.get("/api/articles/{article_id}", summary="One article as in the report's articles[]")
    def api_article(article_id: str) -> dict[str, Any]:
        return article_data(article_id)[0]

    @app.get("/api/jobs/{job_id}", summary="A job's progress and failures")
    def api_job(job_id: str) -> dict[str, Any]:
        job = state.jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no job {job_id!r}")
        return job.to_dict()


async def _save_upload(
    upload: UploadFile, folder: Path, n: int, limit: int
) -> tuple[Path | None, str | None]:
    """Copy one upload under a name we make, refusing unknown kinds and oversize files."""
    shown = (upload.filename or "upload")[:200]
    base = _UNSAFE_NAME.sub("_", Path(shown.replace("\\", "/")).name).lstrip(".")[:80]
    if format_of(base) is None:
        return None, (f"{shown}: not a kind newsweave reads (.html, .htm, .html.gz, .txt, "
                      ".warc, .warc.gz, .jsonl, .rss, .atom, .xml)")  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{n:03d}-{base}"
    size = 0
    with path.open("wb") as out:
        while chunk := await upload.read(1 << 20):
            size += len(chunk)
            if size > limit:
                out.close()
                path.unlink()
                return None, f"{shown}: too large: over {limit:,} bytes"
            out.write(chunk)
    return path, None


def _same_origin(request: Request) -> None:
    """Refuse a form posted from another site (a page elsewhere posting to our loopback)."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and origin.split("://", 1)[-1] != request.headers.get("host"):
        raise HTTPException(403, "cross-site form posts are refused")


def _guard(app: FastAPI, token: str | None) -> None:
    """Security headers on every response; with a token, no request without it."""

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if token is not None:
            given = request.headers.get("authorization", "").removeprefix("Bearer ")
            given = given or request.cookies.get(TOKEN_COOKIE, "")
            if not hmac.compare_digest(given.encode(), token.encode()):
                in_url = request.query_params.get("token", "")
                if in_url and hmac.compare_digest(in_url.encode(), token.encode()):
                    rest = urlencode([(k, v) for k, v in request.query_params.multi_items()
                                      if k != "token"])  # fmt: skip
                    resp = RedirectResponse(request.url.path + (f"?{rest}" if rest else ""), 303)
                    resp.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
                    return _secure(resp)
                return _secure(Response("missing or wrong token: open the address newsweave "
                                        "serve printed (with ?token=...)\n", 401,
                                        media_type="text/plain"))  # fmt: skip
        return _secure(await call_next(request))


def _secure(response: Response) -> Response:
    for k, v in SECURITY_HEADERS.items():
        response.headers[k] = v
    return response
