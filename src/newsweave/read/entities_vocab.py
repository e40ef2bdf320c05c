"""Vocabularies for entities, numbers and times (data, not code: tuples in one place)."""

from __future__ import annotations

# --- entities ---------------------------------------------------------------------------------

# Labels find_entities keeps (spaCy's, after repair).
KEPT_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC")

# Labels the small model gives to places it does not know ("Kursk" PRODUCT, "Kyiv" PERSON).
REPAIRABLE_LABELS = ("PRODUCT", "PERSON", "ORG", "WORK_OF_ART", "NORP", "LAW", "LANGUAGE")

# A gazetteer city relabels a PERSON mention only above this population: "Jackson" (154k) and
# "Lincoln" (295k) are surnames far more often than places in news.
CITY_POP_FROM_PERSON = 1_000_000
# ... and a PRODUCT/ORG/other mention above this one ("Kursk", 449k, labelled PRODUCT).
CITY_POP_FROM_OTHER = 100_000

# Words before a name that say the next capitalised word is a place ("the town of Sudzha").
PLACE_CUES = ("town", "city", "village", "region", "province", "oblast", "district", "port")
# Words after a name that make it a place ("Kursk region", "Donetsk oblast").
PLACE_SUFFIXES = ("region", "oblast", "province", "district", "county", "governorate", "krai")

# Words inside an ORG/GPE span that show it is not a person ("Oleksandr Syrskyi" came as ORG).
ORG_WORDS = (
    "ministry", "agency", "company", "inc", "ltd", "corp", "party", "council", "committee",
    "army", "forces", "office", "service", "news", "bank", "university", "group", "union",
    "house", "court", "department", "association", "institute", "commission", "parliament",
    "government", "police", "press", "fund", "league", "club", "airlines", "times", "post",
    "state", "states", "republic", "kingdom", "world", "war", "talks",
)  # fmt: skip

# Head words that end an organisation's name: "Sarn Volunteer Relief" came as PERSON.
ORG_NAME_HEADS = (
    "relief", "fund", "foundation", "trust", "association", "council", "committee", "institute",
    "commission", "agency", "ministry", "authority", "society", "alliance", "coalition",
    "federation", "union", "league", "inc", "ltd", "corp", "company",
)  # fmt: skip

# Words of public bodies and places named after their town or province ("Ostwyn General
# Hospital", "Sarn Provincial Fire Authority", "Sarn Showground"): a bare name that begins two
# of them is that town (the small model took "the worst disaster Ostwyn has seen" for a person).
CIVIC_NAME_WORDS = (
    "hospital", "fire", "police", "council", "provincial", "province", "county", "city", "civic",
    "municipal", "district", "regional", "showground", "harbour", "harbor", "airport", "station",
    "town", "borough",
)  # fmt: skip

