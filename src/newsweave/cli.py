"""The `newsweave` command: it parses, draws progress and prints; the work is pipeline.py's.

Every option that tunes the work (--max-file-bytes, --offline, --timeout, --deadline,
--time-budget, --ignore-robots, --workers, --db, and serve's --host and --port) sets one field
of the settings.Settings tree (`settings.FLAGS`). Every command that takes settings (all but
`bench`) takes --config, which reads the whole tree from a newsweave.toml; a flag given
overrides the file, and the file the defaults.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Callable
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape as escape_markup
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from . import __version__
from .errors import NewsweaveError, printable
from .model import source_name
from .outputs import atomic_writer, check_writable
from .pipeline import Outcome, Report, Summary, read_stored, run
from .settings import DEFAULTS, FLAGS, MAX_PORT, MAX_WORKERS, Settings, load_settings
from .store import open_store
from .workers import available_cpus


def escape(text: str) -> str:
    """Text from inputs as the terminal shows it: markup escaped, control characters too (an
    ESC in a byline reached the terminal raw)."""
    return escape_markup(printable(text))


err_console = Console(stderr=True, highlight=False)
out_console = Console(highlight=False)
if not out_console.is_terminal:  # piped or captured: do not squeeze tables into 80 columns
    out_console = Console(highlight=False, width=160)


# Every command that takes settings takes the same --config; the precedence is one rule, in
# `_settings`: a flag given, else the file's value, else the default.
_config_option = click.option(
    "--config", type=click.Path(dir_okay=False, exists=True), default=None,
    help="A newsweave.toml with settings (docs/newsweave.toml lists every key with its "
    "default); a flag given here overrides the file, the file overrides the defaults.",
)  # fmt: skip


def _input_options(f: Callable) -> Callable:
    """Options shared by every command that reads inputs."""
    options = [
        click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-input errors; "
                     "only the summary line."),
        click.option("--max-file-bytes", type=click.IntRange(min=1), default=None,
                     help="Refuse inputs larger than this many bytes "
                     f"[default: {DEFAULTS.ingest.max_file_bytes:,}]."),
        click.option("--timeout", "http_timeout_seconds", type=click.FloatRange(min=0.1),
                     default=None, help="Seconds a URL fetch waits for each read "
                     f"[default: {DEFAULTS.fetch.timeout_seconds:g}]."),
        click.option("--deadline", "http_deadline_seconds", type=click.FloatRange(min=0.1),
                     default=None, help="Seconds one URL fetch may take in all "
                     f"[default: {DEFAULTS.fetch.deadline_seconds:g}]."),
        click.option("--time-budget", "extract_time_budget_seconds",
                     type=click.FloatRange(min=0.1), default=None,
                     help="Seconds one document's extraction may take before it fails "
                     f"[default: {DEFAULTS.extract.time_budget_seconds:g}]."),
        click.option("--ignore-robots", is_flag=True,
                     help="Fetch URLs even where robots.txt disallows it (your responsibility)."),
        click.option("--workers", type=click.IntRange(min=0, max=MAX_WORKERS), default=None,
                     help="Processes that extract and read articles; the output is the same "
                     "with any number [default: 0, one per CPU this process may use: "
                     f"{available_cpus()} here]."),
        click.option("--offline", is_flag=True,
                     help="Never fetch: URLs and teaser-only feed entries fail, clearly."),
        _config_option,
    ]  # fmt: skip
    for option in reversed(options):
        f = option(f)
    return click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")(f)


def _checked_out(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """An --out path is checked before any work starts (a missing folder lost a whole run)."""
    try:
        if value is not None:
            check_writable(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None
    return value


def _settings(opts: dict[str, Any]) -> Settings:
    """The --config file's settings (the defaults without one), with each flag given set on
    its field (`settings.FLAGS`); a flag not given leaves the file's value."""
    base = DEFAULTS
    if opts.get("config"):
        try:
            base = load_settings(opts["config"])
        except ValueError as e:
            raise click.BadParameter(str(e), param_hint="--config") from None
    given = {**opts, "ignore_robots": False if opts.get("ignore_robots") else None}
    # an on/off flag not given is False from click: only a given one changes the setting
    given["offline"] = True if opts.get("offline") else None
    return base.with_(**{FLAGS[k]: v for k, v in given.items() if k in FLAGS})


