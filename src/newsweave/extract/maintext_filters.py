"""Line post-filters and the removed-block list of extract/maintext.py (private).

Vocabularies are data: tuples of lower-case phrases, compared after word normalisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from ..vocab import (
    ENGLISH_MONTH_WORDS,
    TIME_ZONES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    YEAR_PATTERN,
)

# Elements whose text is never visible page text.
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg")
# A whole line that is only one of these is page chrome, not article text.
CHROME_LINES = (
    "advertisement",
    "back to top",
    "book a demo",
    "click here",
    "close",
    "contact us",
    "continue reading",
    "download now",
    "get started",
    "home",
    "learn more",
    "listen to this article",
    "loading",
    "log in",
    "menu",
    "print",
    "published",
    "read more",
    "search",
    "see more",
    "share",
    "share this",
    "share this article",
    "show more",
    "sign in",
    "sign up",
    "skip to content",
    "subscribe",
    "table of contents",
    "thanks for subscribing",
    "tweet",
    "view more",
)
# A short line starting with one of these is a credit, a call to action or a legal notice.
CHROME_PREFIXES = (
    "as an amazon associate",
    "by entering your email",
    "by signing up",
    "copyright ©",
    "credit:",
    "follow us",
    "get the latest",
    "image credit",
    "image:",
    "photo courtesy",
    "photo credit",
    "photo:",
    "share this",
    "sign up for",
    "subscribe to",
    "thank you for subscribing",
    "thanks for subscribing",
    "this post contains affiliate",
    "this website uses cookies",
    "we use cookies",
    "©",
)
CHROME_PREFIX_MAX_WORDS = 25
# A short line that is a publication or update stamp ("Published Saturday 21 March 2026,
# 16:40", "Updated 9:01 AM EDT", "Posted by IndustrySelect on Tuesday, August 29, 2023"):
# metadata, which the extractor reads on its own (extract/metadata.py), not article text. The
# word, perhaps "by" a name, then only the words of a date or a time, one of them a weekday, a
# month or a number ("Updated May figures show 40 deaths", "Posted on Monday, the video drew
# 2 million views", "Posted 4.5 million views" are sentences). At most STAMP_MAX_WORDS words.
# RT's pages write the word with "time" ("Published time: March 12, 2013 02:03 Edited time:
# March 13, 2013 02:15", ECB+ 19_6ecbplus).
STAMP_PREFIXES = ("edited", "last updated", "posted", "published", "updated")
STAMP_MAX_WORDS = 10
_ZONES = "|".join(TIME_ZONES)
_STAMP_HEAD = re.compile(
    rf"(?:{'|'.join(STAMP_PREFIXES)})(?:\s+time\b)?(?:\s+by\s+[^,]{{1,40}}?(?=\s+(?:on|at)\b))?\s*:?"
)
# a date's or a time's words: a weekday, a month (vocab.py's names and abbreviations), a number
# (a day, a year, "16:40", "09/10/2025", "10:39am", "16th"), and the words between them
# ("thur": a stamp abbreviation the shared list, which the scraped-text model was fitted on, lacks)
STAMP_NAMES = frozenset((*ENGLISH_MONTH_WORDS, *WEEKDAYS, *WEEKDAY_ABBREVIATIONS, "thur"))
_STAMP_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)?(?:[/.:\-]\d+)*(?:am|pm)?")
_STAMP_OTHER = re.compile(
    rf"(?:on|at|by|of|ago|[ap]\.?m\.?|{_ZONES}|[+\-]\d\d:?\d\d"
    r"|(?:second|minute|hour|day|week)s?|[-–—|])"
)


def _is_stamp(start: str) -> bool:
    """Whether a lower-cased line is a publication or update stamp (STAMP_PREFIXES)."""
    head = _STAMP_HEAD.match(start)
    if head is None:
        return False
    words = [w.strip(".,:;()") for w in start[head.end() :].split()]
    words = [w for w in words if w]
    dated = [w for w in words if w.rstrip(".") in STAMP_NAMES or _STAMP_NUMBER.fullmatch(w)]
    return bool(dated) and all(w in dated or _STAMP_OTHER.fullmatch(w) for w in words)


# A stamp run into the sentence after it, as flattened text has it ("PUBLISHED: THURSDAY,
# MAY 2, 2013, 1:32 PM UPDATED: FRIDAY, MAY 3, 2013, 9:56 AM Lindsay Lohan checked into ...",
# "May 3, 2013 | 8:20 am Lindsay Lohan's attorney said ..."): the words of a date or a time
# from the start up to the first word of neither. It is a stamp when it opens with
# STAMP_PREFIXES or has a clock time or a month or weekday with a year; a weekday, a number or
# a year alone opens a sentence ("Friday night's 88-72 loss", "12 people were hurt", "2006 HBO
# movie"), and so does a joining word ("On March 11, 2009 President Obama signed ...").
_STAMP_CLOCK = re.compile(r"\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:[ap]m)?")  # "5:59:13 PM" too
_STAMP_YEAR = re.compile(YEAR_PATTERN)
_STAMP_OFFSET = re.compile(rf"(?:{_ZONES})?[+\-]\d\d:?\d\d")
_STAMP_JOIN_WORDS = frozenset(("on", "at", "by", "of", "-", "–", "—", "|", "/"))
# the zones US stamps write without standard or daylight ("Updated 5:40 p. m. ET"): words of a
# stamp only, never dropped as entities (vocab.TIME_ZONES)
STAMP_ZONES = frozenset(("et", "ct", "mt", "pt"))
# a word, or "p. m." as the tokeniser spaces it
_STAMP_WORD = re.compile(r"[ap]\.\s?m\.|\S+", re.I)


# What may stand between a stamp and the sentence it runs into ("Sep 10, 2010 | A judge ...").
STAMP_JOINS = " ,;:|-\u2013\u2014)"


def opening_stamp(text: str) -> int:
    """Where a publication or update stamp that opens a text ends (0 when none does).

    Example:
        >>> t = "Updated 11 / 27 / 2005 3:41 PM Strong earthquake jolts southern Iran"
        >>> t[opening_stamp(t):]
        ' Strong earthquake jolts southern Iran'
        >>> t = "2 / 3 / 2009 5:59:13 PM San Diego Chargers defensive tackle Jamal Williams"
        >>> t[opening_stamp(t):]
        ' San Diego Chargers defensive tackle Jamal Williams'
        >>> t = "ET Updated 5:40 p. m. ET Early Friday morning, the actress checked in"
        >>> t[opening_stamp(t):]
        ' Early Friday morning, the actress checked in'
        >>> t = "Published time: March 12, 2013 02:03 Edited time: March 13, 2013 02:15 Police"
        >>> t[opening_stamp(t):]
        ' Police'
        >>> opening_stamp("Friday night's 88-72 loss in Cleveland was the last straw.")
        0
        >>> opening_stamp("2006 HBO movie The Notorious Bettie Page starred Gretchen Mol.")
        0
    """
    end, dated, sure, named, year, last, prefixed = 0, False, False, False, False, False, False
    # word by word, stopping at the first that is no stamp's: a sentence is not read whole
    for k, m in enumerate(_STAMP_WORD.finditer(text)):
        w = m.group().lower().replace(" ", "").strip(".,:;()")
        if last and w != "updated":
            break  # "last" is a stamp's only in "last updated"
        last = w == "last"
        if last:
            continue
        if w == "time" and prefixed:  # "Published time: ..."
            prefixed = False
            continue
        prefixed = w in STAMP_PREFIXES
        if prefixed:
            sure = True
        elif w.rstrip(".") in STAMP_NAMES:
            dated = named = True
        elif _STAMP_NUMBER.fullmatch(w):
            dated = True
            year = year or bool(_STAMP_YEAR.fullmatch(w))
            sure = sure or bool(_STAMP_CLOCK.fullmatch(w))
        elif w in _STAMP_JOIN_WORDS:
            if not k:
                return 0
            continue  # a joining word does not end the stamp, nor is it its end
        elif w and not (
            w in STAMP_ZONES or _STAMP_OTHER.fullmatch(w) or _STAMP_OFFSET.fullmatch(w)
        ):
            break  # (a bracket alone, as in "18:07 (GMT+05:00 )", is the stamp's)
        end = m.end()
    return end if dated and (sure or (named and year)) else 0


# A short heading that opens what follows the article: it and everything after it are dropped.
TAIL_HEADINGS = (
    "about the author",
    "about the authors",
    "also read",
    "author bio",
    "join the conversation",
    "latest articles",
    "latest posts",
    "leave a comment",
    "leave a reply",
    "more articles",
    "more stories",
    "popular posts",
    "read next",
    "read this next",
    "recent articles",
    "recent posts",
    "recommended for you",
    "related articles",
    "related content",
    "related posts",
    "related reading",
    "related stories",
    "share this article",
    "share this post",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "up next",
    "you may also like",
    "you might also like",
    "you ll also love",
)
TAIL_PREFIXES = ("more from", "related", "written by")
TAIL_HEADING_MAX_WORDS = 6
# Tail headings count only in the last part of the text (an in-article "Related" box is not
# the end).
TAIL_START_SHARE = 0.7
# A run of lines repeating earlier lines, this long, is a second copy of the article (mobile and
# desktop bodies both in the page), not an intended repetition such as a repeated "Pros" label.
DUPLICATE_RUN_CHARS = 1000
# Removed blocks shorter than this are not worth listing.
REMOVED_MIN_CHARS = 40
# Past this many characters of kept text, a block is first tested against the kept text's
# word 4-grams: searching the whole kept text once per block was quadratic (a 19 MB article page
# ran for minutes). Below it, and for blocks every 4-gram of which is kept, the exact search.
EXACT_SEARCH_MAX_CHARS = 200_000
_GRAM_WORDS = 4
# The title is repeated as the first lines of the text: look this far for it.
TITLE_SEARCH_LINES = 5
# Lines above that title all shorter than this are breadcrumbs, kickers and dates: dropped too.
# (a course page opened with "- Home / - Knowledge center / - Online courses" over its headline)
PRE_TITLE_MAX_WORDS = 6
# A tail heading followed by this many paragraphs of at least ORPHAN_MIN_WORDS words each is an
# in-article box whose links were already left out: only the heading is dropped.
# (a "Related Articles" box in the middle of a long explainer cut its last quarter)
ORPHAN_FOLLOW_LINES = 2
ORPHAN_MIN_WORDS = 30

_WORD = re.compile(r"\w+")
_BLOCK_TAGS = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "blockquote",
    "figcaption",
    "dd",
)


def norm_words(text: str) -> str:
    """Lower-case words joined by one space: the form the vocabularies are compared in."""
    return " ".join(_WORD.findall(text.lower()))


def block_text(element: HtmlElement) -> str:
    """An element's text with its whitespace collapsed."""
    return " ".join(element.text_content().split())


