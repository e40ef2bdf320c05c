"""Every default in one place, units in the names: one `Settings` tree, a branch per stage.

    Settings
      workers                      processes that extract and read
      ingest   IngestSettings      size caps, feed entries
      fetch    FetchSettings       offline, timeouts, size cap, robots.txt, user agent
      extract  ExtractSettings     minimum text, time budget per document
      read     ReadSettings        batch size, characters read per article
      group    GroupSettings       every grouping threshold
      check    CheckSettings       alignment, status, brief
      store    StoreSettings       the SQLite file
      web      WebSettings         the web app: address, port, upload and cache limits

Each settings object validates itself at construction (a `SettingsError` naming the setting
and its limit). `load_settings` reads a newsweave.toml (docs/newsweave.toml documents every
key with its default); every CLI flag sets one field (`FLAGS`). The Python API takes the same
object (`newsweave.open(db, settings=...)`).
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from .errors import SettingsError

log = logging.getLogger(__name__)

# Each worker holds its own copy of the language model (about 150 MB): far past the CPUs a
# machine has, more workers only cost memory.
MAX_WORKERS = 256
USER_AGENT = "newsweave/0.1 (+https://github.com/newsweave/newsweave; offline news cross-checker)"
# spaCy refuses a longer text (its nlp.max_length), and memory grows with length.
SPACY_MAX_CHARS = 1_000_000
# A read batch's Docs and parses are held in memory together until the batch is done.
MAX_READ_BATCH = 1024
# The largest input accepted by default, from a file, a URL or an upload to the web app.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PORT = 65535


def _positive(obj: object, *names: str) -> None:
    for name in names:
        value = getattr(obj, name)
        if value <= 0:
            raise SettingsError(f"{name} must be > 0, got {value}")


@dataclass(frozen=True, slots=True)
class IngestSettings:
    """Reading inputs (files, folders, stdin, WARC and JSON Lines records, feeds).

    Args:
        max_file_bytes: inputs larger than this (after decompression) are refused.
        max_feed_entries: at most this many entries are read from one feed.
    """

    max_file_bytes: int = MAX_FILE_BYTES
    max_feed_entries: int = 200

    def __post_init__(self) -> None:
        _positive(self, "max_file_bytes", "max_feed_entries")


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Fetching URLs and teaser-only feed entries.

    Args:
        offline: never fetch: URLs and teaser-only feed entries fail, clearly.
        timeout_seconds: connect/read timeout of one fetch (per read).
        deadline_seconds: the whole of one fetch must be done within this (a server that
            trickled a byte every 2 s held a batch 95 s under a 10 s timeout).
        max_bytes: a response body larger than this is refused.
        respect_robots: check robots.txt before fetching a URL.
        user_agent: the User-Agent header sent, and the agent robots.txt is read for.
    """

    offline: bool = False
    timeout_seconds: float = 10.0
    deadline_seconds: float = 60.0
    max_bytes: int = MAX_FILE_BYTES
    respect_robots: bool = True
    user_agent: str = USER_AGENT

    def __post_init__(self) -> None:
        _positive(self, "timeout_seconds", "deadline_seconds", "max_bytes")
        if not self.user_agent.strip():
            raise SettingsError("user_agent must not be empty (robots.txt is read for it)")


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    """Extraction of the article from a document.

    Args:
        min_text_chars: an extraction shorter than this is an error ("no article text").
        time_budget_seconds: one document's extraction may take this long; past it the input
            fails with one line and the batch goes on.
    """

    min_text_chars: int = 80
    time_budget_seconds: float = 60.0

    def __post_init__(self) -> None:
        if self.min_text_chars < 0:
            raise SettingsError(f"min_text_chars must be >= 0, got {self.min_text_chars}")
        _positive(self, "time_budget_seconds")


