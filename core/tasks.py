"""Background tasks of core: sending an email, and the dead letters' upkeep.

`DeadLetterTask` is the base of every loket task (`@shared_task(base=DeadLetterTask)`): a task that fails
for good — its last try used up, or an error that is not tried again — is recorded as a
`core.FailedTask`, which staff see in the management site and may try again (core/dead_letters.py).
"""

from celery import Task, shared_task
from django.conf import settings

from . import dead_letters, mail


class DeadLetterTask(Task):
    """A task whose final failure is kept as a dead letter."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        summary, recipient = self.describe(args, kwargs)
        dead_letters.failed_task_record(
            task_name=self.name,
            task_id=task_id or "",
            args=list(args or ()),
            kwargs=dict(kwargs or {}),
            summary=summary,
            recipient=recipient,
            error=exc,
            tries=self.request.retries + 1,
        )

    def describe(self, args, kwargs) -> tuple[str, str]:
        """What staff may see of the task's arguments: a short summary and one recipient address. By
        default nothing: the task's name says enough."""
        return "", ""


class EmailTask(DeadLetterTask):
    def describe(self, args, kwargs):
        message = args[0] if args else kwargs.get("message", {})
        recipients = message.get("to") or []
        return message.get("subject", ""), (recipients[0] if recipients else "")


def retry_countdown(tries_so_far: int) -> int:
    """Seconds to wait before the next try: EMAIL_RETRY_SECONDS, doubled after every try."""
    return settings.EMAIL_RETRY_SECONDS * 2**tries_so_far


@shared_task(base=EmailTask, bind=True, name="core.send_email", max_retries=None)
def send_email(self, message: dict) -> None:
    """Send one email (core.mail.message_data). A mail server that is down, busy or unreachable is tried
    again, EMAIL_SEND_TRIES times in all, waiting twice as long each time; one that refuses the message for
    good (SMTP 5xx) is not, and the message becomes a dead letter at once."""
    try:
        mail.message_send(message)
    except Exception as error:
        if _may_try_again(self.request, error):
            raise self.retry(exc=error, countdown=retry_countdown(self.request.retries)) from error
        raise


def _may_try_again(request, error) -> bool:
    """In-process (no broker) there is no one to wait for a later try: the request that queued the email
    would wait instead, EMAIL_TIMEOUT seconds a try. There the email becomes a dead letter at once, unless
    EMAIL_RETRY_IN_PROCESS (the tests) says otherwise."""
    if request.is_eager and not settings.EMAIL_RETRY_IN_PROCESS:
        return False
    return mail.is_temporary(error) and request.retries + 1 < settings.EMAIL_SEND_TRIES


@shared_task(base=DeadLetterTask, name="core.prune_failed_tasks")
def prune_failed_tasks() -> int:
    return dead_letters.failed_tasks_prune()