@contextmanager
def _progress(quiet: bool):
    """A progress bar over input units (files, URLs), with rate and ETA, on stderr."""
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=err_console,
        disable=quiet,
        transient=True,
    )
    with progress:
        task = progress.add_task("reading", total=None, rate="")

        def start(n: int) -> None:
            progress.update(task, total=n)

        counts = {"articles": 0, "failed": 0}

        def done(_unit: object) -> None:
            progress.advance(task)
            t = progress.tasks[0]
            if t.elapsed:
                progress.update(task, rate=f"{t.completed / t.elapsed:.1f} inputs/s")

        def seen(o: Outcome) -> None:
            # a WARC or feed is one input but many articles: show both
            counts["articles" if o.article is not None else "failed"] += 1
            progress.update(
                task, description=f"{counts['articles']} articles, {counts['failed']} failed"
            )

        yield start, done, seen


def _print_error(o: Outcome, quiet: bool) -> None:
    """A failed input's one error line on stderr (none with --quiet)."""
    if o.error is not None and not quiet:
        err_console.print(f"[red]error[/red] {escape(str(o.error))}", soft_wrap=True)


def _run_with_ui(
    inputs: tuple[str, ...], settings: Settings, quiet: bool, store=None, on_article=None
):

    with _progress(quiet) as (start, done, seen):

        def on_outcome(o: Outcome) -> None:
            seen(o)
            _print_error(o, quiet)
            if on_article is not None:
                on_article(o)

        summary = run(
            list(inputs),
            settings,
            store=store,
            on_unit_start=start,
            on_outcome=on_outcome,
            on_unit_done=done,
        )
    return summary


def _finish(summary: Summary, verb: str = "stored") -> None:
    err_console.print(summary.line(verb))
    sys.exit(1 if summary.all_failed else 0)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsweave")
def main() -> None:
    """newsweave: news articles from many outlets into cross-checked stories, offline.

    INPUT may be a file (.html, .htm, .html.gz, .txt, .warc, .warc.gz, .jsonl, .rss/.atom/.xml
    feeds), a folder (read recursively), an http(s) URL (a page or a feed), or - for stdin.
    """


@main.command()
@_input_options
@click.option("--out", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, callback=_checked_out,
              help="Write JSON Lines here (- for stdout).")  # fmt: skip
def extract(inputs: tuple[str, ...], out: str, **opts: Any) -> None:
    """Ingest and extract only: one JSON object per article, or {"source", "error"} per failure.

    Nothing is stored. Example: newsweave extract pages/ --out articles.jsonl
    """
    with nullcontext(sys.stdout) if out == "-" else atomic_writer(out) as sink:

        def write(o: Outcome) -> None:
            if o.article is not None:
                obj = o.article.to_dict()
            else:
                obj = {"source": o.source, "error": o.error.reason if o.error else "unknown"}
            sink.write(json.dumps(obj, ensure_ascii=False) + "\n")

        summary = _run_with_ui(inputs, _settings(opts), opts["quiet"], on_article=write)
    _finish(summary, "extracted")


# Commands that take --config read --db's default from it ([store] db_path), so theirs is None.
_db_from_config = click.option(
    "--db", type=click.Path(dir_okay=False), default=None,
    help=f"The SQLite store (created when missing) [default: {DEFAULTS.store.db_path}, "
    "or the --config file's [store] db_path].",
)  # fmt: skip
# Commands that only read the store refuse a missing one (a typo must not make an empty store).
_existing_db_option = click.option(
    "--db", type=click.Path(dir_okay=False), default=None,
    help="The SQLite store; it must exist (made by `ingest` or `analyze`) [default: "
    f"{DEFAULTS.store.db_path}, or the --config file's [store] db_path].",
)  # fmt: skip


