"""Markdown written by people, turned into HTML that is safe to show.

Text is stored as typed, and beside it the HTML it renders to (core.fields.MarkdownHTMLField), rendered
and sanitised when the text is saved: pages print that HTML instead of rendering Markdown on every view.
Raw HTML in the input is stripped or escaped by nh3's allow-list below. After a change of the allow-list
(or of the rendering), `manage.py render_markdown` renders every stored text again, with `fill_rendered`,
as the data migrations that added the HTML columns did.
"""

import threading

import markdown as markdown_lib
import nh3
from django.utils.safestring import mark_safe

# Building a Markdown converter costs more than converting a short text: one per thread, reset each time.
_local = threading.local()

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
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = markdown_lib.Markdown(extensions=["sane_lists"], output_format="html")
    html = converter.reset().convert(text or "")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener ugc",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def fill_rendered(model, fields: dict[str, str], *, batch_size: int = 2000, per_update: int = 500) -> int:
    """Render the Markdown of every row of `model` into its HTML column: `fields` maps each source column
    to its HTML column. For data migrations (pass the historical model) and `manage.py render_markdown`:
    the rows are read in primary-key order through a server-side cursor and written back in batches, so
    half a million log entries take constant memory (`per_update` rows per UPDATE: its CASE grows with
    them). Returns the number of rows."""
    sources, targets = list(fields), list(fields.values())
    rows = model._base_manager.order_by("pk").only("pk", *sources)
    batch, total = [], 0
    for row in rows.iterator(chunk_size=batch_size):
        for source, target in fields.items():
            setattr(row, target, render_markdown(getattr(row, source)))
        batch.append(row)
        if len(batch) == batch_size:
            model._base_manager.bulk_update(batch, targets, batch_size=per_update)
            total, batch = total + len(batch), []
    if batch:
        model._base_manager.bulk_update(batch, targets, batch_size=per_update)
        total += len(batch)
    return total
