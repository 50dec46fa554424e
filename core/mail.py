"""Emails the site sends: plain text from templates, queued once the transaction that caused them commits.

The message is rendered here, in the request (or command) that caused it, and travels to the task queue as
plain data (`message_data`, JSON); `core.tasks.send_email` builds it again (`message_from_data`) and sends
it, trying again on a mail server that is down. Without a broker the task runs in-process at once.
"""

import base64
import logging
import smtplib
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def site_url(path: str = "") -> str:
    """An absolute address on the site, for links in emails (no request at hand there)."""
    return settings.SITE_URL.rstrip("/") + path


def send_templated_mail(
    *, to: list[str], template: str, context: dict, headers: dict | None = None, attachments=()
) -> None:
    """Render `<template>_subject.txt` and `<template>.txt` in Dutch and queue it for sending after commit.

    Emails go out in Dutch, the site's language; the templates are translated like any other.
    """
    context = {**context, "site_url": site_url()}
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    message = EmailMessage(
        subject=subject, body=body, to=to, headers=headers or {}, attachments=list(attachments)
    )
    send_later(message)


def send_later(message: EmailMessage) -> None:
    """Queue `message` once the current transaction commits (at once outside one).

    robust: a queue that cannot be reached is logged, and does not turn a saved change into an error page.
    """
    data = message_data(message)
    transaction.on_commit(lambda: _enqueue(data), robust=True)


def send_soon(message: EmailMessage) -> None:
    """Queue `message` now, whatever transaction is open: for emails whose sending a rollback could not
    undo anyway (django-allauth's, whose links are signed, not stored). A queue that cannot be reached is
    logged, as in `send_later`."""
    try:
        _enqueue(message_data(message))
    except Exception:
        logger.exception("Could not queue an email to %s.", ", ".join(message.to))


def _enqueue(data: dict) -> None:
    from .tasks import send_email  # the task module imports this one

    send_email.delay(data)


# --- the message as plain data -------------------------------------------------------------------------


def message_data(message: EmailMessage) -> dict:
    """Everything needed to send `message` again, as JSON-ready data (attachments in base64)."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            raise TypeError("Attach files as (name, content, mimetype), not as MIME parts.")
        filename, content, mimetype = attachment
        raw = content.encode() if isinstance(content, str) else bytes(content)
        attachments.append([filename, base64.b64encode(raw).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "content_subtype": message.content_subtype,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def message_from_data(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data.get("from_email"),
        to=data.get("to", []),
        cc=data.get("cc", []),
        bcc=data.get("bcc", []),
        reply_to=data.get("reply_to", []),
        headers=data.get("headers", {}),
    )
    message.content_subtype = data.get("content_subtype", "plain")
    for content, mimetype in data.get("alternatives", []):
        message.attach_alternative(content, mimetype)
    for filename, encoded, mimetype in data.get("attachments", []):
        message.attach(filename, base64.b64decode(encoded), mimetype)
    return message


def message_send(data: dict) -> None:
    """Send the message `data` describes now (the task's work). Raises what the mail server says."""
    message_from_data(data).send(fail_silently=False)


def is_temporary(error: Exception) -> bool:
    """Whether trying again later may help: a server that is down, busy or slow (socket errors, SMTP 4xx),
    not one that refuses the message or the address for good (SMTP 5xx)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return any(code < 500 for code, _text in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code < 500
    return isinstance(error, smtplib.SMTPException | OSError)
