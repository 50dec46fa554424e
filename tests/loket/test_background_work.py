"""The task queue's set-up (loket/celery.py, CELERY_* in the settings): in-process without a broker, Redis
when configured, and a beat schedule whose every entry names a real task."""

import json

import pytest
from celery import current_app
from celery.schedules import crontab
from django.conf import settings

from core.tasks import DeadLetterTask
from initiatives.choices import FollowFrequency
from tests.initiatives.factories import FollowFactory, NotificationFactory
from tests.loket.test_settings import STRONG_SECRET_KEY, run_python


def _tasks():
    current_app.loader.import_default_modules()
    return current_app.tasks


def celery_settings(**env) -> dict:
    code = (
        "import json; from loket import settings as s; print(json.dumps({"
        "'broker': s.CELERY_BROKER_URL, 'eager': s.CELERY_TASK_ALWAYS_EAGER,"
        "'serializer': s.CELERY_TASK_SERIALIZER, 'accept': s.CELERY_ACCEPT_CONTENT}))"
    )
    production = {"DEBUG": "false", "SECRET_KEY": STRONG_SECRET_KEY, "ALLOWED_HOSTS": "loket.example"}
    result = run_python(["-c", code], **{**production, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_a_broker_tasks_run_in_process():
    configured = celery_settings()
    assert configured["eager"] is True
    assert configured["broker"].startswith("memory://")
    assert (configured["serializer"], configured["accept"]) == ("json", ["json"])


def test_redis_is_the_broker_when_configured():
    assert celery_settings(REDIS_URL="redis://cache.example:6379/0") == {
        "broker": "redis://cache.example:6379/0",
        "eager": False,
        "serializer": "json",
        "accept": ["json"],
    }
    own = celery_settings(
        REDIS_URL="redis://cache.example:6379/0", CELERY_BROKER_URL="redis://queue.example/2"
    )
    assert own["broker"] == "redis://queue.example/2"


def test_the_test_settings_run_tasks_in_process():
    assert current_app.conf.task_always_eager is True
    assert current_app.main == "loket"


def test_every_scheduled_entry_names_a_real_task_that_keeps_its_dead_letters():
    tasks = _tasks()
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert {entry["task"] for entry in schedule.values()} == {
        "initiatives.send_digests",
        "initiatives.send_check_ins",
        "dashboard.send_council_monthly_mail",
        "core.prune_failed_tasks",
    }
    for entry in schedule.values():
        assert isinstance(entry["schedule"], crontab)
        assert isinstance(tasks[entry["task"]], DeadLetterTask), entry["task"]
    assert isinstance(tasks["core.send_email"], DeadLetterTask)


def test_the_digests_come_from_the_schedule(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["daily-digests"]["args"] == ["daily"]
    assert schedule["weekly-digests"]["args"] == ["weekly"]
    weekly = schedule["weekly-digests"]["schedule"]
    assert weekly.day_of_week == {1}  # Monday
    assert schedule["council-monthly-mail"]["schedule"].day_of_month == {1}


@pytest.mark.django_db
@pytest.mark.parametrize("frequency", [FollowFrequency.DAILY, FollowFrequency.WEEKLY])
def test_the_scheduled_digest_task_sends_the_digest(
    frequency, mailoutbox, django_capture_on_commit_callbacks
):
    entry = next(e for e in settings.CELERY_BEAT_SCHEDULE.values() if e.get("args") == [frequency.value])
    follow = FollowFactory(frequency=frequency)
    NotificationFactory(follow=follow)

    with django_capture_on_commit_callbacks(execute=True):
        sent = _tasks()[entry["task"]].delay(*entry["args"]).get()

    assert sent == 1
    assert [message.to for message in mailoutbox] == [[follow.user.email]]