@dataclass(frozen=True, slots=True)
class ReadSettings:
    """The read stage (read/): entities, quotes, numbers, times.

    Readings are stored under the reader version and these settings (`reader_version`): the
    parser's batch shapes its float sums, so a reading depends on both.

    Args:
        batch_articles: articles read in one batch (one nlp.pipe batch, one parser call for
            their sentences), at most `MAX_READ_BATCH`.
        max_chars: an article longer than this is read in its first part only (a note says
            so); at most spaCy's own limit, `SPACY_MAX_CHARS`.
    """

    batch_articles: int = 16
    max_chars: int = 200_000

    def __post_init__(self) -> None:
        if not 1 <= self.batch_articles <= MAX_READ_BATCH:
            raise SettingsError(
                f"batch_articles must be in [1, {MAX_READ_BATCH}], got {self.batch_articles}"
            )
        if not 1 <= self.max_chars <= SPACY_MAX_CHARS:
            raise SettingsError(
                f"max_chars must be in [1, {SPACY_MAX_CHARS:_}] (spaCy's limit), "
                f"got {self.max_chars}"
            )


@dataclass(frozen=True, slots=True)
class GroupSettings:
    """Every grouping threshold, units in the names. Defaults tuned on ECB+ and the copy set.

    Args:
        num_perm: MinHash permutations per text.
        shingle_words: words per shingle for copy detection.
        copy_lsh_threshold: MinHash LSH Jaccard threshold for copy candidates (low on purpose:
            a trimmed or partial copy has a low Jaccard but a high containment).
        near_copy_jaccard: shingle Jaccard from which two texts are near copies.
        partial_copy_containment: share of the shorter text's shingles found in the other text
            from which it is a partial copy, when they also share at least
            `partial_copy_min_shingles` shingles (about that many words of passages reused:
            two reports of one event share names and a quote, not 40 words in a row).
        min_copy_shingles: texts with fewer shingles are never copies (an empty body is no copy).
        passage_sample_mod, passage_min_shared, passage_max_postings: partial-copy candidates
            share at least `passage_min_shared` of the shingles whose hash is divisible by
            `passage_sample_mod` (a reused passage of 40 words holds about 36 shingles, so
            about 4.5 sampled ones); a sampled shingle already held by `passage_max_postings`
            texts is boilerplate and indexes no more.
        copy_window_days: a text is matched against texts dated at most this many days
            before the latest date seen (undated texts count as arriving that day).
        story_window_days: an article joins a story only when its date is within this many
            days of the story's span (both dates known).
        top_terms: the article's highest-weighted terms used to find candidate stories.
        top_names: the article's most named entities (and places) used to find candidates.
        max_candidates: candidate stories scored per article.
        max_postings: an index entry keeps at most this many (most recent) stories.
        centroid_terms: terms kept in a story's centroid.
        weight_text, weight_entities, weight_places, weight_title, weight_when: score
            weights (a signal only counts when both article and story have it).
        name_idf_offset, name_floor: entity and place counts weigh (1 + log count) times
            (`name_idf_offset` + log((n + 1) / (df + 1))), and their cosine has a private
            extra dimension of length `name_floor`, so a name match counts fully only when the
            shared names weigh several rare names. The old 1.0 and 2.5 let a name found in 40%
            of articles (Trump in the AllSides roundups) make two unrelated reports score like
            one event: AllSides, all 307 stories, split + consensus 0.633 -> 0.778 with 0.0
            and 10.0 (ECB+ dev, file order, 0.936 -> 0.940; docs/benchmarks.md).
        name_idf_articles: below this many articles the store is young: the name weighting
            goes linearly from (1.0, 2.5) to (`name_idf_offset`, `name_floor`); in a store
            of two reports of one event every shared name is in all of them (0: no ramp).
        name_strength: the entity view's weight is `weight_entities` times (r_a * r_b) **
            `name_strength`, where r = |names| / sqrt(|names|^2 + floor^2) of each side (near 1
            for an article naming several rare people, near 0 for one naming a common one or
            two): the floor keeps a thin name vector's cosine low, and averaged at full weight
            that low cosine dragged two excerpts of one story under join_score however much
            their words agree, so a thin name view now lets the text decide (0: full weight).
            AllSides, stories 0-153 (tuning half), split + consensus: 0.796 -> 0.830 with 1.0;
            ECB+ dev 0.936 -> 0.941 (docs/architecture.md).
        average_link: the text view compares an article with a story's centroid c of k
            members over |c| ** (1 - a) * k ** a instead of |c|: 0 is the cosine with the
            centroid, 1 the mean cosine with the members (average linkage). The cosine rewards
            a story whose members disagree (|c| shrinks as they do), so a story that took two
            events drew every later report of its topic in; 0.5 halves that reward. AllSides
            tuning half, with name_strength 1: 0.830 -> 0.844 (1.0: 0.840); ECB+ dev 0.941 ->
            0.933 (1.0: 0.921: its larger stories need the centroid's pull).
        join_score: a story whose score reaches this takes the article.
        bridge_score: a second story also reaching this is merged into the first.
        participant_penalty: subtracted, times the participant conflict (0 to 1: the smaller
            margin by which each side's most named entity outweighs the other side's), when
            the article's most named entity is not the story's.
        participant_min_mentions: the article's most named entity must be named at least this
            often for the participant conflict to count.
        doubt_margin: an article joining a story with a score below join_score plus this stays
            doubtful; 0 turns re-checking off. Off until the caller applies
            `StoryIndex.take_moves` (ECB+ reading stage with 0.1: 0.913 -> 0.917, CV likewise).
        doubt_keep: doubtful members kept per story (the latest).
        doubt_stories: other candidate stories whose doubtful members are re-scored per article.
        doubt_gain: a doubtful member moves when it scores this much more on the new story
            than it did when it joined its own.
        split_ncut: `Grouper.split_stories` cuts a story in two when the normalised cut of
            its member-to-member scores is below this (0 turns splitting off). ECB+ dev,
            reading stage, file order: 0.917 -> 0.928 with 0.74 (see docs/benchmarks.md).
        split_min_articles: only stories with at least this many members are looked at.
        text_split_ncut: after the consensus, each settled story (of `split_min_articles` to
            `split_max_articles` members) is cut in two again and again while the normalised
            cut of its members' text cosines (TF-IDF with the store's document frequencies, no
            names) is below this (0: no such cut). The consensus joins what a fifth of the
            runs put together, and the scores it was split by count names: AllSides stories
            of one person's several events (McConnell, one winter) held together through
            the shared name. AllSides, stories 0-153 (tuning half): 0.844 -> 0.850; ECB+
            dev unchanged (docs/architecture.md).
        settled_cut_score: after the consensus (and `text_split_ncut`), each settled story of
            2 to `split_max_articles` members is regrouped by average linkage over its members'
            crowding-corrected text cosines (the cosine less `hub_weight` times the mean of the
            two `local_density`s), cut where the mean link falls below this (0: no such cut).
            The consensus joins what a fifth of the runs put together, by scores that count
            names and a centroid's pull: one season's same-topic events (two shutdown deals,
            McConnell's winter) stayed one story. AllSides, stories 0-153 (tuning half),
            with `lone_join_score` and figures as terms: 0.881 -> 0.913; ECB+ dev 0.941 -> 0.944
            (docs/benchmarks.md).
        lone_join_score: then each settled story of one article joins the settled story its
            crowding-corrected text cosines average highest on, at this or above (0: never):
            an excerpt in few or rare words links weakly to everything, its own event's other
            reports too, and the online join left it alone.
        split_max_articles: nor with more (scoring members pairwise costs their square).
        consensus_runs: `Grouper.settle` groups the articles this many times (the given order,
            then seeded shuffles of it) and keeps the stories the runs agree on; 1 turns it
            off. ECB+ dev, after the split, ten input orders: mean 0.922 (lowest 0.909) with
            one run, 0.928 (0.916) with 5 runs at share 0.5, 0.939 (0.934) with 9 runs at
            share 0.2 (docs/architecture.md, docs/benchmarks.md).
        settle_some_runs: the runs of an incremental settle (`Grouper.settle_some`, the
            stories new articles touched), in place of `consensus_runs` there: ECB+ dev fed in
            10 batches 0.9377 with 9, 0.9369 with 5, 0.9226 with 3 (the full regroup 0.9408),
            and 50 new articles into a stored 1,000 cost less (docs/benchmarks.md).
        consensus_share: two groups of articles share a story when the runs put their members
            together at least this often on average. Low, because every run's split already
            keeps look-alike events apart: what one run missed, another joins (ECB+: F1 0.937
            to 0.939 for any share from 0.1 to 0.3 with 9 runs, 0.930 at 0.5).
        consensus_max_articles: a store with more articles keeps the single run (each run
            costs a whole grouping: 9 runs over 5,000 stream articles took 64 s on 2 cores).
        consensus_workers: processes the runs after the first share (0: one per CPU core;
            1: all in the calling process). The stories do not depend on it.
        doubtful_cohesion: a settled story whose weakest member-to-member link (its
            `cohesion`) scores below this carries a note that it may hold two events: the
            join score, the least a member needs to join. A weak signal: settled stories
            holding two or more gold events are flagged 22 of 52 times on AllSides (1 of 8 on
            ECB+ dev), one-event stories 15 of 141 (10 of 56).
        consensus_max_component: articles linked by any run through each other are compared
            pairwise; more than this many keep the first run's stories.
        hub_weight: in `Grouper.settle`, every score is lowered by this times the mean
            `local_density` of its two sides: each article's mean text cosine with its
            `hub_neighbours` most similar articles in the batch, less the batch's mean of it
            (0: off; articles added online count as average). A report of a much-covered topic
            is close to many reports of that topic's other events (AllSides: Trump, McConnell,
            shutdowns, undated), a report in few or rare words close to nothing, not even to
            its own event's other reports, and one join_score fits neither. The hubness
            correction of cross-lingual retrieval (CSLS). Batch average linkage over the text
            cosines, best threshold: AllSides 307 stories 0.854 -> 0.895, ECB+ dev 0.872 ->
            0.933; settle with 1.0: AllSides 0.819 -> 0.866, ECB+ dev 0.933 -> 0.941, ECB+
            in 10 incremental batches (`settle_some`) 0.927 -> 0.938 (docs/benchmarks.md,
            docs/architecture.md).
        hub_neighbours: the neighbours `local_density` averages over (10: more than an
            AllSides story's three reports, fewer than an ECB+ event's ten to twenty).
    """

    num_perm: int = 128
    shingle_words: int = 5
    copy_lsh_threshold: float = 0.2
    near_copy_jaccard: float = 0.6
    partial_copy_containment: float = 0.3
    partial_copy_min_shingles: int = 40
    min_copy_shingles: int = 8
    passage_sample_mod: int = 8
    passage_min_shared: int = 3
    passage_max_postings: int = 64
    copy_window_days: float = 30.0
    story_window_days: float = 7.0
    top_terms: int = 24
    top_names: int = 8
    max_candidates: int = 12
    max_postings: int = 64
    centroid_terms: int = 200
    weight_text: float = 0.5
    weight_entities: float = 0.5
    weight_places: float = 0.1
    weight_title: float = 0.1
    weight_when: float = 0.4
    name_idf_offset: float = 0.0
    name_floor: float = 10.0
    name_idf_articles: int = 100
    name_strength: float = 1.0
    average_link: float = 0.5
    join_score: float = 0.2
    bridge_score: float = 0.45
    participant_penalty: float = 0.35
    participant_min_mentions: int = 4
    doubt_margin: float = 0.1
    doubt_keep: int = 4
    doubt_stories: int = 3
    doubt_gain: float = 0.05
    split_ncut: float = 0.74
    split_min_articles: int = 6
    text_split_ncut: float = 0.74
    settled_cut_score: float = 0.18
    lone_join_score: float = 0.17
    split_max_articles: int = 400
    consensus_runs: int = 9
    settle_some_runs: int = 5
    consensus_share: float = 0.2
    consensus_max_articles: int = 20_000
    consensus_max_component: int = 2_000
    consensus_workers: int = 0
    doubtful_cohesion: float = 0.2
    hub_weight: float = 1.0
    hub_neighbours: int = 10

    def __post_init__(self) -> None:
        for name in ("copy_lsh_threshold", "near_copy_jaccard", "partial_copy_containment"):
            v = getattr(self, name)
            if not 0.0 <= v <= 1.0:
                raise SettingsError(f"{name} must be in [0.0, 1.0], got {v}")
        if self.num_perm < 16:
            raise SettingsError(f"num_perm must be >= 16, got {self.num_perm}")
        if self.shingle_words < 1:
            raise SettingsError(f"shingle_words must be >= 1, got {self.shingle_words}")
        if self.story_window_days <= 0:
            raise SettingsError(f"story_window_days must be > 0, got {self.story_window_days}")
        if self.participant_min_mentions < 1:
            raise SettingsError(
                f"participant_min_mentions must be >= 1, got {self.participant_min_mentions}"
            )
        if self.doubt_margin < 0 or self.doubt_gain < 0:
            raise SettingsError("doubt_margin and doubt_gain must be >= 0")
        if self.doubt_keep < 1 or self.doubt_stories < 0:
            raise SettingsError("doubt_keep must be >= 1 and doubt_stories >= 0")
        if self.split_ncut < 0 or self.text_split_ncut < 0 or self.split_min_articles < 4:
            raise SettingsError(
                "split_ncut and text_split_ncut must be >= 0 and split_min_articles >= 4"
            )
        if self.consensus_runs < 1 or self.settle_some_runs < 1:
            raise SettingsError("consensus_runs and settle_some_runs must be >= 1")
        if not 0.0 < self.consensus_share <= 1.0:
            raise SettingsError(f"consensus_share must be in (0, 1], got {self.consensus_share}")
        if self.consensus_workers < 0:
            raise SettingsError(f"consensus_workers must be >= 0, got {self.consensus_workers}")
        if self.name_strength < 0 or not 0.0 <= self.average_link <= 1.0:
            raise SettingsError("name_strength must be >= 0 and average_link in [0.0, 1.0]")
        if self.hub_weight < 0 or self.hub_neighbours < 1:
            raise SettingsError(
                f"hub_weight must be >= 0 and hub_neighbours >= 1, got {self.hub_weight} and "
                f"{self.hub_neighbours}"
            )
        if not (-1.0 <= self.settled_cut_score <= 1.0 and -1.0 <= self.lone_join_score <= 1.0):
            raise SettingsError(
                "settled_cut_score and lone_join_score must be in [-1.0, 1.0], got "
                f"{self.settled_cut_score} and {self.lone_join_score}"
            )
        if self.bridge_score < self.join_score:
            raise SettingsError("bridge_score must be >= join_score")


