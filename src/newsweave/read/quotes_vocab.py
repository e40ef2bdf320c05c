"""Vocabularies for quote extraction: cue verbs and phrases, quote marks, speaker words.

Heuristics are data: every list the quote extractor consults lives here, as tuples.
"""

from __future__ import annotations

# Verbs of saying (lemmas): a clause, object or quote these govern is speech and goes to
# `quotes[]`. FROZEN (2026-12-02): this is also the definition of the speech view that `bench
# read` scores (a PolNeAR Cue whose lemma is here is speech), so growing it would move the
# benchmark with the extractor. It is the list the benchmark froze in November plus "exclaim".
# A few are speech only in one sense ("denied the allegation", not "denied him a goal"): the
# SENSE rules below say when they are not.
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

# Cues of attribution that are not speech, by what they attribute: `attributions[]` with
# this `kind`. PolNeAR annotates them ("the poll shows that ...", "she believes ..."); they
# count when they govern a clause (the stance, refusal and OBJECT_CUE_VERBS also with an
# object: "endorsed the plan", "declined to comment"). Each verb is in one list only; none is
# in SPEECH_VERBS.
BELIEF_VERBS: tuple[str, ...] = (
    "believe", "think", "feel", "know", "expect", "fear", "worry", "suspect", "doubt", "assume",
    "understand", "consider", "guess", "imagine",
)  # fmt: skip
# "A new report shows ...": evidence, not a voice (see also DOCUMENT_SOURCES).
FINDING_VERBS: tuple[str, ...] = ("find", "show", "determine")
# "She heard the water coming", "he saw that ...".
PERCEPTION_VERBS: tuple[str, ...] = ("see", "hear", "read", "learn", "recognize", "realize")
INTENTION_VERBS: tuple[str, ...] = ("want", "hope", "seek", "decide")
STANCE_VERBS: tuple[str, ...] = (
    "support", "endorse", "criticize", "oppose", "defend", "blame", "praise", "reject",
    "condemn", "denounce", "agree", "attack", "blast", "slam", "mock",
)  # fmt: skip
# "Declined to comment": the source said nothing; never a quote.
REFUSAL_VERBS: tuple[str, ...] = ("refuse", "decline")
CUE_KINDS: dict[str, tuple[str, ...]] = {
    "belief": BELIEF_VERBS,
    "finding": FINDING_VERBS,
    "perception": PERCEPTION_VERBS,
    "intention": INTENTION_VERBS,
    "stance": STANCE_VERBS,
    "refusal": REFUSAL_VERBS,
}
# Non-speech cues whose object is the attributed content ("endorsed the plan", "wants a
# recount"); the others need a clause ("thinks that ...").
OBJECT_CUE_VERBS: tuple[str, ...] = (*STANCE_VERBS, *REFUSAL_VERBS, "want", "hope", "seek")

# --- senses: when a verb of saying is not speech ------------------------------------------------

# Words that govern speech not (yet) made: a verb of saying in their infinitive reports nothing
# said ("declined to comment", "plans to call on", "tried to explain", "is expected to
# announce", "daring him to say", "requiring candidates to disclose", "is free to disclose",
# "it is worth noting"). Counted on PolNeAR: of the quotes such infinitives gave, 11 of 12 in
# dev and 19 of 22 in train matched no speech relation. "went on to say", "continued to
# insist", "was quick to point out", "was forced to admit" report what was said: not here.
UNSAID_HEAD_VERBS: tuple[str, ...] = (
    "refuse", "decline", "fail", "plan", "try", "attempt", "intend", "want", "hope", "seek",
    "prepare", "expect", "aim", "decide", "determine", "dare", "encourage", "allow", "permit",
    "require", "need", "poise", "consider", "beg", "choose",
)  # fmt: skip
UNSAID_HEAD_WORDS: tuple[str, ...] = (
    "free", "worth", "likely", "unlikely", "ready", "willing", "unwilling", "unable", "set",
    "poised", "determined", "reluctant", "hesitant", "early",
)  # fmt: skip

