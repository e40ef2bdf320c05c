"""ECB+ annotated XML: sentences, event markables, cross-document chains, and where each
sentence sits in the text the pipeline gets.

The XML is tokenised (```` `` ```` and ``''`` for curly quotes, "90 - day", the URL as sentence 0
of the ecbplus files) while the pipeline reads detokenised text with the title moved out by
extraction, so sentences are placed by aligning characters, never by counting tokens:
`align_tokens` folds both sides (quote, apostrophe and dash variants; whitespace dropped) and
walks both in order: a token is placed at its next occurrence within `RESYNC_WINDOW`
characters that the following tokens continue too (so the URL's ":" does not jump to a clock
time); a token found nowhere is left unplaced, and so may be the last token before a passage
the text lacks.

Example:
    >>> doc = parse_xml(EXAMPLE_XML, "t_1")
    >>> [s.number for s in doc.sentences]
    [0, 1]
    >>> doc.sentences[1].mentions
    (('rose', 'ACT1'),)
    >>> text = "Flood hits town\\n\\n“It rose,” he said."
    >>> spans = align_tokens([t.text for t in doc.tokens], text)
    >>> spans[3:]
    [(17, 18), (18, 20), (21, 25), (25, 26), (26, 27), (28, 30), (31, 35), (35, 36)]
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

# The markable tags that make a sentence "annotated" (issue 13: ACTION_* or NEG_ACTION_*).
EVENT_TAG_PREFIXES = ("ACTION_", "NEG_ACTION_")
# A chain counts for gold pairs when its note (the instance id) starts with one of these.
EVENT_CHAIN_PREFIXES = ("ACT", "NEG")
# Token forms of the Penn treebank and their characters in running text.
TOKEN_FORMS = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]"}
# Characters that differ between the XML and the text only in typography.
CHAR_FOLD = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "`": "'",
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
        "―": "-",
        "‐": "-",
        "\u00a0": " ",
    }
)
# A sentence is placed when at least this share of its tokens is.
MIN_TOKEN_MATCH = 0.5
# How far ahead a token that does not continue the text is looked for (extraction may drop a
# block of page chrome between two sentences), and how many following characters of tokens
# must continue a token where it is placed: a few where it continues the text, many where it
# jumps ahead.
RESYNC_WINDOW = 3000
CONTINUE_CHECK_CHARS = 4
RESYNC_CHECK_CHARS = 40

EXAMPLE_XML = """<Document doc_name="t_1.xml">
<token t_id="1" sentence="0" number="0">Flood</token>
<token t_id="2" sentence="0" number="1">hits</token>
<token t_id="3" sentence="0" number="2">town</token>
<token t_id="4" sentence="1" number="0">``</token>
<token t_id="5" sentence="1" number="1">It</token>
<token t_id="6" sentence="1" number="2">rose</token>
<token t_id="7" sentence="1" number="3">,</token>
<token t_id="8" sentence="1" number="4">''</token>
<token t_id="9" sentence="1" number="5">he</token>
<token t_id="10" sentence="1" number="6">said</token>
<token t_id="11" sentence="1" number="7">.</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="6"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="3"><token_anchor t_id="9"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="9" instance_id="ACT1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="2"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>"""


@dataclass(frozen=True, slots=True)
class Token:
    """One XML token: its id, sentence number and text."""

    tid: str
    sentence: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """An XML sentence: its number, token ids, event markable tags and event chains, and its
    event mentions as (words, chain or None): the trigger words of each ACTION_* / NEG_ACTION_*
    markable and the event chain it belongs to (None: a mention no other document shares)."""

    number: int
    token_ids: tuple[str, ...]
    event_tags: tuple[str, ...] = ()
    chains: frozenset[str] = field(default_factory=frozenset)
    mentions: tuple[tuple[str, str | None], ...] = ()

    @property
    def annotated(self) -> bool:
        return bool(self.event_tags)


@dataclass(frozen=True, slots=True)
class XmlDoc:
    """One annotated ECB+ file."""

    doc: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]


