"""SQLite store. One transaction per article: an interrupted run leaves no half-stored article,
and ids are content-addressed, so a rerun stores only what is missing.

Schema changes are numbered migrations applied in order; a store written by a newer newsweave
is refused rather than damaged.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..jsontext import compact, merged
from ..model import Article, Reading

_JSON_FIELDS = ("authors", "removed", "provenance")
# Opening a store that another process is creating: some steps (the switch to WAL) answer
# "database is locked" at once instead of waiting; two analyze runs started together on a new
# store failed so, 1 time in 6 (tests/test_crash.py). 20 tries 0.25 s apart, then the error.
_OPEN_ATTEMPTS = 20
_OPEN_WAIT_SECONDS = 0.25
_COLUMNS = (
    "id", "source", "url", "outlet", "authors", "title", "published", "modified", "captured",
    "language", "text", "removed", "provenance", "duplicate_of",
)  # fmt: skip
REVISION = "revision"  # the state row migration 7 counts up


def _revision_migration() -> str:
    """Migration 7: the revision counter and its triggers (one per table and kind of write).

    SQLite triggers run per row, so a regroup counts once per story deleted and inserted:
    story_articles is written only with its story (whose triggers count), and an article's
    update counts only when a value changed (a regroup rewrites every copy link).
    """
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _COLUMNS)
    watched = {
        ("stories", "INSERT"): "",
        ("stories", "UPDATE"): "",
        ("stories", "DELETE"): "",
        ("readings", "INSERT"): "",
        ("readings", "UPDATE"): "",
        ("readings", "DELETE"): "",
        ("articles", "UPDATE"): f"WHEN {changed}",
        ("articles", "DELETE"): "",
    }
    bump = f"UPDATE state SET value = CAST(value AS INTEGER) + 1 WHERE name = '{REVISION}';"
    triggers = [
        f"CREATE TRIGGER revision_{table}_{kind.lower()} AFTER {kind} ON {table} {when} "
        f"BEGIN {bump} END;"
        for (table, kind), when in watched.items()
    ]
    return "\n".join([f"INSERT OR IGNORE INTO state (name, value) VALUES ('{REVISION}', '0');",
                      *triggers])  # fmt: skip


# Migration N brings the schema from version N-1 to N. Append only; never edit a released one.
_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id          TEXT PRIMARY KEY,
        source      TEXT NOT NULL,
        url         TEXT,
        outlet      TEXT,
        authors     TEXT NOT NULL DEFAULT '[]',
        title       TEXT,
        published   TEXT,
        modified    TEXT,
        captured    TEXT,
        language    TEXT,
        text        TEXT NOT NULL,
        removed     TEXT NOT NULL DEFAULT '[]',
        provenance  TEXT NOT NULL DEFAULT '{}',
        duplicate_of TEXT,
        added_at    TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_source ON articles(source);
    """,
    # 2: what the read stage found in each article (entities, quotes, numbers, times), as JSON;
    # `reader` names the reader version so a better reader can redo old articles.
    """
    CREATE TABLE readings (
        article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        reader      TEXT NOT NULL,
        data        TEXT NOT NULL
    );
    """,
    # 3: stories (rebuilt as a whole by the grouping stage) and their articles, in order.
    """
    CREATE TABLE stories (
        id      TEXT PRIMARY KEY,
        title   TEXT,
        data    TEXT NOT NULL
    );
    CREATE TABLE story_articles (
        story_id    TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        PRIMARY KEY (story_id, article_id)
    );
    CREATE INDEX story_articles_article ON story_articles(article_id);
    """,
    # 4: what the check stage found per story membership. `key` digests the checker and reader
    # versions, the check settings and the story's articles with their copy links, so a
    # regrouping re-checks only the stories whose membership changed.
    """
    CREATE TABLE checks (
        key         TEXT PRIMARY KEY,
        checker     TEXT NOT NULL,
        data        TEXT NOT NULL
    );
    """,
    # 5: per input source (a file, URL, or `path#N` record of a WARC/JSONL/feed), the digest of
    # what was extracted (its bytes, hints, extractor) and the article it gave, so a rerun over
    # unchanged inputs reuses the article instead of extracting it again.
    """
    CREATE TABLE inputs (
        source      TEXT PRIMARY KEY,
        digest      TEXT NOT NULL,
        article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    """,
    # 6: named values about the store as a whole, e.g. `grouping`: the digest of what the
    # stored stories were grouped from, so an unchanged store is not regrouped.
    """
    CREATE TABLE state (
        name    TEXT PRIMARY KEY,
        value   TEXT NOT NULL
    );
    """,
    # 7: `revision` in the state table, counted up by triggers on every write that can change
    # what a reader is shown (stories and their members, readings, an article's fields), so a
    # cache of rendered pages can tell in one indexed read whether it is still current. Adding
    # an article does not count: no page shows it until a regroup puts it in a story.
    _revision_migration(),
    # 8: what grouping needs of each article, computed once (group/prepare.py): `data` is JSON
    # (exact key, content terms, entities, places, dates), `shingles` and `minhash` little-endian
    # uint32 arrays; `version` names the features' code and settings, `reading` the reader
    # version of the reading the names came from ('' for none), so a new reading redoes them.
    """
    CREATE TABLE group_features (
        article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        version     TEXT NOT NULL,
        reading     TEXT NOT NULL,
        data        TEXT NOT NULL,
        shingles    BLOB NOT NULL,
        minhash     BLOB NOT NULL
    );
    """,
    # 9: articles an input gave before it changed (`remember_input`), removed at the end of the
    # run (`remove_superseded`) unless another input still gives them: an updated page's earlier
    # text must not stay in its story as a second article of the same outlet.
    """
    CREATE TABLE superseded (
        article_id  TEXT PRIMARY KEY
    );
    """,
)
SCHEMA_VERSION = len(_MIGRATIONS)


