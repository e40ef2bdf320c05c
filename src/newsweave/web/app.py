"""The web app: FastAPI routes over the store, rendered with the report's views.

Security (article text, titles, outlets and URLs are hostile): templates autoescape and never
mark article data safe; a Content-Security-Policy allows no script at all (the pages need
none: the progress page refreshes itself with a meta tag); uploads are capped in count and
size and saved under names we choose; only a known Host is served, a cross-site form post is
refused, and with a token every request must carry it.

Speed: each worker thread keeps one read connection (sqlite3 connections do not cross
threads); pages and API answers are cached by request until the store's revision moves (see
cache.py), and carry an ETag so a browser's repeat request gets a 304.
"""

from __future__ import annotations

import hmac
import json
import re
import threading
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import anyio.to_thread
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.datastructures import MutableHeaders, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..ingest.fetch import is_url
from ..ingest.sources import skipped_ending
from ..report import SCHEMA
from ..report.html import environment, stylesheet
from ..report.json import report_article
from ..report.views import CLAIM_STATUSES, WebLinks, article_view, attention, story_view
from ..settings import DEFAULTS, Settings, WebSettings
from ..store import SQLiteStore
from .cache import MISSED, Cached, CachedPages, PageCache, not_modified, request_key
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
# Cached answers are revalidated on every use (a page must change as soon as the store does).
CACHE_CONTROL = "private, no-cache"


class _State:
    """What the app keeps between requests: one read connection per thread, the listing of
    the store's current revision, the page cache, the jobs."""

    def __init__(self, db: str, settings: Settings, web: WebSettings) -> None:
        self.db = db
        self.jobs = JobRunner(db, settings)
        self.pages = PageCache(web.page_cache_bytes)
        self._listing: tuple[int, Listing] | None = None
        self._lock = threading.Lock()
        self._local = threading.local()

    def store(self) -> SQLiteStore:
        """This thread's read connection (opening one per request cost ~0.5 ms of pragmas and
        the schema check)."""
        s = getattr(self._local, "store", None)
        if s is None:
            s = self._local.store = SQLiteStore(self.db)
        return s

    def listing(self, store: SQLiteStore) -> Listing:
        """The listing of the store as it is now (rebuilt when the revision has moved)."""
        with self._lock, store.snapshot():
            revision = store.revision()
            if self._listing is not None and self._listing[0] == revision:
                return self._listing[1]
            built = Listing.build(store.stories(), store.member_facts())
            if self._listing is None or revision > self._listing[0]:
                self._listing = (revision, built)  # never back to an older one
            return built

    def answer(self, request: Request, media_type: str, make: Callable[[SQLiteStore], bytes]):
        """The cached answer to this request, made by `make` when the store has moved since."""
        s = self.store()
        key = request_key(request.scope)
        # a GET the cache layer missed is not looked up again (without the layer in front,
        # the route looks it up here)
        hit = None if request.scope.get(MISSED) else self.pages.get(key, s.revision())
        if hit is None:
            with s.snapshot():  # the revision and what is read with it are one state
                revision = s.revision()
                body = make(s)
            hit = self.pages.put(key, revision, body, media_type)
        return _conditional(request, hit)


def _conditional(request: Request, hit: Cached) -> Response:
    """The cached body, or 304 Not Modified when the browser already holds these bytes."""
    headers = {"ETag": hit.etag, "Cache-Control": CACHE_CONTROL}
    if not_modified(request.headers.get("if-none-match", ""), hit):
        return Response(status_code=304, headers=headers)
    return Response(hit.body, media_type=hit.media_type, headers=headers)


