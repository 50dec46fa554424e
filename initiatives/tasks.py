"""Background tasks of initiatives, run on Celery beat's schedule (CELERY_BEAT_SCHEDULE in the settings).
Thin: each calls a service."""

from celery import shared_task

from core.tasks import DeadLetterTask
from initiatives.services import check_ins, digests


@shared_task(base=DeadLetterTask, name="initiatives.send_digests")
def send_digests(frequency: str) -> int:
    """The daily or weekly digests (`manage.py send_digests` sends them by hand)."""
    return digests.digests_send(frequency=frequency)


@shared_task(base=DeadLetterTask, name="initiatives.send_check_ins")
def send_check_ins() -> int:
    return check_ins.check_ins_send()