_ARTICLE_FIELDS = tuple(Article.__dataclass_fields__)  # Article.to_dict()'s order


def biggest_first(stories: list[dict]) -> list[dict]:
    """Story objects, biggest first (then by id): the order every listing uses."""
    return sorted(stories, key=lambda s: _listing_order(s["article_ids"], s["id"]))


def _listing_order(article_ids: Sequence[str], story_id: str) -> tuple[int, str]:
    return -len(article_ids), story_id


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One story as the stories table keeps it: its id, title and members, and its object as
    JSON text (`text`), made once (`jsontext`) and copied as it is from the check's worker to
    the store and the report.

    Example:
        >>> head = {"id": "s-1", "title": None, "article_ids": ["a"]}
        >>> row = StoryRow.made(head, '{"checked":true}')
        >>> row.text
        '{"id":"s-1","title":null,"article_ids":["a"],"checked":true}'
        >>> row.to_dict()["checked"]
        True
    """

    id: str
    title: str | None
    article_ids: tuple[str, ...]
    text: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StoryRow:
        """The row of a story object (`Story.to_dict()`, with or without its check)."""
        return cls(d["id"], d.get("title"), tuple(d["article_ids"]), compact(d))

    @classmethod
    def made(cls, head: dict[str, Any], check: str) -> StoryRow:
        """The row of a story object (`Story.to_dict()` of a story without its check) and its
        check's JSON text (`StoryCheck.to_dict()`, as `jsontext.compact` wrote it)."""
        return cls(head["id"], head.get("title"), tuple(head["article_ids"]),
                   merged(compact(head), check))  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        """The story object."""
        return json.loads(self.text)


