"""The read stage: one light spaCy pass per article, then entities, quotes, numbers, times.

Only English articles are read; others get a note saying which steps were skipped. The
dependency parser runs only on the sentences that need it (inside quotes.py / numbers.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Article, Reading
from ..settings import ReadSettings
from ..versions import READER_VERSION  # noqa: F401 - bump it there

# The batch size and the characters read per article are settings (`Settings.read`).
DEFAULT = ReadSettings()


def _read_one(article: Article, text: str, doc, parsed) -> Reading:
    from . import nlp
    from .entities import find_entities
    from .numbers import find_numbers
    from .quotes import read_quotes
    from .times import find_times

    entities = find_entities(text, doc)
    quotes, attributions = read_quotes(text, doc, entities, parsed)
    numbers = find_numbers(text, doc, (*quotes, *attributions))
    times = find_times(text, doc, article.published)
    stamps = nlp.stamps(doc)
    notes = ()
    if len(article.text) > len(text):
        notes = (f"text longer than {len(text):,} characters: only the first part was read",)
    return Reading(
        article_id=article.id,
        # a stamp run into the first sentence is a sentence of the parse, not of the article
        sentences=tuple(
            (s.start_char, s.end_char)
            for s in doc.sents
            if not any(a <= s.start_char < b for a, b in stamps)
        ),  # fmt: skip
        entities=entities,
        quotes=quotes,
        numbers=numbers,
        times=times,
        notes=notes,
        attributions=attributions,
    )


def reads_in_batch(article: Article) -> bool:
    """Whether the article goes through the language model (English or unknown, not empty);
    the others get a note, outside any batch."""
    return article.language in ("en", None) and bool(article.text.strip())


def batches(
    articles: Iterable[Article], settings: ReadSettings = DEFAULT
) -> Iterator[list[Article]]:
    """The articles cut where `read_articles` ends a batch: after `settings.batch_articles`
    articles read in a batch since the last cut or since an article read outside one (it stays
    in the chunk).
    Worker processes read these chunks, so they read exactly the batches one process would
    (the parser's batch shapes the float sums)."""
    batch_size = settings.batch_articles
    chunk: list[Article] = []
    batched = 0  # articles read in a batch since the last cut
    for article in articles:
        chunk.append(article)
        if not reads_in_batch(article):  # the batch ends here
            batched = 0
            continue
        batched += 1
        if batched == batch_size:
            yield chunk
            chunk, batched = [], 0
    if chunk:
        yield chunk


def read_articles(
    articles: Iterable[Article], settings: ReadSettings = DEFAULT
) -> Iterator[Reading]:
    """Read articles in order (nlp.pipe in batches of `settings.batch_articles`, each article's
    first `settings.max_chars` characters); yields one Reading per article."""
    for chunk in batches(articles, settings):
        yield from _read_chunk(chunk, settings)


def _read_chunk(chunk: list[Article], settings: ReadSettings) -> Iterator[Reading]:
    pending: list[Article] = []

    def flush() -> Iterator[Reading]:
        # imported here, not at the top: the main process cuts the batches (`batches`) for
        # the workers and must not pay for importing spaCy (about 2 s) while they wait
        from . import nlp
        from .quotes import parse_ahead

        texts = [a.text[: settings.max_chars] for a in pending]
        with nlp.one_thread():
            docs = list(nlp.docs(texts, batch_size=settings.batch_articles))
            # the sentences quotes need parsed, for the whole batch in one parser call
            parses = parse_ahead(list(zip(texts, docs, strict=True)))
        for article, text, doc, parsed in zip(pending, texts, docs, parses, strict=True):
            yield _read_one(article, text, doc, parsed)
        pending.clear()

    for article in chunk:
        if not reads_in_batch(article):
            yield from flush()
            lang = article.language or "unknown"
            yield Reading(article.id, notes=(f"language {lang}: English-only steps skipped",))
            continue
        pending.append(article)
    yield from flush()
