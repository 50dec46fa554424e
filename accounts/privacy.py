"""What loket keeps about a person, and what goes when they leave (AVG/GDPR).

Accounts sits below the apps that keep personal data. Each of them registers, from its AppConfig.ready(),
a privacy module (`register_privacy`) with up to three parts:

- `EXPORT_SECTIONS`: {name: section}; `section(user)` returns that part of the data export as plain data.
- `erase(user)`: runs before the account is deleted; removes or anonymises what the app keeps of the person
  that deleting the account would not take along.
- `forget(erasure)`: runs after the account is gone, with the `Erasure` record: every row the erasure
  deleted, and the person's name and addresses. Records that copied a deleted row's words or the person's
  name (the audit log, the management site's history) forget them here, and keep the action.

`accounts.services` runs them; it names no app above it.
"""

import json
import re
import threading
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Model, Q
from django.db.models.signals import post_delete
from django.utils import translation
from django.utils.translation import gettext

_export_sections: dict[str, Callable[[Any], Any]] = {}
_erasure_steps: list[Callable[[Any], Any]] = []
_forget_steps: list[Callable[[Any], Any]] = []

# What a scrubbed name or address becomes in a record that keeps the rest of its text.
REDACTED = "[…]"


def register_export(name: str, section: Callable[[Any], Any]) -> None:
    """`section(user)` is the part of the person's data export called `name`: plain, JSON-ready data."""
    _export_sections[name] = section


def register_erasure(step: Callable[[Any], Any]) -> None:
    """`step(user)` removes or anonymises what an app keeps of the person before the account goes."""
    if step not in _erasure_steps:
        _erasure_steps.append(step)


def register_forget(step: Callable[[Any], Any]) -> None:
    """`step(erasure)` makes records forget what the erasure took away, after the account went."""
    if step not in _forget_steps:
        _forget_steps.append(step)


def export_sections() -> dict[str, Callable[[Any], Any]]:
    return dict(_export_sections)


def erasure_steps() -> list[Callable[[Any], Any]]:
    return list(_erasure_steps)


def forget_steps() -> list[Callable[[Any], Any]]:
    return list(_forget_steps)


def register_privacy(module) -> None:
    """Register an app's privacy module: its `EXPORT_SECTIONS`, `erase(user)` and `forget(erasure)`."""
    for name, section in getattr(module, "EXPORT_SECTIONS", {}).items():
        register_export(name, section)
    if hasattr(module, "erase"):
        register_erasure(module.erase)
    if hasattr(module, "forget"):
        register_forget(module.forget)


def in_site_language(text: Callable[[], str]) -> str:
    """A label that is stored (and emailed) rather than shown once: in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text())


def deleted_label(model: type[Model], pk) -> str:
    """How a record names a row that was deleted with an account: its kind and number, no words of it."""
    return in_site_language(
        lambda: gettext("%(kind)s #%(number)s (deleted)") % {"kind": model._meta.verbose_name, "number": pk}
    )


@dataclass
class Erasure:
    """One person's erasure: who they were (to find their name and addresses in records that copied
    them) and every row deleted with them: per model, {primary key: the instance as it was}. (Django
    clears a deleted instance's primary key, so it is kept here.)"""

    display_name: str
    emails: list[str]
    deleted: dict[type[Model], dict[Any, Model]] = field(default_factory=dict)

    @classmethod
    def of(cls, user) -> "Erasure":
        emails = {user.email.lower()} if user.email else set()
        emails |= {email.lower() for email in user.emailaddress_set.values_list("email", flat=True)}
        return cls(display_name=user.display_name.strip(), emails=sorted(emails))

    @property
    def words(self) -> list[str]:
        """The name and addresses, longest first (an address holds the name sometimes)."""
        words = [word for word in [self.display_name, *self.emails] if word]
        return sorted(set(words), key=len, reverse=True)

    def mentioned_in(self, *fields: str) -> Q:
        """Rows whose `fields` may hold the name or an address (also as JSON writes it): to narrow what
        `scrub` reads."""
        condition = Q(pk__in=[])
        for word in self.words:
            forms = {word, _json_escaped(word)}
            for name in fields:
                for form in forms:
                    condition |= Q(**{f"{name}__icontains": form})
        return condition

    def scrub(self, text: str) -> str:
        """`text` with the person's name and addresses replaced by REDACTED, as whole words only: a name
        inside a longer word ("Ans" in "Ansje") is someone else's."""
        for word in self.words:
            for form in {word, _json_escaped(word)}:
                text = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", REDACTED, text, flags=re.IGNORECASE)
        return text

    @contextmanager
    def recording(self):
        """Record every row deleted while inside, in this thread: cascades included."""
        token = _current.set(self)
        _listen()
        try:
            yield self
        finally:
            _stop_listening()
            _current.reset(token)


def _json_escaped(word: str) -> str:
    """`word` as Django writes it inside a JSON string (the admin's change messages): é as \\u00e9."""
    return json.dumps(word)[1:-1]


# Deletions are recorded through post_delete while an erasure runs, and only then: a receiver for every
# model turns off Django's fast (unfetched) deletes, which the rest of the site keeps.
_current: ContextVar[Erasure | None] = ContextVar("erasure", default=None)
_listeners_lock = threading.Lock()
_listeners = 0
_DISPATCH_UID = "accounts.privacy.erasure"


def _record_deletion(sender, instance, **kwargs):
    erasure = _current.get()
    if erasure is not None:
        erasure.deleted.setdefault(sender, {})[instance.pk] = instance


def _listen():
    global _listeners
    with _listeners_lock:
        if _listeners == 0:
            post_delete.connect(_record_deletion, dispatch_uid=_DISPATCH_UID, weak=False)
        _listeners += 1


def _stop_listening():
    global _listeners
    with _listeners_lock:
        _listeners -= 1
        if _listeners == 0:
            post_delete.disconnect(dispatch_uid=_DISPATCH_UID)