def _store_settings(db: str | None, config: str | None) -> Settings:
    """The settings of a command that takes only --db and --config."""
    return _settings({"config": config, "db": db})


@main.command()
@_input_options
@_db_from_config
def ingest(inputs: tuple[str, ...], **opts: Any) -> None:
    """Ingest, extract and store articles. Safe to rerun: what is stored is not stored again,
    and an input whose bytes are unchanged since it was stored is not extracted again.

    Example: newsweave ingest pages/ feed.xml https://example.org/story --db news.db
    """
    settings = _settings(opts)
    with open_store(settings.store.db_path) as store:
        summary = _run_with_ui(inputs, settings, opts["quiet"], store=store)
    _finish(summary)


@main.command()
@_existing_db_option
@_config_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most N.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article instead.")
def articles(db: str | None, config: str | None, limit: int | None, as_json: bool) -> None:
    """List stored articles with outlet, date and title."""
    db = _store_settings(db, config).store.db_path
    _need_store(db, "ingest")
    with open_store(db) as store:
        rows = list(itertools.islice(store.articles(), limit))
    if as_json:
        for a in rows:
            click.echo(json.dumps(a.to_dict(), ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} articles in {escape(db)}", title_justify="left")
    for col in ("id", "outlet", "published", "lang", "words", "title"):
        table.add_column(col, overflow="fold", no_wrap=col in ("id", "published"))
    for a in rows:
        table.add_row(
            a.id, escape(a.outlet or "-"), a.published or "-", a.language or "-",
            str(len(a.text.split())), escape(a.title or "(no title)"),
        )  # fmt: skip
    out_console.print(table)


def _read_stored(
    store, article_ids: list[str] | None, quiet: bool, settings: Settings = DEFAULTS
) -> None:
    """Read what is not read yet, with a progress bar."""
    with Progress(
        TextColumn("[bold]reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("eta"), TimeRemainingColumn(), console=err_console, disable=quiet,
        transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("reading", total=None)
        read_stored(
            store,
            article_ids,
            on_start=lambda n: progress.update(task, total=n),
            on_read=lambda: progress.advance(task),
            settings=settings,
        )


@main.command()
@_input_options
@_db_from_config
@click.option("--out", "-o", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              callback=_checked_out,
              help="Write the report JSON (newsweave.report/1) here; - for stdout.")  # fmt: skip
@click.option(
    "--html",
    "html_out",
    type=click.Path(dir_okay=False),
    default=None,
    callback=_checked_out,
    help="Write a self-contained HTML report (no script, no network) here.",
)
@click.option(
    "--md",
    "md_out",
    type=click.Path(dir_okay=False),
    default=None,
    callback=_checked_out,
    help="Write the briefs and claim, quote, number, coverage and framing tables as Markdown here.",
)
def analyze(
    inputs: tuple[str, ...],
    out: str | None,
    html_out: str | None,
    md_out: str | None,
    **opts: Any,
) -> None:
    """The whole pipeline: ingest, extract, read (entities, quotes, numbers, times), group into
    stories, cross-check each story; prints the stories with their briefs.

    Every brief sentence carries its status (corroborated by independent sources, single
    source, conflicting) and cites its articles. Inputs whose bytes are unchanged since they
    were stored are not extracted again (their articles count as duplicates), articles already
    in the store are not read again, new articles are added to the stored stories (only the
    stories they touch are settled and checked again; `newsweave regroup` regroups the whole
    store), and a story whose articles did not change is not checked again.
    Example: newsweave analyze pages/ --out report.json
    """
    from .pipeline import analyze as run_analyze

    settings = _settings(opts)
    with open_store(settings.store.db_path) as store:
        with _pipeline_progress(opts["quiet"]) as progress:
            report = run_analyze(list(inputs), store, settings, progress)
        # the report's articles are read from the store as they are written
        shown = _write_outputs(report, out, html_out, md_out)
    if out != "-":
        where = f"all are in {out}" if out else f"newsweave articles --db {settings.store.db_path}"
        _print_report(shown, where)
        _print_briefs(shown)
    _finish(report.summary)


def _write_outputs(
    report: Report, out: str | None, html_out: str | None, md_out: str | None
) -> dict[str, Any]:
    """Write the report files; returns what the terminal shows of the report (each article's
    head and counts: `_shown`, and the stories).

    The JSON report is written as it goes, an article at a time (`Report.write_json`): a
    report of 10,000 articles is never in memory. The HTML and Markdown renderers take the
    whole report, so with `--html` or `--md` it is built first.
    """
    stories = report.story_heads()
    if html_out or md_out:
        from .report.json import dumps

        data = report.to_dict()
        if out:
            with nullcontext(sys.stdout) if out == "-" else atomic_writer(out) as f:
                f.write(dumps(data) + "\n")
        if html_out:
            from .report.html import render_html

            with atomic_writer(html_out) as f:
                f.write(render_html(data))
        if md_out:
            from .report.markdown import render_markdown

            with atomic_writer(md_out) as f:
                f.write(render_markdown(data))
        return {"articles": [_shown(a) for a in data["articles"]], "stories": stories}
    heads: list[dict[str, Any]] = []
    if out:
        with nullcontext(sys.stdout) if out == "-" else atomic_writer(out) as f:
            report.write_json(f, lambda a: heads.append(_shown(a)))
    else:
        from .report.json import article_dict

        heads = [_shown(article_dict(a, r)) for a, r in report.articles]
    return {"articles": heads, "stories": stories}


def _shown(article: dict[str, Any]) -> dict[str, Any]:
    """What the terminal shows of a report article: its head, and how many entities, quotes
    and numbers it holds (not the lists: the text and reading are let go)."""
    head = ("id", "source", "outlet", "published", "title", "duplicate_of")
    counts = ("entities", "quotes", "numbers")
    return {**{k: article[k] for k in head}, **{k: len(article[k]) for k in counts}}


@main.command()
@_existing_db_option
@_config_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def regroup(db: str | None, config: str | None, quiet: bool) -> None:
    """Regroup the whole store into stories, then list them.

    `analyze` adds new articles to the stored stories and settles only the stories they
    touch; this groups every stored article again from scratch, as the first analyze of the
    store did (copies, stories, the split and the consensus of several input orders), and
    checks every story whose membership changed. Articles not read yet are read first.
    Example: newsweave regroup --db newsweave.db
    """
    from .pipeline import regroup as run_regroup

    settings = _store_settings(db, config)
    db = settings.store.db_path
    _need_store(db)
    with open_store(db) as store, _pipeline_progress(quiet) as progress:
        read_stored(
            store, None, on_start=progress.on_read_start, on_read=progress.on_read,
            settings=settings,
        )  # fmt: skip
        progress.on_group_start(store.count())
        run_regroup(store, settings, progress.on_check)
        stories = store.stories()
    _print_stories(stories)


@contextmanager
def _pipeline_progress(quiet: bool):
    """Progress of a whole analyze on stderr: inputs, reading, grouping, checking."""
    from .pipeline import ProgressCallbacks

    with _progress(quiet) as (start, done, seen):
        callbacks = ProgressCallbacks(on_unit_start=start, on_unit_done=done)
        bars = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=err_console, disable=quiet, transient=True,
        )  # fmt: skip

        def outcome(o: Outcome) -> None:
            seen(o)
            _print_error(o, quiet)

        def read_start(n: int) -> None:
            bars.start()
            bars.add_task("reading articles", total=n)

        def read() -> None:
            bars.advance(bars.task_ids[-1])

        def group_start(n: int) -> None:
            bars.add_task(f"grouping {n} stored articles into stories", total=None)

        def check(k: int, n: int) -> None:
            if bars.tasks[-1].description != "checking stories":
                bars.add_task("checking stories", total=n)
            bars.update(bars.task_ids[-1], completed=k)

        callbacks.on_outcome = outcome
        callbacks.on_read = read
        callbacks.on_read_start = read_start
        callbacks.on_group_start = group_start
        callbacks.on_check = check
        try:
            yield callbacks
        finally:
            bars.stop()


_STATUS_MARK = {
    "corroborated": "[green]✔ corroborated[/green]",
    "single_source": "[yellow]● single source[/yellow]",
    "conflicting": "[red]✖ conflicting[/red]",
}


def _print_briefs(report: dict[str, Any]) -> None:
    """Each story's brief: every sentence with its status and numbered citations."""
    from .report.views import article_numbers, cite_marks

    articles = {a["id"]: a for a in report["articles"]}
    for s in report["stories"]:
        out_console.print()
        out_console.rule(f"[bold]{escape(s['title'] or '(no title)')}[/bold]", align="left")
        out_console.print(
            f"{s['id']} · {len(s['article_ids'])} articles · "
            f"{s['independent_sources']} independent sources"
        )
        number = article_numbers(s)
        if not s.get("checked"):
            out_console.print(f"[yellow]not checked[/yellow]: {escape(s.get('check_note') or '')}")
        for line in s.get("brief", ()):
            cites = cite_marks(line["article_ids"], number)
            out_console.print(
                f"  {_STATUS_MARK.get(line['status'], line['status'])}  "
                f"{escape(line['text'])} [dim]{escape(cites)}[/dim]",
                soft_wrap=False,
            )
        for aid, n in number.items():
            a = articles.get(aid, {})
            origin = a.get("duplicate_of")
            copy = f" (copy of [{number[origin]}])" if origin in number else ""
            out_console.print(
                f"  [dim][{n}] {escape(source_name(a.get('outlet'), a.get('source') or aid))}: "
                f"{escape(a.get('title') or '(no title)')}{copy}[/dim]"
            )


# The terminal lists the first SHOWN_ARTICLES of a report's articles: the stories and their
# briefs are what a reader came for, and rich drew ECB+'s 772 rows in 0.74 s of the main
# process after the workers were done. The rest are named by where to find them.
SHOWN_ARTICLES = 30


def _print_report(report: dict[str, Any], where: str) -> None:
    """The articles (`_shown`: their heads and counts; the first SHOWN_ARTICLES, then a line
    saying `where` the rest are) and stories of a report."""
    articles = report["articles"]
    table = Table(title=f"{len(articles)} articles", title_justify="left")
    for col in ("id", "outlet", "published", "entities", "quotes", "numbers", "title"):
        table.add_column(col, overflow="fold", no_wrap=col in ("id", "published"))
    for a in articles[:SHOWN_ARTICLES]:
        table.add_row(
            a["id"], escape(a["outlet"] or "-"), a["published"] or "-", str(a["entities"]),
            str(a["quotes"]), str(a["numbers"]), escape(a["title"] or "(no title)"),
        )  # fmt: skip
    out_console.print(table)
    if len(articles) > SHOWN_ARTICLES:
        more = len(articles) - SHOWN_ARTICLES
        noun = "article" if more == 1 else "articles"
        out_console.print(f"… and {more} more {noun} ({escape(where)})", highlight=False)
    _print_stories(report["stories"])


def _print_stories(stories: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(stories)} stories", title_justify="left")
    for col in ("id", "articles", "independent", "span", "cohesion", "outlets", "title"):
        table.add_column(col, overflow="fold", no_wrap=col in ("id", "span"))
    for s in stories:
        span = " – ".join(
            dict.fromkeys(d for d in (s["first_published"], s["last_published"]) if d)
        )
        cohesion = "-" if s.get("cohesion") is None else f"{s['cohesion']:.2f}"
        doubt = f" [yellow]({escape(s['note'])})[/yellow]" if s.get("note") else ""
        table.add_row(
            s["id"], str(len(s["article_ids"])), str(s["independent_sources"]), span or "-",
            cohesion, escape(", ".join(s["outlets"])), escape(s["title"] or "(no title)") + doubt,
        )  # fmt: skip
    out_console.print(table)


def _need_store(db: str, then: str = "analyze") -> None:
    if not Path(db).exists():
        raise click.UsageError(f"{db}: no such store; run `newsweave {then} INPUT... --db {db}`")


@main.command("stories")
@_existing_db_option
@_config_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story instead.")
def stories_cmd(db: str | None, config: str | None, as_json: bool) -> None:
    """List stories: id, articles, independent sources, time span, cohesion, outlets, title.

    Stories are made by `newsweave analyze` (new articles join the stored stories) and
    `newsweave regroup` (the whole store grouped again).
    """
    db = _store_settings(db, config).store.db_path
    _need_store(db)
    with open_store(db) as store:
        stories = store.stories()
    if as_json:
        for s in stories:
            click.echo(json.dumps(s, ensure_ascii=False))
        return
    _print_stories(stories)


@main.command("story")
@click.argument("story_id")
@_existing_db_option
@_config_option
@click.option("--json", "as_json", is_flag=True, help="The story object of the report instead.")
def story_cmd(story_id: str, db: str | None, config: str | None, as_json: bool) -> None:
    """Show one story: its brief, claims with their status, quotes and numbers across outlets,
    coverage and framing per article, and its articles (copies marked with what they copy)."""
    db = _store_settings(db, config).store.db_path
    _need_store(db)
    with open_store(db) as store:
        s = store.story(story_id)
        if s is None:
            raise click.UsageError(f"{story_id}: no such story in {db} (see `newsweave stories`)")
        articles = {a: store.get(a) for a in s["article_ids"]}
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    report = {"articles": [a.to_dict() for a in articles.values() if a], "stories": [s]}
    _print_briefs(report)
    for title, cols, rows in _story_tables(s):
        table = Table(title=title, title_justify="left")
        for col in cols:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*(escape(str(v)) for v in row))
        out_console.print(table)


def _story_tables(s: dict[str, Any]) -> list[tuple[str, tuple, list]]:
    """The story's claims, quotes, numbers, coverage and framing as (title, columns, rows),
    articles cited by their number in the story ("?" for one it does not list)."""
    from .report.views import article_numbers, cite_marks, coverage_rows, framing_rows, status_rank

    number = article_numbers(s)

    def cite(ids: Any) -> str:
        return cite_marks(ids, number) or "?"

    # .get throughout: a story stored by an earlier version may lack a key
    claims = [
        (c.get("id"), c.get("status"), c.get("independent_sources"),
         c.get("attributed_to") or "-", cite(c.get("article_ids") or ()), c.get("text"))
        for c in sorted(s.get("claims") or (), key=lambda c: status_rank(c.get("status")))
    ]  # fmt: skip
    quotes = [
        (q.get("speaker") or "-", q.get("status"),
         f"{cite([v.get('article_id')])} {v.get('text')}")
        for q in s.get("quotes") or () for v in q.get("variants") or ()
    ]  # fmt: skip
    numbers = [
        (n.get("quantity"), n.get("status"), " · ".join(
            f"{cite([v.get('article_id')])} {v.get('text')}" for v in n["values"]),
         n.get("note") or "")
        for n in s.get("numbers") or () if len(n.get("values") or ()) > 1
    ]  # fmt: skip
    coverage = [(cite_marks([aid], number) or aid, *rest) for aid, *rest in coverage_rows(s)]
    framing = [(cite_marks([aid], number) or aid, *rest) for aid, *rest in framing_rows(s)]
    return [
        (f"{len(claims)} claims", ("id", "status", "sources", "said by", "in", "text"), claims),
        ("quotes across outlets", ("speaker", "status", "variant"), quotes),
        ("numbers across outlets", ("quantity", "status", "values", "note"), numbers),
        ("coverage", ("article", "only here", "missing", "quotes"), coverage),
        ("framing", ("article", "asserted", "contested terms (voice)", "lead"), framing),
    ]


@main.command("article")
@click.argument("article_id")
@_existing_db_option
@_config_option
def article_cmd(article_id: str, db: str | None, config: str | None) -> None:
    """Show one stored article: metadata, entities, quotes, numbers and times (an article not
    read yet is read first, with the --config file's [read] settings)."""
    settings = _store_settings(db, config)
    db = settings.store.db_path
    _need_store(db, "ingest")
    with open_store(db) as store:
        a = store.get(article_id)
        if a is None:
            raise click.UsageError(
                f"{article_id}: no such article in {db} (see `newsweave articles`)"
            )
        r = store.reading(article_id)
        if r is None:
            _read_stored(store, [article_id], quiet=True, settings=settings)
            r = store.reading(article_id)
    out_console.print(f"[bold]{escape(a.title or '(no title)')}[/bold]")
    authors = ", ".join(a.authors) or "-"
    out_console.print(
        f"{escape(a.outlet or '-')} · {escape(authors)} · published {a.published or '-'} · "
        f"{a.language or '-'} · {escape(a.url or a.source)}"
    )
    if r is None:
        return
    for note in r.notes:
        out_console.print(f"[yellow]note[/yellow] {escape(note)}")
    sections = [
        ("entities", ("text", "label", "canonical", "role"), r.entities),
        ("quotes", ("speaker", "cue", "direct", "text"), r.quotes),
        ("attributions", ("kind", "source", "cue", "text"), r.attributions),
        ("numbers", ("value", "unit", "counts", "qualifier", "claimed_by", "text"), r.numbers),
        ("times", ("text", "resolved", "anchor"), r.times),
    ]
    for name, cols, items in sections:
        t = Table(title=f"{len(items)} {name}", title_justify="left")
        for c in cols:
            t.add_column(c, overflow="fold")
        for item in items:
            t.add_row(*(escape(_cell(getattr(item, c))) for c in cols))
        out_console.print(t)


@main.command("serve")
@click.option(
    "--db", type=click.Path(dir_okay=False), default=None,
    help=f"The SQLite store (created when missing) [default: {DEFAULTS.store.db_path}, or the "
    "--config file's [store] db_path].",
)  # fmt: skip
@_config_option
@click.option(
    "--host", default=None,
    help="Address to listen on; any non-loopback address needs --token "
    f"[default: {DEFAULTS.web.host}, or the --config file's [web] host].",
)  # fmt: skip
@click.option(
    "--port", type=click.IntRange(0, MAX_PORT), default=None,
    help=f"TCP port [default: {DEFAULTS.web.port}, or the --config file's [web] port].",
)  # fmt: skip
@click.option(
    "--token",
    envvar="NEWSWEAVE_TOKEN",
    default=None,
    help="Require this token on every request (env NEWSWEAVE_TOKEN; never read from --config).",
)
def serve(
    db: str | None, config: str | None, host: str | None, port: int | None, token: str | None
) -> None:
    """The web app on the store: stories, story and article pages, uploads, JSON API (/api).

    The --config file's [web] table sets its limits (uploads, page cache, threads), and the
    articles added in the app are read, grouped and checked with the file's settings.
    Example: newsweave serve --db newsweave-demo.db, then open http://127.0.0.1:8000/
    """
    from .web.serve import check_host, run_server

    settings = _settings({"config": config, "db": db, "host": host, "port": port})
    try:
        check_host(settings.web.host, token)
    except NewsweaveError as e:
        raise click.BadParameter(str(e), param_hint="--host") from None
    run_server(settings, token, echo=err_console.print)


def _cell(value: Any) -> str:
    """A table cell: nothing for None, whole numbers without ".0" (7, not 7.0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@main.group()
def bench() -> None:
    """Benchmarks (quality and speed, side by side with peers); results go to docs/benchmarks.md.

    They run from a source checkout (`make bench`, `python -m benchmarks extract|read|group`):
    their code (benchmarks/) and data (../shared/data) are not part of the installed package.
    """


_NO_CHECKOUT = (
    "benchmarks run from a source checkout of newsweave (`make bench`, "
    "`python -m benchmarks extract|read|group`); this installation has none"
)


def _benchmark(name: str) -> Any:
    """The checkout's `benchmarks.<name>` module, or one line saying where benchmarks run."""
    from importlib import import_module

    # an editable install's package sits in the checkout's src/; `newsweave` started from
    # .venv/bin does not have the checkout on sys.path (`python -m benchmarks` does)
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "benchmarks" / "__main__.py").is_file() and str(checkout) not in sys.path:
        sys.path.append(str(checkout))
    try:
        return import_module(f"benchmarks.{name}")
    except ModuleNotFoundError as e:
        if e.name in ("benchmarks", f"benchmarks.{name}"):
            raise click.ClickException(_NO_CHECKOUT) from None
        raise


