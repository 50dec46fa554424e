"""People's text made to fit where room is limited: email subjects, the names of items in the audit log and
on moderation pages, titles made from longer text."""

from django.utils.text import Truncator

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
