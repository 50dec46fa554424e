"""What the public lists derive from every published initiative at once, kept in the cache until the next
write: the counts of the log pages (initiatives/log_counts.py), the number of initiatives the list finds
with each set of filters and the options of its filters (initiatives/listing.py).

Everything lives under one version that every write changing any of it replaces (`connect()`, from
apps.py): a saved or deleted initiative or log entry (published, hidden, withdrawn, another area, stage or
origin, removed), its themes and concepts added or taken away, a theme renamed, a village or district or a
concept changed. So nothing read from here is older than the last write. A new version is a fresh random
value, not a number counted up, so a version the cache forgot cannot come back and bring old values with
it. The version is replaced at the write and again after its commit: a page that counted while the write
was not yet committed does not keep what it counted before it.

Supporting an initiative changes none of this (its count is a column the list sorts on, written with an
UPDATE that sends no signal), and so does not replace the version: a million supports cost no recount."""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag

from flywheels.models import Concept, Flywheel
from places.models import Area

from .models import Initiative, LogEntry

VERSION_KEY = "initiatives:cached:version"
VALUE_KEY = "initiatives:cached:{name}:{version}"
# What no write replaced stays a day at most; a write makes it unreachable at once.
TIMEOUT = 24 * 60 * 60


def cached(name, compute):
    """The value stored as `name` under the current version, or `compute()` stored there now. `name` must
    say everything the value depends on besides the data (a language, a set of filters)."""
    key = VALUE_KEY.format(name=name, version=_version())
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def forget(**kwargs):
    """After any write that may change what is cached here: the next page computes anew."""
    _new_version()
    transaction.on_commit(_new_version)


def _forget_themes(instance, action, **kwargs):
    """Themes of an initiative added or taken away (taggit's TaggedItem, which articles share)."""
    if action.startswith("post_") and isinstance(instance, Initiative):
        forget()


def _forget_concepts(action, **kwargs):
    """Concepts of an initiative added or taken away, from either side."""
    if action.startswith("post_"):
        forget()


def _new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def connect():
    """The writes that change a count or an option (see the module's docstring)."""
    for model in (LogEntry, Initiative, Tag, Area, Concept, Flywheel):
        name = f"{model._meta.app_label}.{model.__name__}"
        post_save.connect(forget, sender=model, dispatch_uid=f"initiatives-cached-save-{name}")
        post_delete.connect(forget, sender=model, dispatch_uid=f"initiatives-cached-delete-{name}")
    m2m_changed.connect(
        _forget_themes, sender=Initiative.tags.through, dispatch_uid="initiatives-cached-themes"
    )
    m2m_changed.connect(
        _forget_concepts, sender=Initiative.concepts.through, dispatch_uid="initiatives-cached-concepts"
    )
