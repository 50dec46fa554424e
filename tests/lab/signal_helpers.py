"""Shared by the tests of signals: a signal's words, its pages, replying and setting its status there, and
the check that an email about it never carries those words."""

from django.urls import reverse

NEW_SIGNAL = reverse("lab:signal_create")
SIGNALS = reverse("lab:signal_list")
TITLE = "Geen antwoord over de Kastanjelaan"
DESCRIPTION = "Drie keer gemaild over de bomenkap bij de Kastanjelaan, nooit antwoord gekregen."
REPLY = "Ik heb de wijkregisseur gevraagd om contact op te nemen."


def detail_url(signal):
    return reverse("lab:signal_detail", args=[signal.pk])


def withdraw_url(signal):
    return reverse("lab:signal_withdraw", args=[signal.pk])


def reply(client, signal, body=REPLY, **extra):
    return client.post(detail_url(signal), {"action": "reply", "body": body, **extra})


def set_status(client, signal, status):
    return client.post(detail_url(signal), {"action": "status", "status": status})


def assert_content_stays_out_of(mails, *secrets):
    for mail in mails:
        for secret in (TITLE, DESCRIPTION, REPLY, *secrets):
            assert secret not in mail.subject
            assert secret not in mail.body