_bench_out = click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path),
    default=Path("docs/benchmarks.md"), show_default=True,
    help="Markdown file the results are prepended to (older sections are kept).",
)  # fmt: skip


def _bench(run_bench: Callable[..., str], *args: Any, **kwargs: Any) -> None:
    """Run one benchmark; absent data is a clear error, not a traceback."""
    try:
        run_bench(*args, console=err_console, **kwargs)
    except FileNotFoundError as e:
        raise click.ClickException(
            f"{e}. The benchmark reads ../shared/data; it is absent here."
        ) from None
    except ModuleNotFoundError as e:
        # jusText and scikit-learn are the benchmarks' peers, not newsweave's dependencies
        raise click.ClickException(
            f"{e.name} is not installed; the benchmarks need the bench extra "
            "(pip install -e '.[bench]')"
        ) from None


def _data_bench(name: str, doc: str, data_help: str, unit: str) -> click.Command:
    """Register `bench NAME` (--data, --limit, --out), running `benchmarks.<name>.run_bench`."""

    @bench.command(name, help=doc)
    @click.option(
        "--data", type=click.Path(file_okay=False, path_type=Path), default=None, help=data_help
    )
    @click.option("--limit", type=click.IntRange(min=1), default=None, help=f"Use only N {unit}.")
    @_bench_out  # fmt: skip
    def command(data: Path | None, limit: int | None, out: Path) -> None:
        _bench(_benchmark(name).run_bench, data_dir=data, limit=limit, out=out)

    return command


