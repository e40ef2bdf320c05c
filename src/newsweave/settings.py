"""Every default in one place, units in the names. Each CLI flag maps to one field here."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

# Each worker holds its own copy of the language model (about 150 MB): far past the CPUs a
# machine has, more workers only cost memory.
MAX_WORKERS = 256
USER_AGENT = "newsweave/0.1 (+https://github.com/newsweave/newsweave; offline news cross-checker)"


@dataclass(frozen=True, slots=True)
class CheckSettings:
    """Options of the check stage (check/): alignment, status, brief.

    Args:
        link_score: claims of different articles are one proposition at this score or above
            (text cosine plus the bonuses below): on average over the proposition's claims
            with "average" linkage, for each other's best match with "components".
        linkage: how linked claims become propositions: "average" (average linkage over the
            pair scores, cut at `link_score`: ECB+ dev pair precision 0.634 at recall 0.100,
            against 0.309 at 0.230 for "components" of best-match links at 0.45; the
            benchmarks page has the sweep) or "components".
        said_link_score: with "components", `link_score` for two claims reported from one
            speaker: two outlets' best-matching words of one person in one story are most
            often one utterance rendered twice ("It's up to Russia now" / "Now it depends on
            Russia": 0.42).
        sure_score: with "components", two claims are one proposition at this score without
            being best matches (the same fact said twice in one article, or by three outlets
            in a chain).
        shared_number_bonus: added when both claims carry the same figure (value and unit).
        entity_bonus: times the Jaccard overlap of the claims' canonical entities.
        same_speaker_bonus, other_speaker_penalty: both claims reported from one speaker, or
            from two different known speakers.
        max_term_share: a term in more than this share of a story's claims proposes no pairs.
        brief_max_sentences: the brief holds 3 to this many sentences of corroborated or
            best-sourced propositions, then one line on disputes and one on single sources.
        max_claims_per_story: a story's articles give at most this many claims in all; the
            rest is not checked (a note says so), so a huge story cannot stall the batch.
    """

    link_score: float = 0.4
    linkage: str = "average"
    said_link_score: float = 0.4
    sure_score: float = 0.85
    shared_number_bonus: float = 0.25
    entity_bonus: float = 0.15
    same_speaker_bonus: float = 0.15
    other_speaker_penalty: float = 0.2
    max_term_share: float = 0.3
    brief_max_sentences: int = 7
    max_claims_per_story: int = 5000

    def __post_init__(self) -> None:
        if not 0.0 < self.said_link_score <= self.sure_score:
            raise ValueError(
                f"said_link_score must be in (0, sure_score={self.sure_score}], "
                f"got {self.said_link_score}"
            )
        if not 0.0 < self.link_score <= self.sure_score:
            raise ValueError(
                f"link_score must be in (0, sure_score={self.sure_score}], got {self.link_score}"
            )
        if self.linkage not in ("average", "components"):
            raise ValueError(f'linkage must be "average" or "components", got {self.linkage!r}')
        if not 0.0 < self.max_term_share <= 1.0:
            raise ValueError(f"max_term_share must be in (0.0, 1.0], got {self.max_term_share}")
        if not 3 <= self.brief_max_sentences <= 20:
            raise ValueError(
                f"brief_max_sentences must be in [3, 20], got {self.brief_max_sentences}"
            )
        if self.max_claims_per_story < 1:
            raise ValueError("max_claims_per_story must be >= 1")


@dataclass(frozen=True, slots=True)
class Settings:
    """Options for ingest, extraction and the store.

    Args:
        max_file_bytes: inputs larger than this (after decompression) are refused.
        http_timeout_seconds: connect/read timeout for URL and feed fetching (per read).
        http_deadline_seconds: the whole of one fetch must be done within this (a server that
            trickles one byte a second never trips the per-read timeout).
        max_http_bytes: a response body larger than this is refused.
        respect_robots: check robots.txt before fetching a URL.
        max_feed_entries: at most this many entries are fetched from one feed.
        min_text_chars: an extraction shorter than this is an error ("no article text").
        extract_time_budget_seconds: one document's extraction may take this long; past it the
            input fails with one line and the batch goes on.
        db_path: the SQLite store.
        workers: processes that extract and read articles; 0: one per CPU this process may
            use (`os.sched_getaffinity`). Results are stored in input order, so the output is
            the same with any number; 1 runs everything in this process.
        check: the check stage's options (`CheckSettings`).
    """

    max_file_bytes: int = 20 * 1024 * 1024
    http_timeout_seconds: float = 10.0
    http_deadline_seconds: float = 60.0
    max_http_bytes: int = 20 * 1024 * 1024
    respect_robots: bool = True
    max_feed_entries: int = 200
    min_text_chars: int = 80
    extract_time_budget_seconds: float = 60.0
    db_path: str = "newsweave.db"
    user_agent: str = USER_AGENT
    workers: int = 0
    check: CheckSettings = field(default_factory=CheckSettings)

    def __post_init__(self) -> None:
        if self.max_file_bytes <= 0:
            raise ValueError("max_file_bytes must be > 0")
        if self.http_timeout_seconds <= 0:
            raise ValueError("http_timeout_seconds must be > 0")
        if self.http_deadline_seconds <= 0:
            raise ValueError("http_deadline_seconds must be > 0")
        if self.extract_time_budget_seconds <= 0:
            raise ValueError("extract_time_budget_seconds must be > 0")
        if self.min_text_chars < 0:
            raise ValueError("min_text_chars must be >= 0")
        if not 0 <= self.workers <= MAX_WORKERS:
            raise ValueError(
                f"workers must be in [0, {MAX_WORKERS}] (0: one per CPU), got {self.workers}"
            )

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _build(cls: type, table: dict[str, Any], where: str) -> Any:
    """A settings object from a TOML table; unknown keys and wrong types name their place."""
    kinds = {f.name: f for f in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in kinds:
            known = ", ".join(sorted(kinds))
            raise ValueError(f"{where}{key}: no such setting (known: {known})")
        default = getattr(cls(), key)
        if is_dataclass(default):
            if not isinstance(value, dict):
                raise ValueError(f"{where}{key}: must be a table [{where}{key}]")
            values[key] = _build(type(default), value, f"{where}{key}.")
        elif isinstance(default, bool) != isinstance(value, bool) or not isinstance(
            value, (type(default), int) if isinstance(default, float) else type(default)
        ):
            raise ValueError(
                f"{where}{key}: must be {type(default).__name__}, got {type(value).__name__}"
            )
        else:
            values[key] = value
    return cls(**values)


def load_settings(path: str | Path) -> Settings:
    """Settings from a TOML file: top-level keys are `Settings` fields, `[check]` the check
    stage's (see docs/newsweave.toml for every key with its default and meaning).

    Raises:
        ValueError: naming the file, the key and what is wrong (unknown key, wrong type,
            a value out of its range).

    Example:
        >>> import tempfile, os
        >>> with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
        ...     _ = f.write("max_feed_entries = 50\\n[check]\\nbrief_max_sentences = 5\\n")
        >>> s = load_settings(f.name); os.unlink(f.name)
        >>> s.max_feed_entries, s.check.brief_max_sentences
        (50, 5)
    """
    try:
        table = tomllib.loads(Path(path).read_text("utf-8"))
        return _build(Settings, table, "")
    except (OSError, tomllib.TOMLDecodeError, ValueError, TypeError) as e:
        raise ValueError(f"{path}: {e}") from None


DEFAULTS = Settings()