# "denied him a goal", "was denied bail": a denial of a thing, not of a statement. With one of
# these objects (or an indirect object) "deny" reports nothing; "denied the allegation",
# "denied that ..." stay speech.
DENY_THING_OBJECTS: tuple[str, ...] = (
    "goal", "goals", "penalty", "try", "point", "points", "entry", "access", "bail", "parole",
    "permission", "request", "requests", "application", "appeal", "visa", "visas", "service",
    "benefits", "funding", "chance", "opportunity", "victory", "win", "title", "place", "spot",
    "seat", "passage", "treatment", "care", "coverage", "license", "licence", "permit",
)  # fmt: skip
# "asked for a refund", "asked about the fee" without a question: a request for a thing.
# "Asked" with a question ("asked whether ...", "asked: ...") or a clause stays speech.
ASK_THING_PREPS: tuple[str, ...] = ("for",)
# "called the police", "called a meeting": "call" is speech only with a complement ("called
# the plan a disaster", "called it reckless") or "for"/"on" ("called for a ban").
CALL_NEEDS_COMPLEMENT = True

# Sources that are documents, not voices: a speech verb whose source's head is one of these
# ("a new poll shows", "the report found", "the study suggests") reports a finding.
# "statement", "filing" and "letter" are an organisation's or a person's written words: speech.
# Rules and texts of law speak for no one either ("new emissions rules that promise to ...",
# "a policy urging employees to ...", "softer language calling for ...": PolNeAR dev).
DOCUMENT_SOURCES: tuple[str, ...] = (
    "poll", "polls", "polling", "survey", "surveys", "report", "reports", "study", "studies",
    "data", "analysis", "analyses", "research", "figures", "estimates", "numbers", "statistics",
    "records", "documents", "findings", "results", "review", "audit", "census", "model",
    "models", "index", "chart", "graph", "map", "rule", "rules", "law", "laws", "policy",
    "policies", "language", "platform", "legislation", "regulation", "regulations",
)  # fmt: skip
# Captions, credits and headings are never speakers: a name-colon head ("WATCH: ...",
# "PHOTO: ...", "Source: ...", "Read more: ...") holding one of these words reports nothing.
CAPTION_WORDS: tuple[str, ...] = (
    "watch", "photo", "photos", "photograph", "picture", "pictures", "image", "images", "video",
    "videos", "listen", "audio", "podcast", "gallery", "graphic", "credit", "credits", "caption",
    "source", "sources", "editor", "note", "update", "updated", "correction", "related", "read",
    "more", "see", "also", "breaking", "live", "exclusive", "opinion", "headline", "screenshot",
    "file", "pictured", "top", "main", "click", "subscribe", "share", "follow", "sign",
    "warning",
)  # fmt: skip
# Page elements are not voices either ("the caption said", "a video shows"): a source whose
# head is one of these reports nothing.
PAGE_ELEMENT_SOURCES: tuple[str, ...] = (
    "caption", "captions", "photo", "photos", "picture", "image", "images", "video", "videos",
    "footage", "clip", "graphic", "headline", "headlines", "screenshot", "banner", "page",
)  # fmt: skip
# Preposition-like words that end a source's head noun phrase ("data from the survey").
SOURCE_HEAD_STOPS: tuple[str, ...] = ("of", "by", "from", "for", "in", "on", "at", "with", "'s")

# Phrasal cues: (first word, particle) pairs whose verb alone would be ambiguous.
# ("go", "on") was one until 2026-12-02: "went on to say" has its own cue, and "going on to
# contrast ..." reports no words (precision 0.32 on PolNeAR train).
PHRASAL_CUES: tuple[tuple[str, str], ...] = (("point", "out"), ("call", "for"))

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
    # nouns far more often than stance verbs ("terror attacks", "a blast", "a grand slam")
    "attack", "attacks", "blast", "blasts", "slam", "slams", "mock",
)  # fmt: skip

# Cues that need no verb: "according to X, ...".
ACCORDING_TO: tuple[str, ...] = ("according",)

# Pronoun speakers resolved to the last named speaker.
PRONOUNS: tuple[str, ...] = ("he", "she", "they", "him", "her", "them", "who", "i", "we")
# Pronouns no speaker is resolved to: "it" names a thing, "they" and "we" a group, never the
# last named person ("Republicans are making it clear ... that they believe the result is
# predetermined" was Trump's belief, AllSides 005).
THING_PRONOUNS: tuple[str, ...] = ("it", "this", "that", "which", "they", "them", "we", "us")

