"""Vocabularies for quote extraction: cue verbs and phrases, quote marks, speaker words.

Heuristics are data: every list the quote extractor consults lives here, as tuples.
"""

from __future__ import annotations

# Verbs of saying (lemmas). A clause these govern is reported speech.
SPEECH_VERBS: tuple[str, ...] = (
    "say",
    "tell",
    "add",
    "note",
    "state",
    "write",
    "claim",
    "argue",
    "explain",
    "insist",
    "warn",
    "announce",
    "declare",
    "acknowledge",
    "admit",
    "confirm",
    "deny",
    "suggest",
    "report",
    "recall",
    "remark",
    "reply",
    "respond",
    "ask",
    "urge",
    "emphasize",
    "emphasise",
    "stress",
    "predict",
    "promise",
    "pledge",
    "vow",
    "assert",
    "contend",
    "complain",
    "concede",
    "tweet",
    "post",
    "boast",
    "joke",
    "quip",
    "observe",
    "comment",
    "mention",
    "indicate",
    "hint",
    "clarify",
    "testify",
    "allege",
    "inform",
    "update",
    "reveal",
    "disclose",
    "conclude",
    "caution",
    "charge",
    "accuse",
    "counter",
    "retort",
    "maintain",
    "reiterate",
    "repeat",
    "shout",
    "chant",
    "yell",
    "scream",
    "whisper",
    "cite",
    "describe",
    "demand",
    "threaten",
    "propose",
    "recommend",
    "advise",
    "predict",
    "speculate",
    "lament",
    "estimate",
    "call",
    "echo",
    "signal",
    "assure",
    "concur",
    "brag",
    "muse",
    "wonder",
    "question",
    "exclaim",
)

# Verbs that attribute only as an aside beside a quote ('"...," he continued.'); elsewhere
# they report nothing ("continued his tour").
ASIDE_VERBS: tuple[str, ...] = ("continue",)

# Relative pronouns standing for the noun their clause modifies ("Trump, who said ...").
RELATIVE_PRONOUNS: tuple[str, ...] = ("who", "that", "which")

# Cues of attribution that are not speech (belief, evidence, documents): PolNeAR annotates
# them ("the poll shows that ...", "she believes ..."), so they count when they govern a clause.
OTHER_CUE_VERBS: tuple[str, ...] = (
    "believe",
    "think",
    "find",
    "show",
    "know",
    "feel",
    "expect",
    "hope",
    "fear",
    "worry",
    "suspect",
    "doubt",
    "assume",
    "understand",
    "learn",
    "reveal",
    "suggest",
    "indicate",
    "conclude",
    "decide",
    "argue",
    "see",
    "insist",
    "say",
    "want",
    "consider",
    "predict",
    "hear",
    "read",
    "guess",
    "imagine",
    "recognize",
    "realize",
    "acknowledge",
    "determine",
)

# Cues of stance whose object is the attributed content ("endorsed the plan", "declined to
# comment"): PolNeAR annotates them; they count with an object or an infinitive clause.
STANCE_VERBS: tuple[str, ...] = (
    "support",
    "endorse",
    "criticize",
    "oppose",
    "defend",
    "blame",
    "praise",
    "reject",
    "condemn",
    "denounce",
    "refuse",
    "decline",
    "agree",
    "seek",
    "want",
    "hope",
)

# Phrasal cues: (first word, particle) pairs whose verb alone would be ambiguous.
PHRASAL_CUES: tuple[tuple[str, str], ...] = (("point", "out"), ("call", "for"), ("go", "on"))

