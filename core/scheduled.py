"""Scheduled emails that must not go out twice (core.ScheduledMailSent): the council's monthly mail once a
month, a check-in at most once per so many weeks. The scheduler may fire twice, or two workers may run the
same task at once; `scheduled_mail_claim` lets exactly one of them send."""

from django.db import IntegrityError, transaction

from .models import ScheduledMailSent


def scheduled_mail_claim(*, key: str, now, not_since=None) -> bool:
    """Claim the scheduled email `key` as sent at `now`: True for the one caller that may send it.

    Without `not_since` a key is claimed once, ever. With it, again when its last sending was before
    `not_since`. Call it inside the transaction that queues the email: a rollback gives the claim back.
    """
    if not_since is not None and ScheduledMailSent.objects.filter(key=key, sent_at__lt=not_since).update(
        sent_at=now
    ):
        return True
    try:
        with transaction.atomic():
            ScheduledMailSent.objects.create(key=key, sent_at=now)
    except IntegrityError:  # sent already (recently), or claimed a moment ago by another run
        return False
    return True
