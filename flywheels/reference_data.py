"""The flywheels and their concepts as data (data/flywheels.yaml, data/concept_questions.yaml), loaded by
data migrations; from then on staff own the texts, order and status. Fields that came later (the guiding
questions, the hints in plain words) have their own loader, run by the migration that added them.

The loaders take the app label the models live in at the moment they run: the early migrations ran them
when the models were still the knowledge base's.
"""

from pathlib import Path

import yaml
from django.apps import apps as global_apps

FLYWHEELS_FILE = Path(__file__).parent / "data" / "flywheels.yaml"
QUESTIONS_FILE = Path(__file__).parent / "data" / "concept_questions.yaml"


def load_flywheels(apps=global_apps, schema_editor=None, path=FLYWHEELS_FILE, app_label="flywheels"):
    """Add the flywheels and concepts from the data file that are missing.

    Existing rows are left alone: after the first load, staff own the texts, order and status.
    """
    Flywheel = apps.get_model(app_label, "Flywheel")
    Concept = apps.get_model(app_label, "Concept")
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


def load_concept_questions(apps=global_apps, schema_editor=None, path=QUESTIONS_FILE, app_label="flywheels"):
    """Give concepts without guiding questions the ones from the data file; staff edits are kept."""
    Concept = apps.get_model(app_label, "Concept")
    questions = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    for concept in Concept.objects.filter(slug__in=questions, questions_nl="", questions_en=""):
        entry = questions[concept.slug]
        concept.questions_nl = "\n".join(entry.get("nl", []))
        concept.questions_en = "\n".join(entry.get("en", []))
        concept.save(update_fields=["questions_nl", "questions_en"])


def load_concept_hints(apps=global_apps, schema_editor=None, path=FLYWHEELS_FILE, app_label="flywheels"):
    """Give concepts without a hint ("in plain words") the one from the data file; staff edits are kept."""
    Concept = apps.get_model(app_label, "Concept")
    hints = {entry["slug"]: entry for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["concepts"]}
    for concept in Concept.objects.filter(slug__in=hints, hint_nl="", hint_en=""):
        entry = hints[concept.slug]
        concept.hint_nl = entry.get("hint_nl", "")
        concept.hint_en = entry.get("hint_en", "")
        concept.save(update_fields=["hint_nl", "hint_en"])
