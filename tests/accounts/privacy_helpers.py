"""Shared by the privacy tests: a look through every table of the database for words, an invitation into a
team as the invitee gets it, and the management site's change of an account (its history names the
account)."""

import contextlib
import json
import re
from importlib import import_module
from urllib.parse import urlsplit

from django.conf import settings
from django.core import mail
from django.db import connection
from django.test import TestCase
from django.urls import resolve, reverse

from initiatives.services import authoring
from tests.html import elements, form_fields, parse


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _session_text(data: str) -> str:
    """A session's data as it reads once decoded (it is signed and base64-encoded in the table)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    return json.dumps(store.decode(data), ensure_ascii=False, default=str)


def _json_read(text: str) -> str:
    """A JSON value with its escapes read (Django writes é in the admin's change messages as \\u00e9)."""
    if text.startswith(("[", "{")):
        with contextlib.suppress(ValueError):
            return json.dumps(json.loads(text), ensure_ascii=False)
    return ""


def rows_containing(*words: str) -> list[tuple[str, str, str]]:
    """Every (table, column, value) in the whole database that holds one of `words`, in any capitals: each
    table the database has (not only the models'), each column, JSON as its text, JSON also with its
    escapes (\\u00e9) read, and the sessions' data decoded."""
    found = []
    wanted = [word.lower() for word in words if word]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            # The table's name comes from the database's own list, quoted.
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    text = _as_text(value)
                    if table == "django_session" and column == "session_data":
                        text = _session_text(text)
                    lowered = f"{text} {_json_read(text)}".lower()
                    found += [(table, column, text[:120]) for word in wanted if word in lowered]
    return found


def admin_change_account(client, account, **changes) -> None:
    """Change `account` in the management site as an administrator does: its form as shown, with
    `changes`, sent back."""
    url = reverse("admin:accounts_user_change", args=[account.pk])
    form = elements(parse(client.get(url)), "form", id="user_form")[0]
    data = {**form_fields(form), **{name: [value] for name, value in changes.items()}}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def invite(initiative, email, by) -> str:
    """Invite `email` into the team of `initiative`; the token of the emailed link (the email goes once
    the invitation is saved for good)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        authoring.team_invite(initiative=initiative, email=email, by=by)
    for url in re.findall(r"https?://\S+", mail.outbox[-1].body):
        match = resolve(urlsplit(url).path)
        if match.url_name == "invitation_accept":
            return match.kwargs["token"]
    raise AssertionError("no invitation link in the email")
