"""What the public lists derive from every published initiative at once, kept in the cache until the next
write: the counts of the log pages (initiatives/log_counts.py), the number of initiatives the list finds
with each set of filters and the options of its filters (initiatives/listing.py).

Everything lives under a scoped version of the public content (core/content_version.py) that only the
writes changing any of it replace (`connect()`, from apps.py): a saved or deleted initiative or log entry
(published, hidden, withdrawn, another area, stage or origin, removed), its themes and concepts added or
taken away, a theme renamed, a village or district or a concept changed. So nothing read from here is
older than the last write. Not the version of all public content: that one every support and comment
replaces too, and each would cost a recount (the log's counts take a second at city scale).

Supporting an initiative changes none of this (its count is a column the list sorts on, written with an
UPDATE that sends no signal), and so does not replace the version: a million supports cost no recount."""

from django.db.models.signals import m2m_changed
from taggit.models import Tag

from core import content_version
from flywheels.models import Concept, Flywheel
from places.models import Area

from .models import Initiative, LogEntry

SCOPE = "initiatives"
# What no write replaced stays a day at most; a write makes it unreachable at once.
TIMEOUT = 24 * 60 * 60


def cached(name, compute):
    """The value stored as `name` under the current version, or `compute()` stored there now. `name` must
    say everything the value depends on besides the data (a language, a set of filters)."""
    return content_version.cached(SCOPE, name, compute, TIMEOUT)


def forget(**kwargs):
    """After any write that may change what is cached here: the next page computes anew."""
    content_version.changed(SCOPE)


def _forget_themes(instance, action, **kwargs):
    """Themes of an initiative added or taken away (taggit's TaggedItem, which articles share)."""
    if action.startswith("post_") and isinstance(instance, Initiative):
        forget()


def _forget_concepts(action, **kwargs):
    """Concepts of an initiative added or taken away, from either side."""
    if action.startswith("post_"):
        forget()


def connect():
    """The writes that change a count or an option (see the module's docstring)."""
    content_version.watch(SCOPE, [LogEntry, Initiative, Tag, Area, Concept, Flywheel])
    m2m_changed.connect(
        _forget_themes, sender=Initiative.tags.through, dispatch_uid="initiatives-cached-themes"
    )
    m2m_changed.connect(
        _forget_concepts, sender=Initiative.concepts.through, dispatch_uid="initiatives-cached-concepts"
    )
