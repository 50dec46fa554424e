"""The one place that reads the demo's content: the YAML files in demo/data/."""

from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser, where PyYAML was built with it


def read(name: str) -> dict:
    """The content of demo/data/<name>.yaml."""
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as data:
        return yaml.load(data, Loader=_Loader)  # noqa: S506 - a safe loader, only the C one where present


def text(value) -> str:
    """A text from the data, without the line break a YAML block leaves at its end."""
    return str(value or "").strip()
