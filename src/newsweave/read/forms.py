"""Surface forms of verbs, so cues are recognised without a tagger or a lemmatizer.

The light pass has no tags and no lemmas (they cost as much as the entity recogniser), so the
few verbs the reader looks for are matched by their forms.

Example:
    >>> verb_forms(("say", "admit"), (("said", "say"),))["admitted"]
    'admit'
"""

from __future__ import annotations

from collections.abc import Iterable


def inflections(verb: str) -> set[str]:
    """Regular forms of a verb, generously (-s, -es, -ed, -d, -ing, -ies, doubled consonant):
    a spurious form costs nothing, the lookups are by exact word."""
    out = {verb, verb + "s", verb + "es", verb + "ed", verb + "d", verb + "ing"}
    if verb.endswith("e"):
        out.add(verb[:-1] + "ing")
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        out |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou":
        out |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # "admitted", "quipped"
    return out


def verb_forms(lemmas: Iterable[str], irregular: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
    """Lower-case surface form -> lemma.

    Args:
        lemmas: verbs (lemmas).
        irregular: (form, lemma) pairs the rules cannot make ("said", "say").

    Returns:
        A dict; a lemma always maps to itself, irregular forms override generated ones.
    """
    lemmas = sorted(set(lemmas))
    table: dict[str, str] = {}
    for lemma in lemmas:
        for form in inflections(lemma):
            table.setdefault(form, lemma)
    for form, lemma in irregular:
        table[form] = lemma
    for lemma in lemmas:
        table[lemma] = lemma
    return table
