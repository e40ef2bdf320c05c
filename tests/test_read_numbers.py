"""Numbers: value, unit, qualifier, counted noun, claimant; dates and the like skipped."""

from __future__ import annotations

import pytest

from newsweave.model import Number, Quote
from newsweave.read import nlp
from newsweave.read.numbers import find_numbers


def _nums(text: str, quotes=()) -> tuple[Number, ...]:
    nums = find_numbers(text, nlp.doc(text), quotes)
    for n in nums:
        assert text[n.start : n.end] == n.text
    return nums


@pytest.mark.parametrize(
    "text", ["The wall is 2m high.", "She won the 100m sprint.", "The 2m drop is steep."]
)
def test_read_numbers_metres_are_no_million(text):
    (n,) = _nums(text)
    assert n.value < 1000


@pytest.mark.parametrize(
    ("text", "value", "unit", "counts", "qualifier"),
    [
        ("The army said 1,100 volunteers joined.", 1100, "people", "volunteers", None),
        # a hyphen joining two words does not end what is counted
        ("Six water-bombing aircraft were deployed.", 6, None, "aircraft", None),
        ("Two co-workers were hurt.", 2, "people", "workers", None),
        ("Four fire-damaged homes were lost.", 4, None, "homes", None),
        ("He has 3 well-known brothers.", 3, None, "brothers", None),
        ("12 people-injured but alive-were pulled out.", 12, "people", "people", None),
        ("They hold more than 86% of the valley.", 86, "%", "valley", "more than"),
        ("They hold over 40 percent of the coast.", 40, "%", "coast", "more than"),
        ("Rebels took five villages overnight.", 5, None, "villages", None),
        ("Both sides backed a 30-day truce.", 30, "days", "truce", None),
        ("An area of 259 square kilometers was flooded.", 259, "km²", "area", None),
        # a sum for each period is a rate: not compared with a total
        ("The plan costs $5 million a year.", 5_000_000, "USD per year", None, None),
        ("He is paid $23 million per season.", 23_000_000, "USD per season", None, None),
        ("The firm pays 2 million euros annually.", 2e6, "EUR per year", None, None),
        ("It is a $23 million average annual value.", 23e6, "USD per year", None, None),
        ("They signed a $2.6-million contract.", 2_600_000, "USD", None, None),
        # a measure is no count of the thing measured; a speed no distance
        ("Police found a 7.62mm rifle.", 7.62, "mm", None, None),
        ("Gusts of 70 km/h hit the coast.", 70, "km/h", "gusts", None),
        # two capitals before a figure are a designation, but not "US" or "UN", nor "A"
        ("The UN sent 300 troops.", 300, "people", "troops", None),
        ("A 5 percent rise was agreed.", 5, "%", None, None),
        # but a currency code there is the unit
        ("The market will hit USD 2.65 billion.", 2.65e9, "USD", None, None),
        ("Rooms cost INR 3500 at most.", 3500, "INR", None, None),
        ("They signed a $2.6 - million contract.", 2_600_000, "USD", None, None),
        ("The fund holds 3 billion euros for repairs.", 3e9, "EUR", None, None),
        ("About 300 Norland soldiers were captured.", 300, "people", "soldiers", "about"),
        ("The siege lasted more than half a year.", 0.5, "years", None, "more than"),
        ("At least 12 ferries were cancelled.", 12, None, "ferries", "at least"),
        ("Fighting went on for 14 days.", 14, "days", None, None),
        # a number word before a unit of time, though the recogniser tags it DATE / TIME
        ("The MPs' term of office is ten years.", 10, "years", None, None),
        ("After seven hours the gunman gave himself up.", 7, "hours", None, None),
        # a toll named before a number word that counts nothing after it
        ("The death toll from the collapse rose to nine on Wednesday.", 9, None, None, None),
        # "dozen" and "hundred" multiply the number before them
        ("More than two dozen fire engines came.", 24, None, "engines", "more than"),
        ("Five hundred volunteers searched the hills.", 500, "people", "volunteers", None),
        # how often, and a multiple
        ("Quist has hosted the awards three times.", 3, None, "times", None),
        ("He drove at more than five times the legal limit.", 5, None, "times", "more than"),
        # a plural noun after a number the recogniser tags DATE still counts
        ("Feld played for 11 seasons with the Owls.", 11, None, "seasons", None),
        ("The climber survived two nights in a cave.", 2, None, "nights", None),
        (
            "A Sarn man survived after spending up to two nights in an ice cave on Mount Brenna.",
            2,
            None,
            "nights",
            "up to",
        ),
        ("A total of 1288 candidates ran for the seats.", 1288, None, "candidates", None),
        # an "m" written onto the digits before what they count is a million
        ("About 3m people live on the coast.", 3_000_000, "people", "people", "about"),
        ("Over 10m households pay the levy.", 10_000_000, None, "households", "more than"),
        # a unit of time before a dateline is a duration, not a day of the month
        (
            "The repair will take around twelve days October 11, 2011 Ostwyn",
            12,
            "days",
            None,
            "about",
        ),
    ],
)
def test_read_numbers_values(text, value, unit, counts, qualifier):
    (n,) = _nums(text)
    assert (n.value, n.unit, n.counts, n.qualifier) == (value, unit, counts, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "The talks began on March 12 in Lindholm.",
        "The talks began on 12 March in Lindholm.",
        "The bridge opened in 2019 after delays.",
        "The meeting starts at 10:30 in the hall.",
        "The ferry leaves at 5 pm from the pier.",
        "Mara Quist, 45, runs the bakery.",
        "He is a 45-year-old baker.",
        "1. Bring a coat\n2. Bring boots",
        "The F-16 and the Su-34 flew past.",
        "No one knows; one of them left.",
        "One day later the ferry returned to Lindholm.",
        "The affair broke during the early nineteen seventies in Ostwyn.",
        # part of a name, not a count: a designation
        "They seized AK 47 guns in the raid.",
        "It runs on an RTX 3060 or better.",
    ],
)
def test_read_numbers_skipped(text):
    assert _nums(text) == ()


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Offers ran between $140 and $150 million.", [140e6, 150e6]),
        ("The Orioles offered $140- $150 million.", [140e6, 150e6]),
        ("They said between 3 and 4 million people fled.", [3e6, 4e6]),
        # at a sentence's start the recogniser tags it DATE: a scaled figure is no date
        ("Between 3 and 4 million people fled.", [3e6, 4e6]),
        # not a range: the first figure is the larger
        ("He scored 150 and 20 million watched.", [150, 20e6]),
    ],
)
def test_read_numbers_range_scale_written_once(text, values):
    """A range whose scale is written after its second end only is in that scale at both
    ends ("between $140 and $150 million" once read $140 against another outlet's $140
    million)."""
    assert [n.value for n in _nums(text)] == values