def _phrases(vocabulary: Iterable[str]) -> frozenset[str]:
    """Normalised phrases of a vocabulary; raise ValueError on an entry that normalises to ''."""
    out = set()
    for phrase in vocabulary:
        norm = norm_words(phrase)
        if not norm:
            raise ValueError(f"vocabulary entry {phrase!r} has no word characters")
        out.add(norm)
    return frozenset(out)


_CHROME = _phrases(CHROME_LINES)
_TAIL = _phrases(TAIL_HEADINGS)
_TAIL_PREFIXES = tuple(f"{p} " for p in _phrases(TAIL_PREFIXES))


def _is_chrome(line: str, norm: str) -> bool:
    """A line of page chrome (share/subscribe/credit/cookie/legal, a date stamp), by the
    vocabularies."""
    if norm in _CHROME:
        return True
    if norm.count(" ") >= CHROME_PREFIX_MAX_WORDS:
        return False
    start = line.strip().lower().lstrip("-*• ")
    if start.startswith(CHROME_PREFIXES):
        return True
    return norm.count(" ") < STAMP_MAX_WORDS and _is_stamp(start)


def _is_tail_heading(norm: str) -> bool:
    """A short heading that opens the related-links/author-bio/comments part after an article."""
    if not norm or norm.count(" ") >= TAIL_HEADING_MAX_WORDS:
        return False
    return norm in _TAIL or norm.startswith(_TAIL_PREFIXES)


