"""The fields of a JSON Lines record, validated by a schema (pydantic), not by hand checks.

An export with `title` as a list or `url` as a number once reached SQLite and stopped the whole
batch with "Error binding parameter 6"; a `javascript:` URL was kept. Now each record is checked
against `JsonlRecord`; a record with bad fields is skipped with one line naming every bad field.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    StrictStr,
    ValidationError,
    ValidationInfo,
)

from ..errors import printable

_WEB_SCHEMES = ("http", "https")


def _http_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in _WEB_SCHEMES or not parts.hostname:
        raise ValueError("not an http(s) URL")
    return value.strip()


def _date_string(value: str, info: ValidationInfo) -> str:
    """A date, none more than a day past the validation context's "today" (`validate_record`)."""
    from ..extract.metadata_dates import parse_date

    if parse_date(value, today=(info.context or {}).get("today")) is None:
        raise ValueError("not a date, or past today")
    return value


class JsonlRecord(BaseModel):
    """One JSON Lines article: `html` or `text`, and optional metadata. Unknown keys are ignored;
    `null` is the same as absent.

    Example:
        >>> JsonlRecord.model_validate({"text": "Body.", "authors": "Ana Holm"}).authors
        'Ana Holm'
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    html: StrictStr | None = None
    text: StrictStr | None = None
    url: Annotated[StrictStr, AfterValidator(_http_url)] | None = None
    title: StrictStr | None = None
    outlet: StrictStr | None = None
    authors: StrictStr | list[StrictStr] | None = None
    published: Annotated[StrictStr, AfterValidator(_date_string)] | None = None


# What each field must be, as the error line says it.
EXPECTED = {
    "html": "a string",
    "text": "a string",
    "url": "an http(s) URL",
    "title": "a string",
    "outlet": "a string",
    "authors": "a list of names or one name",
    "published": "a date string, at most a day past today",
}
_VALUE_SHOWN_CHARS = 60


def describe(value: Any) -> str:
    """How a bad value is named in an error line: its JSON type, or a short escaped string.

    Example:
        >>> describe([1]), describe({}), describe(True), describe(4.5), describe("ftp://x")
        ('a list', 'an object', 'a boolean', 'a number', "'ftp://x'")
    """
    if isinstance(value, str):
        shown = value if len(value) <= _VALUE_SHOWN_CHARS else value[:_VALUE_SHOWN_CHARS] + "…"
        return printable(repr(shown))
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return {list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def validate_record(obj: dict[str, Any], today: date | None = None) -> JsonlRecord | str:
    """The validated record, or one message naming every bad field. A `published` more than a
    day past `today` (default: today in UTC) is a bad field, as in any date source.

    Example:
        >>> validate_record({"text": "Body.", "url": "javascript:alert(1)"})
        "`url` must be an http(s) URL, got 'javascript:alert(1)'"
    """
    try:
        return JsonlRecord.model_validate(obj, context={"today": today})
    except ValidationError as e:
        bad = {str(err["loc"][0]) for err in e.errors() if err["loc"]}
        fields = [f for f in obj if f in bad]  # in the order the record gives them
        return "; ".join(f"`{f}` must be {EXPECTED[f]}, got {describe(obj.get(f))}" for f in fields)