def test_read_numbers_claimed_by_quote_speaker():
    text = 'The general said: "We have taken 430 soldiers prisoner." Officials counted 12 boats.'
    start = text.index('"')
    end = text.index('."') + 2
    quote = Quote(text[start:end], "Tomas Vell", "The general", "said", True, start, end)
    n430, n12 = _nums(text, (quote,))
    assert (n430.value, n430.counts, n430.claimed_by) == (430, "soldiers", "Tomas Vell")
    assert n12.claimed_by is None


@pytest.mark.parametrize("text", ["", "  ", "Es waren 86 Prozent der 1.100 Soldaten.", "42", "$"])
def test_read_numbers_odd_input_does_not_crash(text):
    _nums(text)


def test_read_numbers_long_text():
    text = "Workers repaired 12 bridges and 3 roads near the port. " * 1000
    nums = _nums(text)
    assert len(nums) == 2000 and nums[-1].counts == "roads"


def test_read_numbers_rejects_foreign_doc():
    with pytest.raises(ValueError):
        find_numbers("12 boats", nlp.doc("13 boats"))


# --- the seed pair -------------------------------------------------------------------------------


def _find(nums, value, unit=None):
    return [n for n in nums if n.value == value and (unit is None or n.unit == unit)]


@pytest.mark.shared
def test_read_numbers_seed_003(seed_003):
    text = seed_003.read_text(encoding="utf-8")
    nums = _nums(text)
    assert any(n.counts == "soldiers" for n in _find(nums, 430))
    (pct,) = _find(nums, 86, "%")
    assert (pct.counts, pct.qualifier) == ("territory", "more than")
    (km1100,) = _find(nums, 1100, "km²")
    assert km1100.qualifier == "more than"
    assert _find(nums, 259, "km²")[0].counts == "area"
    assert _find(nums, 5, None) and any(n.counts == "settlements" for n in _find(nums, 5))
    assert all(n.counts == "ceasefire" for n in _find(nums, 30, "days"))


@pytest.mark.shared
def test_read_numbers_seed_000(seed_000):
    text = seed_000.read_text(encoding="utf-8")
    nums = _nums(text)
    (pct,) = _find(nums, 86, "%")
    assert (pct.counts, pct.qualifier) == ("territory", "more than")
    assert [n.counts for n in _find(nums, 430)] == ["soldiers"]
    assert _find(nums, 30, "days")[0].counts == "ceasefire"
    assert not _find(nums, 2025)  # the date line is not a number


def test_read_numbers_200k_text_tokens_only():
    import spacy

    text = ("Kyiv agreed on Tuesday. Mara Quist said 12 boats sank near the pier. " * 3000)[
        :200_000
    ]
    nums = find_numbers(text, spacy.blank("en")(text))
    assert len(nums) == text.count("12 boats") and all(n.value == 12 for n in nums)
