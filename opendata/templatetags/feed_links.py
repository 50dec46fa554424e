"""`{% feed_links "initiatives" gebied=... begrip=... %}`: the `<link rel="alternate">` elements with which
a page offers the feeds of what it lists (in base.html's `feeds` block), so a browser or feed reader finds
them. A page filtered by a village or district or by a concept offers the feed filtered the same way."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from core.slugs import is_slug

from ..feeds import ArticlesFeed, InitiativesFeed, LogEntriesFeed

register = template.Library()

# Per feed: the names of its RSS and its Atom address, and the feed that names itself.
FEEDS = {
    "initiatives": ("opendata:initiative_feed", "opendata:initiative_feed_atom", InitiativesFeed),
    "log": ("opendata:log_entry_feed", "opendata:log_entry_feed_atom", LogEntriesFeed),
    "knowledgebase": ("opendata:article_feed", "opendata:article_feed_atom", ArticlesFeed),
}


@register.inclusion_tag("opendata/includes/feed_links.html")
def feed_links(which: str, gebied: str = "", begrip: str = "") -> dict:
    """The RSS and the Atom link of the feed `which`, filtered by the slugs given (empty ones, and what
    cannot be a slug, are left out)."""
    rss, atom, feed = FEEDS[which]
    filters = {
        name: value for name, value in (("gebied", gebied), ("begrip", begrip)) if value and is_slug(value)
    }
    query = f"?{urlencode(filters)}" if filters else ""
    title = ": ".join([_("Samenwerken in Doetinchem"), str(feed().name)])
    return {
        "links": [
            {"type": "application/rss+xml", "title": f"{title} (RSS)", "href": reverse(rss) + query},
            {"type": "application/atom+xml", "title": f"{title} (Atom)", "href": reverse(atom) + query},
        ]
    }
