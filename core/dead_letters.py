"""Dead letters: background tasks that failed for good (core.FailedTask), recorded by core.tasks, listed in
the management site (core/admin.py), tried again by staff, and deleted after
FAILED_TASK_RETENTION_DAYS."""

import datetime
import logging

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import FailedTask
from .text import shorten

logger = logging.getLogger(__name__)

ERROR_LENGTH = 1000

# What each task is called in the management site.
TASK_LABELS = {
    "core.send_email": _("sending an email"),
    "core.prune_failed_tasks": _("deleting old failed tasks"),
    "initiatives.send_digests": _("sending the digests"),
    "initiatives.send_check_ins": _("sending the check-ins"),
    "dashboard.send_council_monthly_mail": _("sending the council's monthly email"),
}


def task_label(name: str) -> str:
    return TASK_LABELS.get(name, name)


def failed_task_record(
    *, task_name: str, task_id: str, args: list, kwargs: dict, summary: str, recipient: str, error, tries: int
) -> FailedTask:
    """Keep a task that failed for good, with what it needs to be tried again."""
    logger.error("Task %s [%s] failed after %s tries: %r", task_name, task_id, tries, error)
    return FailedTask.objects.create(
        task_name=task_name,
        task_id=task_id[:64],
        arguments={"args": args, "kwargs": kwargs},
        summary=shorten(summary, 300),
        recipient=recipient.lower()[:254],
        error=shorten(f"{type(error).__name__}: {error}", ERROR_LENGTH),
        tries=tries,
    )


@transaction.atomic
def failed_task_retry(*, failed_task: FailedTask) -> bool:
    """Queue the task again with its arguments, once: a dead letter tried again is marked, and is not
    queued a second time (a new failure makes a new dead letter). Returns whether it was queued."""
    failed_task = FailedTask.objects.select_for_update().get(pk=failed_task.pk)
    if failed_task.retried_at is not None:
        return False
    failed_task.retried_at = timezone.now()
    failed_task.save(update_fields=["retried_at"])
    task = task_named(failed_task.task_name)
    arguments = failed_task.arguments
    transaction.on_commit(
        lambda: task.apply_async(args=arguments.get("args", []), kwargs=arguments.get("kwargs", {}))
    )
    return True


def task_named(name: str):
    """The registered task called `name`. In a web process the apps' tasks.py modules are imported on first
    need; apply_async on the task (unlike send_task by name) also runs it in-process without a broker."""
    current_app.loader.import_default_modules()
    return current_app.tasks[name]


def failed_tasks_prune(*, now=None) -> int:
    """Delete dead letters older than FAILED_TASK_RETENTION_DAYS. Returns how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.FAILED_TASK_RETENTION_DAYS)
    deleted, _by_model = FailedTask.objects.filter(failed_at__lt=cutoff).delete()
    return deleted
