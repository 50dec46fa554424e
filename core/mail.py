"""Emails the site sends: plain text from templates, sent once the transaction that caused them commits."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def site_url(path: str = "") -> str:
    """An absolute address on the site, for links in emails (no request at hand there)."""
    return settings.SITE_URL.rstrip("/") + path


def send_templated_mail(
    *, to: list[str], template: str, context: dict, headers: dict | None = None, attachments=()
) -> None:
    """Render `<template>_subject.txt` and `<template>.txt` in Dutch and send after commit.

    Emails go out in Dutch, the site's language; the templates are translated like any other.
    """
    context = {**context, "site_url": site_url()}
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    message = EmailMessage(
        subject=subject, body=body, to=to, headers=headers or {}, attachments=list(attachments)
    )
    # robust: a mail server that is down is logged, and does not turn a saved change into an error page.
    transaction.on_commit(lambda: message.send(fail_silently=False), robust=True)
