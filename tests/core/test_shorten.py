"""`core.text.shorten`: text cut to fit ends with a whole word and "…"."""

import pytest

from core.text import shorten


def test_text_that_fits_stays_as_it_is_on_one_line():
    assert shorten("Mooi  initiatief,\nsucces!", 60) == "Mooi initiatief, succes!"


def test_longer_text_ends_after_the_last_whole_word_with_an_ellipsis():
    text = "Wat een goed idee om de speeltuin aan de Dennenlaan op te knappen"

    short = shorten(text, 30)

    assert short == "Wat een goed idee om de…"
    assert len(short) <= 30


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Een zin. Nog een zin", 10, "Een zin…"),  # no full stop before the ellipsis
        ("twee woorden", 11, "twee…"),
        ("precies passend", 15, "precies passend"),
        ("woord gevolgd door spatie", 7, "woord…"),  # the limit falls on the space after a word
    ],
)
def test_the_cut_falls_between_words(text, limit, expected):
    assert shorten(text, limit) == expected


def test_a_first_word_too_long_to_fit_is_cut_inside():
    assert shorten("https://example.org/een/heel/lang/adres", 12) == "https://exa…"
