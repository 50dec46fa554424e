"""The task queue end to end: a real worker (`celery -A loket worker`, in a process of its own) against
Redis and the test's PostgreSQL database. The test queues two emails the way the site does
(`send_templated_mail`, after commit): one the worker sends (it lands in a file-based outbox), one to an
address whose mail server does not answer, which the worker tries again and keeps as a dead letter in the
database.

It needs committed data shared with another process, so PostgreSQL (CI's second round; on SQLite the test
database lives in memory and is skipped with that reason), and Redis: the database number
LOKET_TEST_REDIS_URL names (default redis://127.0.0.1:6379/1), which the test empties. A Redis that does
not answer fails the test, it does not skip it. About 10 seconds.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from celery import current_app
from django.conf import settings
from django.db import connection

from core.mail import send_templated_mail
from core.models import FailedTask
from tests.accounts.factories import UserFactory
from tests.concurrency import load_reference_data

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back_afterwards(django_db_setup, django_db_blocker):
    # The transactional test empties every table when it ends, the villages and role groups the
    # migrations loaded included: they are loaded again for whatever runs next in this process.
    yield
    with django_db_blocker.unblock():
        load_reference_data()


REDIS_URL = os.environ.get("LOKET_TEST_REDIS_URL", "redis://127.0.0.1:6379/1")
TRIES = 3
DEADLINE_SECONDS = 45


def _database_url() -> str:
    """The test database (pytest-django's test_<name>, per xdist worker) as DATABASE_URL for the worker."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"])
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def broker():
    """This process queues on Redis, as a web process with CELERY_BROKER_URL does, instead of running the
    tasks itself; afterwards back to in-process."""
    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database: PostgreSQL only (CI's second round)")
    client = redis.Redis.from_url(REDIS_URL)
    client.ping()  # no Redis: an error, not a skip
    client.flushdb()
    app = current_app
    saved = {"broker_url": app.conf.broker_url, "task_always_eager": app.conf.task_always_eager}
    app.conf.update(broker_url=REDIS_URL, task_always_eager=False)
    app._pool = app.amqp._producer_pool = None  # connections to the in-memory broker: made anew
    yield client
    app.conf.update(saved)
    app._pool = app.amqp._producer_pool = None
    client.flushdb()


@pytest.fixture
def worker(broker, tmp_path):
    outbox = tmp_path / "outbox"
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DATABASE_URL": _database_url(),
        "CONN_MAX_AGE": "0",
        "CELERY_BROKER_URL": REDIS_URL,
        "LOKET_TEST_OUTBOX": str(outbox),
        "EMAIL_SEND_TRIES": str(TRIES),
        "EMAIL_RETRY_SECONDS": "0",
    }
    celery = shutil.which("celery", path=str(Path(sys.executable).parent)) or "celery"
    command = [celery, "-A", "loket", "worker", "-l", "info", "--pool", "solo", "--without-mingle"]
    command += ["--without-gossip", "--without-heartbeat", "-n", f"e2e-{os.getpid()}@%h"]
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603 - our own worker
            command, cwd=settings.BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        yield outbox, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _sent(outbox: Path) -> str:
    return "".join(path.read_text() for path in outbox.glob("*.log")) if outbox.is_dir() else ""


def test_a_real_worker_sends_the_email_and_keeps_the_dead_letter(worker):
    outbox, log = worker
    member = UserFactory(display_name="Raadslid Rian")
    for address in ["rian@example.org", "rian@unreachable.example"]:
        send_templated_mail(
            to=[address],
            template="dashboard/email/monthly",
            context={"user": member, "month": "november 2026", "numbers": [("initiatieven", 3, "")]},
        )  # no transaction open: queued at once, as after a commit

    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        if "rian@example.org" in _sent(outbox) and FailedTask.objects.exists():
            break
        time.sleep(0.25)

    sent = _sent(outbox)
    assert "To: rian@example.org" in sent, log.read_text()
    assert "Subject: Het loket in november 2026" in sent
    assert "unreachable.example" not in sent
    failed = FailedTask.objects.get()
    assert (failed.task_name, failed.recipient, failed.tries) == (
        "core.send_email",
        "rian@unreachable.example",
        TRIES,
    )
    assert "SMTPServerDisconnected" in failed.error
    assert failed.summary == "Het loket in november 2026"
    assert "Retry in 0s" in log.read_text()  # it was tried again through the broker