@dataclass(frozen=True, slots=True)
class CheckSettings:
    """Options of the check stage (check/): alignment, status, brief.

    Args:
        link_score: claims of different articles are one proposition at this score or above
            (text cosine plus the bonuses below): on average over the proposition's claims
            with "average" linkage, for each other's best match with "components".
        linkage: how linked claims become propositions: "average" (average linkage over the
            pair scores, cut at `link_score`: ECB+ dev pair precision 0.634 at recall 0.100,
            against 0.309 at 0.230 for "components" of best-match links at 0.45, when it was
            chosen; 0.636 at 0.105 on 2026-12-07; the benchmarks page has the sweep) or
            "components".
        said_link_score: with "components", `link_score` for two claims reported from one
            speaker: two outlets' best-matching words of one person in one story are most
            often one utterance rendered twice ("It's up to Russia now" / "Now it depends on
            Russia": 0.42).
        sure_score: with "components", two claims are one proposition at this score without
            being best matches (the same fact said twice in one article, or by three outlets
            in a chain).
        shared_number_bonus: added when both claims carry the same figure (value and unit), or
            a rounded or bounded one near the other's ("about 4,200" / "more than 4,000").
        entity_bonus: times the Jaccard overlap of the claims' canonical entities.
        same_speaker_bonus, other_speaker_penalty: both claims reported from one speaker, or
            from two different known speakers.
        other_time_penalty: taken off when one claim tells of a day after the other's article
            was published (not after its own: a plan may be reported early), a day the other
            claim's own times do not reach (`check/align.py: times_disagree`).
        other_person_penalty: taken off when both claims name people besides their speakers
            and none in common ("Vaughn finished with ... nine rebounds" / "Austin Daye
            finished with ... eight rebounds": two players, not one disputed figure).
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
    other_time_penalty: float = 0.3
    other_person_penalty: float = 0.2
    max_term_share: float = 0.3
    brief_max_sentences: int = 7
    max_claims_per_story: int = 5000

    def __post_init__(self) -> None:
        if not 0.0 < self.said_link_score <= self.sure_score:
            raise SettingsError(
                f"said_link_score must be in (0, sure_score={self.sure_score}], "
                f"got {self.said_link_score}"
            )
        if not 0.0 < self.link_score <= self.sure_score:
            raise SettingsError(
                f"link_score must be in (0, sure_score={self.sure_score}], got {self.link_score}"
            )
        if self.linkage not in ("average", "components"):
            raise SettingsError(f'linkage must be "average" or "components", got {self.linkage!r}')
        if not 0.0 < self.max_term_share <= 1.0:
            raise SettingsError(f"max_term_share must be in (0.0, 1.0], got {self.max_term_share}")
        if not 3 <= self.brief_max_sentences <= 20:
            raise SettingsError(
                f"brief_max_sentences must be in [3, 20], got {self.brief_max_sentences}"
            )
        if self.max_claims_per_story < 1:
            raise SettingsError("max_claims_per_story must be >= 1")


@dataclass(frozen=True, slots=True)
class StoreSettings:
    """The store.

    Args:
        db_path: the SQLite file (`--db`; created when missing), ":memory:" for none on disk.
    """

    db_path: str = "newsweave.db"

    def __post_init__(self) -> None:
        if not self.db_path:
            raise SettingsError('db_path must not be empty (":memory:" keeps no file)')


@dataclass(frozen=True, slots=True)
class WebSettings:
    """The web app (`newsweave serve`): where it listens and its limits. The token is no setting:
    a secret belongs in the environment (NEWSWEAVE_TOKEN) or on the command line, not in a
    file shared with the settings.

    Args:
        host: the address listened on (`--host`); any but a loopback one needs a token.
        port: the TCP port (`--port`); 0 lets the system choose one.
        max_upload_files: files accepted in one upload.
        max_upload_bytes: bytes of one uploaded file; 0 (the default) follows
            `ingest.max_file_bytes`, so raising that cap raises the upload's too.
        max_request_bytes: bytes of one whole upload request.
        max_urls: URLs accepted in one paste.
        page_size: stories per page of the list.
        page_cache_bytes: rendered pages and API answers kept in memory, in bytes (0: none).
            A story page of the load benchmark is ~9 KB, so the default holds thousands.
        worker_threads: requests rendered at once (the rest wait their turn, first come first
            served). With Starlette's default of 40, 16 connections of uncached story pages
            fought over the GIL: p95 1,170 ms at 100 req/s; with 4, 310 ms at 244 req/s
            (load benchmark store, load average 7 on 2 cores).
    """

    host: str = "127.0.0.1"
    port: int = 8000
    max_upload_files: int = 50
    max_upload_bytes: int = 0
    max_request_bytes: int = 100 * 1024 * 1024
    max_urls: int = 200
    page_size: int = 25
    page_cache_bytes: int = 64 * 1024 * 1024
    worker_threads: int = 4

    def __post_init__(self) -> None:
        if not self.host.strip():
            raise SettingsError("host must not be empty (127.0.0.1: this machine only)")
        if not 0 <= self.port <= MAX_PORT:
            raise SettingsError(f"port must be in [0, {MAX_PORT}], got {self.port}")
        _positive(self, "max_upload_files", "max_request_bytes", "max_urls", "page_size",
                  "worker_threads")  # fmt: skip
        if self.max_upload_bytes < 0:
            raise SettingsError(
                f"max_upload_bytes must be >= 0 (0 follows ingest.max_file_bytes), "
                f"got {self.max_upload_bytes}"
            )
        if self.page_cache_bytes < 0:
            raise SettingsError(
                f"page_cache_bytes must be >= 0 (0 turns the page cache off), "
                f"got {self.page_cache_bytes}"
            )


@dataclass(frozen=True, slots=True)
class Settings:
    """Every option of the pipeline, one branch per stage (see the module docstring).

    Args:
        workers: processes that extract and read articles; 0: one per CPU this process may
            use (`os.sched_getaffinity`). Results are stored in input order, so the output is
            the same with any number; 1 runs everything in this process.

    Example:
        >>> s = Settings(fetch=FetchSettings(offline=True)).with_(**{"read.max_chars": 5000})
        >>> s.fetch.offline, s.read.max_chars, s.group.join_score
        (True, 5000, 0.2)
        >>> ReadSettings(batch_articles=0)
        Traceback (most recent call last):
        ...
        newsweave.errors.SettingsError: batch_articles must be in [1, 1024], got 0
    """

    workers: int = 0
    ingest: IngestSettings = field(default_factory=IngestSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    read: ReadSettings = field(default_factory=ReadSettings)
    group: GroupSettings = field(default_factory=GroupSettings)
    check: CheckSettings = field(default_factory=CheckSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    web: WebSettings = field(default_factory=WebSettings)

    def __post_init__(self) -> None:
        if not 0 <= self.workers <= MAX_WORKERS:
            raise SettingsError(
                f"workers must be in [0, {MAX_WORKERS}] (0: one per CPU), got {self.workers}"
            )

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed, by name (`workers`) or by path (`"fetch.offline"`,
        passed as `**{"fetch.offline": True}`); None values are ignored. The changes to one
        branch are made together, so limits between its fields hold for the result, not for
        each step (`group.join_score` above the default `bridge_score` with both given)."""
        return _with_paths(self, {k: v for k, v in changes.items() if v is not None})


