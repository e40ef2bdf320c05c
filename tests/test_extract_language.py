"""Language id: the guess is made on the text's opening sentences, not its first line."""

import pytest

from newsweave.extract.language import detect_language

# An opening of names and a time line, then plain English (invented, after ECB+ 7_9ecbplus and
# 23_10ecbplus, whose first 80 characters were guessed German and French).
NAMES_FIRST = (
    "Jul. 7 5:59 PM EDT Karl Brenner stopped Luis Ortega in the sixth round to retain his "
    "heavyweight title belts Saturday night. The 36-year-old champion was never in trouble, and "
    "the crowd cheered him as he left the ring."
)
FRENCH = (
    "Le gouvernement a annoncé mardi une hausse des impôts sur les sociétés. Selon le ministre, "
    "cette mesure rapportera deux milliards d'euros l'an prochain. Les syndicats ont dénoncé une "
    "décision prise sans concertation."
)
GERMAN = (
    "Die Regierung hat am Dienstag eine Erhöhung der Unternehmenssteuer angekündigt. Nach "
    "Angaben des Ministers soll die Maßnahme im nächsten Jahr zwei Milliarden Euro einbringen."
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (NAMES_FIRST, "en"),
        (FRENCH, "fr"),
        (GERMAN, "de"),
        # an English masthead over a French article: the article's sentences decide
        ("New York Times International Weekly Edition, Monday 3 March 2025 " + FRENCH, "fr"),
    ],
)
def test_language_guessed_from_the_sentences_not_the_opening(text, lang):
    assert detect_language(text) == lang


def test_language_of_a_text_too_short_is_none():
    assert detect_language("Paris, 3 mars") is None
