from pathlib import Path

import yaml
from django.apps import apps as global_apps

FLYWHEELS_FILE = Path(__file__).parent / "data" / "flywheels.yaml"


def load_flywheels(apps=global_apps, schema_editor=None, path=FLYWHEELS_FILE):
    """Add the flywheels and concepts from the data file that are missing.

    Existing rows are left alone: after the first load, staff own the texts, order and status.
    """
    Flywheel = apps.get_model("knowledgebase", "Flywheel")
    Concept = apps.get_model("knowledgebase", "Concept")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    flywheels = {}
    for position, entry in enumerate(data["flywheels"], start=1):
        flywheels[entry["slug"]], _created = Flywheel.objects.get_or_create(
            slug=entry["slug"],
            defaults={
                "label_nl": entry["label_nl"],
                "label_en": entry.get("label_en", ""),
                "status": entry.get("status", "proposed"),
                "order": position,
            },
        )
    for entry in data["concepts"]:
        Concept.objects.get_or_create(
            slug=entry["slug"],
            defaults={
                "flywheel": flywheels[entry["flywheel"]],
                "order": entry["order"],
                "label_nl": entry["label_nl"],
                "label_en": entry.get("label_en", ""),
                "description_nl": entry.get("description_nl", ""),
                "description_en": entry.get("description_en", ""),
                "basis": ", ".join(entry.get("basis", [])),
                "status": entry.get("status", "proposed"),
            },
        )


QUESTIONS_FILE = Path(__file__).parent / "data" / "concept_questions.yaml"
PAGES_DIR = Path(__file__).parent / "data" / "pages"


def load_concept_questions(apps=global_apps, schema_editor=None, path=QUESTIONS_FILE):
    """Give concepts without guiding questions the ones from the data file; staff edits are kept."""
    Concept = apps.get_model("knowledgebase", "Concept")
    questions = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    for concept in Concept.objects.filter(slug__in=questions, questions_nl="", questions_en=""):
        entry = questions[concept.slug]
        concept.questions_nl = "\n".join(entry.get("nl", []))
        concept.questions_en = "\n".join(entry.get("en", []))
        concept.save(update_fields=["questions_nl", "questions_en"])


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