def _with_paths(obj: Any, changes: dict[str, object]) -> Any:
    known = {f.name for f in fields(obj)}
    here: dict[str, object] = {}
    below: dict[str, dict[str, object]] = {}
    for path, value in changes.items():
        name, _, rest = path.partition(".")
        if name not in known or (rest and not is_dataclass(getattr(obj, name))):
            raise SettingsError(f"{path}: no such setting in {type(obj).__name__}")
        if rest:
            below.setdefault(name, {})[rest] = value
        else:
            here[name] = value
    for name, sub in below.items():
        here[name] = _with_paths(getattr(obj, name), sub)
    return replace(obj, **here) if here else obj


# Each CLI option that tunes the work, and the one field it sets (the option's destination
# name in cli.py -> the field's path), whichever command takes it (`serve` takes --db, --host
# and --port). --quiet, --out, --html, --md, --json and --limit shape the output, and --token
# is a secret (`WebSettings`): none of them is a setting.
FLAGS = {
    "max_file_bytes": "ingest.max_file_bytes",
    "offline": "fetch.offline",
    "http_timeout_seconds": "fetch.timeout_seconds",
    "http_deadline_seconds": "fetch.deadline_seconds",
    "ignore_robots": "fetch.respect_robots",
    "extract_time_budget_seconds": "extract.time_budget_seconds",
    "workers": "workers",
    "db": "store.db_path",
    "host": "web.host",
    "port": "web.port",
}

