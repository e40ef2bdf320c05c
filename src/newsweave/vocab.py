"""Words every stage shares: month and weekday names, honorifics, English stop and function
words, in one home.

extract/ (dates in metadata and scraped text, headlines) and read/ (time expressions, numbers
that are days of a month, people's names) import them from here, and so do the benchmarks'
scorers, so a month name added once is known everywhere. Stage-specific vocabularies stay in
their stage's `*_vocab.py`.
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

# Time zones, as words: never entities (the recogniser takes "at 7:40 a.m. (0640 GMT)" for an
# organisation, read/entities.py), and words of a date stamp (extract/maintext_filters.py).
TIME_ZONES: tuple[str, ...] = (
    "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "wet", "west", "msk", "est", "edt",
    "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "hst", "ist", "jst", "aest", "aedt",
)  # fmt: skip

# A year as written in running text: 1800-2099 (read/times.py, read/numbers.py, check/).
YEAR_PATTERN = r"(?:1[89]|20)\d\d"

# Forms of address written before a person's name ("Dr. Jane Doe", "Ms Holm"), without the
# full stop some outlets write after them. The metadata benchmark's author scorer drops them
# before a name (benchmarks/metadata.py).
ADDRESS_FORMS: tuple[str, ...] = ("mr", "mrs", "ms", "dr", "prof")

# Honorifics and titles dropped from a person's canonical id (read/names.py: "President
# Vladimir Putin" and "Putin" are one person), the forms of address first.
HONORIFICS: tuple[str, ...] = (
    *ADDRESS_FORMS,
    "miss", "sir", "dame", "lord", "lady", "president", "gen", "general", "sen", "senator",
    "rep", "gov", "governor", "mayor", "king", "queen", "prince", "princess", "pope", "rev",
    "st", "saint", "jr", "sr", "ii", "iii", "the",
)  # fmt: skip

# Titles written short before a name that spaCy's tokenizer splits at their full stop (it
# keeps "Dr.", "Sen.", "Gov.", "Gen.", "Rev." whole already): one token each in read/nlp.py, so
# that no sentence ends at them ("Philadelphia Homicide Capt. James Clark said").
TITLE_ABBREVIATIONS: tuple[str, ...] = (
    "Capt.", "Det.", "Sgt.", "Lt.", "Col.", "Maj.", "Brig.", "Cmdr.", "Cpl.", "Pvt.", "Spc.",
    "Insp.", "Supt.", "Const.", "Atty.", "Asst.", "Dep.", "Dist.", "Amb.", "Hon.", "Pres.",
    "Fr.", "Sr.", "Ft.",
)  # fmt: skip

# Words that carry no topic in a headline: the others are its content words, by which
# extract/metadata_title.py matches an <h1> with the page's declared titles.
TITLE_FILLER_WORDS: tuple[str, ...] = (
    "the", "a", "an", "and", "or", "of", "to", "in", "for", "on", "with", "by", "&",
)  # fmt: skip

# scikit-learn's English stop words (sklearn.feature_extraction.text.ENGLISH_STOP_WORDS, 318
# words, BSD-3-Clause; the Glasgow Information Retrieval Group's list), kept here because
# importing scikit-learn for them cost every analyze about 4 s. A test holds it equal to theirs.
ENGLISH_STOP_WORDS: frozenset[str] = frozenset((
    "a", "about", "above", "across", "after", "afterwards", "again", "against", "all", "almost",
    "alone", "along", "already", "also", "although", "always", "am", "among", "amongst",
    "amoungst", "amount", "an", "and", "another", "any", "anyhow", "anyone", "anything",
    "anyway", "anywhere", "are", "around", "as", "at", "back", "be", "became", "because",
    "become", "becomes", "becoming", "been", "before", "beforehand", "behind", "being", "below",
    "beside", "besides", "between", "beyond", "bill", "both", "bottom", "but", "by", "call",
    "can", "cannot", "cant", "co", "con", "could", "couldnt", "cry", "de", "describe", "detail",
    "do", "done", "down", "due", "during", "each", "eg", "eight", "either", "eleven", "else",
    "elsewhere", "empty", "enough", "etc", "even", "ever", "every", "everyone", "everything",
    "everywhere", "except", "few", "fifteen", "fifty", "fill", "find", "fire", "first", "five",
    "for", "former", "formerly", "forty", "found", "four", "from", "front", "full", "further",
    "get", "give", "go", "had", "has", "hasnt", "have", "he", "hence", "her", "here",
    "hereafter", "hereby", "herein", "hereupon", "hers", "herself", "him", "himself", "his",
    "how", "however", "hundred", "i", "ie", "if", "in", "inc", "indeed", "interest", "into",
    "is", "it", "its", "itself", "keep", "last", "latter", "latterly", "least", "less", "ltd",
    "made", "many", "may", "me", "meanwhile", "might", "mill", "mine", "more", "moreover",
    "most", "mostly", "move", "much", "must", "my", "myself", "name", "namely", "neither",
    "never", "nevertheless", "next", "nine", "no", "nobody", "none", "noone", "nor", "not",
    "nothing", "now", "nowhere", "of", "off", "often", "on", "once", "one", "only", "onto",
    "or", "other", "others", "otherwise", "our", "ours", "ourselves", "out", "over", "own",
    "part", "per", "perhaps", "please", "put", "rather", "re", "same", "see", "seem", "seemed",
    "seeming", "seems", "serious", "several", "she", "should", "show", "side", "since",
    "sincere", "six", "sixty", "so", "some", "somehow", "someone", "something", "sometime",
    "sometimes", "somewhere", "still", "such", "system", "take", "ten", "than", "that", "the",
    "their", "them", "themselves", "then", "thence", "there", "thereafter", "thereby",
    "therefore", "therein", "thereupon", "these", "they", "thick", "thin", "third", "this",
    "those", "though", "three", "through", "throughout", "thru", "thus", "to", "together",
    "too", "top", "toward", "towards", "twelve", "twenty", "two", "un", "under", "until", "up",
    "upon", "us", "very", "via", "was", "we", "well", "were", "what", "whatever", "when",
    "whence", "whenever", "where", "whereafter", "whereas", "whereby", "wherein", "whereupon",
    "wherever", "whether", "which", "while", "whither", "who", "whoever", "whole", "whom",
    "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
    "yourself", "yourselves",
))  # fmt: skip

# Function words whose density tells prose from page chrome: article prose is dense in them,
# menus and labels ("Meal Prep") are not. The scraped-text classifier's stop-word feature
# counts these (extract/scraped_features.py): its weights were trained on this list, so a
# change here means training again (benchmarks/train_scraped.py). Within ENGLISH_STOP_WORDS
# but for "did", "does" and "just" (tested).
PROSE_FUNCTION_WORDS: tuple[str, ...] = (
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "during", "each", "even", "for", "from", "had", "has", "have", "he", "her",
    "here", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just",
    "many", "may", "more", "most", "much", "must", "my", "no", "not", "now", "of", "on", "one",
    "only", "or", "other", "our", "out", "over", "she", "should", "since", "so", "some", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "under", "until", "up", "very", "was", "we", "were", "what", "when",
    "where", "whether", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
    "your",
)  # fmt: skip

# The most frequent of them: main-text recovery calls a block prose when at least
# `PROSE_MIN_STOP_SHARE` of its words are these (extract/maintext_recover.py; the share was
# tuned on WCXB with this list). Within PROSE_FUNCTION_WORDS (tested).
FREQUENT_FUNCTION_WORDS: tuple[str, ...] = (
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "because",
    "been", "but", "by", "can", "could", "do", "does", "for", "from", "has", "have", "he",
    "her", "his", "how", "if", "in", "into", "is", "it", "its", "more", "most", "not", "of",
    "on", "one", "or", "our", "out", "she", "so", "some", "than", "that", "the", "their",
    "them", "there", "these", "they", "this", "to", "up", "was", "we", "were", "what", "when",
    "which", "while", "who", "will", "with", "would", "you", "your",
)  # fmt: skip
