"""What loket keeps about a person, and what goes when they leave (AVG/GDPR).

Accounts sits below the apps that keep personal data. Each of them registers, from its AppConfig.ready(),
the sections of the data export it owns (a name and a function of the user that returns plain data) and
the steps of erasure it owns (a function of the user, run before the account itself is deleted).
`accounts.services` runs them; it names no app above it.
"""

from collections.abc import Callable
from typing import Any

_export_sections: dict[str, Callable[[Any], Any]] = {}
_erasure_steps: list[Callable[[Any], Any]] = []


def register_export(name: str, section: Callable[[Any], Any]) -> None:
    """`section(user)` is the part of the person's data export called `name`: plain, JSON-ready data."""
    _export_sections[name] = section


def register_erasure(step: Callable[[Any], Any]) -> None:
    """`step(user)` removes or anonymises what an app keeps of the person before the account goes."""
    if step not in _erasure_steps:
        _erasure_steps.append(step)


def export_sections() -> dict[str, Callable[[Any], Any]]:
    return dict(_export_sections)


def erasure_steps() -> list[Callable[[Any], Any]]:
    return list(_erasure_steps)


def register_privacy(module) -> None:
    """Register an app's privacy module: its `EXPORT_SECTIONS` ({name: section}) and its `erase(user)`."""
    for name, section in getattr(module, "EXPORT_SECTIONS", {}).items():
        register_export(name, section)
    if hasattr(module, "erase"):
        register_erasure(module.erase)
