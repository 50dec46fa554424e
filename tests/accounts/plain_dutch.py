"""What plain Dutch (B1) is not: the stiff words allauth's own Dutch used on the account pages and in its
emails, and officialese like it. Shared by the tests of the account pages, messages and emails."""

import re

from tests.html import parse, text_of

# Whole words only ("indienen" is fine, "indien" is not). "u" and "uw": the loket says "je".
STIFF_WORDS = [
    "ter verificatie",
    "verificatie",
    "verifieer",
    "verifiëren",
    "geverifieerd",
    "ongeverifieerd",
    "a.u.b.",
    "aub",
    "s.v.p.",
    "zijn of haar",
    "gelieve",
    "middels",
    "d.m.v.",
    "en/of",
    "u",
    "uw",
    "primair",
    "primaire",
    "echter",
    "reeds",
    "tevens",
    "indien",
    "alvorens",
    "dient",
    "dienen",
    "procedure",
    "authenticeer",
    "waarborgen",
]


def stiff_words(text: str) -> list[str]:
    """The stiff words in `text`, in the order of STIFF_WORDS."""
    return [
        word
        for word in STIFF_WORDS
        if re.search(rf"(?<![\w@/.-]){re.escape(word)}(?![\w@/-])", text, flags=re.IGNORECASE)
    ]


def page_text(response) -> str:
    """What a person reads of an account page: its title and everything in <main> (messages included)."""
    document = parse(response)
    return f"{text_of(document.title)} {text_of(document.main)}"


def heading_of(response) -> str:
    return text_of(parse(response).h1)


def mail_text(message) -> str:
    return f"{message.subject}\n{message.body}"