def _duplicate_runs(lines: list[str], norms: list[str]) -> set[int]:
    """Indexes of lines in runs that repeat earlier lines and total DUPLICATE_RUN_CHARS or more."""
    seen: set[str] = set()
    repeated = []
    for norm in norms:
        repeated.append(bool(norm) and norm in seen)
        seen.add(norm)
    out: set[int] = set()
    i = 0
    while i < len(lines):
        if not repeated[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and repeated[j]:
            j += 1
        if sum(len(lines[k]) for k in range(i, j)) >= DUPLICATE_RUN_CHARS:
            out.update(range(i, j))
        i = j
    return out


def _title_lines(lines: list[str], norms: list[str], titles: Iterable[str]) -> set[int]:
    """Indexes of the title repeated among the top lines and of the short lines above it."""
    title_norms = {n for n in map(norm_words, titles) if n}
    for i in range(min(TITLE_SEARCH_LINES, len(lines))):
        if norms[i] in title_norms:
            above = range(i)
            if all(len(lines[k].split()) < PRE_TITLE_MAX_WORDS for k in above):
                return {*above, i}
            return {i}
    return set()


def _is_orphan_heading(lines: list[str], index: int) -> bool:
    """The tail heading at index is followed by article paragraphs, not by links or a bio line."""
    follow = lines[index + 1 : index + 1 + ORPHAN_FOLLOW_LINES]
    return len(follow) == ORPHAN_FOLLOW_LINES and all(
        len(line.split()) >= ORPHAN_MIN_WORDS for line in follow
    )


def filter_lines(text: str, titles: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """Split the text into kept and dropped lines.

    Drops, in this order: a second copy of the body, the title repeated at the top (the caller
    keeps the title apart) with the breadcrumbs above it, chrome lines, and everything from a
    tail heading on (only the heading when article paragraphs follow it).

    Args:
        text: extracted text, one paragraph per line.
        titles: the page's titles (h1 texts); the first of the top lines equal to one is dropped.

    Returns:
        (kept lines, dropped lines), blank lines left out of both.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    norms = [norm_words(line) for line in lines]
    drop = _duplicate_runs(lines, norms)
    drop.update(_title_lines(lines, norms, titles))
    drop.update(
        i for i, (line, norm) in enumerate(zip(lines, norms, strict=True)) if _is_chrome(line, norm)
    )
    total = sum(len(line) + 1 for line in lines)
    position = 0
    for i, (line, norm) in enumerate(zip(lines, norms, strict=True)):
        if position >= TAIL_START_SHARE * total and _is_tail_heading(norm):
            if _is_orphan_heading(lines, i):
                drop.add(i)
            else:
                drop.update(range(i, len(lines)))
                break
        position += len(line) + 1
    kept = [line for i, line in enumerate(lines) if i not in drop]
    dropped = [line for i, line in enumerate(lines) if i in drop]
    return kept, dropped


def page_titles(tree: HtmlElement) -> list[str]:
    """The h1 texts of the page (at most a few: some templates repeat the title)."""
    return [h1.text_content() for h1 in tree.iter("h1")][:5]


def _grams(words: list[str]) -> set[int]:
    return {hash(g) for g in zip(*(words[i:] for i in range(_GRAM_WORDS)), strict=False)}


class _KeptText:
    """The kept main text, asked whether it holds a block's normalised words (word-aligned)."""

    def __init__(self, text: str) -> None:
        self.padded = f" {norm_words(text)} "
        self.lines = {norm_words(line) for line in text.split("\n")}
        big = len(self.padded) > EXACT_SEARCH_MAX_CHARS
        self.grams = _grams(self.padded.split()) if big else None

    def holds(self, norm: str) -> bool:
        if norm in self.lines:
            return True
        if self.grams is not None:
            words = norm.split()
            if len(words) >= _GRAM_WORDS and not _grams(words) <= self.grams:
                return False
        return f" {norm} " in self.padded


def removed_blocks(tree: HtmlElement, text: str, dropped: Iterable[str]) -> tuple[str, ...]:
    """Substantial text blocks of the page that are not in the main text, in page order.

    Args:
        tree: the page (read only).
        text: the kept main text.
        dropped: lines the post-filters dropped (listed even when shorter than a block).

    Returns:
        Block texts of REMOVED_MIN_CHARS or more, whitespace collapsed, each once.
    """
    kept = _KeptText(text)
    out: list[str] = []
    seen: set[str] = set()
    body = tree.find(".//body")
    for element in (body if body is not None else tree).iter(*_BLOCK_TAGS):
        block = block_text(element)
        if len(block) < REMOVED_MIN_CHARS or block in seen:
            continue
        seen.add(block)
        norm = norm_words(block)
        if norm and not kept.holds(norm):
            out.append(block)
    for line in dropped:
        if line not in seen and len(line) >= REMOVED_MIN_CHARS:
            seen.add(line)
            out.append(line)
    return tuple(out)