# Keys of the first newsweave.toml, when every setting but `check` was at the top: still read,
# at their place in the tree (a file written then keeps working).
FLAT_KEYS = {
    "max_file_bytes": "ingest.max_file_bytes",
    "max_feed_entries": "ingest.max_feed_entries",
    "http_timeout_seconds": "fetch.timeout_seconds",
    "http_deadline_seconds": "fetch.deadline_seconds",
    "max_http_bytes": "fetch.max_bytes",
    "respect_robots": "fetch.respect_robots",
    "user_agent": "fetch.user_agent",
    "min_text_chars": "extract.min_text_chars",
    "extract_time_budget_seconds": "extract.time_budget_seconds",
    "db_path": "store.db_path",
}


def _unflatten(table: dict[str, Any]) -> dict[str, Any]:
    """The file's table with the old flat keys moved to their place in the tree."""
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in table.items()}
    for old, path in FLAT_KEYS.items():
        if old not in out:
            continue
        branch, key = path.split(".")
        sub = out.setdefault(branch, {})
        if not isinstance(sub, dict):
            continue  # `_build` says the branch must be a table
        if key in sub:
            raise SettingsError(f"{old}: set twice, here and as [{branch}] {key}; keep the latter")
        log.info("settings: %s is read as [%s] %s", old, branch, key)
        sub[key] = out.pop(old)
    return out


