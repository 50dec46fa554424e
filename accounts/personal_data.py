"""Accounts' own part of the data export and of erasure (accounts/privacy.py): the account itself and what
Django and the libraries keep about a person — allauth's email addresses and authenticators, sessions,
the management site's history, themes (tags) and uploaded files. Registered like every app's part, first.
"""

import json
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from taggit.models import Tag, TaggedItem

from .privacy import Erasure, deleted_label


def _moment(value):
    return value.isoformat() if value else None


def _account(user) -> dict:
    """The account: address, name, place, dates, roles and, when a moderator blocked it, the block."""
    return {
        "email": user.email,
        "display_name": user.display_name,
        "area": user.area.name if user.area else None,
        "date_joined": _moment(user.date_joined),
        "last_login": _moment(user.last_login),
        "public_role": user.public_role,
        "staff": user.is_staff,
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "blocked": (
            {"since": _moment(user.blocked_at), "kind": user.block_kind, "reason": user.block_reason}
            if user.blocked_at
            else None
        ),
    }


def _email_addresses(user) -> list:
    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in user.emailaddress_set.all()
    ]


def _authenticators(user) -> list:
    """Two-factor authentication (allauth.mfa, when installed): which kinds, since when, last used. Not the
    secrets: they are of no use outside the site and would weaken the account if the file leaked."""
    from allauth.mfa.models import Authenticator

    return [
        {
            "type": authenticator.type,
            "created": _moment(authenticator.created_at),
            "last_used": _moment(authenticator.last_used_at),
        }
        for authenticator in Authenticator.objects.filter(user=user).order_by("created_at")
    ]


EXPORT_SECTIONS = {"account": _account, "email_addresses": _email_addresses}
if apps.is_installed("allauth.mfa"):
    EXPORT_SECTIONS["authenticators"] = _authenticators


def erase(user) -> None:
    """The person's sessions go: every device is signed out, and what a session held (the address typed to
    log in) goes too. Email addresses, authenticators and the admin history the person wrote go with the
    account (they cascade)."""
    _sessions_delete(user)


def _sessions_delete(user) -> None:
    """Sessions kept in the database name their user only inside the signed data, so each is read. Cache
    and cookie sessions keep nothing in the database; they end with the account (its id no longer logs
    anyone in)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store, "get_model_class"):
        return
    addresses = Erasure.of(user).emails
    reader = store()
    rows = store.get_model_class().objects.values_list("session_key", "session_data")
    for key, data in rows.iterator(chunk_size=2000):
        decoded = reader.decode(data)
        text = json.dumps(decoded, default=str).lower()
        if decoded.get(SESSION_KEY) == str(user.pk) or any(address in text for address in addresses):
            store(session_key=key).delete()


def forget(erasure: Erasure) -> None:
    _admin_history_forget(erasure)
    _orphaned_tags_delete(erasure)
    _files_delete(erasure)


def _admin_history_forget(erasure: Erasure) -> None:
    """The management site's history keeps what was done to a deleted row, by its kind and number only;
    the person's name and addresses go from every line that copied them (an inline row named in a change
    message, for instance)."""
    about_deleted = Q(pk__in=[])
    deleted = {}  # (content type id, object id as the history stores it): model
    for model, rows in erasure.deleted.items():
        if model is LogEntry or not rows:
            continue
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        ids = [str(pk) for pk in rows]
        deleted |= {(content_type.pk, object_id): model for object_id in ids}
        about_deleted |= Q(content_type=content_type, object_id__in=ids)
    lines = LogEntry.objects.filter(about_deleted | erasure.mentioned_in("object_repr", "change_message"))
    for line in lines:
        model = deleted.get((line.content_type_id, line.object_id))
        if model is not None:
            line.object_repr = deleted_label(model, line.object_id)
        line.object_repr = erasure.scrub(line.object_repr)[:200]
        line.change_message = erasure.scrub(line.change_message)
        line.save(update_fields=["object_repr", "change_message"])


def _orphaned_tags_delete(erasure: Erasure) -> None:
    """A theme only the person's deleted content used is a word of theirs: it goes. Themes others use
    stay."""
    tag_ids = {item.tag_id for item in erasure.deleted.get(TaggedItem, {}).values()}
    if tag_ids:
        Tag.objects.filter(pk__in=tag_ids).exclude(pk__in=TaggedItem.objects.values("tag_id")).delete()


def _files_delete(erasure: Erasure) -> None:
    """Every uploaded file of a deleted row (photos, documents) goes from the disk once the erasure is
    saved for good, whichever app's row it was."""
    for model, deleted in erasure.deleted.items():
        file_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        if not file_fields:
            continue
        for instance in deleted.values():
            for file_field in file_fields:
                stored = getattr(instance, file_field.attname)
                name = getattr(stored, "name", stored)
                if name:
                    storage = file_field.storage
                    transaction.on_commit(lambda s=storage, n=name: s.delete(n), robust=True)
