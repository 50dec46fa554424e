"""The apps as floors: an app imports only from the floors below it, never from its own floor's other apps
or from above (README, "Development"). The floors are read from the README itself, so the drawing and
this test cannot drift apart. The demo sits on top: no other app imports it."""

import ast
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
README = ROOT / "README.md"


def floors() -> list[set[str]]:
    """The floors the README draws between `<!-- layers -->` markers, bottom first."""
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- layers -->\s*```text\n(.*?)```\s*<!-- /layers -->", text, re.S)
    assert block, "the README's Development section draws the layers between <!-- layers --> markers"
    drawn = []
    for line in block.group(1).splitlines():
        if "—" in line and not line[0].isspace():  # "app app — what they hold"; the rest continues it
            drawn.append(set(line.split("—", 1)[0].split()))
    return list(reversed(drawn))  # drawn top floor first


def project_apps() -> set[str]:
    return {path.parent.name for path in ROOT.glob("*/apps.py")} | {"loket"}


def imported_apps(source: str, apps: set[str]) -> set[str]:
    """The project apps a module imports from, anywhere in it (also inside functions)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found |= {name.split(".")[0] for name in names} & apps
    return found


def violations(layout: list[set[str]], modules: dict[str, str]) -> list[str]:
    """`modules` maps an app-relative path ("initiatives/views/detail.py") to its source."""
    floor_of = {app: number for number, floor in enumerate(layout) for app in floor}
    apps = set(floor_of)
    found = []
    for path, source in sorted(modules.items()):
        app = path.split("/")[0]
        for other in sorted(imported_apps(source, apps) - {app}):
            if floor_of[other] >= floor_of[app]:
                found.append(
                    f"{path} imports {other} (floor {floor_of[other]}), not below {app} ({floor_of[app]})"
                )
    return found


def test_the_readme_draws_every_app_on_exactly_one_floor():
    layout = floors()
    drawn = [app for floor in layout for app in floor]

    assert sorted(drawn) == sorted(set(drawn)), "an app is drawn twice"
    assert set(drawn) == project_apps()
    assert layout[0] == {"core"}
    assert layout[-1] == {"demo"}


def test_every_app_imports_only_from_the_floors_below_it():
    layout = floors()
    modules = {
        str(path.relative_to(ROOT)): path.read_text(encoding="utf-8")
        for app in project_apps()
        for path in (ROOT / app).rglob("*.py")
    }

    assert violations(layout, modules) == []


def test_the_check_catches_an_import_from_above_from_the_same_floor_and_of_the_demo():
    layout = [{"core"}, {"places", "flywheels"}, {"initiatives"}, {"demo"}]
    modules = {
        "core/paging.py": "from initiatives.models import Initiative\n",
        "places/models.py": "import flywheels.models\n",
        "initiatives/views.py": "def view():\n    from demo.loader import dates\n",
        "initiatives/models.py": "from core.models import TimeStampedModel\nfrom places.models import Area\n",
    }

    assert violations(layout, modules) == [
        "core/paging.py imports initiatives (floor 2), not below core (0)",
        "initiatives/views.py imports demo (floor 3), not below initiatives (2)",
        "places/models.py imports flywheels (floor 1), not below places (1)",
    ]