def _build(cls: type, table: dict[str, Any], where: str) -> Any:
    """A settings object from a TOML table; unknown keys and wrong types name their place."""
    kinds = {f.name: f for f in fields(cls)}
    values: dict[str, Any] = {}
    defaults = cls()
    for key, value in table.items():
        if key not in kinds:
            known = ", ".join(sorted(kinds))
            raise SettingsError(f"{where}{key}: no such setting (known: {known})")
        default = getattr(defaults, key)
        if is_dataclass(default):
            if not isinstance(value, dict):
                raise SettingsError(f"{where}{key}: must be a table [{where}{key}]")
            values[key] = _build(type(default), value, f"{where}{key}.")
        elif isinstance(default, bool) != isinstance(value, bool) or not isinstance(
            value, (type(default), int) if isinstance(default, float) else type(default)
        ):
            raise SettingsError(
                f"{where}{key}: must be {type(default).__name__}, got {type(value).__name__}"
            )
        else:
            values[key] = float(value) if isinstance(default, float) else value
    try:
        return cls(**values)
    except SettingsError as e:
        raise SettingsError(f"{where}{e}") from None


def load_settings(path: str | Path) -> Settings:
    """Settings from a TOML file: `workers` at the top, a table per branch (`[ingest]`,
    `[fetch]`, `[extract]`, `[read]`, `[group]`, `[check]`, `[store]`, `[web]`); docs/newsweave.toml
    lists every key with its default and meaning. The first format's flat keys
    (`max_file_bytes = ...` at the top, `FLAT_KEYS`) are read at their new place.

    Raises:
        SettingsError (a ValueError): naming the file, the key and what is wrong (unknown
            key, wrong type, a value out of its range).

    Example:
        >>> import tempfile, os
        >>> with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
        ...     _ = f.write("[ingest]\\nmax_feed_entries = 50\\n[group]\\njoin_score = 0.3\\n")
        >>> s = load_settings(f.name); os.unlink(f.name)
        >>> s.ingest.max_feed_entries, s.group.join_score
        (50, 0.3)
    """
    try:
        table = tomllib.loads(Path(path).read_text("utf-8"))
        return _build(Settings, _unflatten(table), "")
    except (OSError, tomllib.TOMLDecodeError, ValueError, TypeError) as e:
        raise SettingsError(f"{path}: {e}") from None


DEFAULTS = Settings()
