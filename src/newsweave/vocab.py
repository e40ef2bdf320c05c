"""Calendar words every stage shares: month and weekday names, in one home.

extract/ (dates in metadata and scraped text) and read/ (time expressions, numbers that are
days of a month) import them from here, so a month name added once is known everywhere.
Stage-specific vocabularies stay in their stage's `*_vocab.py`.
"""

from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip

MONTH_ABBREVIATIONS: tuple[tuple[str, int], ...] = (
    ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
    ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
)  # fmt: skip

# A few non-English month names (German, French, Spanish, Italian, Dutch): dates in the
# metadata of pages in those languages; the English ones above are not repeated.
FOREIGN_MONTHS: tuple[tuple[str, int], ...] = (
    ("januar", 1), ("februar", 2), ("märz", 3), ("mai", 5), ("juni", 6), ("juli", 7),
    ("oktober", 10), ("dezember", 12),
    ("janvier", 1), ("février", 2), ("mars", 3), ("avril", 4), ("juin", 6), ("juillet", 7),
    ("août", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11), ("décembre", 12),
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6),
    ("julio", 7), ("agosto", 8), ("septiembre", 9), ("octubre", 10), ("noviembre", 11),
    ("diciembre", 12),
    ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6),
    ("luglio", 7), ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
    ("januari", 1), ("februari", 2), ("maart", 3), ("mei", 5), ("augustus", 8),
)  # fmt: skip

# English month words (names and abbreviations), as words in running text.
ENGLISH_MONTH_WORDS: tuple[str, ...] = (*MONTH_NAMES, *(w for w, _ in MONTH_ABBREVIATIONS))

# Every month word with its number (English and the foreign ones): dates in metadata.
MONTH_NUMBERS: tuple[tuple[str, int], ...] = (
    *((name, i + 1) for i, name in enumerate(MONTH_NAMES)),
    *MONTH_ABBREVIATIONS,
    *FOREIGN_MONTHS,
)

# Monday first, as `date.weekday()` counts.
WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
WEEKDAY_ABBREVIATIONS: tuple[str, ...] = (
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
)  # fmt: skip