class SQLiteStore:
    """Articles in one SQLite file.

    Args:
        path: the database file (created when missing); ":memory:" for a throwaway store.

    Example:
        >>> with SQLiteStore(":memory:") as store:
        ...     store.count()
        0
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        for attempt in range(_OPEN_ATTEMPTS):
            self._db = None
            try:
                self._db = sqlite3.connect(self.path, timeout=30)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute("PRAGMA foreign_keys=ON")
                self._migrate()
                return
            except sqlite3.OperationalError as e:
                if self._db is not None:
                    self._db.close()
                if "locked" not in str(e) or attempt == _OPEN_ATTEMPTS - 1:
                    raise StoreError(f"{self.path}: cannot open the store ({e})") from None
                time.sleep(_OPEN_WAIT_SECONDS)
            except sqlite3.DatabaseError as e:
                raise StoreError(f"{self.path}: cannot open the store ({e})") from None

    def _migrate(self) -> None:
        while (version := self.schema_version) < SCHEMA_VERSION:
            try:  # the write lock first: another process may be migrating the same store
                self._db.executescript(
                    f"BEGIN IMMEDIATE; {_MIGRATIONS[version]} "
                    f"PRAGMA user_version = {version + 1}; COMMIT;"
                )
            except sqlite3.OperationalError:
                if self._db.in_transaction:
                    self._db.rollback()
                # two analyze runs on one new store both read version 0; the one that waited
                # for the lock found the tables made ("table articles already exists")
                if self.schema_version == version:
                    raise
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema version {version} is newer than this newsweave "
                f"({SCHEMA_VERSION}); upgrade newsweave or use another --db"
            )

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, article: Article) -> bool:
        """Store one article in its own transaction.

        Returns:
            True if it was new, False if an article with the same id was already there.
        """
        row = article.to_dict()
        values = [
            json.dumps(row[c], ensure_ascii=False) if c in _JSON_FIELDS else row[c]
            for c in _COLUMNS
        ]
        now = datetime.now(UTC).isoformat(timespec="seconds")
        placeholders = ", ".join("?" * (len(_COLUMNS) + 1))
        with self._db:
            cur = self._db.execute(
                f"INSERT OR IGNORE INTO articles ({', '.join(_COLUMNS)}, added_at) "
                f"VALUES ({placeholders})",
                (*values, now),
            )
        return cur.rowcount == 1

    def stored_input(self, source: str, digest: str) -> Article | None:
        """The article an input gave when its digest was this one (None when it changed or
        was never stored)."""
        row = self._db.execute(
            "SELECT article_id FROM inputs WHERE source = ? AND digest = ?", (source, digest)
        ).fetchone()
        return self.get(row[0]) if row else None

    def remember_input(self, source: str, digest: str, article_id: str) -> None:
        """Record which article an input (by its digest) gave, in its own transaction. The
        article it gave before, if another, is marked superseded (`remove_superseded`)."""
        with self._db:
            self._db.execute(
                "INSERT OR IGNORE INTO superseded (article_id) SELECT article_id FROM inputs "
                "WHERE source = ? AND article_id != ?",
                (source, article_id),
            )
            self._db.execute(
                "INSERT OR REPLACE INTO inputs (source, digest, article_id) VALUES (?, ?, ?)",
                (source, digest, article_id),
            )

    def remove_superseded(self) -> list[str]:
        """Remove, in one transaction, the superseded articles no input gives any more (a page
        whose text changed gave a new article; a JSON Lines export with a line put before the
        others gives every article again under another record name), with their readings,
        features and story membership; a copy of one is no longer marked a copy. The stories
        they were in are settled again by the next grouping (`thinned_stories`).

        Returns:
            The removed article ids.
        """
        with self._db:
            gone = [row[0] for row in self._db.execute(
                "SELECT article_id FROM superseded WHERE article_id NOT IN "
                "(SELECT article_id FROM inputs)")]  # fmt: skip
            rows = [(a,) for a in gone]
            self._db.executemany("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of = ?",
                                 rows)  # fmt: skip
            self._db.executemany("DELETE FROM articles WHERE id = ?", rows)
            self._db.execute("DELETE FROM superseded")
        return gone

    def state(self, name: str) -> str | None:
        """A named value about the whole store (see migration 6), or None."""
        row = self._db.execute("SELECT value FROM state WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set_state(self, name: str, value: str) -> None:
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO state (name, value) VALUES (?, ?)", (name, value)
            )

    def get(self, article_id: str) -> Article | None:
        cur = self._db.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM articles WHERE id = ?", (article_id,)
        )
        row = cur.fetchone()
        return self._to_article(row) if row else None

    def articles(self) -> Iterator[Article]:
        """All articles, oldest publication first (unknown dates last), then by id."""
        cur = self._db.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM articles ORDER BY published IS NULL, published, id"
        )
        for row in cur:
            yield self._to_article(row)

    def add_reading(self, reading: Reading, reader: str) -> None:
        """Store (or replace) the reading of one article, in its own transaction."""
        data = json.dumps(reading.to_dict(), ensure_ascii=False)
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO readings (article_id, reader, data) VALUES (?, ?, ?)",
                (reading.article_id, reader, data),
            )

    def reading(self, article_id: str) -> Reading | None:
        row = self._db.execute(
            "SELECT data FROM readings WHERE article_id = ?", (article_id,)
        ).fetchone()
        return Reading.from_dict(json.loads(row[0])) if row else None

    def unread(self, article_ids: list[str], reader: str) -> list[str]:
        """The ids among `article_ids` with no reading by this reader version, in order."""
        done = {
            r[0]
            for r in self._db.execute("SELECT article_id FROM readings WHERE reader = ?", (reader,))
        }
        return [i for i in article_ids if i not in done]

    def stored_ids(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these article ids are stored, in one query."""
        rows = self._db.execute(
            "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(article_ids)),),
        )
        return {r[0] for r in rows}

    def ids_in_stored_order(self) -> list[str]:
        """Every article id in the order the articles were first stored."""
        return [r[0] for r in self._db.execute("SELECT id FROM articles ORDER BY rowid")]

    def articles_with_readings(
        self, article_ids: list[str] | None = None
    ) -> Iterator[tuple[Article, Reading | None]]:
        """Every article (or these ones) with its reading, in stored order, in one query."""
        cols = ", ".join(f"a.{c}" for c in _COLUMNS)
        where, args = "", ()
        if article_ids is not None:
            where = "WHERE a.id IN (SELECT value FROM json_each(?)) "
            args = (json.dumps(list(article_ids)),)
        cur = self._db.execute(
            f"SELECT {cols}, r.data FROM articles a "
            f"LEFT JOIN readings r ON r.article_id = a.id {where}ORDER BY a.rowid",
            args,
        )
        for row in cur:
            reading = Reading.from_dict(json.loads(row[-1])) if row[-1] else None
            yield self._to_article(row[:-1]), reading

    def article_records(self, article_ids: list[str]) -> dict[str, tuple[dict, dict | None]]:
        """These articles by id, each as `Article.to_dict()` gives it with its reading as
        stored (`Reading.to_dict()`; None when unread), in one query and without building
        the dataclasses (the web app's pages: a third of a story page's time went there)."""
        cols = ", ".join(f"a.{c}" for c in _COLUMNS)
        cur = self._db.execute(
            f"SELECT {cols}, r.data FROM articles a LEFT JOIN readings r ON r.article_id = a.id "
            "WHERE a.id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(article_ids)),),
        )
        out = {}
        for row in cur:
            d = dict(zip(_COLUMNS, row[:-1], strict=True))
            for c in _JSON_FIELDS:
                d[c] = json.loads(d[c])
            article = {f: d[f] for f in _ARTICLE_FIELDS}
            out[d["id"]] = (article, json.loads(row[-1]) if row[-1] else None)
        return out

    def member_facts(self) -> Iterator[tuple[str, str | None, str | None, str | None, set[str]]]:
        """(id, title, outlet, published, entity canonical names) of every article in a
        story, in one query: what the stories list searches, without the articles' text or
        building readings (a third of the list's build time on the load benchmark's store)."""
        cur = self._db.execute(
            "SELECT a.id, a.title, a.outlet, a.published, r.data FROM articles a "
            "LEFT JOIN readings r ON r.article_id = a.id "
            "WHERE a.id IN (SELECT article_id FROM story_articles)"
        )
        for aid, title, outlet, published, data in cur:
            entities = json.loads(data).get("entities", ()) if data else ()
            yield aid, title, outlet, published, {e["canonical"] for e in entities}

    def replace_stories(
        self,
        stories: Sequence[dict | StoryRow],
        duplicate_of: dict[str, str | None],
        state: dict[str, str] | None = None,
    ) -> None:
        """Replace every story and copy link, and set named values, in one transaction (the
        stage regroups all)."""
        with self._db:
            self._db.execute("DELETE FROM story_articles")
            self._db.execute("DELETE FROM stories")
            self._insert_stories(stories, duplicate_of, state)

    def update_stories(
        self,
        replaced: list[str],
        stories: Sequence[dict | StoryRow],
        duplicate_of: dict[str, str | None],
        state: dict[str, str] | None = None,
    ) -> None:
        """Replace some stories by others, update copy links and set named values, in one
        transaction (an incremental grouping: an interrupted run leaves the old stories)."""
        with self._db:
            self._db.executemany("DELETE FROM stories WHERE id = ?", [(i,) for i in replaced])
            self._insert_stories(stories, duplicate_of, state)

    def _insert_stories(
        self,
        stories: Sequence[dict | StoryRow],
        duplicate_of: dict[str, str | None],
        state: dict[str, str] | None,
    ) -> None:
        for s in stories:
            row = s if isinstance(s, StoryRow) else StoryRow.from_dict(s)
            self._db.execute(
                "INSERT INTO stories (id, title, data) VALUES (?, ?, ?)",
                (row.id, row.title, row.text),
            )
            self._db.executemany(
                "INSERT INTO story_articles (story_id, article_id, position) VALUES (?, ?, ?)",
                [(row.id, a, n) for n, a in enumerate(row.article_ids)],
            )
        self._db.executemany(
            "UPDATE articles SET duplicate_of = ? WHERE id = ?",
            [(dup, aid) for aid, dup in duplicate_of.items()],
        )
        self._db.executemany(
            "INSERT OR REPLACE INTO state (name, value) VALUES (?, ?)", (state or {}).items()
        )

    def story_members(self) -> list[tuple[str, tuple[str, ...], float | None]]:
        """(story id, member ids in order, cohesion) of every story, in no particular order."""
        members: dict[str, list[str]] = {}
        for sid, aid in self._db.execute(
            "SELECT story_id, article_id FROM story_articles ORDER BY story_id, position"
        ):
            members.setdefault(sid, []).append(aid)
        rows = self._db.execute("SELECT id, json_extract(data, '$.cohesion') FROM stories")
        return [(sid, tuple(members.get(sid, ())), cohesion) for sid, cohesion in rows]

    def thinned_stories(self) -> list[str]:
        """The stories that lost a member since they were stored (`remove_superseded`)."""
        return [row[0] for row in self._db.execute(
            "SELECT id FROM stories WHERE json_array_length(data, '$.article_ids') > "
            "(SELECT count(*) FROM story_articles WHERE story_id = stories.id)")]  # fmt: skip

    def copy_links(self) -> dict[str, str]:
        """Article id -> its copy origin, for every stored copy."""
        rows = self._db.execute(
            "SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL"
        )
        return dict(rows.fetchall())

    def stories_with(self, article_ids: list[str]) -> list[StoryRow]:
        """The stories holding any of these articles, biggest first (then by id), as stored:
        their objects' JSON text is not loaded (the report copies it as it is)."""
        rows = self._db.execute(
            "SELECT id, title, json_extract(data, '$.article_ids'), data FROM stories "
            "WHERE id IN (SELECT story_id FROM story_articles "
            "WHERE article_id IN (SELECT value FROM json_each(?)))",
            (json.dumps(list(article_ids)),),
        ).fetchall()
        out = [StoryRow(sid, title, tuple(json.loads(ids)), text)
               for sid, title, ids, text in rows]  # fmt: skip
        return sorted(out, key=lambda s: _listing_order(s.article_ids, s.id))

    def article_heads(self) -> list[Article]:
        """Every article without its text (""), in stored order: what grouping and the outlet
        table read of the articles it does not check."""
        cols = ("id", "source", "url", "outlet", "title", "published", "provenance")
        cur = self._db.execute(f"SELECT {', '.join(cols)} FROM articles ORDER BY rowid")
        out = []
        for row in cur:
            d = dict(zip(cols, row, strict=True))
            d["provenance"] = json.loads(d["provenance"])
            out.append(Article(text="", **d))
        return out

    def without_group_features(self, version: str) -> list[str]:
        """Ids (stored order) of the articles with no grouping features of this version, or
        with features from another reading than the stored one (see migration 8)."""
        rows = self._db.execute(
            "SELECT a.id FROM articles a "
            "LEFT JOIN group_features f ON f.article_id = a.id AND f.version = ? "
            "LEFT JOIN readings r ON r.article_id = a.id "
            "WHERE f.article_id IS NULL OR f.reading != COALESCE(r.reader, '') ORDER BY a.rowid",
            (version,),
        )
        return [r[0] for r in rows]

    def add_group_features(self, rows: list[tuple[str, str, str, str, bytes, bytes]]) -> None:
        """Store (article id, version, reading, data, shingles, minhash) rows in one
        transaction (replacing older ones)."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO group_features "
                "(article_id, version, reading, data, shingles, minhash) VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )

    def group_features(self, version: str) -> Iterator[tuple[str, str, bytes, bytes]]:
        """(article id, data, shingles, minhash) of every article's features of this version."""
        yield from self._db.execute(
            "SELECT article_id, data, shingles, minhash FROM group_features WHERE version = ?",
            (version,),
        )

    def check(self, key: str) -> str | None:
        """A stored check result's JSON text by its membership key (see
        check.key.check_key)."""
        row = self._db.execute("SELECT data FROM checks WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def add_check(self, key: str, checker: str, data: str) -> None:
        """Store one check result (`StoryCheck.to_dict()` as JSON text) in its own
        transaction."""
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO checks (key, checker, data) VALUES (?, ?, ?)",
                (key, checker, data),
            )

    def stories(self) -> list[dict]:
        """Every story object, biggest first (then by id)."""
        rows = self._db.execute("SELECT data FROM stories").fetchall()
        return biggest_first([json.loads(r[0]) for r in rows])

    def story(self, story_id: str) -> dict | None:
        row = self._db.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    @contextmanager
    def snapshot(self) -> Iterator[SQLiteStore]:
        """Reads inside see one state of the store, whatever commits meanwhile (one WAL read
        transaction; a writer is not blocked). Nested snapshots are the outer one."""
        if self._db.in_transaction:
            yield self
            return
        self._db.execute("BEGIN")
        try:
            yield self
        finally:
            self._db.execute("COMMIT")

    def revision(self) -> int:
        """A number that changes whenever what the store shows a reader changes (stories,
        their members' fields and readings; see migration 7): the key of page caches."""
        row = self._db.execute("SELECT value FROM state WHERE name = ?", (REVISION,)).fetchone()
        return int(row[0]) if row else 0

    @staticmethod
    def _to_article(row: tuple) -> Article:
        d = dict(zip(_COLUMNS, row, strict=True))
        for c in _JSON_FIELDS:
            d[c] = json.loads(d[c])
        return Article.from_dict(d)
