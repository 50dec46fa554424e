"""Markdown written by people, turned into HTML that is safe to show.

Text is stored as typed; it is converted and sanitised on output, so a stricter allow-list later
applies to everything already written. Raw HTML in the input is escaped by nh3's allow-list below.
"""

import markdown as markdown_lib
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "h2",
    "h3",
    "h4",
    "code",
    "pre",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> str:
    """Markdown to sanitised HTML. Headings start at level 2: the page title is the only h1."""
    html = markdown_lib.markdown(text or "", extensions=["sane_lists"], output_format="html")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener ugc",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
