"""Text people type: cleaned of characters that change how it looks without being seen, and shortened to
fit where room is limited (email subjects, the names of items in the audit log).

## Cleaning

Bidirectional controls (U+202E "right-to-left override" and its relatives) make "Speeltuin‮gnp.exe" show as
something else, and zero-width characters make two names that look the same differ, or a name look empty.
Nobody types them on purpose; they come with copied text or with an attempt to mislead.

- A short single-line text (a title, a name, a theme, a photo description) loses every such character and
  every other control or format character; its line breaks, tabs and unusual spaces become plain spaces.
- A long text (a story, a message, Markdown) loses the bidirectional embeddings, overrides and isolates,
  which can reorder what follows them. It keeps the marks (U+200E, U+200F) that mixed Arabic or Hebrew and
  Dutch prose may need, and the zero-width joiner that emoji like 👩‍🌾 are made of.

The characters are removed without a word to the person who typed them: an error about a character nobody
can see would only confuse them. core.fields and core.forms apply this to every such field.
"""

import unicodedata

from django.utils.text import Truncator
from taggit.utils import _parse_tags  # taggit's own reading, which the setting replaces

# Embeddings, overrides and isolates: U+202A..U+202E, U+2066..U+2069.
BIDI_REORDERING = {*range(0x202A, 0x202F), *range(0x2066, 0x206A)}
# The marks: Arabic letter mark, left-to-right mark, right-to-left mark.
BIDI_MARKS = {0x061C, 0x200E, 0x200F}
INVISIBLE = {
    0x00AD,  # soft hyphen
    0x034F,  # combining grapheme joiner
    0x115F,  # Hangul fillers, which show as nothing
    0x1160,
    0x3164,
    0xFFA0,
    0x17B4,  # Khmer inherent vowels, invisible
    0x17B5,
    0x180E,  # Mongolian vowel separator, once a space
    *range(0x200B, 0x200E),  # zero-width space, non-joiner, joiner
    *range(0x2060, 0x2065),  # word joiner, invisible operators
    *range(0x206A, 0x2070),  # deprecated format characters
    0xFEFF,  # zero-width no-break space (byte order mark)
}
TAGS_START, TAGS_END = 0xE0020, 0xE007F
_LINE_TABLE = dict.fromkeys(BIDI_REORDERING | BIDI_MARKS | INVISIBLE)
_TEXT_TABLE = dict.fromkeys(BIDI_REORDERING)


def _on_one_line(character: str) -> str:
    if character.isspace():  # line breaks, tabs, no-break and other spaces
        return " "
    category = unicodedata.category(character)
    # Control and format characters, and lone surrogates (which PostgreSQL refuses). Tag characters stay:
    # the flags of Scotland and Wales are made of them.
    if category in ("Cc", "Cs") or (category == "Cf" and not TAGS_START <= ord(character) <= TAGS_END):
        return ""
    return character


def clean_line(value: str) -> str:
    """`value` without bidirectional controls and invisible characters, on one line."""
    value = value.translate(_LINE_TABLE)
    return value if value.isprintable() else "".join(map(_on_one_line, value))


def clean_text(value: str) -> str:
    """`value` without the bidirectional controls that reorder text; line breaks and marks stay."""
    return value.translate(_TEXT_TABLE)


def tags_from_string(value: str) -> list[str]:
    """django-taggit's reading of "groen, spelen" into themes (TAGGIT_TAGS_FROM_STRING), each theme cleaned
    like a single line. Every form with themes, on the site and in the management site, reads them so."""
    return sorted({clean_line(tag).strip() for tag in _parse_tags(clean_line(value))} - {""})


# Shortening

ELLIPSIS = "…"
# Left off before the "…": it says by itself that something follows.
_TRAILING = " .,;:-\u2013\u2014"  # and the en and em dash


def shorten(text, limit: int) -> str:
    """`text` on one line in at most `limit` characters. Longer text ends after the last whole word that
    fits, followed by "…", so nobody takes half a word for the whole. Only a first word too long to fit
    at all (a web address) is cut inside."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    head = text[: limit - len(ELLIPSIS)]
    if " " not in head:
        return Truncator(text).chars(limit, truncate=ELLIPSIS)
    if text[len(head)] != " ":  # the limit falls inside a word: leave that word out
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(_TRAILING) + ELLIPSIS