# Role head words: a title before a name ("Kremlin spokesperson Dmitry Peskov") or in an
# appositive ("Oleksandr Syrskyi, the Ukrainian Chief of General Staff,").
ROLE_HEADS = (
    "president", "vice", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman",
    "chief", "general", "envoy", "ambassador", "chancellor", "governor", "mayor", "senator",
    "sen.", "rep.", "representative", "commander", "chairman", "chairwoman", "chair", "ceo",
    "director", "king", "queen", "prince", "pope", "premier", "leader", "head", "adviser",
    "advisor", "prosecutor", "judge", "justice", "speaker", "lawmaker", "officer", "gen.",
    "lt.", "col.", "colonel", "admiral", "marshal", "emir", "sheikh", "prime", "foreign",
    "defence", "defense", "deputy", "special", "staff", "of", "the", "state",
    "interior", "finance", "health", "national", "security", "counsel", "attorney",
    "executive", "founder", "middle", "east", "former", "top", "senior", "acting", "interim",
    "outgoing", "incoming", "gm", "cfo", "coo", "cto", "coach", "manager", "owner", "clerk",
    "detective", "sgt", "sgt.", "capt", "capt.", "captain", "lt", "sheriff", "inspector",
)  # fmt: skip
# Of those, the words that can end or carry a role (a role must hold one).
ROLE_CORE = (
    "president", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "chief",
    "general", "envoy", "ambassador", "chancellor", "governor", "mayor", "senator", "sen.",
    "rep.", "representative", "commander", "chairman", "chairwoman", "chair", "ceo",
    "director", "king", "queen", "prince", "pope", "premier", "leader", "head", "adviser",
    "advisor", "prosecutor", "judge", "justice", "speaker", "lawmaker", "gen.", "colonel",
    "admiral", "marshal", "emir", "sheikh", "staff", "counsel", "attorney", "founder", "gm",
    "cfo", "coo", "cto", "coach", "manager", "owner", "clerk", "detective", "sgt", "sgt.",
    "capt", "capt.", "captain", "sheriff", "inspector",
)  # fmt: skip
# Titles written more than one way, spelled one way in roles.
ROLE_SPELLINGS = (
    ("chief of general staff", "Chief of the General Staff"),
    ("chief of the general staff", "Chief of the General Staff"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
)
# Descriptions that name a shorter form of a role ("the Chief of Staff" for the Chief of the
# General Staff) when resolving a mention.
ROLE_ALIASES = (("chief of staff", "chief of the general staff"),)


# Nationality adjectives and short forms -> the country they name (to match "the Russian
# president" with a role "Russian President" or "Russia's president").
DEMONYMS = (
    ("russian", "russia"), ("ukrainian", "ukraine"), ("american", "united states"),
    ("us", "united states"), ("u.s.", "united states"), ("usa", "united states"),
    ("united states", "united states"), ("british", "united kingdom"),
    ("uk", "united kingdom"), ("u.k.", "united kingdom"), ("french", "france"),
    ("german", "germany"), ("chinese", "china"), ("israeli", "israel"),
    ("palestinian", "palestine"), ("iranian", "iran"), ("turkish", "turkey"),
    ("polish", "poland"), ("italian", "italy"), ("spanish", "spain"), ("japanese", "japan"),
    ("indian", "india"), ("pakistani", "pakistan"), ("saudi", "saudi arabia"),
    ("north korean", "north korea"), ("south korean", "south korea"), ("syrian", "syria"),
    ("egyptian", "egypt"), ("canadian", "canada"), ("mexican", "mexico"),
    ("brazilian", "brazil"), ("australian", "australia"), ("belarusian", "belarus"),
    ("hungarian", "hungary"), ("european", "european union"), ("eu", "european union"),
    ("kremlin", "russia"), ("white house", "united states"),
)  # fmt: skip

# Endings of demonyms ("Tavessan", "Ostwynian", "Selmarese"): a one-word PERSON that ends so
# and names a place of the article ("Tavessa") or stands as an adjective ("the Tavessan city")
# is a nationality (NORP), not a person.
DEMONYM_ENDINGS = ("an", "ian", "ean", "ese", "ish", "i")

# Last words that make a name a street, building or landform, never a person ("Mill Lane"
# came as PERSON; "Kell Ridge" too).
FEATURE_WORDS = (
    ("lane", "FAC"), ("road", "FAC"), ("street", "FAC"), ("square", "FAC"), ("avenue", "FAC"),
    ("quay", "FAC"), ("bridge", "FAC"), ("estate", "FAC"), ("way", "FAC"), ("place", "FAC"),
    ("ridge", "LOC"), ("valley", "LOC"), ("hill", "LOC"), ("hills", "LOC"), ("river", "LOC"),
    ("lake", "LOC"), ("bay", "LOC"), ("mountain", "LOC"), ("forest", "LOC"),
)  # fmt: skip
# Words before a one-word name that make it a place, not a person ("residents of Lowater",
# "towards Lowater", "the river Lenne"): PLACE_PREPOSITIONS and these nouns.
PLACE_BEFORE_WORDS = ("river", "town", "city", "village", "province", "region", "to")

# Short country names -> the canonical name ("US" and "U.S." are one place).
COUNTRY_SHORT_FORMS = (
    ("us", "United States"), ("u.s.", "United States"), ("usa", "United States"),
    ("u.s.a.", "United States"), ("uk", "United Kingdom"), ("u.k.", "United Kingdom"),
    ("eu", "European Union"),
)  # fmt: skip

# Metonymy: a capital (or seat of power) as the subject of one of these verbs stands for its
# government ("Kyiv agreed", "Washington and Kyiv announced", "the Kremlin said").
GOVERNMENT_VERBS = (
    "say", "announce", "agree", "decide", "demand", "choose", "refuse", "reject", "accept",
    "insist", "claim", "deny", "warn", "threaten", "propose", "offer", "sign", "approve",
    "respond", "urge", "want", "plan", "seek", "call", "condemn", "accuse", "expect",
    "anticipate", "hope", "negotiate", "order", "impose", "sanction", "recognize",
    "recognise", "confirm", "state", "declare", "vow", "pledge", "promise",
    "welcome", "criticize", "criticise", "protest", "summon", "expel", "withdraw", "begin",
    "intend", "argue", "tell", "ask", "request", "report", "retaliate", "suspend", "halt",
    "resume", "send", "support", "back", "oppose", "surrender",
)  # fmt: skip
GOVERNMENT_IRREGULAR_FORMS = (
    ("said", "say"), ("told", "tell"), ("chose", "choose"), ("chosen", "choose"),
    ("sought", "seek"), ("sent", "send"), ("began", "begin"), ("begun", "begin"),
    ("withdrew", "withdraw"), ("withdrawn", "withdraw"),
)  # fmt: skip
# Seats of power that stand for a government whatever their label.
SEATS_OF_POWER = ("kremlin", "white house", "downing street", "elysee", "pentagon")
# Prepositions that make a capital a place, not a government ("officials in Kyiv said").
PLACE_PREPOSITIONS = (
    "in", "at", "from", "near", "outside", "inside", "around", "of", "across", "into",
    "toward", "towards", "over", "through", "via", "between", "beyond", "within",
)  # fmt: skip
# Words that may sit between the subject and its verb ("Kyiv has already agreed"); words in
# -ly count too (the light pass has no tags).
VERB_GAP_WORDS = (
    ",", "and", "or", "but", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "must", "shall", "should", "is", "was", "are", "were", "did", "does", "do",
    "also", "already", "not", "never", "now", "then", "still", "again", "soon", "just",
    "once", "reportedly", "n't", "quickly", "swiftly",
)  # fmt: skip
# Function words: a name never ends on one, and one is never a proper noun ("The", "Of").
FUNCTION_WORDS = (
    "the", "a", "an", "this", "that", "these", "those", "of", "in", "on", "at", "for", "to",
    "with", "by", "from", "into", "onto", "over", "under", "about", "as", "and", "or", "but",
    "nor", "if", "than", "because", "while", "though", "although", "whether", "not", "'s",
    "\u2019s", "after", "before", "during", "since", "until", "via", "per", "against",
)  # fmt: skip

# --- numbers (read/numbers.py) ----------------------------------------------------------------

# Words between a number and what it counts ("12 more ferries", "five of their villages").
COUNT_MODIFIERS = (
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
    "my", "your", "more", "additional", "other", "new", "old", "such", "some", "few",
)  # fmt: skip
# Words after a number that never are what it counts (verbs, adverbs): the light pass has no
# tags ("12 boats sank", but "2 were" and "one says").
NOT_COUNTED_WORDS = (
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do",
    "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should",
    "said", "say", "says", "told", "more", "less", "fewer", "than", "times", "percent", "per",
    "each", "apiece", "ago", "later", "earlier", "so", "too", "very", "also", "only", "just",
    "here", "there", "when", "where", "who", "which", "what", "whom", "whose", "all", "both",
    "not", "no", "yes", "about", "around", "out", "up", "down", "off", "away", "back",
)  # fmt: skip

# Number words and their values ("five settlements").
NUMBER_WORDS = (
    ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
    ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13),
    ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18),
    ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50),
    ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90), ("dozen", 12),
    ("hundred", 100), ("thousand", 1000),
)  # fmt: skip
# Scale words after a number ("$5 million", "3bn").
SCALES = (
    ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12), ("bn", 1e9),
    ("mn", 1e6), ("mm", 1e6), ("m", 1e6), ("k", 1e3),
)  # fmt: skip
# Qualifiers before a number, spelled one way ("over 86%" and "more than 86%" are one claim).
QUALIFIERS = (
    ("more than", "more than"), ("over", "more than"), ("above", "more than"),
    ("in excess of", "more than"), ("just over", "more than"), ("upwards of", "more than"),
    ("less than", "less than"), ("fewer than", "less than"), ("under", "less than"),
    ("below", "less than"), ("just under", "less than"), ("about", "about"),
    ("around", "about"), ("approximately", "about"), ("roughly", "about"), ("some", "about"),
    ("an estimated", "about"), ("nearly", "almost"), ("almost", "almost"),
    ("close to", "almost"), ("at least", "at least"), ("no fewer than", "at least"),
    ("at most", "at most"), ("no more than", "at most"), ("up to", "up to"),
    ("as many as", "up to"), ("as much as", "up to"),
)  # fmt: skip
# Units written after a number -> the unit recorded.
UNITS = (
    ("square kilometers", "km²"), ("square kilometres", "km²"), ("square km", "km²"),
    ("sq km", "km²"), ("sq. km", "km²"), ("km2", "km²"), ("km²", "km²"),
    ("square miles", "mi²"), ("sq mi", "mi²"), ("square meters", "m²"), ("square metres", "m²"),
    ("hectares", "ha"), ("kilometers", "km"), ("kilometres", "km"), ("km", "km"),
    ("miles", "mi"), ("meters", "m"), ("metres", "m"), ("tonnes", "t"), ("tons", "t"),
    ("barrels", "barrels"), ("percent", "%"), ("per cent", "%"), ("percentage points", "pp"),
    ("days", "days"), ("day", "days"), ("weeks", "weeks"), ("week", "weeks"),
    ("months", "months"), ("month", "months"), ("years", "years"), ("year", "years"),
    ("hours", "hours"), ("hour", "hours"), ("minutes", "minutes"), ("minute", "minutes"),
    ("decades", "decades"), ("kilometer", "km"), ("kilometre", "km"), ("mile", "mi"),
    # measures: "a 7.62mm rifle" is no count of rifles, "gusts of 70 km/h" no distance
    ("millimeters", "mm"), ("millimetres", "mm"), ("mm", "mm"), ("centimeters", "cm"),
    ("centimetres", "cm"), ("cm", "cm"), ("kilograms", "kg"), ("kg", "kg"),
    ("km/h", "km/h"), ("kph", "km/h"), ("kilometres per hour", "km/h"),
    ("kilometers per hour", "km/h"), ("mph", "mph"), ("miles per hour", "mph"),
)  # fmt: skip
# The units above that measure a thing rather than count it.
MEASURE_UNITS = ("%", "km²", "mi²", "m²", "ha", "km", "mi", "t", "mm", "cm", "kg", "km/h", "mph")
# The units above that are spans of time ("for 11 days", "a term of five years").
DURATION_UNITS = ("days", "weeks", "months", "years", "hours", "minutes", "decades")
# Currency words and symbols -> ISO code.
CURRENCIES = (
    ("us$", "USD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₽", "RUB"),
    ("₴", "UAH"), ("dollars", "USD"), ("dollar", "USD"), ("euros", "EUR"), ("euro", "EUR"),
    ("pounds", "GBP"), ("rubles", "RUB"), ("roubles", "RUB"), ("hryvnias", "UAH"),
    ("hryvnia", "UAH"), ("yuan", "CNY"), ("yen", "JPY"), ("rupees", "INR"), ("shekels", "ILS"),
    ("usd", "USD"), ("eur", "EUR"), ("gbp", "GBP"),
)  # fmt: skip
# ISO codes of currencies the words above do not name, written before a figure ("AUD 40").
CURRENCY_CODES = (
    "AUD", "CAD", "CHF", "NZD", "HKD", "SGD", "SEK", "NOK", "DKK", "ZAR", "BRL", "MXN", "KRW",
    "TRY", "PLN", "CZK", "HUF", "AED", "SAR", "PKR", "NGN",
)  # fmt: skip
# Counted nouns that are people: the unit is "people", the noun what they are.
PEOPLE_NOUNS = (
    "people", "persons", "soldiers", "troops", "civilians", "prisoners", "residents",
    "workers", "children", "adults", "men", "women", "officers", "fighters", "victims",
    "casualties", "refugees", "migrants", "patients", "students", "employees", "members",
    "voters", "protesters", "passengers", "servicemen", "personnel", "hostages", "dead",
    "deaths", "wounded", "inhabitants", "citizens", "individuals", "staff", "police",
    "volunteers", "recruits", "doctors", "nurses", "journalists", "teachers", "fans", "guests",
)  # fmt: skip
# Words after a number that make it a time of day, not a quantity.
CLOCK_WORDS = ("am", "pm", "a.m.", "p.m.", "a.m", "p.m", "o'clock", "gmt", "utc", "hrs", "h")

