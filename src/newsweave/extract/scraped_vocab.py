"""Vocabularies of the scraped-text cleaner, in one place (lower case; matched on word bounds)."""

from __future__ import annotations

# Calls to action: "Subscribe to get the latest posts", "Please enter your comment!".
CALL_TO_ACTION: tuple[str, ...] = (
    "subscribe", "subscribed", "subscription", "newsletter", "newsletters", "sign up",
    "sign in", "signup", "log in", "login", "logout", "register", "share", "shares", "tweet",
    "comment", "comments", "reply", "read more", "continue reading", "learn more", "see more",
    "view all", "see all", "show more", "load more", "follow us", "follow", "like us", "cookie",
    "cookies", "consent", "accept", "privacy policy", "terms of use", "terms of service",
    "terms and conditions", "all rights reserved", "copyright", "advertisement", "advertise",
    "sponsored", "click here", "download", "donate", "enter your", "your email",
    "email address", "required", "submit", "join", "get started", "try free", "free trial",
    "buy now", "order now", "shop now", "contact us", "whatsapp", "facebook", "twitter",
    "instagram", "linkedin", "pinterest", "youtube", "reddit", "telegram", "print", "email",
    "save", "bookmark", "notifications", "skip to", "back to top", "opens in a new",
)  # fmt: skip

# Navigation and listing words: section menus, "Related Posts", "Top 5 This Week".
NAVIGATION: tuple[str, ...] = (
    "home", "menu", "search", "about", "contact", "careers", "faq", "help", "next",
    "previous", "prev", "related", "popular", "trending", "latest", "recent", "top", "more",
    "tags", "tag", "topics", "categories", "category", "archive", "archives", "sections",
    "posts", "articles", "stories", "videos", "podcasts", "news", "blog", "sitemap", "account",
    "profile", "settings", "edition", "week", "most read", "editor's picks", "you may also like",
    "recommended", "see also", "more from", "discover more", "about the author", "author",
    "written by", "posted by", "published", "updated", "filed under", "photo", "image",
    "credit", "source", "via", "courtesy", "caption",
)  # fmt: skip

# Line openings that introduce a credit, not prose: "Photo: Kremlin Press Service".
CREDIT_PREFIXES: tuple[str, ...] = (
    "photo", "photos", "image", "images", "picture", "illustration", "video", "graphic",
    "credit", "credits", "source", "sources", "caption", "file photo", "photograph",
    "photo credit", "image credit", "image source", "featured image", "cover image",
)  # fmt: skip

# Line openings that introduce the byline: "By Jane Doe", "Written by Jane Doe".
BYLINE_PREFIXES: tuple[str, ...] = (
    "by", "written by", "posted by", "words by", "story by", "reporting by", "author",
    "authors", "author:", "reporter",
)  # fmt: skip

# "Discover more from Defence Talks": the outlet's name follows these openings (strongest first).
# Checked in this order; "subscribe to X" names the outlet only when X is capitalised (a name),
# not in "subscribe to our newsletter".
OUTLET_PREFIXES: tuple[str, ...] = (
    "discover more from", "copyright ©", "© copyright", "©", "copyright", "(c)", "subscribe to",
)  # fmt: skip

# Separators of menus, breadcrumbs and site titles ("Home › World", "Defence Talks | News").
SEPARATORS: tuple[str, ...] = (
    "|", "•", "·", "›", "»", "«", "‹", "→", " / ", " > ", " – ", " — ", " - ",
)  # fmt: skip
