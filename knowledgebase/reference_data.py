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