bench_extract = _data_bench(
    "extract",
    "Main text, metadata, flattened-text cleaning and speed on WCXB, next to trafilatura.",
    "WCXB article pages [default: ../shared/data/wcxb-articles].",
    "pages",
)
bench_read = _data_bench(
    "read",
    "Quotes (PolNeAR dev: F1 at overlap 0.3/0.8, speaker accuracy) and reading speed.",
    "A PolNeAR split [default: ../shared/data/polnear/dev].",
    "articles",
)


@bench.command("group")
@click.option(
    "--sizes",
    default="10000,30000,100000",
    show_default=True,
    help="Stream sizes, comma-separated.",
)
@click.option(
    "--repeats",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="Runs per stream size, interleaved; each size keeps its fastest (noisy machines).",
)
@click.option(
    "--parts",
    default="ecbplus,allsides,copies,stream",
    show_default=True,
    help="Which benchmarks to run, comma-separated.",
)
@_bench_out  # fmt: skip
def bench_group(sizes: str, repeats: int, parts: str, out: Path) -> None:
    """Same-event clustering (ECB+ B-cubed), copy detection, and stream scale."""
    group = _benchmark("group")
    chosen = tuple(p.strip() for p in parts.split(",") if p.strip())
    try:
        group.check_parts(chosen)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--parts") from None
    _bench(group.run_bench, tuple(int(n) for n in sizes.split(",")), out=out, repeats=repeats,
           parts=chosen)  # fmt: skip


def entry() -> None:  # pragma: no cover - the console script
    try:
        main()
    except NewsweaveError as e:
        err_console.print(f"[red]error[/red] {escape(str(e))}")
        sys.exit(2)


if __name__ == "__main__":  # python -m newsweave.cli
    entry()
