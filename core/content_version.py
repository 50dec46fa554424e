"""The version of the public content: one value in the cache that every write to a row a public page may
show replaces, so whatever is cached under it (whole anonymous pages, core/page_cache.py) is never older
than the last write. What depends on a few models only and is dear to rebuild has a scoped version of the
same kind that only those models replace (`watch`: the counts of the log pages, initiatives/log_counts.py).

Which writes: a rule, not a list of the public models. Every save or delete of any model, and every change
of a many-to-many relation, replaces the version, except those of the few models in PRIVATE that no
public page ever shows (sessions, the management site's own log, email addresses and authenticators,
notifications, invitations, the ombuds' confidential signals, reports and appeals) and a signed-in
person's last login. A model added later is public until someone says otherwise: a page that is rebuilt
once too often costs a little time; a page that shows what was removed would be wrong. Writes that send
no signal (`QuerySet.update()`, `bulk_create()`) replace nothing themselves; the services that use them do
so beside a save or delete of the same thing (a support and its count, a response and the date of the
first one), and a command that fills tables in bulk (demo data, the scale data set) calls `changed()`.

Every `migrate` replaces it too (post_migrate): a release runs it, so pages made with the templates of
the release before are not shown after it.

A version is a fresh random value, not a number counted up, so a version the cache forgot cannot come back
and bring old entries with it. It is replaced at the write and again after its commit: a page built while
the write was not yet committed (and so without it) is stored under the first new version, which the
commit replaces; without the second replacement that page would be shown until the next write.
"""

import uuid
from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

VERSION_KEY = "core:content-version"
# A narrower version for what depends on a few models only (`watch`): the log pages' counts take a second
# to count at city scale and change only with log entries and initiatives, not with every support.
SCOPED_KEY = "core:content-version:{scope}"

# Models ("app_label.ModelName") whose rows no public page shows: writing them leaves the version alone.
PRIVATE = frozenset(
    {
        "admin.LogEntry",
        "core.FailedTask",
        "core.ScheduledMailSent",
        "sessions.Session",
        "account.EmailAddress",
        "account.EmailConfirmation",
        "mfa.Authenticator",
        "initiatives.Notification",
        "initiatives.TeamInvitation",
        "lab.Signal",
        "lab.SignalMessage",
        "moderation.Report",
        "moderation.Appeal",
    }
)
# Fields of a public model that no page shows: a save of only these (`save(update_fields=...)`) is private.
PRIVATE_FIELDS = {"accounts.User": frozenset({"last_login", "password"})}


def _key(scope: str | None) -> str:
    return SCOPED_KEY.format(scope=scope) if scope else VERSION_KEY


def version(scope: str | None = None) -> str:
    """The current version (of all public content, or of a `scope` given to `watch`); a new one when the
    cache has none (after a restart of the cache, or at first)."""
    key = _key(scope)
    current = cache.get(key)
    if current is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        current = cache.get(key)
    return current


def cached(scope: str, name: str, compute, timeout: int):
    """The value kept as `name` under the current version of `scope`, or `compute()` kept there now: nothing
    read from here is older than the last write `scope` watches. `name` says everything the value depends on
    besides the data (a language, a set of filters, a period)."""
    key = f"core:content-version:{scope}:{version(scope)}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def changed(scope: str | None = None) -> None:
    """After a write that may change a public page: whatever was cached under the old version is gone. Inside
    a transaction the version is replaced once more when it commits."""
    replace = partial(_replace, _key(scope)) if scope else _replace
    replace()
    transaction.on_commit(replace)


def _replace(key: str = VERSION_KEY) -> None:
    cache.set(key, uuid.uuid4().hex, timeout=None)


def watch(scope: str, models) -> None:
    """A version of its own for `scope`, replaced by every save or delete of `models` only (as well as the
    version of all public content, which they replace too). From an app's ready()."""

    def _on_write(sender, **kwargs):
        changed(scope)

    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                _on_write,
                sender=model,
                weak=False,
                dispatch_uid=f"content-version-{scope}-{model._meta.label}-{signal is post_save}",
            )


def is_public(model, update_fields=None) -> bool:
    label = model._meta.label
    if label in PRIVATE:
        return False
    private_fields = PRIVATE_FIELDS.get(label)
    return not (private_fields and update_fields and set(update_fields) <= private_fields)


def _on_save(sender, update_fields=None, **kwargs):
    if is_public(sender, update_fields):
        changed()


def _on_delete(sender, **kwargs):
    if is_public(sender):
        changed()


def _on_relation(sender, instance, action, **kwargs):
    # `sender` is the table between the two; the rows on either side say whether a page shows it.
    if action.startswith("post_") and is_public(type(instance)) and is_public(kwargs["model"]):
        changed()


def _on_migrate(**kwargs):
    changed()


def connect() -> None:
    """From CoreConfig.ready(): listen to the writes of every model."""
    post_save.connect(_on_save, dispatch_uid="content-version-save")
    post_delete.connect(_on_delete, dispatch_uid="content-version-delete")
    m2m_changed.connect(_on_relation, dispatch_uid="content-version-relation")
    post_migrate.connect(_on_migrate, dispatch_uid="content-version-migrate")