# Irregular forms of the cue verbs (regular ones are generated: -s, -ed, -ing, -ies, ...);
# cue sentences are found by surface form, before any tagger has run.
IRREGULAR_CUE_FORMS: tuple[tuple[str, str], ...] = (
    ("said", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("thought", "think"),
    ("knew", "know"),
    ("known", "know"),
    ("found", "find"),
    ("shown", "show"),
    ("saw", "see"),
    ("seen", "see"),
    ("heard", "hear"),
    ("felt", "feel"),
    ("understood", "understand"),
    ("learnt", "learn"),
    ("went", "go"),
    ("gone", "go"),
    ("foresaw", "foresee"),
)

# Cue forms that are mostly nouns or other words in news ("the United States", "a tweet",
# "going to"): they alone do not send a sentence to the parser. Counted on PolNeAR train:
# "state"/"states" marked 3,500 tokens of sentences for one attribution. The first part,
# SHAPE_IGNORED_FORMS, nouns far more often than verbs ("his comments"), also does not keep a
# sentence from being read as a one-cue shape when it stands beside another cue.
SHAPE_IGNORED_FORMS: tuple[str, ...] = (
    "state", "states", "go", "goes", "going", "went", "gone", "point", "points", "tweet",
    "tweets", "post", "posts", "comment", "comments", "remark", "remarks", "question",
    "questions", "update", "updates", "charge", "charges", "signal", "signals", "estimate",
    "estimates", "demand", "demands", "promise", "promises", "pledge", "pledges", "vow",
    "vows", "hint", "hints", "echo", "echoes", "support", "report", "concern",
)  # fmt: skip
NON_TRIGGER_FORMS: tuple[str, ...] = (
    *SHAPE_IGNORED_FORMS,
    "known", "counter", "joke", "jokes", "repeat", "read", "reading",
    # counted on PolNeAR train (1/4): with "support" and "report" above, these alone sent
    # 9,000 tokens to the parser for about 40 matched attributions ("support" and "report"
    # are mostly nouns, "expected" and "saw" mostly not attribution)
    "expected", "see", "seen", "saw", "find", "considered", "decided", "continue",
    "continuing", "know", "knows", "feel", "hope", "hopes", "claim", "notes",
)  # fmt: skip

# Cues that need no verb: "according to X, ...".
ACCORDING_TO: tuple[str, ...] = ("according",)

# Pronoun speakers resolved to the last named speaker.
PRONOUNS: tuple[str, ...] = ("he", "she", "they", "him", "her", "them", "who", "i", "we")

# Words that make a speaker a description rather than a name ("the Chief of Staff").
DESCRIPTION_DETERMINERS: tuple[str, ...] = ("the", "a", "an", "this", "that", "his", "her")

# Words ignored when comparing a description with a role ("the Ukrainian Chief of Staff").
ROLE_STOPWORDS: tuple[str, ...] = (
    "the",
    "a",
    "an",
    "of",
    "'s",
    "\u2019s",
    "his",
    "her",
    "its",
    "their",
    "this",
    "that",
    "general",
    "former",
    "new",
    "then",
    "top",
    "senior",
)

# Nationality words that name the same country in a role ("the American President" is the
# "US President").
ROLE_SYNONYMS: dict[str, str] = {"american": "us", "u.s": "us", "america": "us", "british": "uk"}

# Dependency labels of a cue verb's subject and of the clause it reports.
SUBJECT_DEPS: tuple[str, ...] = ("nsubj", "nsubjpass")
CLAUSE_DEPS: tuple[str, ...] = ("ccomp", "xcomp")
PARENTHETICAL_DEPS: tuple[str, ...] = ("parataxis", "advcl", "ccomp", "conj")

# Shortest quoted span (in words) taken as a quote when no cue governs it; shorter marked
# spans without a cue are scare quotes or titles ("what his critics call "the bunker"").
MIN_FLOATING_QUOTE_WORDS = 6

# Verbs of saying whose direct object is the addressee, not the content ("told reporters",
# "urged voters to ..."): their content is a clause or a prepositional object instead.
ADDRESSEE_VERBS: tuple[str, ...] = (
    "tell",
    "ask",
    "inform",
    "urge",
    "assure",
    "advise",
    "remind",
    "warn",
    "caution",
    "thank",
)

# An object reports the content of a speech verb ("announced his resignation", "called the
# plan a disaster", "accused him of lying"): the object with these complements to its right.
OBJECT_DEPS: tuple[str, ...] = ("dobj",)
OBJECT_COMPLEMENT_DEPS: tuple[str, ...] = ("dobj", "oprd", "ccomp", "xcomp", "dative", "acomp")
OBJECT_COMPLEMENT_PREPS: tuple[str, ...] = ("of", "as", "for", "against")

# Prepositions whose object is the content of a speech verb without a direct object ("called
# for a ban", "warned against it", "asked about the plan", "commented on the report"); "said
# on Monday" is why the verb's own preposition never counts for "say".
CONTENT_PREPS: tuple[str, ...] = ("for", "about", "of", "on", "against", "over")
NO_PREP_CONTENT_VERBS: tuple[str, ...] = ("say", "add", "tell", "write", "post", "report", "state")

# A partial quote in title case is a show, book or slogan title ('on NBC's "Meet the Press"'),
# not speech: all its words capitalised except these, and at most this many words.
TITLE_SMALL_WORDS: tuple[str, ...] = (
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "s",
    "t",
)
MAX_TITLE_WORDS = 8

# --- attribution shapes resolved without the parser (read/quotes_shapes.py) ------------------

# Cue forms whose common shapes ("X said Y.", "Y, X said.") are read from tokens and entities
# alone; any other cue sends its sentence to the parser.
SHAPE_CUE_FORMS: tuple[str, ...] = (
    "said", "says", "added", "adds", "told", "noted", "explained", "argued", "insisted",
    "warned", "wrote", "writes", "stressed", "acknowledged", "recalled", "asserted",
    "emphasized", "declared",
)  # fmt: skip
# Cue forms whose object is the addressee ("told reporters that ..."): the content starts at
# "that", or the parser decides.
SHAPE_ADDRESSEE_FORMS: tuple[str, ...] = ("told", "warned")
# Most tokens between a cue and the "that" opening its content ("said in a statement that").
SHAPE_MAX_GAP_TOKENS = 6
# Pronoun speakers a shape accepts ("..., he said.").
SHAPE_PRONOUNS: tuple[str, ...] = ("he", "she", "they", "i", "we")
# Entity labels that can be a speaker in a shape ("the White House said").
SHAPE_SPEAKER_LABELS: tuple[str, ...] = ("PERSON", "ORG", "NORP", "GPE")
# Titles before a PERSON entity that belong to the speaker mention ("Sen. Ann Lee said").
SHAPE_TITLES: tuple[str, ...] = (
    "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "president",
    "senator", "governor", "mayor", "secretary", "judge", "the",
)  # fmt: skip
# Words that open a sentence before its subject ("But Lee said ...").
SHAPE_OPENERS: tuple[str, ...] = ("but", "and", "yet", "so", "still")
# Words right after "said" that mean a modifier or an addressee comes before the content
# ("said on Monday that", "said in a statement", "said so"): the parser decides those.
SHAPE_AFTER_CUE_BLOCKERS: tuple[str, ...] = (
    "on", "in", "at", "during", "after", "before", "last", "this", "earlier", "later", "late",
    "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "to", "of", "so", "nothing", "as", "when", "while", "through", "via",
    "with", "about", "for", "by", "from", "again", "also", "repeatedly", "recently",
    "previously", "publicly", "privately", "there", "here", "then", "now", "only", "not",
    "just", "simply", "instead", "afterward", "afterwards", "separately", "told", "and", "or",
    "but", "what", "anything", "something", "little", "much", "more", "less",
)  # fmt: skip
# A description speaker: "the spokesman said", at most this many lower-case words after "the".
SHAPE_MAX_DESCRIPTION_WORDS = 2
# Words between a speaker and "said" that leave the shape intact ("Lee also said").
SHAPE_CUE_ADVERBS: tuple[str, ...] = (
    "also", "has", "have", "had", "later", "then", "previously", "again", "recently", "once",
    "repeatedly", "further", "reportedly", "publicly", "earlier", "often",
)  # fmt: skip
# Longest modifier after a trailing "said" ("..., she said in a video message on Monday.").
SHAPE_MAX_TAIL_TOKENS = 8
# Longest run of role words and entities before a PERSON speaker ("White House spokesman").
SHAPE_MAX_SPEAKER_TOKENS = 7
