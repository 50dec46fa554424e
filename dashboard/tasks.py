"""Background tasks of the dashboard, run on Celery beat's schedule (CELERY_BEAT_SCHEDULE). The council's
monthly mail lives here, not in initiatives: it reads the dashboard's figures, a floor higher."""

from celery import shared_task

from core.tasks import DeadLetterTask

from . import monthly_mail


@shared_task(base=DeadLetterTask, name="dashboard.send_council_monthly_mail")
def send_council_monthly_mail() -> int:
    return monthly_mail.council_monthly_mail_send()
