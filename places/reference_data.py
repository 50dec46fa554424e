from pathlib import Path

import yaml
from django.apps import apps as global_apps

AREAS_FILE = Path(__file__).parent / "data" / "areas.yaml"


def load_areas(apps=global_apps, schema_editor=None, path=AREAS_FILE):
    """Add the areas from the data file that are missing; never overwrite what staff have edited."""
    Area = apps.get_model("places", "Area")
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["areas"]
    for position, entry in enumerate(entries, start=1):
        Area.objects.get_or_create(
            slug=entry["slug"],
            defaults={"name": entry["name"], "kind": entry["kind"], "order": position * 10},
        )