# --- times (read/times.py) --------------------------------------------------------------------

# Days relative to the anchor ("yesterday" = anchor - 1).
DAY_WORDS = (("today", 0), ("tonight", 0), ("yesterday", -1), ("tomorrow", 1))
DAY_PARTS = ("morning", "afternoon", "evening", "night")
# Words in a sentence that make a bare weekday or month point forward ("will meet on Friday").
FUTURE_MARKERS = (
    "will", "'ll", "shall", "going to", "expected to", "due to", "scheduled", "plans to",
    "is set to", "are set to", "anticipated to", "next",
)  # fmt: skip
# Vague spans written as open intervals (EDTF): "in the coming days" -> "2025-03-12/..".
FORWARD_VAGUE = ("coming", "upcoming", "next few", "following")
BACKWARD_VAGUE = ("recent", "past few", "last few")
# A spaCy DATE/TIME entity no pattern resolved is kept (unresolved) only when it holds one of
# these: "20 warships" and "9 - 1 - 1" came as DATE.
TIME_WORDS = (
    "morning", "afternoon", "evening", "night", "noon", "midnight", "dawn", "dusk", "a.m.",
    "p.m.", "am", "pm", "day", "days", "week", "weeks", "month", "months", "year", "years",
    "decade", "century", "season", "spring", "summer", "autumn", "fall", "winter", "weekend",
    "ago", "earlier", "later", "christmas", "easter", "halloween", "ramadan", "eid",
    "thanksgiving", "hanukkah", "new year", "fortnight", "hours", "hour", "daybreak",
)  # fmt: skip