def parse_xml(data: str | bytes, doc: str) -> XmlDoc:
    """Tokens, sentences, the event markables in each sentence, and the event chains
    (`CROSS_DOC_COREF` whose note starts with ACT or NEG) each sentence mentions.

    Raises:
        ValueError: when the XML does not parse (the message names `doc`).
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise ValueError(f"{doc}: not well-formed ECB+ XML ({e})") from None
    tokens = tuple(
        Token(t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "")
        for t in root.iter("token")
    )
    sent_of = {t.tid: t.sentence for t in tokens}
    text_of = {t.tid: t.text for t in tokens}
    tags: dict[int, list[str]] = {}
    mention_sents: dict[str, set[int]] = {}
    event_mentions: list[tuple[str, int, str]] = []  # (m_id, sentence, words)
    for m in root.find("Markables") if root.find("Markables") is not None else ():
        anchors = [a.get("t_id") for a in m.iter("token_anchor")]
        sents = {sent_of[a] for a in anchors if a in sent_of}
        mention_sents[m.get("m_id", "")] = sents
        if m.tag.startswith(EVENT_TAG_PREFIXES):
            for s in sents:
                tags.setdefault(s, []).append(m.tag)
            if anchors and anchors[0] in sent_of:
                words = " ".join(text_of[a] for a in anchors if a in text_of)
                event_mentions.append((m.get("m_id", ""), sent_of[anchors[0]], words))
    chains: dict[int, set[str]] = {}
    chain_of: dict[str, str] = {}
    relations = root.find("Relations")
    for r in relations.iter("CROSS_DOC_COREF") if relations is not None else ():
        note = r.get("note") or ""
        if not note.startswith(EVENT_CHAIN_PREFIXES):
            continue
        for src in r.iter("source"):
            chain_of[src.get("m_id", "")] = note
            for s in mention_sents.get(src.get("m_id", ""), ()):
                chains.setdefault(s, set()).add(note)
    mentions: dict[int, list[tuple[str, str | None]]] = {}
    for m_id, s, words in event_mentions:
        mentions.setdefault(s, []).append((words, chain_of.get(m_id)))
    by_sent: dict[int, list[str]] = {}
    for t in tokens:
        by_sent.setdefault(t.sentence, []).append(t.tid)
    sentences = tuple(
        Sentence(
            n,
            tuple(ids),
            tuple(tags.get(n, ())),
            frozenset(chains.get(n, ())),
            tuple(mentions.get(n, ())),
        )
        for n, ids in sorted(by_sent.items())
    )
    return XmlDoc(doc, tokens, sentences)


def fold(text: str) -> str:
    """Typography folded away: NFKC, curly quotes and dashes to ASCII, one token form each.

    >>> fold("“Up”—’til")
    '"Up"-\\'til'
    """
    text = TOKEN_FORMS.get(text, text)
    # treebank quotes glued to a word ("''The") are quotes as well
    text = text.replace("``", '"').replace("''", '"')
    return unicodedata.normalize("NFKC", text).translate(CHAR_FOLD)


def _nonspace(text: str) -> tuple[str, list[int]]:
    """The folded text without whitespace, and each kept character's offset in `text`."""
    chars, offsets = [], []
    for i, c in enumerate(text):
        f = fold(c)
        if not f.strip():
            continue
        chars.append(f[0])  # NFKC may expand one character; its first stands for it
        offsets.append(i)
    return "".join(chars), offsets


def align_tokens(tokens: list[str], text: str) -> list[tuple[int, int] | None]:
    """Character span in `text` of each token, or None where the token is not in the text.

    Args:
        tokens: token strings in document order (XML forms such as ``` `` ``` allowed).
        text: the text the tokens were (mostly) taken from; extra or missing passages are fine.
    """
    folded = [fold(t).replace(" ", "") for t in tokens]
    target, offsets = _nonspace(text)
    spans: list[tuple[int, int] | None] = []
    cur, in_run = 0, False
    for i, t in enumerate(folded):
        at = _place(folded, i, target, cur, in_run)
        in_run = at is not None
        if at is None:
            spans.append(None)
            continue
        spans.append((offsets[at], offsets[at + len(t) - 1] + 1))
        cur = at + len(t)
    return spans


def _place(folded: list[str], i: int, target: str, cur: int, in_run: bool) -> int | None:
    """Where token `i` starts in `target` at or after `cur`, or None.

    `in_run`: the previous token was placed and ends at `cur`.
    """
    t = folded[i]
    if not t:
        return None
    ahead = "".join(folded[i + 1 : i + 40])
    # a token that continues a run of placed tokens is placed (even before a passage the text
    # lacks); one that starts a run must be continued by the next tokens: the URL line of an
    # ecbplus file ends in the headline's words ("dr-regina-benjamin-nominee")
    continues = target.startswith(t, cur)
    if continues and (in_run or target.startswith(ahead[:CONTINUE_CHECK_CHARS], cur + len(t))):
        return cur
    # a jump needs a longer run: the URL line also matches a URL quoted in the body for 22
    # characters ("http://www.nlm.nih.gov/")
    ahead = ahead[:RESYNC_CHECK_CHARS]
    at = target.find(t, cur, cur + RESYNC_WINDOW)
    while at >= 0:
        if target.startswith(ahead, at + len(t)):
            return at
        at = target.find(t, at + 1, cur + RESYNC_WINDOW)
    return None


def sentence_spans(doc: XmlDoc, text: str) -> dict[int, tuple[int, int]]:
    """Sentence number -> (start, end) in `text`, for sentences at least half of whose tokens
    are placed (a sentence the text lacks, such as the URL line, is left out)."""
    spans = align_tokens([t.text for t in doc.tokens], text)
    span_of = {t.tid: s for t, s in zip(doc.tokens, spans, strict=True)}
    out = {}
    for s in doc.sentences:
        placed = [span_of[t] for t in s.token_ids if span_of[t] is not None]
        if placed and len(placed) >= MIN_TOKEN_MATCH * len(s.token_ids):
            out[s.number] = (min(p[0] for p in placed), max(p[1] for p in placed))
    return out
