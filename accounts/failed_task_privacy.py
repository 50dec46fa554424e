"""The dead letters of the task queue (core.FailedTask) in the data export and in erasure
(accounts/privacy.py). Core sits below accounts and knows no people; accounts registers this for it.

A dead letter keeps what trying again needs (an email's rendered text) for FAILED_TASK_RETENTION_DAYS.
The export lists the failed emails addressed to the person (subject and date; the text they would have
read is in the rest of the export). Erasure deletes every dead letter addressed to any of their addresses,
and afterwards every one whose stored text still names them or an address of theirs (an email to someone
else that quoted their name): nothing addressed to or about someone who left is worth sending again.
"""

from core.models import FailedTask

from .privacy import Erasure


def _addresses(user) -> set[str]:
    addresses = {user.email.lower()} if user.email else set()
    addresses |= {address.lower() for address in user.emailaddress_set.values_list("email", flat=True)}
    return addresses


def _failed_emails(user) -> list:
    """Emails to them that could not be sent (yet): what about, when, and whether staff tried again."""
    return [
        {
            "subject": failed.summary,
            "to": failed.recipient,
            "failed": failed.failed_at.isoformat(),
            "tried_again": failed.retried_at.isoformat() if failed.retried_at else None,
        }
        for failed in FailedTask.objects.filter(recipient__in=_addresses(user)).order_by("failed_at")
    ]


EXPORT_SECTIONS = {"failed_emails": _failed_emails}


def erase(user) -> None:
    FailedTask.objects.filter(recipient__in=_addresses(user)).delete()


def forget(erasure: Erasure) -> None:
    FailedTask.objects.filter(erasure.mentioned_in("arguments", "summary", "recipient", "error")).delete()
