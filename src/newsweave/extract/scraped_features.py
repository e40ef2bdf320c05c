"""Line features of the scraped-text cleaner: what makes a line article prose or page chrome.

Two stages. Stage 1 describes each line and its close neighbours (length, punctuation,
stop words, calls to action, navigation words, dates, position, repetition). Stage 2 adds the
stage-1 scores of the neighbours, because chrome comes in runs and so does the article.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from ..vocab import ENGLISH_MONTH_WORDS, PROSE_FUNCTION_WORDS, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from .scraped_vocab import CALL_TO_ACTION, NAVIGATION, SEPARATORS
from .words import word_count

_WORD = re.compile(r"\w+", re.UNICODE)
_STOP = frozenset(PROSE_FUNCTION_WORDS)
_END_PUNCT = re.compile(r"[.!?][\"'”’»)\]]*$")
_END_COLON = re.compile(r":[\"'”’)]*$")
_ELLIPSIS = re.compile(r"(\.\.\.|…)[\"'”’)]*$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"“‘(]?[A-Z0-9]")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_NUM_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
_URLISH = re.compile(r"https?://|www\.|\S@\S+\.\w")
_BULLET = re.compile(r"^\s*(?:[-*•▪►–]\s|\d{1,2}[.)]\s|[a-z][.)]\s)")
_QUOTE = re.compile(r"[“”\"]")


def _phrase_pattern(vocabulary: Sequence[str]) -> re.Pattern[str]:
    """One case-insensitive regex matching any vocabulary entry on word bounds.

    Raises:
        ValueError: the vocabulary is empty (the pattern would match everywhere).
    """
    if not vocabulary:
        raise ValueError("vocabulary must not be empty")
    alternatives = sorted({re.escape(v) for v in vocabulary}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


_CTA = _phrase_pattern(CALL_TO_ACTION)
_NAV = _phrase_pattern(NAVIGATION)
_MONTH = _phrase_pattern(ENGLISH_MONTH_WORDS)
_WEEKDAY = _phrase_pattern((*WEEKDAYS, *WEEKDAY_ABBREVIATIONS))
_SEPARATOR = re.compile("|".join(re.escape(s) for s in SEPARATORS))

# Length buckets (upper bounds in words): chrome is short, prose long, the middle is mixed.
_LENGTH_BUCKETS = (2, 5, 10, 20, 40)

LOCAL_FEATURES: tuple[str, ...] = (
    "log_words", "len_le2", "len_le5", "len_le10", "len_le20", "len_le40", "chars_per_word",
    "end_punct", "end_colon", "end_ellipsis", "end_bare", "sentences", "stop_density",
    "stop_density_long", "title_case", "upper", "digits", "cta", "cta_short", "nav",
    "nav_short", "date", "time", "separator", "copyright", "urlish", "bullet", "commas",
    "quote", "starts_lower",
)  # fmt: skip
CONTEXT_FEATURES: tuple[str, ...] = (
    "pos", "pos_sq", "pos_top", "pos_bottom", "dup_in_page", "has_context", "repeated",
    "repeated_frac", "prev_log_words", "next_log_words", "prev_end_punct", "next_end_punct",
    "win_log_words", "win_end_punct", "win_stop", "win_cta_nav", "wide_log_words",
)  # fmt: skip
STAGE1_FEATURES: tuple[str, ...] = LOCAL_FEATURES + CONTEXT_FEATURES
NEIGHBOUR_FEATURES: tuple[str, ...] = (
    "s_self", "s_prev", "s_next", "s_prev2", "s_next2", "s_win5", "s_wide", "s_before",
    "s_after", "in_segment", "segment_gap",
)  # fmt: skip
STAGE2_FEATURES: tuple[str, ...] = STAGE1_FEATURES + NEIGHBOUR_FEATURES
# Where each vector holds the line's log word count (a line's size in words is expm1 of it).
LOG_WORDS = STAGE1_FEATURES.index("log_words")


def vector(values: dict[str, float], names: tuple[str, ...]) -> list[float]:
    """The values in the order of `names`: features are computed by name, so two entries that
    trade places in the code cannot trade weights (a list matched to its names by position
    would break silently).

    Raises:
        ValueError: the names computed are not exactly `names`.
    """
    if len(values) != len(names) or any(n not in values for n in names):
        missing = sorted(set(names) - set(values))
        raise ValueError(f"features computed {sorted(set(values) - set(names))}, missing {missing}")
    return [values[n] for n in names]


# A sentence-like line: at least this many words, ending in . ! ? or … (a closing quote may
# follow); a short one must not hold a call to action ("Please enter your comment!").
PROSE_MIN_WORDS = 4
# Chinese and Japanese sentences end in full-width marks (a Chinese .txt lost every other line).
_CJK_END_PUNCT = re.compile(r"[。！？][」』”’）)]*$")
PROSE_CTA_FREE_BELOW_WORDS = 12


def is_prose_line(line: str) -> bool:
    """True for a line that reads as a sentence of article text.

    Example:
        >>> is_prose_line("Opposition members said the plan ignores roads.")
        True
        >>> is_prose_line("Please share this article!"), is_prose_line("Related Posts")
        (False, False)
    """
    text = line.strip()
    words = word_count(text)
    ends = _END_PUNCT.search(text) or _ELLIPSIS.search(text) or _CJK_END_PUNCT.search(text)
    if words < PROSE_MIN_WORDS or not ends:
        return False
    return words >= PROSE_CTA_FREE_BELOW_WORDS or not _CTA.search(text)


def line_key(line: str) -> str:
    """The line as compared across pages: lower-case words, digits kept."""
    return " ".join(_WORD.findall(line.lower()))


def local_features(line: str) -> list[float]:
    """Stage-1 features of one line on its own, in the order of LOCAL_FEATURES."""
    text = line.strip()
    words = _WORD.findall(text)
    n = len(words)
    lower = [w.lower() for w in words]
    log_words = math.log1p(n)
    buckets = [0.0] * len(_LENGTH_BUCKETS)
    for k, bound in enumerate(_LENGTH_BUCKETS):
        if n <= bound:
            buckets[k] = 1.0
            break
    alpha = [w for w in words if w[0].isalpha()]
    letters = [c for c in text if c.isalpha()]
    alnum = sum(1 for c in text if c.isalnum())
    digits = sum(1 for c in text if c.isdigit())
    stop = sum(1 for w in lower if w in _STOP) / n if n else 0.0
    cta = len(_CTA.findall(text))
    nav = len(_NAV.findall(text))
    end_punct = 1.0 if _END_PUNCT.search(text) else 0.0
    end_colon = 1.0 if _END_COLON.search(text) else 0.0
    end_ellipsis = 1.0 if _ELLIPSIS.search(text) else 0.0
    end_bare = 1.0 if text and text[-1].isalnum() else 0.0
    has_date = bool(_NUM_DATE.search(text)) or (
        bool(_MONTH.search(text) or _WEEKDAY.search(text)) and any(w.isdigit() for w in words)
    )
    short = n <= 8
    values = {
        "log_words": log_words,
        **{f"len_le{bound}": b for bound, b in zip(_LENGTH_BUCKETS, buckets, strict=True)},
        "chars_per_word": (len(text) / n if n else 0.0) / 10.0,
        "end_punct": end_punct,
        "end_colon": end_colon,
        "end_ellipsis": end_ellipsis,
        "end_bare": end_bare,
        "sentences": min(len(_SENTENCE_BREAK.findall(text)), 3) / 3.0,
        "stop_density": stop,
        "stop_density_long": stop if n >= 5 else 0.0,
        "title_case": sum(1 for w in alpha if w[0].isupper()) / len(alpha) if alpha else 0.0,
        "upper": sum(1 for c in letters if c.isupper()) / len(letters) if letters else 0.0,
        "digits": digits / alnum if alnum else 0.0,
        "cta": min(cta, 3) / 3.0,
        "cta_short": 1.0 if cta and short else 0.0,
        "nav": min(nav, 3) / 3.0,
        "nav_short": 1.0 if nav and short else 0.0,
        "date": 1.0 if has_date and n <= 10 else 0.0,
        "time": 1.0 if _TIME.search(text) and n <= 10 else 0.0,
        "separator": 1.0 if _SEPARATOR.search(text) else 0.0,
        "copyright": 1.0 if "©" in text or "(c)" in text.lower() else 0.0,
        "urlish": 1.0 if _URLISH.search(text) else 0.0,
        "bullet": 1.0 if _BULLET.match(text) else 0.0,
        "commas": min(text.count(",") / n, 1.0) if n else 0.0,
        "quote": 1.0 if _QUOTE.search(text) else 0.0,
        "starts_lower": 1.0 if text[:1].islower() else 0.0,
    }
    return vector(values, LOCAL_FEATURES)


def _window_mean(values: Sequence[float], i: int, radius: int) -> float:
    """Mean of values[i-radius .. i+radius] without values[i] (0 when there is none)."""
    lo, hi = max(0, i - radius), min(len(values), i + radius + 1)
    count = hi - lo - 1
    if count <= 0:
        return 0.0
    return (sum(values[lo:hi]) - values[i]) / count


def page_features(
    lines: Sequence[str], repeats: Sequence[int] | None = None, context_pages: int = 0
) -> list[list[float]]:
    """Stage-1 feature vectors of a page's non-empty lines (order of STAGE1_FEATURES).

    Args:
        lines: the page's non-empty lines, in order.
        repeats: for each line, on how many other pages of the same outlet it occurs
            (None when no context is known).
        context_pages: how many other pages the repeat counts were taken over.

    Returns:
        One vector per line.
    """
    if repeats is not None and len(repeats) != len(lines):
        raise ValueError(f"repeats has {len(repeats)} entries for {len(lines)} lines")
    local = [local_features(line) for line in lines]
    n = len(lines)
    idx = {name: k for k, name in enumerate(LOCAL_FEATURES)}
    log_words = [v[idx["log_words"]] for v in local]
    end_punct = [v[idx["end_punct"]] for v in local]
    stop = [v[idx["stop_density"]] for v in local]
    cta_nav = [max(v[idx["cta_short"]], v[idx["nav_short"]]) for v in local]
    sizes = [math.expm1(x) for x in log_words]
    total = sum(sizes) or 1.0
    keys = [line_key(line) for line in lines]
    in_page = Counter(keys)
    has_context = 1.0 if repeats is not None and context_pages > 0 else 0.0
    out: list[list[float]] = []
    before = 0.0
    for i in range(n):
        # Word-weighted position: a long article in the middle pushes menus to both ends.
        pos = (before + sizes[i] / 2) / total
        before += sizes[i]
        rep = repeats[i] if has_context and repeats is not None else 0
        context = {
            "pos": pos,
            "pos_sq": pos * pos,
            "pos_top": 1.0 if i < 3 else 0.0,
            "pos_bottom": 1.0 if i >= n - 3 else 0.0,
            "dup_in_page": 1.0 if keys[i] and in_page[keys[i]] > 1 else 0.0,
            "has_context": has_context,
            "repeated": 1.0 if rep > 0 else 0.0,
            "repeated_frac": min(rep / context_pages, 1.0) if has_context else 0.0,
            "prev_log_words": log_words[i - 1] if i > 0 else 0.0,
            "next_log_words": log_words[i + 1] if i + 1 < n else 0.0,
            "prev_end_punct": end_punct[i - 1] if i > 0 else 0.0,
            "next_end_punct": end_punct[i + 1] if i + 1 < n else 0.0,
            "win_log_words": _window_mean(log_words, i, 3),
            "win_end_punct": _window_mean(end_punct, i, 3),
            "win_stop": _window_mean(stop, i, 3),
            "win_cta_nav": _window_mean(cta_nav, i, 3),
            "wide_log_words": _window_mean(log_words, i, 10),
        }
        out.append(local[i] + vector(context, CONTEXT_FEATURES))
    return out


def _best_segment(gains: Sequence[float]) -> tuple[int, int]:
    """The contiguous run [start, end) with the largest sum of gains (Kadane)."""
    best, best_span = 0.0, (0, 0)
    run, start = 0.0, 0
    for i, g in enumerate(gains):
        if run <= 0:
            run, start = g, i
        else:
            run += g
        if run > best:
            best, best_span = run, (start, i + 1)
    return best_span


def neighbour_features(scores: Sequence[float], sizes: Sequence[float]) -> list[list[float]]:
    """Stage-2 additions: the stage-1 probabilities around each line (NEIGHBOUR_FEATURES).

    Args:
        scores: stage-1 probability of each line being article text.
        sizes: word count of each line.

    Returns:
        One vector per line.
    """
    n = len(scores)
    # The article is mostly one run: the span with the most words of likely prose.
    start, end = _best_segment([w * (s - 0.5) for s, w in zip(scores, sizes, strict=True)])
    weighted = [s * w for s, w in zip(scores, sizes, strict=True)]
    out = []
    for i in range(n):
        lo, hi = max(0, i - 10), min(n, i + 11)
        wsum = sum(sizes[lo:hi]) or 1.0
        pre = [scores[j] for j in range(max(0, i - 5), i)]
        post = [scores[j] for j in range(i + 1, min(n, i + 6))]
        distance = start - i if i < start else max(i - end + 1, 0)
        gap = math.log1p(distance)
        values = {
            "s_self": scores[i],
            "s_prev": scores[i - 1] if i > 0 else 0.0,
            "s_next": scores[i + 1] if i + 1 < n else 0.0,
            "s_prev2": scores[i - 2] if i > 1 else 0.0,
            "s_next2": scores[i + 2] if i + 2 < n else 0.0,
            "s_win5": _window_mean(scores, i, 5),
            "s_wide": sum(weighted[lo:hi]) / wsum,
            "s_before": max(pre) if pre else 0.0,
            "s_after": max(post) if post else 0.0,
            "in_segment": 1.0 if start <= i < end else 0.0,
            "segment_gap": gap,
        }
        out.append(vector(values, NEIGHBOUR_FEATURES))
    return out