# Words that make a speaker a description rather than a name ("the Chief of Staff").
DESCRIPTION_DETERMINERS: tuple[str, ...] = ("the", "a", "an", "this", "that", "his", "her")

# Dependency labels of a cue verb's subject and of the clause it reports.
SUBJECT_DEPS: tuple[str, ...] = ("nsubj", "nsubjpass")
CLAUSE_DEPS: tuple[str, ...] = ("ccomp", "xcomp")
PARENTHETICAL_DEPS: tuple[str, ...] = ("parataxis", "advcl", "ccomp", "conj")

# A dateline opening a paragraph is never quoted content ("OSTWYN, March 10 (MPA) – At least
# seven people died ..., emergency services said"; "WASHINGTON -- President Obama said"): a
# place in capitals, an optional date and agency, then a dash.
DATELINE_PATTERN = (
    r"[A-Z][A-Z .'\-]{1,40}(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?: \([A-Za-z .]{2,20}\))?"
    r" ?(?:--|[\u2013\u2014-]) ?"
)
# An agency alone, in brackets, then a dash: "(CNN) - Patience is in ever-shorter supply" (the
# brief leaves it out with the place-name form above, check/brief.py).
# An agency's name in brackets ("(CNN)", "(MPA)"), and its dateline: the name and a dash.
AGENCY_NAME_PATTERN = r"\([A-Z][A-Za-z .]{1,20}\)"
AGENCY_DATELINE_PATTERN = AGENCY_NAME_PATTERN + r" ?(?:--|[\u2013\u2014-]) ?"

# A quote credited after a dash at the end of its line (pull quotes, readers' voices):
# '"We were never asked." ― Ana Ruiz'. The name is one to five capitalised words (or
# particles), and may be followed by a comma and a short role ("― Ana Ruiz, a nurse").
DASH_CREDIT_PATTERN = (
    r"[^\S\n]*[\u2015\u2014\u2013][^\S\n]*"
    r"([A-Z][\w'\u2019.\-]*(?:[^\S\n]+(?:[A-Z][\w'\u2019.\-]*|de|la|del|van|von|da|di)){0,4})"
    r"[^\S\n]*(?:,[^\n]{0,60})?[^\S\n]*\.?[^\S\n]*(?=\n|$)"
)
# A transcript line inside quote marks: '"PENCE: Well, look, ...' (a speaker's name in
# capitals and a colon open the quoted words).
TRANSCRIPT_SPEAKER_PATTERN = r"([A-Z][A-Z.'\u2019\-]+(?: [A-Z][A-Z.'\u2019\-]+){0,2}):[^\S\n]+"
# Credit lines that name a picture's source, not a speaker ("― Getty Images").
CREDIT_WORDS: tuple[str, ...] = (
    "getty", "images", "reuters", "ap", "afp", "epa", "instagram", "twitter", "facebook",
    "youtube", "shutterstock", "staff", "wire", "press", "associated",
)  # fmt: skip

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
# Since 2026-12-02 also the prepositions that carry on what the object reports ("described
# crass behaviour by Trump behind the scenes", "called him a master at bolting deals
# together", "citing her work after the attacks"): PolNeAR annotates them with the object;
# dev quotes at 0.3 P 0.898 -> 0.902, R 0.857 -> 0.860.
OBJECT_COMPLEMENT_PREPS: tuple[str, ...] = (
    "of", "as", "for", "against", "by", "at", "behind", "after", "about", "with", "from", "over",
    "to", "in",
)  # fmt: skip

# Verbs of saying whose direct object is mostly not what was said: "added 5 points",
# "maintained control", "pledged $5 million", "confirmed the nominee", "charged him", "wrote a
# book", "admitted to hospital". Their content must be a clause or a quote. Chosen on PolNeAR
# train: objects of these matched a speech relation in 104 of 313 cases (object content of
# the other verbs of saying: 770 of 1,149).
OBJECT_NOT_CONTENT_VERBS: tuple[str, ...] = (
    "add", "maintain", "write", "post", "claim", "confirm", "pledge", "reveal", "charge",
    "emphasize", "predict", "demand", "insist", "threaten", "counter", "admit", "advise", "brag",
    "clarify",
)  # fmt: skip

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