def _json(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def create_app(
    db: str | None = None,
    token: str | None = None,
    settings: Settings = DEFAULTS,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The app over the store at `db` (created when missing).

    Args:
        db: the SQLite store (default: `settings.store.db_path`).
        token: when set, every request must carry it (Bearer header, or ?token= once).
        settings: the whole tree: `settings.web` holds the app's limits, and the jobs of the
            add-articles page run the pipeline with it.
        allowed_hosts: Host headers served (others get 400); None serves any.
    """
    db = settings.store.db_path if db is None else db
    web = settings.web
    if not web.max_upload_bytes:  # 0: an upload is capped as any other input
        web = replace(web, max_upload_bytes=settings.ingest.max_file_bytes)
    SQLiteStore(db).close()  # create or migrate it now, not in the first request

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = web.worker_threads
        yield

    app = FastAPI(title="newsweave", version=SCHEMA, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json", lifespan=lifespan)  # fmt: skip
    state = _State(db, settings, web)
    env = environment(Path(__file__).parent / "templates")
    env.globals["link"] = WebLinks()
    uploads = Path(db).resolve().parent / f"{Path(db).name}.uploads"

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(render(name, **context), status_code=status)

    def render(name: str, **context: Any) -> str:
        return env.get_template(name).render(**context)

    def html(request: Request, make: Callable[[SQLiteStore], str]) -> Response:
        return state.answer(request, "text/html; charset=utf-8", lambda s: make(s).encode())

    app.add_middleware(CachedPages, pages=state.pages, revision=lambda: state.store().revision(),
                       cache_control=CACHE_CONTROL)  # fmt: skip
    app.add_middleware(_Guard, token=token)  # outside the cache: its answers need the token too
    app.add_middleware(_HeadAsGet)
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

    def listed(request: Request, s: SQLiteStore) -> tuple[Query, list, int, int]:
        query = query_of(request)
        found = state.listing(s).search(query)
        items, pages = page_of(found, query.page, web.page_size)
        return query, items, pages, len(found)

    @app.get("/", response_class=HTMLResponse, summary="Stories (HTML)")
    def stories_page(request: Request) -> Response:
        def make(s: SQLiteStore) -> str:
            query, items, pages, total = listed(request, s)
            chart = attention([e.story for e in items], {e.story["id"]: e.days for e in items})
            params = {k: v for k, v in request.query_params.items() if k != "page"}

            def page_url(n: int) -> str:
                return "/?" + urlencode({**params, "page": n})

            return render("stories.html", query=query, entries=items, pages=pages, total=total,
                          page_n=min(max(query.page, 1), pages), page_url=page_url,
                          chart=chart, sorts=SORTS, statuses=STATUSES)  # fmt: skip

        return html(request, make)

    def story_data(s: SQLiteStore, story_id: str) -> tuple[dict, dict[str, dict]]:
        story = s.story(story_id)
        if story is None:
            raise HTTPException(404, f"no story {story_id!r} in this store")
        ids = list(story.get("article_ids") or ())
        records = s.article_records(ids)
        return story, {aid: report_article(*records[aid]) for aid in ids if aid in records}

    @app.get("/story/{story_id}", response_class=HTMLResponse, summary="One story (HTML)")
    def story_page(request: Request, story_id: str, claims: str | None = None) -> Response:
        only = claims if claims in CLAIM_STATUSES else None

        def make(s: SQLiteStore) -> str:
            return render("story.html", v=story_view(*story_data(s, story_id), only))

        return html(request, make)

    def article_data(s: SQLiteStore, article_id: str) -> tuple[dict, list[dict]]:
        record = s.article_records([article_id]).get(article_id)
        if record is None:
            raise HTTPException(404, f"no article {article_id!r} in this store")
        stories = [s.story(sid) for sid in state.listing(s).stories_of.get(article_id, ())]
        return report_article(*record), [x for x in stories if x]

    @app.get("/article/{article_id}", response_class=HTMLResponse, summary="One article (HTML)")
    def article_page(request: Request, article_id: str) -> Response:
        def make(s: SQLiteStore) -> str:
            return render("article.html", v=article_view(*article_data(s, article_id)))

        return html(request, make)

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

    _api(app, state, listed, story_data, article_data)

    @app.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return page("apidocs.html", spec=app.openapi())

    app.state.newsweave = state
    return app


def _api(app: FastAPI, state: _State, listed, story_data, article_data) -> None:
    """The JSON API: the report's shapes (newsweave.report/1)."""

    def answer(request: Request, make: Callable[[SQLiteStore], Any]) -> Response:
        return state.answer(request, "application/json", lambda s: _json(make(s)))

    @app.get("/api/stories", response_class=JSONResponse,
             summary="Stories, with the list's search, filters, sort and pages")  # fmt: skip
    def api_stories(request: Request) -> Response:
        def make(s: SQLiteStore) -> dict[str, Any]:
            query, items, pages, total = listed(request, s)
            return {"schema": SCHEMA, "total": total, "page": query.page, "pages": pages,
                    "stories": [e.story for e in items]}  # fmt: skip

        return answer(request, make)

    @app.get("/api/stories/{story_id}", response_class=JSONResponse,
             summary="One story and its articles, as a report")  # fmt: skip
    def api_story(request: Request, story_id: str) -> Response:
        def make(s: SQLiteStore) -> dict[str, Any]:
            story, articles = story_data(s, story_id)
            return {"schema": SCHEMA, "articles": list(articles.values()), "stories": [story]}

        return answer(request, make)

    @app.get("/api/articles/{article_id}", response_class=JSONResponse,
             summary="One article as in the report's articles[]")  # fmt: skip
    def api_article(request: Request, article_id: str) -> Response:
        return answer(request, lambda s: article_data(s, article_id)[0])

    @app.get("/api/jobs/{job_id}", summary="A job's progress and failures")
    def api_job(job_id: str) -> dict[str, Any]:
        job = state.jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no job {job_id!r}")
        return job.to_dict()


async def _save_upload(
    upload: UploadFile, folder: Path, n: int, limit: int
) -> tuple[Path | None, str | None]:
    """Copy one upload under a name we make, refusing oversize files and the endings a folder
    skips (images, scripts...); other unknown endings are sniffed, as in a folder."""
    shown = (upload.filename or "upload")[:200]
    base = _UNSAFE_NAME.sub("_", Path(shown.replace("\\", "/")).name).lstrip(".")[:80]
    if (ending := skipped_ending(base)) is not None:
        return None, f"{shown}: {ending} files never hold an article (skipped as in folders)"
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


class _Guard:
    """Security headers on every response; with a token, no request without it.

    A plain ASGI middleware: Starlette's @app.middleware("http") wraps every response in a
    stream and a task, a tenth of a cached page's time under load.
    """

    def __init__(self, app: Any, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = self._refused(Request(scope)) if self.token is not None else None
        if refused is not None:
            await _secure(refused)(scope, receive, send)
            return

        async def secured(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for k, v in SECURITY_HEADERS.items():
                    headers[k] = v
            await send(message)

        await self.app(scope, receive, secured)

    def _refused(self, request: Request) -> Response | None:
        """The answer to a request without the token (None: it carries it)."""
        token = self.token or ""
        given = request.headers.get("authorization", "").removeprefix("Bearer ")
        given = given or request.cookies.get(TOKEN_COOKIE, "")
        if hmac.compare_digest(given.encode(), token.encode()):
            return None
        in_url = request.query_params.get("token", "")
        if in_url and hmac.compare_digest(in_url.encode(), token.encode()):
            rest = urlencode([(k, v) for k, v in request.query_params.multi_items()
                              if k != "token"])  # fmt: skip
            resp = RedirectResponse(request.url.path + (f"?{rest}" if rest else ""), 303)
            resp.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
            return resp
        return Response("missing or wrong token: open the address newsweave serve printed "
                        "(with ?token=...)\n", 401, media_type="text/plain")  # fmt: skip


class _HeadAsGet:
    """Answer HEAD as GET without the body (RFC 9110 9.3.2), on every page and API route.

    FastAPI's `@app.get` routes refuse HEAD with 405, which breaks `curl -I` and link or uptime
    checkers; Starlette's own routes answer it. The headers (Content-Length, ETag) are GET's.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: dict) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def _secure(response: Response) -> Response:
    for k, v in SECURITY_HEADERS.items():
        response.headers[k] = v
    return response
