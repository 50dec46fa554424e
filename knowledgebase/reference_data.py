"""The site's pages of prose as data (data/pages/<slug>.<language>.md), loaded by a data migration; from
then on the editors own them."""

from pathlib import Path

import yaml
from django.apps import apps as global_apps

PAGES_DIR = Path(__file__).parent / "data" / "pages"


def read_page_file(path: Path) -> tuple[dict, str]:
    """A page file: YAML front matter between `---` lines, then the Markdown body."""
    text = path.read_text(encoding="utf-8")
    _before, front, body = text.split("---\n", 2)
    return yaml.safe_load(front) or {}, body.strip() + "\n"


def load_pages(apps=global_apps, schema_editor=None, directory=PAGES_DIR):
    """Create the pages that do not exist yet from `<slug>.<language>.md`; existing pages stay as edited."""
    Page = apps.get_model("knowledgebase", "Page")
    for dutch in sorted(directory.glob("*.nl.md")):
        slug = dutch.name.removesuffix(".nl.md")
        if Page.objects.filter(slug=slug).exists():
            continue
        fields = {}
        for language in ("nl", "en"):
            path = directory / f"{slug}.{language}.md"
            if not path.exists():
                continue
            front, body = read_page_file(path)
            fields |= {
                f"title_{language}": front.get("title", ""),
                f"description_{language}": front.get("description", "") or "",
                f"lead_{language}": front.get("lead", "") or "",
                f"body_{language}": body,
            }
        Page.objects.create(slug=slug, **fields)
